// Time and task execution for the control plane's components: one export surface.
export { rfc3339, type Clock, type TaskFn, type Tasks } from './Clock.ts';
export { RealClock } from './RealClock.ts';
export { RealScheduler } from './RealScheduler.ts';
export { VirtualClock, VIRTUAL_EPOCH } from './VirtualClock.ts';
export { SeededScheduler, type SeededSchedulerOptions } from './SeededScheduler.ts';
export { LivelockError } from './LivelockError.ts';
export { seededRandom } from './rng.ts';
