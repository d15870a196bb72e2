import type { Driver } from '../contract/driver.ts';
import { DriverError } from '../contract/driver.ts';
import { capabilityOf, type Capability } from '../contract/methods.ts';

/**
 * The driver as if it lacked some capabilities: hello leaves them out and their methods fail with
 * MethodNotFound. Checks then take the other path (e.g. scheduling scenarios through `objects` and a
 * running scheduler), or are reported not applicable.
 */
export function withoutCapabilities(driver: Driver, hidden: Capability[]): Driver {
  if (!hidden.length) return driver;
  const capabilities = driver.hello.capabilities.filter((c) => !hidden.includes(c));
  return {
    name: `${driver.name} without ${hidden.join(',')}`,
    hello: { ...driver.hello, capabilities },
    has: (c) => capabilities.includes(c),
    call(method, params) {
      const cap = capabilityOf(method);
      if (cap && hidden.includes(cap)) return Promise.reject(new DriverError({ code: 'MethodNotFound', message: `capability ${cap} is hidden (--without)` }));
      return driver.call(method, params);
    },
    close: () => driver.close(),
  };
}
