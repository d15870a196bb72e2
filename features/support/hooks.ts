import { After, AfterAll, BeforeAll, setDefaultTimeout } from '@cucumber/cucumber';
import { openDriver } from '../../harness/drivers/select.ts';
import { activeDriver, setActiveDriver } from '../../harness/runner/session.ts';
import type { KWorld } from './world.ts';

setDefaultTimeout(30_000);

let openedHere = false;

// `kconform run` sets the driver before cucumber starts; plain `cucumber-js` gets one from KCONFORM_DRIVER.
BeforeAll(async function () {
  if (activeDriver()) return;
  setActiveDriver(await openDriver(process.env.KCONFORM_DRIVER ?? 'reference'));
  openedHere = true;
});

AfterAll(async function () {
  if (!openedHere) return;
  await activeDriver()?.close();
  setActiveDriver(undefined);
});

After(async function (this: KWorld) {
  for (const name of this.createdNamespaces.reverse()) {
    await this.driver.call('objects.delete', { kind: 'Namespace', name }).catch(() => {});
  }
});
