import type { ConnectionDetail, ConnectionState } from './transport';

/** What asking the server "are you there, and do you still accept me?" can tell. */
export type ProbeResult = { kind: 'ok'; instance: string; version: string } | { kind: 'refused' } | { kind: 'unreachable' };

export interface MonitorDeps {
  /** Opens the event socket; exactly one of the callbacks ends each socket's life (`onClose`). */
  openSocket(callbacks: { onOpen(): void; onClose(): void }): { close(): void };
  /** `GET /api/health` with the tab's cookie. */
  probe(): Promise<ProbeResult>;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface MonitorTiming {
  /** First wait after a failed try; doubles up to `maxBackoffMs`. Default: 250. */
  initialBackoffMs?: number;
  /** Default: 5000. */
  maxBackoffMs?: number;
  /**
   * How often a refused tab asks again. The tab gets back in by itself when the user opens the new
   * address in another tab (the cookie is the browser's, shared by the tabs). Default: 5000.
   */
  refusedPollMs?: number;
}

/**
 * Keeps the event socket up and says why it is not. A closed socket cannot tell why (the browser
 * hides the status of a refused upgrade), so after each loss the monitor asks `/api/health`:
 * no answer → unreachable, retried with backoff; 401 → refused, the token is stale; 200 → open the
 * socket again. The health answer also names the server's run, so a reconnect can tell a restart
 * from a dropped connection.
 */
export class ConnectionMonitor {
  readonly #deps: MonitorDeps;
  readonly #initialBackoff: number;
  readonly #maxBackoff: number;
  readonly #refusedPoll: number;
  readonly #listeners = new Set<(state: ConnectionState) => void>();
  #detail: ConnectionDetail;
  #backoff: number;
  #timer: unknown = null;
  #socket: { close(): void } | null = null;
  #checking = false;
  #lost = false;
  #disposed = false;
  /** The server run and version the page was loaded from (learnt on the first connection). */
  #first: { instance: string; version: string } | null = null;

  constructor(deps: MonitorDeps, timing: MonitorTiming = {}) {
    this.#deps = deps;
    this.#initialBackoff = timing.initialBackoffMs ?? 250;
    this.#maxBackoff = timing.maxBackoffMs ?? 5000;
    this.#refusedPoll = timing.refusedPollMs ?? 5000;
    this.#backoff = this.#initialBackoff;
    this.#detail = { state: 'connecting', attempts: 0, nextRetryAt: null, changedAt: deps.now(), reconnects: 0, restarted: false, newVersion: null, instance: null };
  }

  get detail(): ConnectionDetail {
    return this.#detail;
  }

  onChange(listener: (state: ConnectionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    this.#connect();
  }

  /** Skips the wait before the next try (a "Retry now" button). */
  retryNow(): void {
    if (this.#detail.state === 'connected' || this.#socket || this.#checking) return;
    void this.#check();
  }

  /**
   * An API call failed (401, or no answer) while the socket looked fine: a server that vanished
   * without closing the connection (a rebooted machine) leaves it open for minutes. Ask; if the
   * server refuses or is gone, drop the socket and take the usual path.
   */
  async suspect(): Promise<void> {
    if (this.#detail.state !== 'connected' || this.#checking) return;
    this.#checking = true;
    const result = await this.#deps.probe();
    this.#checking = false;
    if (result.kind !== 'ok') this.#socket?.close();
  }

  dispose(): void {
    this.#disposed = true;
    this.#deps.clearTimer(this.#timer);
    this.#socket?.close();
  }

  #connect(): void {
    let opened = false;
    const socket = this.#deps.openSocket({
      onOpen: () => {
        opened = true;
        this.#opened();
      },
      onClose: () => {
        if (this.#socket === socket) this.#socket = null;
        if (this.#disposed) return;
        if (opened) {
          // Lost: say so at once, then find out why.
          this.#lost = true;
          this.#backoff = this.#initialBackoff;
          this.#publish({ state: 'reconnecting', attempts: 0, nextRetryAt: null });
          void this.#check();
        } else {
          // The server said it accepts us, yet the socket did not open: wait before asking again.
          this.#failed();
        }
      },
    });
    this.#socket = socket;
  }

  #opened(): void {
    this.#backoff = this.#initialBackoff;
    const reconnects = this.#detail.reconnects + (this.#lost ? 1 : 0);
    this.#lost = false;
    this.#publish({ state: 'connected', attempts: 0, nextRetryAt: null, reconnects });
    // Learn which server run this page was loaded from, to recognise a restart later.
    if (!this.#first) void this.#deps.probe().then((result) => this.#learn(result));
  }

  async #check(): Promise<void> {
    this.#deps.clearTimer(this.#timer);
    this.#timer = null;
    this.#checking = true;
    const result = await this.#deps.probe();
    this.#checking = false;
    if (this.#disposed) return;
    if (result.kind === 'ok') {
      this.#learn(result);
      this.#connect();
    } else if (result.kind === 'refused') {
      this.#publish({ state: 'refused', nextRetryAt: this.#deps.now() + this.#refusedPoll });
      this.#schedule(this.#refusedPoll);
    } else {
      this.#failed();
    }
  }

  #failed(): void {
    const delay = this.#backoff;
    this.#backoff = Math.min(this.#backoff * 2, this.#maxBackoff);
    this.#publish({ state: 'reconnecting', attempts: this.#detail.attempts + 1, nextRetryAt: this.#deps.now() + delay });
    this.#schedule(delay);
  }

  #schedule(ms: number): void {
    this.#deps.clearTimer(this.#timer);
    this.#timer = this.#deps.setTimer(() => void this.#check(), ms);
  }

  #learn(result: ProbeResult): void {
    if (result.kind !== 'ok') return;
    if (!this.#first) {
      this.#first = { instance: result.instance, version: result.version };
      this.#publish({ instance: result.instance });
      return;
    }
    const restarted = this.#detail.restarted || result.instance !== this.#first.instance;
    const newVersion = result.version !== this.#first.version ? result.version : null;
    if (restarted !== this.#detail.restarted || newVersion !== this.#detail.newVersion || result.instance !== this.#detail.instance) this.#publish({ restarted, newVersion, instance: result.instance });
  }

  #publish(change: Partial<ConnectionDetail>): void {
    this.#detail = { ...this.#detail, changedAt: this.#deps.now(), ...change };
    for (const listener of this.#listeners) listener(this.#detail.state);
  }
}
