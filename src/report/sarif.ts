/**
 * SARIF 2.1.0 for GitHub code scanning: one run per image name (at most 20), results located on the Dockerfile with
 * fingerprints from the finding key, allowlisted findings left out (GitHub ignores suppressions), security-severity
 * from CVSS or the severity, known-exploited findings first; cut to GitHub's limits (25,000 results per run, 10 MB
 * gzipped), most important kept. Why each: docs/decisions/sarif-report.md.
 */
import { createGzip, gzipSync } from 'node:zlib';
import type { Location, Log, Notification, PropertyBag, ReportingDescriptor, Result, Run, ToolComponent } from 'sarif';
import {
  ComplianceFinding,
  compareFindings,
  Enrichment,
  ImageResult,
  ScanResult,
  Severity,
  severityRank,
  VulnerabilityFinding,
} from '../findings/model';
import {
  allLinks,
  distributionOf,
  imageNotes,
  nothingToMatchImages,
  osText,
  sha256Hex,
  sortedVulns,
  writeChunksAtomic,
  writeFileAtomic,
} from './common';
import { md, mdUrl } from './escape';
import { jsonChunks, jsonText, LazyArray, streamed } from './json-stream';
import type { ReportFormatDescriptor } from './format';
import { reportView } from './view';

export const SARIF_MAX_RUNS = 20;
export const SARIF_MAX_RESULTS_PER_RUN = 25_000;
export const SARIF_MAX_GZIP_BYTES = 10 * 1024 * 1024;
/** Safety margin under GitHub's 10 MB gzip limit. */
const GZIP_BUDGET = Math.floor(SARIF_MAX_GZIP_BYTES * 0.95);

export interface SarifOptions {
  dockerfile: string;
  /** Override the per-run result limit (tests). */
  maxResultsPerRun?: number;
  /** Override the gzip budget in bytes (tests). */
  maxGzipBytes?: number;
}

const FALLBACK_SCORE: Record<Severity, number | undefined> = {
  Critical: 9.5,
  High: 8.0,
  Medium: 5.5,
  Low: 2.0,
  Negligible: 1.0,
  Unknown: undefined,
};

const LEVEL: Record<Severity, Result.level> = {
  Critical: 'error',
  High: 'error',
  Medium: 'warning',
  Low: 'note',
  Negligible: 'note',
  Unknown: 'warning',
};

export function securitySeverity(severity: Severity, cvssScore?: number): string | undefined {
  const s = cvssScore !== undefined && cvssScore > 0 && cvssScore <= 10 ? cvssScore : FALLBACK_SCORE[severity];
  return s === undefined ? undefined : s.toFixed(1);
}

function sevTag(s: Severity): string {
  return s.toLowerCase();
}

/** GitHub limits rule short/full descriptions to 1024 characters. */
function cap(s: string, n: number): string {
  const t = s.trim() || '-';
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
}

/** Markdown text for help.markdown (GitHub renders it): the one escaping of escape.ts, never cut. */
function mdCell(s: string): string {
  return md(s, Number.POSITIVE_INFINITY);
}

function mdLink(url: string): string {
  return `[${mdCell(url)}](${mdUrl(url)})`;
}

interface RunGroup {
  category: string;
  /** Image names in this run. */
  names: string[];
  images: ImageResult[];
}

function groupImages(images: ImageResult[]): RunGroup[] {
  const byName = new Map<string, ImageResult[]>();
  for (const img of images) {
    const list = byName.get(img.image.name) ?? [];
    list.push(img);
    byName.set(img.image.name, list);
  }
  const names = [...byName.keys()];
  const groups: RunGroup[] = [];
  const direct = names.length > SARIF_MAX_RUNS ? names.slice(0, SARIF_MAX_RUNS - 1) : names;
  for (const n of direct) groups.push({ category: `clair-scan/${n}/`, names: [n], images: byName.get(n) ?? [] });
  if (names.length > SARIF_MAX_RUNS) {
    const rest = names.slice(SARIF_MAX_RUNS - 1);
    groups.push({
      category: 'clair-scan/other-images/',
      names: rest,
      images: rest.flatMap((n) => byName.get(n) ?? []),
    });
  }
  return groups;
}

/** One result to be (or not, when cut): its finding and what the ordering reads. Rules and results are built from it while written. */
interface Candidate {
  ruleId: string;
  severity: Severity;
  /** 1 for a known-exploited (CISA KEV) finding: those come first, before any severity (issue 22). */
  kev: number;
  rank: number;
  score: number;
  order: number;
  img: ImageResult;
  /** The vulnerability, or else the compliance finding, of this result. */
  f?: VulnerabilityFinding;
  c?: ComplianceFinding;
}

const J = JSON.stringify;

/** A rule's fields, from which its JSON text is written. */
interface RuleParts {
  id: string;
  name: string;
  short: string;
  full: string;
  level: Result.level;
  /** help.text and help.markdown as JSON string contents (escaped, without the quotes): see jsonEsc. */
  helpText: string;
  helpMarkdown: string;
  /** properties.tags as JSON (an array of fixed words). */
  tags: string;
  securitySeverity?: string;
  helpUri?: string;
}

/** A rule's JSON text (compact): the one writer of rules (a pretty log parses it back, json-stream.ts indents it). */
function ruleJson(r: RuleParts): string {
  return (
    `{"id":${J(r.id)},"name":${J(r.name)},"shortDescription":{"text":${J(r.short)}},"fullDescription":{"text":${J(r.full)}},` +
    `"defaultConfiguration":{"level":"${r.level}"},"help":{"text":"${r.helpText}","markdown":"${r.helpMarkdown}"},` +
    `"properties":{"tags":${r.tags},"precision":"very-high"${r.securitySeverity ? `,"security-severity":${J(r.securitySeverity)}` : ''}}` +
    `${r.helpUri ? `,"helpUri":${J(r.helpUri)}` : ''}}`
  );
}

/** The rule's help lines on exploit data (issue 22): none when the finding has no KEV entry or EPSS score. */
function exploitLines(f: VulnerabilityFinding): string[] {
  const lines: string[] = [];
  if (f.kev)
    lines.push(
      `Known exploited (CISA KEV, ${f.kev.cve}): added ${f.kev.dateAdded}, due ${f.kev.dueDate}` +
        `${f.kev.ransomware ? ', known ransomware campaign use' : ''}.`,
    );
  if (f.epss) lines.push(`EPSS (${f.epss.cve}, ${f.epss.date}): ${f.epss.score}, percentile ${f.epss.percentile}.`);
  return lines;
}

/** What JSON.stringify leaves as it is in a string: no quote, backslash, control character or surrogate. */
const JSON_SAFE = /^[\x20\x21\x23-\x5b\x5d-\ud7ff\ue000-\uffff]*$/;

/**
 * `s` as JSON string contents: JSON.stringify(s) without its quotes (most text needs no escaping). The help texts
 * are written from escaped pieces, so the long text is never stringified (copied and scanned) whole; every piece
 * is set between ASCII literals, so no surrogate pair is split between two pieces.
 */
function jsonEsc(s: string): string {
  return JSON_SAFE.test(s) ? s : J(s).slice(1, -1);
}

/** Markdown cell text as JSON string contents. */
function mdEsc(s: string): string {
  return jsonEsc(mdCell(s));
}

function vulnRuleParts(f: VulnerabilityFinding, affected: { img: ImageResult; f: VulnerabilityFinding }[]): RuleParts {
  const links = allLinks(f);
  const sev = securitySeverity(f.severity, f.cvss?.score);
  const desc = f.description.trim() || f.name || f.id;
  // JSON string contents (jsonEsc): "\\n" here is the two characters of an escaped newline.
  let text = `${jsonEsc(f.id)} (${f.severity}${f.cvss ? `, CVSS ${f.cvss.score}${f.cvss.vector ? ` ${jsonEsc(f.cvss.vector)}` : ''}` : ''})\\n\\n${jsonEsc(desc)}\\n\\nAffected packages:`;
  let md =
    `**${mdEsc(f.id)}** — ${mdEsc(f.severity)}${f.cvss ? ` (CVSS ${f.cvss.score})` : ''}\\n\\n${mdEsc(desc)}\\n\\n` +
    '| Package | Installed | Fixed in | Image |\\n| --- | --- | --- | --- |';
  for (const a of affected) {
    const fixed = a.f.fixedIn ?? 'no fix yet';
    text += `\\n- ${jsonEsc(a.f.package.name)} ${jsonEsc(a.f.package.version)} (fixed in: ${jsonEsc(fixed)}; image ${jsonEsc(a.img.image.ref)})`;
    md += `\\n| ${mdEsc(a.f.package.name)} | ${mdEsc(a.f.package.version)} | ${mdEsc(fixed)} | ${mdEsc(a.img.image.ref)} |`;
  }
  const exploit = exploitLines(f);
  if (exploit.length) {
    text += `\\n\\n${exploit.map(jsonEsc).join('\\n')}`;
    md += `\\n\\n${exploit.map(mdEsc).join('  \\n')}`;
  }
  if (f.aliases.length) {
    text += `\\n\\nAlso known as: ${f.aliases.map(jsonEsc).join(', ')}`;
    md += `\\n\\nAlso known as: ${f.aliases.map(mdEsc).join(', ')}`;
  }
  if (links.length) {
    text += '\\n\\nReferences:';
    md += '\\n\\n**References**\\n';
    for (const l of links) {
      text += `\\n- ${jsonEsc(l)}`;
      md += `\\n- ${jsonEsc(mdLink(l))}`;
    }
  }
  return {
    id: f.id,
    name: f.id.replace(/[^A-Za-z0-9]+/g, '') || 'Vulnerability',
    short: cap(`${f.id}: ${f.severity} vulnerability in ${f.package.name}`, 1024),
    full: cap(desc, 1024),
    level: LEVEL[f.severity],
    helpText: text,
    helpMarkdown: md,
    // GitHub filters alerts by tag: known-exploited ones can be listed alone.
    tags: `["security","vulnerability","${sevTag(f.severity)}","container"${f.kev ? ',"known-exploited"' : ''}]`,
    securitySeverity: sev,
    helpUri: links[0],
  };
}

function complianceRuleParts(c: ComplianceFinding): RuleParts {
  return {
    id: `compliance/${c.rule}`,
    name: `Compliance${c.rule.replace(/[^A-Za-z0-9]+/g, '')}`,
    short: cap(c.title, 1024),
    full: cap(`${c.title}. Image compliance check "${c.rule}".`, 1024),
    level: LEVEL[c.severity],
    helpText: `${jsonEsc(c.title)}\\n\\n${jsonEsc(c.message)}`,
    helpMarkdown: `**${mdEsc(c.title)}**\\n\\n${mdEsc(c.message)}`,
    tags: `["security","compliance","${sevTag(c.severity)}","container"]`,
    securitySeverity: securitySeverity(c.severity),
  };
}

function location(dockerfile: string): Location[] {
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: dockerfile },
        region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      },
    },
  ];
}

function lineHash(key: string): string {
  return `${sha256Hex(key).slice(0, 32)}:1`;
}

function vulnText(f: VulnerabilityFinding, img: ImageResult): string {
  const os = osText(distributionOf(f, img));
  const fix = f.fixedIn ? `; fixed in ${f.fixedIn}` : '; no fix available yet';
  return (
    `${f.id} (${f.severity}) in package ${f.package.name} ${f.package.version}${fix}. ` +
    `Image ${img.image.ref} (${os}).`
  );
}

function complianceText(c: ComplianceFinding, img: ImageResult): string {
  const where = [c.path ? `path ${c.path}` : '', c.layer ? `layer ${c.layer}` : ''].filter(Boolean).join(', ');
  return `${c.title} (image ${img.image.ref}${where ? `, ${where}` : ''}). ${c.message}`;
}

/** What the rules and results of one run are built from. */
interface RunContext {
  dockerfile: string;
  /** The results' `locations` JSON. */
  locationJson: string;
  /** Affected (image, finding) pairs per vulnerability id, for the rule text. */
  byId: Map<string, { img: ImageResult; f: VulnerabilityFinding }[]>;
  /** The exploit data applied (ScanResult.enrichment), if any. */
  enrichment?: Enrichment;
}

function ruleParts(c: Candidate, ctx: RunContext): RuleParts {
  return c.f
    ? vulnRuleParts(c.f, ctx.byId.get(c.f.id) ?? [{ img: c.img, f: c.f }])
    : complianceRuleParts(c.c as ComplianceFinding);
}

/**
 * SARIF `rank` (0–100, higher first) of an enriched finding: 100 when known exploited (CISA KEV), else its EPSS
 * probability in percent; none without either (not enriched is not "not exploited").
 */
function exploitRank(f: VulnerabilityFinding): number | undefined {
  if (f.kev) return 100;
  return f.epss ? Math.round(f.epss.score * 10_000) / 100 : undefined;
}

/**
 * The result properties of the exploit data (issue 22), after `severity`: `kev` true/false only when KEV data was
 * applied (absent: not enriched), its dates and ransomware use when listed; `epss` and `epssPercentile` when scored.
 */
function exploitProperties(f: VulnerabilityFinding, e: Enrichment): string {
  let s = '';
  if (e.kev) s += `,"kev":${f.kev ? 'true' : 'false'}`;
  if (f.kev)
    s += `,"kevDateAdded":${J(f.kev.dateAdded)},"kevDueDate":${J(f.kev.dueDate)},"kevRansomware":${f.kev.ransomware}`;
  if (f.epss) s += `,"epss":${J(f.epss.score)},"epssPercentile":${J(f.epss.percentile)},"epssDate":${J(f.epss.date)}`;
  return s;
}

/** A result's JSON text (compact): the one writer of results. */
function resultJson(c: Candidate, ctx: RunContext, ruleIndex: number): string {
  const img = c.img;
  if (c.f) {
    const f = c.f;
    const rank = exploitRank(f);
    return (
      `{"ruleId":${J(f.id)},"level":"${LEVEL[f.severity]}"${rank === undefined ? '' : `,"rank":${rank}`},"message":{"text":${J(vulnText(f, img))}},"locations":${ctx.locationJson},` +
      `"partialFingerprints":{"primaryLocationLineHash":"${lineHash(f.key)}"}${f.baselineState ? `,"baselineState":${J(f.baselineState)}` : ''},` +
      `"properties":{"image":${J(img.image.ref)},"package":${J(f.package.name)},"installedVersion":${J(f.package.version)}` +
      `${f.fixedIn ? `,"fixedVersion":${J(f.fixedIn)}` : ''},"severity":"${f.severity}"${ctx.enrichment ? exploitProperties(f, ctx.enrichment) : ''}},"ruleIndex":${ruleIndex}}`
    );
  }
  const k = c.c as ComplianceFinding;
  return (
    `{"ruleId":${J(`compliance/${k.rule}`)},"level":"${LEVEL[k.severity]}","message":{"text":${J(complianceText(k, img))}},"locations":${ctx.locationJson},` +
    `"partialFingerprints":{"primaryLocationLineHash":"${lineHash(k.key)}"}${k.baselineState ? `,"baselineState":${J(k.baselineState)}` : ''},` +
    `"properties":{"image":${J(img.image.ref)},"severity":"${k.severity}"},"ruleIndex":${ruleIndex}}`
  );
}

function buildCandidates(
  group: RunGroup,
  dockerfile: string,
  enrichment: Enrichment | undefined,
): { candidates: Candidate[]; allowlisted: number; ctx: RunContext } {
  const candidates: Candidate[] = [];
  let allowlisted = 0;
  const seenKeys = new Set<string>();
  const byId = new Map<string, { img: ImageResult; f: VulnerabilityFinding }[]>();
  // The findings that make results (not allowlisted, the first of each key in image order), per image.
  const kept = group.images.map(() => new Set<VulnerabilityFinding>());
  group.images.forEach((img, i) => {
    for (const f of img.vulnerabilities) {
      if (f.allowlisted) {
        allowlisted++;
        continue;
      }
      if (seenKeys.has(f.key)) continue; // same image name scanned under two tags: one alert
      seenKeys.add(f.key);
      kept[i].add(f);
      const e = { img, f };
      const list = byId.get(f.id);
      if (list) list.push(e);
      else byId.set(f.id, [e]);
    }
  });
  // In report order: each image's findings come sorted (common.ts, computed once per write), so this is what
  // sorting them all gives (a stable sort's result is determined); several images' sorted runs are merged.
  const entries: { img: ImageResult; f: VulnerabilityFinding }[] = [];
  group.images.forEach((img, i) => {
    for (const f of sortedVulns(img)) if (kept[i].delete(f)) entries.push({ img, f });
  });
  if (group.images.length > 1) entries.sort((a, b) => compareFindings(a.f, b.f));
  let order = 0;
  for (const { img, f } of entries) {
    candidates.push({
      ruleId: f.id,
      severity: f.severity,
      kev: f.kev ? 1 : 0,
      rank: severityRank(f.severity),
      score: f.cvss?.score ?? 0,
      order: order++,
      img,
      f,
    });
  }
  for (const img of group.images) {
    for (const c of img.compliance) {
      if (c.allowlisted) {
        allowlisted++;
        continue;
      }
      if (seenKeys.has(c.key)) continue;
      seenKeys.add(c.key);
      candidates.push({
        ruleId: `compliance/${c.rule}`,
        severity: c.severity,
        kev: 0,
        rank: severityRank(c.severity),
        score: 0,
        order: order++,
        img,
        c,
      });
    }
  }
  // Known exploited first, then most severe, across vulnerabilities and compliance findings: what is kept when cutting.
  candidates.sort((a, b) => b.kev - a.kev || b.rank - a.rank || b.score - a.score || a.order - b.order);
  return { candidates, allowlisted, ctx: { dockerfile, locationJson: J(location(dockerfile)), byId, enrichment } };
}

interface BuiltRun {
  candidates: Candidate[];
  allowlisted: number;
  group: RunGroup;
  ctx: RunContext;
}

/**
 * One run. Its rules and results are LazyArrays whose items are written as text while the JSON is written
 * (json-stream.ts): compact as they are; a pretty-printed (small) log parses each back to be indented.
 */
function makeRun(result: ScanResult, b: BuiltRun, keep: number, reasons: string[]): Run {
  const kept = b.candidates.slice(0, keep);
  const ruleIndex = new Map<string, number>();
  const ruleOf: Candidate[] = [];
  for (const c of kept) {
    if (!ruleIndex.has(c.ruleId)) {
      ruleIndex.set(c.ruleId, ruleOf.length);
      ruleOf.push(c);
    }
  }
  const ctx = b.ctx;
  function* ruleTexts(): Generator<string> {
    for (const c of ruleOf) yield ruleJson(ruleParts(c, ctx));
  }
  function* resultTexts(): Generator<string> {
    for (const c of kept) yield resultJson(c, ctx, ruleIndex.get(c.ruleId) as number);
  }
  const rules = textArray(ruleTexts) as unknown as ReportingDescriptor[];
  const results = textArray(resultTexts) as unknown as Result[];
  const omitted = b.candidates.length - kept.length;
  const notifications: Notification[] = [];
  const props: PropertyBag = {
    images: b.group.images.map((i) => ({
      ref: i.image.ref,
      name: i.image.name,
      manifestDigest: i.image.manifestDigest,
      imageId: i.image.imageId,
      repoDigests: i.image.repoDigests,
    })),
    clairVersion: result.clair.version ?? 'unknown',
    allowlistedOmitted: b.allowlisted,
    resultsTotal: b.candidates.length,
    resultsOmitted: omitted,
  };
  if (b.allowlisted > 0) {
    notifications.push({
      level: 'note',
      message: {
        text: `${b.allowlisted} allowlisted finding(s) are not included (GitHub does not honour SARIF suppressions).`,
      },
    });
  }
  if (omitted > 0) {
    const lowest = kept.length ? kept[kept.length - 1].severity : 'none';
    const text =
      `${omitted} of ${b.candidates.length} results were left out (${reasons.join(' and ')}); ` +
      `the ${kept.length} most severe were kept (down to ${lowest}). The JSON and HTML reports list every finding.`;
    props.truncation = { omitted, total: b.candidates.length, kept: kept.length, reasons };
    notifications.push({ level: 'warning', message: { text } });
  }
  // Baseline findings that are gone (SARIF's baselineState "absent") are listed here, not as results: GitHub code
  // scanning reads no baselineState and would open an alert for each (docs/result-format.md).
  const absent = (result.delta?.fixed ?? []).filter((f) => b.group.names.includes(f.image));
  if (result.delta) {
    props.baseline = {
      source: result.delta.baseline.source,
      absent: absent.map((f) => ({
        baselineState: 'absent',
        id: f.id,
        key: f.key,
        severity: f.severity,
        ...(f.package ? { package: f.package.name, installedVersion: f.package.version } : {}),
      })),
    };
    if (absent.length)
      notifications.push({
        level: 'note',
        message: {
          text: `${absent.length} finding(s) of the baseline (${result.delta.baseline.source}) are absent now (fixed): see properties.baseline.absent.`,
        },
      });
  }
  if (result.enrichment) props.enrichment = result.enrichment;
  const empty = nothingToMatchImages(b.group.images);
  if (empty.length) props.nothingToMatch = empty.map((i) => i.image.ref);
  for (const img of b.group.images) {
    for (const n of imageNotes(img))
      notifications.push({
        level: n.level === 'warning' ? 'warning' : 'note',
        message: { text: `${img.image.ref}: ${n.text}` },
      });
  }
  if (b.group.names.length > 1) {
    notifications.push({
      level: 'note',
      message: {
        text: `GitHub accepts at most ${SARIF_MAX_RUNS} runs per SARIF file; images ${b.group.names.join(', ')} share this run.`,
      },
    });
  }
  const driver: ToolComponent = streamed({
    name: 'clair-scan',
    version: result.tool.version,
    informationUri: TOOL_INFORMATION_URI,
    rules,
  });
  if (/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(result.tool.version)) driver.semanticVersion = result.tool.version;
  return {
    tool: streamed({ driver }),
    automationDetails: { id: b.group.category },
    invocations: [
      {
        executionSuccessful: true,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    results,
    properties: props,
  };
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** tool.driver.informationUri: the project's home (SARIF multitool rule SARIF2012 asks for it). */
export const TOOL_INFORMATION_URI = 'https://github.com/clair-scan/clair-scan';

/** The SARIF log as an object (tests): the written text parsed back. */
export function buildSarif(result: ScanResult, opts: SarifOptions): Log {
  return JSON.parse(renderSarif(result, opts)) as Log;
}

/**
 * What goes into the log: the runs' candidates and how many of each are kept, with the reasons of any cut.
 * `cut` applies one pass of the size rule: the largest runs shrink by the overshoot ratio (plus 10 %).
 */
class SarifPlan {
  readonly built: BuiltRun[];
  readonly keep: number[];
  readonly reasons: string[][];
  readonly maxGzip: number;

  constructor(
    private readonly result: ScanResult,
    opts: SarifOptions,
  ) {
    const maxResults = opts.maxResultsPerRun ?? SARIF_MAX_RESULTS_PER_RUN;
    this.maxGzip = opts.maxGzipBytes ?? GZIP_BUDGET;
    const dockerfile = (opts.dockerfile || 'Dockerfile').replace(/\\/g, '/').replace(/^\.\//, '');
    this.built = groupImages(result.images).map((group) => {
      const { candidates, allowlisted, ctx } = buildCandidates(group, dockerfile, result.enrichment);
      return { candidates, allowlisted, group, ctx };
    });
    this.keep = this.built.map((b) => Math.min(b.candidates.length, maxResults));
    this.reasons = this.built.map((b) =>
      b.candidates.length > maxResults ? [`GitHub accepts at most ${maxResults} results per run`] : ([] as string[]),
    );
  }

  /** Results in the log as planned now. */
  get results(): number {
    return this.keep.reduce((a, k) => a + k, 0);
  }

  /** The log as planned now, to be written by jsonChunks (its rules and results are made while written). */
  log(): Log {
    const runs = this.built.map((b, i) => makeRun(this.result, b, this.keep[i], this.reasons[i]));
    return streamed({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: streamed(runs) } as Log);
  }

  /** One cutting pass for a log of `size` (estimated gzipped) bytes; false when nothing more can be cut. */
  cut(size: number): boolean {
    const keep = this.keep;
    const ratio = (this.maxGzip / size) * 0.9;
    let largest = 0;
    for (let i = 1; i < keep.length; i++) if (keep[i] > keep[largest]) largest = i;
    const cut = keep.map((k) => (keep[largest] > 0 && k >= keep[largest] / 2 ? Math.floor(k * ratio) : k));
    if (cut.every((k, i) => k === keep[i])) return false;
    cut.forEach((k, i) => {
      if (k < keep[i]) {
        keep[i] = k;
        const r = `the file must stay under ${Math.round(SARIF_MAX_GZIP_BYTES / 1024 / 1024)} MB gzipped`;
        if (!this.reasons[i].includes(r)) this.reasons[i].push(r);
      }
    });
    return true;
  }
}

/** Size checks (and cuts) at most this many times; the log after the last cut is taken as it is. */
const MAX_CUT_PASSES = 8;
/** Logs with at most this many results are pretty-printed (readable, diffable); larger ones are compact. */
const PRETTY_MAX_RESULTS = 2000;

/**
 * The log's text, cut in memory until its compact text fits (size checks from pass `pass` on, as writeSarifReport
 * counts them): pretty-printed when it has at most PRETTY_MAX_RESULTS results (readable, diffable), else compact.
 */
function fittedText(plan: SarifPlan, pass = 0): string {
  let json = jsonText(plan.log(), 0);
  for (; pass < MAX_CUT_PASSES; pass++) {
    const size = gzipEstimate(json, plan.maxGzip);
    if (size <= plan.maxGzip || !plan.cut(size)) break;
    json = jsonText(plan.log(), 0);
  }
  return `${plan.results <= PRETTY_MAX_RESULTS ? jsonText(plan.log(), 2) : json}\n`;
}

/**
 * An upper bound of the gzipped size: the raw size when that is already under the budget (JSON always
 * compresses), else gzip level 1, which is faster than and never meaningfully smaller than the default
 * level upload-sarif and the REST API clients use.
 */
function gzipEstimate(json: string, budget: number): number {
  const raw = Buffer.byteLength(json);
  if (raw <= budget) return raw;
  return gzipSync(json, { level: 1 }).length;
}

/** The whole SARIF text in memory (tests, and what writeSarifReport writes, byte for byte). */
export function renderSarif(result: ScanResult, opts: SarifOptions): string {
  return fittedText(new SarifPlan(result, opts));
}

/**
 * Write the SARIF report to `dir/name` atomically: the same bytes as renderSarif. A large (compact) log is streamed
 * to the temp file while its size is counted (raw bytes, and gzip level 1 through zlib on the thread pool into
 * nothing), never held as a string; when it is over the budget the temp file is dropped, the runs are cut and the
 * log is written again. A small (pretty-printed) log is fitted in memory (fittedText).
 */
export async function writeSarifReport(
  dir: string,
  name: string,
  result: ScanResult,
  opts: SarifOptions,
): Promise<string> {
  const plan = new SarifPlan(result, opts);
  for (let pass = 0; ; pass++) {
    const last = pass >= MAX_CUT_PASSES;
    if (plan.results <= PRETTY_MAX_RESULTS) return writeFileAtomic(dir, name, fittedText(plan, pass));
    const gz = createGzip({ level: 1 });
    let raw = 0;
    let gzBytes = 0;
    gz.on('data', (c: Buffer) => (gzBytes += c.length));
    const ended = new Promise<void>((resolve, reject) => {
      gz.on('end', resolve);
      gz.on('error', reject);
    });
    try {
      const written = await writeChunksAtomic(dir, name, sarifChunks(plan.log()), {
        observe: async (buf) => {
          raw += buf.length;
          // Until zlib has consumed the buffer (the writer reuses it then); the next batch is produced meanwhile.
          if (!last)
            await new Promise<void>((resolve, reject) => gz.write(buf, (err) => (err ? reject(err) : resolve())));
        },
        accept: async () => {
          if (last) return true;
          gz.end();
          await ended;
          const size = raw <= plan.maxGzip ? raw : gzBytes;
          return size <= plan.maxGzip || !plan.cut(size);
        },
      });
      if (written) return written;
    } finally {
      gz.destroy();
    }
  }
}

/** The compact log in chunks. */
function* sarifChunks(log: Log): Generator<string> {
  yield* jsonChunks(log, 0, 3);
  yield '\n';
}

/** A LazyArray of JSON texts: written as they are in a compact log, parsed back to be indented in a pretty one. */
function textArray(texts: () => Iterable<string>): LazyArray {
  return new LazyArray(function* () {
    for (const t of texts()) yield JSON.parse(t) as unknown;
  }, texts);
}

export const sarifFormat: ReportFormatDescriptor<'sarif'> = {
  name: 'sarif',
  fileName: 'clair-scan.sarif',
  contentType: 'application/sarif+json',
  output: { name: 'sarif', description: 'Path of the SARIF report.' },
  platformReport: { github: 'code-scanning' },
  // Shows what report-severities / ignore-unfixed let through (view.ts).
  write: (dir, result, opts) =>
    writeSarifReport(dir, sarifFormat.fileName, reportView(result, opts), { dockerfile: opts.dockerfile }),
};
