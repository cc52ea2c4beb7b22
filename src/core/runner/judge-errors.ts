import { WorkbenchError } from '../../shared/api/errors';

/** What a judging that was stopped (by the user, a shutdown, or its own failure) rejects with. */
export function cancelled(): WorkbenchError {
  return new WorkbenchError('UnavailableError', 'cancelled', 'Judging was stopped.');
}
