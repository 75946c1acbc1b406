/**
 * The policy: image compliance checks, allowlists and the gate's verdict. See docs/policy.md.
 *
 * policy/ holds index.ts (`evaluatePolicy`, `checkCompliance`), rules.ts (the fail-on grammar), allowlist.ts
 * (native, clair-scanner and GitLab formats), vex.ts + vex-schema.ts (OpenVEX, CycloneDX VEX), glob.ts and
 * compliance/ (non-root, secrets, base image and its signature, end-of-life OS).
 *
 * May import: util/, findings/, image/ (reference, registry, types: the base-image checks resolve images),
 * inputs/settings and data/eol (types: check-eol gets the table the run loaded). Never environment/, report/ or publish/.
 */
import type { Settings } from '../inputs/settings';
import type { ResolvedImage } from '../image/types';
import {
  AllowlistEntryRef,
  ComplianceFinding,
  emptyCounts,
  Finding,
  ScanResult,
  SEVERITIES,
  severityRank,
  Verdict,
} from '../findings/model';
import { log } from '../util/log';
import { parseSeverity } from '../findings/model';
import { entryMatches, isExpired, loadAllowlists, toMatch, toRef, type AllowlistEntry } from './allowlist';
import { evaluateRule, parseRule, usesExploitData, type RuleNode } from './rules';
import { loadVex } from './vex';
import { COMPLIANCE_CHECKS, enabledChecks, gatingChecks, type ComplianceContext } from './compliance';
import { ClairScanError } from '../util/errors';

export { parseRule, evaluateRule } from './rules';
export { parseAllowlist, loadAllowlists } from './allowlist';
export { checkNonRoot } from './compliance/non-root';
export { checkSecrets } from './compliance/secrets';
export { requiredBaseImage } from './compliance/base-image';
export { requireEolTable } from './compliance/eol';
export { loadSignatureKey } from './compliance/signature';
export { COMPLIANCE_CHECKS, complianceReadsLayers, gatingChecks, type ComplianceCheck } from './compliance';
export { readBasePolicy, recordPolicyChange, type BasePolicyReader, type BaseFile } from './base';

/**
 * Runs the enabled compliance checks (compliance/index.ts) on one image, in their order. `opts.notes` (optional)
 * receives informational lines, e.g. how many files the secrets check could not content-scan (too large / binary).
 */
export async function checkCompliance(
  image: ResolvedImage,
  policy: Settings['policy'],
  resolveImage: ComplianceContext['resolveImage'],
  opts: Omit<ComplianceContext, 'resolveImage'> = {},
): Promise<ComplianceFinding[]> {
  const findings: ComplianceFinding[] = [];
  for (const check of enabledChecks(policy))
    findings.push(...(await check.run(image, policy, { ...opts, resolveImage })));
  return findings;
}

/**
 * Checks the policy inputs without scanning: parses the `fail-on` rule and every allowlist file, so a
 * typo fails the run in seconds rather than after the scan. Throws the same ClairScanErrors as evaluatePolicy.
 */
export async function validatePolicy(policy: Settings['policy']): Promise<void> {
  // Only `none` rules the data out here: an empty input may still be filled by the vulnerability data's members or
  // online (data/exploit.ts, which refuses a rule whose data none of them gave before any image is scanned).
  if (policy.failOn?.trim() && !parseSeverity(policy.failOn))
    requireExploitData(parseRule(policy.failOn.trim(), 'fail-on'), {
      kev: !/^\s*none\s*$/i.test(policy.kevData ?? ''),
      epss: !/^\s*none\s*$/i.test(policy.epssData ?? ''),
    });
  await loadAllowlists(policy.allowlists);
  await loadVex(policy.vex ?? []);
  for (const check of COMPLIANCE_CHECKS) check.validate?.(policy);
}

function addExploit(acc: { kev: number; epss: number }, f: { kev?: unknown; epss?: { score: number } }): void {
  if (f.kev) acc.kev++;
  if (f.epss && f.epss.score > acc.epss) acc.epss = f.epss.score;
}

/**
 * A `kev` or `epss` term without its data could never fire: the gate would pass silently. Bad input (exit 2) instead.
 * `have`: which data was given (preflight) or applied (result.enrichment).
 */
function requireExploitData(rule: RuleNode, have: { kev: boolean; epss: boolean }): void {
  const needs = usesExploitData(rule);
  const missing = [...(needs.kev && !have.kev ? ['kev'] : []), ...(needs.epss && !have.epss ? ['epss'] : [])];
  if (missing.length === 0) return;
  throw new ClairScanError(
    `fail-on uses ${missing.join(' and ')}, but no ${missing.map((m) => `${m}-data`).join(' or ')} was given: the rule could never fire`,
    {
      hint: `give ${missing.map((m) => `${m}-data`).join(' and ')} (a file in the published format, or an https URL of a mirror), or take ${missing.join(' and ')} out of fail-on. See docs/policy.md.`,
    },
  );
}

/**
 * Whether new-finding counts exist: a baseline was compared, or one was asked for and could not be compared for some
 * image (findings/delta.ts `countAllAsNew`: then every finding of it is new, never none).
 */
function comparedOrStrict(result: ScanResult): boolean {
  return !!result.delta || (result.baselineUncompared?.length ?? 0) > 0;
}

/** What the verdict's rule adds about what "new" was measured against. */
function newScope(result: ScanResult): string {
  const strict = result.baselineUncompared ?? [];
  if (strict.length) return `; no baseline was compared for ${strict.join(', ')}, so every finding of it counts as new`;
  return result.delta ? '' : '; no baseline was compared, so nothing is new';
}

/**
 * Batch mode compares no baseline: there `fail-on-new` and `new.*` rules would find nothing new and pass everything,
 * so they are refused up front (exit 2) rather than silently weakening the gate.
 */
export function refuseNewRulesWithoutBaseline(policy: Settings['policy'], where: string): void {
  const rule = policy.failOn?.trim() ?? '';
  const uses = [...(policy.failOnNew ? ['fail-on-new'] : []), ...(/\bnew\./i.test(rule) ? [`fail-on "${rule}"`] : [])];
  if (!uses.length) return;
  throw new ClairScanError(
    `${uses.join(' and ')} count findings new against a baseline, which ${where} does not compare: every finding would pass as not new`,
    {
      hint: 'gate the batch on all findings (severity-threshold, or fail-on without new.<name>), or scan each image on its own with a baseline.',
    },
  );
}

/** Which exploit data `fail-on` uses (kev, epss terms): data/exploit.ts refuses a run that cannot have it. */
export function exploitDataNeeded(policy: Settings['policy']): { kev: boolean; epss: boolean } {
  const rule = policy.failOn?.trim();
  if (!rule || parseSeverity(rule)) return { kev: false, epss: false };
  return usesExploitData(parseRule(rule, 'fail-on'));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Loads the allowlists, marks covered findings (`allowlisted`, on vulnerability and compliance findings
 * of every image), counts what is left and decides. Does not throw for a failing policy: `status` says so.
 */
export async function evaluatePolicy(
  result: ScanResult,
  policy: Settings['policy'],
  now: Date = new Date(),
  /** The allowlist and VEX entries to use instead of reading the files (policy-from-base: the base branch's, policy/base.ts). */
  opts: { entries?: AllowlistEntry[] } = {},
): Promise<Verdict> {
  // Parse the rule first: a bad rule is an error before anything else is touched.
  // `fail-on: high` (a bare severity, as grype's --fail-on) means High or worse; anything else is a count rule.
  const failOnSeverity = policy.failOn?.trim() ? parseSeverity(policy.failOn) : undefined;
  const failOn = policy.failOn?.trim() && !failOnSeverity ? parseRule(policy.failOn.trim(), 'fail-on') : undefined;
  if (failOn) requireExploitData(failOn, { kev: !!result.enrichment?.kev, epss: !!result.enrichment?.epss });
  // VEX statements (policy/vex.ts) suppress like allowlist entries, after them.
  const entries = opts.entries ?? [
    ...(await loadAllowlists(policy.allowlists)),
    ...(await loadVex(policy.vex ?? [], now)),
  ];
  const active = entries.filter((e) => !isExpired(e, now));
  const expired = entries.filter((e) => isExpired(e, now));
  const used = new Set<number>();

  const counted = emptyCounts();
  let fixable = 0;
  // The same over the findings new against the baseline (fail-on-new, `new.<name>` in fail-on).
  const countedNew = emptyCounts();
  let fixableNew = 0;
  // Exploit data over the same counted findings: how many are known exploited, the highest EPSS score.
  const exploit = { kev: 0, epss: 0 };
  const exploitNew = { kev: 0, epss: 0 };
  const complianceLeft: { rule: string; finding: ComplianceFinding; image: string }[] = [];
  const reportOnly = enabledChecks(policy).filter((c) => !gatingChecks(policy).includes(c));

  for (const img of result.images) {
    const all: Finding[] = [...img.vulnerabilities, ...img.compliance];
    for (const f of all) {
      const idx = active.findIndex((e) => entryMatches(e, f, img.image));
      if (idx >= 0) {
        used.add(idx);
        f.allowlisted = toMatch(active[idx]);
        continue;
      }
      delete f.allowlisted;
      if (f.kind === 'vulnerability' && policy.ignoreUnfixed && !f.fixable) continue;
      // A report-only check's findings (check-eol: warn) are shown, never counted.
      if (f.kind === 'compliance' && reportOnly.some((c) => c.owns(f.rule))) continue;
      counted[f.severity]++;
      if (f.kind === 'vulnerability' && f.fixable) fixable++;
      if (f.kind === 'vulnerability') addExploit(exploit, f);
      if (f.baselineState === 'new') {
        countedNew[f.severity]++;
        if (f.kind === 'vulnerability' && f.fixable) fixableNew++;
        if (f.kind === 'vulnerability') addExploit(exploitNew, f);
      }
      if (f.kind === 'compliance') complianceLeft.push({ rule: f.rule, finding: f, image: img.image.ref });
    }
  }
  // Entries used in *some* finding are used; "unused" are active entries that matched nothing.
  // VEX documents speak about many products: a statement that matched nothing here is not stale.
  const unusedEntries: AllowlistEntryRef[] = active.filter((e, i) => !used.has(i) && e.format !== 'vex').map(toRef);
  const expiredEntries: AllowlistEntryRef[] = expired.map(toRef);

  const rules: string[] = [];
  const reasons: string[] = [];
  const total = SEVERITIES.reduce((n, s) => n + counted[s], 0);
  const scope = policy.ignoreUnfixed ? ' with a fix' : '';

  if (policy.severityThreshold) {
    const t = policy.severityThreshold;
    // fail-on-new: the threshold counts only what the change introduced (docs/policy.md).
    const onlyNew = !!policy.failOnNew;
    const base = onlyNew ? countedNew : counted;
    const rule = `severity-threshold: ${t.toLowerCase()}${onlyNew ? ' (new findings only: fail-on-new)' : ''}`;
    rules.push(onlyNew ? `${rule}${newScope(result)}` : rule);
    const atOrAbove = SEVERITIES.filter((s) => severityRank(s) >= severityRank(t));
    const n = atOrAbove.reduce((acc, s) => acc + base[s], 0);
    if (n > 0) {
      const parts = [...atOrAbove]
        .reverse()
        .filter((s) => base[s] > 0)
        .map((s) => `${base[s]} ${s}`);
      reasons.push(
        `${plural(n, onlyNew ? 'new finding' : 'finding')}${scope} at or above ${t} (${rule}): ${parts.join(', ')}`,
      );
    }
  }
  // fail-on replaces the default severity-threshold (settings.ts); when both were given, either one fails the gate.
  const both = !!policy.severityThreshold && !!policy.failOn?.trim();
  if (failOnSeverity) {
    const t = failOnSeverity;
    const rule = `fail-on: ${t.toLowerCase()} (${t} or worse${both ? '; either rule fails the gate' : ''})`;
    rules.push(rule);
    const atOrAbove = SEVERITIES.filter((s) => severityRank(s) >= severityRank(t));
    const n = atOrAbove.reduce((acc, s) => acc + counted[s], 0);
    if (n > 0) {
      const parts = [...atOrAbove]
        .reverse()
        .filter((s) => counted[s] > 0)
        .map((s) => `${counted[s]} ${s}`);
      reasons.push(
        `${plural(n, 'finding')}${scope} at or above ${t} (fail-on: ${t.toLowerCase()}): ${parts.join(', ')}`,
      );
    }
  }
  if (failOn) {
    const text = policy.failOn?.trim() ?? '';
    const rule = `fail-on: ${text}`;
    rules.push(/\bnew\./i.test(text) ? `${rule}${newScope(result)}` : rule);
    const r = evaluateRule(failOn, {
      bySeverity: counted,
      fixable,
      ...exploit,
      ...(comparedOrStrict(result) ? { new: { bySeverity: countedNew, fixable: fixableNew, ...exploitNew } } : {}),
    });
    if (r.value) reasons.push(`fail-on rule "${text}" is true: ${r.because.join(', ')}`);
  }
  // An enabled compliance check fails the gate on any finding that is not allowlisted, whatever the
  // severity threshold: the user asked for that check explicitly (see docs/policy.md).
  for (const check of gatingChecks(policy)) {
    const label = check.label(policy);
    rules.push(label);
    const hits = complianceLeft.filter((x) => check.owns(x.rule));
    if (hits.length === 0) continue;
    const shown = hits
      .slice(0, 3)
      .map((h) => `${h.finding.rule}${h.finding.path ? ` at ${h.finding.path}` : ''} in ${h.image}`)
      .join('; ');
    reasons.push(
      `${plural(hits.length, 'compliance finding')} (${label}): ${shown}${hits.length > 3 ? `; and ${hits.length - 3} more` : ''}`,
    );
  }

  for (const e of expiredEntries)
    log.warn(`allowlist entry ${e.id} (${e.source}) expired on ${e.expires ?? ''}; it no longer applies.`);
  log.debug(`policy: ${total} counted findings, ${reasons.length} failed rules`);

  return {
    status: reasons.length > 0 ? 'fail' : 'pass',
    enforced: policy.fail,
    reasons,
    rules,
    counted,
    expiredEntries,
    unusedEntries,
  };
}
