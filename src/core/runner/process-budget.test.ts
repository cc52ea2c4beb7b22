import { describe, expect, it } from 'vitest';
import { processBudget } from './process-budget';

describe('processBudget', () => {
  it('adds the user’s running processes to the allowance on Linux', () => {
    const uid = process.getuid?.();
    const budget = processBudget(5, uid);
    if (process.platform === 'linux') expect(budget).toBeGreaterThan(5);
    else expect(budget).toBe(5);
    expect(processBudget(5, 2_000_000_000)).toBe(5);
  });
});
