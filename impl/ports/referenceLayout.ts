import { loadLayout, type PortLayout } from './loadLayout.ts';

/** The layout the reference follows (what its `ports.layout` reports): current upstream's. */
export const REFERENCE_LAYOUT = 'upstream';

/** spec/ports/layout-upstream.yaml, loaded and validated; throws if the shipped file is invalid. */
export function referenceLayout(): PortLayout {
  const got = loadLayout(REFERENCE_LAYOUT);
  if (!got.ok) throw new Error(`spec/ports/layout-${REFERENCE_LAYOUT}.yaml is invalid: ${got.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  return got.layout;
}
