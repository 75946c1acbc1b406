/**
 * Signed vulnerability data (src/data/signing.ts): signing keys in every accepted form, signatures that the shared
 * cosign verifier (image/cosign.ts) accepts — EC, Ed25519, RSA — and refuses (tampered payload, another key, another
 * digest), and the detached manifest signature of snapshot files. The registry side runs against the real test
 * registry in __tests__/e2e/data/signing.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomBytes, scryptSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { pickCachedSnapshot } from '../../../src/data/cache';
import { manifestPathFor, writeSnapshot } from '../../../src/data/snapshot';
import * as fs from 'node:fs';
import * as path from 'node:path';
import nacl from 'tweetnacl';
import {
  loadDataPublicKey,
  loadSigningKey,
  manifestSignaturePathFor,
  openSignedSnapshot,
  publicKeyOf,
  signBytes,
  signManifestFile,
  simpleSigningPayload,
  verifyManifestBytes,
} from '../../../src/data/signing';
import { verifyBlobSignature, verifySimpleSigning } from '../../../src/image/cosign';
import { parseSettings } from '../../../src/inputs/settings';
import { makeKeyPair, simpleSigningPayload as helperPayload } from '../../helpers/cosign';
import { expectScanError } from '../../helpers/errors';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

const dir = testTempDir('clair-scan-signing-');
afterAll(() => removeTestTempDirs());

const DIGEST = `sha256:${'c'.repeat(64)}`;
const OTHER = `sha256:${'d'.repeat(64)}`;
let n = 0;
function file(content: string | Buffer, name = `f${n++}`): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
}

/**
 * cosign's `ENCRYPTED SIGSTORE PRIVATE KEY` as `cosign generate-key-pair` writes it (go-securesystemslib's
 * encrypted envelope: scrypt N=32768 r=8 p=1, nacl secretbox, the PKCS#8 DER inside), made here with node:crypto's
 * scrypt and tweetnacl.
 */
function cosignEncryptedKey(pkcs8Der: Buffer, password: string, N = 32768): string {
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const key = scryptSync(password, salt, 32, { N, r: 8, p: 1, maxmem: 256 * N * 8 });
  const envelope = {
    kdf: { name: 'scrypt', params: { N, r: 8, p: 1 }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(nacl.secretbox(pkcs8Der, nonce, key)).toString('base64'),
  };
  const b64 = Buffer.from(JSON.stringify(envelope)).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${b64}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n`;
}

describe('loadSigningKey', () => {
  it("reads PKCS#8 EC P-256 (cosign's default kind), Ed25519 and RSA keys, with the verifier's fingerprint", () => {
    for (const [kind, want] of [
      ['ec', 'ECDSA P-256'],
      ['ed25519', 'Ed25519'],
      ['rsa', 'RSA 2048'],
    ] as const) {
      const kp = makeKeyPair(kind);
      const k = loadSigningKey(file(kp.privatePem));
      expect(k.kind).toBe(want);
      expect(k.fingerprint).toBe(loadDataPublicKey(kp.publicPem).fingerprint);
    }
  });

  it('reads a SEC1 "EC PRIVATE KEY" and an encrypted PKCS#8 key with COSIGN_PASSWORD', () => {
    const kp = makeKeyPair('ec');
    const sec1 = kp.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    expect(loadSigningKey(file(sec1)).kind).toBe('ECDSA P-256');
    const enc = kp.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    const f = file(enc);
    expect(loadSigningKey(f, { COSIGN_PASSWORD: 'pw' }).fingerprint).toBe(loadDataPublicKey(kp.publicPem).fingerprint);
  });

  it("opens cosign's own encrypted key with COSIGN_PASSWORD, and refuses a wrong or missing password", async () => {
    const kp = makeKeyPair('ec');
    const der = kp.privateKey.export({ type: 'pkcs8', format: 'der' });
    const f = file(cosignEncryptedKey(der, 'correct horse'), 'cosign.key');
    const k = loadSigningKey(f, { COSIGN_PASSWORD: 'correct horse' });
    expect(k.kind).toBe('ECDSA P-256');
    const payload = simpleSigningPayload('r.example/a', DIGEST);
    expect(verifySimpleSigning(payload, signBytes(payload, k), loadDataPublicKey(kp.publicPem), DIGEST)).toEqual({
      ok: true,
    });

    let err = await expectScanError(Promise.resolve().then(() => loadSigningKey(f, { COSIGN_PASSWORD: 'wrong' })));
    expect(err.message).toBe(`--sign-key ${f} cannot be decrypted: the password in COSIGN_PASSWORD is wrong`);
    err = await expectScanError(Promise.resolve().then(() => loadSigningKey(f, {})));
    expect(err.message).toBe(`--sign-key ${f} is encrypted and COSIGN_PASSWORD is not set`);
    expect(err.hint).toContain('COSIGN_PASSWORD');
  });

  it('refuses cosign key files with absurd scrypt costs before deriving anything', async () => {
    const kp = makeKeyPair('ec');
    const good = cosignEncryptedKey(kp.privateKey.export({ type: 'pkcs8', format: 'der' }), 'x', 1024);
    const body = JSON.parse(Buffer.from(good.split('\n').slice(1, -2).join(''), 'base64').toString()) as {
      kdf: { params: { N: number } };
    };
    body.kdf.params.N = 1 << 30;
    const f = file(
      `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${Buffer.from(JSON.stringify(body)).toString('base64')}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n`,
    );
    const err = await expectScanError(Promise.resolve().then(() => loadSigningKey(f, { COSIGN_PASSWORD: 'x' })));
    expect(err.message).toContain('has scrypt parameters out of range (N 1073741824');
  });

  it('refuses a public key, a non-key, a weak RSA key and a missing file, naming the file and never its content', async () => {
    const kp = makeKeyPair('ec');
    const pub = file(kp.publicPem);
    let err = await expectScanError(Promise.resolve().then(() => loadSigningKey(pub)));
    expect(err.message).toBe(`--sign-key ${pub} is a public key`);
    const junk = file('-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
    err = await expectScanError(Promise.resolve().then(() => loadSigningKey(junk)));
    expect(err.message).toMatch(new RegExp(`^--sign-key ${junk} is not a usable PEM private key`));
    expect(`${err.message} ${err.hint}`).not.toContain('bm90IGEga2V5');
    const weak = file(makeKeyPair('rsa', { rsaBits: 1024 }).privatePem);
    err = await expectScanError(Promise.resolve().then(() => loadSigningKey(weak)));
    expect(err.message).toContain('is an RSA key of 1024 bits');
    err = await expectScanError(Promise.resolve().then(() => loadSigningKey(path.join(dir, 'absent.key'))));
    expect(err.message).toContain('cannot be read');
    const text = file('hello');
    err = await expectScanError(Promise.resolve().then(() => loadSigningKey(text)));
    expect(err.message).toContain('is not a PEM private key');
  });
});

describe('simple signing: what data push / data image build sign, as the shared verifier reads it', () => {
  it("writes cosign's payload bytes for <repository>@<digest>", () => {
    expect(
      simpleSigningPayload('127.0.0.1:5000/org/data', DIGEST).equals(helperPayload('127.0.0.1:5000/org/data', DIGEST)),
    ).toBe(true);
  });

  for (const kind of ['ec', 'ed25519', 'rsa'] as const) {
    it(`${kind}: a round trip verifies; a tampered payload, another key and another digest do not`, () => {
      const kp = makeKeyPair(kind);
      const k = loadSigningKey(file(kp.privatePem));
      const pub = loadDataPublicKey(kp.publicPem);
      const payload = simpleSigningPayload('r.example/org/data', DIGEST);
      const sig = signBytes(payload, k);
      expect(verifySimpleSigning(payload, sig, pub, DIGEST)).toEqual({ ok: true });
      expect(verifySimpleSigning(payload, sig, publicKeyOf(k), DIGEST)).toEqual({ ok: true });
      // Tampered: the same signature over a payload naming another digest.
      const tampered = Buffer.from(payload.toString().replace(DIGEST, OTHER));
      expect(verifySimpleSigning(tampered, sig, pub, OTHER)).toMatchObject({ ok: false, problem: 'key' });
      // Another key.
      const stranger = loadDataPublicKey(makeKeyPair(kind).publicPem);
      expect(verifySimpleSigning(payload, sig, stranger, DIGEST)).toMatchObject({ ok: false, problem: 'key' });
      // A valid signature, but of another digest.
      expect(verifySimpleSigning(payload, sig, pub, OTHER)).toMatchObject({
        ok: false,
        problem: 'digest',
        reason: expect.stringContaining(`of ${DIGEST}, not of ${OTHER}`),
      });
    });
  }
});

describe('detached manifest signatures of snapshot files', () => {
  const kp = makeKeyPair('ec');
  const k = loadSigningKey(file(kp.privatePem));
  const pub = loadDataPublicKey(kp.publicPem);

  it("signManifestFile writes <manifest>.sig as base64 without a newline (cosign sign-blob's form) that verifies", async () => {
    const mf = file('{"format":"clair-scan-snapshot"}\n', 'a.json.zst.manifest.json');
    const out = await signManifestFile(mf, k);
    expect(out).toBe(manifestSignaturePathFor(mf));
    const sig = fs.readFileSync(out, 'utf8');
    expect(sig).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(verifyBlobSignature(fs.readFileSync(mf), sig, pub)).toBe(true);
    expect(() => verifyManifestBytes(fs.readFileSync(mf), `${sig}\n`, pub, 'data', mf)).not.toThrow();
  });

  it('refuses a changed manifest, another key, a missing signature and a missing manifest', async () => {
    const mf = file('{"records":1}\n', 'b.json.manifest.json');
    const sig = fs.readFileSync(await signManifestFile(mf, k), 'utf8');
    let err = await expectScanError(
      Promise.resolve().then(() =>
        verifyManifestBytes(Buffer.from('{"records":2}\n'), sig, pub, 'vulnerability data b.json', mf),
      ),
    );
    expect(err.message).toBe(
      `vulnerability data b.json: the signature ${mf}.sig does not verify with vuln-data-public-key (inline PEM) (ECDSA P-256, ${pub.fingerprint})`,
    );
    const stranger = loadDataPublicKey(makeKeyPair('ec').publicPem);
    err = await expectScanError(
      Promise.resolve().then(() =>
        verifyManifestBytes(fs.readFileSync(mf), sig, stranger, 'vulnerability data b.json', mf),
      ),
    );
    expect(err.message).toContain('does not verify with vuln-data-public-key');
    err = await expectScanError(
      Promise.resolve().then(() =>
        verifyManifestBytes(fs.readFileSync(mf), undefined, pub, 'vulnerability data b.json', mf),
      ),
    );
    expect(err.message).toBe(
      `vulnerability data b.json is not signed: no ${mf}.sig beside its manifest, and vuln-data-public-key is set`,
    );
    err = await expectScanError(
      Promise.resolve().then(() => verifyManifestBytes(undefined, undefined, pub, 'vulnerability data b.json', mf)),
    );
    expect(err.message).toContain('has no snapshot manifest');
  });

  it('openSignedSnapshot refuses a bundle whose manifest lacks its signature', async () => {
    const bundle = file('x', 'c.json');
    file('{}', 'c.json.manifest.json');
    const err = await expectScanError(openSignedSnapshot(bundle, pub, 'vulnerability data c.json'));
    expect(err.message).toContain('is not signed');
  });
});

describe('vuln-data-public-key (inputs)', () => {
  const base = { image: 'alpine:3.19', 'vuln-data': 'online' };
  const get = (extra: Record<string, string>) => (name: string) => ({ ...base, ...extra })[name];
  const kp = makeKeyPair('ec');

  it('takes a path or the PEM text itself', () => {
    expect(parseSettings(get({ 'vuln-data-public-key': file(kp.publicPem, 'data.pub') })).vulnDataPublicKey).toBe(
      path.join(dir, 'data.pub'),
    );
    expect(parseSettings(get({ 'vuln-data-public-key': kp.publicPem })).vulnDataPublicKey).toBe(kp.publicPem.trim());
  });

  it('refuses a private key, a bad key and clair-url (whose data nothing here verifies)', async () => {
    let err = await expectScanError(
      Promise.resolve().then(() => parseSettings(get({ 'vuln-data-public-key': kp.privatePem }))),
    );
    expect(err.message).toBe('vuln-data-public-key (inline PEM) is a private key');
    err = await expectScanError(
      Promise.resolve().then(() => parseSettings(get({ 'vuln-data-public-key': path.join(dir, 'nope.pub') }))),
    );
    expect(err.message).toContain(`vuln-data-public-key ${path.join(dir, 'nope.pub')} cannot be read`);
    err = await expectScanError(
      Promise.resolve().then(() =>
        parseSettings(get({ 'vuln-data-public-key': kp.publicPem, 'clair-url': 'http://clair:6060' })),
      ),
    );
    expect(err.message).toContain('vuln-data-public-key is set but so is clair-url');
  });

  it('a signing key round-trips with createPrivateKey of the same PEM (the key file is read, not altered)', () => {
    const f = file(kp.privatePem);
    expect(loadSigningKey(f).key.export({ type: 'pkcs8', format: 'pem' })).toBe(
      createPrivateKey(kp.privatePem).export({ type: 'pkcs8', format: 'pem' }),
    );
  });
});

describe("pickCachedSnapshot with vuln-data-public-key (the GitLab template's `data cached`)", () => {
  const PREFIX = 'clair-scan-vulndata-v4.9.0-debian-';
  const kp = makeKeyPair('ec');
  const k = loadSigningKey(file(kp.privatePem));
  const pub = loadDataPublicKey(kp.publicPem);

  async function entry(cache: string, name: string, createdAt: Date, sign: 'key' | 'other' | 'none'): Promise<string> {
    const bundle = path.join(cache, name);
    const zst = execFileSync('zstd', ['-q', '-c'], {
      input: `${JSON.stringify({ Updater: 'debian/updater', Fingerprint: 'f', Ref: 'r', Kind: 'vulnerability', Vuln: { name: 'CVE-2099-1' } })}\n`,
    });
    await writeSnapshot(Readable.from([zst]), bundle, { updaterSets: ['debian'], createdAt });
    if (sign !== 'none')
      await signManifestFile(
        manifestPathFor(bundle),
        sign === 'key' ? k : loadSigningKey(file(makeKeyPair('ec').privatePem)),
      );
    return bundle;
  }

  it('chooses the newest entry signed by the key; unsigned and otherwise signed entries are passed over, each with why', async () => {
    const cache = testTempDir('cs-unit-signing-cache-');
    const now = Date.now();
    const signed = await entry(cache, `${PREFIX}20260101.json.zst`, new Date(now - 3 * 3600_000), 'key');
    const unsigned = await entry(cache, `${PREFIX}20260102.json.zst`, new Date(now - 2 * 3600_000), 'none');
    await entry(cache, `${PREFIX}20260103.json.zst`, new Date(now - 3600_000), 'other');
    // Without a key: the newest by createdAt, whoever wrote it.
    expect((await pickCachedSnapshot(cache, PREFIX)).bundlePath).toBe(path.join(cache, `${PREFIX}20260103.json.zst`));
    const r = await pickCachedSnapshot(cache, PREFIX, { publicKey: pub });
    expect(r.bundlePath).toBe(signed);
    expect(r.skipped).toEqual([
      `${PREFIX}20260102.json.zst: vulnerability data ${PREFIX}20260102.json.zst is not signed: no ${manifestPathFor(unsigned)}.sig beside its manifest, and vuln-data-public-key is set`,
      expect.stringMatching(
        new RegExp(
          `^${PREFIX}20260103\\.json\\.zst: vulnerability data ${PREFIX}20260103\\.json\\.zst: the signature .* does not verify with vuln-data-public-key`,
        ),
      ),
    ]);
  });
});
