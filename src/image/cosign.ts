/**
 * Cosign-compatible "simple signing", verified with node:crypto against one public key — the one implementation
 * behind `base-image-public-key` and `vuln-data-public-key`. Only the registry is contacted (no transparency log,
 * no CA), through the host-bound RegistryClient. A signature is valid when it verifies over the payload's exact
 * bytes and the payload names exactly the digest in question; everything read is bounded and digest-checked,
 * and the signature is verified before the payload is read.
 * How cosign stores signatures and what is (not) compared: docs/decisions/cosign-simple-signing.md.
 */
import { createHash, createPublicKey, KeyObject, verify } from 'node:crypto';
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import { ClairScanError, errorMessage } from '../util/errors';
import { MAX_JSON_BYTES, readLimited, RegistryClient } from './registry';
import type { ImageReference } from './reference';

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const COSIGN_SIGNATURE_TYPE = 'cosign container image signature';

/** Signatures (layers) looked at in one signature manifest. */
const MAX_SIGNATURE_LAYERS = 64;
/** Largest payload read; cosign's are a few hundred bytes. */
export const MAX_PAYLOAD_BYTES = 1 << 20;
const MAX_KEY_FILE_BYTES = 64 * 1024;

export const SIGNATURE_MANIFEST_ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export interface SignatureKey {
  /** Where it was read from (for messages): a path, or "(inline PEM)". */
  file: string;
  key: KeyObject;
  /** e.g. "ECDSA P-256", "RSA 3072", "Ed25519". */
  kind: string;
  /** sha256 of the key's DER SubjectPublicKeyInfo (`openssl pkey -pubin -outform DER | sha256sum`). */
  fingerprint: string;
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

export interface PublicKeyInput {
  /** The input the key comes from, e.g. `base-image-public-key`: every message starts with it. */
  input: string;
  /** What the key must be, for the hint, e.g. "the PEM public key the base image is signed with". */
  what: string;
  /** Who keeps the private key, for the private-key refusal, e.g. "whoever signs the base image". */
  signer: string;
  /** The value may be the PEM itself rather than a path. */
  inline?: boolean;
}

/** `vuln-data-public-key` (verified with in data/signing.ts; checked when the inputs are parsed, inputs/settings.ts). */
export const DATA_PUBLIC_KEY_INPUT: PublicKeyInput = {
  input: 'vuln-data-public-key',
  what: 'the PEM public key the vulnerability data is signed with',
  signer: 'whoever publishes the vulnerability data',
  inline: true,
};

/** A key as `createPublicKey` gives it, checked to be of a kind cosign signs with. */
export function describePublicKey(key: KeyObject, fail: (why: string) => Error): { kind: string; fingerprint: string } {
  const details = key.asymmetricKeyDetails ?? {};
  let kind: string;
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = CURVES[details.namedCurve ?? ''];
      if (!curve) throw fail(`is an EC key on the unsupported curve ${details.namedCurve ?? 'unknown'}`);
      kind = `ECDSA ${curve}`;
      break;
    }
    case 'rsa': {
      const bits = details.modulusLength ?? 0;
      if (bits < 2048) throw fail(`is an RSA key of ${bits} bits, too weak to trust`);
      kind = `RSA ${bits}`;
      break;
    }
    case 'ed25519':
      kind = 'Ed25519';
      break;
    default:
      throw fail(`is a ${key.asymmetricKeyType ?? 'unknown'} key, which cosign-compatible signatures do not use`);
  }
  const der =
    key.type === 'private'
      ? createPublicKey(key).export({ type: 'spki', format: 'der' })
      : key.export({ type: 'spki', format: 'der' });
  return { kind, fingerprint: `sha256:${createHash('sha256').update(der).digest('hex')}` };
}

/** Reads and checks a PEM public key (a file, or with `inline` the PEM text itself). A private key is refused, never used. */
export function loadPublicKey(source: string, opts: PublicKeyInput): SignatureKey {
  const inline = !!opts.inline && /-----BEGIN /.test(source);
  const file = inline ? '(inline PEM)' : source;
  const keyError = (why: string): ClairScanError =>
    new ClairScanError(`${opts.input} ${file} ${why}`, {
      hint: `give ${opts.inline ? 'the path of, or the text of, ' : 'the path of '}${opts.what} ("-----BEGIN PUBLIC KEY-----", e.g. cosign.pub from \`cosign generate-key-pair\`): ECDSA P-256/P-384/P-521, RSA (2048 bits or more) or Ed25519.`,
    });
  let text: string;
  if (inline) {
    if (source.length > MAX_KEY_FILE_BYTES)
      throw keyError(`is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB; a public key is far smaller`);
    text = source;
  } else {
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) throw keyError('is not a file');
      if (st.size > MAX_KEY_FILE_BYTES)
        throw keyError(`is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB; a public key is far smaller`);
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if (err instanceof ClairScanError) throw err;
      throw keyError(`cannot be read: ${errorMessage(err)}`);
    }
  }
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text)) {
    throw new ClairScanError(`${opts.input} ${file} is a private key`, {
      hint: `give the public key (cosign.pub), never the private key: a CI job only needs the public key to verify, and the private key must stay with ${opts.signer}.`,
    });
  }
  if (!/-----BEGIN PUBLIC KEY-----/.test(text))
    throw keyError('is not a PEM public key (no "-----BEGIN PUBLIC KEY-----" block)');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch (err) {
    throw keyError(`is not a valid PEM public key: ${errorMessage(err)}`);
  }
  return { file, key, ...describePublicKey(key, keyError) };
}

/** The tag cosign stores the signatures of `digest` under: `sha256:<hex>` → `sha256-<hex>.sig`. */
export function signatureTag(digest: string): string {
  return `${digest.replace(':', '-')}.sig`;
}

/** How one signature (payload + base64 signature) fares against a key and a digest. */
export type SignatureVerdict =
  | { ok: true }
  | {
      ok: false;
      /** malformed: not a usable signature; key: does not verify with the key; digest: a valid signature of another digest. */
      problem: 'malformed' | 'key' | 'digest';
      reason: string;
    };

/** Does `signatureB64` sign `payload` with `key`, and does the payload sign exactly `digest`? */
export function verifySimpleSigning(
  payload: Buffer,
  signatureB64: unknown,
  key: SignatureKey,
  digest: string,
): SignatureVerdict {
  if (typeof signatureB64 !== 'string' || signatureB64.trim() === '') {
    return { ok: false, problem: 'malformed', reason: `it has no "${SIGNATURE_ANNOTATION}" annotation` };
  }
  const b64 = signatureB64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    return { ok: false, problem: 'malformed', reason: `its "${SIGNATURE_ANNOTATION}" annotation is not base64` };
  }
  const sig = Buffer.from(b64, 'base64');
  const good = verifyRaw(payload, sig, key);
  if (!good) {
    return {
      ok: false,
      problem: 'key',
      reason: `its signature does not verify with the public key ${key.file} (${key.kind}, ${key.fingerprint}): it was made with another key, or the signed payload was changed`,
    };
  }
  // Signed by our key: from here on the payload is the signer's word.
  let doc: unknown;
  try {
    doc = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed', reason: 'its signed payload is not JSON' };
  }
  const critical = (doc as { critical?: unknown } | null)?.critical as
    { type?: unknown; image?: { 'docker-manifest-digest'?: unknown } } | undefined;
  if (!critical || typeof critical !== 'object')
    return { ok: false, problem: 'malformed', reason: 'its signed payload has no "critical" section' };
  if (critical.type !== COSIGN_SIGNATURE_TYPE) {
    return {
      ok: false,
      problem: 'malformed',
      reason: `its signed payload is not a "${COSIGN_SIGNATURE_TYPE}" (critical.type is ${JSON.stringify(critical.type ?? null).slice(0, 80)})`,
    };
  }
  const signed = critical.image?.['docker-manifest-digest'];
  if (typeof signed !== 'string' || !DIGEST.test(signed)) {
    return {
      ok: false,
      problem: 'malformed',
      reason: 'its signed payload names no sha256 digest (critical.image.docker-manifest-digest)',
    };
  }
  if (signed !== digest.toLowerCase()) {
    return {
      ok: false,
      problem: 'digest',
      reason: `it is a valid signature by the key, but of ${signed}, not of ${digest}`,
    };
  }
  return { ok: true };
}

interface SigLayer {
  mediaType?: unknown;
  digest?: unknown;
  size?: unknown;
  annotations?: Record<string, unknown> | null;
}

/**
 * Checks a signature manifest (the `.sig` tag's content): valid when any of its simple-signing layers is a valid
 * signature of `digest` by `key`. `readPayload` returns a layer's blob (checked against its digest), or undefined
 * when the registry has no such blob.
 */
export async function verifySignatureManifest(
  manifest: Buffer,
  readPayload: (digest: string) => Promise<Buffer | undefined>,
  key: SignatureKey,
  digest: string,
): Promise<SignatureVerdict> {
  let doc: { layers?: unknown };
  try {
    doc = JSON.parse(manifest.toString('utf8')) as typeof doc;
  } catch {
    return { ok: false, problem: 'malformed', reason: 'the signature manifest is not JSON' };
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.layers))
    return { ok: false, problem: 'malformed', reason: 'the signature manifest has no layers' };
  const layers = (doc.layers as unknown[]).filter(
    (l): l is SigLayer => !!l && typeof l === 'object' && (l as SigLayer).mediaType === SIMPLE_SIGNING_MEDIA_TYPE,
  );
  if (layers.length === 0)
    return {
      ok: false,
      problem: 'malformed',
      reason: `the signature manifest has no ${SIMPLE_SIGNING_MEDIA_TYPE} layer`,
    };
  const failures: { problem: 'malformed' | 'key' | 'digest'; reason: string }[] = [];
  for (const [i, l] of layers.slice(0, MAX_SIGNATURE_LAYERS).entries()) {
    const n = layers.length > 1 ? `signature ${i + 1} of ${layers.length}: ` : '';
    if (typeof l.digest !== 'string' || !DIGEST.test(l.digest)) {
      failures.push({ problem: 'malformed', reason: `${n}its payload has no sha256 digest` });
      continue;
    }
    if (typeof l.size === 'number' && l.size > MAX_PAYLOAD_BYTES) {
      failures.push({
        problem: 'malformed',
        reason: `${n}its payload is larger than ${MAX_PAYLOAD_BYTES / (1 << 20)} MiB`,
      });
      continue;
    }
    const sig = l.annotations && typeof l.annotations === 'object' ? l.annotations[SIGNATURE_ANNOTATION] : undefined;
    if (typeof sig !== 'string' || !sig.trim()) {
      failures.push({ problem: 'malformed', reason: `${n}it has no "${SIGNATURE_ANNOTATION}" annotation` });
      continue;
    }
    const payload = await readPayload(l.digest);
    if (!payload) {
      failures.push({ problem: 'malformed', reason: `${n}its payload blob ${l.digest} is not in the registry` });
      continue;
    }
    const v = verifySimpleSigning(payload, sig, key, digest);
    if (v.ok) return v;
    failures.push({ problem: v.problem, reason: `${n}${v.reason}` });
  }
  if (layers.length > MAX_SIGNATURE_LAYERS)
    failures.push({
      problem: 'malformed',
      reason: `only the first ${MAX_SIGNATURE_LAYERS} of ${layers.length} signatures were checked`,
    });
  // The most telling problem first: another digest, then another key, then malformed.
  const order = { digest: 0, key: 1, malformed: 2 } as const;
  const worst = [...failures].sort((a, b) => order[a.problem] - order[b.problem])[0];
  return { ok: false, problem: worst.problem, reason: failures.map((f) => f.reason).join('; ') };
}

export type StoredSignature =
  | { status: 'valid'; tag: string }
  | { status: 'unsigned'; tag: string }
  | { status: 'invalid'; tag: string; problem: 'malformed' | 'key' | 'digest'; reason: string };

/**
 * Looks up and verifies the signatures cosign stores for `digest` in `ref`'s repository. A missing tag is
 * `unsigned`; a registry that cannot be reached or refuses access is an error (ClairScanError).
 */
export async function verifyStoredSignature(
  client: RegistryClient,
  ref: ImageReference,
  digest: string,
  key: SignatureKey,
): Promise<StoredSignature> {
  const tag = signatureTag(digest);
  const where = `${ref.registry}/${ref.repository}:${tag}`;
  const res = await client.request('GET', `/v2/${ref.repository}/manifests/${tag}`, {
    headers: { accept: SIGNATURE_MANIFEST_ACCEPT },
  });
  if (res.statusCode === 404) {
    await res.body.dump();
    return { status: 'unsigned', tag };
  }
  if (res.statusCode !== 200) throw await registryAnswerError(res, ref, `the signature ${where}`);
  const manifest = await readLimited(
    res.body as unknown as Readable,
    MAX_JSON_BYTES,
    where,
    res.headers['content-length'],
  );
  const v = await verifySignatureManifest(manifest, (d) => readBlob(client, ref, d), key, digest);
  return v.ok ? { status: 'valid', tag } : { status: 'invalid', tag, problem: v.problem, reason: v.reason };
}

/** A payload blob, checked against its digest; undefined when the registry does not have it. */
async function readBlob(client: RegistryClient, ref: ImageReference, digest: string): Promise<Buffer | undefined> {
  const path = `/v2/${ref.repository}/blobs/${digest}`;
  const res = await client.request('GET', path);
  if (res.statusCode === 404) {
    await res.body.dump();
    return undefined;
  }
  let data: Buffer;
  if ([301, 302, 303, 307, 308].includes(res.statusCode)) {
    // Blob storage elsewhere (a CDN): openBlob follows the redirect without credentials and checks the digest.
    await res.body.dump();
    data = await readLimited(await client.openBlob(digest), MAX_PAYLOAD_BYTES, `the signature payload ${digest}`);
  } else if (res.statusCode === 200) {
    data = await readLimited(
      res.body as unknown as Readable,
      MAX_PAYLOAD_BYTES,
      `the signature payload ${digest}`,
      res.headers['content-length'],
    );
  } else {
    throw await registryAnswerError(res, ref, `the signature payload ${digest}`);
  }
  const got = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  if (got !== digest) {
    throw new ClairScanError(
      `the registry ${ref.registry} sent content for the signature payload ${digest} that does not match its digest (got ${got})`,
      {
        hint: 'the registry (or something between it and you) altered the content; check the registry.',
      },
    );
  }
  return data;
}

async function registryAnswerError(
  res: { statusCode: number; body: { text(): Promise<string> } },
  ref: ImageReference,
  what: string,
): Promise<ClairScanError> {
  const text = (await res.body.text().catch(() => '')).slice(0, 500);
  if (res.statusCode === 401 || res.statusCode === 403) {
    return new ClairScanError(`the registry ${ref.registry} refused access to ${what}`, {
      hint: `the signature is read with the same credentials as the signed image: bind registry-username/registry-password to ${ref.registry} with registry-host, or log in to it in the Docker config file.`,
      details: text || undefined,
    });
  }
  return new ClairScanError(`the registry ${ref.registry} answered HTTP ${res.statusCode} for ${what}`, {
    hint: "check the registry's status and run the scan again.",
    details: text || undefined,
  });
}

/** Verifies a detached base64 signature of `data` (as `cosign sign-blob --key` writes it) with `key`. */
export function verifyBlobSignature(data: Buffer, signatureB64: string, key: SignatureKey): boolean {
  const b64 = signatureB64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return false;
  return verifyRaw(data, Buffer.from(b64, 'base64'), key);
}

/** ECDSA (DER, SHA-256) and RSA PKCS#1 v1.5 (SHA-256) as cosign; Ed25519 pure. A malformed signature is false. */
function verifyRaw(data: Buffer, sig: Buffer, key: SignatureKey): boolean {
  try {
    return key.key.asymmetricKeyType === 'ed25519'
      ? verify(null, data, key.key, sig)
      : key.key.asymmetricKeyType === 'ec'
        ? verify('sha256', data, { key: key.key, dsaEncoding: 'der' }, sig)
        : verify('sha256', data, key.key, sig);
  } catch {
    return false; // e.g. a signature that is not DER: not a signature by this key
  }
}
