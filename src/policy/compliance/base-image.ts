/**
 * required-base-image: the scanned image must be built on the given base image, i.e. the base's layer
 * diff ids must be the first diff ids of the scanned image.
 */
import type { ComplianceFinding, ImageInfo } from '../../findings/model';
import type { ResolvedImage } from '../../image/types';

export const BASE_IMAGE_RULE = 'required-base-image';

export async function requiredBaseImage(
  info: ImageInfo,
  baseRef: string,
  resolveImage: (ref: string) => Promise<ResolvedImage>,
): Promise<ComplianceFinding[]> {
  const base = await resolveImage(baseRef);
  let baseIds: string[];
  try {
    baseIds = base.info.layers.map((l) => l.diffId);
  } finally {
    await base.close();
  }
  const ids = info.layers.map((l) => l.diffId);
  const mismatch = baseIds.findIndex((id, i) => ids[i] !== id);
  if (mismatch === -1) return [];

  const n = mismatch + 1;
  const detail =
    mismatch >= ids.length
      ? `the base image has ${baseIds.length} layers but the image has only ${ids.length}`
      : `layer ${n} differs: the base image has ${baseIds[mismatch]}, the image has ${ids[mismatch]}`;
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
      ...(mismatch < ids.length ? { layer: ids[mismatch] } : {}),
    },
  ];
}
