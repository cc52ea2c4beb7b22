import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openRawWebSocket } from '../../test/helpers/raw-websocket';
import { testToken, useWebServer } from '../../test/helpers/web-server-harness';

/**
 * Clients that stop halfway must not hold the server's memory or sockets for
 * ever: a WebSocket peer that went silent, one that never reads what it is
 * sent, request headers that never end, a refused upgrade left half-open.
 */

const eventsPath = `/api/events?token=${testToken}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  if (socket.destroyed) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function openLibraryClient(port: number): Promise<WebSocket> {
  const client = new WebSocket(`ws://127.0.0.1:${port}${eventsPath}`);
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  return client;
}

describe('web mode and clients that stop halfway', () => {
  const start = useWebServer();

  it('drops a WebSocket peer that stops answering pings, and keeps one that answers', async () => {
    const { server } = await start({ eventSocket: { heartbeatMs: 150 } });
    const silent = await openRawWebSocket(server.port, eventsPath);
    expect(silent.status).toBe('HTTP/1.1 101 Switching Protocols');
    const live = await openLibraryClient(server.port);
    expect(await closedWithin(silent.socket, 3000)).toBe(true);
    // The pings did reach the silent one: it was dropped for not answering, not for nothing.
    expect(silent.frames.some((f) => f.opcode === 0x9)).toBe(true);
    await sleep(500);
    expect(live.readyState).toBe(WebSocket.OPEN);
    live.close();
  });

  it('drops a client that never reads while events pile up, and keeps the one that reads', async () => {
    const { server, core } = await start({ eventSocket: { maxBacklogBytes: 256 * 1024, heartbeatMs: 60_000 } });
    const stuck = await openRawWebSocket(server.port, eventsPath);
    stuck.socket.pause();
    const reader = await openLibraryClient(server.port);
    let received = 0;
    reader.on('message', () => received++);
    const message = 'x'.repeat(64 * 1024);
    // 32 MiB in all: far more than the kernel's socket buffers hold for the stuck one.
    for (let seq = 0; seq < 512; seq++) {
      core.events.emit('pinged', { seq, message, at: new Date().toISOString() });
      await sleep(1);
    }
    await expect.poll(() => received, { timeout: 10_000 }).toBe(512);
    stuck.socket.resume();
    expect(await closedWithin(stuck.socket, 10_000)).toBe(true);
    expect(reader.readyState).toBe(WebSocket.OPEN);
    reader.close();
  });

  it('closes a connection whose request headers stop halfway', async () => {
    const { server } = await start({ headersTimeoutMs: 400 });
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('error', () => undefined);
    socket.write(`GET ${eventsPath} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\n`);
    // Well inside Node's own default (60 s, checked every 30 s); generous for a loaded test machine.
    expect(await closedWithin(socket, 8000)).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('lets go of a refused upgrade even when the client never closes its side', async () => {
    const { server } = await start();
    const socket = connect({ port: server.port, host: '127.0.0.1', allowHalfOpen: true });
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const failed = new Promise<boolean>((resolve) => socket.once('error', () => resolve(true)));
    socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${'a'.repeat(22)}==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await expect.poll(() => answer, { timeout: 5000 }).toMatch(/^HTTP\/1\.1 401/);
    // Still writing into it: once the server has really let go, the kernel answers with a reset.
    const writing = setInterval(() => socket.write('x'), 50);
    const gone = await Promise.race([failed, sleep(2000).then(() => false)]);
    clearInterval(writing);
    socket.destroy();
    expect(gone).toBe(true);
  });
});
