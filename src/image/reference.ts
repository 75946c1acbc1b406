/**
 * Image names, in one place: the source prefixes of an image input (`docker:`, `archive:`, `registry:` …),
 * references `[registry/]repo[:tag][@digest]` with Docker's defaults (docker.io, library/, latest), tag and
 * digest stripping, and the stable image name reports, fingerprints and sticky comments are keyed by.
 */

export type ImageSourceKind = 'docker' | 'archive' | 'registry';

export interface ImageRequest {
  /** As given, e.g. "docker:myapp:ci". */
  input: string;
  /** Without the source prefix. */
  ref: string;
  /** Explicit source, or undefined for `auto`. */
  source?: ImageSourceKind;
  /** `platform: all`: the one platform (`os/arch[/variant]`) of the image this target scans (image/platform.ts). */
  platform?: string;
}

/**
 * `docker:`, `archive:`, `registry:`, and `docker-archive:` / `oci-archive:` (grype's and syft's names for
 * `archive:`). "docker:5000/app" is a registry host with a port, not the docker: prefix; `oci://` is a URL.
 */
const SOURCE_PREFIX = /^(docker-archive|oci-archive|docker|archive|registry):(?!\/\/)(?!\d+\/)(.+)$/;

/** The prefix as written (e.g. `oci-archive`) and the rest; no prefix: `{ ref: input }`. */
export function splitSourcePrefix(input: string): { prefix?: string; ref: string } {
  const m = SOURCE_PREFIX.exec(input);
  return m ? { prefix: m[1], ref: m[2] } : { ref: input };
}

/** An image input as the user wrote it → where to read it from and the reference without the prefix. */
export function parseImageRequest(input: string): ImageRequest {
  // `docker-archive:` and `oci-archive:` are `archive:`: the format is found from the file.
  const { prefix, ref } = splitSourcePrefix(input);
  if (prefix) return { input, ref, source: (prefix.endsWith('archive') ? 'archive' : prefix) as ImageSourceKind };
  return { input, ref: input };
}

/** `name[:tag][@digest]` → `name` (a `:` before the last `/` is a registry port, not a tag). */
export function stripTag(ref: string): string {
  let r = ref.replace(/@.*$/, '');
  const colon = r.lastIndexOf(':');
  if (colon > r.lastIndexOf('/')) r = r.slice(0, colon);
  return r;
}

/**
 * The image's name without source prefix, tag or digest — stable across builds, so what is keyed by it (e.g. the
 * marker of a sticky comment for `myapp:${sha}`) stays the same from push to push. Archives keep their path.
 */
export function stableImageName(req: Pick<ImageRequest, 'ref' | 'source'>): string {
  const ref = req.ref.trim();
  if (req.source === 'archive') return `archive:${ref}`;
  return stripTag(ref).toLowerCase();
}

export interface ImageReference {
  /** Registry host[:port] as written, or docker.io. */
  registry: string;
  /** Repository path in the registry, e.g. library/alpine or org/app. */
  repository: string;
  tag?: string;
  digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

export function parseReference(ref: string): ImageReference | undefined {
  let rest = ref.trim();
  if (!rest || /\s/.test(rest)) return undefined;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift() as string;
  }
  let repository = parts.join('/');
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository))
    return undefined;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (!tag && !digest) tag = 'latest';
  return { registry, repository, tag, digest };
}

/**
 * The stable image name used in reports and fingerprints: no registry for Docker Hub, no `library/`, no tag,
 * no digest. `ghcr.io/org/app:1.2` → `ghcr.io/org/app`; `alpine:3.19` → `alpine`.
 */
export function stableName(ref: ImageReference): string {
  if (ref.registry === 'docker.io') return ref.repository.replace(/^library\//, '');
  return `${ref.registry}/${ref.repository}`;
}

/**
 * The hosts registry credentials are bound to (`registry-host`): the given list (its first entry is the one
 * registry, the others its token-service hosts), else exactly one registry: the first image's that is named
 * explicitly (`ghcr.io/org/app`, `localhost:5000/app`) or read with `registry:`. Never every registry of a list:
 * a third-party registry in an images file must not receive the credentials meant for the user's own.
 * An unqualified name (`myapp:ci`) read from the daemon does not bind Docker Hub.
 */
export function credentialHosts(
  explicit: string[],
  images: { ref: string; source?: string }[],
  imageSource: string,
): string[] {
  if (explicit.length) return [...new Set(explicit.map((h) => h.trim()).filter(Boolean))];
  for (const img of images) {
    const source = img.source ?? imageSource;
    if (source === 'archive' || source === 'docker') continue;
    const ref = parseReference(img.ref);
    if (!ref) continue;
    const first = img.ref.split('/')[0];
    const named = img.ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (named || source === 'registry') return [ref.registry];
  }
  return [];
}
