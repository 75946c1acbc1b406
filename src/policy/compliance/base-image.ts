/**
 * required-base-image: the scanned image must be built on the given base image (the base's diff ids are its first
 * diff ids). The scanned image's diff ids are computed from each compared layer's content, never taken from its
 * config (which the image's author writes). With `base-image-public-key` the base must also carry a valid
 * cosign-compatible signature by that key (signature.ts), so it is read from its registry and the signature must
 * name the digest of the manifest whose layers were compared (or of the index listing it, what cosign signs for a
 * multi-platform tag).
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ComplianceFinding } from '../../findings/model';
import type { ImageLayer, ResolvedImage } from '../../image/types';
import { ClairScanError, errorMessage } from '../../util/errors';
import { parseReference, splitSourcePrefix, type ImageReference } from '../../image/reference';
import { RegistryClient, REGISTRY_MANIFEST_ACCEPT, type RegistryAuth } from '../../image/registry';
import {
  loadSignatureKey,
  signatureTag,
  verifyStoredSignature,
  type SignatureKey,
  type StoredSignature,
} from './signature';
import type { ComplianceCheck } from './check';

export const BASE_IMAGE_RULE = 'required-base-image';
export const BASE_SIGNATURE_RULE = 'required-base-image/signature';

export interface BaseImageOptions {
  /** base-image-public-key, loaded: also require a valid signature of the base by this key. */
  publicKey?: SignatureKey;
  /** Registry credentials (bound to hosts as for scanned images) for reading the base's signature. */
  registry?: RegistryAuth;
}

/** The layer's diff id computed from its content. */
async function contentDiffId(layer: ImageLayer): Promise<string> {
  if (layer.uncompressedDigest) return layer.uncompressedDigest();
  const stream: Readable = await layer.openTar();
  const hash = createHash('sha256');
  for await (const c of stream) hash.update(c as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

export async function requiredBaseImage(
  image: ResolvedImage,
  baseRef: string,
  resolveImage: (ref: string) => Promise<ResolvedImage>,
  opts: BaseImageOptions = {},
): Promise<ComplianceFinding[]> {
  const signed = opts.publicKey ? registryRefOf(baseRef) : undefined;
  // Signed: the layers compared must be those of the manifest whose signature is checked, so from the registry.
  const base = await resolveImage(signed ? `registry:${signed.text}` : baseRef);
  let baseIds: string[];
  let baseDigest: string;
  try {
    baseIds = base.info.layers.map((l) => l.diffId);
    baseDigest = base.info.manifestDigest;
    if (signed && base.info.source !== 'registry') {
      throw new ClairScanError(
        `required-base-image ${baseRef} was not read from its registry, so its signature cannot be checked`,
        {
          hint: 'this is a bug in clair-scan; please report it with this log.',
        },
      );
    }
  } finally {
    await base.close();
  }
  const findings = await compareLayers(image, baseRef, baseIds);
  if (signed && opts.publicKey)
    findings.push(...(await checkBaseSignature(image, baseRef, signed.ref, baseDigest, opts.publicKey, opts.registry)));
  return findings;
}

/** The finding when the image's first layers are not the base's layers; none when they are. */
async function compareLayers(image: ResolvedImage, baseRef: string, baseIds: string[]): Promise<ComplianceFinding[]> {
  const info = image.info;
  const claimed = info.layers.map((l) => l.diffId);
  let mismatch = -1;
  let actual: string | undefined;
  for (let i = 0; i < baseIds.length; i++) {
    if (i >= image.layers.length) {
      mismatch = i;
      break;
    }
    try {
      actual = await contentDiffId(image.layers[i]);
    } catch (err) {
      throw new ClairScanError(
        `${BASE_IMAGE_RULE}: cannot read layer ${i + 1} of ${info.ref} to compute its diff id: ${errorMessage(err)}`,
        {
          hint: 'check that the image source is reachable and the image complete, then run the scan again.',
          cause: err,
        },
      );
    }
    if (actual !== baseIds[i]) {
      mismatch = i;
      break;
    }
  }
  if (mismatch === -1) return [];

  const n = mismatch + 1;
  const forged = actual !== undefined && mismatch < image.layers.length && claimed[mismatch] !== actual;
  const detail =
    mismatch >= image.layers.length
      ? `the base image has ${baseIds.length} layers but the image has only ${image.layers.length}`
      : `layer ${n} differs: the base image has ${baseIds[mismatch]}, the image has ${actual}` +
        (forged ? ` (its config claims ${claimed[mismatch]}, which is not the layer's content)` : '');
  return [
    {
      kind: 'compliance',
      key: `${info.name}|${BASE_IMAGE_RULE}|${baseRef}`,
      rule: BASE_IMAGE_RULE,
      title: `Image is not built on ${baseRef}`,
      message:
        `The image is not built on the required base image ${baseRef}: ${detail}. ` +
        `Rebuild the image FROM ${baseRef} (pulling its current version), or update the "required-base-image" input.`,
      severity: 'High',
      ...(mismatch < image.layers.length && actual !== undefined ? { layer: actual } : {}),
    },
  ];
}

/** required-base-image as a registry reference (a signature lives in a registry); `registry:` may be written. */
function registryRefOf(baseRef: string): { text: string; ref: ImageReference } {
  const { prefix, ref: text } = splitSourcePrefix(baseRef);
  if (prefix && prefix !== 'registry') {
    throw new ClairScanError(
      `required-base-image "${baseRef}" is read from ${prefix}, but base-image-public-key needs the base image from its registry, where its signature is`,
      {
        hint: 'write the base image as a registry reference (e.g. registry.example.com/base/debian:12), or remove base-image-public-key.',
      },
    );
  }
  const ref = parseReference(text);
  if (!ref) {
    throw new ClairScanError(`required-base-image "${baseRef}" is not a valid image reference`, {
      hint: 'use the form [registry/]repository[:tag][@sha256:digest], e.g. ghcr.io/org/base:1.2.',
    });
  }
  return { text, ref };
}

/**
 * The base's signature: valid when the signatures stored for `baseDigest` (the manifest whose layers were compared)
 * or for the image index the reference points to (if it lists that manifest) hold one by `key` over that digest.
 */
async function checkBaseSignature(
  image: ResolvedImage,
  baseRef: string,
  ref: ImageReference,
  baseDigest: string,
  key: SignatureKey,
  auth: RegistryAuth = { insecure: false },
): Promise<ComplianceFinding[]> {
  const client = new RegistryClient(ref, auth);
  const candidates = [baseDigest];
  if (ref.digest !== baseDigest) {
    // A multi-platform tag: cosign signs the index it points to. Its digest is computed here from the bytes read,
    // and it counts only when that index lists the very manifest compared above.
    const top = await client.getJson<{ manifests?: unknown }>(
      `/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag}`,
      REGISTRY_MANIFEST_ACCEPT,
      ref.digest,
    );
    const listed =
      Array.isArray(top.body.manifests) &&
      top.body.manifests.some((d) => (d as { digest?: unknown } | null)?.digest === baseDigest);
    if (top.digest !== baseDigest && listed) candidates.push(top.digest);
  }
  const outcomes: { digest: string; result: StoredSignature }[] = [];
  for (const digest of candidates) {
    const result = await verifyStoredSignature(client, ref, digest, key);
    if (result.status === 'valid') return [];
    outcomes.push({ digest, result });
  }
  const repo = `${ref.registry}/${ref.repository}`;
  const keyText = `${key.file} (${key.kind}, ${key.fingerprint})`;
  const unsigned = outcomes.every((o) => o.result.status === 'unsigned');
  const detail = outcomes
    .map((o) =>
      o.result.status === 'invalid'
        ? `${repo}:${o.result.tag} holds no valid signature of ${o.digest}: ${o.result.reason}`
        : `${repo} has no signature of ${o.digest} (no tag ${signatureTag(o.digest)})`,
    )
    .join('; ');
  return [
    {
      kind: 'compliance',
      key: `${image.info.name}|${BASE_SIGNATURE_RULE}|${baseRef}`,
      rule: BASE_SIGNATURE_RULE,
      title: unsigned
        ? `Base image ${baseRef} is not signed`
        : `Base image ${baseRef} has no valid signature by the required key`,
      message:
        `The required base image ${baseRef} (${baseDigest}) is not signed by the public key ${keyText}: ${detail}. ` +
        `Use a base image signed with that key (cosign sign --key <private key> ${repo}@${baseDigest}), or check the "base-image-public-key" and "required-base-image" inputs.`,
      severity: 'High',
    },
  ];
}

export const baseImageCheck: ComplianceCheck = {
  inputs: ['required-base-image', 'base-image-public-key'],
  enabled: (p) => !!p.requiredBaseImage,
  label: (p) =>
    `required-base-image: ${p.requiredBaseImage ?? ''}${p.baseImagePublicKey ? `, signed by the key in ${p.baseImagePublicKey}` : ''}`,
  owns: (rule) => rule === BASE_IMAGE_RULE || rule === BASE_SIGNATURE_RULE,
  readsLayers: true,
  validate: (p) => {
    if (!p.baseImagePublicKey) return;
    if (!p.requiredBaseImage) {
      throw new ClairScanError(
        'base-image-public-key is set but required-base-image is not: there is no base image whose signature to check',
        {
          hint: 'set required-base-image to the signed base image (a registry reference), or remove base-image-public-key.',
        },
      );
    }
    loadSignatureKey(p.baseImagePublicKey);
  },
  run: async (image, p, ctx) => {
    // base-image-public-key: the base's signature is read with the scan's (host-bound) registry credentials.
    const publicKey = p.baseImagePublicKey ? loadSignatureKey(p.baseImagePublicKey) : undefined;
    return requiredBaseImage(image, p.requiredBaseImage as string, (ref) => ctx.resolveImage(ref), {
      publicKey,
      registry: ctx.registry,
    });
  },
};
