/**
 * Security: required-base-image with base-image-public-key. Cosign-compatible simple-signing signatures made here
 * with node:crypto: the payload/signature check (good, another key, another digest, tampered payload, malformed),
 * the signature manifest, and the whole check against a registry on 127.0.0.1 (fake-registry.ts): signed, unsigned,
 * signed index of a multi-platform tag, credentials, an erroring registry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveFromRegistry, type RegistryAuth } from '../../../src/image/registry';
import { requiredBaseImage } from '../../../src/policy/compliance/base-image';
import {
  loadSignatureKey,
  verifySignatureManifest,
  verifySimpleSigning,
  signatureTag,
} from '../../../src/policy/compliance/signature';
import { validatePolicy } from '../../../src/policy';
import type { ResolvedImage } from '../../../src/image/types';
import type { Settings } from '../../../src/inputs/settings';
import {
  makeKeyPair,
  sha256,
  signatureArtifact,
  signPayload,
  simpleSigningPayload,
  sigTag,
  type SignatureArtifact,
} from '../../helpers/cosign';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';
import { expectScanError } from '../../helpers/errors';
import { FakeRegistry, makeImage } from './fake-registry';

const dir = testTempDir('clair-scan-sec-sig-');
afterAll(() => removeTestTempDirs());

const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;
const signer = makeKeyPair('ec');
const stranger = makeKeyPair('ec');

function keyFile(pem: string, name = `k${Math.random().toString(36).slice(2)}.pub`): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, pem);
  return f;
}
const KEY = loadSignatureKey(keyFile(signer.publicPem, 'cosign.pub'));

describe('loadSignatureKey', () => {
  it('reads cosign-style PEM public keys: ECDSA P-256, Ed25519, RSA', () => {
    expect(KEY.kind).toBe('ECDSA P-256');
    expect(KEY.fingerprint).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(loadSignatureKey(keyFile(makeKeyPair('ed25519').publicPem)).kind).toBe('Ed25519');
    expect(loadSignatureKey(keyFile(makeKeyPair('rsa').publicPem)).kind).toBe('RSA 2048');
  });

  it('refuses a private key, a non-key, a weak RSA key and a missing file, naming the file', async () => {
    const priv = keyFile(signer.privatePem);
    let err = await expectScanError(Promise.resolve().then(() => loadSignatureKey(priv)));
    expect(err.message).toBe(`base-image-public-key ${priv} is a private key`);
    expect(err.hint).toContain('never the private key');
    const junk = keyFile('-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n');
    err = await expectScanError(Promise.resolve().then(() => loadSignatureKey(junk)));
    expect(err.message).toMatch(new RegExp(`^base-image-public-key ${junk} is not a valid PEM public key`));
    const text = keyFile('hello');
    err = await expectScanError(Promise.resolve().then(() => loadSignatureKey(text)));
    expect(err.message).toContain('is not a PEM public key');
    const weak = keyFile(makeKeyPair('rsa', { rsaBits: 1024 }).publicPem);
    err = await expectScanError(Promise.resolve().then(() => loadSignatureKey(weak)));
    expect(err.message).toContain('is an RSA key of 1024 bits');
    err = await expectScanError(Promise.resolve().then(() => loadSignatureKey(path.join(dir, 'absent.pub'))));
    expect(err.message).toContain('cannot be read');
  });
});

describe('verifySimpleSigning: one payload and its signature', () => {
  const payload = simpleSigningPayload('registry.example/base', DIGEST);

  it('good: signed by the key, over the digest', () => {
    expect(verifySimpleSigning(payload, signPayload(payload, signer.privateKey), KEY, DIGEST)).toEqual({ ok: true });
  });

  it('Ed25519 and RSA keys verify too', () => {
    for (const kind of ['ed25519', 'rsa'] as const) {
      const kp = makeKeyPair(kind);
      expect(
        verifySimpleSigning(
          payload,
          signPayload(payload, kp.privateKey),
          loadSignatureKey(keyFile(kp.publicPem)),
          DIGEST,
        ),
      ).toEqual({ ok: true });
    }
  });

  it('another key: does not verify, and says so with the key file and fingerprint', () => {
    const v = verifySimpleSigning(payload, signPayload(payload, stranger.privateKey), KEY, DIGEST);
    expect(v).toEqual({
      ok: false,
      problem: 'key',
      reason: expect.stringContaining(
        `does not verify with the public key ${KEY.file} (ECDSA P-256, ${KEY.fingerprint})`,
      ),
    });
  });

  it('another digest: a valid signature of another image is not one of this image', () => {
    const of = simpleSigningPayload('registry.example/base', OTHER);
    const v = verifySimpleSigning(of, signPayload(of, signer.privateKey), KEY, DIGEST);
    expect(v).toEqual({
      ok: false,
      problem: 'digest',
      reason: `it is a valid signature by the key, but of ${OTHER}, not of ${DIGEST}`,
    });
  });

  it('tampered payload: the digest swapped after signing fails the signature', () => {
    const sig = signPayload(simpleSigningPayload('registry.example/base', OTHER), signer.privateKey);
    const v = verifySimpleSigning(payload, sig, KEY, DIGEST);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problem).toBe('key');
    // One byte appended (whitespace, still valid JSON) is tampering too.
    const good = signPayload(payload, signer.privateKey);
    expect(verifySimpleSigning(Buffer.concat([payload, Buffer.from(' ')]), good, KEY, DIGEST).ok).toBe(false);
  });

  it('malformed: no signature, not base64, not DER, signed payload that is not a cosign payload', () => {
    expect(verifySimpleSigning(payload, undefined, KEY, DIGEST)).toMatchObject({ ok: false, problem: 'malformed' });
    expect(verifySimpleSigning(payload, '%%%not base64%%%', KEY, DIGEST)).toMatchObject({
      ok: false,
      problem: 'malformed',
      reason: expect.stringContaining('not base64'),
    });
    expect(
      verifySimpleSigning(payload, Buffer.from('not a DER signature').toString('base64'), KEY, DIGEST),
    ).toMatchObject({ ok: false, problem: 'key' });
    const notJson = Buffer.from('not json');
    expect(verifySimpleSigning(notJson, signPayload(notJson, signer.privateKey), KEY, DIGEST)).toEqual({
      ok: false,
      problem: 'malformed',
      reason: 'its signed payload is not JSON',
    });
    const wrongType = Buffer.from(
      JSON.stringify({
        critical: {
          identity: { 'docker-reference': 'x' },
          image: { 'docker-manifest-digest': DIGEST },
          type: 'atomic container signature',
        },
      }),
    );
    expect(verifySimpleSigning(wrongType, signPayload(wrongType, signer.privateKey), KEY, DIGEST)).toMatchObject({
      ok: false,
      problem: 'malformed',
      reason: expect.stringContaining('is not a "cosign container image signature"'),
    });
    const noDigest = Buffer.from(
      JSON.stringify({ critical: { identity: {}, image: {}, type: 'cosign container image signature' } }),
    );
    expect(verifySimpleSigning(noDigest, signPayload(noDigest, signer.privateKey), KEY, DIGEST)).toMatchObject({
      ok: false,
      problem: 'malformed',
      reason: expect.stringContaining('names no sha256 digest'),
    });
  });
});

describe('verifySignatureManifest: the .sig tag content', () => {
  const payload = simpleSigningPayload('registry.example/base', DIGEST);
  const reader = (a: SignatureArtifact) => async (d: string) => a.blobs.get(d);

  it('valid when any signature is valid (cosign appends one layer per signing)', async () => {
    const other = simpleSigningPayload('registry.example/base', DIGEST, { by: 'someone else' });
    const a = signatureArtifact([
      { payload: other, signature: signPayload(other, stranger.privateKey) },
      { payload, signature: signPayload(payload, signer.privateKey) },
    ]);
    expect(await verifySignatureManifest(a.manifest, reader(a), KEY, DIGEST)).toEqual({ ok: true });
  });

  it('every signature bad: the reasons of each, the most telling problem first', async () => {
    const of = simpleSigningPayload('registry.example/base', OTHER);
    const a = signatureArtifact([
      { payload, signature: signPayload(payload, stranger.privateKey) },
      { payload: of, signature: signPayload(of, signer.privateKey) },
    ]);
    const v = await verifySignatureManifest(a.manifest, reader(a), KEY, DIGEST);
    expect(v).toMatchObject({ ok: false, problem: 'digest' });
    expect(!v.ok && v.reason).toMatch(
      /^signature 1 of 2: its signature does not verify .*; signature 2 of 2: it is a valid signature by the key, but of sha256:b+, not of sha256:a+$/,
    );
  });

  it('malformed manifests: not JSON, no layers, no simple-signing layer, no annotation, payload missing', async () => {
    const none = async (): Promise<undefined> => undefined;
    expect(await verifySignatureManifest(Buffer.from('{'), none, KEY, DIGEST)).toEqual({
      ok: false,
      problem: 'malformed',
      reason: 'the signature manifest is not JSON',
    });
    expect(await verifySignatureManifest(Buffer.from('{"schemaVersion":2}'), none, KEY, DIGEST)).toEqual({
      ok: false,
      problem: 'malformed',
      reason: 'the signature manifest has no layers',
    });
    const wrongType = signatureArtifact([
      { payload, signature: signPayload(payload, signer.privateKey), mediaType: 'application/octet-stream' },
    ]);
    expect(await verifySignatureManifest(wrongType.manifest, reader(wrongType), KEY, DIGEST)).toMatchObject({
      problem: 'malformed',
      reason: 'the signature manifest has no application/vnd.dev.cosign.simplesigning.v1+json layer',
    });
    const unsigned = signatureArtifact([{ payload }]);
    expect(await verifySignatureManifest(unsigned.manifest, reader(unsigned), KEY, DIGEST)).toMatchObject({
      problem: 'malformed',
      reason: 'it has no "dev.cosignproject.cosign/signature" annotation',
    });
    const ok = signatureArtifact([{ payload, signature: signPayload(payload, signer.privateKey) }]);
    expect(await verifySignatureManifest(ok.manifest, none, KEY, DIGEST)).toMatchObject({
      problem: 'malformed',
      reason: `its payload blob ${sha256(payload)} is not in the registry`,
    });
  });
});

describe('required-base-image with base-image-public-key, against a registry', () => {
  let reg: FakeRegistry;
  let auth: RegistryAuth;
  const resolve = (ref: string): Promise<ResolvedImage> => resolveFromRegistry(ref.replace(/^registry:/, ''), auth);
  const resolvedAs: string[] = [];
  const recording = (ref: string): Promise<ResolvedImage> => (resolvedAs.push(ref), resolve(ref));

  beforeEach(async () => {
    reg = await new FakeRegistry(await makeImage()).start();
    auth = { insecure: false };
  });
  afterEach(() => reg.stop());

  /** Stores `a` as the signatures of `digest` (manifest under the .sig tag, blobs by digest). */
  function store(digest: string, a: SignatureArtifact): void {
    reg.overrides.set(`/v2/team/app/manifests/${sigTag(digest)}`, {
      body: a.manifest,
      headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    });
    for (const [d, b] of a.blobs)
      reg.overrides.set(`/v2/team/app/blobs/${d}`, {
        body: b,
        headers: { 'content-type': 'application/octet-stream' },
      });
  }
  function signed(digest: string, key = signer.privateKey, over = digest): SignatureArtifact {
    const p = simpleSigningPayload(`${reg.host}/team/app`, over);
    return signatureArtifact([{ payload: p, signature: signPayload(p, key) }]);
  }

  it('signed by the key: no finding; the base was read from its registry and the signature tag looked up', async () => {
    const base = `${reg.host}/team/app:1.0`;
    store(reg.image.manifestDigest, signed(reg.image.manifestDigest));
    const img = await resolve(base);
    resolvedAs.length = 0;
    expect(await requiredBaseImage(img, base, recording, { publicKey: KEY, registry: auth })).toEqual([]);
    expect(resolvedAs).toEqual([`registry:${base}`]);
    expect(reg.seen.map((s) => s.path)).toContain(`/v2/team/app/manifests/${signatureTag(reg.image.manifestDigest)}`);
  });

  it('unsigned, another key, another digest, tampered: one High finding each, saying why', async () => {
    const base = `${reg.host}/team/app:1.0`;
    const d = reg.image.manifestDigest;
    const img = await resolve(base);
    const check = async () => {
      const f = await requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: auth });
      expect(f.map((x) => [x.rule, x.severity])).toEqual([['required-base-image/signature', 'High']]);
      expect(f[0].key).toBe(`${img.info.name}|required-base-image/signature|${base}`);
      expect(f[0].message).toContain(
        `The required base image ${base} (${d}) is not signed by the public key ${KEY.file} (ECDSA P-256, ${KEY.fingerprint}): `,
      );
      return f[0];
    };
    let f = await check();
    expect(f.title).toBe(`Base image ${base} is not signed`);
    expect(f.message).toContain(`${reg.host}/team/app has no signature of ${d} (no tag ${sigTag(d)})`);

    store(d, signed(d, stranger.privateKey));
    f = await check();
    expect(f.title).toBe(`Base image ${base} has no valid signature by the required key`);
    expect(f.message).toContain(
      `${reg.host}/team/app:${sigTag(d)} holds no valid signature of ${d}: its signature does not verify with the public key`,
    );

    store(d, signed(d, signer.privateKey, OTHER));
    f = await check();
    expect(f.message).toContain(`it is a valid signature by the key, but of ${OTHER}, not of ${d}`);

    const a = signed(d);
    const [payloadDigest] = [...a.blobs.keys()];
    const tampered = Buffer.from(a.blobs.get(payloadDigest)!.toString().replace('team/app', 'team/evil'));
    const t = signatureArtifact([
      {
        payload: tampered,
        signature: JSON.parse(a.manifest.toString()).layers[0].annotations['dev.cosignproject.cosign/signature'],
      },
    ]);
    store(d, t);
    f = await check();
    expect(f.message).toContain('its signature does not verify with the public key');

    reg.overrides.set(`/v2/team/app/manifests/${sigTag(d)}`, { body: Buffer.from('<html>not a manifest') });
    f = await check();
    expect(f.message).toContain('the signature manifest is not JSON');
  });

  it('a multi-platform tag: the signature of the index that lists the compared manifest counts', async () => {
    const d = reg.image.manifestDigest;
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: d,
            size: reg.image.manifest.length,
            platform: { os: 'linux', architecture: process.arch === 'arm64' ? 'arm64' : 'amd64' },
          },
        ],
      }),
    );
    reg.overrides.set('/v2/team/app/manifests/multi', {
      body: index,
      headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
    });
    const base = `${reg.host}/team/app:multi`;
    const img = await resolve(base);
    expect(img.info.manifestDigest).toBe(d);
    const unsigned = await requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: auth });
    expect(unsigned[0].message).toContain(`no tag ${sigTag(sha256(index))}`);
    store(sha256(index), signed(sha256(index)));
    expect(await requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: auth })).toEqual([]);

    // The tag moves between reading the base and looking up its signature: the new index (signed, but listing
    // another manifest) does not vouch for the manifest whose layers were compared.
    const moved = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [{ digest: OTHER, platform: { os: 'linux', architecture: 'amd64' } }],
      }),
    );
    store(sha256(moved), signed(sha256(moved)));
    const thenMove = async (ref: string): Promise<ResolvedImage> => {
      const r = await resolve(ref);
      reg.overrides.set('/v2/team/app/manifests/multi', {
        body: moved,
        headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
      });
      return r;
    };
    const f = await requiredBaseImage(img, base, thenMove, { publicKey: KEY, registry: auth });
    expect(f.map((x) => x.rule)).toEqual(['required-base-image/signature']);
    expect(f[0].message).toContain(`no tag ${sigTag(d)}`);
    expect(f[0].message).not.toContain(sigTag(sha256(moved)));
  });

  it("the signature is read with the same host-bound credentials after the registry's challenge", async () => {
    reg.auth = { kind: 'basic', user: 'u', password: 'p' };
    auth = { username: 'u', password: 'p', insecure: false, hosts: [reg.host] };
    const d = reg.image.manifestDigest;
    store(d, signed(d));
    const base = `${reg.host}/team/app:1.0`;
    const img = await resolve(base);
    expect(await requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: auth })).toEqual([]);
    const sigReqs = reg.seen.filter((s) => s.path.includes('.sig'));
    // Sent only after the challenge: each client's first request (the tag's manifest: the scanned image, the base,
    // the signature lookup) went without.
    expect(reg.seen[0].authorization).toBeUndefined();
    expect(reg.seen.filter((s) => s.path === '/v2/team/app/manifests/1.0' && !s.authorization)).toHaveLength(3);
    expect(sigReqs.length).toBeGreaterThan(0);
    for (const r of sigReqs) expect(r.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    // Credentials bound elsewhere are not sent for the signature either: the registry refuses, an error (exit 2).
    const err = await expectScanError(
      requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: { ...auth, hosts: ['other.example'] } }),
    );
    expect(err.message).toBe(`the registry ${reg.host} refused access to team/app`);
  });

  it('a registry that fails on the signature tag or cannot be reached is an error naming it, not a finding', async () => {
    const d = reg.image.manifestDigest;
    reg.overrides.set(`/v2/team/app/manifests/${sigTag(d)}`, { status: 500, body: Buffer.from('boom') });
    const base = `${reg.host}/team/app:1.0`;
    const img = await resolve(base);
    let err = await expectScanError(requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: auth }));
    expect(err.message).toBe(
      `the registry ${reg.host} answered HTTP 500 for the signature ${reg.host}/team/app:${sigTag(d)}`,
    );
    await reg.stop();
    err = await expectScanError(requiredBaseImage(img, base, resolve, { publicKey: KEY, registry: auth }));
    expect(err.message).toMatch(new RegExp(`^cannot reach the registry ${reg.host.replace(/\./g, '\\.')}`));
  });

  it('a base from the daemon or an archive cannot carry a signature: an error', async () => {
    const img = await resolve(`${reg.host}/team/app:1.0`);
    const err = await expectScanError(requiredBaseImage(img, 'docker:debian:12', resolve, { publicKey: KEY }));
    expect(err.message).toContain('base-image-public-key needs the base image from its registry');
  });
});

describe('validatePolicy', () => {
  const pol = (over: Partial<Settings['policy']>): Settings['policy'] => ({
    ignoreUnfixed: false,
    fail: true,
    allowlists: [],
    checkNonRoot: false,
    checkSecrets: false,
    ...over,
  });

  it('a key without required-base-image, or a bad key file, fails before the scan', async () => {
    let err = await expectScanError(validatePolicy(pol({ baseImagePublicKey: KEY.file })));
    expect(err.message).toContain('base-image-public-key is set but required-base-image is not');
    err = await expectScanError(
      validatePolicy(pol({ requiredBaseImage: 'r.example/base:1', baseImagePublicKey: keyFile(signer.privatePem) })),
    );
    expect(err.message).toContain('is a private key');
    await validatePolicy(pol({ requiredBaseImage: 'r.example/base:1', baseImagePublicKey: KEY.file }));
  });
});
