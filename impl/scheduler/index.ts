// The reference scheduler's one export surface.
export { schedule } from './schedule.ts';
export { Scheduler, type SchedulerOptions } from './scheduler.ts';
export type { KubeObject, ScheduleInput, ScheduleResult } from './types.ts';
export { InvalidObjectError } from './errors.ts';
export { SchedulerError } from './framework/status.ts';
export type { CycleResult } from './framework/schedulePod.ts';
export { DEFAULT_PROFILE, type ProfilePlugin } from './plugins/defaultProfile.ts';
export * as pluginNames from './plugins/names.ts';
