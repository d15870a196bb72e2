// Component port layouts: the seed's and upstream's tables, schema-checked, and the no-shared-port law.
export { referenceLayout, REFERENCE_LAYOUT } from './referenceLayout.ts';
export { loadLayout, validateLayout, fieldPath, LAYOUT_NAMES, type PortLayout, type Listener, type LayoutResult, type NodeRole } from './loadLayout.ts';
export { portConflicts, portRange, shiftLayout } from './portConflicts.ts';
export { serveLayout, metricsText, ServeLayoutError, type ServeLayoutOptions, type ServedListener, type ServingLayout, type HostedComponent } from './serving/serveLayout.ts';
export { hostedBy, layoutComponentOf, CONTROLLER_MANAGER, type RunningComponents } from './serving/hostedBy.ts';
export { runLayoutComponent, layoutProcesses, layoutPort, kubeletApiPort, API_SERVER_COMPONENT, type RunLayoutComponentOptions, type RunningLayoutComponent } from './serving/runLayoutComponent.ts';
