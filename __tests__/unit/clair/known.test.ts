/**
 * clair/known.ts and the client calls it makes (GET index_report/{digest}, GET index_state), against a local HTTP
 * server answering as Clair v4.9 does (clair-v4.md §4: the ETag of both is the indexer state). Known only when
 * everything agrees; every other answer, including errors, is "not known" (the image is exported as before).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClairClient } from '../../../src/clair/client';
import { clairKnows } from '../../../src/clair/known';

const HASH = `sha256:${'a'.repeat(64)}`;
const L1 = `sha256:${'1'.repeat(64)}`;
const L2 = `sha256:${'2'.repeat(64)}`;
const STATE = '0123456789abcdef0123456789abcdef';

type Reply = { status: number; body?: string; etag?: string };
let replies: Record<string, Reply> = {};
const seen: string[] = [];
let server: http.Server;
let client: ClairClient;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const r = replies[`${req.method} ${req.url}`] ?? {
      status: 404,
      body: '{"code":"not-found","message":"index report not found"}',
    };
    res.writeHead(r.status, { 'content-type': 'application/json', ...(r.etag ? { etag: r.etag } : {}) });
    res.end(r.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new ClairClient({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requestTimeoutMs: 5000,
    retry: { maxRetries: 0 },
  });
});
afterAll(async () => {
  await client.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  replies = {};
});

function report(over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    manifest_hash: HASH,
    state: 'IndexFinished',
    packages: { '1': { id: '1', name: 'libc6', version: '2.36' } },
    environments: { '1': [{ package_db: 'var/lib/dpkg/status', introduced_in: L1, distribution_id: '1' }] },
    success: true,
    err: '',
    ...over,
  });
}

function answer(
  reportReply: Reply,
  stateReply: Reply = { status: 200, body: JSON.stringify({ state: STATE }), etag: `"${STATE}"` },
): void {
  replies[`GET /indexer/api/v1/index_report/${HASH}`] = reportReply;
  replies['GET /indexer/api/v1/index_state'] = stateReply;
}

const check = () => clairKnows(client).check(HASH, [L1, L2]);

it('known: a finished, successful report of this digest from these layers, under the current indexer state', async () => {
  answer({ status: 200, body: report(), etag: `"${STATE}"` });
  expect(await check()).toEqual({
    known: true,
    why: `Clair already has a finished index report of this exact content (sha256:aaaaaaaaaaaa…, indexer state ${STATE})`,
  });
  expect(seen).toEqual([`GET /indexer/api/v1/index_report/${HASH}`, 'GET /indexer/api/v1/index_state']);
});

it('not known, quietly, when Clair has no report (404), and the state is not even asked', async () => {
  expect(await check()).toEqual({
    known: false,
    quiet: true,
    why: 'Clair has no index report of sha256:aaaaaaaaaaaa…',
  });
  expect(seen).toEqual([`GET /indexer/api/v1/index_report/${HASH}`]);
});

it.each([
  [
    'a report in another state',
    { status: 200, body: report({ state: 'IndexError', success: false, err: 'fetch failed' }), etag: `"${STATE}"` },
    /is in state IndexError, unsuccessful$/,
  ],
  [
    'an unsuccessful finished report',
    { status: 200, body: report({ success: false }), etag: `"${STATE}"` },
    /is in state IndexFinished, unsuccessful$/,
  ],
  [
    'the report of another manifest',
    { status: 200, body: report({ manifest_hash: `sha256:${'b'.repeat(64)}` }), etag: `"${STATE}"` },
    /another manifest/,
  ],
  [
    'a report whose packages come from a layer this image does not have',
    {
      status: 200,
      body: report({ environments: { '1': [{ introduced_in: `sha256:${'9'.repeat(64)}` }] } }),
      etag: `"${STATE}"`,
    },
    /names a layer this image does not have \(sha256:999999999999…\)$/,
  ],
  [
    'an indexer state that changed between the two answers',
    { status: 200, body: report(), etag: '"ffffffffffffffffffffffffffffffff"' },
    /indexer state changed/,
  ],
  [
    'an answer without the indexer state',
    { status: 200, body: report() },
    /indexer state changed while it was asked \(none then/,
  ],
  [
    'Clair failing (500)',
    { status: 500, body: '{"code":"internal-error","message":"db down"}' },
    /^asking Clair for its index report failed \(unexpected answer from Clair to index_report: HTTP 500\)$/,
  ],
  [
    'an answer that is not JSON',
    { status: 200, body: '<html>login</html>', etag: `"${STATE}"` },
    /^asking Clair for its index report failed \(Clair's index_report answer is not valid JSON/,
  ],
])('not known: %s', async (_what, reply, why) => {
  answer(reply);
  const v = await check();
  expect(v.known).toBe(false);
  expect(v.quiet).toBeUndefined();
  expect(v.why).toMatch(why);
});

it('not known when the indexer state cannot be read', async () => {
  answer({ status: 200, body: report(), etag: `"${STATE}"` }, { status: 200, body: '{}' });
  expect(await check()).toEqual({
    known: false,
    why: "asking Clair for its index report failed (Clair's index_state answer has no state)",
  });
});
