/**
 * Markdown summary: for the job summary, the sticky PR / MR comment and clair-scan-summary.md.
 *
 * Everything that comes from outside (descriptions, package names, versions, links, image refs, allowlist
 * reasons, notes) goes through `md()` (or `mdLink()` for URLs) of escape.ts, the one Markdown escaping.
 *
 * Size: GitHub comments are limited to 65,536 characters; the summary is kept under `maxChars`
 * (default 60,000) by cutting the full per-image lists first, with a pointer to the full reports.
 * Exploit data (issue 22): Known / Likely exploited lead; each finding row has KEV and EPSS columns for the data that
 * was applied; data not applied is said to be "not enriched", never "not exploited".
 */
import {
  AllowlistEntryRef,
  emptyCounts,
  ImageResult,
  ScanResult,
  SeverityCounts,
  VulnerabilityFinding,
} from '../findings/model';
import {
  allVulns,
  epssText,
  imageCounts,
  imageNotes,
  nothingToMatchImages,
  percent,
  primaryLink,
  SEVERITIES_DESC,
  sortedVulns,
  writeFileAtomic,
} from './common';
import type { ReportFormatDescriptor } from './format';
import { reportView } from './view';
import { md, mdLink } from './escape';
import { deltaHeadline, newVulnerabilities, policyChangeLine, totalOf } from '../findings/delta';

const MARKDOWN_DEFAULT_MAX_CHARS = 60_000;
const TOP_N = 10;
const SECTION_ROW_CAP = 100;

export interface MarkdownOptions {
  maxChars?: number;
  /** Hidden marker placed on the first line as an HTML comment, e.g. "clair-scan:myapp" (for sticky comments). */
  marker?: string;
}

export { md, mdLink } from './escape';

function markerLine(marker: string): string {
  // "--" cannot appear inside an HTML comment; keep the marker to a safe character set.
  return `<!-- ${marker.replace(/[^A-Za-z0-9:_./@+=-]/g, '_').replace(/-{2,}/g, '-')} -->`;
}

function verdictLines(result: ScanResult): string[] {
  const v = result.verdict;
  const n = result.images.length;
  const scope = `${n} image${n === 1 ? '' : 's'}`;
  if (!v) return [`## clair-scan: ${scope} scanned (no policy evaluated)`];
  let head: string;
  const empty = nothingToMatchImages(result.images).length;
  if (v.status === 'pass' && empty > 0)
    head = `## ⚠️ clair-scan: policy passed, but nothing Clair can match was found in ${empty === n ? (n === 1 ? 'the image' : 'any image') : `${empty} of ${n} images`} — ${scope}`;
  else if (v.status === 'pass') head = `## ✅ clair-scan: policy passed — ${scope}`;
  else if (v.enforced) head = `## ❌ clair-scan: policy failed — ${scope}`;
  else head = `## ⚠️ clair-scan: policy failed (report-only, not enforced) — ${scope}`;
  const lines = [head, ''];
  // Policy files edited by the change under review come first: a new finding may arrive with its own suppression.
  const change = result.policyChange && policyChangeLine(result.policyChange);
  if (change) lines.push(`> ⚠️ **Policy files changed**: ${md(change, 3000)}`, '');
  for (const r of v.reasons) lines.push(`- ${md(r, 500)}`);
  if (v.rules.length) lines.push('', `Rules: ${v.rules.map((r) => md(r, 200)).join('; ')}`);
  return lines;
}

const DELTA_ROW_CAP = 50;

/**
 * What this change did, first: new / fixed / updated / unchanged per severity against the baseline, then the new
 * findings, then the fixed ones (collapsed). Without a delta, the baseline notices (why there is none), if any.
 */
function deltaLines(result: ScanResult): string[] {
  const notes = (result.baselineNotes ?? []).map((n) => `> ℹ️ Baseline: ${md(n, 600)}`);
  const d = result.delta;
  if (!d) return notes.length ? [...notes.flatMap((n) => [n, '']), ''] : [];
  const multi = result.images.length > 1;
  const row = (label: string, c: SeverityCounts): string =>
    `| ${label} | ${SEVERITIES_DESC.map((s) => String(c[s])).join(' | ')} | **${totalOf(c)}** |`;
  const lines = [
    `### Changes since the baseline: ${deltaHeadline(d)}`, // numbers and severity names only
    '',
    `_Baseline: ${md(d.baseline.source, 200)}${d.baseline.finishedAt ? `, scanned ${md(d.baseline.finishedAt, 40)}` : ''}. Matched by image name, package and vulnerability; allowlisted findings not counted._`,
    '',
    `| Change | ${SEVERITIES_DESC.join(' | ')} | Total |`,
    `| --- |${SEVERITIES_DESC.map(() => ' ---: |').join('')} ---: |`,
    row('🆕 New', d.counts.new),
    row('✅ Fixed', d.counts.fixed),
    ...(totalOf(d.counts.updated) ? [row('🔁 Updated', d.counts.updated)] : []),
    row('Unchanged', d.counts.unchanged),
    '',
  ];
  const fresh = newVulnerabilities(result);
  const freshCompliance = result.images.flatMap((img) =>
    img.compliance.filter((c) => c.baselineState === 'new' && !c.allowlisted).map((c) => ({ img, c })),
  );
  if (fresh.length) {
    lines.push(
      `#### New findings (${fresh.length})`,
      '',
      ...findingHeader(result, multi),
      ...fresh.slice(0, DELTA_ROW_CAP).map((x) => findingRow(result, x.f, multi ? x.img : undefined)),
    );
    if (fresh.length > DELTA_ROW_CAP) lines.push('', `_… and ${fresh.length - DELTA_ROW_CAP} more new; ${POINTER}._`);
    lines.push('');
  } else {
    lines.push('No new vulnerabilities since the baseline.', '');
  }
  if (freshCompliance.length) {
    lines.push(
      `New compliance findings: ${freshCompliance
        .slice(0, 20)
        .map(({ img, c }) => `${md(c.rule, 80)}${c.path ? ` (${md(c.path, 120)})` : ''} in ${imageMd(img, 60)}`)
        .join('; ')}`,
      '',
    );
  }
  if (d.fixed.length) {
    lines.push(
      '<details>',
      `<summary>Fixed since the baseline (${d.fixed.length})</summary>`,
      '',
      '| Severity | ID | Package | Was installed | Image |',
      '| --- | --- | --- | --- | --- |',
      ...d.fixed
        .slice(0, DELTA_ROW_CAP)
        .map(
          (f) =>
            `| ${md(f.severity)} | ${f.kind === 'vulnerability' ? md(f.id, 80) : md(f.title ?? f.id, 120)} | ${md(f.package?.name ?? '—', 80)} | ${md(f.package?.version ?? '—', 60)} | ${md(f.image, 60)} |`,
        ),
      ...(d.fixed.length > DELTA_ROW_CAP
        ? ['', `_… and ${d.fixed.length - DELTA_ROW_CAP} more; see clair-scan-result.json._`]
        : []),
      '',
      '</details>',
      '',
    );
  }
  return [...notes.flatMap((n) => [n, '']), ...lines];
}

/** Warnings first (nothing Clair can match), then informational notes, per image. */
function notesLines(result: ScanResult): string[] {
  const rows = result.images.flatMap((img) => imageNotes(img).map((n) => ({ img, n })));
  if (rows.length === 0) return [];
  const out: string[] = [];
  for (const { img, n } of rows.filter((r) => r.n.level === 'warning'))
    out.push(`> ⚠️ **${imageMd(img, 80)}**: ${md(n.text, 600)}`, '');
  const info = rows.filter((r) => r.n.level === 'info');
  if (info.length)
    out.push(
      '<details>',
      `<summary>Notes (${info.length})</summary>`,
      '',
      ...info.map(({ img, n }) => `- ${imageMd(img, 80)}: ${md(n.text, 400)}`),
      '',
      '</details>',
      '',
    );
  return out;
}

function countsTable(result: ScanResult): string[] {
  const lines = [
    '| Image | ' + SEVERITIES_DESC.join(' | ') + ' | Allowlisted |',
    '| --- |' + SEVERITIES_DESC.map(() => ' ---: |').join('') + ' ---: |',
  ];
  const cell = (fx: number, all: number): string => (all === 0 ? '0' : `${fx} / ${all}`);
  const totalAll = emptyCounts();
  const totalFix = emptyCounts();
  let totalAllow = 0;
  for (const img of result.images) {
    const { all, fixable: fix, allowlisted: allow } = imageCounts(img.vulnerabilities);
    totalAllow += allow;
    for (const s of SEVERITIES_DESC) {
      totalAll[s] += all[s];
      totalFix[s] += fix[s];
    }
    lines.push(`| ${imageMd(img, 80)} | ${SEVERITIES_DESC.map((s) => cell(fix[s], all[s])).join(' | ')} | ${allow} |`);
  }
  if (result.images.length > 1) {
    lines.push(
      `| **Total** | ${SEVERITIES_DESC.map((s) => cell(totalFix[s], totalAll[s])).join(' | ')} | ${totalAllow} |`,
    );
  }
  lines.push('', '_Cells: fixable / total vulnerabilities (allowlisted ones not included)._');
  return lines;
}

/** A finding row; the KEV and EPSS cells only for the exploit data `result` was enriched with. */
function findingRow(
  result: ScanResult,
  f: VulnerabilityFinding,
  img: ImageResult | undefined,
  withSummary = false,
): string {
  const cols = [
    md(f.severity),
    mdLink(f.id, primaryLink(f)),
    md(f.package.name, 80),
    md(f.package.version, 60),
    f.fixedIn ? md(f.fixedIn, 60) : '—',
  ];
  if (result.enrichment?.kev) cols.push(f.kev ? '**KEV**' : '—');
  if (result.enrichment?.epss) cols.push(f.epss ? epssText(f.epss) : '—');
  if (img) cols.push(imageMd(img, 60));
  if (withSummary) cols.push(md(f.description || f.name, 100));
  return `| ${cols.join(' | ')} |`;
}

function findingHeader(result: ScanResult, withImage: boolean, withSummary = false): string[] {
  const cols = [
    'Severity',
    'ID',
    'Package',
    'Installed',
    'Fixed in',
    ...(result.enrichment?.kev ? ['KEV'] : []),
    ...(result.enrichment?.epss ? ['EPSS'] : []),
    ...(withImage ? ['Image'] : []),
    ...(withSummary ? ['Summary'] : []),
  ];
  return [`| ${cols.join(' | ')} |`, `|${cols.map(() => ' --- |').join('')}`];
}

/** "Likely exploited": an EPSS score at or above this (a 10% chance of exploitation activity within 30 days). */
export const LIKELY_EXPLOITED_EPSS = 0.1;
const EXPLOIT_ROW_CAP = 20;

/**
 * What attackers use, before the severity groups (issue 22): findings in the CISA KEV catalogue, then those with an
 * EPSS score of LIKELY_EXPLOITED_EPSS or more. Only with exploit data: without it nothing is said here, and the JSON
 * result has no `enrichment` ("not enriched", never "not exploited").
 */
function exploitLines(result: ScanResult): string[] {
  const e = result.enrichment;
  if (!e)
    return [
      '_Exploit data: not enriched — no CISA KEV or EPSS data was applied (`kev-data`, `epss-data`), so no finding is marked known or likely exploited; that does not mean none is._',
      '',
    ];
  const multi = result.images.length > 1;
  const all = allVulns(result.images).filter((x) => !x.f.allowlisted);
  const epssCell = (f: VulnerabilityFinding): string => (f.epss ? epssText(f.epss) : '—');
  const rows = (list: typeof all, extra: (f: VulnerabilityFinding) => string[]): string[] => [
    ...list.slice(0, EXPLOIT_ROW_CAP).map((x) => {
      const cols = [
        md(x.f.severity),
        mdLink(x.f.id, primaryLink(x.f)),
        md(x.f.package.name, 80),
        x.f.fixedIn ? md(x.f.fixedIn, 60) : '—',
        ...extra(x.f),
      ];
      if (multi) cols.push(imageMd(x.img, 60));
      return `| ${cols.join(' | ')} |`;
    }),
    ...(list.length > EXPLOIT_ROW_CAP ? ['', `_… and ${list.length - EXPLOIT_ROW_CAP} more; ${POINTER}._`] : []),
  ];
  const header = (extra: string[]): string[] => {
    const cols = ['Severity', 'ID', 'Package', 'Fixed in', ...extra, ...(multi ? ['Image'] : [])];
    return [`| ${cols.join(' | ')} |`, `|${cols.map(() => ' --- |').join('')}`];
  };
  const out: string[] = [];
  if (e.kev) {
    const kev = all.filter((x) => x.f.kev);
    out.push(`### Known exploited (${kev.length})`, '');
    if (kev.length === 0) out.push(`No finding is in the CISA KEV catalogue (version ${md(e.kev.version, 40)}).`, '');
    else
      out.push(
        ...header(['KEV added', 'KEV due', 'Ransomware', ...(e.epss ? ['EPSS'] : [])]),
        ...rows(kev, (f) => [
          md(f.kev!.dateAdded, 12),
          md(f.kev!.dueDate, 12),
          f.kev!.ransomware ? 'known' : '—',
          ...(e.epss ? [epssCell(f)] : []),
        ]),
        '',
      );
  } else
    out.push(
      '_Known exploited: no CISA KEV data was given (`kev-data`), so the findings were not checked against it._',
      '',
    );
  if (e.epss) {
    const likely = all
      .filter((x) => !x.f.kev && x.f.epss && x.f.epss.score >= LIKELY_EXPLOITED_EPSS)
      .sort((a, b) => b.f.epss!.score - a.f.epss!.score);
    out.push(`### Likely exploited (EPSS ≥ ${percent(LIKELY_EXPLOITED_EPSS)}, not in KEV) (${likely.length})`, '');
    if (likely.length === 0)
      out.push(
        `No other finding has an EPSS score of ${percent(LIKELY_EXPLOITED_EPSS)} or more (EPSS ${md(e.epss.date, 12)}).`,
        '',
      );
    else out.push(...header(['EPSS']), ...rows(likely, (f) => [epssCell(f)]), '');
  } else out.push('_Likely exploited: no EPSS data was given (`epss-data`), so the findings have no EPSS score._', '');
  return out;
}

function topFindings(result: ScanResult): string[] {
  const multi = result.images.length > 1;
  const all = allVulns(result.images).filter((x) => !x.f.allowlisted);
  if (all.length === 0) return ['### Findings', '', 'No vulnerabilities found (other than allowlisted ones).'];
  const top = all.slice(0, TOP_N);
  return [
    `### Most severe findings (${top.length} of ${all.length})`,
    '',
    ...findingHeader(result, multi, true),
    ...top.map((x) => findingRow(result, x.f, multi ? x.img : undefined, true)),
  ];
}

function capped<T>(items: T[], row: (t: T) => string): string[] {
  const out = items.slice(0, SECTION_ROW_CAP).map(row);
  if (items.length > SECTION_ROW_CAP)
    out.push('', `_… and ${items.length - SECTION_ROW_CAP} more; see the full report._`);
  return out;
}

function complianceSection(result: ScanResult): string[] {
  const rows = result.images.flatMap((img) => img.compliance.map((c) => ({ img, c })));
  if (rows.length === 0) return [];
  return [
    '### Compliance checks',
    '',
    '| Severity | Check | Image | Finding | Allowlisted |',
    '| --- | --- | --- | --- | --- |',
    ...capped(
      rows,
      ({ img, c }) =>
        `| ${md(c.severity)} | ${md(c.rule, 80)} | ${imageMd(img, 60)} | ${md(c.title, 120)}: ${md(c.message, 300)}${c.path ? ` (${md(c.path, 120)})` : ''} | ${c.allowlisted ? md(c.allowlisted.reason, 120) : 'no'} |`,
    ),
  ];
}

function entryRows(entries: AllowlistEntryRef[]): string[] {
  return [
    '| ID | Reason | Expires | Where |',
    '| --- | --- | --- | --- |',
    ...capped(
      entries,
      (e) =>
        `| ${md(e.id, 80)} | ${md(e.reason, 200)} | ${e.expires ? md(e.expires, 20) : '—'} | ${md(e.source, 120)} |`,
    ),
  ];
}

function allowlistSection(result: ScanResult): string[] {
  const allowed = allVulns(result.images).filter((x) => x.f.allowlisted);
  const out: string[] = [];
  if (allowed.length) {
    out.push(
      '<details>',
      `<summary>${allowed.length} allowlisted finding${allowed.length === 1 ? '' : 's'} (not counted by the gate)</summary>`,
      '',
      '| Severity | ID | Package | Image | Reason | Expires | Where |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...capped(allowed, ({ f, img }) => {
        const a = f.allowlisted!;
        return `| ${md(f.severity)} | ${mdLink(f.id, primaryLink(f))} | ${md(f.package.name, 80)} | ${imageMd(img, 60)} | ${md(a.reason, 200)} | ${a.expires ? md(a.expires, 20) : '—'} | ${md(a.source, 120)} |`;
      }),
      '',
      '</details>',
    );
  }
  const v = result.verdict;
  if (v?.expiredEntries.length) {
    out.push(
      '',
      `**⚠️ ${v.expiredEntries.length} expired allowlist entr${v.expiredEntries.length === 1 ? 'y' : 'ies'}** (no longer applied):`,
      '',
      ...entryRows(v.expiredEntries),
    );
  }
  if (v?.unusedEntries.length) {
    out.push(
      '',
      '<details>',
      `<summary>${v.unusedEntries.length} unused allowlist entr${v.unusedEntries.length === 1 ? 'y' : 'ies'} (matched no finding)</summary>`,
      '',
      ...entryRows(v.unusedEntries),
      '',
      '</details>',
    );
  }
  return out.length ? ['### Allowlist', '', ...out] : [];
}

const POINTER =
  'the full list is in the HTML and JSON reports (clair-scan-report.html, clair-scan-result.json) of this job';

/** Per-image collapsible lists, filled row by row while they fit `budget` characters. */
function fullLists(result: ScanResult, budget: number): string[] {
  const out: string[] = [];
  let used = 0;
  const push = (line: string): void => {
    out.push(line);
    used += line.length + 1;
  };
  let first = true;
  for (const img of result.images) {
    const vulns = sortedVulns(img).filter((f) => !f.allowlisted);
    if (vulns.length === 0) continue;
    if (first) {
      push('### All findings');
      push('');
      first = false;
    }
    const title = `<summary>${imageMd(img, 100)} — ${vulns.length} vulnerabilit${vulns.length === 1 ? 'y' : 'ies'}</summary>`;
    const closing = 400; // room for the "not shown" line and </details>
    if (used + title.length + closing > budget) {
      push(`- ${imageMd(img, 100)}: ${vulns.length} vulnerabilities not listed here; ${POINTER}.`);
      continue;
    }
    push('<details>');
    push(title);
    push('');
    for (const h of findingHeader(result, false)) push(h);
    let shown = 0;
    for (const f of vulns) {
      const row = findingRow(result, f, undefined);
      if (used + row.length + 1 + closing > budget) break;
      push(row);
      shown++;
    }
    if (shown < vulns.length) {
      push('');
      push(`_… ${vulns.length - shown} more not shown (the comment size limit); ${POINTER}._`);
    }
    push('');
    push('</details>');
    push('');
  }
  return out;
}

/** An image's reference, cut to `max`: a `platform: all` result keeps its platform (the end of its ref) when cut. */
function imageMd(img: ImageResult, max: number): string {
  const p = img.image.platform;
  const suffix = p ? ` (${p})` : '';
  if (!p || img.image.ref.length <= max || !img.image.ref.endsWith(suffix)) return md(img.image.ref, max);
  return `${md(img.image.ref.slice(0, -suffix.length), Math.max(max - suffix.length, 8))} ${md(`(${p})`)}`;
}

export function renderMarkdownSummary(result: ScanResult, opts: MarkdownOptions = {}): string {
  const maxChars = Math.max(1000, opts.maxChars ?? MARKDOWN_DEFAULT_MAX_CHARS);
  const headLines: string[] = [];
  if (opts.marker) headLines.push(markerLine(opts.marker));
  headLines.push(
    ...verdictLines(result),
    '',
    ...deltaLines(result),
    ...notesLines(result),
    ...exploitLines(result),
    ...countsTable(result),
    '',
    ...topFindings(result),
    '',
  );
  const tail: string[] = [];
  const comp = complianceSection(result);
  if (comp.length) tail.push(...comp, '');
  const allow = allowlistSection(result);
  if (allow.length) tail.push(...allow, '');
  const clair = result.clair.version ? ` with Clair ${md(result.clair.version, 40)}` : '';
  tail.push(`<sub>clair-scan ${md(result.tool.version, 40)}${clair} · ${md(result.finishedAt, 40)}</sub>`);

  const fixedLen = headLines.join('\n').length + tail.join('\n').length + 2;
  const lists = fullLists(result, maxChars - fixedLen - 200);
  let lines = [...headLines, ...lists, ...tail];
  let text = `${lines.join('\n')}\n`;
  if (text.length > maxChars) {
    // Last resort (huge compliance/allowlist sections or a tiny maxChars): cut whole lines, close open
    // <details>, and point to the full report.
    const pointer = `\n_… cut to fit the size limit; ${POINTER}._\n`;
    const kept: string[] = [];
    let len = pointer.length + 40;
    for (const l of lines) {
      if (len + l.length + 1 > maxChars) break;
      kept.push(l);
      len += l.length + 1;
    }
    const open = kept.filter((l) => l === '<details>').length - kept.filter((l) => l === '</details>').length;
    lines = [...kept, ...Array.from({ length: Math.max(0, open) }, () => '</details>')];
    text = `${lines.join('\n')}${pointer}`;
  }
  return text;
}

export const markdownFormat: ReportFormatDescriptor<'markdown'> = {
  name: 'markdown',
  fileName: 'clair-scan-summary.md',
  contentType: 'text/markdown; charset=utf-8',
  output: { name: 'markdown', description: 'Path of the Markdown summary.' },
  // Shows what report-severities / ignore-unfixed let through (view.ts), as the job summary and PR comment do.
  write: (dir, result, opts) =>
    writeFileAtomic(dir, markdownFormat.fileName, renderMarkdownSummary(reportView(result, opts))),
};
