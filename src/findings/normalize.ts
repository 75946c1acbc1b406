/**
 * Clair's VulnerabilityReport → the normalized model (model.ts). Everything downstream reads only the model,
 * so Clair's quirks are handled here and nowhere else:
 * - a vulnerability's `package` is the vulnerable record's package, not the image's: findings are built from
 *   `package_vulnerabilities` (image package id → vulnerability ids);
 * - `fixed_in_version` is "" for "no fix", and query-style (`fixed=1.2&introduced=1.0`) for language ecosystems;
 * - `links` is one space-separated string; `normalized_severity` may be empty;
 * - CVSS scores only arrive through the `clair.cvss` enrichment.
 * The image info enters the model here, and only here, with its history redacted (redact.ts): build-argument values
 * and other secrets in `created_by` never reach a report, an artifact or a comment.
 */
import { PackageURL } from 'packageurl-js';
import {
  firstRecordByPackage,
  isLanguageRepository,
  type ClairDistribution,
  type ClairPackage,
  type ClairRepository,
  type ClairVulnerability,
  type ClairVulnerabilityReport,
  type LanguageRepository,
} from '../clair/types';
import { redactImageInfo } from './redact';
import {
  compareFindings,
  Cvss,
  Distribution,
  Ecosystem,
  ImageInfo,
  ImageResult,
  NOTHING_TO_MATCH_NOTE,
  Package,
  parseSeverity,
  Severity,
  VulnerabilityFinding,
} from './model';

/** Our ecosystem for each of Clair's language repositories. */
const LANGUAGE_ECOSYSTEMS: Record<LanguageRepository, Ecosystem> = {
  pypi: 'pypi',
  maven: 'maven',
  rubygems: 'gem',
  go: 'golang',
  npm: 'npm',
};
const LANGUAGE_ECOSYSTEM_SET = new Set<Ecosystem>(Object.values(LANGUAGE_ECOSYSTEMS));

export function normalizeReport(rawImage: ImageInfo, report: ClairVulnerabilityReport): ImageResult {
  const image = redactImageInfo(rawImage);
  const distributions = new Map<string, Distribution>();
  for (const [id, d] of Object.entries(report.distributions ?? {})) distributions.set(id, toDistribution(id, d));

  const packages = new Map<string, Package>();
  const where = firstRecordByPackage(report);
  for (const [id, p] of Object.entries(report.packages ?? {})) {
    const rec = where.get(id);
    const env = rec?.environment;
    const dist = rec?.distributionId ? distributions.get(rec.distributionId) : undefined;
    const repo = rec?.repositories
      .map((r) => r.repository)
      .find((r): r is ClairRepository => isLanguageRepository(r?.name));
    packages.set(id, toPackage(id, p, dist, repo, env?.package_db, env?.introduced_in));
  }

  const cvss = cvssByVulnerability(report.enrichments);
  const byKey = new Map<string, VulnerabilityFinding>();
  for (const [pkgId, vulnIds] of Object.entries(report.package_vulnerabilities ?? {})) {
    const pkg = packages.get(pkgId);
    if (!pkg) continue;
    for (const vid of vulnIds) {
      const v = report.vulnerabilities?.[vid];
      if (!v) continue;
      const f = toFinding(image, pkg, v, cvss.get(vid));
      const prev = byKey.get(f.key);
      byKey.set(f.key, prev ? mergeDuplicate(prev, f) : f);
    }
  }
  const vulnerabilities = [...byKey.values()].sort(compareFindings);
  const notes: string[] = [];
  if (packages.size === 0 && distributions.size === 0) notes.push(NOTHING_TO_MATCH_NOTE);
  else if (packages.size === 0) notes.push('Clair found no packages in this image, so there was nothing to match.');
  return {
    image,
    distributions: [...distributions.values()],
    packages: [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version)),
    vulnerabilities,
    compliance: [],
    notes,
  };
}

function toDistribution(id: string, d: ClairDistribution): Distribution {
  return {
    id,
    did: d.did ?? '',
    name: d.name ?? '',
    version: d.version ?? '',
    versionId: d.version_id ?? '',
    versionCodeName: d.version_code_name ?? '',
    prettyName: d.pretty_name ?? '',
    arch: d.arch ?? '',
    cpe: d.cpe ?? '',
  };
}

function ecosystemOf(
  dist: Distribution | undefined,
  repo: ClairRepository | undefined,
  packageDb: string | undefined,
): Ecosystem {
  if (isLanguageRepository(repo?.name)) return LANGUAGE_ECOSYSTEMS[repo.name as LanguageRepository];
  const db = packageDb ?? '';
  if (/dpkg/.test(db)) return 'deb';
  if (/apk\/db/.test(db)) return 'apk';
  if (/rpm/i.test(db)) return 'rpm';
  if (/\.dist-info|\.egg-info|site-packages/.test(db)) return 'pypi';
  if (/\.(jar|war|ear)\b/.test(db)) return 'maven';
  if (/gemspec|specifications/.test(db)) return 'gem';
  if (db.startsWith('go:')) return 'golang';
  if (dist?.did === 'alpine') return 'apk';
  if (dist?.did === 'debian' || dist?.did === 'ubuntu') return 'deb';
  return dist ? 'rpm' : 'generic';
}

function toPackage(
  id: string,
  p: ClairPackage,
  dist: Distribution | undefined,
  repo: ClairRepository | undefined,
  packageDb?: string,
  layer?: string,
): Package {
  const ecosystem = ecosystemOf(dist, repo, packageDb);
  const source = p.source && p.source.name ? { name: p.source.name, version: p.source.version ?? '' } : undefined;
  return {
    id,
    name: p.name,
    version: p.version,
    kind: p.kind ?? 'binary',
    source,
    ecosystem,
    arch: p.arch ?? '',
    purl: purlOf(ecosystem, p, dist, source),
    layer: layer || undefined,
    packageDb: packageDb || undefined,
    distribution: LANGUAGE_ECOSYSTEM_SET.has(ecosystem) ? undefined : dist,
    repository: repo?.name,
  };
}

function purlOf(eco: Ecosystem, p: ClairPackage, dist: Distribution | undefined, source?: { name: string }): string {
  const q: Record<string, string> = {};
  let namespace: string | undefined;
  let name = p.name;
  if (eco === 'deb' || eco === 'apk' || eco === 'rpm') {
    namespace = dist?.did || undefined;
    if (p.arch) q.arch = p.arch;
    const v = dist?.versionId || dist?.version;
    if (dist?.did && v) q.distro = `${dist.did}-${v}`;
    if (source && source.name !== p.name && eco !== 'apk') q.upstream = source.name;
  } else if (eco === 'maven' && p.name.includes(':')) {
    [namespace, name] = p.name.split(':', 2);
  } else if (eco === 'golang' && p.name.includes('/')) {
    const i = p.name.lastIndexOf('/');
    namespace = p.name.slice(0, i);
    name = p.name.slice(i + 1);
  } else if (eco === 'pypi') {
    name = p.name.toLowerCase().replace(/[-_.]+/g, '-');
  }
  try {
    return new PackageURL(
      eco,
      namespace,
      name,
      p.version || undefined,
      Object.keys(q).length ? q : undefined,
      undefined,
    ).toString();
  } catch {
    return new PackageURL(
      'generic',
      undefined,
      p.name || 'unknown',
      p.version || undefined,
      undefined,
      undefined,
    ).toString();
  }
}

const ID_PATTERNS = [
  /\bCVE-\d{4}-\d{4,}\b/gi,
  /\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b/gi,
  /\b(?:DSA|DLA)-\d+(?:-\d+)?\b/g,
  /\bALAS\d*-\d{4}-\d+\b/g,
  /\bRHSA-\d{4}:\d+\b/g,
  /\bUSN-\d+-\d+\b/g,
  /\bPYSEC-\d{4}-\d+\b/g,
  /\bOSV-\d{4}-\d+\b/g,
];

/** Ids mentioned in a text, normalized (CVE upper-case), in order of first appearance. */
export function extractIds(text: string): string[] {
  const found: { id: string; at: number }[] = [];
  for (const re of ID_PATTERNS) {
    for (const m of text.matchAll(re))
      found.push({
        id: /^cve-/i.test(m[0]) || /^ghsa-/i.test(m[0]) ? m[0].toUpperCase().replace(/^GHSA/, 'GHSA') : m[0],
        at: m.index ?? 0,
      });
  }
  const out: string[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) {
    const id = /^GHSA-/i.test(f.id) ? `GHSA-${f.id.slice(5).toLowerCase()}` : f.id;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function toFinding(image: ImageInfo, pkg: Package, v: ClairVulnerability, cvss?: Cvss): VulnerabilityFinding {
  const links = [...new Set((v.links ?? '').split(/\s+/).filter((l) => /^https?:\/\//i.test(l)))];
  const fromName = extractIds(v.name ?? '');
  const fromLinks = extractIds(links.join(' '));
  const all = [...new Set([...fromName, ...fromLinks])];
  const cve = all.find((i) => i.startsWith('CVE-'));
  const id = cve ?? fromName[0] ?? (v.name || 'unnamed');
  const aliases = all.filter((i) => i !== id);
  const fixedIn = parseFixedIn(v.fixed_in_version ?? '');
  const severity: Severity = parseSeverity(v.normalized_severity ?? '') ?? 'Unknown';
  const location =
    pkg.ecosystem === 'deb' || pkg.ecosystem === 'apk' || pkg.ecosystem === 'rpm' || !pkg.packageDb
      ? ''
      : `${pkg.packageDb}|`;
  return {
    kind: 'vulnerability',
    // A `platform: all` result's findings are its platform's own (fingerprints, baseline, allowlist keys).
    key: `${image.name}${image.platform ? `@${image.platform}` : ''}|${location}${pkg.name}|${id}`,
    id,
    aliases,
    name: v.name ?? id,
    severity,
    rawSeverity: v.severity ?? '',
    cvss,
    description: v.description ?? '',
    links,
    issued: v.issued && !v.issued.startsWith('0001-') ? v.issued : undefined,
    updater: v.updater ?? '',
    package: pkg,
    fixedIn,
    fixable: fixedIn !== undefined,
  };
}

/** "" → no fix; "1.2.3" → 1.2.3; "fixed=1.2&introduced=1.0" (OSV-style ecosystems) → 1.2. */
export function parseFixedIn(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (/(^|&)(fixed|introduced|lastAffected)=/.test(t)) {
    const fixed = new URLSearchParams(t).get('fixed');
    return fixed ? fixed : undefined;
  }
  return t;
}

function mergeDuplicate(a: VulnerabilityFinding, b: VulnerabilityFinding): VulnerabilityFinding {
  const [keep, other] = compareFindings(a, b) <= 0 ? [a, b] : [b, a];
  return {
    ...keep,
    links: [...new Set([...keep.links, ...other.links])],
    aliases: [...new Set([...keep.aliases, ...other.aliases])].filter((x) => x !== keep.id),
    fixedIn: keep.fixedIn ?? other.fixedIn,
    fixable: keep.fixable || other.fixable,
  };
}

/**
 * The `clair.cvss` enrichment: `{ "<media type>; enricher=clair.cvss …": [ { "<vuln id>": [ {baseScore, vectorString, version}, … ] } ] }`.
 * The highest base score wins.
 */
function cvssByVulnerability(enrichments: ClairVulnerabilityReport['enrichments']): Map<string, Cvss> {
  const out = new Map<string, Cvss>();
  for (const [kind, list] of Object.entries(enrichments ?? {})) {
    if (!/clair\.cvss/.test(kind) || !Array.isArray(list)) continue;
    for (const entry of list) {
      if (!entry || typeof entry !== 'object') continue;
      for (const [vid, records] of Object.entries(entry as Record<string, unknown>)) {
        for (const r of Array.isArray(records) ? records : []) {
          const rec = r as { baseScore?: unknown; vectorString?: unknown; version?: unknown };
          const score = Number(rec.baseScore);
          if (!Number.isFinite(score) || score < 0 || score > 10) continue;
          const prev = out.get(vid);
          if (!prev || score > prev.score) {
            out.set(vid, {
              score,
              vector: typeof rec.vectorString === 'string' ? rec.vectorString : undefined,
              version: typeof rec.version === 'string' ? rec.version : undefined,
            });
          }
        }
      }
    }
  }
  return out;
}
