/**
 * Clair's HTTP API: index, match, readiness, update operations. Every call has a timeout; transient failures
 * are retried a bounded number of times with exponential backoff and jitter (a shared Clair under load answers
 * 429 when over `index_report_request_concurrency`, a load balancer 502/503/504): connection resets and
 * 429/502/503/504 for every method, 500 only for reads (a POST index that answers 500 has failed for a reason
 * Clair states, and is not retried). A `Retry-After` (seconds or an HTTP date) is honoured, up to a bound.
 *
 * clair/ holds client.ts (this file), types.ts (Clair's JSON, the language repository list, `packageRecords`) and
 * updater-names.ts (what a claircore updater's name covers). May import util/ only.
 */
import { Agent, request, Dispatcher } from 'undici';
import { createHmac } from 'node:crypto';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import type { ClairIndexReport, ClairManifest, ClairUpdateOperation, ClairVulnerabilityReport } from './types';

export interface ClairClientOptions {
  /** e.g. http://127.0.0.1:6060 */
  url: string;
  /** Introspection base URL (for /readyz), when known (ephemeral Clair). */
  introspectionUrl?: string;
  /** Base64 PSK for Clair's `auth.psk`. */
  psk?: string;
  /** Upper bound for one index or match call (Clair indexes synchronously). */
  requestTimeoutMs: number;
  /** Retry policy for transient failures; defaults: RETRY_DEFAULTS. */
  retry?: Partial<RetryPolicy>;
}

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). */
  maxRetries: number;
  /** Backoff before retry n (n = 1, 2 …): min(maxDelayMs, minDelayMs × 2^(n-1)), with ±25 % jitter. */
  minDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After than this is cut to it (a shared Clair must not park a job for hours). */
  maxRetryAfterMs: number;
}

export const RETRY_DEFAULTS: RetryPolicy = {
  maxRetries: 3,
  minDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** Network errors worth another attempt (the connection broke; nothing was answered). */
const RETRY_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
]);

/** Delay before retry `n` (1-based): Retry-After when given (bounded), else exponential backoff with jitter. */
export function retryDelayMs(
  n: number,
  retryAfter: string | undefined,
  policy: RetryPolicy,
  now = Date.now(),
  random = Math.random,
): number {
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const text = retryAfter.trim();
    const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
    if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), policy.maxRetryAfterMs);
  }
  const base = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (n - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** How long a signed PSK token is reused (it is valid for 600 s from its iat; see signPskJwt). */
export const TOKEN_REUSE_MS = 30_000;

export type VulnReportResult =
  { status: 'ok'; report: ClairVulnerabilityReport } | { status: 'no-data' } | { status: 'not-found' };

export class ClairClient {
  private readonly dispatcher: Dispatcher;
  private readonly retry: RetryPolicy;
  /** Requests retried so far (for the batch summary and benchmarks). */
  retries = 0;
  constructor(private readonly opts: ClairClientOptions) {
    this.dispatcher = new Agent({
      headersTimeout: opts.requestTimeoutMs,
      bodyTimeout: opts.requestTimeoutMs,
      connectTimeout: 10000,
    });
    this.retry = { ...RETRY_DEFAULTS, ...opts.retry };
  }

  get url(): string {
    return this.opts.url;
  }

  /** True once Clair's introspection /readyz answers 200 (or, without introspection, the API answers). */
  async isReady(): Promise<boolean> {
    const target = this.opts.introspectionUrl
      ? `${this.opts.introspectionUrl}/readyz`
      : `${this.opts.url}/indexer/api/v1/index_state`;
    try {
      const res = await request(target, {
        method: 'GET',
        headers: this.headers(),
        headersTimeout: 3000,
        bodyTimeout: 3000,
      });
      await res.body.dump();
      return res.statusCode === 200;
    } catch {
      return false;
    }
  }

  /** Indexes a manifest (synchronous on Clair's side) and returns the finished report. */
  async index(manifest: ClairManifest): Promise<ClairIndexReport> {
    const { status, body } = await this.call('POST', '/indexer/api/v1/index_report', JSON.stringify(manifest));
    if (status === 401 || status === 403 || status === 429 || status >= 502)
      throw this.unexpected('index_report', status, body);
    if (status !== 200 && status !== 201) {
      throw new ClairScanError(`Clair could not index the image (HTTP ${status})`, {
        hint: indexFailureHint(body),
        details: body.slice(0, 4000),
      });
    }
    const report = clairJson<ClairIndexReport>(body, 'index_report');
    if (report.state !== 'IndexFinished' || !report.success) {
      throw new ClairScanError(`Clair failed to index the image (state ${report.state})`, {
        hint: indexFailureHint(report.err),
        details: report.err,
      });
    }
    return report;
  }

  /**
   * The stored index report of a manifest (any state), without indexing; undefined when Clair has none. `etag`:
   * Clair's indexer state when it answered (`GET …/index_report/{digest}`).
   */
  async storedIndexReport(manifestDigest: string): Promise<{ report: ClairIndexReport; etag?: string } | undefined> {
    const { status, body, etag } = await this.call('GET', `/indexer/api/v1/index_report/${manifestDigest}`);
    if (status === 404) return undefined;
    if (status !== 200) throw this.unexpected('index_report', status, body);
    return { report: clairJson<ClairIndexReport>(body, 'index_report'), etag };
  }

  /** Clair's indexer state: an opaque value that changes when its scanners change (`GET …/index_state`). */
  async indexState(): Promise<string> {
    const { status, body } = await this.call('GET', '/indexer/api/v1/index_state');
    if (status !== 200) throw this.unexpected('index_state', status, body);
    const state = clairJson<{ state?: unknown } | null>(body, 'index_state')?.state;
    if (typeof state !== 'string' || !state)
      throw new ClairScanError("Clair's index_state answer has no state", {
        hint: 'check that clair-url points at Clair v4 itself.',
        details: body.slice(0, 2000),
      });
    return state;
  }

  async vulnerabilityReport(manifestDigest: string): Promise<VulnReportResult> {
    const { status, body } = await this.call('GET', `/matcher/api/v1/vulnerability_report/${manifestDigest}`);
    if (status === 200)
      return { status: 'ok', report: clairJson<ClairVulnerabilityReport>(body, 'vulnerability_report') };
    // 202: the matcher has no vulnerability data at all yet (clair-v4.md §4).
    if (status === 202) return { status: 'no-data' };
    if (status === 404) return { status: 'not-found' };
    throw this.unexpected('vulnerability_report', status, body);
  }

  /** Latest update operations per updater (`GET /matcher/api/v1/internal/update_operation`). */
  async updateOperations(): Promise<Record<string, ClairUpdateOperation[]>> {
    const { status, body } = await this.call('GET', '/matcher/api/v1/internal/update_operation');
    if (status !== 200) throw this.unexpected('update_operation', status, body);
    return clairJson<Record<string, ClairUpdateOperation[]> | null>(body, 'update_operation') ?? {};
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (this.opts.psk) h.authorization = `Bearer ${this.token(this.opts.psk)}`;
    return h;
  }

  private signed?: { jwt: string; at: number };

  /**
   * The PSK token, signed again once it is TOKEN_REUSE_MS old: a batch makes two calls per image, and signing each
   * (JSON, base64, HMAC) was a measurable share of the client's CPU. It is valid for 10 minutes, so a reused token
   * still has over 9 minutes left when sent, and a retry after a long backoff gets a fresh one.
   */
  private token(psk: string): string {
    const now = Date.now();
    if (!this.signed || now - this.signed.at >= TOKEN_REUSE_MS || now < this.signed.at)
      this.signed = { jwt: signPskJwt(psk, now), at: now };
    return this.signed.jwt;
  }

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: string,
  ): Promise<{ status: number; body: string; etag?: string }> {
    const retryStatus = method === 'GET' ? [429, 500, 502, 503, 504] : [429, 502, 503, 504];
    for (let attempt = 0; ; attempt++) {
      // Signed per attempt: a long backoff must not outlive the token.
      const headers = this.headers();
      if (body !== undefined) headers['content-type'] = 'application/json';
      let why: string;
      let retryAfter: string | undefined;
      try {
        const res = await request(`${this.opts.url}${path}`, { method, headers, body, dispatcher: this.dispatcher });
        const text = await res.body.text();
        const etag = res.headers.etag;
        if (!retryStatus.includes(res.statusCode) || attempt >= this.retry.maxRetries)
          return { status: res.statusCode, body: text, etag: Array.isArray(etag) ? etag[0] : etag };
        why = `HTTP ${res.statusCode}`;
        const ra = res.headers['retry-after'];
        retryAfter = Array.isArray(ra) ? ra[0] : ra;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (!RETRY_ERROR_CODES.has(code) || attempt >= this.retry.maxRetries) {
          throw new ClairScanError(`request to Clair failed: ${method} ${path}: ${errorMessage(err)}`, {
            hint: `check that Clair at ${this.opts.url} is running and reachable from here; raise scan-timeout for very large images.`,
            cause: err,
          });
        }
        why = code;
      }
      const delay = retryDelayMs(attempt + 1, retryAfter, this.retry);
      this.retries++;
      log.info(
        `Clair answered ${method} ${path.replace(/sha256:[0-9a-f]{64}/, (d) => d.slice(0, 19))} with ${why}; retry ${attempt + 1} of ${this.retry.maxRetries} in ${(delay / 1000).toFixed(1)} s${retryAfter ? ' (Retry-After)' : ''}.`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private unexpected(what: string, status: number, body: string): ClairScanError {
    if (status === 401 || status === 403) {
      return new ClairScanError(`Clair refused the ${what} request (HTTP ${status})`, {
        hint: "set clair-psk to the key of the Clair's auth.psk configuration.",
      });
    }
    if (status === 429 || status >= 502) {
      return new ClairScanError(
        `Clair is overloaded or unavailable: HTTP ${status} to ${what}, also after ${this.retry.maxRetries} retries`,
        {
          hint: "check the Clair deployment's health and capacity (a shared Clair answers 429 beyond indexer.index_report_request_concurrency); lower concurrency, or run again later.",
          details: body.slice(0, 4000),
        },
      );
    }
    return new ClairScanError(`unexpected answer from Clair to ${what}: HTTP ${status}`, {
      hint: "see Clair's message below and its log.",
      details: body.slice(0, 4000),
    });
  }
}

/** What to do about a failed index, from Clair's error text. */
export function indexFailureHint(err: string): string {
  if (/mappingFile/.test(err)) {
    return (
      "Clair's Red Hat scanners could not download their mapping files (security.access.redhat.com): allow that host, " +
      'or set indexer.scanner.repo.rhel-repository-scanner.repo2cpe_mapping_url / indexer.scanner.package.rhel_containerscanner.name2repos_mapping_url ' +
      'in clair-config, give downloaded copies in rhel-repo2cpe / rhel-name2repos, or use an offline bundle (vuln-data: <file>), which runs without them.'
    );
  }
  if (/fetch|connection refused|no route|i\/o timeout|dial tcp/i.test(err)) {
    return 'Clair could not download a layer from the layer server this tool runs: set layer-server-address to an address of this machine that the Clair host can reach.';
  }
  return "see Clair's message below and its log.";
}

/**
 * Clair's PSK auth wants an HS256 JWT with issuer `clair-intraservice`. Eight lines of HMAC are simpler and
 * smaller in the bundle than a JOSE library whose current versions are ESM-only.
 */
export function signPskJwt(pskBase64: string, now = Date.now()): string {
  const b64 = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const iat = Math.floor(now / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'clair-intraservice', iat, nbf: iat - 60, exp: iat + 600 })}`;
  const sig = createHmac('sha256', Buffer.from(pskBase64, 'base64')).update(unsigned).digest('base64url');
  return `${unsigned}.${sig}`;
}

/** A Clair answer that must be JSON: anything else (a proxy's HTML error page, a cut-off body) is said as such. */
function clairJson<T>(body: string, what: string): T {
  try {
    return JSON.parse(body) as T;
  } catch (err) {
    throw new ClairScanError(`Clair's ${what} answer is not valid JSON (${errorMessage(err)})`, {
      hint: 'check that clair-url points at Clair itself (not a proxy or login page) and that the Clair version is v4.',
      details: body.slice(0, 2000),
    });
  }
}
