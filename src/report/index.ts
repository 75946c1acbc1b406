/**
 * Reporters: one module per format, each reading only the normalized model (src/findings/model.ts).
 * `writeReports` writes the requested formats into `outputDir` (created if needed), each atomically.
 *
 * report/ holds one file per format (json, sarif, gitlab, markdown, html, cyclonedx, openvex, junit; table for stdout),
 * each exporting its descriptor (format.ts), listed once in formats.ts; common.ts, escape.ts (the one Markdown
 * escaping) and view.ts (the report filters).
 *
 * May import: util/, findings/, and inputs/settings as a type only (checked by __tests__/unit/architecture.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ScanResult } from '../findings/model';
import type { ReportFormat, Settings } from '../inputs/settings';
import { withOrderCache } from './common';
import { reportFormat } from './formats';
import { renderMarkdownSummary } from './markdown';
import { renderTable } from './table';
import { reportView } from './view';

export { renderTable, renderMarkdownSummary, reportView };
export { REPORT_FILE_NAMES, REPORT_FORMAT_LIST, REPORT_FORMATS, REPORT_OUTPUTS, reportFormat } from './formats';

/**
 * Write every requested report. Returns format → absolute path. Each file goes to a temp file that is renamed
 * once complete — JSON, SARIF, GitLab, CycloneDX and JUnit streamed in chunks (never the whole document as one
 * string), the others rendered in memory — so a failure leaves no
 * half-written report (files already written for other formats stay: they are complete).
 */
export async function writeReports(
  result: ScanResult,
  opts: Settings['reports'],
): Promise<Partial<Record<ReportFormat, string>>> {
  const dir = path.resolve(opts.outputDir);
  const out: Partial<Record<ReportFormat, string>> = {};
  await withOrderCache(async () => {
    for (const format of [...new Set(opts.formats)]) {
      out[format] = await reportFormat(format).write(dir, result, opts);
    }
  });
  return out;
}

/** Requested formats without a written file (fail closed: a run with any of these must not exit 0 or 1). */
export function missingReports(
  formats: ReportFormat[],
  reports: Partial<Record<ReportFormat, string>>,
): ReportFormat[] {
  return formats.filter((f) => !reports[f] || !fs.existsSync(reports[f] as string));
}
