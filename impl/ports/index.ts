// Component port layouts: the seed's and upstream's tables, schema-checked, and the no-shared-port law.
export { loadLayout, validateLayout, fieldPath, LAYOUT_NAMES, type PortLayout, type Listener, type LayoutResult, type NodeRole } from './loadLayout.ts';
export { portConflicts, portRange, shiftLayout } from './portConflicts.ts';
