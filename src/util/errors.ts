/**
 * util/ holds what every layer uses: errors.ts (this file: `ClairScanError`, exit codes, the one error presenter),
 * log.ts (the logging seam, masking), phase.ts (deadlines, the fail-closed process guard), progress.ts
 * (heartbeats), timings.ts, lazy.ts. It imports nothing outside util/ (checked by __tests__/unit/architecture.test.ts).
 *
 * Exit codes of clair-scan (CLI and action alike):
 *   0  scanned; the policy passed (or report-only mode)
 *   1  scanned; the policy failed
 *   2  error: bad input, Docker/Clair/PostgreSQL failure, missing vulnerability data, timeout
 */
export const EXIT_OK = 0;
export const EXIT_POLICY_FAILED = 1;
export const EXIT_ERROR = 2;

/**
 * An error a user can act on: `message` says what was wrong, `hint` what to do about it, and `details`
 * (e.g. the tail of a container's log) helps diagnose it. Every error that reaches the user should be one
 * of these; anything else is reported as an internal error.
 */
export class ClairScanError extends Error {
  readonly hint: string;
  readonly details?: string;
  readonly exitCode: number;

  constructor(message: string, opts: { hint: string; details?: string; exitCode?: number; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ClairScanError';
    this.hint = opts.hint;
    this.details = opts.details;
    this.exitCode = opts.exitCode ?? EXIT_ERROR;
  }
}

/** What to tell the user about any error: the one place that decides it (CLI, action and Markdown only render it). */
export interface ErrorDescription {
  /** What failed (for an internal error: the exception's first line). */
  message: string;
  /** What to do about it. */
  hint: string;
  /** Diagnostics (a container's log tail, or an internal error's stack). */
  details?: string;
  /** Not a ClairScanError: a bug in clair-scan. */
  internal: boolean;
}

export function describeError(err: unknown): ErrorDescription {
  if (err instanceof ClairScanError) return { message: err.message, hint: err.hint, details: err.details, internal: false };
  const e = err instanceof Error ? err : new Error(String(err));
  return { message: `internal error: ${e.message}`, hint: 'this is a bug in clair-scan; please report it with this log.', details: e.stack, internal: true };
}

/** The text shown for any error: `cli` on stderr, `action` as the step's failure annotation. */
export function formatError(err: unknown, style: 'cli' | 'action' = 'cli'): string {
  const d = describeError(err);
  if (style === 'action') return [d.message, `What to do: ${d.hint}`, ...(d.details ? [`Details:\n${d.details.trimEnd()}`] : [])].join('\n');
  const parts = [d.internal ? d.message : `error: ${d.message}`, `what to do: ${d.hint}`];
  if (d.details) parts.push(`${d.internal ? '' : 'details:\n'}${indent(d.details.trimEnd())}`);
  return parts.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
