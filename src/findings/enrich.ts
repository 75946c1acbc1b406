/**
 * Exploit data on the findings (issue 22): a finding whose `id` or one of its `aliases` (a DSA or RHSA record naming
 * the CVE) is in the CISA KEV catalogue gets `kev`, one with an EPSS score gets `epss` (the highest of its CVEs), and
 * the result records which data was applied (`enrichment`). Data that was not given leaves no mark on a finding:
 * "not enriched", never "not exploited". Clair 4.9's matcher runs only the CVSS enricher, hence this step.
 * The lookups are structural (data/kev.ts and data/epss.ts produce them) so findings/ imports nothing from data/.
 */
import type { ScanResult, VulnerabilityFinding } from './model';

export interface KevLookup {
  version: string;
  date: string;
  entries: ReadonlyMap<string, { dateAdded: string; dueDate: string; ransomware: boolean }>;
}

export interface EpssLookup {
  modelVersion: string;
  date: string;
  scores: ReadonlyMap<string, { score: number; percentile: number }>;
}

/** The finding's CVE ids: its id and aliases, upper-cased, de-duplicated, in that order. */
function cves(f: VulnerabilityFinding): string[] {
  const ids = [f.id, ...f.aliases].map((s) => s.trim().toUpperCase()).filter((s) => /^CVE-\d{4}-\d{4,}$/.test(s));
  return [...new Set(ids)];
}

/** One finding; returns it with `kev`/`epss` set where the data has one of its CVEs (earlier values replaced). */
export function enrichFinding(
  f: VulnerabilityFinding,
  data: { kev?: KevLookup; epss?: EpssLookup },
): VulnerabilityFinding {
  const ids = cves(f);
  delete f.kev;
  delete f.epss;
  if (data.kev) {
    for (const id of ids) {
      const k = data.kev.entries.get(id);
      if (k) {
        f.kev = { cve: id, dateAdded: k.dateAdded, dueDate: k.dueDate, ransomware: k.ransomware };
        break;
      }
    }
  }
  if (data.epss) {
    for (const id of ids) {
      const s = data.epss.scores.get(id);
      if (s && (!f.epss || s.score > f.epss.score))
        f.epss = { cve: id, score: s.score, percentile: s.percentile, date: data.epss.date };
    }
  }
  return f;
}

/** Every vulnerability finding of the result; sets `result.enrichment` to the data applied (absent when none). */
export function enrichResult(result: ScanResult, data: { kev?: KevLookup; epss?: EpssLookup }): void {
  if (!data.kev && !data.epss) return;
  for (const img of result.images) for (const f of img.vulnerabilities) enrichFinding(f, data);
  result.enrichment = {
    ...(data.kev ? { kev: { version: data.kev.version, date: data.kev.date } } : {}),
    ...(data.epss ? { epss: { modelVersion: data.epss.modelVersion, date: data.epss.date } } : {}),
  };
}
