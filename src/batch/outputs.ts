/**
 * What a batch leaves in output-dir for the job after it:
 * - `vulnerable.list`: one line per image that failed the policy, `<image>\t<failed rules>` (rules joined by
 *   `; `), in the order the images were given; empty when none failed.
 * - `batch-summary.json`: per image the digest, verdict (`pass`, `fail`, `error`), counts and the error.
 * - `batch-state.jsonl`: the resume state (a header line, then one line per finished image).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { ClairScanError, errorMessage } from '../util/errors';
import type { SeverityCounts, Verdict } from '../findings/model';

export const SUMMARY_FILE = 'batch-summary.json';
export const VULNERABLE_LIST_FILE = 'vulnerable.list';
const STATE_FILE = 'batch-state.jsonl';
export const BATCH_SUMMARY_SCHEMA_VERSION = '1.0.0';

export interface BatchImageEntry {
  /** The image as listed (`registry:…`, `docker:…`, a path …). */
  image: string;
  /** Manifest digest Clair indexed (synthetic for daemon/archive images, the registry's for registry images). */
  digest?: string;
  verdict: 'pass' | 'fail' | 'error';
  /** The rules that failed, e.g. `fail-on: high>0 || medium>=3` (verdict fail). */
  failedRules: string[];
  /** One line per failed rule, as in the reports. */
  reasons: string[];
  /** Vulnerability findings per severity (allowlisted included), and those the gate counted. */
  counts?: SeverityCounts & { total: number; fixable: number };
  counted?: SeverityCounts;
  /** `clair`: what Clair said (its error message, or an IndexError report's err). */
  error?: { message: string; hint: string; clair?: string; details?: string };
  /** Where this image's reports are (relative to output-dir). */
  reportDir?: string;
  seconds: number;
  finishedAt: string;
}

export interface BatchSummary {
  schemaVersion: string;
  tool: { name: 'clair-scan'; version: string };
  clair: { version?: string; url?: string; ephemeral: boolean };
  startedAt: string;
  finishedAt: string;
  /** The policy every image was checked against. */
  rules: string[];
  concurrency: number;
  totals: { images: number; passed: number; failed: number; errored: number; resumed: number };
  /** 0 all passed, 1 some failed the policy (none errored), 2 some errored. */
  exitCode: 0 | 1 | 2;
  images: BatchImageEntry[];
}

/** `4 images: 1 passed, 2 failed the policy, 1 errored (1 done by an earlier run)`: the batch in one line. */
export function batchHeadline(s: BatchSummary): string {
  const t = s.totals;
  return `${t.images} image${t.images === 1 ? '' : 's'}: ${t.passed} passed, ${t.failed} failed the policy, ${t.errored} errored${t.resumed ? ` (${t.resumed} done by an earlier run)` : ''}`;
}

/** The rules of a verdict that failed (each reason names its rule). */
export function failedRules(v: Verdict): string[] {
  return v.rules.filter((rule) => {
    if (rule.startsWith('fail-on: '))
      return v.reasons.some((r) => r.startsWith(`fail-on rule "${rule.slice('fail-on: '.length)}" is true`));
    return v.reasons.some((r) => r.includes(`(${rule})`));
  });
}

export function vulnerableList(entries: BatchImageEntry[]): string {
  return entries
    .filter((e) => e.verdict === 'fail')
    .map((e) => `${e.image}\t${(e.failedRules.length ? e.failedRules : e.reasons).join('; ')}\n`)
    .join('');
}

/** A directory name for an image's reports: readable, and unique per image text. */
export function imageDirName(image: string): string {
  const readable = image
    .replace(/^(registry|docker|archive):/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-80);
  return `${readable || 'image'}-${createHash('sha256').update(image).digest('hex').slice(0, 8)}`;
}

export function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, content, { mode: 0o644 });
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new ClairScanError(`cannot write ${file}: ${errorMessage(err)}`, {
      hint: 'check that output-dir is writable and has free space.',
    });
  }
}

/** What makes two runs' results comparable: a resumed run must check against the same policy and data. */
export interface StateHeader {
  kind: 'clair-scan-batch-state';
  version: 1;
  fingerprint: string;
}

export class BatchState {
  readonly file: string;
  /** Finished (pass/fail) entries of earlier runs, by image. */
  readonly done = new Map<string, BatchImageEntry>();

  constructor(outputDir: string, fingerprint: string, resume: boolean) {
    this.file = path.join(outputDir, STATE_FILE);
    fs.mkdirSync(outputDir, { recursive: true });
    const header: StateHeader = { kind: 'clair-scan-batch-state', version: 1, fingerprint };
    if (resume && fs.existsSync(this.file)) {
      const lines = fs.readFileSync(this.file, 'utf8').split('\n').filter(Boolean);
      let first: Partial<StateHeader> = {};
      try {
        first = JSON.parse(lines[0] ?? '{}') as StateHeader;
      } catch {
        // handled below
      }
      if (first.kind !== header.kind) {
        throw new ClairScanError(`${this.file} is not a clair-scan batch state`, {
          hint: 'remove it, or choose another output-dir, to start the batch afresh (without resume).',
        });
      }
      if (first.fingerprint !== fingerprint) {
        throw new ClairScanError(
          'resume: the earlier run in this output-dir used another policy, vulnerability data or Clair',
          {
            hint: 'resume with the same inputs as the interrupted run, or run without resume to scan every image again.',
          },
        );
      }
      // A line cut short by a kill is ignored: that image is scanned again.
      for (const line of lines.slice(1)) {
        try {
          const e = JSON.parse(line) as BatchImageEntry;
          if (e.verdict === 'pass' || e.verdict === 'fail') this.done.set(e.image, e);
          else this.done.delete(e.image);
        } catch {
          // ignore a partial last line
        }
      }
      return;
    }
    writeAtomic(this.file, `${JSON.stringify(header)}\n`);
  }

  /** One line per finished image, appended as it finishes (a kill loses at most the images in flight). */
  record(e: BatchImageEntry): void {
    fs.appendFileSync(this.file, `${JSON.stringify(e)}\n`);
  }
}
