/** What a scan hands to its callers and publishers: the result, the written reports, the exit code. */
import type { ScanResult } from './findings/model';
import type { ReportFormat } from './inputs/settings';

export interface ScanOutcome {
  result: ScanResult;
  /** format → path of the written report. */
  reports: Partial<Record<ReportFormat, string>>;
  /** 0 passed (or report-only), 1 policy failed (enforced); errors throw and are exit code 2 (util/errors.ts). */
  exitCode: 0 | 1 | 2;
  /** Seconds per phase (for benchmarks and the log). */
  timings: Record<string, number>;
}
