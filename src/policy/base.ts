/**
 * Policy files of the change under review vs the base branch. The allowlist and VEX files live in the repository, so
 * the change a pull / merge request proposes can also edit them: a finding it introduces can arrive together with the
 * entry that suppresses it. This module reads the base branch's versions (through a platform's `BasePolicyReader`:
 * publish/github/base-files.ts, publish/gitlab/base-files.ts), says which files differ and which findings only the
 * changed files suppress ("this change suppresses N findings"), and — with `policy-from-base: true` — gives the base's
 * entries to `evaluatePolicy` instead of the checkout's. A base file that cannot be read suppresses nothing.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Settings } from '../inputs/settings';
import { severityRank, type Finding, type PolicyChange, type ScanResult } from '../findings/model';
import { policyChangeLine } from '../findings/delta';
import { errorLine } from '../util/errors';
import { entryMatches, isExpired, loadAllowlists, parseAllowlist, type AllowlistEntry } from './allowlist';
import { loadVex, vexEntriesOf } from './vex';

/** A file of the repository at the base: its text, not there, or why it could not be read. */
export type BaseFile = { text: string } | { missing: true } | { error: string };

export interface BasePolicyReader {
  /** The base as the reports name it, e.g. "main (a1b2c3d4e5f6)". */
  label: string;
  /** The repository's root in this checkout: the inputs' paths are mapped to repository paths from it. */
  root: string;
  /** Reads `repoPath` (POSIX, relative to the root) at the base. Should not throw (a throw counts as unreadable). */
  read(repoPath: string): Promise<BaseFile>;
}

export interface BasePolicy {
  label: string;
  /** The base's allowlist and VEX entries (evaluatePolicy leaves out the expired ones itself). */
  entries: AllowlistEntry[];
  changed: string[];
  unreadable: string[];
}

const firstLine = (err: unknown): string => errorLine(err);

/** Reads the base's versions of the `allowlist` and `vex` files and compares them with the checkout's. */
export async function readBasePolicy(
  policy: Settings['policy'],
  reader: BasePolicyReader,
  now: Date = new Date(),
): Promise<BasePolicy> {
  const changed: string[] = [];
  const unreadable: string[] = [];
  const allow: AllowlistEntry[] = [];
  const vexDocs: { text: string; source: string }[] = [];
  const files: ['allowlist' | 'vex', string][] = [
    ...policy.allowlists.map((f): ['allowlist', string] => ['allowlist', f]),
    ...(policy.vex ?? []).map((f): ['vex', string] => ['vex', f]),
  ];
  for (const [kind, file] of files) {
    const local = path.resolve(file);
    const rel = path.relative(path.resolve(reader.root), local);
    let base: BaseFile;
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) {
      base = { error: 'outside the repository, so the base branch has no version of it' };
    } else {
      try {
        base = await reader.read(rel.split(path.sep).join('/'));
      } catch (err) {
        base = { error: firstLine(err) };
      }
    }
    let mine: string | undefined;
    try {
      mine = await fs.readFile(local, 'utf8');
    } catch {
      mine = undefined;
    }
    if ('error' in base) {
      unreadable.push(`${file} (${base.error})`);
      changed.push(file);
      continue;
    }
    if ('missing' in base) {
      if (mine !== undefined) changed.push(file); // added by this change
      continue;
    }
    if (base.text !== mine) changed.push(file);
    const source = `${reader.label}:${rel.split(path.sep).join('/')}`;
    if (kind === 'allowlist') {
      try {
        allow.push(...parseAllowlist(base.text, source));
      } catch (err) {
        unreadable.push(`${file} (the base's version is not a valid allowlist: ${firstLine(err)})`);
      }
    } else {
      try {
        await vexEntriesOf([{ text: base.text, source }], now); // validates this one document
        vexDocs.push({ text: base.text, source });
      } catch (err) {
        unreadable.push(`${file} (the base's version is not a valid VEX document: ${firstLine(err)})`);
      }
    }
  }
  // All VEX documents together: the newest statement about a finding decides across files.
  return { label: reader.label, entries: [...allow, ...(await vexEntriesOf(vexDocs, now))], changed, unreadable };
}

/** The checkout's entries for the comparison; a file that does not parse suppresses nothing (it is reported). */
async function checkoutEntries(policy: Settings['policy'], now: Date, unreadable: string[]): Promise<AllowlistEntry[]> {
  const out: AllowlistEntry[] = [];
  for (const f of policy.allowlists) {
    try {
      out.push(...(await loadAllowlists([f])));
    } catch (err) {
      unreadable.push(`${f} (this change's version: ${firstLine(err)})`);
    }
  }
  try {
    out.push(...(await loadVex(policy.vex ?? [], now)));
  } catch (err) {
    unreadable.push(`vex (this change's version: ${firstLine(err)})`);
  }
  return out;
}

/**
 * Records on `result` which findings the change's policy files suppress and the base's do not (whichever decided:
 * `fromBase` says whether those suppressions were applied). Call it after evaluatePolicy. Returns the log line.
 */
export async function recordPolicyChange(
  result: ScanResult,
  policy: Settings['policy'],
  base: BasePolicy,
  fromBase: boolean,
  now: Date = new Date(),
): Promise<string | undefined> {
  if (policy.allowlists.length === 0 && (policy.vex ?? []).length === 0) return undefined;
  const unreadable = [...base.unreadable];
  const mine = (await checkoutEntries(policy, now, unreadable)).filter((e) => !isExpired(e, now));
  const theirs = base.entries.filter((e) => !isExpired(e, now));
  const suppressed: PolicyChange['suppressed'] = [];
  for (const img of result.images) {
    const all: Finding[] = [...img.vulnerabilities, ...img.compliance];
    for (const f of all) {
      const by = mine.find((e) => entryMatches(e, f, img.image));
      if (!by || theirs.some((e) => entryMatches(e, f, img.image))) continue;
      suppressed.push({
        id: f.kind === 'vulnerability' ? f.id : f.rule,
        severity: f.severity,
        image: img.image.ref,
        ...(f.kind === 'vulnerability' ? { package: f.package.name } : {}),
        by: by.source,
      });
    }
  }
  suppressed.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id) || a.image.localeCompare(b.image),
  );
  result.policyChange = { base: base.label, changed: base.changed, unreadable, fromBase, suppressed };
  return policyChangeLine(result.policyChange);
}
