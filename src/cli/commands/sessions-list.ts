import type { DamagedFile } from '../../shared/damaged-files';
import type { SessionSummary } from '../../shared/sessions';

/** A stored time as `vibe sessions list` prints it (UTC, to the minute). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const indent = ' '.repeat(19);

/**
 * The lines of `vibe sessions list`: the sessions that open (a restored one
 * with a note under it), then every damaged one, always, also when searching:
 * damage is never silent.
 */
export function sessionListLines(sessions: SessionSummary[], damaged: DamagedFile[], search: string | undefined): string[] {
  const lines: string[] = [];
  if (sessions.length === 0) lines.push(search ? `No session contains "${search}".` : 'No sessions yet.');
  for (const s of sessions) {
    lines.push(`${s.id.padEnd(18)} ${minute(s.updatedAt)}  ${String(s.turns).padStart(2)} turn(s)  ${s.title}`);
    for (const d of damaged.filter((entry) => entry.id === s.id && entry.restoredFromBackup)) {
      lines.push(`${indent}! damaged, restored from its backup of ${minute(d.restoredFromBackup?.savedAt ?? '')} UTC. ${d.reason}`, `${indent}  damaged copy kept at ${d.keptAs}`);
    }
  }
  const broken = damaged.filter((d) => !d.restoredFromBackup);
  if (broken.length > 0) {
    lines.push('', `Damaged (${broken.length}; not opened, nothing deleted):`);
    for (const d of broken) lines.push(`${d.id.padEnd(18)} ${d.reason}`, `${indent}${d.foundAt ? 'kept aside at' : 'left in place at'} ${d.keptAs}`);
  }
  return lines;
}
