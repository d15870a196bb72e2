// The reference control plane as running components: one export surface.
export { ControlPlane, ADMIN_USER_AGENT, type ControlPlaneOptions } from './ControlPlane.ts';
export { COMPONENTS, COMPONENT_NAMES, componentsNamed } from './components.ts';
export { componentContext, type ComponentContext, type ComponentDefinition, type ComponentDeps, type RunningComponent } from './Component.ts';
export { Trace, type TraceEntry, type TraceOptions, type RequestEntry, type WatchEntry, type StoreEntry, type ErrorEntry } from './Trace.ts';
export { API_SERVER, currentActor, runAs } from './actor.ts';
export { recordingStore } from './recordingStore.ts';
export { connectComponents, type ConnectedComponents, type RemoteApiServer } from './connectComponents.ts';
export { tracedHandler } from './tracedHandler.ts';
