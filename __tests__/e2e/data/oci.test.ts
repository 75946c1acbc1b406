/**
 * `clair-scan data push|pull|info` against the real registry of the test environment (Debian's docker-registry,
 * htpasswd basic auth, 127.0.0.1): the artifact's layout as a registry stores it, a byte-identical round trip,
 * and every way a download can be wrong (altered layer, snapshot manifest that does not describe the layer,
 * a bundle that is itself corrupt) ending in exit 2 — never in "no data".
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { request } from 'undici';
import { runCli } from '../../../src/cli';
import { writeSnapshot, manifestPathFor, SnapshotManifest } from '../../../src/data/snapshot';
import { ARTIFACT_TYPE, ociPull } from '../../../src/data/oci';
import { ClairScanError } from '../../../src/util/errors';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';

const env = loadTestEnv();
const reg = env.registry;
const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
const creds = { CLAIR_SCAN_REGISTRY_USERNAME: reg.username, CLAIR_SCAN_REGISTRY_PASSWORD: reg.password };
let dir: string;
let out: string[];
let err: string[];
let repo: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-data-oci-'));
  repo = `clair-scan-test/data-${randomBytes(4).toString('hex')}`;
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  setLogger({
    info: (m) => err.push(`${m}\n`),
    warn: (m) => err.push(`warning: ${m}\n`),
    debug: () => undefined,
    mask: () => undefined,
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function record(updater: string, n: number): string {
  return JSON.stringify({
    Updater: updater,
    Fingerprint: 'fp',
    Date: '2098-01-01T00:00:00Z',
    Ref: '5b0f8c3e-1d2a-4e6b-9c7d-8e9f0a1b2c3d',
    Kind: 'vulnerability',
    Vuln: { updater, name: `CVE-2099-${n}`, normalized_severity: 'High', package: { name: `p${n}`, kind: 'source' } },
  });
}

async function makeSnapshot(
  name = 'clair-data.json.gz',
  n = 2000,
): Promise<{ file: string; manifest: SnapshotManifest }> {
  const text = `${Array.from({ length: n }, (_, i) => record(i % 3 ? 'debian/updater' : 'osv/pypi', i)).join('\n')}\n`;
  const file = path.join(dir, 'src', name);
  const manifest = await writeSnapshot(Readable.from([zlib.gzipSync(text)]), file, {
    updaterSets: ['debian', 'osv'],
    clairVersion: 'v4.9.0',
  });
  return { file, manifest };
}

async function http(
  method: string,
  p: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const res = await request(`${reg.url}${p}`, {
    method: method as 'GET',
    headers: { authorization: basic, ...headers },
    body,
  });
  const data = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body: data };
}

async function putBlob(data: Buffer): Promise<string> {
  const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  const start = await http('POST', `/v2/${repo}/blobs/uploads/`);
  expect(start.status).toBe(202);
  const loc = new URL(String(start.headers.location), reg.url);
  loc.searchParams.set('digest', digest);
  const put = await http('PUT', `${loc.pathname}${loc.search}`, data, { 'content-type': 'application/octet-stream' });
  expect(put.status).toBe(201);
  return digest;
}

const cli = (...args: string[]): Promise<number> => runCli(args, { ...creds });
const errors = (): string => err.join('');

describe('data push / info / pull against the test registry', () => {
  it('pushes an OCI artifact (artifactType, empty config, bundle + manifest layers), describes it without downloading, pulls it byte-identical', async () => {
    const { file, manifest } = await makeSnapshot();
    const ref = `oci://${reg.address}/${repo}:nightly`;
    expect(await cli('data', 'push', ref, file)).toBe(0);
    const digest = out.join('').trim();
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    // What the registry stores, read with plain HTTP.
    const m = await http('GET', `/v2/${repo}/manifests/nightly`, undefined, {
      accept: 'application/vnd.oci.image.manifest.v1+json',
    });
    expect(m.status).toBe(200);
    expect(`sha256:${createHash('sha256').update(m.body).digest('hex')}`).toBe(digest);
    const oci = JSON.parse(m.body.toString('utf8'));
    expect(oci).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: ARTIFACT_TYPE,
      config: {
        mediaType: 'application/vnd.oci.empty.v1+json',
        digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
        size: 2,
        data: 'e30=',
      },
      layers: [
        {
          mediaType: 'application/vnd.clair-scan.bundle.v1+json+gzip',
          digest: `sha256:${manifest.bundle.sha256}`,
          size: manifest.bundle.size,
          annotations: { 'org.opencontainers.image.title': 'clair-data.json.gz' },
        },
        {
          mediaType: 'application/vnd.clair-scan.snapshot.manifest.v1+json',
          digest: expect.stringMatching(/^sha256:/),
          size: expect.any(Number),
          annotations: { 'org.opencontainers.image.title': 'clair-data.json.gz.manifest.json' },
        },
      ],
      annotations: {
        'org.opencontainers.image.created': manifest.createdAt,
        'io.clair-scan.snapshot.format-version': '1',
        'io.clair-scan.snapshot.clair-version': 'v4.9.0',
        'io.clair-scan.snapshot.updater-sets': 'debian,osv',
        'io.clair-scan.snapshot.records': '2000',
      },
    });
    const blob = await http('GET', `/v2/${repo}/blobs/${oci.layers[0].digest}`);
    expect(blob.body).toEqual(fs.readFileSync(file));
    expect(JSON.parse((await http('GET', `/v2/${repo}/blobs/${oci.layers[1].digest}`)).body.toString('utf8'))).toEqual(
      manifest,
    );

    out = [];
    expect(await cli('data', 'info', ref)).toBe(0);
    const info = out.join('');
    expect(info).toContain(`${ref} (${digest})`);
    expect(info).toMatch(/created .* \(\d+ s ago\) by clair-scan .* with Clair v4\.9\.0/);
    expect(info).toContain('updater sets: debian, osv');
    expect(info).toContain('2000 records');
    expect(info).toMatch(/debian\/updater: 1333\b/);
    expect(info).toMatch(/osv\/pypi: 667\b/);

    // Pushing again uploads nothing new and yields the same manifest digest? (created is the same: yes)
    out = [];
    expect(await cli('data', 'push', ref.replace('oci://', ''), file)).toBe(0);
    expect(out.join('').trim()).toBe(digest);

    out = [];
    const pulled = path.join(dir, 'pulled', 'data.json.gz');
    expect(await cli('data', 'pull', ref, '--out', pulled)).toBe(0);
    expect(fs.readFileSync(pulled)).toEqual(fs.readFileSync(file));
    expect(JSON.parse(fs.readFileSync(manifestPathFor(pulled), 'utf8'))).toEqual(manifest);
    expect(fs.readdirSync(path.dirname(pulled)).sort()).toEqual(['data.json.gz', 'data.json.gz.manifest.json']);
    expect(out.join('')).toContain('2000 records');
  });

  it('wrong credentials: exit 2, nothing stored; an unknown tag: exit 2 naming it', async () => {
    const { file } = await makeSnapshot();
    const code = await runCli(['data', 'push', `${reg.address}/${repo}:x`, file], {
      CLAIR_SCAN_REGISTRY_USERNAME: reg.username,
      CLAIR_SCAN_REGISTRY_PASSWORD: 'wrong',
    });
    expect(code).toBe(2);
    expect(errors()).toMatch(/error: the registry .* refused access to clair-scan-test\/data-/);
    expect(errors()).not.toContain('wrong');
    expect((await http('GET', `/v2/${repo}/manifests/x`)).status).toBe(404);
    err = [];
    expect(
      await cli('data', 'pull', `oci://${reg.address}/${repo}:missing`, '--out', path.join(dir, 'x.json.gz')),
    ).toBe(2);
    expect(errors()).toMatch(/was not found in the registry/);
    expect(fs.existsSync(path.join(dir, 'x.json.gz'))).toBe(false);
  });

  it('an artifact that is not a snapshot is refused by info and pull', async () => {
    const cfg = await putBlob(Buffer.from('{}'));
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: 'application/vnd.example.other',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: cfg, size: 2 },
        layers: [],
      }),
    );
    expect(
      (
        await http('PUT', `/v2/${repo}/manifests/other`, body, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
        })
      ).status,
    ).toBe(201);
    expect(await cli('data', 'info', `oci://${reg.address}/${repo}:other`)).toBe(2);
    expect(errors()).toMatch(
      /is not a clair-scan vulnerability-data snapshot \(artifact type application\/vnd\.example\.other\)/,
    );
  });

  it('a pushed bundle that is itself truncated (manifest matching its bytes) is caught on pull: exit 2, no file left', async () => {
    // An artifact built by hand around a truncated gzip whose manifest was computed over the truncated bytes:
    // the digests all agree, only decompressing it shows the damage.
    const { file, manifest } = await makeSnapshot();
    const full = fs.readFileSync(file);
    const cut = full.subarray(0, full.length - 100);
    const bad: SnapshotManifest = {
      ...manifest,
      bundle: { ...manifest.bundle, sha256: createHash('sha256').update(cut).digest('hex'), size: cut.length },
    };
    const mBytes = Buffer.from(JSON.stringify(bad));
    const cfg = await putBlob(Buffer.from('{}'));
    const layer = await putBlob(cut);
    const mDigest = await putBlob(mBytes);
    const body = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: ARTIFACT_TYPE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: cfg, size: 2 },
        layers: [
          { mediaType: 'application/vnd.clair-scan.bundle.v1+json+gzip', digest: layer, size: cut.length },
          { mediaType: 'application/vnd.clair-scan.snapshot.manifest.v1+json', digest: mDigest, size: mBytes.length },
        ],
      }),
    );
    expect(
      (
        await http('PUT', `/v2/${repo}/manifests/cut`, body, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
        })
      ).status,
    ).toBe(201);
    const target = path.join(dir, 'cut.json.gz');
    const e = await ociPull(`oci://${reg.address}/${repo}:cut`, target, {
      username: reg.username,
      password: reg.password,
      insecure: false,
    }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ClairScanError);
    expect((e as ClairScanError).message).toMatch(/is corrupt: its gzip data is damaged or truncated/);
    expect((e as ClairScanError).exitCode).toBe(2);
    expect(fs.readdirSync(dir).filter((n) => n !== 'src')).toEqual([]);

    // And a snapshot manifest that does not describe the layer it travels with.
    const other = Buffer.from(JSON.stringify({ ...manifest, bundle: { ...manifest.bundle, sha256: 'f'.repeat(64) } }));
    const oDigest = await putBlob(other);
    const realLayer = await putBlob(full);
    const body2 = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: ARTIFACT_TYPE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: cfg, size: 2 },
        layers: [
          { mediaType: 'application/vnd.clair-scan.bundle.v1+json+gzip', digest: realLayer, size: full.length },
          { mediaType: 'application/vnd.clair-scan.snapshot.manifest.v1+json', digest: oDigest, size: other.length },
        ],
      }),
    );
    expect(
      (
        await http('PUT', `/v2/${repo}/manifests/mismatch`, body2, {
          'content-type': 'application/vnd.oci.image.manifest.v1+json',
        })
      ).status,
    ).toBe(201);
    expect(
      await cli('data', 'pull', `oci://${reg.address}/${repo}:mismatch`, '--out', path.join(dir, 'm.json.gz')),
    ).toBe(2);
    expect(errors()).toMatch(/the snapshot manifest does not describe the bundle layer/);
    expect(fs.existsSync(path.join(dir, 'm.json.gz'))).toBe(false);
  });

  it('push refuses a bundle without its manifest, and one changed since', async () => {
    const { file } = await makeSnapshot();
    const bare = path.join(dir, 'bare.json.gz');
    fs.copyFileSync(file, bare);
    expect(await cli('data', 'push', `${reg.address}/${repo}:bare`, bare)).toBe(2);
    expect(errors()).toMatch(/has no manifest beside it/);
    fs.appendFileSync(file, Buffer.from([0]));
    err = [];
    expect(await cli('data', 'push', `${reg.address}/${repo}:changed`, file)).toBe(2);
    expect(errors()).toMatch(/is corrupt: its size \(\d+ bytes\) does not match the manifest \(\d+ bytes\)/);
    expect((await http('GET', `/v2/${repo}/manifests/changed`)).status).toBe(404);
  });
});
