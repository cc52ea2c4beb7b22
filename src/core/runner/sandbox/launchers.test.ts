import { describe, expect, it } from 'vitest';
import { bubblewrap, unshareLauncher } from './launchers';
import { boxBytes, mountPlan } from './mount-plan';

describe('the mount plan and its two launchers', () => {
  const plan = mountPlan(['/opt/python3.12']);

  it('shows only system folders, read-only, and one capped box; nothing of the user', () => {
    const paths = plan.steps.map((s) => s.path);
    expect(paths).toContain('/usr');
    expect(paths).toContain('/box');
    for (const path of ['/home', '/root', '/run', '/var/lib', '/tmp/']) expect(paths.some((p) => p.startsWith(path))).toBe(false);
    expect(plan.steps.filter((s) => s.kind === 'tmpfs').map((s) => s.path)).toEqual(['/dev/shm', '/box']);
    expect(plan.steps.find((s) => s.path === '/box')).toMatchObject({ sizeBytes: boxBytes });
    // The root and /dev become read-only last, after everything is in place.
    expect(plan.steps.slice(-2)).toEqual([{ kind: 'remount-ro', path: '/dev' }, { kind: 'remount-ro', path: '/' }]);
    expect(plan.scratch).toEqual(['/box', '/dev/shm']);
  });

  it('bubblewrap: every namespace, PID 1, no capabilities, no nested user namespaces, dies with the app', () => {
    const args = bubblewrap.command(plan, ['python3', '-c', 'pass']);
    for (const flag of ['--unshare-all', '--unshare-user', '--disable-userns', '--as-pid-1', '--die-with-parent', '--new-session']) expect(args).toContain(flag);
    expect(args.slice(args.indexOf('--cap-drop'), args.indexOf('--cap-drop') + 2)).toEqual(['--cap-drop', 'ALL']);
    expect(args.join(' ')).toContain(`--size ${boxBytes} --perms 0755 --tmpfs /box`);
    expect(args.slice(-4)).toEqual(['--', 'python3', '-c', 'pass']);
  });

  it('unshare: the same plan by hand, pivoted into, then every capability dropped', () => {
    const args = unshareLauncher.command(plan, ['python3', '-c', 'pass']);
    const script = args[args.indexOf('-c') + 1] ?? '';
    expect(args.slice(0, 3)).toEqual(['setpriv', '--pdeathsig', 'KILL']);
    for (const flag of ['--user', '--net', '--mount', '--pid', '--ipc', '--kill-child']) expect(args).toContain(flag);
    expect(script).toContain(`mount -t tmpfs -o size=${boxBytes},mode=0755,nosuid,nodev tmpfs "$R"'/box'`);
    expect(script).toContain("mount -o remount,bind,ro,nosuid,nodev \"$R\"'/usr'");
    expect(script.indexOf('pivot_root')).toBeLessThan(script.indexOf('exec setpriv'));
    expect(script).toMatch(/exec setpriv .*--bounding-set=-all --inh-caps=-all --no-new-privs -- "\$@"$/);
    expect(args.slice(-3)).toEqual(['python3', '-c', 'pass']);
  });
});
