import { describe, expect, it } from 'vitest';
import { isErrorData, toErrorData, WorkbenchError } from './errors';

describe('WorkbenchError as data', () => {
  it('survives JSON and is recognised by name, not by class', () => {
    const original = new WorkbenchError('StorageError', 'enospc', 'Disk full.');
    const wire = JSON.parse(JSON.stringify(original.toData())) as unknown;
    expect(wire).toEqual({ name: 'StorageError', code: 'enospc', message: 'Disk full.' });
    expect(isErrorData(wire)).toBe(true);
    expect(isErrorData(original)).toBe(true);
    const revived = WorkbenchError.fromData(wire as never);
    expect(revived).toBeInstanceOf(Error);
    expect(revived.name).toBe('StorageError');
  });

  it('turns unknown throwables into InternalError without a stack', () => {
    expect(toErrorData(new TypeError('boom'))).toEqual({ name: 'InternalError', code: 'internal', message: 'boom' });
    expect(toErrorData('text')).toEqual({ name: 'InternalError', code: 'internal', message: 'text' });
    expect(toErrorData({ name: 'NotAName', code: 'x', message: 'y' }).name).toBe('InternalError');
  });
});
