/**
 * Image archives: `docker save` output (legacy `manifest.json` + `<id>/layer.tar`, or Docker ≥25's OCI
 * layout with a `manifest.json`) and plain OCI image-layout tars (`index.json` + `blobs/sha256/…`).
 *
 * The archive is a sequential stream (a file, or the daemon's export), while Clair fetches layers in any order
 * and concurrently. A daemon export (or a gzipped file) is spooled ONCE to a private temp dir, file by file,
 * hashing on the way — never holding a layer in memory. An uncompressed archive file is read once to hash its
 * entries and then read in place (each entry is one byte range of the file, no copy): our own later reads of a
 * range are hashed again and must match, and Clair checks the layers it fetches against the digests, so a file
 * changed after the scan is an error, never other bytes. Digests are always computed, never taken from file names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import * as tar from 'tar-stream';
import { ClairScanError, errorMessage } from '../util/errors';
import { byteCap, CAPS } from '../util/caps';
import type { BundleRequire } from '../util/lazy';
import type { ImageInfo } from '../findings/model';
import {
  contentManifestDigest,
  imageInfoOf,
  pickPlatform,
  rawConfigOf,
  type ImageConfigJson,
  type OciDescriptor,
} from './oci';
import type { ImageLayer, ResolvedImage } from './types';
import { parseReference, stableName } from './reference';
import { checkConfigPlatform, formatPlatform, indexPlatforms, selectPlatform, type Platform } from './platform';

export interface SpooledFile {
  file: string;
  sha256: string;
  size: number;
  /** In place: the entry's bytes are `size` bytes of `file` (the archive) from here; absent: all of `file`. */
  offset?: number;
  /** In place: the entry's first (up to 4) bytes, as hashed. */
  head?: Buffer;
}

/**
 * Reads an uncompressed archive file once, hashing its entries, and describes each by its byte range in the file
 * (no copy, no temp dir). Same rules and limits as spoolArchive; read the entries with readEntry / the layers.
 * Plain tar is read without a stream (archive-plain.ts); anything else by tar-stream, as a spool is.
 */
export async function scanArchiveInPlace(
  file: string,
  opts: { what?: string; limits?: Partial<ArchiveLimits> } = {},
): Promise<SpooledArchive> {
  const plain = await (await loadPlainReader()).readPlainArchive(file, opts);
  if (plain) return plain;
  // 1 MiB reads: a fifth of the tar reader's per-chunk work of fs's default 64 KiB.
  return spoolArchive(fs.createReadStream(file, { highWaterMark: 1 << 20 }), '', { ...opts, inPlace: file });
}

declare const require: BundleRequire;
/** archive-plain.ts, loaded on use: only archive files need it, not a daemon's export (util/lazy.ts). */
const loadPlainReader = (): Promise<typeof import('./archive-plain')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!(
          [],
          () => ok(require('./archive-plain') as typeof import('./archive-plain')),
          fail,
          'archive-plain',
        ),
      )
    : Promise.resolve(require('./archive-plain') as typeof import('./archive-plain'));

/** Bytes read from an in-place range per chunk. */
export const RANGE_CHUNK = 1 << 20;

function changedError(f: SpooledFile): ClairScanError {
  return new ClairScanError(
    `the image archive "${f.file}" changed while it was being scanned (the ${f.size} bytes at offset ${f.offset} no longer have digest ${f.sha256})`,
    { hint: 'do not write to or replace the archive file while clair-scan reads it; scan it again.' },
  );
}

/** A whole entry: its spooled file, or (in place) its range of the archive, which must still hash as it did. */
function readEntry(f: SpooledFile): Buffer {
  if (f.offset === undefined) return fs.readFileSync(f.file);
  const buf = Buffer.alloc(f.size);
  const fd = fs.openSync(f.file, 'r');
  try {
    for (let at = 0; at < f.size;) {
      const n = fs.readSync(fd, buf, at, f.size - at, f.offset + at);
      if (n === 0) throw changedError(f);
      at += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (`sha256:${createHash('sha256').update(buf).digest('hex')}` !== f.sha256) throw changedError(f);
  return buf;
}

/**
 * An entry as a stream. In place and `verify`, the range is hashed as it is read and the last chunk is held back
 * until the digest is checked: the reader (a compliance check, the uncompressed digest) gets the bytes that were
 * hashed, or an error. What Clair fetches (layer `open()`) is not hashed here: Clair checks every fetched layer
 * against the digest we computed and fails the index on a mismatch (__tests__/e2e/security/layer-digest.test.ts).
 */
function openEntry(f: SpooledFile, verify: boolean): Readable {
  if (f.offset === undefined) return fs.createReadStream(f.file, { highWaterMark: RANGE_CHUNK });
  if (verify) return Readable.from(readVerifiedRange(f), { objectMode: false });
  // Unverified (what Clair fetches): the range as a plain stream (RangeStream).
  return new RangeStream(f);
}

/**
 * An in-place entry's byte range as a plain stream, for what the layer server sends Clair: fs reads with callbacks
 * (no FileHandle, no promise per chunk and no generator, which cost the batch's layer serving about 1 ms per image).
 * A read that ends before the range does is an error (the file changed), never an early end that looks complete:
 * why not fs.createReadStream with start/end, which ends quietly at a shorter file (the response, sent with its
 * Content-Length, would then leave Clair waiting for the rest).
 */
class RangeStream extends Readable {
  private fd = -1;
  private at = 0;
  /** A read in flight: the descriptor is closed after it, never under it. */
  private reading = false;
  private closing?: () => void;
  constructor(private readonly f: SpooledFile) {
    super({ highWaterMark: RANGE_CHUNK });
  }

  override _construct(cb: (err?: Error | null) => void): void {
    fs.open(this.f.file, 'r', (err, fd) => {
      this.fd = err ? -1 : fd;
      cb(err);
    });
  }

  override _read(): void {
    const left = this.f.size - this.at;
    if (left <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.allocUnsafe(Math.min(RANGE_CHUNK, left));
    this.reading = true;
    fs.read(this.fd, buf, 0, buf.length, (this.f.offset as number) + this.at, (err, n) => {
      this.reading = false;
      if (this.closing) return this.closing();
      if (err) return void this.destroy(err);
      if (n === 0) return void this.destroy(changedError(this.f));
      this.at += n;
      this.push(n === buf.length ? buf : buf.subarray(0, n));
    });
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const fd = this.fd;
    this.fd = -1;
    if (fd < 0) return cb(err);
    const close = (): void => fs.close(fd, () => cb(err));
    if (this.reading) this.closing = close;
    else close();
  }
}

/** An in-place range, hashed as it is read; the last chunk is yielded only once the whole range matched. */
async function* readVerifiedRange(f: SpooledFile): AsyncGenerator<Buffer> {
  const offset = f.offset as number;
  const fh = await fs.promises.open(f.file, 'r');
  try {
    const hash = createHash('sha256');
    let held: Buffer | undefined;
    for (let at = 0; at < f.size;) {
      const buf = Buffer.allocUnsafe(Math.min(RANGE_CHUNK, f.size - at));
      const { bytesRead } = await fh.read(buf, 0, buf.length, offset + at);
      // Shorter than it was: never an early end that looks complete.
      if (bytesRead === 0) throw changedError(f);
      const chunk = bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
      at += bytesRead;
      hash.update(chunk);
      if (held) yield held;
      held = chunk;
    }
    if (`sha256:${hash.digest('hex')}` !== f.sha256) throw changedError(f);
    if (held) yield held;
  } finally {
    await fh.close();
  }
}

export interface SpooledArchive {
  dir: string;
  /** Every name the archive ends up with (tar semantics: the last entry of a name wins), links resolved. */
  files: Map<string, SpooledFile>;
  /** Names that are links (symbolic or hard) in the archive: never accepted for metadata files. */
  links?: Set<string>;
}

/** What one archive may hold; beyond it the spool stops with an error (gzip bombs, inode exhaustion). */
export interface ArchiveLimits {
  /** Total bytes of the regular files. */
  maxBytes: number;
  /** Entries of any type. */
  maxEntries: number;
  /** Bytes of one entry name (and link target). */
  maxNameLength: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxBytes: 64 * 2 ** 30,
  maxEntries: 100_000,
  maxNameLength: 4096,
};

/** Names docker load / OCI tools read as metadata: a link there is never what `docker save` writes. */
const METADATA_NAMES = new Set(['manifest.json', 'index.json', 'oci-layout', 'repositories']);

const NOT_AN_ARCHIVE_HINT =
  'create it with `docker save IMAGE -o file.tar` (a gzip-compressed one, `docker save IMAGE | gzip > file.tar.gz`, is read too) or as an OCI archive (`skopeo copy docker-daemon:IMAGE oci-archive:file.tar`).';

type Entry = { kind: 'file'; f: SpooledFile } | { kind: 'symlink'; target: string };

/** The header fields the entry rules read (tar-stream's header, or tar-plain.ts's). */
export interface EntryHeader {
  name: string;
  linkname?: string | null;
  type?: string | null;
  /** null: tar-stream could not read the field. */
  size?: number | null;
}

/**
 * The rules every entry of an archive passes, whichever reader decoded it (tar-stream in spoolArchive, the plain
 * reader in archive-plain.ts): the limits, safe and consistent names, and tar's semantics, as `docker load` reads
 * them (the last entry of a name replaces earlier ones, a hard link is the file its target is at that point, a
 * symbolic link is resolved against the final contents).
 */
export class EntryRules {
  private readonly entries = new Map<string, Entry>();
  private readonly linkNames = new Set<string>();
  private readonly paths: ReturnType<typeof pathCheck>;
  seen = 0;
  private bytes = 0;

  constructor(
    private readonly what: string,
    private readonly limits: ArchiveLimits,
  ) {
    this.paths = pathCheck(what);
  }

  /**
   * Takes one entry: its (normalized) name when it is a regular file, whose bytes the reader then hashes and gives
   * to `file`; undefined when nothing is to be read. Throws the ClairScanError that refuses the archive.
   */
  entry(header: EntryHeader): string | undefined {
    const { what, limits } = this;
    this.seen++;
    if (this.seen > limits.maxEntries)
      throw new ClairScanError(`${what} has more than ${limits.maxEntries} entries`, {
        hint: `an image archive holds a few entries per layer; ${NOT_AN_ARCHIVE_HINT}`,
      });
    if (
      Buffer.byteLength(header.name) > limits.maxNameLength ||
      Buffer.byteLength(header.linkname ?? '') > limits.maxNameLength
    )
      throw new ClairScanError(`${what} has an entry name longer than ${limits.maxNameLength} bytes`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    const name = normalizeEntry(header.name);
    if (name === undefined)
      throw new ClairScanError(`the image archive contains an unsafe path "${header.name}"`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    // A size tar-stream could not read (a malformed base-256 field is null to it): it then waited for the entry's
    // end forever.
    if (typeof header.size !== 'number' || !Number.isSafeInteger(header.size) || header.size < 0)
      throw badSize(what, header);
    // tar-stream reads a directory's bytes as the next entries, Go's archive/tar (docker load) skips them: either
    // hides entries from the other (and tar-stream waited for the end of such an entry forever).
    if (header.type === 'directory' && header.size > 0)
      throw new ClairScanError(
        `${what} has a directory "${header.name}" with ${header.size} bytes of content, which tar readers read differently`,
        { hint: 'use an archive written by `docker save` or an OCI tool (their directories have no content).' },
      );
    const clash = this.paths.add(name, header.type ?? 'file');
    if (clash) throw clash;
    if (header.type === 'link') {
      // A hard link is what its target is now; a later entry of the target's name does not change it.
      const target = normalizeEntry(header.linkname ?? '');
      const t = target === undefined ? undefined : resolveEntry(this.entries, target);
      if (!t)
        throw new ClairScanError(
          `${what} has a hard link "${name}" to "${header.linkname ?? ''}", which is not an earlier file in it`,
          { hint: 'use an archive written by `docker save` or an OCI tool.' },
        );
      this.entries.set(name, { kind: 'file', f: t });
      this.linkNames.add(name);
      return undefined;
    }
    if (header.type === 'symlink') {
      const target = normalizeEntry(path.posix.join(path.posix.dirname(name), header.linkname ?? ''));
      if (target) this.entries.set(name, { kind: 'symlink', target });
      else this.entries.delete(name);
      this.linkNames.add(name);
      return undefined;
    }
    // Any other entry (a directory, a device …) replaces a file of that name too.
    this.entries.delete(name);
    this.linkNames.delete(name);
    if (header.type !== 'file' && header.type !== 'contiguous-file') return undefined;
    this.bytes += header.size;
    if (this.bytes > limits.maxBytes)
      throw new ClairScanError(
        `${what} holds more than ${formatBytes(limits.maxBytes)} of files, the limit for one image`,
        {
          hint: 'check that this is the image you meant to scan (a compressed archive can expand to far more than its size).',
        },
      );
    return name;
  }

  /** A regular file's bytes, as read and hashed. */
  file(name: string, f: SpooledFile): void {
    this.entries.set(name, { kind: 'file', f });
  }

  /** The archive as read, links resolved. */
  archive(dir: string): SpooledArchive {
    const files = new Map<string, SpooledFile>();
    for (const name of this.entries.keys()) {
      const f = resolveEntry(this.entries, name);
      if (f) files.set(name, f);
    }
    return { dir, files, links: this.linkNames };
  }
}

/**
 * Spools a tar stream to `dir` (the entry rules: EntryRules). `what` names the input in errors (e.g. the file's
 * path). Limits: see ArchiveLimits. `inPlace`: the stream is that archive file from its first byte, whose entries
 * are described by their byte ranges instead of being written (what archive-plain.ts leaves to tar-stream).
 */
export async function spoolArchive(
  input: Readable,
  dir: string,
  opts: { what?: string; limits?: Partial<ArchiveLimits>; reuse?: SpoolReuse; inPlace?: string } = {},
): Promise<SpooledArchive> {
  const what = opts.what ?? 'the image archive';
  const rules = new EntryRules(what, { ...DEFAULT_ARCHIVE_LIMITS, ...opts.limits });
  const extract = tar.extract();
  let counter = 0;
  const done = new Promise<void>((resolve, reject) => {
    type EntryStream = { on(event: string, f: () => void): unknown; resume(): unknown };
    const skip = (stream: EntryStream, next: () => void): void => {
      // The archive's own error (cut short inside this entry) reaches the pipeline; unheard here it was an uncaught
      // 'error' event that ended the process.
      stream.on('error', () => undefined);
      stream.resume();
      stream.on('end', next);
    };
    extract.on('entry', (header, stream, next) => {
      let name: string | undefined;
      try {
        name = rules.entry(header);
      } catch (err) {
        reject(err);
        // Stop reading: the pipeline then destroys the input (a file or the daemon's export connection).
        stream.on('error', () => undefined);
        extract.destroy();
        return;
      }
      if (name === undefined) {
        skip(stream, next);
        return;
      }
      const entryName = name;
      if (opts.inPlace !== undefined) {
        // `input` is the archive file from its first byte and `stream.offset` where the entry's 512-byte header
        // starts: its data follows. A wrong range could never pass for the entry: see readVerifiedRange.
        const offset = stream.offset + 512;
        const hash = createHash('sha256');
        let size = 0;
        const heads: Buffer[] = [];
        stream.on('data', (data) => {
          const chunk = data as Buffer;
          hash.update(chunk);
          // The first bytes, for the compression sniff: taken from the hashed bytes, not read again.
          if (size < 4) heads.push(Buffer.from(chunk.subarray(0, 4 - size)));
          size += chunk.length;
        });
        stream.on('error', reject);
        stream.on('end', () => {
          const f = { file: opts.inPlace as string, sha256: `sha256:${hash.digest('hex')}`, size, offset };
          rules.file(entryName, { ...f, head: Buffer.concat(heads) });
          next();
        });
        return;
      }
      // Stored under a counter, not the entry name: names come from outside.
      const file = path.join(dir, `f${counter++}`);
      // The run spooled this entry already (a layer shared by a batch's images): a hard link, nothing written.
      const have = opts.reuse?.find(entryName, header.size ?? -1);
      if (have && hardLink(have.file, file)) {
        const f = { file, sha256: have.sha256, size: have.size };
        rules.file(entryName, f);
        opts.reuse?.spooled(entryName, f, true);
        skip(stream, next);
        return;
      }
      const hash = createHash('sha256');
      let size = 0;
      const hasher = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      });
      // A deep write buffer (8 MiB, bounded): with fs's default 16 KiB every chunk waited for its disk write before
      // the tar reader went on, and so did the daemon's export behind it (about a third of the spool time).
      pipeline(stream, hasher, fs.createWriteStream(file, { mode: 0o600, highWaterMark: 8 << 20 }))
        .then(() => {
          const f = { file, sha256: `sha256:${hash.digest('hex')}`, size };
          rules.file(entryName, f);
          opts.reuse?.spooled(entryName, f, false);
          next();
        })
        .catch(reject);
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  try {
    await Promise.all([pipeline(input, extract), done]);
  } catch (err) {
    if (err instanceof ClairScanError) throw err;
    if (rules.seen === 0) throw notATar(what, err);
    throw new ClairScanError(`could not read ${what}: ${errorMessage(err)}`, {
      hint: 'check that the file is a complete `docker save` or OCI image-layout tar (not gzip-compressed as a whole, or truncated).',
      cause: err,
    });
  }
  if (rules.seen === 0) throw notATar(what);
  return rules.archive(dir);
}

/**
 * Entries an earlier spool of the same run holds (docker-daemon.ts: the layers of a batch's daemon exports, by
 * their entry name): `find` offers one to hard-link instead of writing it; `spooled` hears of every regular file.
 */
export interface SpoolReuse {
  find(name: string, size: number): { file: string; sha256: string; size: number } | undefined;
  spooled(name: string, f: { file: string; sha256: string; size: number }, linked: boolean): void;
}

/** A hard link of `from` at `to`; false when it cannot be made (gone meanwhile, another file system …). */
function hardLink(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

const KIND: Record<string, string> = {
  symlink: 'a symbolic link',
  link: 'a hard link',
  file: 'a file',
  'contiguous-file': 'a file',
};

/**
 * Refuses an archive whose entries use one name both as a directory and as something else: a link (or a file)
 * that is also the parent of other entries, before or after them, or a link that replaces a directory. `docker
 * load` unpacks the archive to disk, where a link on a path prefix redirects the other entries (moby follows it,
 * within the archive's root) — so the image it loads would differ from what clair-scan read by name. Archives
 * written by `docker save` or OCI tools never do this (their links are leaves: Docker ≥ 25's `<id>/layer.tar`).
 * `add` returns the error for the first such entry, else undefined.
 */
function pathCheck(what: string): { add(name: string, type: string): ClairScanError | undefined } {
  const dirs = new Set<string>();
  /** Names used by a non-directory entry, with that entry's kind. */
  const others = new Map<string, string>();
  /** Every proper ancestor of every name so far, with the first name under it. */
  const parents = new Map<string, string>();
  const refuse = (entry: string, kind: string, detail: string): ClairScanError =>
    new ClairScanError(
      `${what} has "${entry}" as ${KIND[kind] ?? `a ${kind} entry`} ${detail}: docker load would read other files than clair-scan reads`,
      {
        hint: 'archives written by `docker save` or OCI tools never do this; this one looks built to make the loaded image differ from the scanned one. Export the image again.',
      },
    );
  return {
    add(name, type) {
      const isDir = type === 'directory';
      const ancestors: string[] = [];
      for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) ancestors.push(name.slice(0, i));
      for (const a of ancestors) {
        const kind = others.get(a);
        if (kind) return refuse(a, kind, `and also entries inside it ("${name}")`);
      }
      if (!isDir && name !== '') {
        const under = parents.get(name);
        if (under) return refuse(name, type, `and also entries inside it ("${under}")`);
        if ((type === 'symlink' || type === 'link') && dirs.has(name))
          return refuse(name, type, 'that replaces a directory of that name');
      }
      for (const a of ancestors) if (!parents.has(a)) parents.set(a, name);
      if (isDir) dirs.add(name);
      else if (name !== '' && !others.has(name)) others.set(name, type);
      return undefined;
    },
  };
}

function badSize(what: string, header: EntryHeader): ClairScanError {
  return new ClairScanError(`${what} has an entry "${header.name}" whose size field cannot be read`, {
    hint: 'the archive is damaged or was made to mislead tar readers; use an archive written by `docker save` or an OCI tool.',
  });
}

function notATar(what: string, cause?: unknown): ClairScanError {
  return new ClairScanError(
    `${what} is not a docker-save or OCI image archive (it is not a tar file${cause ? '' : ', or an empty one'})`,
    {
      hint: NOT_AN_ARCHIVE_HINT,
      details: cause === undefined ? undefined : `tar reader: ${errorMessage(cause)}`,
      cause,
    },
  );
}

/** The file a name stands for, following symbolic links (at most 16, as the kernel does). */
function resolveEntry(entries: Map<string, Entry>, name: string): SpooledFile | undefined {
  let n = name;
  for (let hops = 0; hops <= 16; hops++) {
    const e = entries.get(n);
    if (!e) return undefined;
    if (e.kind === 'file') return e.f;
    n = e.target;
  }
  return undefined;
}

function formatBytes(n: number): string {
  return n >= 2 ** 30
    ? `${(n / 2 ** 30).toFixed(0)} GiB`
    : n >= 2 ** 20
      ? `${(n / 2 ** 20).toFixed(0)} MiB`
      : `${n} bytes`;
}

function normalizeEntry(name: string): string | undefined {
  const n = path.posix.normalize(name.replace(/^\.\/+/, '')).replace(/\/+$/, '');
  if (n.startsWith('..') || path.posix.isAbsolute(n) || n === '.') return n === '.' ? '' : undefined;
  return n;
}

interface DockerManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
}

/**
 * Builds a ResolvedImage from a spooled archive. `wanted` picks one image from multi-image archives (by tag);
 * `close` is called by the returned image's close().
 */
export function imageFromArchive(
  spooled: SpooledArchive,
  opts: {
    ref: string;
    source: ImageInfo['source'];
    wanted?: string;
    repoDigests?: string[];
    close: () => Promise<void>;
    platform?: Platform;
  },
): ResolvedImage {
  const read = (name: string): SpooledFile => {
    const f = spooled.files.get(name);
    if (!f)
      throw new ClairScanError(`the image archive has no "${name}"`, {
        hint: 'use a complete archive written by `docker save` or an OCI tool.',
      });
    // A content-addressed blob must have the content its name says (digests are computed, never trusted).
    const blob = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(name);
    if (blob && f.sha256 !== `sha256:${blob[1]}`) {
      throw new ClairScanError(
        `"${name}" in the image archive does not have the digest its name says (it is ${f.sha256})`,
        { hint: 'the archive is corrupt or was tampered with; export the image again.' },
      );
    }
    return f;
  };
  // manifest.json, index.json, configs and manifests: regular files only, never links (which could make us read
  // another entry than `docker load` does).
  const readJson = <T>(name: string): T => {
    const f = read(name);
    if (spooled.links?.has(name)) {
      throw new ClairScanError(`"${name}" in the image archive is a link; image metadata must be a regular file`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    }
    if (f.size > 64 << 20)
      throw new ClairScanError(`"${name}" in the image archive is implausibly large`, {
        hint: 'use an archive written by `docker save`.',
      });
    const text = readEntry(f).toString('utf8');
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new ClairScanError(`"${name}" in the image archive is not valid JSON: ${errorMessage(err)}`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    }
  };

  for (const name of METADATA_NAMES) {
    if (spooled.links?.has(name)) {
      throw new ClairScanError(`"${name}" in the image archive is a link; image metadata must be a regular file`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    }
  }
  let configName: string;
  let layerNames: string[];
  let tags: string[] = [];
  if (spooled.files.has('manifest.json')) {
    const entries = readJson<DockerManifestEntry[]>('manifest.json');
    const entry = pickDockerEntry(entries, opts.wanted);
    configName = entry.Config;
    layerNames = entry.Layers;
    tags = entry.RepoTags ?? [];
  } else if (spooled.files.has('index.json')) {
    const { desc, top } = pickOciManifest(
      readJson<{ manifests?: OciDescriptor[] }>('index.json'),
      opts.wanted,
      (d) => readJson(blobPath(d)),
      opts.platform,
      namedAs(opts),
    );
    const manifest = readJson<{ config: OciDescriptor; layers: OciDescriptor[] }>(blobPath(desc.digest));
    configName = blobPath(manifest.config.digest);
    layerNames = manifest.layers.map((l) => blobPath(l.digest));
    // The name sits on the descriptor in index.json, not on the platform manifest of a nested index.
    const name = ociName(desc) ?? ociName(top);
    if (name && parseReference(name)) tags = [name];
  } else {
    throw new ClairScanError(
      `${opts.source === 'archive' ? `"${opts.ref}"` : 'the image archive'} is not a docker-save or OCI image archive (no manifest.json or index.json inside)`,
      {
        hint: NOT_AN_ARCHIVE_HINT,
      },
    );
  }

  const configFile = read(configName);
  const config = readJson<ImageConfigJson>(configName);
  if (opts.platform) checkConfigPlatform(config, opts.platform, namedAs(opts));
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== layerNames.length) {
    throw new ClairScanError(`the image config lists ${diffIds.length} layers but the manifest ${layerNames.length}`, {
      hint: 'the archive is inconsistent; re-export the image.',
    });
  }
  const layers: ImageLayer[] = [];
  const layerInfos: { digest: string; diffId: string; size: number }[] = [];
  layerNames.forEach((name, i) => {
    const f = read(name);
    const compression = sniffCompression(f);
    const layer = fileLayer(f, diffIds[i], compression);
    layers.push(layer);
    layerInfos.push({ digest: f.sha256, diffId: diffIds[i], size: f.size });
  });

  // An archive's path is not an image reference: an untagged archive is named after the file.
  const refText = opts.wanted ?? tags[0] ?? (opts.source === 'archive' ? undefined : opts.ref);
  const parsed = refText === undefined ? undefined : parseReference(refText);
  const info = imageInfoOf(config, {
    ref: opts.ref,
    name: parsed ? stableName(parsed) : path.basename(opts.ref).replace(/\.(tar|tar\.gz|tgz|oci)$/i, ''),
    tag: parsed?.tag,
    source: opts.source,
    manifestDigest: syntheticManifestDigest(configFile, layers),
    imageId: configFile.sha256,
    repoDigests: opts.repoDigests ?? [],
    layers: layerInfos,
  });
  return { info, layers, rawConfig: rawConfigOf(config), close: opts.close };
}

/** The image as errors name it: an archive's quoted path, or the daemon image's reference. */
function namedAs(opts: { ref: string; source: ImageInfo['source'] }): string {
  return opts.source === 'archive' ? `"${opts.ref}"` : opts.ref;
}

function blobPath(digest: string): string {
  const [alg, hex] = digest.split(':');
  return `blobs/${alg}/${hex}`;
}

function pickDockerEntry(entries: DockerManifestEntry[], wanted?: string): DockerManifestEntry {
  if (!Array.isArray(entries) || entries.length === 0)
    throw new ClairScanError('the image archive holds no image', { hint: 'export the image again.' });
  if (!wanted) return entries[0];
  const w = parseReference(wanted);
  const hit = entries.find((e) => (e.RepoTags ?? []).some((t) => t === wanted || (w && sameRef(parseReference(t), w))));
  if (hit) return hit;
  // A lone untagged image (`docker save <id>`) takes the name asked for; a tagged one is not another tag.
  if (entries.length === 1 && (entries[0].RepoTags ?? []).length === 0) return entries[0];
  throw new ClairScanError(`the image archive does not contain "${wanted}"`, {
    hint: `it contains: ${entries.flatMap((e) => (e.RepoTags?.length ? e.RepoTags : ['<untagged>'])).join(', ')}.`,
  });
}

function sameRef(a: ReturnType<typeof parseReference>, b: ReturnType<typeof parseReference>): boolean {
  return !!a && !!b && a.registry === b.registry && a.repository === b.repository && a.tag === b.tag;
}

const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** The image name on an index.json descriptor; a bare `ref.name` is only a tag (OCI image-layout convention). */
function ociName(d: OciDescriptor | undefined): string | undefined {
  const containerd = d?.annotations?.['io.containerd.image.name'];
  if (containerd) return containerd;
  const ref = d?.annotations?.['org.opencontainers.image.ref.name'];
  return ref && /[:/]/.test(ref) ? ref : undefined;
}

function ociMatches(d: OciDescriptor, wanted: string, w: ReturnType<typeof parseReference>): boolean {
  const names = [
    d.annotations?.['io.containerd.image.name'],
    d.annotations?.['org.opencontainers.image.ref.name'],
  ].filter((n): n is string => !!n);
  if (names.includes(wanted) || names.some((n) => sameRef(parseReference(n), w))) return true;
  const ref = d.annotations?.['org.opencontainers.image.ref.name'];
  return !d.annotations?.['io.containerd.image.name'] && !!ref && !/[:/]/.test(ref) && ref === w?.tag;
}

function pickOciManifest(
  index: { manifests?: OciDescriptor[] },
  wanted: string | undefined,
  readBlob: (d: string) => { manifests?: OciDescriptor[] },
  platform?: Platform,
  what = 'the image archive',
): { desc: OciDescriptor; top?: OciDescriptor } {
  let list = index.manifests ?? [];
  if (wanted && list.length > 0) {
    const w = parseReference(wanted);
    const byName = list.filter((d) => ociMatches(d, wanted, w));
    // As for docker save: a lone unnamed image takes the name asked for; otherwise the name must be there.
    const loneUnnamed =
      list.length === 1 &&
      !list[0].annotations?.['io.containerd.image.name'] &&
      !list[0].annotations?.['org.opencontainers.image.ref.name'];
    if (byName.length) list = byName;
    else if (!loneUnnamed) {
      const names = list.map(
        (d) =>
          d.annotations?.['io.containerd.image.name'] ??
          d.annotations?.['org.opencontainers.image.ref.name'] ??
          '<untagged>',
      );
      throw new ClairScanError(`the image archive does not contain "${wanted}"`, {
        hint: `it contains: ${[...new Set(names)].join(', ')}.`,
      });
    }
  }
  let top: OciDescriptor | undefined;
  for (let depth = 0; depth < 3; depth++) {
    // The level that lists platforms (a containerd export has a name-level index above it) picks the asked one.
    const d =
      platform && list.some((x) => x.platform)
        ? selectPlatform<OciDescriptor>(list, platform, what)
        : pickPlatform(list);
    if (!d) break;
    top ??= d;
    if (!d.mediaType || !INDEX_TYPES.includes(d.mediaType)) return { desc: d, top };
    list = readBlob(d.digest).manifests ?? [];
  }
  throw new ClairScanError('the OCI layout holds no image manifest', {
    hint: 'export the image again (skopeo copy … oci-archive:file.tar).',
  });
}

/**
 * The platforms a spooled archive holds (`platform: all`): an OCI layout's platform manifests (through a
 * name-level index, as containerd exports have), else the one platform of its image config.
 */
export function archivePlatforms(spooled: SpooledArchive, opts: { ref: string; wanted?: string }): string[] {
  const what = `"${opts.ref}"`;
  const readJson = <T>(name: string): T => {
    const f = spooled.files.get(name);
    if (!f || spooled.links?.has(name) || f.size > 64 << 20)
      throw new ClairScanError(`${what} has no usable "${name}"`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    const text = readEntry(f).toString('utf8');
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new ClairScanError(`"${name}" in ${what} is not valid JSON: ${errorMessage(err)}`, {
        hint: 'use an archive written by `docker save` or an OCI tool.',
      });
    }
  };
  const configPlatform = (configName: string): string[] => [formatPlatform(readJson<ImageConfigJson>(configName))];
  if (spooled.files.has('index.json')) {
    let list = readJson<{ manifests?: OciDescriptor[] }>('index.json').manifests ?? [];
    if (opts.wanted) {
      const w = parseReference(opts.wanted);
      const byName = list.filter((d) => ociMatches(d, opts.wanted as string, w));
      if (byName.length) list = byName;
    }
    for (let depth = 0; depth < 3; depth++) {
      if (list.some((d) => d.platform)) return indexPlatforms(list, what).map((e) => e.platform);
      const d = list[0];
      if (!d || list.length > 1) break;
      if (!d.mediaType || !INDEX_TYPES.includes(d.mediaType))
        return configPlatform(blobPath(readJson<{ config: OciDescriptor }>(blobPath(d.digest)).config.digest));
      list = readJson<{ manifests?: OciDescriptor[] }>(blobPath(d.digest)).manifests ?? [];
    }
    throw new ClairScanError(`${what} holds no image index with platforms`, {
      hint: 'export the image again (skopeo copy --all … oci-archive:file.tar keeps every platform).',
    });
  }
  if (spooled.files.has('manifest.json')) {
    const entries = readJson<DockerManifestEntry[]>('manifest.json');
    return configPlatform(pickDockerEntry(entries, opts.wanted).Config);
  }
  throw new ClairScanError(
    `${what} is not a docker-save or OCI image archive (no manifest.json or index.json inside)`,
    { hint: NOT_AN_ARCHIVE_HINT },
  );
}

type Compression = 'gzip' | 'zstd' | 'none';

function sniffCompression(f: SpooledFile): Compression {
  let b = f.head;
  if (!b) {
    const fd = fs.openSync(f.file, 'r');
    try {
      b = Buffer.alloc(4);
      b = b.subarray(0, fs.readSync(fd, b, 0, 4, 0));
    } finally {
      fs.closeSync(fd);
    }
  }
  const n = Math.min(b.length, f.size);
  if (n >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (n === 4 && b.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

const MEDIA: Record<Compression, string> = {
  none: 'application/vnd.oci.image.layer.v1.tar',
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
};

function fileLayer(f: SpooledFile, diffId: string, compression: Compression): ImageLayer {
  let uncompressed: Promise<string> | undefined;
  return {
    digest: f.sha256,
    diffId,
    size: f.size,
    mediaType: MEDIA[compression],
    // What the layer server sends Clair: 1 MiB reads instead of 64 KiB ones cost the server about 40 % less CPU.
    open: async () => openEntry(f, false),
    openTar: async () => decompress(openEntry(f, true), compression, `layer ${f.sha256}`),
    // An uncompressed layer's digest is its diff id; a compressed one is hashed once, from the spooled file.
    uncompressedDigest: () =>
      (uncompressed ??=
        compression === 'none'
          ? Promise.resolve(f.sha256)
          : hashStream(decompress(openEntry(f, true), compression, `layer ${f.sha256}`))),
  };
}

async function hashStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const c of stream) hash.update(c as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Decompresses a layer stream (gzip always; zstd where the Node runtime has it, i.e. Node ≥ 22.15), capped at
 * CAPS.layerBytes (a layer that expands past it is refused, not unpacked on).
 */
export function decompress(
  stream: Readable,
  compression: Compression,
  what = 'an image layer',
  maxBytes: number = CAPS.layerBytes,
): Readable {
  if (compression === 'none') return stream;
  const cap = (): Transform => byteCap(maxBytes, what, 'check that this is the image you meant to scan');
  const capped = (d: Transform): Readable => {
    const c = cap();
    // pipe() does not forward errors: a damaged stream must still fail the reader.
    stream.on('error', (err) => d.destroy(err));
    d.on('error', (err) => c.destroy(err));
    // A reader that stops early destroys what it reads: release the decompressor and the source with it.
    c.on('close', () => {
      d.destroy();
      stream.destroy();
    });
    return stream.pipe(d).pipe(c);
  };
  if (compression === 'gzip') return capped(zlib.createGunzip());
  const z = zlib as unknown as { createZstdDecompress?: () => Transform };
  if (!z.createZstdDecompress) {
    stream.destroy();
    throw new ClairScanError(
      'this image has zstd-compressed layers, which this Node.js runtime cannot decompress for compliance checks',
      {
        hint: 'run clair-scan on Node.js 22.15 or newer (the GitHub Action uses Node 24), or turn off the compliance checks for this image.',
      },
    );
  }
  return capped(z.createZstdDecompress());
}

/**
 * Clair keys everything by a manifest digest but never verifies it. Daemon and archive images have no
 * registry manifest, so we hash a canonical OCI manifest of the content (oci.ts `contentManifestDigest`, which a
 * re-scan computes from `docker image inspect` too): stable per content, different for different content — which
 * matters when many pipelines share one Clair (`clair-url`).
 */
export function syntheticManifestDigest(
  config: { sha256: string; size?: number },
  layers: { digest: string; size?: number; mediaType: string }[],
): string {
  return contentManifestDigest(config.sha256, layers);
}
