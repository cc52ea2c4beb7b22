import { describe, expect, it } from 'vitest';
import { notifyAfterMs, shouldNotify } from './notify-when-away';

describe('shouldNotify', () => {
  it('notifies only for long jobs while the user looks elsewhere', () => {
    const start = 1_000_000;
    expect(shouldNotify(start, start + notifyAfterMs, false, true)).toBe(true);
    expect(shouldNotify(start, start + notifyAfterMs, true, false)).toBe(true);
    expect(shouldNotify(start, start + notifyAfterMs, true, true)).toBe(false);
    expect(shouldNotify(start, start + notifyAfterMs - 1, false, false)).toBe(false);
  });
});
