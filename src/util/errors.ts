/**
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

/** The text shown to the user for any error: what failed, what to do, and diagnostics. */
export function formatError(err: unknown): string {
  if (err instanceof ClairScanError) {
    const parts = [`error: ${err.message}`, `what to do: ${err.hint}`];
    if (err.details) parts.push(`details:\n${indent(err.details.trimEnd())}`);
    return parts.join('\n');
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return `internal error: ${e.message}\nwhat to do: this is a bug in clair-scan; please report it with this output.\n${indent(e.stack ?? '')}`;
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
