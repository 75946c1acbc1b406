/**
 * `platform: all` in batch mode: each image line becomes one batch image per platform of its registry index,
 * written `LINE (os/arch[/variant])` — the text the batch keys its summary, resume state and report directory by —
 * and read back into a request for that platform when scanned. Platforms are listed from registries only (the usual
 * batch: a registry listing, `registry:` lines); any other line, or an index that cannot be listed, is an errored
 * image of the batch (exit 2), never one platform scanned as if it were all.
 */
import { ClairScanError } from '../util/errors';
import { parseImageRequest, type ImageRequest, type Settings } from '../inputs/settings';
import { registryPlatforms } from '../image/registry';

/** ` (linux/arm64)` at the end of a batch image: the platform label expandPlatforms wrote. */
const LABEL = / \(([a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?)\)$/;

/** The batch's images with `platform: all` expanded; `failed`: lines whose platforms could not be listed. */
export async function expandPlatforms(
  images: string[],
  settings: Settings,
): Promise<{ images: string[]; failed: { image: string; error: ClairScanError }[] }> {
  if (settings.platform !== 'all') return { images, failed: [] };
  const out: string[] = [];
  const failed: { image: string; error: ClairScanError }[] = [];
  for (const image of images) {
    const req = parseImageRequest(image);
    const source = req.source ?? (settings.imageSource === 'auto' ? undefined : settings.imageSource);
    if (source !== 'registry') {
      failed.push({
        image,
        error: new ClairScanError(
          `platform: all in batch mode reads the platforms of registry images only, and ${image} is not read from a registry`,
          {
            hint: 'write the line as registry:<ref> (or list the registry: registry:HOST/ORG/*), set platform to one platform, or scan the archive or daemon image on its own (outside batch mode).',
          },
        ),
      });
      continue;
    }
    try {
      for (const p of await registryPlatforms(req.ref, settings.registry)) out.push(`${image} (${p})`);
    } catch (err) {
      failed.push({
        image,
        error:
          err instanceof ClairScanError
            ? err
            : new ClairScanError(String(err), { hint: 'check the registry and the reference.' }),
      });
    }
  }
  return { images: out, failed };
}

/** The request a batch image stands for: with `platform: all`, a labelled line is that platform of the line. */
export function batchImageRequest(image: string, settings: Pick<Settings, 'platform'>): ImageRequest {
  const m = settings.platform === 'all' ? LABEL.exec(image) : null;
  if (!m) return parseImageRequest(image);
  return { ...parseImageRequest(image.slice(0, m.index)), platform: m[1] };
}
