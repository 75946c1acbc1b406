/**
 * The comparison with a baseline: a previous normalized result (clair-scan-result.json, e.g. of the base branch).
 *
 * Findings are matched by their stable `key` (image name without registry/tag/digest + package + vulnerability id;
 * compliance: image name + rule + location), so a rebuild of the same image under a new tag or digest compares.
 * A baseline that cannot be used (unreadable, not a clair-scan result, another major format version, another image,
 * not fetched) is never an error: the scan says why in `baselineNotes` (every report shows them) and reports in full.
 * It never passes a gate either: an image a baseline was asked for but not compared with counts every finding as new
 * (`countAllAsNew`), so `fail-on-new` and `new.*` rules cannot be talked out of failing by a broken baseline.
 */
import { promises as fs } from 'node:fs';
import {
  BaselineState,
  compareFindings,
  Delta,
  emptyCounts,
  Finding,
  FixedFinding,
  PolicyChange,
  RESULT_SCHEMA_VERSION,
  ScanResult,
  Severity,
  SEVERITIES,
  severityRank,
  VulnerabilityFinding,
} from './model';
import { errorMessage, errorLine } from '../util/errors';

/** A baseline result as read: only what the comparison needs is trusted to be there (checked by parseBaseline). */
export interface Baseline {
  /** Where it came from, shown in the reports. */
  source: string;
  result: ScanResult;
}

export type BaselineLoad = { baseline: Baseline } | { notice: string };

/** Largest baseline file read (a result of 100,000 findings is about 150 MB; more is not a result of ours). */
export const MAX_BASELINE_BYTES = 512 * 1024 * 1024;

const MAJOR = RESULT_SCHEMA_VERSION.split('.')[0];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that `text` is a clair-scan result this version can compare with: JSON, `tool.name` clair-scan, a
 * `schemaVersion` of the same major version, images with names and findings with keys. Anything else is a notice.
 */
export function parseBaseline(text: string, source: string): BaselineLoad {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return {
      notice: `the baseline (${source}) is not readable JSON (${errorLine(err)}); no comparison is made, the report is complete.`,
    };
  }
  if (!isObj(data) || !isObj(data.tool) || data.tool.name !== 'clair-scan' || !Array.isArray(data.images)) {
    return {
      notice: `the baseline (${source}) is not a clair-scan result (clair-scan-result.json); no comparison is made, the report is complete.`,
    };
  }
  const version = typeof data.schemaVersion === 'string' ? data.schemaVersion : '';
  if (!/^\d+\.\d+\.\d+$/.test(version) || version.split('.')[0] !== MAJOR) {
    return {
      notice:
        `the baseline (${source}) has result format version ${version || '(none)'}, which this clair-scan (format ${RESULT_SCHEMA_VERSION}) cannot compare with; ` +
        'no comparison is made, the report is complete. The next baseline written by this version will compare.',
    };
  }
  for (const img of data.images as unknown[]) {
    const ok =
      isObj(img) &&
      isObj(img.image) &&
      typeof img.image.name === 'string' &&
      Array.isArray(img.vulnerabilities) &&
      (img.vulnerabilities as unknown[]).every(
        (f) =>
          isObj(f) &&
          typeof f.key === 'string' &&
          typeof f.id === 'string' &&
          typeof f.severity === 'string' &&
          isObj(f.package),
      ) &&
      (img.compliance === undefined ||
        (Array.isArray(img.compliance) &&
          (img.compliance as unknown[]).every(
            (f) => isObj(f) && typeof f.key === 'string' && typeof f.rule === 'string',
          )));
    if (!ok)
      return {
        notice: `the baseline (${source}) is damaged (an image without a name, or findings without keys); no comparison is made, the report is complete.`,
      };
  }
  return { baseline: { source, result: data as unknown as ScanResult } };
}

/** Reads a baseline file; a missing, unreadable or oversized file is a notice, never an error. */
export async function readBaselineFile(file: string, source = `file ${file}`): Promise<BaselineLoad> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile())
      return { notice: `the baseline ${file} is not a file; no comparison is made, the report is complete.` };
    if (st.size > MAX_BASELINE_BYTES)
      return {
        notice: `the baseline ${file} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB: not a clair-scan result; no comparison is made.`,
      };
    return parseBaseline(await fs.readFile(file, 'utf8'), source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      notice: `the baseline ${file} cannot be read (${code ?? errorMessage(err)}); no comparison is made, the report is complete.`,
    };
  }
}

function knownSeverity(s: unknown): Severity {
  return SEVERITIES.includes(s as Severity) ? (s as Severity) : 'Unknown';
}

function stateOf(now: Finding, before: Finding | undefined): BaselineState {
  if (!before) return 'new';
  if (now.severity !== before.severity) return 'updated';
  if (now.kind === 'vulnerability' && before.kind === 'vulnerability') {
    if (now.package.version !== before.package?.version || (now.fixedIn ?? '') !== (before.fixedIn ?? ''))
      return 'updated';
  }
  return 'unchanged';
}

/**
 * Compares `result` with the baseline: sets `baselineState` on every finding of each image whose name the baseline
 * also has, and `result.delta` (fixed findings; counts are filled by `summarizeDelta` once the policy has marked the
 * allowlisted findings). Images the baseline does not have are not compared; when none is, there is no delta and
 * `baselineNotes` says why. Returns the notes added.
 */
export function applyBaseline(result: ScanResult, baseline: Baseline): string[] {
  const notes: string[] = [];
  const base = baseline.result;
  const baseByName = new Map<string, ScanResult['images']>();
  for (const img of base.images) baseByName.set(img.image.name, [...(baseByName.get(img.image.name) ?? []), img]);
  const compared = [...new Set(result.images.map((i) => i.image.name).filter((n) => baseByName.has(n)))];
  const missing = [...new Set(result.images.map((i) => i.image.name).filter((n) => !baseByName.has(n)))];
  if (compared.length === 0) {
    const had = [...baseByName.keys()].join(', ') || 'no image';
    notes.push(
      `the baseline (${baseline.source}) is of another image (${had}), not ${missing.join(', ')}: no comparison is made, the report is complete.`,
    );
    result.baselineNotes = [...(result.baselineNotes ?? []), ...notes];
    return [...notes, ...countAllAsNew(result, missing)];
  }
  if (missing.length)
    notes.push(
      `the baseline (${baseline.source}) has no result for ${missing.join(', ')}: those findings are not compared.`,
    );

  const before = new Map<string, Finding>();
  for (const name of compared) {
    for (const img of baseByName.get(name) ?? [])
      for (const f of [...img.vulnerabilities, ...(img.compliance ?? [])]) before.set(f.key, f);
  }
  const seen = new Set<string>();
  for (const img of result.images) {
    if (!baseByName.has(img.image.name)) continue;
    for (const f of [...img.vulnerabilities, ...img.compliance]) {
      f.baselineState = stateOf(f, before.get(f.key));
      seen.add(f.key);
    }
  }
  const fixed: FixedFinding[] = [];
  for (const [key, f] of before) {
    if (seen.has(key) || f.allowlisted) continue;
    const image = key.split('|')[0];
    if (f.kind === 'compliance') {
      fixed.push({
        key,
        kind: 'compliance',
        id: String(f.rule),
        severity: knownSeverity(f.severity),
        image,
        ...(typeof f.title === 'string' ? { title: f.title } : {}),
      });
    } else {
      const v = f as VulnerabilityFinding;
      fixed.push({
        key,
        kind: 'vulnerability',
        id: String(v.id),
        severity: knownSeverity(v.severity),
        image,
        package: { name: String(v.package?.name ?? ''), version: String(v.package?.version ?? '') },
        ...(typeof v.fixedIn === 'string' ? { fixedIn: v.fixedIn } : {}),
      });
    }
  }
  fixed.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.id.localeCompare(b.id) ||
      (a.package?.name ?? '').localeCompare(b.package?.name ?? '') ||
      a.key.localeCompare(b.key),
  );
  const delta: Delta = {
    baseline: {
      source: baseline.source,
      schemaVersion: String(base.schemaVersion),
      ...(typeof base.tool?.version === 'string' ? { toolVersion: base.tool.version } : {}),
      ...(typeof base.finishedAt === 'string' ? { finishedAt: base.finishedAt } : {}),
      images: compared,
    },
    counts: { new: emptyCounts(), updated: emptyCounts(), unchanged: emptyCounts(), fixed: emptyCounts() },
    fixed,
  };
  result.delta = delta;
  if (notes.length) result.baselineNotes = [...(result.baselineNotes ?? []), ...notes];
  const strict = countAllAsNew(result, missing);
  summarizeDelta(result);
  return [...notes, ...strict];
}

/**
 * The safe reading of a baseline that was asked for but not compared with `names` (every image when it could not be
 * used at all): every finding of those images is `new`, so `fail-on-new` and `new.*` rules count it. Records the
 * images in `baselineUncompared` and says so in `baselineNotes`. Returns the note (none when `names` is empty).
 */
export function countAllAsNew(result: ScanResult, names: string[]): string[] {
  const set = new Set(names);
  let n = 0;
  for (const img of result.images) {
    if (!set.has(img.image.name)) continue;
    for (const f of [...img.vulnerabilities, ...img.compliance]) {
      f.baselineState = 'new';
      n++;
    }
  }
  if (set.size === 0) return [];
  const list = [...set];
  result.baselineUncompared = [...new Set([...(result.baselineUncompared ?? []), ...list])];
  const note =
    `no baseline was compared for ${list.join(', ')}: ${n === 1 ? 'its 1 finding counts' : `all ${n} findings of ${list.length === 1 ? 'it' : 'them'} count`} as new ` +
    '(the safe reading: fail-on-new and new.* rules count them as introduced by this change).';
  result.baselineNotes = [...(result.baselineNotes ?? []), note];
  return [note];
}

/** Fills `delta.counts` from the findings' states, leaving out allowlisted findings: call it after the policy. */
export function summarizeDelta(result: ScanResult): void {
  const d = result.delta;
  if (!d) return;
  d.counts = { new: emptyCounts(), updated: emptyCounts(), unchanged: emptyCounts(), fixed: emptyCounts() };
  for (const img of result.images) {
    for (const f of [...img.vulnerabilities, ...img.compliance]) {
      if (f.baselineState && !f.allowlisted) d.counts[f.baselineState][f.severity]++;
    }
  }
  for (const f of d.fixed) d.counts.fixed[f.severity]++;
}

export function totalOf(c: Record<Severity, number>): number {
  return SEVERITIES.reduce((n, s) => n + c[s], 0);
}

/** The findings the baseline did not have (not allowlisted), in report order, with their image. */
export function newVulnerabilities(
  result: ScanResult,
): { f: VulnerabilityFinding; img: ScanResult['images'][number] }[] {
  const out: { f: VulnerabilityFinding; img: ScanResult['images'][number] }[] = [];
  for (const img of result.images)
    for (const f of img.vulnerabilities) if (f.baselineState === 'new' && !f.allowlisted) out.push({ f, img });
  return out.sort((a, b) => compareFindings(a.f, b.f) || a.img.image.ref.localeCompare(b.img.image.ref));
}

/** One line for logs and headings, e.g. "3 new (1 Critical, 2 High), 2 fixed, 140 unchanged since main". */
export function deltaHeadline(d: Delta): string {
  const part = (c: Record<Severity, number>): string => {
    const bits = [...SEVERITIES]
      .reverse()
      .filter((s) => c[s] > 0)
      .map((s) => `${c[s]} ${s}`);
    return bits.length ? ` (${bits.join(', ')})` : '';
  };
  const n = totalOf(d.counts.new);
  const u = totalOf(d.counts.updated);
  return `${n} new${part(d.counts.new)}, ${totalOf(d.counts.fixed)} fixed${part(d.counts.fixed)}, ${u ? `${u} updated, ` : ''}${totalOf(d.counts.unchanged)} unchanged`;
}

/**
 * Fetches the baseline from the CI platform: `spec` is '' (automatic: the target branch's result in a pull/merge
 * request; undefined outside one) or a GitHub run id. Must not throw: problems are notices.
 */
export type BaselineFetcher = (spec: string) => Promise<BaselineLoad | undefined>;

/**
 * The baseline the `baseline` input asks for: `none` → none; a path → that file; '' or a run id → the platform's
 * fetcher (the action's and the GitLab job's). Never throws: every problem is a notice, and the report is complete.
 */
export async function loadBaseline(spec: string, fetcher?: BaselineFetcher): Promise<BaselineLoad | undefined> {
  const s = spec.trim();
  if (s.toLowerCase() === 'none') return undefined;
  let isFile = false;
  try {
    isFile = s !== '' && (await fs.stat(s)).isFile();
  } catch {
    /* not a file */
  }
  if (s && (isFile || !/^\d+$/.test(s))) return readBaselineFile(s);
  if (!fetcher) {
    return s
      ? {
          notice: `baseline "${s}" is a run id, which only the GitHub Action can fetch; no comparison is made, the report is complete.`,
        }
      : undefined;
  }
  try {
    return await fetcher(s);
  } catch (err) {
    return {
      notice: `the baseline could not be fetched (${errorLine(err)}); no comparison is made, the report is complete.`,
    };
  }
}

/** Applies a loaded baseline (or records its notice). Returns what to say in the log: notices, then the delta headline. */
export function useBaseline(
  result: ScanResult,
  load: BaselineLoad | undefined,
): { notices: string[]; headline?: string } {
  if (!load) return { notices: [] };
  if ('notice' in load) {
    result.baselineNotes = [...(result.baselineNotes ?? []), load.notice];
    // Asked for and not usable: nothing was compared, so nothing may pass as "not new".
    return { notices: [load.notice, ...countAllAsNew(result, [...new Set(result.images.map((i) => i.image.name))])] };
  }
  const notices = applyBaseline(result, load.baseline);
  return {
    notices,
    ...(result.delta ? { headline: `compared with ${load.baseline.source}: ${deltaHeadline(result.delta)}` } : {}),
  };
}

/** Policy files changed by the change under review (policy/base.ts), in one line for the log and the top of the summary: "this change suppresses N findings: …" (bounded). */
export function policyChangeLine(c: PolicyChange, max = 10): string | undefined {
  if (c.changed.length === 0 && c.suppressed.length === 0) return undefined;
  const n = c.suppressed.length;
  const list = c.suppressed
    .slice(0, max)
    .map((s) => `${s.id} (${s.severity}${s.package ? `, ${s.package}` : ''}) in ${s.image} by ${s.by}`)
    .join('; ');
  const what = `this change ${c.fromBase ? 'would suppress' : 'suppresses'} ${n} finding${n === 1 ? '' : 's'}${n ? `: ${list}${n > max ? `; and ${n - max} more` : ''}` : ''}`;
  const files = c.changed.length ? ` (policy files that differ from ${c.base}: ${c.changed.join(', ')})` : '';
  const applied = c.fromBase
    ? `. policy-from-base: the versions of ${c.base} decided; these suppressions were not applied`
    : '';
  const bad = c.unreadable.length ? `. Not read: ${c.unreadable.join('; ')}` : '';
  return `${what}${files}${applied}${bad}.`;
}
