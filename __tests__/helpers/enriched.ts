/**
 * The sample result (helpers/model.ts) with exploit data applied by the product's own enrichResult
 * (findings/enrich.ts), for the reporters' KEV / EPSS display tests, golden files and the HTML screenshot. The marks
 * below are the expectations: KEV lists CVE-2024-0002 (in both images), CVE-2023-0005 (ransomware) and the
 * allowlisted CVE-2023-0007; EPSS scores CVE-2024-0001, -0002, CVE-2023-0005 and CVE-2024-1000 (below 0.01%).
 */
import { enrichResult, type EpssLookup, type KevLookup } from '../../src/findings/enrich';
import type { ScanResult } from '../../src/findings/model';
import { sampleResult } from './model';

export const KEV_VERSION = '2026.12.04';
export const KEV_DATE = '2026-12-04T17:01:12.0000Z';
export const EPSS_MODEL = 'v2025.03.14';
export const EPSS_DATE = '2026-12-04';

export const KEV_ENTRIES: Record<string, { dateAdded: string; dueDate: string; ransomware: boolean }> = {
  'CVE-2024-0002': { dateAdded: '2026-11-01', dueDate: '2026-11-22', ransomware: false },
  'CVE-2023-0005': { dateAdded: '2026-10-03', dueDate: '2026-10-24', ransomware: true },
  'CVE-2023-0007': { dateAdded: '2026-09-01', dueDate: '2026-09-22', ransomware: false },
  'CVE-2099-9999': { dateAdded: '2026-01-01', dueDate: '2026-01-22', ransomware: false }, // in no image
};

export const EPSS_SCORES: Record<string, { score: number; percentile: number }> = {
  'CVE-2024-0001': { score: 0.02, percentile: 0.6 },
  'CVE-2024-0002': { score: 0.91234, percentile: 0.99871 },
  'CVE-2023-0005': { score: 0.45, percentile: 0.97 },
  'CVE-2024-1000': { score: 0.00004, percentile: 0.012 },
};

export const kevLookup = (): KevLookup => ({
  version: KEV_VERSION,
  date: KEV_DATE,
  entries: new Map(Object.entries(KEV_ENTRIES)),
});

export const epssLookup = (): EpssLookup => ({
  modelVersion: EPSS_MODEL,
  date: EPSS_DATE,
  scores: new Map(Object.entries(EPSS_SCORES)),
});

/** sampleResult() enriched with the KEV and/or EPSS data above (both by default). */
export function enrichedSample(which: { kev?: boolean; epss?: boolean } = { kev: true, epss: true }): ScanResult {
  const r = sampleResult();
  enrichResult(r, { ...(which.kev ? { kev: kevLookup() } : {}), ...(which.epss ? { epss: epssLookup() } : {}) });
  return r;
}
