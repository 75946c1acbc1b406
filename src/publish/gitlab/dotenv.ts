/**
 * The verdict handed to later GitLab jobs: a dotenv file (`artifacts:reports:dotenv`) in output-dir, written by
 * the CLI whenever its ci-platform is `gitlab` (publish/platforms.ts: the template sets CLAIR_SCAN_CI_PLATFORM, `auto`
 * falls back to GITLAB_CI=true), the GitLab counterpart of the action's outputs.
 *
 * Why: GitLab ingests the container-scanning report only from a job that SUCCEEDS, so the template's scan job is
 * report-only (a policy failure does not fail it) and a small gate job (`clair-scan-gate`, `needs:` the scan job)
 * reads these variables and fails the pipeline. Format (GitLab's dotenv rules): one `NAME=value` per line, no
 * quotes, no newline in a value, at most 20 variables; every value here is one line of plain text.
 */
import * as path from 'node:path';
import type { ScanOutcome } from '../../outcome';
import type { Settings } from '../../inputs/settings';
import { writeFileAtomic } from '../../report/common';
import { outcomeOutputs } from '../github/outputs';

const DOTENV_FILE = 'clair-scan.env';

/** The variables (names are not input names: a later clair-scan job must not read them as settings). */
const DOTENV_VARIABLES = [
  'CLAIR_SCAN_VERDICT',
  'CLAIR_SCAN_ENFORCED',
  'CLAIR_SCAN_EXIT_CODE',
  'CLAIR_SCAN_REASONS',
  'CLAIR_SCAN_TOTAL',
  'CLAIR_SCAN_CRITICAL',
  'CLAIR_SCAN_HIGH',
  'CLAIR_SCAN_MEDIUM',
  'CLAIR_SCAN_LOW',
  'CLAIR_SCAN_NEGLIGIBLE',
  'CLAIR_SCAN_UNKNOWN',
  'CLAIR_SCAN_FIXABLE',
  // The delta against the baseline (empty when none was compared), like the action's new-*/fixed-total outputs.
  'CLAIR_SCAN_NEW_TOTAL',
  'CLAIR_SCAN_NEW_CRITICAL',
  'CLAIR_SCAN_NEW_HIGH',
  'CLAIR_SCAN_FIXED_TOTAL',
  'CLAIR_SCAN_JOB_URL',
] as const;

/** One line, no characters a dotenv parser or a shell `echo` could misread; at most `max` characters. */
function oneLine(s: string, max = 1000): string {
  const t = s
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/["'`$\\]/g, '')
    .trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

function renderDotenv(outcome: ScanOutcome, settings: Settings, env: Record<string, string | undefined>): string {
  const o = outcomeOutputs(outcome, settings);
  const v = outcome.result.verdict;
  const values: Record<(typeof DOTENV_VARIABLES)[number], string> = {
    CLAIR_SCAN_VERDICT: o.verdict,
    CLAIR_SCAN_ENFORCED: String(v?.enforced ?? settings.policy.fail),
    // What the scan would have exited with on its own (0 or 1): the gate job exits with it.
    CLAIR_SCAN_EXIT_CODE: o['exit-code'],
    CLAIR_SCAN_REASONS: oneLine((v?.reasons ?? []).join('; ')),
    CLAIR_SCAN_TOTAL: o.total,
    CLAIR_SCAN_CRITICAL: o.critical,
    CLAIR_SCAN_HIGH: o.high,
    CLAIR_SCAN_MEDIUM: o.medium,
    CLAIR_SCAN_LOW: o.low,
    CLAIR_SCAN_NEGLIGIBLE: o.negligible,
    CLAIR_SCAN_UNKNOWN: o.unknown,
    CLAIR_SCAN_FIXABLE: o.fixable,
    CLAIR_SCAN_NEW_TOTAL: o['new-total'] ?? '',
    CLAIR_SCAN_NEW_CRITICAL: o['new-critical'] ?? '',
    CLAIR_SCAN_NEW_HIGH: o['new-high'] ?? '',
    CLAIR_SCAN_FIXED_TOTAL: o['fixed-total'] ?? '',
    CLAIR_SCAN_JOB_URL: oneLine(env.CI_JOB_URL ?? '', 500),
  };
  return DOTENV_VARIABLES.map((k) => `${k}=${values[k]}\n`).join('');
}

/** Writes `<output-dir>/clair-scan.env` (atomically) and returns its path. */
export async function writeDotenv(
  outcome: ScanOutcome,
  settings: Settings,
  env: Record<string, string | undefined>,
): Promise<string> {
  return writeFileAtomic(path.resolve(settings.reports.outputDir), DOTENV_FILE, renderDotenv(outcome, settings, env));
}
