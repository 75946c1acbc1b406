/**
 * Allowlists written for other scanners, read as clair-scan allowlists (docs/policy.md, "Migrating from Trivy and
 * Grype"): Trivy's `.trivyignore` (one id per line, `exp:YYYY-MM-DD`) and `.trivyignore.yaml` (`vulnerabilities:`),
 * and the `ignore:` rules of Grype's `.grype.yaml`.
 *
 * The rule of translation: an entry may suppress at most what the other tool would. What Clair's data cannot
 * tell apart (Grype's namespace, match type, package location; Trivy's paths) is an error naming the entry, never
 * a condition dropped; what can only make the gate stricter (a Trivy misconfiguration id, a Grype rule for a
 * package type Clair never reports) is a warning.
 */
import * as path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import type { Ecosystem, Finding } from '../findings/model';
import type { AllowlistEntry } from './allowlist';

/** Lines of a `.trivyignore` beyond which the file is refused (a real one has dozens). */
export const MAX_IGNORE_LINES = 100_000;
/** Longest Grype package-name pattern accepted. */
const MAX_PATTERN = 512;

/** Whether `file` (a path or a `label:path` source) names a Trivy ignore file in its plain-text form. */
export function isTrivyIgnoreName(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return base.includes('trivyignore') && !/\.ya?ml$/.test(base);
}

/** Whether `file` names Trivy's YAML ignore file (`.trivyignore.yaml`). */
export function isTrivyIgnoreYamlName(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return base.includes('trivyignore') && /\.ya?ml$/.test(base);
}

const HINT_TRIVY =
  "write one vulnerability id per line, optionally followed by `exp:YYYY-MM-DD` (Trivy's .trivyignore format); `#` starts a comment.";

/** Trivy stops applying an entry at 00:00 UTC of its `exp:` date: the last day it applies is the day before. */
function dayBefore(date: string, where: string, hint: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (
    !m ||
    !d ||
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  ) {
    throw new ClairScanError(`allowlist ${where}: "${date}" is not a valid date`, { hint });
  }
  return new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * `.trivyignore`: one id per line, then optional fields; `exp:YYYY-MM-DD` is the expiry (Trivy: pkg/result/ignore.go).
 * Trivy skips a line with a bad date and warns; here it is an error, so a typo cannot leave the gate looser or
 * stricter than the file says.
 */
export function parseTrivyIgnore(text: string, file: string): AllowlistEntry[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_IGNORE_LINES) {
    throw new ClairScanError(
      `allowlist ${file}: ${lines.length} lines, more than the ${MAX_IGNORE_LINES} a Trivy ignore file may have`,
      { hint: HINT_TRIVY },
    );
  }
  const entries: AllowlistEntry[] = [];
  let comment = '';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      comment = '';
      return;
    }
    // A comment just above an entry is its reason, as Trivy's examples write it.
    if (line.startsWith('#')) {
      comment = line.replace(/^#+\s*/, '');
      return;
    }
    const where = `${file}:${i + 1}`;
    const fields = line.split(/\s+/);
    const id = fields[0];
    let expires: string | undefined;
    const rest: string[] = [];
    // Trivy reads the first `exp:` field wherever it is on the line; the other fields are free text.
    for (const f of fields.slice(1)) {
      if (f.startsWith('exp:') && expires === undefined)
        expires = dayBefore(f.slice(4), where, 'write the date as exp:YYYY-MM-DD, e.g. exp:2026-12-31.');
      else rest.push(f);
    }
    const note = rest.join(' ').replace(/^#+\s*/, '');
    if (note) comment = note;
    if (/[*?]/.test(id)) {
      throw new ClairScanError(`allowlist ${where}: "${id}" is a wildcard; Trivy matches ids exactly`, {
        hint: 'list each vulnerability id on its own line.',
      });
    }
    entries.push({
      format: 'trivy',
      source: `${file}:${i + 1}`,
      id,
      reason: comment ? `trivyignore: ${comment}` : 'trivyignore',
      ...(expires ? { expires } : {}),
    });
    comment = '';
  });
  return entries;
}

type Keys = Map<string, { key: Node; value: Node | null }>;

/** Positions for messages: `file:line:col` of a node. */
export interface Where {
  where(node: Node | null | undefined): string;
  pos(node: Node | null | undefined): { line: number; col: number };
}

function fail(loc: Where, node: Node | null | undefined, what: string, hint: string): never {
  throw new ClairScanError(`allowlist ${loc.where(node)}: ${what}`, { hint });
}

function text(n: Node | null | undefined): string | undefined {
  if (isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean'))
    return String(n.value);
  return undefined;
}

function pairs(loc: Where, node: Node, what: string, hint: string): [string, Node, Node | null][] {
  if (isAlias(node)) fail(loc, node, `YAML aliases are not read in ${what}`, hint);
  if (!isMap(node)) fail(loc, node, `expected ${what} to be a mapping`, hint);
  return (node as YAMLMap).items.map((p) => {
    const k = text(p.key as Node);
    if (k === undefined) fail(loc, p.key as Node, `expected a text key in ${what}`, hint);
    const v = (p.value as Node | null) ?? null;
    if (v && isAlias(v)) fail(loc, v, `YAML aliases are not read in ${what}`, hint);
    return [k, p.key as Node, v];
  });
}

function items(loc: Where, node: Node | null, what: string, hint: string): Node[] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (isAlias(node)) fail(loc, node, `YAML aliases are not read in ${what}`, hint);
  if (!isSeq(node)) fail(loc, node, `expected ${what} to be a list`, hint);
  return node.items as Node[];
}

const HINT_TRIVY_YAML =
  "Trivy's .trivyignore.yaml: `vulnerabilities:` is a list of entries with `id` and optionally `statement` and `expired_at` (YYYY-MM-DD).";

/**
 * `.trivyignore.yaml`: `vulnerabilities[]` with `id`, `statement`, `expired_at`. `paths` and `purls` narrow an
 * entry in ways Clair's report does not carry (file paths; Trivy's purl matching) and are refused; the other
 * sections (misconfigurations, secrets, licenses) are Trivy's own scanners: skipped with a warning.
 */
export function parseTrivyIgnoreYaml(keys: Keys, loc: Where, file: string): AllowlistEntry[] {
  const entries: AllowlistEntry[] = [];
  for (const [k, { key, value }] of keys) {
    if (['misconfigurations', 'secrets', 'licenses'].includes(k)) {
      if (items(loc, value, k, HINT_TRIVY_YAML).length)
        log.warn(
          `allowlist ${loc.where(key)}: Trivy's \`${k}:\` entries are not read (clair-scan has no such findings); they suppress nothing.`,
        );
      continue;
    }
    if (k !== 'vulnerabilities')
      fail(
        loc,
        key,
        `unknown key "${k}" in a .trivyignore.yaml (expected vulnerabilities, misconfigurations, secrets, licenses)`,
        HINT_TRIVY_YAML,
      );
    for (const item of items(loc, value, 'vulnerabilities', HINT_TRIVY_YAML)) {
      let id: string | undefined;
      let statement = '';
      let expires: string | undefined;
      for (const [f, fk, fv] of pairs(loc, item, 'an entry', HINT_TRIVY_YAML)) {
        const v = text(fv);
        if (f === 'id' && v?.trim()) id = v.trim();
        else if (f === 'statement' && v !== undefined) statement = v.trim();
        else if (f === 'expired_at' && v !== undefined)
          expires = dayBefore(v.trim().slice(0, 10), loc.where(fv), 'write expired_at as YYYY-MM-DD.');
        else if (f === 'paths' || f === 'purls') {
          fail(
            loc,
            fk,
            `"${f}" cannot be expressed: Clair's report has no ${f === 'paths' ? 'file path' : 'Trivy package URL'} to narrow the entry to, and dropping it would suppress more than the file asks`,
            'remove the entry, or write it in the native format with `package:` (and `image:`) to narrow it (docs/policy.md).',
          );
        } else fail(loc, fk, `unknown or invalid "${f}" in a vulnerabilities entry`, HINT_TRIVY_YAML);
      }
      if (!id) fail(loc, item, 'entry has no `id`', HINT_TRIVY_YAML);
      const p = loc.pos(item);
      entries.push({
        format: 'trivy',
        source: `${file}:${p.line}`,
        id,
        reason: statement ? `trivyignore: ${statement}` : 'trivyignore',
        ...(expires ? { expires } : {}),
      });
    }
  }
  return entries;
}

const HINT_GRYPE =
  'Grype\'s `ignore:` is a list of rules with `vulnerability`, `fix-state`, `reason` and `package: {name, version, type, language, upstream-name}` (docs/policy.md, "Migrating from Trivy and Grype").';

/** Grype package types (syft's) as the ecosystems Clair reports. */
const GRYPE_TYPES: Record<string, Ecosystem> = {
  deb: 'deb',
  apk: 'apk',
  rpm: 'rpm',
  python: 'pypi',
  'java-archive': 'maven',
  'go-module': 'golang',
  npm: 'npm',
  gem: 'gem',
};
const GRYPE_LANGUAGES: Record<string, Ecosystem> = {
  python: 'pypi',
  java: 'maven',
  go: 'golang',
  javascript: 'npm',
  ruby: 'gem',
};
/** Grype settings that change what it reports but are not allowlist rules: named when present, not applied. */
const GRYPE_RESULT_SETTINGS = [
  'only-fixed',
  'only-notfixed',
  'ignore-wontfix',
  'exclude',
  'vex-documents',
  'match',
  'fail-on-severity',
];

/**
 * Grype's package-name regular expression (Go syntax, anchored by Grype), in the subset that has a safe meaning
 * here: literal characters (`\` escapes one), `.` for one character and `.*` for any run, optional `^`/`$` at the
 * ends. Anything else (classes, groups, alternation, other repetition) is refused: a regular expression from a
 * file must not be able to stall the scan, and guessing its meaning could suppress more than it says.
 * Returns a matcher with the linear-time wildcard walk of policy/glob.ts (case-sensitive, as Grype's is).
 */
export function grypeNameMatcher(pattern: string, loc: Where, node: Node | null): (name: string) => boolean {
  const refuse = (why: string): never =>
    fail(
      loc,
      node,
      `package name "${pattern}" ${why}`,
      'use a literal package name, `.` for one character or `.*` for any run (e.g. `libssl.*`); write one rule per package otherwise.',
    );
  if (pattern.length === 0) refuse('is empty');
  if (pattern.length > MAX_PATTERN) refuse(`is longer than ${MAX_PATTERN} characters`);
  // Tokens: a literal character, ANY (one character) or STAR (any run).
  const toks: (string | { any: true } | { star: true })[] = [];
  const body = pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const n = body[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) refuse(`uses the escape \\${n ?? ''}, which is not supported here`);
      toks.push(n);
      i++;
    } else if (c === '.' && body[i + 1] === '*') {
      toks.push({ star: true });
      i++;
    } else if (c === '.') toks.push({ any: true });
    else if ('+*?()[]{}|^$'.includes(c)) refuse(`uses "${c}", which is not supported here`);
    else toks.push(c);
  }
  return (name: string) => {
    const t = Array.from(name);
    let pi = 0;
    let ti = 0;
    let star = -1;
    let mark = 0;
    while (ti < t.length) {
      const p = toks[pi];
      if (p !== undefined && typeof p === 'object' && 'star' in p) {
        star = ++pi;
        mark = ti;
      } else if (p !== undefined && (typeof p === 'object' || p === t[ti])) {
        pi++;
        ti++;
      } else if (star >= 0) {
        pi = star;
        ti = ++mark;
      } else return false;
    }
    while (pi < toks.length && typeof toks[pi] === 'object' && 'star' in (toks[pi] as object)) pi++;
    return pi === toks.length;
  };
}

/**
 * `.grype.yaml`'s `ignore:` rules. Every condition a rule gives must hold (Grype's semantics); a rule with none
 * ignores nothing in Grype and is skipped with a warning here.
 */
export function parseGrypeIgnore(keys: Keys, loc: Where, file: string): AllowlistEntry[] {
  const notRead = [...keys.keys()].filter((k) => GRYPE_RESULT_SETTINGS.includes(k));
  if (notRead.length)
    log.warn(
      `allowlist ${file}: only Grype's \`ignore:\` rules are read; ${notRead.join(', ')} ${notRead.length === 1 ? 'is' : 'are'} not applied (for only-fixed, set ignore-unfixed).`,
    );
  const entries: AllowlistEntry[] = [];
  const ignore = keys.get('ignore');
  for (const rule of items(loc, ignore?.value ?? null, '`ignore`', HINT_GRYPE)) {
    const conds: ((f: Finding & { kind: 'vulnerability' }) => boolean)[] = [];
    const said: string[] = [];
    let id = '';
    let reason = '';
    let never = false;
    let skip = false;
    for (const [k, kn, vn] of pairs(loc, rule, 'a rule', HINT_GRYPE)) {
      const v = k === 'package' ? undefined : text(vn)?.trim();
      if (k !== 'package' && v === undefined) fail(loc, vn ?? kn, `"${k}" must be text`, HINT_GRYPE);
      if (k === 'package' || v !== '') {
        switch (k) {
          case 'vulnerability':
            id = v!;
            break;
          case 'reason':
            reason = v!;
            break;
          case 'include-aliases':
            break; // clair-scan always compares the finding's aliases: Clair's primary ids are not Grype's.
          case 'fix-state':
            said.push(`fix-state: ${v}`);
            if (v === 'fixed') conds.push((f) => f.fixable);
            else if (v === 'not-fixed') {
              conds.push((f) => !f.fixable);
              log.warn(
                `allowlist ${loc.where(vn)}: Clair does not tell "not-fixed" from "wont-fix" or "unknown"; this rule covers every finding without a fixed version.`,
              );
            } else if (v === 'wont-fix' || v === 'unknown') {
              never = true;
              log.warn(
                `allowlist ${loc.where(vn)}: fix-state "${v}" cannot be told apart in Clair's data; the rule suppresses nothing (use "not-fixed" for every finding without a fix).`,
              );
            } else fail(loc, vn, `fix-state "${v}" is not one of fixed, not-fixed, wont-fix, unknown`, HINT_GRYPE);
            break;
          case 'vex-status':
          case 'vex-justification':
            skip = true;
            break;
          case 'namespace':
          case 'match-type':
            fail(
              loc,
              kn,
              `"${k}" cannot be expressed: Clair reports no ${k === 'namespace' ? 'Grype data namespace' : 'match type'}, and dropping it would suppress more than the rule asks`,
              'remove the condition (if the rest of the rule is what you mean) or the rule, or write a native entry (docs/policy.md).',
            );
            break;
          case 'package':
            for (const [pk, pkn, pvn] of pairs(loc, vn as Node, '`package`', HINT_GRYPE)) {
              const pv = text(pvn)?.trim();
              if (pv === undefined) fail(loc, pvn ?? pkn, `package "${pk}" must be text`, HINT_GRYPE);
              if (pv === '') continue;
              said.push(`package ${pk}: ${pv}`);
              if (pk === 'name') {
                const m = grypeNameMatcher(pv, loc, pvn);
                conds.push((f) => m(f.package.name));
              } else if (pk === 'version') conds.push((f) => f.package.version === pv);
              else if (pk === 'upstream-name') conds.push((f) => f.package.source?.name === pv);
              else if (pk === 'type' || pk === 'language') {
                const eco = (pk === 'type' ? GRYPE_TYPES : GRYPE_LANGUAGES)[pv];
                if (eco) conds.push((f) => f.package.ecosystem === eco);
                else {
                  never = true;
                  log.warn(
                    `allowlist ${loc.where(pvn)}: Clair reports no packages of ${pk} "${pv}"; the rule suppresses nothing.`,
                  );
                }
              } else if (pk === 'location') {
                fail(
                  loc,
                  pkn,
                  'package "location" cannot be expressed: Clair reports the package database, not each package\'s files, and dropping it would suppress more than the rule asks',
                  'narrow the rule by package name and version instead, or write a native entry (docs/policy.md).',
                );
              } else fail(loc, pkn, `unknown key "${pk}" in \`package\``, HINT_GRYPE);
            }
            break;
          default:
            // An unknown key may be a misspelt condition: dropping it would widen the rule.
            fail(loc, kn, `unknown key "${k}" in an ignore rule`, HINT_GRYPE);
        }
      }
    }
    const p = loc.pos(rule);
    const source = `${file}:${p.line}`;
    if (skip) {
      log.warn(
        `allowlist ${source}: a vex-status rule is Grype's VEX processing, not an ignore rule; it is not read (give VEX documents in \`vex\`).`,
      );
      continue;
    }
    if (!id && conds.length === 0 && !never) {
      log.warn(`allowlist ${source}: a rule without conditions ignores nothing in Grype; skipped.`);
      continue;
    }
    const ids = id.toLowerCase();
    entries.push({
      format: 'grype',
      source,
      id: id || said.join(', '),
      reason: reason ? `grype: ${reason}` : 'grype ignore rule',
      matches: (f) => {
        if (never || f.kind !== 'vulnerability') return false;
        if (ids && ![f.id, ...f.aliases, f.name].some((x) => x.toLowerCase() === ids)) return false;
        return conds.every((c) => c(f));
      },
    });
  }
  return entries;
}
