import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '../shared/desktop-commands';
import { DesktopCommandQueue } from './desktop-command-queue';

describe('DesktopCommandQueue', () => {
  it('holds commands until the renderer asks, then sends them live; a reload holds them again', () => {
    const emitted: DesktopCommand[] = [];
    const queue = new DesktopCommandQueue((c) => emitted.push(c));
    queue.send({ command: 'openCode', code: 'x', fileName: 'a.py' });
    expect(emitted).toEqual([]);
    expect(queue.take()).toEqual([{ command: 'openCode', code: 'x', fileName: 'a.py' }]);
    queue.send({ command: 'runTests' });
    expect(emitted).toEqual([{ command: 'runTests' }]);
    queue.rendererGone();
    queue.send({ command: 'newProblem' });
    expect(emitted).toHaveLength(1);
    expect(queue.take()).toEqual([{ command: 'newProblem' }]);
    expect(queue.take()).toEqual([]);
  });
});
