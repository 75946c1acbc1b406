/**
 * GitLab container-scanning report (gl-container-scanning-report.json), schema 15.0.7 (what every 15.x GitLab
 * accepts): stable UUIDs from the finding key, Negligible as Info, allowlisted and compliance findings left out, no
 * cvss_vectors, exploit data in `details`. Why each: docs/decisions/gitlab-report.md.
 */
import { Enrichment, ImageResult, ScanResult, Severity, VulnerabilityFinding } from '../findings/model';
import {
  allLinks,
  canonicalUrl,
  distributionOf,
  imageNotes,
  isCve,
  osText,
  stableUuid,
  writeChunksAtomic,
} from './common';
import type { ReportFormatDescriptor } from './format';
import { reportView } from './view';

export const GITLAB_SCHEMA_VERSION = '15.0.7';

const SEVERITY: Record<Severity, GitlabVulnerability['severity']> = {
  Critical: 'Critical',
  High: 'High',
  Medium: 'Medium',
  Low: 'Low',
  Negligible: 'Info',
  Unknown: 'Unknown',
};

/** The parts of GitLab's container-scanning report schema (15.x, `container-scanning-report-format.json`) we write. */
export interface GitlabIdentifier {
  /** cve, ghsa, rhsa, …, or `clair` for another kind of id. */
  type: string;
  name: string;
  value: string;
  url?: string;
}

export interface GitlabVulnerability {
  /** UUID, stable across runs. */
  id: string;
  name: string;
  description: string;
  severity: 'Info' | 'Unknown' | 'Low' | 'Medium' | 'High' | 'Critical';
  solution?: string;
  identifiers: GitlabIdentifier[];
  links: { url: string }[];
  /** The exploit data, when the findings were enriched (a named list: `kev`, `kev_due_date`, `epss_score`, `epss_percentile`). */
  details?: Record<string, { name: string; type: 'text' | 'value'; value: string | number }>;
  location: {
    image: string;
    default_branch_image?: string;
    operating_system: string;
    dependency: { package: { name: string }; version: string };
  };
}

export interface GitlabScanner {
  id: string;
  name: string;
  version: string;
  url?: string;
  vendor: { name: string };
}

export interface GitlabReport {
  version: string;
  scan: {
    analyzer: GitlabScanner;
    scanner: GitlabScanner;
    type: 'container_scanning';
    /** GitLab's time format: UTC, no zone suffix, no fraction (gitlabTime). */
    start_time: string;
    end_time: string;
    status: 'success' | 'failure';
    messages?: { level: 'info' | 'warn' | 'fatal'; value: string }[];
  };
  vulnerabilities: GitlabVulnerability[];
}

/** GitLab's time format: UTC, no zone suffix, no fraction. */
export function gitlabTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return new Date(0).toISOString().slice(0, 19);
  return d.toISOString().slice(0, 19);
}

/** Identifier types by id prefix (cve, ghsa, rhsa, elsa, usn, dsa, dla, alas, go, pysec, osv), else `clair`. */
const KNOWN_TYPE = /^(?:(CVE|GHSA|RHSA|ELSA|USN|DSA|DLA|GO|PYSEC|OSV)-|(ALAS))/i;

function identifier(id: string, fallbackUrl?: string, canonical = canonicalUrl(id)): GitlabIdentifier {
  const m = KNOWN_TYPE.exec(id);
  const type = m ? (m[1] ?? m[2]).toLowerCase() : 'clair';
  const url = canonical ?? fallbackUrl;
  const value = isCve(id) ? id.toUpperCase() : id;
  // Either URL is http(s) already: a canonical page (common.ts) or a link that allLinks kept.
  return { type, name: value, value, ...(url ? { url } : {}) };
}

const J = JSON.stringify;
/** Line starts of the keys at the depths of a vulnerability inside the report (JSON.stringify(report, null, 2)). */
const I2 = '\n      ';
const I3 = '\n        ';
const I4 = '\n          ';
const I5 = '\n            ';

function identifierJson(i: GitlabIdentifier): string {
  return `${I3}{${I4}"type": ${J(i.type)},${I4}"name": ${J(i.name)},${I4}"value": ${J(i.value)}${i.url ? `,${I4}"url": ${J(i.url)}` : ''}${I3}}`;
}

/**
 * One vulnerability's text exactly as JSON.stringify(report, null, 2) indents it inside `vulnerabilities` (the one
 * writer: no object is built and walked per finding; buildGitlabReport parses the text back for the tests).
 * Key order: id, name, description, severity, identifiers, links, location, solution.
 */
function vulnerabilityJson(
  f: VulnerabilityFinding,
  img: ImageResult,
  id: string,
  defaultBranchImage?: string,
  enrichment?: Enrichment,
): string {
  // The canonical page first, then the finding's http(s) links, without duplicates (shared with the other formats).
  const urls = allLinks(f);
  const canonical = canonicalUrl(f.id);
  // Without a canonical page, urls[0] is the finding's first http(s) link.
  let identifiers = identifierJson(identifier(f.id, urls[0], canonical));
  let n = 1;
  for (const a of f.aliases) {
    if (n >= 20) break;
    if (a !== f.id) {
      identifiers += `,${identifierJson(identifier(a))}`;
      n++;
    }
  }
  let links = '';
  for (const url of urls) links += `${links ? ',' : ''}${I3}{${I4}"url": ${J(url)}${I3}}`;
  const description = (f.description.trim() || f.name || f.id).slice(0, 1_048_576);
  return (
    `{${I2}"id": "${id}",${I2}"name": ${J(`${f.id} in ${f.package.name}`.slice(0, 255))},${I2}"description": ${J(description)},` +
    `${I2}"severity": "${SEVERITY[f.severity]}",${I2}"identifiers": [${identifiers}${I2}],${I2}"links": ${links ? `[${links}${I2}]` : '[]'},` +
    (enrichment ? exploitDetails(f, enrichment) : '') +
    `${I2}"location": {${I3}"image": ${J(img.image.ref)},${defaultBranchImage ? `${I3}"default_branch_image": ${J(defaultBranchImage)},` : ''}` +
    `${I3}"operating_system": ${J(osText(distributionOf(f, img)))},${I3}"dependency": {${I4}"package": {${I5}"name": ${J(f.package.name)}${I4}},` +
    `${I4}"version": ${J(f.package.version)}${I3}}${I2}}` +
    `${f.fixable && f.fixedIn ? `,${I2}"solution": ${J(`Upgrade ${f.package.name} to ${f.fixedIn}`.slice(0, 7000))}` : ''}\n    }`
  );
}

/** One `details` field (a named-list item) at its depth in the report. */
function detailJson(key: string, name: string, type: 'text' | 'value', value: string | number | boolean): string {
  return `${I3}${J(key)}: {${I4}"name": ${J(name)},${I4}"type": "${type}",${I4}"value": ${J(value)}${I3}}`;
}

/**
 * The exploit data (issue 22) in the schema's place for more facts, `details` (a named list, after `links`): the KEV
 * listing when KEV data was applied (a finding not listed says so; no data, no field: not enriched), the EPSS score
 * and percentile when scored. None when neither gives a field.
 */
function exploitDetails(f: VulnerabilityFinding, e: Enrichment): string {
  const items: string[] = [];
  if (f.kev)
    items.push(
      detailJson('kev', 'Known exploited (CISA KEV)', 'text', kevText(f.kev)),
      detailJson('kev_due_date', 'CISA KEV due date', 'text', f.kev.dueDate),
    );
  else if (e.kev)
    items.push(detailJson('kev', 'Known exploited (CISA KEV)', 'text', `not listed (catalogue ${e.kev.version})`));
  if (f.epss)
    items.push(
      detailJson('epss_score', `EPSS score (${f.epss.cve}, ${f.epss.date})`, 'value', f.epss.score),
      detailJson('epss_percentile', 'EPSS percentile', 'value', f.epss.percentile),
    );
  return items.length ? `${I2}"details": {${items.join(',')}${I2}},` : '';
}

function kevText(k: NonNullable<VulnerabilityFinding['kev']>): string {
  return `listed: ${k.cve}, added ${k.dateAdded}${k.ransomware ? ', known ransomware campaign use' : ''}`;
}

/** The report without its vulnerabilities (`vulnerabilities: []`, the last key: the writer fills it in). */
function reportFrame(result: ScanResult): GitlabReport {
  // scan.messages: "communication intended for the initiator of a scan" (info / warn), shown with the job's report.
  const messages = result.images.flatMap((img) =>
    imageNotes(img).map((n) => ({
      level: n.level === 'warning' ? ('warn' as const) : ('info' as const),
      value: `${img.image.ref}: ${n.text}`,
    })),
  );
  const identity: GitlabScanner = {
    id: 'clair-scan',
    name: 'clair-scan',
    version: result.tool.version || 'unknown',
    vendor: { name: 'clair-scan' },
  };
  return {
    version: GITLAB_SCHEMA_VERSION,
    scan: {
      analyzer: identity,
      scanner: {
        id: 'clair',
        name: 'Clair',
        version: result.clair.version || 'unknown',
        url: 'https://github.com/quay/clair',
        vendor: { name: 'Project Quay' },
      },
      type: 'container_scanning',
      start_time: gitlabTime(result.startedAt),
      end_time: gitlabTime(result.finishedAt),
      status: 'success',
      ...(messages.length ? { messages } : {}),
    },
    vulnerabilities: [],
  };
}

/** The report as an object (tests): the written text parsed back. */
export function buildGitlabReport(result: ScanResult, opts: { defaultBranchImage?: string } = {}): GitlabReport {
  return JSON.parse(renderGitlab(result, opts)) as GitlabReport;
}

/** The whole report text in memory (tests): what gitlabReportChunks writes. */
export function renderGitlab(result: ScanResult, opts: { defaultBranchImage?: string } = {}): string {
  let s = '';
  for (const c of gitlabReportChunks(result, opts)) s += c;
  return s;
}

/**
 * The report in chunks (one per vulnerability; writeChunksAtomic batches them), byte for byte
 * JSON.stringify(report, null, 2) + newline: the frame is stringified, the vulnerabilities written as text
 * (vulnerabilityJson). `defaultBranchImage`: the default branch's name of the (one) scanned image, as
 * default-branch-image gives it.
 */
export function* gitlabReportChunks(result: ScanResult, opts: { defaultBranchImage?: string } = {}): Generator<string> {
  const frame = J(reportFrame(result), null, 2);
  const empty = '[]\n}';
  let first = true;
  const seen = new Set<string>();
  for (const img of result.images) {
    for (const f of img.vulnerabilities) {
      if (f.allowlisted) continue;
      // Stable across runs; the first finding of an id is kept.
      const id = stableUuid(`${f.key}\n${img.image.ref}`, 'clair-scan/gitlab');
      if (seen.has(id)) continue;
      seen.add(id);
      const text = vulnerabilityJson(f, img, id, opts.defaultBranchImage, result.enrichment);
      if (first) {
        yield `${frame.slice(0, -empty.length)}[\n    ${text}`;
        first = false;
      } else {
        yield `,\n    ${text}`;
      }
    }
  }
  yield first ? `${frame}\n` : '\n  ]\n}\n';
}

export const gitlabFormat: ReportFormatDescriptor<'gitlab'> = {
  name: 'gitlab',
  fileName: 'gl-container-scanning-report.json',
  contentType: 'application/json',
  output: { name: 'gitlab-report', description: 'Path of the GitLab container-scanning report.' },
  platformReport: { gitlab: 'container_scanning' },
  // Shows what report-severities / ignore-unfixed let through (view.ts).
  write: async (dir, result, opts) =>
    (await writeChunksAtomic(dir, gitlabFormat.fileName, gitlabReportChunks(reportView(result, opts), opts))) as string,
};
