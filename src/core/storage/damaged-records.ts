import { stat } from 'node:fs/promises';
import type { DamagedFile, DamagedFileKind } from '../../shared/damaged-files';
import { inspectJsonFile, type InspectOptions } from './inspect-json-file';
import { listKeptCopies, type KeptCopy } from './kept-copies';
import type { RecordFile } from './record-file';

/** What a store's listing pass found: the ids that opened, and the files it had to leave in place. */
export interface RecordScan {
  present: ReadonlySet<string>;
  leftInPlace: { id: string; reason: string; keptAs: string }[];
}

/** Sorts a listing pass's results into a RecordScan. */
export function scanResults(results: { id: string; file: RecordFile<unknown> }[]): RecordScan {
  const present = new Set<string>();
  const leftInPlace: RecordScan['leftInPlace'] = [];
  for (const { id, file } of results) {
    if (file.state === 'ok') present.add(id);
    else if (file.state === 'unusable' && !file.setAside) leftInPlace.push({ id, reason: file.reason, keptAs: file.keptAs });
  }
  return { present, leftInPlace };
}

/**
 * Every damaged record of one store: the files left in place by the listing
 * pass, then the copies set aside in its folder, newest first. The reason of a
 * kept copy is read again from its bytes, so every process says the same.
 */
export async function damagedRecords<T>(kind: DamagedFileKind, dir: string, scan: RecordScan, options: InspectOptions<T>): Promise<DamagedFile[]> {
  const inPlace: DamagedFile[] = scan.leftInPlace.map((f) => ({ kind, id: f.id, reason: f.reason, keptAs: f.keptAs, foundAt: null, restoredFromBackup: null }));
  const kept = await Promise.all((await listKeptCopies(dir)).reverse().map((copy) => describeCopy(kind, copy, scan.present, options)));
  return [...inPlace, ...kept];
}

/** The newest kept copy of a record that has no file: an open then says "damaged, kept at …", not "no such id". */
export async function keptCopyOf<T>(kind: DamagedFileKind, dir: string, id: string, options: InspectOptions<T>): Promise<DamagedFile | undefined> {
  const newest = (await listKeptCopies(dir)).filter((copy) => copy.id === id).at(-1);
  return newest && describeCopy(kind, newest, new Set(), options);
}

async function describeCopy<T>(kind: DamagedFileKind, copy: KeptCopy, present: ReadonlySet<string>, options: InspectOptions<T>): Promise<DamagedFile> {
  const reason = await keptCopyReason(copy, options);
  // Only while the restored version is still there does "restored" describe the entry.
  const restored = copy.restoredSavedAt && present.has(copy.id) ? { savedAt: copy.restoredSavedAt.toISOString() } : null;
  return { kind, id: copy.id, reason, keptAs: copy.path, foundAt: copy.foundAt.toISOString(), restoredFromBackup: restored };
}

/**
 * Reasons of kept copies already read, by path, size and time: the sidebar asks after every autosave,
 * and a damaged session can be megabytes. Nothing writes kept copies, so entries rarely go stale.
 */
const reasons = new Map<string, string>();

async function keptCopyReason<T>(copy: KeptCopy, options: InspectOptions<T>): Promise<string> {
  const info = await stat(copy.path).catch(() => null);
  const key = info ? `${copy.path}\0${info.size}\0${info.mtimeMs}` : null;
  const known = key ? reasons.get(key) : undefined;
  if (known) return known;
  const now = await inspectJsonFile(copy.path, options);
  const reason = now.state === 'ok' ? `The kept copy reads correctly now; rename it to ${copy.id}.json to use it again.` : now.state === 'missing' ? 'The kept copy is gone.' : now.reason;
  if (key && now.state !== 'missing') {
    if (reasons.size >= 1000) reasons.clear();
    reasons.set(key, reason);
  }
  return reason;
}
