/**
 * Reporters: one module per format, each reading only the normalized model (src/findings/model.ts).
 * `writeReports` writes the requested formats into `outputDir` (created if needed), each atomically.
 *
 * report/ holds one file per format (table, json, sarif, gitlab, markdown, html, cyclonedx, openvex), common.ts,
 * escape.ts (the one Markdown escaping) and view.ts (the report filters).
 *
 * May import: util/, findings/, and inputs/settings as a type only (checked by __tests__/unit/architecture.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ScanResult } from '../findings/model';
import type { ReportFormat, Settings } from '../inputs/settings';
import { withOrderCache, writeChunksAtomic, writeFileAtomic } from './common';
import { gitlabReportChunks, renderGitlab } from './gitlab';
import { renderHtml } from './html';
import { jsonReportChunks, renderJson } from './json';
import { renderMarkdownSummary } from './markdown';
import { renderOpenVex } from './openvex';
import { log } from '../util/log';
import { renderSarif, writeSarifReport } from './sarif';
import { renderTable } from './table';
import { reportView } from './view';
import type { BundleRequire } from '../util/lazy';

declare const require: BundleRequire;

/**
 * The CycloneDX writer and @cyclonedx/cyclonedx-library (~0.3 MB with its serializers and SPDX list) are loaded
 * when an SBOM is written (src/util/lazy.ts): the action starts without reading them.
 */
const loadCycloneDx = (): Promise<typeof import('./cyclonedx')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) => require.ensure!([], () => ok(require('./cyclonedx') as typeof import('./cyclonedx')), fail, 'cyclonedx'))
    : Promise.resolve(require('./cyclonedx') as typeof import('./cyclonedx'));

export { renderTable, renderMarkdownSummary, reportView };

export const REPORT_FILE_NAMES: Record<ReportFormat, string> = {
  sarif: 'clair-scan.sarif',
  gitlab: 'gl-container-scanning-report.json',
  markdown: 'clair-scan-summary.md',
  html: 'clair-scan-report.html',
  json: 'clair-scan-result.json',
  cyclonedx: 'clair-scan.cdx.json',
  openvex: 'clair-scan.openvex.json',
};

/** The formats rendered in memory (the others are streamed by writeReport). */
type RenderedFormat = Exclude<ReportFormat, 'cyclonedx'>;

function render(format: RenderedFormat, full: ScanResult, opts: Settings['reports']): string {
  // SARIF, GitLab and the summary show what report-severities / ignore-unfixed let through (report/view.ts).
  const result = ['sarif', 'gitlab', 'markdown'].includes(format) ? reportView(full, opts) : full;
  switch (format) {
    case 'sarif':
      return renderSarif(result, { dockerfile: opts.dockerfile });
    case 'gitlab':
      return renderGitlab(result);
    case 'markdown':
      return renderMarkdownSummary(result);
    case 'html':
      return renderHtml(result);
    case 'json':
      return renderJson(result);
    case 'openvex': {
      if (!result.images.some((i) => i.vulnerabilities.some((f) => f.allowlisted))) {
        log.warn('openvex: no finding is allowlisted, so the OpenVEX document has no statements (OpenVEX asks for at least one; other tools may reject it).');
      }
      return renderOpenVex(result);
    }
  }
}

/** Write one report: the big formats streamed in chunks, the others rendered in memory. */
async function writeReport(dir: string, format: ReportFormat, full: ScanResult, opts: Settings['reports']): Promise<string> {
  const name = REPORT_FILE_NAMES[format];
  switch (format) {
    case 'sarif':
      return writeSarifReport(dir, name, reportView(full, opts), { dockerfile: opts.dockerfile });
    case 'gitlab':
      return (await writeChunksAtomic(dir, name, gitlabReportChunks(reportView(full, opts)))) as string;
    case 'json':
      return (await writeChunksAtomic(dir, name, jsonReportChunks(full))) as string;
    case 'cyclonedx':
      return (await writeChunksAtomic(dir, name, (await loadCycloneDx()).cycloneDxReportChunks(full))) as string;
    default:
      return writeFileAtomic(dir, name, render(format, full, opts));
  }
}

/**
 * Write every requested report. Returns format → absolute path. Each file goes to a temp file that is renamed
 * once complete — JSON, SARIF, GitLab and CycloneDX streamed in chunks (the same bytes as their render
 * functions, never the whole document as one string), the others rendered in memory — so a failure leaves no
 * half-written report (files already written for other formats stay: they are complete).
 */
export async function writeReports(result: ScanResult, opts: Settings['reports']): Promise<Partial<Record<ReportFormat, string>>> {
  const dir = path.resolve(opts.outputDir);
  const out: Partial<Record<ReportFormat, string>> = {};
  await withOrderCache(async () => {
    for (const format of [...new Set(opts.formats)]) {
      out[format] = await writeReport(dir, format, result, opts);
    }
  });
  return out;
}

/** Requested formats without a written file (fail closed: a run with any of these must not exit 0 or 1). */
export function missingReports(formats: ReportFormat[], reports: Partial<Record<ReportFormat, string>>): ReportFormat[] {
  return formats.filter((f) => !reports[f] || !fs.existsSync(reports[f] as string));
}
