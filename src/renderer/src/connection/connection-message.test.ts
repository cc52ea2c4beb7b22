import { describe, expect, it } from 'vitest';
import type { ConnectionDetail } from '../api/transport';
import { connectionMessage } from './connection-message';

const base: ConnectionDetail = { state: 'connected', attempts: 0, nextRetryAt: null, changedAt: 10_000, reconnects: 0, restarted: false, newVersion: null, instance: null };

describe('connectionMessage', () => {
  it('says nothing while connected, or while a first retry has not failed yet', () => {
    expect(connectionMessage(base, 10_000, false)).toBeNull();
    expect(connectionMessage({ ...base, state: 'reconnecting' }, 10_000, false)).toBeNull();
    expect(connectionMessage({ ...base, state: 'connecting' }, 10_000, false)).toBeNull();
  });

  it('counts the retries of an unreachable server down, from the detail when the clock lags', () => {
    const detail: ConnectionDetail = { ...base, state: 'reconnecting', attempts: 3, nextRetryAt: 14_000 };
    expect(connectionMessage(detail, 12_500, false)).toMatchObject({ kind: 'unreachable', text: expect.stringContaining('Trying again in 2 s (attempt 3)') });
    expect(connectionMessage(detail, 9_000, false)?.text).toContain('in 4 s');
    expect(connectionMessage(detail, 14_200, false)?.text).toContain('Trying again now (attempt 3)');
  });

  it('tells a refused tab that the server restarted and how to get back in', () => {
    const message = connectionMessage({ ...base, state: 'refused' }, 10_000, false);
    expect(message).toMatchObject({ kind: 'refused', tone: 'error', action: { kind: 'retry' } });
    expect(message?.title).toBe('The workbench server restarted with a new access address.');
    expect(message?.text).toContain('Open the address it printed (or ask the person running it)');
  });

  it('speaks the interface language', () => {
    const detail: ConnectionDetail = { ...base, state: 'reconnecting', attempts: 3, nextRetryAt: 14_000 };
    expect(connectionMessage(detail, 12_500, false, 'zh-CN')).toMatchObject({ title: '无法连接到工作台服务器。', text: expect.stringContaining('2 秒后重试（第 3 次尝试）') });
  });

  it('says reconnected for a while, naming a restart, and asks for a reload after an update', () => {
    expect(connectionMessage(base, 10_000, true)).toMatchObject({ kind: 'reconnected', text: 'The connection to the workbench server is back.' });
    expect(connectionMessage({ ...base, restarted: true }, 10_000, true)?.text).toMatch(/^The server had restarted/);
    expect(connectionMessage({ ...base, newVersion: '0.2.0' }, 10_000, true)).toMatchObject({ kind: 'updated', action: { kind: 'reload' } });
  });
});
