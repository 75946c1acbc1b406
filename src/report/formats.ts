/**
 * The one list of report formats. A format is its descriptor (format.ts), exported by its own file; adding one is
 * its file, one line here and its test. The `formats` input's check, writeReports, the action's outputs and the
 * platforms read this list.
 */
import { cyclonedxFormat } from './cyclonedx-format';
import { gitlabFormat } from './gitlab';
import { htmlFormat } from './html';
import { jsonFormat } from './json';
import { junitFormat } from './junit';
import { markdownFormat } from './markdown';
import { openvexFormat } from './openvex';
import { sarifFormat } from './sarif';
import type { ReportFormatDescriptor } from './format';

export const REPORT_FORMAT_LIST = [
  sarifFormat,
  gitlabFormat,
  markdownFormat,
  htmlFormat,
  jsonFormat,
  cyclonedxFormat,
  openvexFormat,
  junitFormat,
] as const;

export type ReportFormat = (typeof REPORT_FORMAT_LIST)[number]['name'];

export const REPORT_FORMATS: ReportFormat[] = REPORT_FORMAT_LIST.map((f) => f.name);

export function reportFormat(name: ReportFormat): ReportFormatDescriptor<ReportFormat> {
  return REPORT_FORMAT_LIST.find((f) => f.name === name) as ReportFormatDescriptor<ReportFormat>;
}

/** format → file name in output-dir. */
export const REPORT_FILE_NAMES = Object.fromEntries(REPORT_FORMAT_LIST.map((f) => [f.name, f.fileName])) as Record<
  ReportFormat,
  string
>;

/** The action outputs that hold a report's path, in the list's order. */
export const REPORT_OUTPUTS: { format: ReportFormat; name: string; description: string }[] = REPORT_FORMAT_LIST.flatMap(
  (f) => ('output' in f && f.output ? [{ format: f.name, ...f.output }] : []),
);
