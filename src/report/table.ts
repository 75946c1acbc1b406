/**
 * Plain-text table for stdout / CI logs: per image, findings grouped by severity (most severe first),
 * every line at most `width` columns (default 80; long cells are cut with "…"), then compliance findings,
 * counts and the verdict. Control characters from outside are replaced so a description cannot move the
 * cursor or inject ANSI escapes into the log. Very long groups are cut (the full list is in the reports).
 * With exploit data (issue 22) a KEV and an EPSS column, and each image's known-exploited ids before its groups
 * (so the cut of a long group hides none); the line above the verdict says which data was applied, or "not enriched".
 */
import { countBySeverity, ScanResult, VulnerabilityFinding } from '../findings/model';
import {
  exploitDataText,
  imageNotes,
  nothingToMatchImages,
  oneLine,
  percent,
  SEVERITIES_DESC,
  sortedVulns,
  truncate,
} from './common';

const MAX_ROWS_PER_GROUP = 50;
const MAX_KEV_IDS = 20;
/** "91.23% p99.87": the longest EPSS cell ("100% p100" and "<0.01% p0.01" are shorter). */
const EPSS_W = 13;

function cell(text: string, w: number): string {
  const t = truncate(oneLine(text), w);
  return t + ' '.repeat(Math.max(0, w - Array.from(t).length));
}

function line(text: string, width: number): string {
  return truncate(oneLine(text), width);
}

/** Words of `text` on lines of at most `width` columns (a longer word is cut). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of oneLine(text).split(' ')) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${word}` : truncate(word, width);
  }
  if (cur) out.push(cur);
  return out;
}

export function renderTable(result: ScanResult, width = 80): string {
  const W = Math.max(40, width);
  const kevOn = !!result.enrichment?.kev;
  const epssOn = !!result.enrichment?.epss;
  // Column widths: ID, package, installed, fixed-in share the line (3 single spaces between them); the exploit
  // columns, when there is data for them, take theirs first.
  const extra = (kevOn ? 4 : 0) + (epssOn ? EPSS_W + 1 : 0);
  const R = W - 3 - extra;
  const idW = Math.floor(R * (extra ? 0.29 : 0.24));
  const pkgW = Math.floor(R * 0.26);
  const verW = Math.floor(R * (extra ? 0.21 : 0.25));
  const fixW = R - idW - pkgW - verW;
  const row = (a: string, b: string, c: string, d: string, k = '', e = ''): string =>
    extra
      ? `${cell(a, idW)} ${cell(b, pkgW)} ${cell(c, verW)} ${cell(d, fixW)}${kevOn ? ` ${cell(k, 3)}` : ''}${epssOn ? ` ${truncate(e, EPSS_W)}` : ''}`.trimEnd()
      : `${cell(a, idW)} ${cell(b, pkgW)} ${cell(c, verW)} ${truncate(oneLine(d), fixW)}`.trimEnd();
  const epssCell = (f: VulnerabilityFinding): string =>
    f.epss ? `${percent(f.epss.score)} p${percent(f.epss.percentile).slice(0, -1)}` : '-';
  const out: string[] = [];
  const rule = '─'.repeat(W);
  for (const img of result.images) {
    const vulns = sortedVulns(img);
    const active = vulns.filter((f) => !f.allowlisted);
    out.push(rule);
    out.push(
      line(
        `Image ${img.image.ref} — ${active.length} vulnerabilities${vulns.length > active.length ? ` (+${vulns.length - active.length} allowlisted)` : ''}`,
        W,
      ),
    );
    out.push(rule);
    for (const n of imageNotes(img)) out.push(...wrap(`${n.level === 'warning' ? 'WARNING' : 'Note'}: ${n.text}`, W));
    const kev = kevOn ? active.filter((f) => f.kev) : [];
    if (kev.length) {
      const ids = kev.slice(0, MAX_KEV_IDS).map((f) => f.id);
      const more = kev.length > MAX_KEV_IDS ? `, … ${kev.length - MAX_KEV_IDS} more` : '';
      out.push('', ...wrap(`KNOWN EXPLOITED (CISA KEV) (${kev.length}): ${ids.join(', ')}${more}`, W));
    }
    const groups: [string, VulnerabilityFinding[]][] = SEVERITIES_DESC.map((s) => [
      s,
      active.filter((f) => f.severity === s),
    ]);
    groups.push(['Allowlisted', vulns.filter((f) => f.allowlisted)]);
    for (const [name, list] of groups) {
      if (list.length === 0) continue;
      const fixable = list.filter((f) => f.fixable).length;
      out.push('');
      out.push(line(`${name.toUpperCase()} (${list.length}, ${fixable} fixable)`, W));
      out.push(row('ID', 'PACKAGE', 'INSTALLED', 'FIXED IN', 'KEV', 'EPSS'));
      for (const f of list.slice(0, MAX_ROWS_PER_GROUP)) {
        const fix = name === 'Allowlisted' ? `${f.severity}; ${f.allowlisted?.reason ?? ''}` : (f.fixedIn ?? '-');
        out.push(row(f.id, f.package.name, f.package.version, fix, f.kev ? 'KEV' : '-', epssCell(f)));
      }
      if (list.length > MAX_ROWS_PER_GROUP)
        out.push(line(`… ${list.length - MAX_ROWS_PER_GROUP} more (see the JSON/HTML report)`, W));
    }
    if (img.compliance.length) {
      out.push('');
      out.push(line(`COMPLIANCE (${img.compliance.length})`, W));
      for (const c of img.compliance) {
        const state = c.allowlisted ? ' [allowlisted]' : '';
        out.push(line(`${c.severity.padEnd(10)} ${c.rule}: ${c.title}${c.path ? ` (${c.path})` : ''}${state}`, W));
      }
    }
    const all = countBySeverity(active);
    const fx = countBySeverity(active, { onlyFixable: true });
    out.push('');
    out.push(line('Counts, fixable/total (allowlisted not included):', W));
    out.push(line(`  ${SEVERITIES_DESC.map((s) => `${s} ${fx[s]}/${all[s]}`).join('  ')}`, W));
  }
  out.push(rule);
  const x = exploitDataText(result.enrichment);
  out.push(
    ...wrap(
      kevOn || epssOn
        ? `Exploit data: ${x.kev}; ${x.epss}`
        : 'Exploit data: not enriched (no CISA KEV or EPSS data was applied), so no finding is marked known or likely exploited; that does not mean none is',
      W,
    ),
  );
  const v = result.verdict;
  if (!v) out.push('Verdict: not evaluated');
  else {
    const mode = v.enforced ? 'enforced' : 'report-only, not enforced';
    out.push(line(`Verdict: ${v.status.toUpperCase()} (${mode})`, W));
    const empty = nothingToMatchImages(result.images);
    if (empty.length)
      out.push(
        line(
          `  ! not a clean result: nothing Clair can match was found in ${empty.map((i) => i.image.ref).join(', ')}`,
          W,
        ),
      );
    for (const r of v.reasons) out.push(line(`  - ${r}`, W));
    if (v.expiredEntries.length)
      out.push(line(`  ! ${v.expiredEntries.length} expired allowlist entries no longer apply`, W));
    if (v.unusedEntries.length) out.push(line(`  ! ${v.unusedEntries.length} allowlist entries matched nothing`, W));
  }
  return `${out.join('\n')}\n`;
}
