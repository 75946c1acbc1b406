/**
 * The parts of batch mode that need no Docker or Clair: listing patterns and tag filters, Link pagination,
 * the shared layer pool (on the real layer server), the outputs, the inputs, and the Clair client's retry
 * policy against a local server that answers like a busy Clair.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { nextLink, parseListing, repositoryMatcher, tagFilter } from '../../../src/batch/registry-list';
import { LayerPool } from '../../../src/batch/layers';
import {
  failedRules,
  vulnerableList,
  imageDirName,
  BatchState,
  type BatchImageEntry,
} from '../../../src/batch/outputs';
import { isBatch, parseBatchInputs } from '../../../src/batch/inputs';
import { clairMessage } from '../../../src/batch/run';
import { startLayerServer } from '../../../src/image/layer-server';
import type { ImageLayer, ResolvedImage } from '../../../src/image/types';
import { ClairClient, retryDelayMs, RETRY_DEFAULTS } from '../../../src/clair/client';
import { ClairScanError } from '../../../src/util/errors';
import { testTempDir, removeTestTempDirs } from '../../helpers/tmp';

afterAll(() => removeTestTempDirs());

describe('registry listings', () => {
  it('parses registry:HOST/PATTERN and refuses what is not one', () => {
    expect(parseListing('registry:127.0.0.1:5000/org/*')).toEqual({
      input: 'registry:127.0.0.1:5000/org/*',
      registry: '127.0.0.1:5000',
      pattern: 'org/*',
    });
    expect(parseListing('ghcr.io/org/**')).toMatchObject({ registry: 'ghcr.io', pattern: 'org/**' });
    expect(parseListing('registry:ghcr.io/org/app:1.2')).toBeUndefined();
    expect(() => parseListing('registry:org/*')).toThrow(/not a registry host/);
    expect(() => parseListing('registry:ghcr.io/org/*:latest')).toThrow(/takes no tag/);
  });

  it('* is one path segment, ** any depth', () => {
    const one = repositoryMatcher('org/*');
    expect(['org/a', 'org/a-b.c', 'org/a/b', 'other/a', 'org'].filter((r) => one.test(r))).toEqual([
      'org/a',
      'org/a-b.c',
    ]);
    const deep = repositoryMatcher('org/**');
    expect(['org/a', 'org/a/b', 'org2/a'].filter((r) => deep.test(r))).toEqual(['org/a', 'org/a/b']);
  });

  it('tag filters: latest, semver, all, /regex/', () => {
    const tags = ['latest', '1.2.3', 'v2.0.0', '1.2', '1.2.3-rc.1', 'dev', 'main-abc'];
    expect(tags.filter(tagFilter(['latest', 'semver']))).toEqual(['latest', '1.2.3', 'v2.0.0', '1.2.3-rc.1']);
    expect(tags.filter(tagFilter(['/main-.*/']))).toEqual(['main-abc']);
    expect(tags.filter(tagFilter(['all']))).toEqual(tags);
    expect(() => tagFilter(['newest'])).toThrow(/invalid value "newest"/);
    expect(() => tagFilter(['/(/'])).toThrow(/invalid regular expression/);
  });

  it('follows rel="next" links, relative or on the same origin', () => {
    expect(nextLink('</v2/_catalog?last=b&n=2>; rel="next"')).toBe('/v2/_catalog?last=b&n=2');
    expect(nextLink('<http://r:5000/v2/x/tags/list?last=1&n=2>; rel="next"')).toBe('/v2/x/tags/list?last=1&n=2');
    expect(nextLink('</a>; rel="prev", </b>; rel="next"')).toBe('/b');
    expect(nextLink(undefined)).toBeUndefined();
  });
});

describe('the layer pool', () => {
  const layer = (digest: string, body: string): ImageLayer => ({
    digest,
    diffId: digest,
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    size: body.length,
    open: async () => Readable.from([Buffer.from(body)]),
    openTar: async () => Readable.from([Buffer.from(body)]),
  });
  const get = (url: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
        .on('error', reject);
    });

  it('publishes a shared layer once, keeps it (and its owner) until the last image using it is done', async () => {
    const server = await startLayerServer({ bindHost: '127.0.0.1' });
    try {
      const pool = new LayerPool(server);
      const closed: string[] = [];
      const image = (name: string, layers: ImageLayer[]): ResolvedImage => ({
        info: {} as ResolvedImage['info'],
        layers,
        close: async () => void closed.push(name),
      });
      const base = layer('sha256:base', 'base-bytes');
      const a = pool.lease(image('a', [base, layer('sha256:a', 'a-bytes')]));
      const b = pool.lease(image('b', [layer('sha256:base', 'base-bytes'), layer('sha256:b', 'b-bytes')]));
      expect(pool.stats()).toEqual({ published: 3, reused: 1, inFlight: 3 });
      expect(b.urls.get('sha256:base')).toBe(a.urls.get('sha256:base'));
      await a.release();
      // a is done but b still needs the base layer a brought: a is not closed, the layer is still served.
      expect(closed).toEqual([]);
      expect(await get(b.urls.get('sha256:base') as string)).toEqual({ status: 200, body: 'base-bytes' });
      expect((await get(a.urls.get('sha256:a') as string)).status).toBe(404);
      await b.release();
      expect(closed.sort()).toEqual(['a', 'b']);
      expect((await get(b.urls.get('sha256:base') as string)).status).toBe(404);
      expect(pool.stats().inFlight).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('outputs', () => {
  const verdict = {
    status: 'fail' as const,
    enforced: true,
    rules: ['severity-threshold: critical', 'fail-on: high>0 || medium>=3', 'check-non-root'],
    reasons: [
      'fail-on rule "high>0 || medium>=3" is true: high=1',
      '1 compliance finding (check-non-root): runs as root in x',
    ],
    counted: { Critical: 0, High: 1, Medium: 0, Low: 0, Negligible: 0, Unknown: 0 },
    expiredEntries: [],
    unusedEntries: [],
  };

  it('names the rules that failed, and lists failed images one a line', () => {
    expect(failedRules(verdict)).toEqual(['fail-on: high>0 || medium>=3', 'check-non-root']);
    const e = (image: string, v: BatchImageEntry['verdict'], rules: string[] = []): BatchImageEntry => ({
      image,
      verdict: v,
      failedRules: rules,
      reasons: [],
      seconds: 1,
      finishedAt: '',
    });
    expect(
      vulnerableList([
        e('a', 'pass'),
        e('b', 'fail', ['fail-on: high>0', 'check-non-root']),
        e('c', 'error'),
        e('d', 'fail', ['severity-threshold: high']),
      ]),
    ).toBe('b\tfail-on: high>0; check-non-root\nd\tseverity-threshold: high\n');
  });

  it('report dirs are readable and distinct', () => {
    expect(imageDirName('registry:ghcr.io/org/app:1.2')).toMatch(/^ghcr.io_org_app_1.2-[0-9a-f]{8}$/);
    expect(imageDirName('a/b:1')).not.toBe(imageDirName('a_b:1'));
  });

  it('the resume state: a fresh run starts it, a resumed one reads the finished images, another policy is refused', () => {
    const dir = testTempDir('cs-unit-batch-');
    new BatchState(dir, 'fp1', false).record({
      image: 'x',
      verdict: 'fail',
      failedRules: ['r'],
      reasons: [],
      seconds: 1,
      finishedAt: '',
    });
    new BatchState(dir, 'fp1', true).record({
      image: 'y',
      verdict: 'error',
      failedRules: [],
      reasons: [],
      seconds: 1,
      finishedAt: '',
    });
    fs.appendFileSync(path.join(dir, 'batch-state.jsonl'), '{"image":"z","verdict":"pa');
    expect([...new BatchState(dir, 'fp1', true).done.keys()]).toEqual(['x']);
    expect(() => new BatchState(dir, 'fp2', true)).toThrow(/another policy/);
    expect([...new BatchState(dir, 'fp2', false).done.keys()]).toEqual([]);
  });

  it("Clair's own message of a failed index", () => {
    const http500 = new ClairScanError('Clair could not index the image (HTTP 500)', {
      hint: 'h',
      details: '{"code":"internal-error","message":"failed to start scan: boom"}',
    });
    expect(clairMessage(http500)).toBe('failed to start scan: boom');
    expect(
      clairMessage(
        new ClairScanError('Clair failed to index the image (state IndexError)', { hint: 'h', details: 'fetch: 404' }),
      ),
    ).toBe('fetch: 404');
    expect(clairMessage(new ClairScanError('image "x" was not found', { hint: 'h' }))).toBeUndefined();
  });
});

describe('batch inputs', () => {
  const raw = (m: Record<string, string>) => (n: string) => m[n];

  it('batch mode is an images-file or a listing', () => {
    expect(isBatch(raw({ image: 'a:1' }))).toBe(false);
    expect(isBatch(raw({ image: 'registry:r.io/org/*' }))).toBe(true);
    expect(isBatch(raw({ image: '', 'images-file': 'x' }))).toBe(true);
  });

  it('reads the images-file (comments, blanks, duplicates) after the image lines; defaults', () => {
    const file = path.join(testTempDir('cs-unit-batch-'), 'images.txt');
    fs.writeFileSync(file, '# fleet\nb:1\n\n  c:1  # the c\nb:1\nregistry:r.io/org/*\n');
    const r = parseBatchInputs(raw({ image: 'a:1', 'images-file': file }));
    expect(r.lines).toEqual(['a:1', 'b:1', 'c:1', 'registry:r.io/org/*']);
    expect(r.listings.map((l) => l.pattern)).toEqual(['org/*']);
    expect({ latest: r.keepTag('latest'), semver: r.keepTag('1.0.0') }).toEqual({ latest: true, semver: false });
    // Settings.batch's inputs are checked before any registry is listed, with the input table's bounds.
    expect(() => parseBatchInputs(raw({ image: 'a:1', concurrency: '0' }))).toThrow(
      'input "concurrency" has an invalid value "0"',
    );
    expect(() => parseBatchInputs(raw({ image: 'registry:r.io/org/*', concurrency: '65' }))).toThrow(
      'input "concurrency" has an invalid value "65"',
    );
    expect(() => parseBatchInputs(raw({ image: 'a:1', resume: 'maybe' }))).toThrow(
      'input "resume" has an invalid value "maybe"',
    );
    expect(() => parseBatchInputs(raw({ 'images-file': '/nonexistent/list' }))).toThrow(/cannot be read/);
  });
});

describe('Clair client retries', () => {
  it('backoff doubles up to the cap with ±25 % jitter; Retry-After (seconds or a date) wins, bounded', () => {
    const p = RETRY_DEFAULTS;
    expect([1, 2, 3, 10].map((n) => retryDelayMs(n, undefined, p, 0, () => 0.5))).toEqual([500, 1000, 2000, 10000]);
    expect(retryDelayMs(1, undefined, p, 0, () => 0)).toBe(375);
    expect(retryDelayMs(1, '3', p)).toBe(3000);
    expect(retryDelayMs(1, new Date(10_000 + 7000).toUTCString(), p, 10_000)).toBe(7000);
    expect(retryDelayMs(1, '3600', p)).toBe(60_000);
  });

  it('a 429 with Retry-After is waited out, then the index succeeds; retries are counted', async () => {
    let n = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        n++;
        if (n === 1)
          res
            .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
            .end('{"code":"too-many-requests"}');
        else
          res.writeHead(201, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              manifest_hash: 'sha256:1',
              state: 'IndexFinished',
              success: true,
              err: '',
              packages: {},
              distributions: {},
              repository: {},
              environments: {},
            }),
          );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new ClairClient({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      requestTimeoutMs: 5000,
    });
    try {
      const t0 = Date.now();
      await client.index({ hash: 'sha256:1', layers: [] });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
      expect({ requests: n, retries: client.retries }).toEqual({ requests: 2, retries: 1 });
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('a 500 to a POST index is not retried; to a GET it is', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push(req.method ?? '');
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"code":"internal-error","message":"x"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new ClairClient({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      requestTimeoutMs: 5000,
      retry: { minDelayMs: 1, maxDelayMs: 1 },
    });
    try {
      await expect(client.index({ hash: 'sha256:1', layers: [] })).rejects.toThrow(/HTTP 500/);
      await expect(client.vulnerabilityReport('sha256:1')).rejects.toThrow(/HTTP 500/);
      expect(seen).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
