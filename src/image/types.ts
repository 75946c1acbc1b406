/**
 * What every image source (Docker daemon, archive file, registry) provides: the image's metadata and a
 * way to stream each layer. Nothing here holds a layer in memory: `open()` returns a stream.
 */
import type { Readable } from 'node:stream';
import type { ImageInfo } from '../findings/model';

export interface ImageLayer {
  /** sha256 digest of the bytes `open()` yields (what Clair verifies). */
  digest: string;
  /** sha256 of the uncompressed tar (config rootfs.diff_ids). */
  diffId: string;
  /** Size in bytes of what `open()` yields, when known. */
  size?: number;
  /** Media type of the blob (tar, tar+gzip, tar+zstd). */
  mediaType: string;
  /** The blob as stored (possibly compressed). Each call opens a new stream. */
  open(): Promise<Readable>;
  /** The uncompressed tar stream (for compliance checks). Each call opens a new stream. */
  openTar(): Promise<Readable>;
  /**
   * sha256 of the uncompressed tar computed from the content (not taken from the image config), when the
   * source can tell it cheaply or compute it once; callers without it hash `openTar()` themselves.
   */
  uncompressedDigest?(): Promise<string>;
}

export interface ResolvedImage {
  info: ImageInfo;
  /** Layers in order, base first; `info.layers` describes the same layers. */
  layers: ImageLayer[];
  /**
   * The parts of the image config that can hold secret values: Config.Env (`NAME=value`) and every history
   * `created_by`, empty layers (ENV, ARG) included. Raw: only the secrets check reads it; it never enters the
   * model (reports get the redacted history, see findings/redact.ts).
   */
  rawConfig?: { env: string[]; history: { createdBy: string; emptyLayer: boolean }[] };
  /** Frees what the source holds (temp files, connections). Idempotent. */
  close(): Promise<void>;
}
