/**
 * Cosign-style "simple signing" signatures made in the tests (node:crypto), laid out as cosign stores them:
 * payload blobs of media type application/vnd.dev.cosign.simplesigning.v1+json, the base64 signature in the
 * layer annotation dev.cosignproject.cosign/signature, in an OCI manifest under the tag `sha256-<hex>.sig`.
 */
import { createHash, generateKeyPairSync, KeyObject, sign } from 'node:crypto';

export const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface TestKeyPair {
  publicPem: string;
  privatePem: string;
  privateKey: KeyObject;
}

/** A key pair of cosign's default kind (ECDSA P-256), or Ed25519 / RSA. */
export function makeKeyPair(kind: 'ec' | 'ed25519' | 'rsa' = 'ec', opts: { rsaBits?: number } = {}): TestKeyPair {
  const { publicKey, privateKey } =
    kind === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : kind === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: opts.rsaBits ?? 2048 })
        : generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    privateKey,
  };
}

/** The payload cosign signs for `reference@digest` (its field order and shape). */
export function simpleSigningPayload(
  dockerReference: string,
  digest: string,
  optional: Record<string, string> | null = null,
): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': dockerReference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional,
    }),
  );
}

/** Base64 signature of the payload bytes: ECDSA/RSA with SHA-256 (ECDSA DER-encoded, as cosign), Ed25519 pure. */
export function signPayload(payload: Buffer, key: KeyObject): string {
  const sig = key.asymmetricKeyType === 'ed25519' ? sign(null, payload, key) : sign('sha256', payload, key);
  return sig.toString('base64');
}

export interface SignatureLayer {
  payload: Buffer;
  /** base64 signature; undefined: no annotation */
  signature?: string;
  mediaType?: string;
}

export interface SignatureArtifact {
  manifest: Buffer;
  config: Buffer;
  /** digest → content of every blob the manifest references */
  blobs: Map<string, Buffer>;
}

/** The `.sig` manifest cosign pushes: an OCI image manifest with one layer per signature. */
export function signatureArtifact(layers: SignatureLayer[]): SignatureArtifact {
  const blobs = new Map<string, Buffer>();
  for (const l of layers) blobs.set(sha256(l.payload), l.payload);
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      os: '',
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map((l) => sha256(l.payload)) },
    }),
  );
  blobs.set(sha256(config), config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.length, digest: sha256(config) },
      layers: layers.map((l) => ({
        mediaType: l.mediaType ?? 'application/vnd.dev.cosign.simplesigning.v1+json',
        size: l.payload.length,
        digest: sha256(l.payload),
        ...(l.signature === undefined ? {} : { annotations: { 'dev.cosignproject.cosign/signature': l.signature } }),
      })),
    }),
  );
  return { manifest, config, blobs };
}

/** `sha256:<hex>` → `sha256-<hex>.sig` */
export const sigTag = (digest: string): string => `${digest.replace(':', '-')}.sig`;
