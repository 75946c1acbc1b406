/**
 * required-base-image with base-image-public-key, end to end: the fixture base image pushed to the real test
 * registry (htpasswd Basic auth), a cosign-style simple-signing signature made here with a key pair made here and
 * pushed under `sha256-<digest>.sig` through our registry client, then full scans (ephemeral Clair + PostgreSQL,
 * fixture data) of localhost/clair-scan-fixture/derived:1 with the base and the public key as a user gives them.
 * Each case has its own repository, so the cases do not depend on each other's order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { RegistryClient, resolveFromRegistry, type RegistryAuth } from '../../../src/image/registry';
import { parseReference } from '../../../src/image/reference';
import { scan, type ScanOutcome } from '../../../src/scan';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import {
  makeKeyPair,
  sha256,
  signatureArtifact,
  signPayload,
  simpleSigningPayload,
  sigTag,
} from '../../helpers/cosign';
import { expectScanError, fixture, settingsFor } from '../scan/helpers';
import { trackRuns } from '../../helpers/runs';

const env = loadTestEnv();
const REG = env.registry.address;
const FIXTURE_BASE = fixture('base');
const DERIVED = fixture('derived');
const AUTH: RegistryAuth = {
  username: env.registry.username,
  password: env.registry.password,
  insecure: false,
  hosts: [REG],
};

// A private Docker CLI config for `docker login`/`push`; removed with the file's temp dirs.
const cliConfig = testTempDir('clair-scan-e2e-signed-docker-');
const docker = (...args: string[]): string =>
  execFileSync('docker', ['--config', cliConfig, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    input: args[0] === 'login' ? env.registry.password : undefined,
  }).trim();

const keys = testTempDir('clair-scan-e2e-signed-keys-');
const signer = makeKeyPair('ec');
const stranger = makeKeyPair('ec');
const SIGNER_PUB = path.join(keys, 'cosign.pub');
const STRANGER_PUB = path.join(keys, 'other.pub');
fs.writeFileSync(SIGNER_PUB, signer.publicPem);
fs.writeFileSync(STRANGER_PUB, stranger.publicPem);

const tagged: string[] = [];
const track = trackRuns();

/** Pushes the fixture base image as `REG/<repo>:1`; returns the reference and the manifest digest the registry has. */
async function pushBase(repo: string): Promise<{ ref: string; digest: string }> {
  const ref = `${REG}/${repo}:1`;
  docker('tag', FIXTURE_BASE, ref);
  tagged.push(ref);
  docker('push', ref);
  const img = await resolveFromRegistry(ref, AUTH);
  await img.close();
  return { ref, digest: img.info.manifestDigest };
}

/** Stores signature layers for `digest` in `repo` the way cosign does: blobs, then the manifest under the .sig tag. */
async function pushSignature(
  repo: string,
  digest: string,
  layers: { payload: Buffer; signature: string }[],
): Promise<void> {
  const ref = parseReference(`${REG}/${repo}:x`)!;
  const c = new RegistryClient(ref, AUTH);
  const a = signatureArtifact(layers);
  for (const [d, data] of a.blobs) {
    const start = await c.request('POST', `/v2/${repo}/blobs/uploads/`, { headers: { 'content-length': '0' } });
    await start.body.dump();
    expect(start.statusCode).toBe(202);
    const url = new URL(String(start.headers.location), env.registry.url);
    url.searchParams.set('digest', d);
    const put = await c.request('PUT', url.toString(), {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(data.length) },
      body: data,
    });
    await put.body.dump();
    expect(put.statusCode).toBe(201);
  }
  const put = await c.request('PUT', `/v2/${repo}/manifests/${sigTag(digest)}`, {
    headers: {
      'content-type': 'application/vnd.oci.image.manifest.v1+json',
      'content-length': String(a.manifest.length),
    },
    body: a.manifest,
  });
  await put.body.dump();
  expect(put.statusCode).toBe(201);
}

function signedBy(repo: string, digest: string, key = signer.privateKey): { payload: Buffer; signature: string } {
  const payload = simpleSigningPayload(`${REG}/${repo}`, digest);
  return { payload, signature: signPayload(payload, key) };
}

function run(base: string, publicKey: string, over: Record<string, string> = {}): Promise<ScanOutcome> {
  const settings = settingsFor([DERIVED], {
    'severity-threshold': 'none',
    'required-base-image': base,
    'base-image-public-key': publicKey,
    'registry-username': env.registry.username,
    'registry-password': env.registry.password,
    'registry-host': REG,
    formats: 'json',
    ...over,
  });
  return scan(settings, track);
}

beforeAll(() => {
  docker('login', '-u', env.registry.username, '--password-stdin', REG);
});

afterAll(() => {
  for (const ref of tagged) docker('rmi', ref);
  docker('logout', REG);
});

describe('required-base-image + base-image-public-key on derived:1 (FROM base:1)', () => {
  it('signed by the key over the pushed digest: passes', async () => {
    const { ref, digest } = await pushBase('signed/base');
    await pushSignature('signed/base', digest, [signedBy('signed/base', digest)]);
    const o = await run(ref, SIGNER_PUB);
    expect(o.result.images[0].compliance).toEqual([]);
    expect(o.exitCode).toBe(0);
    expect(o.result.verdict?.status).toBe('pass');
    expect(o.result.verdict?.rules).toEqual([`required-base-image: ${ref}, signed by the key in ${SIGNER_PUB}`]);
  });

  it('the same signature checked with another public key: a required-base-image/signature finding, exit 1', async () => {
    const { ref, digest } = await pushBase('signed/other-key');
    await pushSignature('signed/other-key', digest, [signedBy('signed/other-key', digest)]);
    const o = await run(ref, STRANGER_PUB);
    const c = o.result.images[0].compliance;
    expect(c.map((f) => [f.rule, f.severity, f.title])).toEqual([
      ['required-base-image/signature', 'High', `Base image ${ref} has no valid signature by the required key`],
    ]);
    expect(c[0].message).toContain(
      `The required base image ${ref} (${digest}) is not signed by the public key ${STRANGER_PUB} (ECDSA P-256, sha256:`,
    );
    expect(c[0].message).toContain(
      `${REG}/signed/other-key:${sigTag(digest)} holds no valid signature of ${digest}: its signature does not verify with the public key ${STRANGER_PUB}`,
    );
    expect(o.exitCode).toBe(1);
    expect(o.result.verdict?.reasons).toEqual([
      `1 compliance finding (required-base-image: ${ref}, signed by the key in ${STRANGER_PUB}): required-base-image/signature in ${DERIVED}`,
    ]);
  });

  it('unsigned base: a finding that says there is no signature tag', async () => {
    const { ref, digest } = await pushBase('signed/unsigned');
    const o = await run(ref, SIGNER_PUB);
    const c = o.result.images[0].compliance;
    expect(c.map((f) => [f.rule, f.title])).toEqual([
      ['required-base-image/signature', `Base image ${ref} is not signed`],
    ]);
    expect(c[0].message).toContain(`${REG}/signed/unsigned has no signature of ${digest} (no tag ${sigTag(digest)})`);
    expect(o.exitCode).toBe(1);
  });

  it('tampered payload (changed after signing) and a signature of another digest: findings', async () => {
    const { ref, digest } = await pushBase('signed/tampered');
    const good = signedBy('signed/tampered', digest);
    const tampered = Buffer.from(
      good.payload.toString('utf8').replace('"optional":null', '"optional":{"approved":"yes"}'),
    );
    expect(tampered.equals(good.payload)).toBe(false);
    const other = `sha256:${'0'.repeat(64)}`;
    await pushSignature('signed/tampered', digest, [
      { payload: tampered, signature: good.signature },
      signedBy('signed/tampered', other),
    ]);
    const o = await run(ref, SIGNER_PUB);
    const c = o.result.images[0].compliance;
    expect(c.map((f) => f.rule)).toEqual(['required-base-image/signature']);
    expect(c[0].message).toContain('signature 1 of 2: its signature does not verify with the public key');
    expect(c[0].message).toContain(
      `signature 2 of 2: it is a valid signature by the key, but of ${other}, not of ${digest}`,
    );
    expect(sha256(tampered)).not.toBe(sha256(good.payload));
    expect(o.exitCode).toBe(1);
  });

  it('an unreachable base registry is an error (exit 2) naming it', async () => {
    const err = await expectScanError(run('127.0.0.1:9/signed/base:1', SIGNER_PUB));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('127.0.0.1:9');
  });
});
