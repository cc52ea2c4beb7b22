import { describe, expect, it } from 'vitest';
import { closeSync, readdirSync } from 'node:fs';
import { CgroupBox } from './cgroup-box';
import { findCgroupPlaces, parseCgroupMounts, parseMembership } from './cgroup-places';

describe('cgroup places', () => {
  it('reads v1, v2 and hybrid mounts from mountinfo', () => {
    const mountinfo = [
      '35 24 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755',
      '36 35 0:31 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw,nsdelegate',
      '38 35 0:33 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:12 - cgroup cgroup rw,memory',
      '39 35 0:34 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpu,cpuacct',
      '40 24 0:35 / /mnt/with\\040space rw - ext4 /dev/sda1 rw',
    ].join('\n');
    expect(parseCgroupMounts(mountinfo)).toEqual([
      { version: 2, mountPoint: '/sys/fs/cgroup/unified', controllers: [] },
      { version: 1, mountPoint: '/sys/fs/cgroup/memory', controllers: ['rw', 'memory'] },
      { version: 1, mountPoint: '/sys/fs/cgroup/cpu,cpuacct', controllers: ['rw', 'cpu', 'cpuacct'] },
    ]);
  });

  it('reads which cgroup this process is in, per hierarchy', () => {
    const own = parseMembership('12:pids:/user.slice\n4:memory:/process_api/abc\n2:cpu,cpuacct:/\n0::/user.slice/user-1000.slice/session-2.scope\n');
    expect(own.get('memory')).toBe('/process_api/abc');
    expect(own.get('cpu,cpuacct')).toBe('/');
    expect(own.get('')).toBe('/user.slice/user-1000.slice/session-2.scope');
  });

  it('on this machine, every place found really takes a box, which is gone once disposed', async () => {
    const places = findCgroupPlaces();
    for (const place of places) expect(place.parent.startsWith('/sys/fs/cgroup')).toBe(true);
    const box = CgroupBox.create(places);
    if (places.length === 0) return expect(box).toBeNull();
    expect(box).not.toBeNull();
    const fds = box!.openForSandbox();
    expect(fds.enter.length).toBeGreaterThan(0);
    for (const fd of [...fds.enter, ...(fds.cpu === null ? [] : [fds.cpu])]) closeSync(fd);
    box!.setLimits(64 * 1024 * 1024, 8);
    box!.beforeTest();
    expect(box!.afterTest()).toMatchObject({ oomKilled: false, processLimitHit: false });
    await box!.dispose();
    expect(() => box!.openForSandbox()).toThrow(/disposed/);
    for (const place of places) expect(readdirSync(place.parent).filter((n) => n.startsWith(`vibe-judge-${process.pid}-`))).toEqual([]);
    expect(findCgroupPlaces('/nonexistent')).toEqual([]);
  });
});
