/**
 * GitLab container-scanning report (gl-container-scanning-report.json).
 *
 * Decisions:
 * - Declares schema version 15.0.7 (GITLAB_SCHEMA_VERSION): every GitLab that knows 15.x vendors it, whereas
 *   a newer revision (15.2.x) is rejected by older self-managed GitLab (gitlab #497405). We only use fields
 *   that exist since 15.0; the tests validate the output against the 15.2.1 schema in shared/schemas.
 * - Negligible → "Info": Clair's Negligible means a theoretical issue, which is what GitLab's Info is for;
 *   it keeps GitLab's Low for real low-severity issues. Unknown → "Unknown".
 * - Allowlisted findings are left out, like GitLab's own `vulnerability-allowlist.yml`.
 * - `id` is a UUID derived from the finding's stable `key` and the image reference, so it is the same on
 *   every run; GitLab's own tracking uses the primary identifier + operating_system + package name.
 * - No `cvss_vectors`: the schema's strict vector patterns would reject the whole report for one odd vector
 *   from a vendor feed; the CVSS score is in the description of the other reports.
 * - Compliance findings are not vulnerabilities of a package and have no place in this schema (location
 *   requires a dependency); they are in the other reports.
 */
import { ImageResult, ScanResult, Severity, VulnerabilityFinding } from '../findings/model';
import { canonicalUrl, distributionOf, imageNotes, isCve, isHttpUrl, osText, stableUuid } from './common';

export const GITLAB_SCHEMA_VERSION = '15.0.7';

const SEVERITY: Record<Severity, string> = {
  Critical: 'Critical',
  High: 'High',
  Medium: 'Medium',
  Low: 'Low',
  Negligible: 'Info',
  Unknown: 'Unknown',
};

/* eslint-disable @typescript-eslint/no-explicit-any -- the report is plain JSON. */
type Json = Record<string, any>;

/** GitLab's time format: UTC, no zone suffix, no fraction. */
export function gitlabTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return new Date(0).toISOString().slice(0, 19);
  return d.toISOString().slice(0, 19);
}

const KNOWN_TYPES: [RegExp, string][] = [
  [/^CVE-/i, 'cve'],
  [/^GHSA-/i, 'ghsa'],
  [/^RHSA-/i, 'rhsa'],
  [/^ELSA-/i, 'elsa'],
  [/^USN-/i, 'usn'],
  [/^DSA-/i, 'dsa'],
  [/^DLA-/i, 'dla'],
  [/^ALAS/i, 'alas'],
  [/^GO-/i, 'go'],
  [/^PYSEC-/i, 'pysec'],
  [/^OSV-/i, 'osv'],
];

function identifier(id: string, fallbackUrl?: string): Json {
  const type = KNOWN_TYPES.find(([re]) => re.test(id))?.[1] ?? 'clair';
  const url = canonicalUrl(id) ?? fallbackUrl;
  const value = isCve(id) ? id.toUpperCase() : id;
  return { type, name: value, value, ...(url && isHttpUrl(url) ? { url } : {}) };
}

function vulnerability(f: VulnerabilityFinding, img: ImageResult): Json {
  const links = f.links.filter(isHttpUrl);
  const ids = [f.id, ...f.aliases.filter((a) => a !== f.id)].slice(0, 20);
  const identifiers = ids.map((id, i) => identifier(id, i === 0 ? links[0] : undefined));
  const description = (f.description.trim() || f.name || f.id).slice(0, 1_048_576);
  const v: Json = {
    id: stableUuid(`${f.key}\n${img.image.ref}`, 'clair-scan/gitlab'),
    name: `${f.id} in ${f.package.name}`.slice(0, 255),
    description,
    severity: SEVERITY[f.severity],
    identifiers,
    links: [...new Set([canonicalUrl(f.id), ...links].filter((l): l is string => !!l && isHttpUrl(l)))].map((url) => ({ url })),
    location: {
      image: img.image.ref,
      operating_system: osText(distributionOf(f, img)),
      dependency: { package: { name: f.package.name }, version: f.package.version },
    },
  };
  if (f.fixable && f.fixedIn) v.solution = `Upgrade ${f.package.name} to ${f.fixedIn}`.slice(0, 7000);
  return v;
}

export function buildGitlabReport(result: ScanResult): Json {
  const vulnerabilities: Json[] = [];
  const seen = new Set<string>();
  for (const img of result.images) {
    for (const f of img.vulnerabilities) {
      if (f.allowlisted) continue;
      const v = vulnerability(f, img);
      if (seen.has(v.id)) continue;
      seen.add(v.id);
      vulnerabilities.push(v);
    }
  }
  // scan.messages: "communication intended for the initiator of a scan" (info / warn), shown with the job's report.
  const messages = result.images.flatMap((img) => imageNotes(img).map((n) => ({ level: n.level === 'warning' ? 'warn' : 'info', value: `${img.image.ref}: ${n.text}` })));
  const identity = { id: 'clair-scan', name: 'clair-scan', version: result.tool.version || 'unknown', vendor: { name: 'clair-scan' } };
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
    vulnerabilities,
  };
}

export function renderGitlab(result: ScanResult): string {
  return `${JSON.stringify(buildGitlabReport(result), null, 2)}\n`;
}
