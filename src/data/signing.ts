/**
 * Signed vulnerability data (issue 25): `--sign-key` on `data push`, `data export` and `data image build` signs,
 * `vuln-data-public-key` verifies before use, through the one cosign-compatible verifier (image/cosign.ts):
 * registry artifacts as `cosign sign --key` signs them, snapshot files by a detached signature over their manifest
 * (which binds the bundle's sha256 and size). Keys and passphrases are secrets: never logged.
 * Formats and accepted keys: docs/decisions/signed-vulnerability-data.md.
 */
import { createHash, createPrivateKey, createPublicKey, KeyObject, randomBytes, scryptSync, sign } from 'node:crypto';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import nacl from 'tweetnacl';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import { formatBytes } from '../util/progress';
import { manifestPathFor, parseManifest, type Snapshot } from './snapshot';
import { parseReference, type ImageReference } from '../image/reference';
import { MAX_JSON_BYTES, readLimited, REGISTRY_MANIFEST_ACCEPT, RegistryAuth, RegistryClient } from '../image/registry';
import {
  COSIGN_SIGNATURE_TYPE,
  DATA_PUBLIC_KEY_INPUT,
  describePublicKey,
  loadPublicKey,
  SIGNATURE_ANNOTATION,
  SIGNATURE_MANIFEST_ACCEPT,
  signatureTag,
  SIMPLE_SIGNING_MEDIA_TYPE,
  verifyBlobSignature,
  verifyStoredSignature,
  type SignatureKey,
} from '../image/cosign';

export type { SignatureKey };

/** Said in the log and the reports whenever a run uses vulnerability data nobody verified. */
export const UNAUTHENTICATED_NOTE =
  'The vulnerability data is unauthenticated: set vuln-data-public-key to verify it (docs/vuln-data.md, "Signed data").';

const MAX_KEY_FILE_BYTES = 64 * 1024;
/** The largest scrypt cost accepted from a key file (cosign writes N=32768 or 65536, r=8, p=1). */
const MAX_SCRYPT_N = 1 << 20;
/** Signatures kept in one `.sig` manifest when a new one is added (cosign appends too). */
const MAX_KEPT_SIGNATURES = 63;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export interface SigningKey {
  file: string;
  key: KeyObject;
  kind: string;
  /** sha256 of the public key's DER SubjectPublicKeyInfo: the same fingerprint the verifier prints. */
  fingerprint: string;
}

function signKeyError(file: string, why: string, hint?: string): ClairScanError {
  return new ClairScanError(`--sign-key ${file} ${why}`, {
    hint:
      hint ??
      'give a PEM private key: PKCS#8 ("-----BEGIN PRIVATE KEY-----", e.g. `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`), or cosign.key from `cosign generate-key-pair` with its password in COSIGN_PASSWORD; ECDSA P-256/P-384/P-521, RSA (2048 bits or more) or Ed25519.',
  });
}

/** The passphrase of an encrypted key: COSIGN_PASSWORD, as cosign reads it (set but empty is an empty passphrase). */
function passphrase(file: string, env: NodeJS.ProcessEnv): string {
  const p = env.COSIGN_PASSWORD;
  if (p === undefined) {
    throw signKeyError(
      file,
      'is encrypted and COSIGN_PASSWORD is not set',
      "set COSIGN_PASSWORD to the key's password (as for `cosign sign`), e.g. from a CI secret.",
    );
  }
  if (p) log.mask(p);
  return p;
}

/** cosign's `ENCRYPTED SIGSTORE PRIVATE KEY`: JSON {kdf: scrypt, cipher: nacl/secretbox, ciphertext} → PKCS#8 DER. */
function openCosignKey(file: string, body: Buffer, env: NodeJS.ProcessEnv): KeyObject {
  let doc: {
    kdf?: { name?: unknown; params?: { N?: unknown; r?: unknown; p?: unknown }; salt?: unknown };
    cipher?: { name?: unknown; nonce?: unknown };
    ciphertext?: unknown;
  };
  try {
    doc = JSON.parse(body.toString('utf8')) as typeof doc;
  } catch {
    throw signKeyError(file, 'is not a cosign private key (its encrypted block is not JSON)');
  }
  const { kdf, cipher } = doc ?? {};
  const N = Number(kdf?.params?.N);
  const r = Number(kdf?.params?.r);
  const p = Number(kdf?.params?.p);
  if (
    kdf?.name !== 'scrypt' ||
    cipher?.name !== 'nacl/secretbox' ||
    typeof kdf.salt !== 'string' ||
    typeof cipher.nonce !== 'string' ||
    typeof doc.ciphertext !== 'string'
  ) {
    throw signKeyError(
      file,
      `is a cosign private key of an unknown encryption (kdf ${String(kdf?.name)}, cipher ${String(cipher?.name)})`,
    );
  }
  if (
    !Number.isInteger(N) ||
    N < 2 ||
    N > MAX_SCRYPT_N ||
    (N & (N - 1)) !== 0 ||
    !Number.isInteger(r) ||
    r < 1 ||
    r > 32 ||
    !Number.isInteger(p) ||
    p < 1 ||
    p > 16
  ) {
    throw signKeyError(file, `has scrypt parameters out of range (N ${N}, r ${r}, p ${p})`);
  }
  const nonce = Buffer.from(cipher.nonce, 'base64');
  if (nonce.length !== nacl.secretbox.nonceLength) throw signKeyError(file, 'has a nonce of the wrong length');
  const secret = scryptSync(passphrase(file, env), Buffer.from(kdf.salt, 'base64'), nacl.secretbox.keyLength, {
    N,
    r,
    p,
    maxmem: 256 * N * r + (1 << 20),
  });
  const der = nacl.secretbox.open(Buffer.from(doc.ciphertext, 'base64'), nonce, secret);
  if (!der)
    throw signKeyError(
      file,
      'cannot be decrypted: the password in COSIGN_PASSWORD is wrong',
      'set COSIGN_PASSWORD to the password the key was generated with.',
    );
  try {
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch (err) {
    throw signKeyError(file, `holds no usable private key once decrypted: ${errorMessage(err)}`);
  }
}

/** Reads a signing key (see the header for the forms). Its content is never printed. */
export function loadSigningKey(file: string, env: NodeJS.ProcessEnv = process.env): SigningKey {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw signKeyError(file, 'is not a file');
    if (st.size > MAX_KEY_FILE_BYTES)
      throw signKeyError(file, `is larger than ${MAX_KEY_FILE_BYTES / 1024} KiB; a private key is far smaller`);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ClairScanError) throw err;
    throw signKeyError(file, `cannot be read: ${errorMessage(err)}`);
  }
  const block = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!block) throw signKeyError(file, 'is not a PEM private key (no "-----BEGIN … PRIVATE KEY-----" block)');
  const type = block[1];
  if (type === 'PUBLIC KEY') {
    throw signKeyError(
      file,
      'is a public key',
      'signing needs the private key (cosign.key); the public key (cosign.pub) goes to vuln-data-public-key where the data is used.',
    );
  }
  let key: KeyObject;
  if (type === 'ENCRYPTED SIGSTORE PRIVATE KEY' || type === 'ENCRYPTED COSIGN PRIVATE KEY') {
    // The PEM body of cosign's key is base64 of the JSON envelope (no PEM headers inside).
    key = openCosignKey(file, Buffer.from(block[2].replace(/\s+/g, ''), 'base64'), env);
  } else if (/PRIVATE KEY$/.test(type)) {
    try {
      key = createPrivateKey(
        type === 'ENCRYPTED PRIVATE KEY'
          ? { key: text, format: 'pem', passphrase: passphrase(file, env) }
          : { key: text, format: 'pem' },
      );
    } catch (err) {
      // Node's message names the failure, never the key's content.
      throw signKeyError(file, `is not a usable PEM private key: ${errorMessage(err)}`);
    }
  } else {
    throw signKeyError(file, `is a PEM "${type}", not a private key`);
  }
  const { kind, fingerprint } = describePublicKey(key, (why) => signKeyError(file, why));
  return { file, key, kind, fingerprint };
}

/** The public key of a signing key, in the verifier's form (to check a signature right after making it). */
export function publicKeyOf(k: SigningKey): SignatureKey {
  return { file: `${k.file} (public part)`, key: createPublicKey(k.key), kind: k.kind, fingerprint: k.fingerprint };
}

/** Base64 signature of `data`: ECDSA/RSA over SHA-256 (ECDSA DER-encoded), Ed25519 pure — as cosign signs. */
export function signBytes(data: Buffer, k: SigningKey): string {
  return (k.key.asymmetricKeyType === 'ed25519' ? sign(null, data, k.key) : sign('sha256', data, k.key)).toString(
    'base64',
  );
}

/** The simple-signing payload cosign signs for `<dockerReference>@<digest>` (its field order and shape). */
export function simpleSigningPayload(dockerReference: string, digest: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': digest },
        type: COSIGN_SIGNATURE_TYPE,
      },
      optional: null,
    }),
  );
}

interface Layer {
  mediaType: string;
  digest: string;
  size: number;
  annotations: Record<string, string>;
}

/** The signature layers already stored for a digest (cosign appends; so do we), or none. */
async function existingSignatureLayers(c: RegistryClient, ref: ImageReference, tag: string): Promise<Layer[]> {
  const res = await c.request('GET', `/v2/${ref.repository}/manifests/${tag}`, {
    headers: { accept: SIGNATURE_MANIFEST_ACCEPT },
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    return [];
  }
  try {
    const doc = JSON.parse(
      (await readLimited(res.body as unknown as Readable, MAX_JSON_BYTES, tag, res.headers['content-length'])).toString(
        'utf8',
      ),
    ) as { layers?: unknown };
    if (!Array.isArray(doc.layers)) return [];
    return (doc.layers as Partial<Layer>[])
      .filter(
        (l) =>
          l &&
          l.mediaType === SIMPLE_SIGNING_MEDIA_TYPE &&
          typeof l.digest === 'string' &&
          DIGEST.test(l.digest) &&
          typeof l.size === 'number' &&
          typeof l.annotations?.[SIGNATURE_ANNOTATION] === 'string',
      )
      .map((l) => ({
        mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
        digest: l.digest as string,
        size: l.size as number,
        annotations: { [SIGNATURE_ANNOTATION]: l.annotations?.[SIGNATURE_ANNOTATION] as string },
      }));
  } catch {
    return []; // an unreadable old signature manifest is replaced
  }
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/**
 * Signs `<registry>/<repository>@digest` with `k` and stores the signature as cosign does (tag `sha256-<hex>.sig`,
 * appended to the signatures already there). `upload` puts a blob into the repository (data/oci.ts). Returns the tag.
 */
export async function pushSignature(
  c: RegistryClient,
  ref: ImageReference,
  digest: string,
  k: SigningKey,
  upload: (digest: string, size: number, content: Buffer) => Promise<void>,
): Promise<string> {
  if (!DIGEST.test(digest))
    throw new ClairScanError(`cannot sign ${digest}: not a sha256 digest`, {
      hint: 'this is a bug in clair-scan; please report it.',
    });
  const tag = signatureTag(digest);
  const payload = simpleSigningPayload(`${ref.registry}/${ref.repository}`, digest);
  const signature = signBytes(payload, k);
  const layer: Layer = {
    mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
    digest: sha256(payload),
    size: payload.length,
    annotations: { [SIGNATURE_ANNOTATION]: signature },
  };
  const kept = (await existingSignatureLayers(c, ref, tag))
    .filter((l) => l.digest !== layer.digest || l.annotations[SIGNATURE_ANNOTATION] !== signature)
    .slice(-MAX_KEPT_SIGNATURES);
  const layers = [...kept, layer];
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: [{ created: '0001-01-01T00:00:00Z' }],
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
  await upload(layer.digest, payload.length, payload);
  await upload(sha256(config), config.length, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.length, digest: sha256(config) },
      layers,
    }),
  );
  const res = await c.request('PUT', `/v2/${ref.repository}/manifests/${tag}`, {
    headers: {
      'content-type': 'application/vnd.oci.image.manifest.v1+json',
      'content-length': String(manifest.length),
    },
    body: manifest,
  });
  const text = (await res.body.text()).slice(0, 500);
  if (res.statusCode !== 201) {
    throw new ClairScanError(
      `storing the signature ${ref.registry}/${ref.repository}:${tag} failed: HTTP ${res.statusCode}`,
      {
        hint:
          res.statusCode === 401 || res.statusCode === 403
            ? 'the credentials need push access to this repository (registry-username/registry-password).'
            : "see the registry's answer below.",
        details: text,
      },
    );
  }
  log.info(
    `Signed ${ref.registry}/${ref.repository}@${digest} with ${k.kind} key ${k.fingerprint} (${ref.registry}/${ref.repository}:${tag}).`,
  );
  return tag;
}

/** Where a snapshot file's detached signature lives: `<bundle>.manifest.json.sig`. */
export function manifestSignaturePathFor(manifestPath: string): string {
  return `${manifestPath}.sig`;
}

/** Writes the detached signature of a snapshot manifest file (base64, no newline, as `cosign sign-blob` writes it). */
export async function signManifestFile(manifestPath: string, k: SigningKey): Promise<string> {
  const bytes = await fs.promises.readFile(manifestPath);
  const out = manifestSignaturePathFor(manifestPath);
  const tmp = `${out}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await fs.promises.writeFile(tmp, signBytes(bytes, k));
    await fs.promises.rename(tmp, out);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
  log.info(`Signed ${manifestPath} with ${k.kind} key ${k.fingerprint}: ${out}.`);
  return out;
}

/** `vuln-data-public-key`: a path to a PEM public key, or the PEM itself. */
export function loadDataPublicKey(source: string): SignatureKey {
  return loadPublicKey(source, DATA_PUBLIC_KEY_INPUT);
}

function keyText(key: SignatureKey): string {
  return `${key.file} (${key.kind}, ${key.fingerprint})`;
}

/**
 * Verifies the cosign signature of a registry artifact (an `oci://` snapshot, a database image) by its manifest
 * digest: throws a ClairScanError (exit 2) naming the reference and what failed.
 */
export async function verifyRegistrySignature(
  ref: ImageReference,
  digest: string,
  key: SignatureKey,
  auth: RegistryAuth,
  label: string,
): Promise<void> {
  const c = new RegistryClient(ref, auth);
  const repo = `${ref.registry}/${ref.repository}`;
  const r = await verifyStoredSignature(c, ref, digest, key);
  if (r.status === 'valid') {
    log.info(`${label}: signature by ${key.kind} key ${key.fingerprint} verified (${repo}@${digest}).`);
    return;
  }
  if (r.status === 'unsigned') {
    throw new ClairScanError(
      `${label} is not signed: ${repo} has no signature of ${digest} (no tag ${r.tag}), and vuln-data-public-key is set`,
      {
        hint: `sign it with the private key of ${keyText(key)} (\`clair-scan data push --sign-key …\`, \`data image build --push --sign-key …\` or \`cosign sign --key …\`), or use data that is signed.`,
      },
    );
  }
  throw new ClairScanError(
    `${label} has no valid signature by vuln-data-public-key ${keyText(key)}: ${repo}:${r.tag}: ${r.reason}`,
    {
      hint: 'the data was changed after it was signed, or signed with another key: use data signed with this key, or check vuln-data-public-key.',
    },
  );
}

/**
 * Verifies a snapshot file's detached signature over its manifest's exact bytes (read once by the caller, which
 * must parse these same bytes). Throws a ClairScanError (exit 2) naming the file and what failed.
 */
export function verifyManifestBytes(
  manifestBytes: Buffer | undefined,
  signature: string | undefined,
  key: SignatureKey,
  label: string,
  manifestPath: string,
): void {
  if (manifestBytes === undefined) {
    throw new ClairScanError(
      `${label} has no snapshot manifest (${manifestPath}), so its signature cannot be checked, and vuln-data-public-key is set`,
      {
        hint: 'use a snapshot written by `clair-scan data export --sign-key …` (bundle, manifest and its .sig side by side), or an oci:// snapshot pushed with `data push --sign-key …`.',
      },
    );
  }
  const sigPath = manifestSignaturePathFor(manifestPath);
  if (signature === undefined) {
    throw new ClairScanError(
      `${label} is not signed: no ${sigPath} beside its manifest, and vuln-data-public-key is set`,
      {
        hint: `sign the manifest with the private key of ${keyText(key)} (\`clair-scan data export --sign-key …\`, or \`cosign sign-blob --key cosign.key --output-signature ${sigPath} ${manifestPath}\`).`,
      },
    );
  }
  if (!verifyBlobSignature(manifestBytes, signature, key)) {
    throw new ClairScanError(
      `${label}: the signature ${sigPath} does not verify with vuln-data-public-key ${keyText(key)}`,
      {
        hint: 'the manifest was changed after it was signed, or signed with another key: use data signed with this key, or check vuln-data-public-key.',
      },
    );
  }
  log.info(`${label}: manifest signature by ${key.kind} key ${key.fingerprint} verified.`);
}

/** The largest snapshot manifest or detached signature read (a manifest is a few KB). */
const MAX_MANIFEST_BYTES = 4 << 20;

async function readSmallFile(file: string, what: string): Promise<Buffer | undefined> {
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ClairScanError(`cannot read ${what} ${file}: ${errorMessage(err)}`, {
      hint: 'check the file and its permissions.',
    });
  }
  if (!st.isFile() || st.size > MAX_MANIFEST_BYTES) {
    throw new ClairScanError(`${what} ${file} is not a regular file of at most ${formatBytes(MAX_MANIFEST_BYTES)}`, {
      hint: 'replace it with the one written by `clair-scan data export`.',
    });
  }
  return fs.promises.readFile(file);
}

/**
 * A snapshot file whose manifest carries a valid detached signature by `key` (`<bundle>.manifest.json.sig`). The
 * manifest is read once: the bytes verified are the bytes parsed, and the manifest's sha256 then binds the bundle.
 */
export async function openSignedSnapshot(bundlePath: string, key: SignatureKey, label: string): Promise<Snapshot> {
  const mf = manifestPathFor(bundlePath);
  const bytes = await readSmallFile(mf, 'the snapshot manifest');
  const sig = bytes && (await readSmallFile(manifestSignaturePathFor(mf), 'the manifest signature'));
  verifyManifestBytes(bytes, sig?.toString('utf8'), key, `vulnerability data ${label}`, mf);
  return { bundlePath, manifest: parseManifest((bytes as Buffer).toString('utf8'), mf) };
}

/**
 * `db-image:<ref>` with vuln-data-public-key: resolves the reference in its registry to the manifest digest (the
 * top-level one, which is what `cosign sign REF` and `data image build --push --sign-key` sign), verifies the
 * signature of that digest, and returns `REGISTRY/REPOSITORY@sha256:…`: the caller pulls and runs exactly that, never
 * the tag, which may move after the check. An image that only a local Docker daemon has (no registry manifest, so
 * nothing that could have been signed) is refused.
 */
export async function verifyDbImageSignature(ref: string, key: SignatureKey, auth: RegistryAuth): Promise<string> {
  const label = `the database image ${ref}`;
  const localOnly = (why: string): ClairScanError =>
    new ClairScanError(`${label} cannot be verified: ${why}, and vuln-data-public-key is set`, {
      hint: 'a database image that exists only in a local Docker daemon has no registry manifest digest that could be signed: push it with `clair-scan data image build --push --sign-key …` and use REGISTRY/REPOSITORY:TAG, or remove vuln-data-public-key.',
    });
  const parsed = parseReference(ref);
  const host = ref.split('/')[0];
  // A name without a registry host (`clair-db:1`) is a daemon image (or Docker Hub, never used implicitly for data).
  if (!parsed || !ref.includes('/') || !/[.:]/.test(host)) throw localOnly('it names no registry');
  const c = new RegistryClient(parsed, auth);
  let digest: string;
  try {
    digest = (
      await c.getJson<unknown>(
        `/v2/${parsed.repository}/manifests/${parsed.digest ?? parsed.tag}`,
        REGISTRY_MANIFEST_ACCEPT,
        parsed.digest,
      )
    ).digest;
  } catch (err) {
    if (err instanceof ClairScanError && / was not found in the registry$/.test(err.message))
      throw localOnly(`the registry ${parsed.registry} does not have it`);
    throw err;
  }
  await verifyRegistrySignature(parsed, digest, key, auth, label);
  return `${parsed.registry}/${parsed.repository}@${digest}`;
}
