// The reference driver's `scheduling` capability: the reference scheduler library, in process.
import { DriverError } from '../../contract/driver.ts';
import { InvalidObjectError, schedule, SchedulerError } from '../../../impl/scheduler/index.ts';
import type { Handlers } from './handlers.ts';

export const schedulingHandlers: Handlers<'scheduling'> = {
  'scheduling.schedule': (params) => {
    try {
      return schedule(params);
    } catch (e) {
      if (e instanceof InvalidObjectError) throw new DriverError({ code: 'Invalid', message: e.problem, field: e.field });
      if (e instanceof SchedulerError) throw new DriverError({ code: 'Internal', message: e.message });
      throw e;
    }
  },
};
