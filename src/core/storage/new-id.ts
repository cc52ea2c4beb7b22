import { randomBytes } from 'node:crypto';

/**
 * An id for a record or a run: time-ordered (base 36 milliseconds) with 6 random hex digits, so
 * two made in the same millisecond still differ; `prefix` says what it names (`t` a turn, `s` a Solve run…).
 */
export const newId = (prefix = '') => `${prefix}${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
