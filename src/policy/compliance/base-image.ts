/**
 * required-base-image: the scanned image must be built on the given base image, i.e. the base's layer
 * diff ids must be the first diff ids of the scanned image.
 *
 * The scanned image's diff ids are not taken from its config (which the image's author writes): each compared
 * layer's uncompressed digest is computed from its content — free for uncompressed (docker save) layers, whose
 * digest is known from spooling; a compressed layer is decompressed and hashed once.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ComplianceFinding } from '../../findings/model';
import type { ImageLayer, ResolvedImage } from '../../image/types';
import { ClairScanError, errorMessage } from '../../util/errors';

export const BASE_IMAGE_RULE = 'required-base-image';

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
): Promise<ComplianceFinding[]> {
  const info = image.info;
  const base = await resolveImage(baseRef);
  let baseIds: string[];
  try {
    baseIds = base.info.layers.map((l) => l.diffId);
  } finally {
    await base.close();
  }
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
      throw new ClairScanError(`${BASE_IMAGE_RULE}: cannot read layer ${i + 1} of ${info.ref} to compute its diff id: ${errorMessage(err)}`, {
        hint: 'check that the image source is reachable and the image complete, then run the scan again.',
        cause: err,
      });
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
