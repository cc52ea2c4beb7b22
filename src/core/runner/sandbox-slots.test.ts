import { describe, expect, it } from 'vitest';
import { SandboxSlots } from './sandbox-slots';

describe('SandboxSlots', () => {
  it('hands out at most its capacity, in arrival order, and a freed slot goes to the first waiting', async () => {
    const slots = new SandboxSlots(2, 10_000, 4);
    const a = await slots.acquire(256);
    const b = slots.tryAcquire(256);
    expect(b).not.toBeNull();
    expect(slots.tryAcquire(256)).toBeNull();
    const order: string[] = [];
    const c = slots.acquire(256).then((release) => (order.push('c'), release));
    const d = slots.acquire(256).then((release) => (order.push('d'), release));
    a();
    a(); // Releasing twice gives back one slot only.
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(slots.inUse).toBe(2);
    b?.();
    (await d)();
    releaseC();
    expect(order).toEqual(['c', 'd']);
    expect(slots.inUse).toBe(0);
  });

  it('refuses at once as busy when too many wait, and a cancelled wait leaves the queue', async () => {
    const slots = new SandboxSlots(1, 10_000, 1);
    const held = await slots.acquire(256);
    const controller = new AbortController();
    const waiting = slots.acquire(256, controller.signal);
    await expect(slots.acquire(256)).rejects.toMatchObject({ name: 'UnavailableError', code: 'judge_busy' });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'UnavailableError', code: 'cancelled' });
    const next = slots.acquire(256);
    held();
    (await next)();
    expect(slots.inUse).toBe(0);
  });

  it('never promises more memory than its budget: big sandboxes wait, one at a time if need be', async () => {
    const slots = new SandboxSlots(8, 1000, 8);
    expect(slots.clampMemory(8192)).toBe(1000);
    const big = await slots.acquire(600);
    expect(slots.tryAcquire(600)).toBeNull();
    const small = slots.tryAcquire(300);
    expect(small).not.toBeNull();
    let second = false;
    const waiting = slots.acquire(8192).then((release) => ((second = true), release));
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false);
    big();
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false); // 300 MB still promised: the whole budget is not free yet.
    small?.();
    (await waiting)();
    expect(slots.inUse).toBe(0);
  });
});
