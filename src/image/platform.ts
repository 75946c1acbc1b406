/**
 * The `platform` input: which platform of a multi-platform image to scan (`os/arch[/variant]`, e.g. `linux/arm64`,
 * `linux/arm/v7`), or `all` (one scan target per platform of the index). Pure logic shared by every image source:
 * parsing, matching as containerd does (`aarch64` is `arm64`, `arm` means `arm/v7`, `arm64/v8` is `arm64`),
 * choosing a manifest from an index, and refusing hostile indexes (too many entries, duplicates, platforms the
 * image config contradicts). Unset, nothing here runs: the sources keep their default choice (oci.ts pickPlatform).
 */
import { ClairScanError } from '../util/errors';
import type { OciDescriptor } from './oci';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** `platform` as parsed: unset (the default choice), one platform, or every platform of the index. */
export type PlatformSpec = undefined | 'all' | Platform;

/**
 * Most platform manifests an index may list. Real images have a handful (Docker Official Images: at most 9, plus
 * as many attestation manifests); a scan per entry of a larger index is a denial of service, not a use case.
 */
export const MAX_INDEX_MANIFESTS = 64;

const HINT =
  'write the platform as os/arch[/variant], e.g. linux/amd64, linux/arm64 or linux/arm/v7, or `all` for every platform of the image.';

const ARCH_ALIASES: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  i686: '386',
  i386: '386',
};

/** `os/arch[/variant]` → Platform; anything else is a ClairScanError naming the input. */
export function parsePlatform(text: string, what = 'input "platform"'): Platform {
  const parts = text.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9][a-z0-9._-]{0,31}$/.test(p))) {
    throw new ClairScanError(`${what} has an invalid value "${text.trim()}"`, { hint: HINT });
  }
  return normalizePlatform({ os: parts[0], architecture: parts[1], variant: parts[2] });
}

/** The `platform` input: '' → undefined (the default), `all`, or one platform. */
export function parsePlatformSpec(text: string | undefined): PlatformSpec {
  const t = (text ?? '').trim();
  if (!t) return undefined;
  if (t.toLowerCase() === 'all') return 'all';
  return parsePlatform(t);
}

/** containerd's normalization: architecture aliases, `arm` without a variant is v7, `arm64/v8` and `amd64/v1` drop theirs. */
export function normalizePlatform(p: { os?: string; architecture?: string; variant?: string }): Platform {
  const os = (p.os ?? '').toLowerCase();
  const architecture = ARCH_ALIASES[(p.architecture ?? '').toLowerCase()] ?? (p.architecture ?? '').toLowerCase();
  let variant = (p.variant ?? '').toLowerCase() || undefined;
  if (architecture === 'arm' && !variant) variant = 'v7';
  if ((architecture === 'arm64' && variant === 'v8') || (architecture === 'amd64' && variant === 'v1'))
    variant = undefined;
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: { os?: string; architecture?: string; variant?: string }): string {
  const n = normalizePlatform(p);
  return [n.os || 'unknown', n.architecture || 'unknown', ...(n.variant ? [n.variant] : [])].join('/');
}

/** Same os, architecture and variant once normalized. */
export function platformMatches(
  want: Platform,
  have: { os?: string; architecture?: string; variant?: string } | undefined,
): boolean {
  return !!have && formatPlatform(want) === formatPlatform(have);
}

/** Entries of an index that are not images of a platform: BuildKit's attestation manifests (`unknown/unknown`). */
export function isAttestation(d: OciDescriptor): boolean {
  return (
    !!d.annotations?.['vnd.docker.reference.type'] ||
    (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown')
  );
}

/**
 * The index's platform manifests (attestations left out), checked: a list of descriptors with digests and
 * platforms, at most MAX_INDEX_MANIFESTS, no platform twice. `what` names the image in errors.
 */
export function indexPlatforms<T extends OciDescriptor>(
  manifests: unknown,
  what: string,
): { platform: string; desc: T }[] {
  if (!Array.isArray(manifests)) throw hostile(what, 'its "manifests" is not a list');
  if (manifests.length > MAX_INDEX_MANIFESTS * 2)
    throw hostile(
      what,
      `it lists ${manifests.length} manifests (at most ${MAX_INDEX_MANIFESTS} platforms are scanned)`,
    );
  const out: { platform: string; desc: T }[] = [];
  const seen = new Set<string>();
  for (const d of manifests as T[]) {
    if (!d || typeof d !== 'object' || typeof d.digest !== 'string')
      throw hostile(what, 'an entry of its "manifests" has no digest');
    if (isAttestation(d)) continue;
    const p = d.platform;
    if (!p || typeof p.os !== 'string' || typeof p.architecture !== 'string' || !p.os || !p.architecture) {
      throw hostile(what, `its entry ${d.digest} names no platform (os and architecture)`);
    }
    const platform = formatPlatform(p);
    if (seen.has(platform)) throw hostile(what, `it lists the platform ${platform} twice`);
    seen.add(platform);
    out.push({ platform, desc: d });
  }
  if (out.length > MAX_INDEX_MANIFESTS)
    throw hostile(what, `it lists ${out.length} platforms (at most ${MAX_INDEX_MANIFESTS} are scanned)`);
  if (out.length === 0) throw hostile(what, 'it lists no platform image (only attestations, or nothing)');
  return out;
}

/** The index entry for `want`; absent, an error that names the platforms the index has. */
export function selectPlatform<T extends OciDescriptor>(manifests: unknown, want: Platform, what: string): T {
  const list = indexPlatforms<T>(manifests, what);
  const hit = list.find((e) => e.platform === formatPlatform(want));
  if (hit) return hit.desc;
  throw new ClairScanError(`${what} has no image for the platform ${formatPlatform(want)}`, {
    hint: `it has: ${list.map((e) => e.platform).join(', ')}. Set platform to one of them, or to \`all\`.`,
  });
}

/**
 * The image config must say the platform its index entry (or the `platform` input) named: a manifest filed under
 * linux/arm64 whose config says amd64 is refused rather than reported as the arm64 image.
 */
export function checkConfigPlatform(
  config: { os?: string; architecture?: string; variant?: string },
  want: Platform,
  what: string,
): void {
  if (platformMatches(want, config)) return;
  throw new ClairScanError(`${what} is a ${formatPlatform(config)} image, not ${formatPlatform(want)}`, {
    hint: 'the index (or the image) names another platform than its image config says; check how the image was built and pushed, or set platform to the platform the image really is.',
  });
}

function hostile(what: string, why: string): ClairScanError {
  return new ClairScanError(`${what} is not a usable image index: ${why}`, {
    hint: 'check the reference; a multi-platform image (docker buildx --platform …) lists each platform once, with its os and architecture.',
  });
}
