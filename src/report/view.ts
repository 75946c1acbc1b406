/**
 * The report filter (`report-severities`, `ignore-unfixed`): what the SARIF and GitLab reports and the Markdown
 * summary (job summary, PR comment, MR note) show. It is separate from the gate — the policy has already counted
 * every finding — and the JSON and HTML reports and the SBOM are never filtered: they are the complete record.
 * Each filtered image says how many findings were left out and why (and how many of them are known exploited), so
 * a short report is never mistaken for a clean one.
 */
import { severityRank, type ScanResult, type Severity } from '../findings/model';

export interface ReportFilter {
  /** Severities to show; empty or undefined = all. */
  severities?: Severity[];
  /** Leave out vulnerabilities without a fixed version. */
  ignoreUnfixed?: boolean;
}

export function isFiltering(f: ReportFilter): boolean {
  return !!f.severities?.length || !!f.ignoreUnfixed;
}

/** A shallow copy of `result` with only the vulnerabilities the filter lets through (the input is not changed). */
export function reportView(result: ScanResult, f: ReportFilter): ScanResult {
  if (!isFiltering(f)) return result;
  const sev = f.severities?.length ? new Set(f.severities) : undefined;
  const why = [
    sev
      ? `report-severities: ${[...sev]
          .sort((a, b) => severityRank(b) - severityRank(a))
          .join(', ')
          .toLowerCase()}`
      : '',
    f.ignoreUnfixed ? 'ignore-unfixed' : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    ...result,
    images: result.images.map((img) => {
      const kept = img.vulnerabilities.filter((v) => (!sev || sev.has(v.severity)) && (!f.ignoreUnfixed || v.fixable));
      const left = img.vulnerabilities.length - kept.length;
      if (left === 0) return img;
      const kevLeft = img.vulnerabilities.filter((v) => v.kev).length - kept.filter((v) => v.kev).length;
      const kev = kevLeft ? `, ${kevLeft} of them known exploited (CISA KEV)` : '';
      const note = `${left} of ${img.vulnerabilities.length} vulnerabilities are not in this report (${why})${kev}; the JSON and HTML reports list every finding.`;
      return { ...img, vulnerabilities: kept, notes: [...img.notes, note] };
    }),
  };
}
