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
  if (err instanceof ClairScanError)
    return {
      message: errorMessage(err),
      hint: err.hint || 'see the details below, if any.',
      details: err.details,
      internal: false,
    };
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    message: `internal error: ${errorMessage(err)}`,
    hint: 'this is a bug in clair-scan; please report it with this log.',
    details: e.stack,
    internal: true,
  };
}

/** The text shown for any error: `cli` on stderr, `action` as the step's failure annotation. */
export function formatError(err: unknown, style: 'cli' | 'action' = 'cli'): string {
  const d = describeError(err);
  if (style === 'action')
    return [d.message, `What to do: ${d.hint}`, ...(d.details ? [`Details:\n${d.details.trimEnd()}`] : [])].join('\n');
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

/**
 * An error's reason, never empty: its message, or — when that is empty (an SDK's `new Error()`, an AggregateError
 * of failed connections, a rejection with a bare `{ code }` or `{ status }`) — what else it carries: its name, code,
 * HTTP status, syscall and the reasons of the errors it aggregates or wraps. Also for errors of another realm
 * (Node's own under jest) that fail `instanceof Error`.
 */
export function errorMessage(err: unknown): string {
  return reasonOf(err, 0);
}

/** The first non-empty line of an error's reason: for one-line warnings. */
export function errorLine(err: unknown): string {
  return (
    errorMessage(err)
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'an unknown error'
  );
}

function reasonOf(err: unknown, depth: number): string {
  if (err === null || err === undefined || (typeof err !== 'object' && typeof err !== 'function')) {
    const s = String(err ?? '');
    return s.trim() ? s : `an error without a message (${err === '' ? 'an empty string' : String(err)} was thrown)`;
  }
  const e = err as {
    message?: unknown;
    name?: unknown;
    code?: unknown;
    status?: unknown;
    statusCode?: unknown;
    errno?: unknown;
    syscall?: unknown;
    errors?: unknown;
    cause?: unknown;
    response?: { status?: unknown };
  };
  const message = typeof e.message === 'string' ? e.message : '';
  if (message.trim()) return message;
  const facts: string[] = [];
  const status = e.status ?? e.statusCode ?? e.response?.status;
  if (typeof e.code === 'string' || typeof e.code === 'number') facts.push(`code ${String(e.code)}`);
  if (typeof status === 'number' || (typeof status === 'string' && status)) facts.push(`HTTP status ${String(status)}`);
  if (typeof e.syscall === 'string' && e.syscall) facts.push(`in ${e.syscall}`);
  if (typeof e.errno === 'number' && facts.length === 0) facts.push(`errno ${e.errno}`);
  const name = typeof e.name === 'string' && e.name ? e.name : (err as object).constructor?.name || 'Error';
  const inner: string[] = [];
  if (depth < 3) {
    if (Array.isArray(e.errors)) for (const x of e.errors.slice(0, 5)) inner.push(reasonOf(x, depth + 1));
    if (e.cause !== undefined) inner.push(`caused by: ${reasonOf(e.cause, depth + 1)}`);
  }
  return `${name} without a message${facts.length ? ` (${facts.join(', ')})` : ''}${inner.length ? `: ${inner.join('; ')}` : ''}`;
}
