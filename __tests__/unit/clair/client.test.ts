/**
 * The Clair client against a local HTTP server that plays Clair's API (clair-v4.md §4): status codes, error
 * JSON and report shapes as Clair v4.9 sends them.
 */
import { expectScanError as caught } from '../../helpers/errors';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, webcrypto } from 'node:crypto';
import { ClairClient, signPskJwt, indexFailureHint, TOKEN_REUSE_MS } from '../../../src/clair/client';
import type { ClairIndexReport, ClairManifest, ClairVulnerabilityReport } from '../../../src/clair/types';
import { ClairScanError } from '../../../src/util/errors';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Reply = { status: number; body?: string; headers?: Record<string, string> };

/** A fake Clair: answers each request with the next reply queued for its path (the last one repeats). */
class FakeClair {
  readonly seen: Seen[] = [];
  private readonly replies = new Map<string, Reply[]>();
  private server!: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const list = this.replies.get(`${req.method} ${req.url}`) ?? [];
        const reply = (list.length > 1 ? list.shift() : list[0]) ?? {
          status: 404,
          body: '{"code":"not-found","message":"no route"}',
        };
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  on(methodAndPath: string, ...replies: Reply[]): void {
    this.replies.set(methodAndPath, replies);
  }

  requests(methodAndPath: string): Seen[] {
    return this.seen.filter((s) => `${s.method} ${s.url}` === methodAndPath);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const DIGEST = `sha256:${'1'.repeat(64)}`;
const LAYER = `sha256:${'2'.repeat(64)}`;
const MANIFEST: ClairManifest = {
  hash: DIGEST,
  layers: [{ hash: LAYER, uri: 'http://127.0.0.1:1/t/layers/x', headers: {} }],
};
const FINISHED: ClairIndexReport = {
  manifest_hash: DIGEST,
  state: 'IndexFinished',
  packages: { '1': { id: '1', name: 'musl', version: '1.2.4-r2', kind: 'binary' } },
  distributions: { '1': { id: '1', did: 'alpine', name: 'Alpine Linux', version_id: '3.19.1' } },
  repository: {},
  environments: {
    '1': [{ package_db: 'lib/apk/db/installed', introduced_in: LAYER, distribution_id: '1', repository_ids: null }],
  },
  success: true,
  err: '',
};
const VULN_REPORT: ClairVulnerabilityReport = {
  manifest_hash: DIGEST,
  packages: FINISHED.packages,
  distributions: FINISHED.distributions,
  environments: FINISHED.environments,
  vulnerabilities: {
    v: { id: 'v', name: 'CVE-2099-0002', normalized_severity: 'Medium', fixed_in_version: '1.2.4-r3' },
  },
  package_vulnerabilities: { '1': ['v'] },
  enrichments: {},
};

let clair: FakeClair;
let client: ClairClient;
beforeEach(async () => {
  clair = new FakeClair();
  await clair.start();
  client = new ClairClient({ url: clair.url, requestTimeoutMs: 10000 });
});
afterEach(async () => {
  await client.close();
  await clair.stop();
});

describe('index', () => {
  it('201 → the index report; the manifest is POSTed as JSON', async () => {
    clair.on('POST /indexer/api/v1/index_report', {
      status: 201,
      body: JSON.stringify(FINISHED),
      headers: { etag: '"abc"' },
    });
    expect(await client.index(MANIFEST)).toEqual(FINISHED);
    const [req] = clair.requests('POST /indexer/api/v1/index_report');
    expect(JSON.parse(req.body)).toEqual(MANIFEST);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers.authorization).toBeUndefined();
  });

  it("500 with Clair's error JSON → ClairScanError carrying Clair's message, not retried", async () => {
    const body = JSON.stringify({
      code: 'internal-error',
      message: 'failed to start scan: fetcher: encountered errors: validation failed',
    });
    clair.on('POST /indexer/api/v1/index_report', { status: 500, body });
    const err = await caught(client.index(MANIFEST));
    expect(err.message).toBe('Clair could not index the image (HTTP 500)');
    expect(err.details).toBe(body);
    expect(err.hint).toMatch(/layer-server-address/);
    expect(clair.requests('POST /indexer/api/v1/index_report')).toHaveLength(1);
  });

  it('400 bad request → ClairScanError with the details', async () => {
    clair.on('POST /indexer/api/v1/index_report', {
      status: 400,
      body: '{"code":"bad-request","message":"manifest has no layers"}',
    });
    const err = await caught(client.index(MANIFEST));
    expect(err.message).toBe('Clair could not index the image (HTTP 400)');
    expect(err.details).toMatch(/manifest has no layers/);
  });

  it("a stored IndexError report → ClairScanError with Clair's err", async () => {
    const failed = {
      ...FINISHED,
      state: 'IndexError',
      success: false,
      err: 'failed to fetch layers: unexpected status code 404',
    };
    clair.on('POST /indexer/api/v1/index_report', { status: 201, body: JSON.stringify(failed) });
    const err = await caught(client.index(MANIFEST));
    expect(err.message).toBe('Clair failed to index the image (state IndexError)');
    expect(err.details).toBe('failed to fetch layers: unexpected status code 404');
  });

  it('a report that is finished but not successful is an error too', async () => {
    clair.on('POST /indexer/api/v1/index_report', {
      status: 201,
      body: JSON.stringify({ ...FINISHED, success: false, err: 'partial' }),
    });
    expect((await caught(client.index(MANIFEST))).message).toBe(
      'Clair failed to index the image (state IndexFinished)',
    );
  });
});

describe('vulnerabilityReport', () => {
  const path = `/matcher/api/v1/vulnerability_report/${DIGEST}`;

  it('200 → ok with the report', async () => {
    clair.on(`GET ${path}`, {
      status: 200,
      body: JSON.stringify(VULN_REPORT),
      headers: { 'content-type': 'application/vnd.clair.index_report.v1+json' },
    });
    expect(await client.vulnerabilityReport(DIGEST)).toEqual({ status: 'ok', report: VULN_REPORT });
  });

  it('202 (no vulnerability data yet) → no-data', async () => {
    clair.on(`GET ${path}`, { status: 202, body: '' });
    expect(await client.vulnerabilityReport(DIGEST)).toEqual({ status: 'no-data' });
  });

  it('404 → not-found', async () => {
    clair.on(`GET ${path}`, { status: 404, body: '{"code":"not-found","message":"index report not found"}' });
    expect(await client.vulnerabilityReport(DIGEST)).toEqual({ status: 'not-found' });
  });

  it('500 → ClairScanError with the body', async () => {
    clair.on(`GET ${path}`, { status: 500, body: '{"code":"internal-error","message":"matcher: unparsable version"}' });
    const err = await caught(client.vulnerabilityReport(DIGEST));
    expect(err.message).toBe('unexpected answer from Clair to vulnerability_report: HTTP 500');
    expect(err.details).toMatch(/unparsable version/);
  });

  it('401 → ClairScanError pointing at clair-psk', async () => {
    clair.on(`GET ${path}`, { status: 401, body: '' });
    const err = await caught(client.vulnerabilityReport(DIGEST));
    expect(err.message).toBe('Clair refused the vulnerability_report request (HTTP 401)');
    expect(err.hint).toMatch(/clair-psk/);
  });
});

describe('retries', () => {
  it('retries a 503 and then succeeds', async () => {
    const path = `/matcher/api/v1/vulnerability_report/${DIGEST}`;
    clair.on(
      `GET ${path}`,
      { status: 503, body: '' },
      { status: 503, body: '' },
      { status: 200, body: JSON.stringify(VULN_REPORT) },
    );
    expect(await client.vulnerabilityReport(DIGEST)).toEqual({ status: 'ok', report: VULN_REPORT });
    expect(clair.requests(`GET ${path}`)).toHaveLength(3);
  }, 30000);

  it('retries a POST index on 429 with the same body', async () => {
    clair.on(
      'POST /indexer/api/v1/index_report',
      { status: 429, body: '{"code":"too-many-requests"}' },
      { status: 201, body: JSON.stringify(FINISHED) },
    );
    expect(await client.index(MANIFEST)).toEqual(FINISHED);
    const reqs = clair.requests('POST /indexer/api/v1/index_report');
    expect(reqs).toHaveLength(2);
    expect(JSON.parse(reqs[1].body)).toEqual(MANIFEST);
  }, 30000);

  it('a Clair that always answers 503 fails after a bounded number of attempts', async () => {
    const path = `/matcher/api/v1/vulnerability_report/${DIGEST}`;
    clair.on(`GET ${path}`, { status: 503, body: '{"code":"unavailable"}' });
    const err = await caught(client.vulnerabilityReport(DIGEST));
    expect(err).toBeInstanceOf(ClairScanError);
    // One try and three retries.
    expect(clair.requests(`GET ${path}`)).toHaveLength(4);
  }, 30000);

  it('an unreachable Clair is a ClairScanError naming the request', async () => {
    const port = Number(new URL(clair.url).port);
    await clair.stop();
    const gone = new ClairClient({ url: `http://127.0.0.1:${port}`, requestTimeoutMs: 5000 });
    try {
      const err = await caught(gone.updateOperations());
      expect(err.message).toMatch(/^request to Clair failed: GET \/matcher\/api\/v1\/internal\/update_operation: /);
      expect(err.hint).toContain(`http://127.0.0.1:${port}`);
    } finally {
      await gone.close();
      await clair.start();
    }
  }, 30000);
});

describe('other calls', () => {
  it('updateOperations', async () => {
    const ops = {
      'debian/updater': [
        {
          ref: 'a3b8c5d2-0000-4000-8000-000000000001',
          updater: 'debian/updater',
          fingerprint: 'x',
          date: '2024-01-01T00:00:00Z',
          kind: 'vulnerability',
        },
      ],
      'osv/pypi': [],
    };
    clair.on('GET /matcher/api/v1/internal/update_operation', { status: 200, body: JSON.stringify(ops) });
    expect(await client.updateOperations()).toEqual(ops);
  });

  it('isReady asks /readyz on the introspection address, and is false on 503', async () => {
    const intro = new ClairClient({ url: clair.url, introspectionUrl: clair.url, requestTimeoutMs: 5000 });
    try {
      clair.on('GET /readyz', { status: 503 });
      expect(await intro.isReady()).toBe(false);
      clair.on('GET /readyz', { status: 200 });
      expect(await intro.isReady()).toBe(true);
      expect(clair.requests('GET /readyz')).toHaveLength(2);
    } finally {
      await intro.close();
    }
  });

  it('isReady without introspection asks the index state', async () => {
    clair.on('GET /indexer/api/v1/index_state', { status: 200, body: '{"state":"x"}' });
    expect(await client.isReady()).toBe(true);
  });
});

describe('PSK auth', () => {
  const KEY = Buffer.from('a pre-shared key of thirty-two b').toString('base64');
  const parts = (jwt: string): [Record<string, unknown>, Record<string, unknown>, string] => {
    const [h, c, s] = jwt.split('.');
    return [JSON.parse(Buffer.from(h, 'base64url').toString()), JSON.parse(Buffer.from(c, 'base64url').toString()), s];
  };

  async function verifies(jwt: string, keyB64: string): Promise<boolean> {
    const [h, c, s] = jwt.split('.');
    const key = await webcrypto.subtle.importKey(
      'raw',
      Buffer.from(keyB64, 'base64'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return webcrypto.subtle.verify('HMAC', key, Buffer.from(s, 'base64url'), Buffer.from(`${h}.${c}`));
  }

  it('signPskJwt makes an HS256 JWT for issuer clair-intraservice that verifies with the key', async () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
    const jwt = signPskJwt(KEY, now);
    expect(jwt).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const [header, claims, sig] = parts(jwt);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = Math.floor(now / 1000);
    expect(claims).toEqual({ iss: 'clair-intraservice', iat, nbf: iat - 60, exp: iat + 600 });
    const [h, c] = jwt.split('.');
    expect(sig).toBe(createHmac('sha256', Buffer.from(KEY, 'base64')).update(`${h}.${c}`).digest('base64url'));
    expect(await verifies(jwt, KEY)).toBe(true);
    expect(await verifies(jwt, Buffer.from('another key').toString('base64'))).toBe(false);
  });

  it('with psk set, every request carries Authorization: Bearer <jwt> that verifies', async () => {
    const authed = new ClairClient({ url: clair.url, psk: KEY, requestTimeoutMs: 5000 });
    try {
      clair.on('GET /matcher/api/v1/internal/update_operation', { status: 200, body: '{}' });
      clair.on('POST /indexer/api/v1/index_report', { status: 201, body: JSON.stringify(FINISHED) });
      await authed.updateOperations();
      await authed.index(MANIFEST);
      expect(clair.seen).toHaveLength(2);
      for (const req of clair.seen) {
        const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
        expect(m).not.toBeNull();
        expect(await verifies(m![1], KEY)).toBe(true);
        expect(parts(m![1])[1].iss).toBe('clair-intraservice');
      }
    } finally {
      await authed.close();
    }
  });
});

describe('PSK token reuse', () => {
  const KEY = Buffer.from('a pre-shared key of thirty-two b').toString('base64');
  const claims = (req: Seen): { iat: number; exp: number } =>
    JSON.parse(Buffer.from((req.headers.authorization ?? '').split('.')[1] ?? '', 'base64url').toString()) as {
      iat: number;
      exp: number;
    };

  it(`one token per ${TOKEN_REUSE_MS / 1000} s, not one per request; then a fresh one, and each still valid for over 9 minutes when sent`, async () => {
    const t0 = Date.UTC(2026, 11, 6, 5, 0, 0);
    let now = t0;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    const authed = new ClairClient({ url: clair.url, psk: KEY, requestTimeoutMs: 5000 });
    try {
      clair.on('GET /matcher/api/v1/internal/update_operation', { status: 200, body: '{}' });
      for (const at of [0, 5_000, TOKEN_REUSE_MS - 1, TOKEN_REUSE_MS, TOKEN_REUSE_MS + 7_000]) {
        now = t0 + at;
        await authed.updateOperations();
      }
      const seen = clair.seen.map((r) => r.headers.authorization);
      // Signed at t0 (reused at +5 s and just before the reuse time), again at TOKEN_REUSE_MS (reused 7 s later).
      expect(new Set(seen.slice(0, 3)).size).toBe(1);
      expect(seen[3]).not.toBe(seen[0]);
      expect(seen[4]).toBe(seen[3]);
      expect(clair.seen.map((r) => claims(r).iat)).toEqual([
        t0 / 1000,
        t0 / 1000,
        t0 / 1000,
        (t0 + TOKEN_REUSE_MS) / 1000,
        (t0 + TOKEN_REUSE_MS) / 1000,
      ]);
      for (const [i, at] of [0, 5_000, TOKEN_REUSE_MS - 1, TOKEN_REUSE_MS, TOKEN_REUSE_MS + 7_000].entries())
        expect(claims(clair.seen[i]).exp * 1000 - (t0 + at)).toBeGreaterThan(9 * 60_000);
    } finally {
      clock.mockRestore();
      await authed.close();
    }
  });

  it('a clock that went back signs again (never a token from the future)', async () => {
    const t0 = Date.UTC(2026, 11, 6, 5, 0, 0);
    let now = t0;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    const authed = new ClairClient({ url: clair.url, psk: KEY, requestTimeoutMs: 5000 });
    try {
      clair.on('GET /matcher/api/v1/internal/update_operation', { status: 200, body: '{}' });
      await authed.updateOperations();
      now = t0 - 120_000;
      await authed.updateOperations();
      expect(clair.seen.map((r) => claims(r).iat)).toEqual([t0 / 1000, (t0 - 120_000) / 1000]);
    } finally {
      clock.mockRestore();
      await authed.close();
    }
  });
});

describe('indexFailureHint', () => {
  it('names the Red Hat mapping files when the RHEL scanners could not fetch them', () => {
    const hint = indexFailureHint(
      'failed to start scan: failed to scan all layer contents: layer "sha256:ab": rhel: unable to create a mappingFile object',
    );
    expect(hint).toMatch(/security\.access\.redhat\.com/);
    expect(hint).toMatch(/repo2cpe_mapping_url/);
    expect(hint).toMatch(/rhel-repo2cpe \/ rhel-name2repos/);
    expect(hint).toMatch(/offline bundle/);
  });

  it('points at layer-server-address when Clair could not fetch a layer', () => {
    expect(
      indexFailureHint(
        'fetcher: Get "http://10.0.0.5:4000/x/layers/sha256:ab": dial tcp 10.0.0.5:4000: connect: connection refused',
      ),
    ).toMatch(/layer-server-address/);
  });

  it("otherwise sends the reader to Clair's message", () => {
    expect(indexFailureHint('something else')).toBe("see Clair's message below and its log.");
  });
});
