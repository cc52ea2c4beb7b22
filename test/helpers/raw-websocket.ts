import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A WebSocket client on a bare TCP socket, for sending what no well-behaved
 * library would: hand-built frames with any header bits, masks and lengths.
 */

export interface FrameSpec {
  /** Default true. */
  fin?: boolean;
  /** RSV1..3 as the three bits 0b100, 0b010, 0b001. Default 0. */
  rsv?: number;
  opcode: number;
  payload?: Buffer;
  /** Client frames must be masked; false sends it bare. Default true. */
  mask?: boolean;
  /** Announce this length instead of the payload's (e.g. more than the server accepts). */
  declaredLength?: number;
}

export function buildFrame(spec: FrameSpec): Buffer {
  const payload = spec.payload ?? Buffer.alloc(0);
  const length = spec.declaredLength ?? payload.length;
  const masked = spec.mask ?? true;
  const head = [((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | (spec.opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 0x10000) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (key[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), extended, key, body]);
}

export interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

export interface RawClient {
  socket: Socket;
  /** Status line of the handshake answer, e.g. `HTTP/1.1 101 Switching Protocols`. */
  status: string;
  frames: ServerFrame[];
  /** Resolves once the server has closed the TCP connection (or it failed). */
  closed: Promise<void>;
  /** The first close frame's status code, once one arrives (null if the connection ends without one). */
  closeCode(): Promise<number | null>;
}

/** Opens `path` with a real handshake and reads the server's frames as they arrive. */
export function openRawWebSocket(port: number, path: string, extraHeaders = ''): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const frames: ServerFrame[] = [];
    const closeWaiters: ((code: number | null) => void)[] = [];
    let buffer = Buffer.alloc(0);
    let status = '';
    let closeCode: number | null | undefined;
    const settleClose = (code: number | null) => {
      if (closeCode !== undefined) return;
      closeCode = code;
      for (const waiter of closeWaiters.splice(0)) waiter(code);
    };
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      settleClose(null);
      if (!status) reject(new Error('connection closed before the handshake answer'));
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!status) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        status = buffer.subarray(0, buffer.indexOf('\r\n')).toString();
        buffer = buffer.subarray(end + 4);
        resolve({ socket, status, frames, closed, closeCode: () => (closeCode !== undefined ? Promise.resolve(closeCode) : new Promise((r) => closeWaiters.push(r))) });
      }
      for (;;) {
        const frame = nextFrame(buffer);
        if (!frame) return;
        buffer = buffer.subarray(frame.size);
        frames.push({ opcode: frame.opcode, payload: frame.payload });
        if (frame.opcode === 0x8) settleClose(frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null);
      }
    });
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`,
    );
  });
}

/** Parses one unmasked server frame from the front of `data`, or null if it is not all there yet. */
function nextFrame(data: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (data.length < 2) return null;
  const opcode = (data[0] ?? 0) & 0x0f;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  if (data.length < offset + length) return null;
  return { opcode, payload: data.subarray(offset, offset + length), size: offset + length };
}
