import { describe, expect, it } from 'vitest';
import { autoThreadCount, physicalCoreCount } from './physical-cores';

describe('autoThreadCount', () => {
  it('is VIBE_THREADS where that is a whole number, else the physical core count', () => {
    expect(autoThreadCount({ VIBE_THREADS: '1' })).toBe(1);
    expect(autoThreadCount({ VIBE_THREADS: ' 6 ' })).toBe(6);
    expect(autoThreadCount({ VIBE_THREADS: '9999' })).toBe(256);
    for (const bad of ['', '0', '-2', '1.5', 'two', '3x']) expect(autoThreadCount({ VIBE_THREADS: bad }), bad).toBe(physicalCoreCount());
    expect(autoThreadCount({})).toBe(physicalCoreCount());
    expect(physicalCoreCount()).toBeGreaterThan(0);
  });
});
