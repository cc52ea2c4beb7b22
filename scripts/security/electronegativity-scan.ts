/**
 * Runs Doyensec's Electronegativity over the built app through its
 * programmatic API (its command line exits 0 even with findings) and compares
 * the findings with the allow-list in security/electronegativity-allow.json.
 */
import { createRequire } from 'node:module';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, matchesGlob, relative } from 'node:path';
import { transformWithOxc } from 'vite';
import { z } from 'zod';

export interface Finding {
  check: string;
  file: string;
  line: number;
  severity: string;
  description: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Files the scanner could not parse: a scan that skips files proves nothing about them. */
  errors: { file: string; message: string }[];
}

const AllowListSchema = z
  .object({
    /** Checks not run at all, each with why (e.g. one that needs the internet). */
    excludedChecks: z.array(z.object({ check: z.string().min(1), reason: z.string().min(10) }).strict()),
    /**
     * Findings accepted after review; matched by check and file, which may be a glob for hashed
     * chunk names (line numbers move with every build).
     */
    allowed: z.array(
      z
        .object({
          check: z.string().min(1),
          file: z.string().min(1),
          /** How many such findings the file may have (default 1): a new one beyond the reviewed ones fails. */
          count: z.number().int().positive().optional(),
          reason: z.string().min(10),
        })
        .strict(),
    ),
  })
  .strict();
export type AllowList = z.infer<typeof AllowListSchema>;

export async function readAllowList(path: string): Promise<AllowList> {
  return AllowListSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
  description: string;
}
type RunElectronegativity = (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message?: string; error?: unknown }[] }>;

/**
 * Copies the app into `stageDir` with its JavaScript lowered to ES2020: the
 * scanner's parsers stop at newer syntax (class private fields, static
 * blocks) and would otherwise skip our main bundle without a finding.
 * Lowering keeps every call and option object the checks look for.
 */
export async function stageForScan(appDir: string, paths: readonly string[], stageDir: string): Promise<void> {
  for (const path of paths) {
    const from = join(appDir, path);
    const to = join(stageDir, path);
    const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch(() => null);
    if (!entries) {
      await mkdir(join(to, '..'), { recursive: true });
      await cp(from, to);
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const source = join(entry.parentPath, entry.name);
      const target = join(to, relative(from, source));
      await mkdir(join(target, '..'), { recursive: true });
      if (/\.(c|m)?js$/.test(entry.name)) {
        const lowered = await transformWithOxc(await readFile(source, 'utf8'), entry.name, { target: 'es2020' });
        await writeFile(target, lowered.code);
      } else if (/\.(html|json)$/.test(entry.name)) {
        await cp(source, target);
      }
    }
  }
}

export async function scanWithElectronegativity(dir: string, electronVersion: string, excludedChecks: readonly string[]): Promise<ScanResult> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as RunElectronegativity;
  const result = await run({
    input: dir,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: [...excludedChecks],
  });
  return {
    findings: result.issues.map((issue) => ({
      check: issue.id,
      file: issue.file,
      line: issue.location.line,
      severity: issue.severity.name,
      description: issue.description,
    })),
    errors: result.errors.map((e) => ({ file: relative(dir, e.file), message: e.message ?? String(e.error) })),
  };
}

/**
 * Findings that no allow-list entry covers (or that exceed an entry's count), and entries that
 * matched nothing (stale: the allow-list must not keep permissions nobody uses).
 */
export function compareWithAllowList(findings: readonly Finding[], allowList: AllowList): { unexpected: Finding[]; stale: AllowList['allowed'] } {
  const covers = (entry: AllowList['allowed'][number], finding: Finding) => entry.check === finding.check && matchesGlob(finding.file, entry.file);
  const used = new Map<AllowList['allowed'][number], number>();
  const unexpected = findings.filter((finding) => {
    const entry = allowList.allowed.find((candidate) => covers(candidate, finding) && (used.get(candidate) ?? 0) < (candidate.count ?? 1));
    if (!entry) return true;
    used.set(entry, (used.get(entry) ?? 0) + 1);
    return false;
  });
  return { unexpected, stale: allowList.allowed.filter((entry) => !used.has(entry)) };
}
