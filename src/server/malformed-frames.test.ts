import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildFrame, openRawWebSocket, type FrameSpec } from '../../test/helpers/raw-websocket';
import { runVibe, waitForOutput, type VibeRun } from '../../test/helpers/run-vibe';

/**
 * A bad client must never take web mode down: each case below once killed the
 * whole `vibe serve` process ("Unhandled 'error' event"). The server runs as a
 * real child process so "still alive" means exactly that.
 */

const token = 'malformed-frames-token-0123456789';
const text = (s: string) => Buffer.from(s, 'utf8');
const closePayload = (code: number, reason = Buffer.alloc(0)) => {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(code);
  return Buffer.concat([head, reason]);
};

/** What the client sends, and the close code ws answers with (RFC 6455 §7.4.1). */
const malformed: [string, number, FrameSpec[]][] = [
  ['an unmasked client frame', 1002, [{ opcode: 0x1, payload: text('hi'), mask: false }]],
  ['RSV1 set without a negotiated extension', 1002, [{ opcode: 0x1, rsv: 0b100, payload: text('hi') }]],
  ['RSV2 and RSV3 set', 1002, [{ opcode: 0x2, rsv: 0b011, payload: text('hi') }]],
  ['an unknown data opcode', 1002, [{ opcode: 0x3, payload: text('hi') }]],
  ['an unknown control opcode', 1002, [{ opcode: 0xb }]],
  ['a payload over maxPayload', 1009, [{ opcode: 0x2, declaredLength: 64 * 1024 + 1 }]],
  ['a 64-bit length beyond 2^53', 1009, [{ opcode: 0x2, declaredLength: 2 ** 60 }]],
  ['invalid UTF-8 in a text frame', 1007, [{ opcode: 0x1, payload: Buffer.from([0xc3, 0x28, 0xff]) }]],
  ['invalid UTF-8 across fragments', 1007, [{ opcode: 0x1, fin: false, payload: Buffer.from([0xe2, 0x82]) }, { opcode: 0x0, payload: Buffer.from([0x41]) }]],
  ['a fragmented control frame', 1002, [{ opcode: 0x9, fin: false, payload: text('p') }]],
  ['a control frame over 125 bytes', 1002, [{ opcode: 0x9, payload: Buffer.alloc(126) }]],
  ['a continuation with nothing to continue', 1002, [{ opcode: 0x0, payload: text('x') }]],
  ['a new message inside a fragmented one', 1002, [{ opcode: 0x1, fin: false, payload: text('a') }, { opcode: 0x1, payload: text('b') }]],
  ['a close frame with a one-byte body', 1002, [{ opcode: 0x8, payload: Buffer.from([0x03]) }]],
  ['a close frame with a reserved code', 1002, [{ opcode: 0x8, payload: closePayload(999) }]],
  ['a close reason that is not UTF-8', 1007, [{ opcode: 0x8, payload: closePayload(1000, Buffer.from([0xff, 0xfe])) }]],
];

describe('web mode survives malformed WebSocket frames (real vibe serve process)', () => {
  let run: VibeRun;
  let port = 0;
  let watcher: WebSocket;
  const seen: unknown[] = [];
  let root = '';

  beforeAll(async () => {
    // One server for the whole file (useTempDirs would remove its folder after the first test).
    root = await mkdtemp(join(tmpdir(), 'vibe-frames-'));
    const renderer = join(root, 'renderer');
    await mkdir(renderer, { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>stub</title>');
    run = runVibe(['serve', '--port', '0', '--companion-port', '0', '--data-dir', join(root, 'data')], { VIBE_RENDERER_DIR: renderer, VIBE_TOKEN: token });
    const [, found] = await waitForOutput(run, /Open: http:\/\/127\.0\.0\.1:(\d+)\//);
    port = Number(found);
    watcher = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${token}`);
    watcher.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => watcher.once('open', resolve).once('error', reject));
  });

  afterAll(async () => {
    watcher.terminate();
    run.child.kill('SIGKILL');
    await run.exit;
    await rm(root, { recursive: true, force: true });
  });

  /** The process lives, HTTP answers, and the other WebSocket client still gets events. */
  async function expectServerHealthy(): Promise<void> {
    expect(run.child.exitCode, run.stderr).toBeNull();
    const health = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { Authorization: `Bearer ${token}` } });
    expect(health.status).toBe(200);
    const message = `still here ${Math.random()}`;
    const called = await fetch(`http://127.0.0.1:${port}/api/call/ping`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { message } }),
    });
    expect(called.status).toBe(200);
    await expect.poll(() => seen.some((m) => (m as { payload?: { message?: string } }).payload?.message === message), { timeout: 5000 }).toBe(true);
    expect(watcher.readyState).toBe(WebSocket.OPEN);
  }

  it.each(malformed)('%s closes only that socket (close code %i)', async (_name, code, frames) => {
    const raw = await openRawWebSocket(port, `/api/events?token=${token}`);
    expect(raw.status).toBe('HTTP/1.1 101 Switching Protocols');
    raw.socket.write(Buffer.concat(frames.map(buildFrame)));
    expect(await raw.closeCode()).toBe(code);
    await raw.closed;
    await expectServerHealthy();
  });

  it('survives a client that resets the connection while its upgrade is refused', async () => {
    for (let i = 0; i < 20; i++) {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      socket.on('error', () => undefined);
      // No token: the server answers 401 into a connection that is already gone.
      socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${'a'.repeat(22)}==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      socket.resetAndDestroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    await expectServerHealthy();
  });

  it('answers 400, before any token, to a request address the URL parser refuses (upgrade or not)', async () => {
    for (const upgrade of [true, false]) {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      socket.on('error', () => undefined);
      const headers = upgrade ? `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${'a'.repeat(22)}==\r\nSec-WebSocket-Version: 13\r\n` : '';
      socket.write(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}\r\n`);
      const answer = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      socket.destroy();
    }
    await expectServerHealthy();
  });

  it('survives a client that resets the connection right after an accepted upgrade', async () => {
    for (let i = 0; i < 20; i++) {
      const raw = await openRawWebSocket(port, `/api/events?token=${token}`);
      raw.socket.write(buildFrame({ opcode: 0x1, payload: text('bye') }));
      raw.socket.resetAndDestroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    await expectServerHealthy();
  });

  it('stays bounded under a flood of valid frames from a client that never reads', async () => {
    const before = await residentBytes(run);
    const raw = await openRawWebSocket(port, `/api/events?token=${token}`);
    raw.socket.pause();
    const frame = buildFrame({ opcode: 0x2, payload: Buffer.alloc(60 * 1024, 7) });
    // 375 MiB of binary messages, each well under maxPayload: valid, ignored, and never held together.
    for (let i = 0; i < 6400; i++) {
      if (!raw.socket.write(frame)) await new Promise((r) => raw.socket.once('drain', r));
    }
    await expectServerHealthy();
    // Garbage not yet collected shows up in RSS (~50 MB seen), but it must not grow with what was sent.
    expect((await residentBytes(run)) - before).toBeLessThan(128 * 1024 * 1024);
    raw.socket.destroy();
  });

  it('cuts a client that floods pings without reading the pongs', async () => {
    const raw = await openRawWebSocket(port, `/api/events?token=${token}`);
    raw.socket.pause();
    const ping = buildFrame({ opcode: 0x9, payload: Buffer.alloc(125, 1) });
    const burst = Buffer.concat(Array.from({ length: 512 }, () => ping));
    let written = 0;
    const cut = await new Promise<boolean>((resolve) => {
      raw.socket.once('error', () => resolve(true));
      raw.socket.once('close', () => resolve(true));
      const pump = () => {
        while (written < 256 * 1024 * 1024) {
          written += burst.length;
          if (!raw.socket.write(burst)) return void raw.socket.once('drain', pump);
        }
        resolve(false);
      };
      pump();
    });
    expect(cut).toBe(true);
    raw.socket.destroy();
    await expectServerHealthy();
  });
});

/** Resident memory of the server process, from /proc (Linux). */
async function residentBytes(run: VibeRun): Promise<number> {
  const status = await readFile(`/proc/${run.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}
