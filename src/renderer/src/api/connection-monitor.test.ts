import { describe, expect, it } from 'vitest';
import { ConnectionMonitor, type ProbeResult } from './connection-monitor';

/** A monitor over fake sockets, a scripted health check and a hand-driven clock. */
function setup() {
  let now = 1_000;
  const timers: { run: () => void; at: number }[] = [];
  const sockets: { open(): void; close(): void; closed: boolean }[] = [];
  const probes: ProbeResult[] = [];
  let probeCount = 0;
  const monitor = new ConnectionMonitor({
    openSocket: ({ onOpen, onClose }) => {
      const socket = {
        closed: false,
        open: () => onOpen(),
        close: () => {
          if (socket.closed) return;
          socket.closed = true;
          onClose();
        },
      };
      sockets.push(socket);
      return socket;
    },
    probe: async () => {
      probeCount++;
      return probes.shift() ?? { kind: 'unreachable' };
    },
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { run, at: now + ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      const i = timers.indexOf(timer as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    monitor,
    probes,
    probeCount: () => probeCount,
    lastSocket: () => sockets.at(-1),
    socketCount: () => sockets.length,
    settle,
    /** Moves the clock to the next timer and runs it. */
    async tick() {
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) throw new Error('no timer waiting');
      now = next.at;
      next.run();
      await settle();
    },
  };
}

const ok = (instance = 'run-1', version = '1.0.0'): ProbeResult => ({ kind: 'ok', instance, version });

describe('ConnectionMonitor', () => {
  it('connects, and after a loss counts its tries with growing waits while the server is unreachable', async () => {
    const t = setup();
    t.monitor.start();
    expect(t.monitor.detail.state).toBe('connecting');
    t.probes.push(ok());
    t.lastSocket()?.open();
    await t.settle();
    expect(t.monitor.detail).toMatchObject({ state: 'connected', attempts: 0, reconnects: 0 });

    t.lastSocket()?.close();
    expect(t.monitor.detail).toMatchObject({ state: 'reconnecting', attempts: 0 });
    await t.settle();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { attempts, nextRetryAt, changedAt } = t.monitor.detail;
      expect(attempts).toBe(i + 1);
      waits.push((nextRetryAt ?? 0) - changedAt);
      await t.tick();
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 5000]);
    expect(t.socketCount()).toBe(1);
  });

  it('says refused when the server answers but no longer takes the token, and keeps asking', async () => {
    const t = setup();
    t.monitor.start();
    t.probes.push(ok('run-1'));
    t.lastSocket()?.open();
    await t.settle();
    t.probes.push({ kind: 'refused' });
    t.lastSocket()?.close();
    await t.settle();
    expect(t.monitor.detail.state).toBe('refused');
    expect(t.socketCount()).toBe(1);
    // Still refused at the next poll; then the new address was opened in another tab (the cookie changed).
    t.probes.push({ kind: 'refused' }, ok('run-2'));
    await t.tick();
    expect(t.monitor.detail.state).toBe('refused');
    await t.tick();
    t.lastSocket()?.open();
    expect(t.monitor.detail).toMatchObject({ state: 'connected', reconnects: 1, restarted: true, newVersion: null });
  });

  it('reconnects to the same server run without calling it a restart, and notices a new version', async () => {
    const t = setup();
    t.monitor.start();
    t.probes.push(ok('run-1', '1.0.0'));
    t.lastSocket()?.open();
    await t.settle();
    t.probes.push(ok('run-1', '1.0.0'));
    t.lastSocket()?.close();
    await t.settle();
    t.lastSocket()?.open();
    expect(t.monitor.detail).toMatchObject({ state: 'connected', reconnects: 1, restarted: false, newVersion: null });
    t.probes.push(ok('run-2', '1.1.0'));
    t.lastSocket()?.close();
    await t.settle();
    t.lastSocket()?.open();
    expect(t.monitor.detail).toMatchObject({ state: 'connected', reconnects: 2, restarted: true, newVersion: '1.1.0' });
  });

  it('retries at once on request, and checks a suspect connection without dropping a good one', async () => {
    const t = setup();
    t.monitor.start();
    t.probes.push(ok());
    t.lastSocket()?.open();
    await t.settle();
    t.probes.push(ok());
    await t.monitor.suspect();
    expect(t.lastSocket()?.closed).toBe(false);
    await t.monitor.suspect();
    expect(t.lastSocket()?.closed).toBe(true);
    await t.settle();
    expect(t.monitor.detail).toMatchObject({ state: 'reconnecting', attempts: 1 });
    const before = t.probeCount();
    t.probes.push(ok());
    t.monitor.retryNow();
    await t.settle();
    expect(t.probeCount()).toBe(before + 1);
    t.lastSocket()?.open();
    expect(t.monitor.detail.state).toBe('connected');
  });

  it('waits before asking again when the socket fails although the server said yes', async () => {
    const t = setup();
    t.monitor.start();
    t.lastSocket()?.close();
    expect(t.monitor.detail).toMatchObject({ state: 'reconnecting', attempts: 1 });
    t.probes.push(ok());
    await t.tick();
    t.lastSocket()?.close();
    expect(t.monitor.detail).toMatchObject({ state: 'reconnecting', attempts: 2 });
  });
});
