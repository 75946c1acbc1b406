/**
 * Signed vulnerability data against the real test registry (htpasswd auth, 127.0.0.1) and the real scan (Docker,
 * PostgreSQL, Clair): `clair-scan data push --sign-key` stores a cosign signature beside the snapshot, and a scan
 * with `vuln-data-public-key` gives exactly the findings it gives without; a re-pushed bundle under the same tag
 * (old signature), a signature copied onto another digest, an unsigned artifact and another key are exit 2 naming
 * the reference, with nothing left behind. File and URL snapshots: with and without `<manifest>.sig`, and with a
 * changed manifest. Database images: `data image build --push --sign-key`, scanned with `vuln-data: db-image:<ref>`
 * and the key (the same findings; run by digest); an unsigned image, a local-only image, and a signed image whose
 * build-id label is not its database's row are refused. clair-mode: process against the signed image run as a plain
 * PostgreSQL container (as a CI service): accepted; a signed image whose build id is not the database's is refused.
 * The action's online-data cache with the key (Cache Service v2 server, real @actions/cache): a signed entry is
 * used, an unsigned one is passed over (Clair's updaters run against the fake Debian mirror, nothing saved), a bad
 * signature is exit 2.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer, Server } from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { request } from 'undici';
import { runCli } from '../../../src/cli';
import { scan } from '../../../src/scan';
import { prepareVulnData } from '../../../src/data/source';
import { loadSigningKey, manifestSignaturePathFor, UNAUTHENTICATED_NOTE } from '../../../src/data/signing';
import { signArtifact } from '../../../src/data/oci';
import { manifestPathFor, writeSnapshot } from '../../../src/data/snapshot';
import { cleanupRun } from '../../../src/environment/cleanup';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import { setLogger } from '../../../src/util/log';
import * as actionsCache from '@actions/cache';
import { cacheDir, cacheKey, useDataCache } from '../../../src/data/cache';
import { githubDataCache } from '../../../src/data/github-cache';
import { CacheServer } from '../../helpers/cache-server';
import { startFakeDebianSource, type FakeDebianSource } from '../scan/fake-debian-source';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { makeKeyPair, sigTag } from '../../helpers/cosign';
import { trackRuns } from '../../helpers/runs';
import {
  BUNDLE,
  DEBIAN_VULN_FINDINGS,
  docker,
  expectScanError,
  findingLines,
  fixture,
  leftoverTempDirs,
  settingsFor,
} from '../scan/helpers';

const reg = loadTestEnv().registry;
const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
const repo = `clair-scan-test/signed-data-${randomBytes(4).toString('hex')}`;
const creds = { 'registry-username': reg.username, 'registry-password': reg.password, 'registry-host': reg.address };
const cliCreds = { CLAIR_SCAN_REGISTRY_USERNAME: reg.username, CLAIR_SCAN_REGISTRY_PASSWORD: reg.password };
const auth = { username: reg.username, password: reg.password, insecure: false };

const signer = makeKeyPair('ec');
const stranger = makeKeyPair('ec');
const keys = testTempDir('cs-e2e-signing-keys-');
const signKey = path.join(keys, 'cosign.key');
const publicKey = path.join(keys, 'cosign.pub');
fs.writeFileSync(signKey, signer.privatePem, { mode: 0o600 });
fs.writeFileSync(publicKey, signer.publicPem);

let dir: string;
let logs: string[];
const track = trackRuns();

beforeEach(() => {
  dir = testTempDir('cs-e2e-signing-');
  logs = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true));
  setLogger({
    info: (m) => logs.push(`${m}\n`),
    warn: (m) => logs.push(`warning: ${m}\n`),
    debug: () => undefined,
    mask: () => undefined,
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The fixture bundle as a snapshot (gzip + manifest); `extra` records make a different bundle of the same data. */
async function snapshot(name: string, extra = ''): Promise<string> {
  const file = path.join(dir, name, 'clair-data.json.gz');
  const text = fs.readFileSync(BUNDLE, 'utf8') + extra;
  await writeSnapshot(Readable.from([zlib.gzipSync(text)]), file, {
    updaterSets: ['debian', 'alpine', 'osv'],
    clairVersion: 'v4.9.0',
  });
  return file;
}

/** `clair-scan data push REF FILE [--sign-key KEY]`; returns the artifact's digest (its stdout). */
async function push(tag: string, file: string, key?: string): Promise<string> {
  const ref = `oci://${reg.address}/${repo}:${tag}`;
  const code = await runCli(['data', 'push', ref, file, ...(key ? ['--sign-key', key] : [])], cliCreds);
  const text = logs.join('');
  expect({ code, text: code ? text : '' }).toEqual({ code: 0, text: '' });
  const digest = /sha256:[a-f0-9]{64}\n/
    .exec(logs.filter((l) => /^sha256:[a-f0-9]{64}\n$/.test(l)).pop() ?? '')?.[0]
    .trim();
  expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  logs.length = 0;
  return digest as string;
}

async function registry(
  method: 'GET' | 'PUT',
  p: string,
  body?: Buffer,
  contentType?: string,
): Promise<{ status: number; body: Buffer }> {
  const res = await request(`${reg.url}${p}`, {
    method,
    headers: {
      authorization: basic,
      accept: 'application/vnd.oci.image.manifest.v1+json',
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    body,
  });
  return { status: res.statusCode, body: Buffer.from(await res.body.arrayBuffer()) };
}

const ociRef = (tag: string): string => `oci://${reg.address}/${repo}:${tag}`;

describe('oci:// snapshots signed by `data push --sign-key`', () => {
  it("the signature is a cosign simple-signing manifest under sha256-<hex>.sig naming the artifact's digest", async () => {
    const digest = await push('layout', await snapshot('layout'), signKey);
    const sig = await registry('GET', `/v2/${repo}/manifests/${sigTag(digest)}`);
    expect(sig.status).toBe(200);
    const m = JSON.parse(sig.body.toString()) as {
      mediaType: string;
      layers: { mediaType: string; digest: string; annotations: Record<string, string> }[];
    };
    expect(m.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(m.layers).toHaveLength(1);
    expect(m.layers[0].mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
    expect(m.layers[0].annotations['dev.cosignproject.cosign/signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const payload = await registry('GET', `/v2/${repo}/blobs/${m.layers[0].digest}`);
    expect(JSON.parse(payload.body.toString())).toEqual({
      critical: {
        identity: { 'docker-reference': `${reg.address}/${repo}` },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    });
    // Signing the same artifact again (as after a key rotation) appends, as cosign does: the first signature stays.
    const again = await push('layout', path.join(dir, 'layout', 'clair-data.json.gz'), signKey);
    expect(again).toBe(digest); // same bytes, same digest
    const sig2 = JSON.parse(
      (await registry('GET', `/v2/${repo}/manifests/${sigTag(digest)}`)).body.toString(),
    ) as typeof m;
    expect(sig2.layers).toHaveLength(2);
    expect(sig2.layers[0]).toEqual(m.layers[0]);
    expect(sig2.layers[1].digest).toBe(m.layers[0].digest); // the same payload, a new (randomized ECDSA) signature
  });

  it('a scan with vuln-data-public-key: exactly the findings of the same data without a key; no "unauthenticated" note', async () => {
    await push('signed', await snapshot('signed'), signKey);
    const outcome = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': ociRef('signed'),
        'vuln-data-public-key': publicKey,
        formats: 'json',
        ...creds,
      }),
      track,
    );
    expect(findingLines(outcome.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(outcome.exitCode).toBe(1); // a Critical finding, default gate
    expect(outcome.result.images[0].notes ?? []).not.toContain(UNAUTHENTICATED_NOTE);
    expect(logs.join('')).toMatch(
      new RegExp(
        `vulnerability data ${reg.address.replace(/\./g, '\\.')}/${repo}:signed: signature by ECDSA P-256 key sha256:[a-f0-9]{64} verified`,
      ),
    );
    // The same data without the key: the same findings, and the report says the data is unauthenticated.
    const plain = await scan(
      settingsFor([fixture('debian-vuln')], { 'vuln-data': ociRef('signed'), formats: 'json', ...creds }),
      track,
    );
    expect(findingLines(plain.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    const json = JSON.parse(fs.readFileSync(plain.reports.json as string, 'utf8')) as {
      images: { notes?: string[] }[];
    };
    expect(json.images[0].notes).toContain(UNAUTHENTICATED_NOTE);
    expect(logs.join('')).toContain(`warning: ${fixture('debian-vuln')}: ${UNAUTHENTICATED_NOTE}`);
  });

  it('a bundle re-pushed under the signed tag (the old signature stays): exit 2 naming the reference, no report, nothing left', async () => {
    const old = await push('moved', await snapshot('moved-1'), signKey);
    const now = await push(
      'moved',
      await snapshot(
        'moved-2',
        `${JSON.stringify({ Updater: 'debian/updater', Fingerprint: 'x', Date: '2024-01-01T00:00:00Z', Ref: 'r', Kind: 'vulnerability', Vuln: { name: 'CVE-2099-9999', updater: 'debian/updater', package: { name: 'zlib1g', kind: 'binary' } } })}\n`,
      ),
    );
    expect(now).not.toBe(old);
    const settings = settingsFor([fixture('debian-vuln')], {
      'vuln-data': ociRef('moved'),
      'vuln-data-public-key': publicKey,
      formats: 'json',
      ...creds,
    });
    const err = await expectScanError(scan(settings, track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `vulnerability data ${reg.address}/${repo}:moved is not signed: ${reg.address}/${repo} has no signature of ${now} (no tag ${sigTag(now)}), and vuln-data-public-key is set`,
    );
    expect(err.hint).toMatch(/--sign-key/);
    expect(fs.readdirSync(settings.reports.outputDir)).toEqual([]);
  });

  it('the old signature copied onto the new digest: exit 2, "a valid signature … but of <old digest>"', async () => {
    const old = await push('copied', await snapshot('copied-1'), signKey);
    const now = await push(
      'copied',
      await snapshot(
        'copied-2',
        `${JSON.stringify({ Updater: 'debian/updater', Fingerprint: 'y', Date: '2024-01-01T00:00:00Z', Ref: 'r2', Kind: 'vulnerability', Vuln: { name: 'CVE-2099-9998', updater: 'debian/updater', package: { name: 'zlib1g', kind: 'binary' } } })}\n`,
      ),
    );
    const oldSig = await registry('GET', `/v2/${repo}/manifests/${sigTag(old)}`);
    expect(
      (
        await registry(
          'PUT',
          `/v2/${repo}/manifests/${sigTag(now)}`,
          oldSig.body,
          'application/vnd.oci.image.manifest.v1+json',
        )
      ).status,
    ).toBe(201);
    const state: RunState = { runId: newRunId(), tempDirs: [] };
    try {
      const err = await expectScanError(
        prepareVulnData(
          { vulnData: ociRef('copied'), registry: auth, dataTimeoutSec: 60, vulnDataPublicKey: publicKey },
          state,
        ),
      );
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain(
        `vulnerability data ${reg.address}/${repo}:copied has no valid signature by vuln-data-public-key ${publicKey} (ECDSA P-256, sha256:`,
      );
      expect(err.message).toContain(`it is a valid signature by the key, but of ${old}, not of ${now}`);
    } finally {
      await cleanupRun(state);
    }
    expect(leftoverTempDirs(state.runId)).toEqual([]);
  });

  it('an unsigned artifact and another key: exit 2 from the CLI, each naming the reference', async () => {
    await push('unsigned', await snapshot('unsigned'));
    await push('other', await snapshot('other'), signKey);
    const strangerPub = path.join(dir, 'stranger.pub');
    fs.writeFileSync(strangerPub, stranger.publicPem);
    const out = path.join(dir, 'out');
    const code = await runCli(
      [
        '--vuln-data',
        ociRef('unsigned'),
        '--vuln-data-public-key',
        publicKey,
        '--output-dir',
        out,
        fixture('debian-vuln'),
      ],
      {
        ...cliCreds,
        CLAIR_SCAN_CLAIR_IMAGE: loadTestEnv().clairImage,
        CLAIR_SCAN_POSTGRES_IMAGE: loadTestEnv().postgresImage,
        CLAIR_SCAN_PULL: 'never',
        CLAIR_SCAN_REGISTRY_HOST: reg.address,
      },
    );
    expect(code).toBe(2);
    expect(logs.join('')).toContain(`vulnerability data ${reg.address}/${repo}:unsigned is not signed`);
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    const run = /Run ([a-z0-9-]+) \(if this process/.exec(logs.join(''))?.[1];
    expect(run).toBeTruthy();
    track.add(run as string);
    const state: RunState = { runId: newRunId(), tempDirs: [] };
    try {
      const err = await expectScanError(
        prepareVulnData(
          { vulnData: ociRef('other'), registry: auth, dataTimeoutSec: 60, vulnDataPublicKey: stranger.publicPem },
          state,
        ),
      );
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain(
        `vulnerability data ${reg.address}/${repo}:other has no valid signature by vuln-data-public-key (inline PEM)`,
      );
      expect(err.message).toContain('its signature does not verify with the public key');
    } finally {
      await cleanupRun(state);
    }
    expect(leftoverTempDirs(state.runId)).toEqual([]);
  });
});

describe('file and URL snapshots: <bundle>.manifest.json.sig', () => {
  const input = (vulnData: string, key = publicKey) => ({
    vulnData,
    registry: auth,
    dataTimeoutSec: 60,
    vulnDataPublicKey: key,
  });
  let state: RunState;
  beforeEach(() => {
    state = { runId: newRunId(), tempDirs: [] };
  });
  afterEach(async () => {
    await cleanupRun(state);
    expect(leftoverTempDirs(state.runId)).toEqual([]);
  });

  /** A snapshot signed as `data export --sign-key` signs it: the CLI's own code path (`data sign` is not a command). */
  async function signedFile(name: string): Promise<string> {
    const file = await snapshot(name);
    const { signManifestFile, loadSigningKey } = await import('../../../src/data/signing');
    await signManifestFile(manifestPathFor(file), loadSigningKey(signKey));
    return file;
  }

  it('signed: used as it is; without its .sig, with a changed manifest or with another key: exit 2 naming the file', async () => {
    const file = await signedFile('file');
    const p = await prepareVulnData(input(file), state);
    expect(p.bundle).toBe(file);
    expect(p.notes).toEqual([]);

    const m = manifestPathFor(file);
    const sig = fs.readFileSync(manifestSignaturePathFor(m));
    fs.rmSync(manifestSignaturePathFor(m));
    let err = await expectScanError(prepareVulnData(input(file), state));
    expect(err.message).toBe(
      `vulnerability data ${file} is not signed: no ${m}.sig beside its manifest, and vuln-data-public-key is set`,
    );

    fs.writeFileSync(manifestSignaturePathFor(m), sig);
    const text = fs.readFileSync(m, 'utf8');
    fs.writeFileSync(
      m,
      text.replace(/"createdAt": "[^"]+"/, `"createdAt": "${new Date(Date.now() + 60_000).toISOString()}"`),
    );
    err = await expectScanError(prepareVulnData(input(file), state));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `vulnerability data ${file}: the signature ${m}.sig does not verify with vuln-data-public-key ${publicKey} (ECDSA P-256, ${err.message.match(/sha256:[a-f0-9]{64}/)?.[0]})`,
    );

    fs.writeFileSync(m, text);
    err = await expectScanError(prepareVulnData(input(file, stranger.publicPem), state));
    expect(err.message).toContain('does not verify with vuln-data-public-key (inline PEM)');
  });

  it('a bundle swapped under a signed manifest: the manifest verifies, the bundle does not match it: exit 2', async () => {
    const file = await signedFile('swap');
    fs.writeFileSync(
      file,
      zlib.gzipSync(`${fs.readFileSync(BUNDLE, 'utf8')}${fs.readFileSync(BUNDLE, 'utf8').split('\n')[0]}\n`),
    );
    const err = await expectScanError(prepareVulnData(input(file), state));
    expect(err.message).toMatch(/is corrupt: its (size|sha256\/size) .*does not match the manifest/);
  });

  it('a URL: the .sig is fetched beside the manifest; a server without it is exit 2', async () => {
    const file = await signedFile('url');
    const served = new Map<string, Buffer>([
      ['/d/clair-data.json.gz', fs.readFileSync(file)],
      ['/d/clair-data.json.gz.manifest.json', fs.readFileSync(manifestPathFor(file))],
      ['/d/clair-data.json.gz.manifest.json.sig', fs.readFileSync(manifestSignaturePathFor(manifestPathFor(file)))],
      ['/n/clair-data.json.gz', fs.readFileSync(file)],
      ['/n/clair-data.json.gz.manifest.json', fs.readFileSync(manifestPathFor(file))],
    ]);
    const server: Server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404, { 'content-length': String(body?.length ?? 0) });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const p = await prepareVulnData(input(`${base}/d/clair-data.json.gz`), state);
      expect(createHash('sha256').update(fs.readFileSync(p.bundle)).digest('hex')).toBe(
        createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
      );
      expect(p.notes).toEqual([]);
      const err = await expectScanError(prepareVulnData(input(`${base}/n/clair-data.json.gz`), state));
      expect(err.exitCode).toBe(2);
      expect(err.message).toMatch(
        new RegExp(
          `^vulnerability data ${base.replace(/\./g, '\\.')}/n/clair-data\\.json\\.gz is not signed: no .*clair-data\\.json\\.gz\\.manifest\\.json\\.sig beside its manifest`,
        ),
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('database images signed by `data image build --push --sign-key`', () => {
  const env = loadTestEnv();
  const dbRepo = `${reg.address}/${repo}-db`;
  const signedTag = `${dbRepo}:signed`;
  const created: string[] = [signedTag];
  let signedDigest = '';

  /** An image FROM `base` with labels changed (the legacy builder: a LABEL step only). */
  function relabel(base: string, tag: string, labels: Record<string, string>): string {
    created.push(tag);
    const dockerfile = `FROM ${base}\n${Object.entries(labels)
      .map(([k, v]) => `LABEL ${k}=${JSON.stringify(v)}`)
      .join('\n')}\n`;
    execFileSync('docker', ['build', '-q', '-t', tag, '-'], {
      input: dockerfile,
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return tag;
  }

  /** `docker push` with the test registry's credentials in a private config dir of the test. */
  function dockerPush(tag: string): string {
    const cfg = testTempDir('cs-e2e-signing-docker-');
    fs.writeFileSync(
      path.join(cfg, 'config.json'),
      JSON.stringify({
        auths: { [reg.address]: { auth: Buffer.from(`${reg.username}:${reg.password}`).toString('base64') } },
      }),
    );
    execFileSync('docker', ['--config', cfg, 'push', '-q', tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    fs.rmSync(cfg, { recursive: true, force: true });
    const digests = JSON.parse(docker('image', 'inspect', tag, '--format', '{{json .RepoDigests}}')) as string[];
    const pinned = digests.find((d) => d.startsWith(`${dbRepo}@`));
    expect(pinned).toMatch(/@sha256:[a-f0-9]{64}$/);
    return pinned as string;
  }

  const scanWith = (ref: string, key = publicKey) =>
    settingsFor([fixture('debian-vuln')], {
      'vuln-data': `db-image:${ref}`,
      'vuln-data-public-key': key,
      formats: 'json',
      pull: 'missing',
      ...creds,
    });

  beforeAll(async () => {
    logs = [];
    const spies = [
      jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true)),
      jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (logs.push(String(s)), true)),
    ];
    const code = await runCli(
      [
        'data',
        'image',
        'build',
        '--from',
        BUNDLE,
        '--tag',
        signedTag,
        '--push',
        '--sign-key',
        signKey,
        '--clair-image',
        env.clairImage,
        '--postgres-image',
        env.postgresImage,
        '--pull',
        'never',
      ],
      cliCreds,
    );
    spies.forEach((s) => s.mockRestore());
    const text = logs.join('');
    for (const m of text.matchAll(/^Run ([a-z0-9-]+) \(/gm)) track.add(m[1]);
    expect({ code, text: code ? text : '' }).toEqual({ code: 0, text: '' });
    signedDigest = /pushed .*@(sha256:[a-f0-9]{64})/.exec(text)?.[1] ?? '';
    expect(signedDigest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(text).toContain(`Signed ${dbRepo}@${signedDigest} with ECDSA P-256 key`);
  }, 600_000);

  afterAll(() => {
    for (const ref of created) {
      try {
        docker('rmi', '-f', ref);
      } catch {
        // already gone
      }
    }
  });

  it('signed: the scan runs exactly the verified digest and gives the findings of the JSON import', async () => {
    const outcome = await scan(scanWith(signedTag), track);
    expect(findingLines(outcome.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(outcome.result.images[0].notes ?? []).not.toContain(UNAUTHENTICATED_NOTE);
    const text = logs.join('');
    expect(text).toContain(`the database image ${signedTag}: signature by ECDSA P-256 key`);
    expect(text).toContain(`database image ${dbRepo}@${signedDigest}`);
    // Without the key: the same findings, said to be unauthenticated.
    const plain = await scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': `db-image:${signedTag}`,
        formats: 'json',
        pull: 'missing',
        ...creds,
      }),
      track,
    );
    expect(findingLines(plain.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(plain.result.images[0].notes).toContain(UNAUTHENTICATED_NOTE);
  });

  it('an unsigned image (another digest under a tag of the repository): exit 2 naming it, nothing left behind', async () => {
    const tag = relabel(signedTag, `${dbRepo}:unsigned`, { 'io.clair-scan.test': 'unsigned' });
    const pinned = dockerPush(tag);
    const settings = scanWith(tag);
    const err = await expectScanError(scan(settings, track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `the database image ${tag} is not signed: ${dbRepo} has no signature of ${pinned.split('@')[1]} (no tag ${sigTag(pinned.split('@')[1])}), and vuln-data-public-key is set`,
    );
    expect(fs.readdirSync(settings.reports.outputDir)).toEqual([]);
  });

  it("signed by the key, but its build-id label is not its database's row: exit 2 (the label ties the data to the signature)", async () => {
    const tag = relabel(signedTag, `${dbRepo}:relabeled`, {
      'io.clair-scan.data.build-id': '00000000-0000-4000-8000-000000000000',
    });
    const pinned = dockerPush(tag);
    await signArtifact(pinned, loadSigningKey(signKey), { ...auth, hosts: [reg.address] });
    const err = await expectScanError(scan(scanWith(tag), track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(`does not match the image's labels (build id `);
    expect(err.message).toContain('≠ label 00000000-0000-4000-8000-000000000000');
  });

  it('another key, and an image only the local daemon has: exit 2 saying what failed', async () => {
    const strangerPub = path.join(dir, 'stranger.pub');
    fs.writeFileSync(strangerPub, stranger.publicPem);
    let err = await expectScanError(scan(scanWith(signedTag, strangerPub), track));
    expect(err.message).toContain(
      `the database image ${signedTag} has no valid signature by vuln-data-public-key ${strangerPub}`,
    );
    const local = relabel(signedTag, `localhost/clair-scan-test/signing-db-${randomBytes(3).toString('hex')}:1`, {
      'io.clair-scan.test': 'local',
    });
    err = await expectScanError(scan(scanWith(local), track));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `the database image ${local} cannot be verified: it names no registry, and vuln-data-public-key is set`,
    );
    expect(err.hint).toContain('exists only in a local Docker daemon');
  });

  it("clair-mode: process (the image as a service at postgres-url): the signed image's build id must be the database's", async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const name = `cs-e2e-signing-svc-${randomBytes(4).toString('hex')}`;
    // As a CI service runs it: the signed image by its tag, its own entrypoint and data; nothing of clair-scan's.
    docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'host',
      signedTag,
      'postgres',
      '-c',
      'listen_addresses=127.0.0.1',
      '-p',
      String(port),
    );
    const other = relabel(signedTag, `${dbRepo}:svc-other`, {
      'io.clair-scan.data.build-id': '11111111-1111-4111-8111-111111111111',
    });
    await signArtifact(dockerPush(other), loadSigningKey(signKey), { ...auth, hosts: [reg.address] });
    const cli = (dbImage: string): Promise<{ code: number | null; out: string }> =>
      new Promise((resolve) => {
        const out = testTempDir('cs-e2e-signing-svc-out-');
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(__dirname, '../../../src/cli-entry.ts'),
            '--clair-mode',
            'process',
            '--vuln-data',
            `db-image:${dbImage}`,
            '--vuln-data-public-key',
            publicKey,
            '--formats',
            'json',
            '--output-dir',
            out,
            fixture('debian-vuln'),
          ],
          {
            env: {
              ...process.env,
              PATH: `${env.clairBin}:${process.env.PATH}`,
              CLAIR_SCAN_POSTGRES_URL: `postgres://clair:clair@127.0.0.1:${port}/clair`,
              CLAIR_SCAN_REGISTRY_USERNAME: reg.username,
              CLAIR_SCAN_REGISTRY_PASSWORD: reg.password,
              CLAIR_SCAN_REGISTRY_HOST: reg.address,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let text = '';
        child.stdout.on('data', (c) => (text += c));
        child.stderr.on('data', (c) => (text += c));
        child.on('exit', (code) => {
          const run = /Run ([a-z0-9-]+) \(/.exec(text)?.[1];
          if (run) track.add(run);
          resolve({ code, out: text });
        });
      });
    try {
      for (let i = 0; i < 120; i++) {
        try {
          docker(
            'exec',
            '-u',
            'postgres',
            name,
            'psql',
            '-X',
            '-q',
            '-At',
            '-p',
            String(port),
            '-U',
            'clair',
            '-d',
            'clair',
            '-c',
            'SELECT 1',
          );
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      const good = await cli(signedTag);
      expect({ code: good.code, out: good.code === 1 ? '' : good.out }).toEqual({ code: 1, out: '' }); // Critical findings: the gate fails
      expect(good.out).toContain(`the database image ${signedTag}: signature by ECDSA P-256 key`);
      const bad = await cli(other);
      expect(bad.code).toBe(2);
      expect(bad.out).toContain(`is not the signed database image ${dbRepo}@`);
      expect(bad.out).toContain("the signed image's label says 11111111-1111-4111-8111-111111111111");
    } finally {
      docker('rm', '-f', '-v', name);
    }
  });
});

describe("the action's online-data cache with vuln-data-public-key", () => {
  const env = loadTestEnv();
  let server: CacheServer;
  let source: FakeDebianSource;
  let runnerTemp: string;
  const saved: Record<string, string | undefined> = {};

  beforeEach(async () => {
    server = new CacheServer();
    await server.start();
    runnerTemp = testTempDir('cs-e2e-signing-cache-');
    for (const [k, v] of Object.entries({ ...server.env(), RUNNER_TEMP: runnerTemp, GITHUB_WORKSPACE: runnerTemp })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    useDataCache(githubDataCache());
    source = await startFakeDebianSource({
      tracker: {
        zlib: {
          'CVE-2098-0002': {
            description: 'FAKE: zlib, no fix',
            releases: { bookworm: { status: 'open', urgency: 'unimportant' } },
          },
        },
      },
    });
  });
  afterEach(async () => {
    useDataCache(undefined);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await source.close();
    await server.stop();
    expect(server.problems).toEqual([]);
    expect(fs.existsSync(cacheDir({ RUNNER_TEMP: runnerTemp }))).toBe(false);
  });

  /** Today's entry as a publisher would seed it: the fixture bundle, signed by `key` (or not). */
  async function seed(sign: 'signer' | 'stranger' | 'none'): Promise<string> {
    const d = cacheDir();
    const bundle = path.join(d, 'clair-data.json.zst');
    await writeSnapshot(Readable.from([execFileSync('zstd', ['-q', '-c', BUNDLE])]), bundle, {
      updaterSets: ['debian'],
      clairVersion: env.clairVersion,
    });
    if (sign !== 'none') {
      const keyFile = path.join(dir, `${sign}.key`);
      fs.writeFileSync(keyFile, (sign === 'signer' ? signer : stranger).privatePem);
      const { signManifestFile, loadSigningKey } = await import('../../../src/data/signing');
      await signManifestFile(manifestPathFor(bundle), loadSigningKey(keyFile));
    }
    const key = cacheKey(env.clairVersion, ['debian']);
    expect(await actionsCache.saveCache([d], key)).toBeGreaterThan(0);
    fs.rmSync(d, { recursive: true, force: true });
    server.requests.length = 0;
    return key;
  }

  const onlineScan = () => {
    const cfg = path.join(runnerTemp, 'clair.json');
    fs.writeFileSync(cfg, JSON.stringify(source.clairConfig()));
    return scan(
      settingsFor([fixture('debian-vuln')], {
        'vuln-data': 'online',
        'clair-config': cfg,
        'vuln-data-public-key': publicKey,
        formats: 'json',
        fail: 'false',
      }),
      track,
    );
  };
  const trackerFetches = () => source.requests.filter((r) => r.path === '/tracker/data/json').length;

  it('a signed entry is used instead of the updaters, and nothing is said about authenticity', async () => {
    const key = await seed('signer');
    const used = await onlineScan();
    expect(findingLines(used.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(trackerFetches()).toBe(0);
    expect(used.result.images[0].notes ?? []).not.toContain(UNAUTHENTICATED_NOTE);
    expect(logs.join('')).toContain(`cache entry ${key}: manifest signature by ECDSA P-256 key`);
  });

  it("an unsigned entry is passed over: Clair's updaters run, and their data is not saved (this run cannot sign it)", async () => {
    const key = await seed('none');
    const fresh = await onlineScan();
    expect(findingLines(fresh.result.images[0])).toEqual(['CVE-2098-0002 zlib1g 1:1.2.13.dfsg-1 Low -']);
    expect(trackerFetches()).toBe(1);
    expect(logs.join('')).toContain(
      `The cached vulnerability data ${key} is not signed, and vuln-data-public-key is set: Clair's updaters will run instead.`,
    );
    expect(server.requests.map((r) => r.op)).toEqual(['GetCacheEntryDownloadURL', 'blob-get']); // nothing saved
  });

  it('an entry signed by another key: exit 2 naming the entry', async () => {
    const key = await seed('stranger');
    const err = await expectScanError(onlineScan());
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(`cache entry ${key}: the signature `);
    expect(err.message).toContain(`does not verify with vuln-data-public-key ${publicKey}`);
  });
});
