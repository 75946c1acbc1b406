/**
 * Clair's HTTP API: index, match, readiness, update operations. Every call has a timeout; transient failures
 * (connection resets, 429/502/503/504) are retried a bounded number of times by undici's RetryAgent.
 */
import { Agent, RetryAgent, request, Dispatcher } from 'undici';
import { createHmac } from 'node:crypto';
import { ClairScanError, errorMessage } from '../util/errors';
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
}

export type VulnReportResult = { status: 'ok'; report: ClairVulnerabilityReport } | { status: 'no-data' } | { status: 'not-found' };

export class ClairClient {
  private readonly dispatcher: Dispatcher;
  constructor(private readonly opts: ClairClientOptions) {
    const agent = new Agent({ headersTimeout: opts.requestTimeoutMs, bodyTimeout: opts.requestTimeoutMs, connectTimeout: 10000 });
    this.dispatcher = new RetryAgent(agent, {
      maxRetries: 3,
      minTimeout: 500,
      maxTimeout: 5000,
      methods: ['GET', 'POST', 'DELETE'],
      statusCodes: [429, 502, 503, 504],
    });
  }

  get url(): string {
    return this.opts.url;
  }

  /** True once Clair's introspection /readyz answers 200 (or, without introspection, the API answers). */
  async isReady(): Promise<boolean> {
    const target = this.opts.introspectionUrl ? `${this.opts.introspectionUrl}/readyz` : `${this.opts.url}/indexer/api/v1/index_state`;
    try {
      const res = await request(target, { method: 'GET', headers: this.headers(), headersTimeout: 3000, bodyTimeout: 3000 });
      await res.body.dump();
      return res.statusCode === 200;
    } catch {
      return false;
    }
  }

  /** Indexes a manifest (synchronous on Clair's side) and returns the finished report. */
  async index(manifest: ClairManifest): Promise<ClairIndexReport> {
    const { status, body } = await this.call('POST', '/indexer/api/v1/index_report', JSON.stringify(manifest));
    if (status !== 200 && status !== 201) {
      throw new ClairScanError(`Clair could not index the image (HTTP ${status})`, { hint: indexFailureHint(body), details: body.slice(0, 4000) });
    }
    const report = JSON.parse(body) as ClairIndexReport;
    if (report.state !== 'IndexFinished' || !report.success) {
      throw new ClairScanError(`Clair failed to index the image (state ${report.state})`, { hint: indexFailureHint(report.err), details: report.err });
    }
    return report;
  }

  async vulnerabilityReport(manifestDigest: string): Promise<VulnReportResult> {
    const { status, body } = await this.call('GET', `/matcher/api/v1/vulnerability_report/${manifestDigest}`);
    if (status === 200) return { status: 'ok', report: JSON.parse(body) as ClairVulnerabilityReport };
    // 202: the matcher has no vulnerability data at all yet (clair-v4.md §4).
    if (status === 202) return { status: 'no-data' };
    if (status === 404) return { status: 'not-found' };
    throw this.unexpected('vulnerability_report', status, body);
  }

  /** Latest update operations per updater (`GET /matcher/api/v1/internal/update_operation`). */
  async updateOperations(): Promise<Record<string, ClairUpdateOperation[]>> {
    const { status, body } = await this.call('GET', '/matcher/api/v1/internal/update_operation');
    if (status !== 200) throw this.unexpected('update_operation', status, body);
    return (JSON.parse(body) ?? {}) as Record<string, ClairUpdateOperation[]>;
  }

  async close(): Promise<void> {
    await this.dispatcher.close().catch(() => undefined);
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (this.opts.psk) h.authorization = `Bearer ${signPskJwt(this.opts.psk)}`;
    return h;
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: string): Promise<{ status: number; body: string }> {
    const headers = this.headers();
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await request(`${this.opts.url}${path}`, { method, headers, body, dispatcher: this.dispatcher });
      return { status: res.statusCode, body: await res.body.text() };
    } catch (err) {
      throw new ClairScanError(`request to Clair failed: ${method} ${path}: ${errorMessage(err)}`, {
        hint: `check that Clair at ${this.opts.url} is running and reachable from here; raise scan-timeout for very large images.`,
        cause: err,
      });
    }
  }

  private unexpected(what: string, status: number, body: string): ClairScanError {
    if (status === 401 || status === 403) {
      return new ClairScanError(`Clair refused the ${what} request (HTTP ${status})`, { hint: 'set clair-psk to the key of the Clair\'s auth.psk configuration.' });
    }
    return new ClairScanError(`unexpected answer from Clair to ${what}: HTTP ${status}`, { hint: 'see Clair\'s message below and its log.', details: body.slice(0, 4000) });
  }
}

/** What to do about a failed index, from Clair's error text. */
export function indexFailureHint(err: string): string {
  if (/mappingFile/.test(err)) {
    return (
      "Clair's Red Hat scanners could not download their mapping files (security.access.redhat.com): allow that host, " +
      'or set indexer.scanner.repo.rhel-repository-scanner.repo2cpe_mapping_url / indexer.scanner.package.rhel_containerscanner.name2repos_mapping_url ' +
      'in clair-config, or use an offline bundle (vuln-data: <file>), which runs without them.'
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
