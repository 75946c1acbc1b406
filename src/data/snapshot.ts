/**
 * Snapshots of vulnerability data: a `clairctl export-updaters` bundle (`.json`, `.json.gz`, `.json.zst`) with a
 * small JSON manifest beside it (`<bundle>.manifest.json`) that says what it covers, how old it is, and the
 * sha256 and size of the bundle and of its members (KEV, EPSS, EOL files beside it, each with its own date). This
 * module is the only one that reads, writes and verifies them.
 *
 * Bundles can be hundreds of MB: everything here streams. One pass over the file hashes the raw bytes,
 * decompresses them (gzip with zlib; zstd with zlib where Node has it, else the `zstd` CLI) and parses every
 * line, counting records per updater. A corrupt or truncated snapshot — sha mismatch, bad gzip/zstd data, a
 * line that is not a bundle record — is a ClairScanError (exit 2), never a silent "no data".
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClairScanError } from '../util/errors';
import {
  BundleCompression,
  compressionOf,
  decompressor,
  errorText as message,
  forEachLine,
  hasRange,
} from '../util/bundle-stream';
import { TOOL_VERSION } from '../version';
import { startProgress } from '../util/progress';

const SNAPSHOT_FORMAT = 'clair-scan-snapshot';
const SNAPSHOT_FORMAT_VERSION = 1;
export const MANIFEST_MEDIA_TYPE = 'application/vnd.clair-scan.snapshot.manifest.v1+json';

export type { BundleCompression };

export interface UpdaterSummary {
  /** Updater name as Clair writes it, e.g. `debian/updater`, `osv/pypi`. */
  name: string;
  fingerprint: string;
  /** When the updater ran (RFC 3339, from the bundle's `Date`), if the bundle says. */
  date?: string;
  /** Vulnerability plus enrichment records of this updater. */
  records: number;
}

export interface SnapshotManifest {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: number;
  /** The clair-scan version that wrote it. */
  tool: string;
  createdAt: string;
  /** Version of the Clair whose updaters produced the bundle (its image label), if known. */
  clairVersion?: string;
  /** The Clair updater sets that were run (`updaters.sets`), e.g. ["debian", "osv"]. */
  updaterSets: string[];
  updaters: UpdaterSummary[];
  records: number;
  bundle: { file: string; compression: BundleCompression; sha256: string; size: number };
  /** The git ref of the CI job that wrote it, when it was written for a CI cache (`data export --ref`). */
  ref?: string;
  /**
   * Exploit data that travels with the vulnerability data (issue 22): files beside the bundle, each bound by its
   * sha256 and size here (so a signature over the manifest covers them) and dated by its own date.
   */
  members?: SnapshotMembers;
}

/** The members a snapshot can carry: the CISA KEV catalogue, the FIRST EPSS scores, the end-of-life table. */
export const MEMBER_NAMES = ['kev', 'epss', 'eol'] as const;
export type MemberName = (typeof MEMBER_NAMES)[number];
export type SnapshotMembers = Partial<Record<MemberName, SnapshotMember>>;

export interface SnapshotMember {
  /** Its file name beside the bundle. */
  file: string;
  sha256: string;
  size: number;
  /** The data's own date: KEV `dateReleased`, EPSS `score_date`, the EOL table's date. */
  date: string;
  /** KEV `catalogVersion`, EPSS model version, when the data has one. */
  version?: string;
}

/** A member file to add to a snapshot, already parsed by its reader (data/members.ts) for its date. */
export interface MemberSource {
  path: string;
  date: string;
  version?: string;
}

/** The largest member file: the EPSS scores decompressed are about 10 MB; as served, gzip, about 2 MB. */
export const MAX_MEMBER_BYTES = 256 * 2 ** 20;

/** Where a member lives beside the bundle. */
export function memberPathFor(bundlePath: string, m: SnapshotMember): string {
  return path.join(path.dirname(bundlePath), m.file);
}

/** How far in the future a manifest's createdAt may be (clocks of CI machines differ a little). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface BundleScan {
  sha256: string;
  size: number;
  compression: BundleCompression;
  updaters: UpdaterSummary[];
  records: number;
  /**
   * Vulnerability records with a version range (claircore's OSV updater for Go, npm, crates.io …), which
   * clairctl 4.9.0 cannot import by itself (environment/range-import.ts).
   */
  rangeRecords: number;
}

export function manifestPathFor(bundlePath: string): string {
  return `${bundlePath}.manifest.json`;
}

/** The compression a bundle file name asks for (what clairctl export-updaters writes for that name). */
export function compressionForName(file: string): BundleCompression {
  if (/\.zst$/i.test(file)) return 'zstd';
  if (/\.gz$/i.test(file)) return 'gzip';
  return 'none';
}

function corrupt(file: string, what: string, details?: string): ClairScanError {
  return new ClairScanError(`vulnerability data "${file}" is corrupt: ${what}`, {
    hint: 'the snapshot is damaged or incomplete (an interrupted download or copy?): fetch or export it again (`clair-scan data pull` / `data export`).',
    details,
  });
}

interface ScanOptions {
  /** Name used in messages (defaults to the path). */
  label?: string;
  /** Heartbeat phase name; no heartbeat without it. */
  progress?: string;
}

/**
 * One streaming pass over a bundle: sha256 and size of the file's bytes, and every record parsed and counted
 * per updater. Throws a ClairScanError for bad compressed data, a truncated file, a line that is not a record,
 * or an empty bundle (which clairctl would crash on).
 */
export async function scanBundle(file: string, opts: ScanOptions = {}): Promise<BundleScan> {
  const label = opts.label ?? file;
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(file);
  } catch {
    throw new ClairScanError(`vulnerability data file "${label}" does not exist`, {
      hint: 'set vuln-data to a bundle made by `clairctl export-updaters` (.json, .json.gz or .json.zst), a snapshot reference, or `online`.',
    });
  }
  if (!st.isFile())
    throw new ClairScanError(`vulnerability data "${label}" is not a file`, {
      hint: 'give the path of a bundle file.',
    });
  const head = Buffer.alloc(4);
  const fd = await fs.promises.open(file, 'r');
  try {
    await fd.read(head, 0, 4, 0);
  } finally {
    await fd.close();
  }
  const compression = compressionOf(head);
  return scanStream(fs.createReadStream(file), compression, label, opts.progress, st.size);
}

async function scanStream(
  raw: Readable,
  compression: BundleCompression,
  label: string,
  progressPhase?: string,
  totalBytes?: number,
): Promise<BundleScan> {
  const hash = createHash('sha256');
  let size = 0;
  const progress = progressPhase ? startProgress(progressPhase, { totalBytes }) : undefined;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      if (progress) progress.bytes = size;
      cb(null, chunk);
    },
  });
  const byName = new Map<string, UpdaterSummary>();
  let records = 0;
  let rangeRecords = 0;
  let lineNo = 0;
  let recordError: ClairScanError | undefined;
  const parseLine = (line: string): void => {
    lineNo++;
    if (line.trim() === '') return;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      throw (recordError = corrupt(label, `line ${lineNo} is not JSON (${message(err)})`, line.slice(0, 200)));
    }
    const r = rec as { Updater?: unknown; Fingerprint?: unknown; Date?: unknown; Ref?: unknown; Kind?: unknown };
    if (
      !rec ||
      typeof rec !== 'object' ||
      Array.isArray(rec) ||
      typeof r.Updater !== 'string' ||
      typeof r.Ref !== 'string' ||
      typeof r.Kind !== 'string'
    ) {
      throw (recordError = corrupt(
        label,
        `line ${lineNo} is not a record of clairctl export-updaters (needs "Updater", "Ref" and "Kind")`,
        line.slice(0, 200),
      ));
    }
    records++;
    if (progress) progress.records = records;
    try {
      if (hasRange(rec as Record<string, unknown>)) rangeRecords++;
    } catch (err) {
      throw (recordError = corrupt(label, `line ${lineNo}: ${message(err)}`, line.slice(0, 200)));
    }
    let u = byName.get(r.Updater);
    if (!u) {
      u = { name: r.Updater, fingerprint: typeof r.Fingerprint === 'string' ? r.Fingerprint : '', records: 0 };
      if (typeof r.Date === 'string' && r.Date) u.date = r.Date;
      byName.set(r.Updater, u);
    }
    u.records++;
  };
  try {
    await pipeline(raw, meter, decompressor(compression), (source: AsyncIterable<Buffer>) =>
      forEachLine(source, parseLine),
    );
  } catch (err) {
    // The first failure wins: a bad record aborts the other stages, whose AbortError says nothing.
    if (recordError) throw recordError;
    if (err instanceof ClairScanError) throw err;
    const what = compression === 'none' ? 'it could not be read' : `its ${compression} data is damaged or truncated`;
    throw corrupt(label, `${what} (${message(err)})`);
  } finally {
    progress?.stop();
  }
  if (records === 0) {
    throw new ClairScanError(`vulnerability data "${label}" holds no records`, {
      hint: 'an empty bundle holds no vulnerabilities (and makes clairctl crash): export it again with the updaters you need (`clair-scan data export --updaters …`).',
    });
  }
  const updaters = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { sha256: hash.digest('hex'), size, compression, updaters, records, rangeRecords };
}

/** Builds the manifest for a bundle that was just scanned. */
function manifestFor(
  bundlePath: string,
  scan: BundleScan,
  meta: { clairVersion?: string; updaterSets: string[]; createdAt?: Date; ref?: string },
  members?: SnapshotMembers,
): SnapshotManifest {
  return {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    tool: `clair-scan ${TOOL_VERSION}`,
    createdAt: (meta.createdAt ?? new Date()).toISOString(),
    clairVersion: meta.clairVersion,
    updaterSets: [...meta.updaterSets].sort(),
    updaters: scan.updaters,
    records: scan.records,
    bundle: { file: path.basename(bundlePath), compression: scan.compression, sha256: scan.sha256, size: scan.size },
    ...(meta.ref ? { ref: meta.ref } : {}),
    ...(members && Object.keys(members).length ? { members } : {}),
  };
}

/**
 * Checks the shape of a manifest (read from a file or a registry); throws a ClairScanError naming the problem.
 * Every snapshot read goes through here, so this is the one check that refuses a createdAt in the future: such a
 * snapshot would look fresh to vuln-data-max-age and the caches forever.
 */
export function parseManifest(text: string, label: string, now = new Date()): SnapshotManifest {
  let m: Partial<SnapshotManifest>;
  try {
    m = JSON.parse(text) as Partial<SnapshotManifest>;
  } catch (err) {
    throw new ClairScanError(`snapshot manifest ${label} is not JSON (${message(err)})`, {
      hint: 'the manifest is damaged: export or pull the snapshot again, or delete the manifest to use the bundle without one.',
    });
  }
  const bad = (what: string): ClairScanError =>
    new ClairScanError(`snapshot manifest ${label} is invalid: ${what}`, {
      hint: 'the manifest was not written by clair-scan or is damaged: export or pull the snapshot again, or delete it to use the bundle without one.',
    });
  if (!m || typeof m !== 'object' || m.format !== SNAPSHOT_FORMAT) throw bad(`"format" is not "${SNAPSHOT_FORMAT}"`);
  if (typeof m.formatVersion !== 'number') throw bad('"formatVersion" is missing');
  if (m.formatVersion > SNAPSHOT_FORMAT_VERSION) {
    throw new ClairScanError(
      `snapshot manifest ${label} has format version ${m.formatVersion}; this clair-scan (${TOOL_VERSION}) reads up to ${SNAPSHOT_FORMAT_VERSION}`,
      {
        hint: 'upgrade clair-scan, or use a snapshot exported by this version.',
      },
    );
  }
  if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) throw bad('"createdAt" is not a date');
  if (Date.parse(m.createdAt) - now.getTime() > MAX_CLOCK_SKEW_MS) {
    throw new ClairScanError(
      `snapshot manifest ${label} says it was created at ${m.createdAt}, in the future (now ${now.toISOString()})`,
      {
        hint: 'a future date would make old data look fresh: check the clock of the machine that exported it and of this one, then export the snapshot again.',
      },
    );
  }
  if (m.ref !== undefined && typeof m.ref !== 'string') throw bad('"ref" is not a string');
  const b = m.bundle;
  if (
    !b ||
    typeof b.sha256 !== 'string' ||
    !/^[a-f0-9]{64}$/.test(b.sha256) ||
    typeof b.size !== 'number' ||
    typeof b.file !== 'string'
  ) {
    throw bad('"bundle" lacks file, sha256 or size');
  }
  if (!Array.isArray(m.updaters) || typeof m.records !== 'number') throw bad('"updaters" or "records" is missing');
  if (!Array.isArray(m.updaterSets)) m.updaterSets = [];
  if (m.members !== undefined) m.members = parseMembers(m.members, bad);
  return m as SnapshotManifest;
}

const MEMBER_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/**
 * The manifest's members, checked: a known name, a plain file name (no path: it is read beside the bundle), sha256,
 * size and date. Unknown names are refused rather than ignored: data the manifest vouches for must not go unread.
 */
export function parseMembers(v: unknown, bad: (what: string) => ClairScanError): SnapshotMembers {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad('"members" is not an object');
  const out: SnapshotMembers = {};
  for (const [name, raw] of Object.entries(v as Record<string, unknown>)) {
    if (!(MEMBER_NAMES as readonly string[]).includes(name))
      throw bad(`"members" names ${JSON.stringify(name.slice(0, 40))}, not one of ${MEMBER_NAMES.join(', ')}`);
    const o = raw as Partial<SnapshotMember> | null;
    if (!o || typeof o !== 'object') throw bad(`member ${name} is not an object`);
    if (typeof o.file !== 'string' || !MEMBER_FILE.test(o.file) || o.file.includes('..'))
      throw bad(`member ${name} has no plain file name`);
    if (typeof o.sha256 !== 'string' || !/^[a-f0-9]{64}$/.test(o.sha256)) throw bad(`member ${name} has no sha256`);
    if (typeof o.size !== 'number' || !Number.isInteger(o.size) || o.size < 0 || o.size > MAX_MEMBER_BYTES)
      throw bad(`member ${name} has no valid size`);
    if (typeof o.date !== 'string' || Number.isNaN(Date.parse(o.date))) throw bad(`member ${name} has no date`);
    if (o.version !== undefined && typeof o.version !== 'string') throw bad(`member ${name} has a bad version`);
    out[name as MemberName] = {
      file: o.file,
      sha256: o.sha256,
      size: o.size,
      date: o.date,
      ...(o.version !== undefined ? { version: o.version } : {}),
    };
  }
  return out;
}

/** sha256 and size of a file, streamed. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Checks each member file beside the bundle against the manifest (sha256, size): a missing or changed member is
 * corrupt data, exit 2 — it is what a signature over the manifest vouches for.
 */
export async function verifyMembers(bundlePath: string, m: SnapshotManifest, label: string): Promise<void> {
  for (const [name, member] of Object.entries(m.members ?? {}) as [MemberName, SnapshotMember][]) {
    const file = memberPathFor(bundlePath, member);
    const got = await hashFile(file).catch((err: unknown) => {
      throw corrupt(label, `its ${name} member ${member.file} cannot be read (${message(err)})`);
    });
    if (got.size !== member.size || got.sha256 !== member.sha256) {
      throw corrupt(
        label,
        `its ${name} member ${member.file} does not match the manifest (file: sha256:${got.sha256}, ${got.size} bytes; manifest: sha256:${member.sha256}, ${member.size} bytes)`,
      );
    }
  }
}

async function readManifestFile(file: string): Promise<SnapshotManifest> {
  return parseManifest(await fs.promises.readFile(file, 'utf8'), file);
}

export interface Snapshot {
  bundlePath: string;
  /** Absent for a bare bundle (no manifest beside it). */
  manifest?: SnapshotManifest;
}

/** The snapshot at `bundlePath` (its manifest read, if there is one). Does not verify the bundle. */
export async function openSnapshot(bundlePath: string): Promise<Snapshot> {
  const mf = manifestPathFor(bundlePath);
  if (!fs.existsSync(mf)) return { bundlePath };
  return { bundlePath, manifest: await readManifestFile(mf) };
}

/**
 * Verifies a snapshot in one streaming pass: the bundle's sha256 and size match its manifest (if any), and
 * every line is a record. Returns the scan (for a bare bundle, what it holds).
 */
export async function verifySnapshot(snap: Snapshot, label = snap.bundlePath): Promise<BundleScan> {
  // A size that differs (a truncated download or copy) is the clearest diagnosis: say so before decompressing.
  const size = await fs.promises.stat(snap.bundlePath).then(
    (st) => st.size,
    () => undefined,
  );
  if (snap.manifest && size !== undefined && size !== snap.manifest.bundle.size) {
    throw corrupt(
      label,
      `its size (${size} bytes) does not match the manifest (${snap.manifest.bundle.size} bytes): it is truncated or was changed`,
    );
  }
  const scan = await scanBundle(snap.bundlePath, {
    label,
    progress: `Verifying vulnerability data ${path.basename(snap.bundlePath)}`,
  });
  const m = snap.manifest;
  if (m) {
    if (scan.size !== m.bundle.size || scan.sha256 !== m.bundle.sha256) {
      throw corrupt(
        label,
        `its sha256/size does not match the manifest (file: sha256:${scan.sha256}, ${scan.size} bytes; manifest: sha256:${m.bundle.sha256}, ${m.bundle.size} bytes)`,
      );
    }
    if (scan.records !== m.records)
      throw corrupt(label, `it holds ${scan.records} records, the manifest says ${m.records}`);
    await verifyMembers(snap.bundlePath, m, label);
  }
  return scan;
}

/** Writes `text` to `file` atomically (temp file in the same directory, then rename). */
export async function writeFileAtomic(file: string, text: string | Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.promises.writeFile(tmp, text);
    await fs.promises.rename(tmp, file);
  } catch (err) {
    await fs.promises.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Stores a snapshot: `stream` (the bundle's bytes, as clairctl wrote them) is written to a temp file beside
 * `outPath`, verified and described in one more streaming pass, then renamed into place with its manifest.
 */
export async function writeSnapshot(
  stream: Readable,
  outPath: string,
  meta: {
    clairVersion?: string;
    updaterSets: string[];
    createdAt?: Date;
    totalBytes?: number;
    ref?: string;
    /** Exploit data to carry (data/members.ts describeMember): copied beside the bundle, bound in the manifest. */
    members?: Partial<Record<MemberName, MemberSource>>;
  },
): Promise<SnapshotManifest> {
  const dir = path.dirname(path.resolve(outPath));
  await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(outPath)}.${randomBytes(4).toString('hex')}.partial`);
  const progress = startProgress(`Writing ${path.basename(outPath)}`, { totalBytes: meta.totalBytes });
  try {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        progress.bytes += chunk.length;
        cb(null, chunk);
      },
    });
    await pipeline(stream, counter, fs.createWriteStream(tmp, { mode: 0o644 }));
    progress.stop();
    const scan = await scanBundle(tmp, { label: outPath, progress: `Checking ${path.basename(outPath)}` });
    const expected = compressionForName(outPath);
    if (scan.compression !== expected) {
      throw new ClairScanError(
        `the exported bundle is ${scan.compression === 'none' ? 'uncompressed' : scan.compression} but its name ${outPath} says ${expected === 'none' ? 'uncompressed' : expected}`,
        {
          hint: 'name the output .json, .json.gz or .json.zst.',
        },
      );
    }
    const members = await copyMembers(outPath, meta.members ?? {});
    const manifest = manifestFor(outPath, scan, meta, members);
    await fs.promises.rename(tmp, outPath);
    await writeFileAtomic(manifestPathFor(outPath), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    progress.stop();
    await fs.promises.rm(tmp, { force: true });
  }
}

/** Copies each member file to `<bundle>.<name><ext>` (atomically) and describes it for the manifest. */
async function copyMembers(
  bundlePath: string,
  sources: Partial<Record<MemberName, MemberSource>>,
): Promise<SnapshotMembers> {
  const out: SnapshotMembers = {};
  for (const name of MEMBER_NAMES) {
    const src = sources[name];
    if (!src) continue;
    const bytes = await fs.promises.readFile(src.path);
    const gz = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    const ext = name === 'epss' ? (gz ? '.csv.gz' : '.csv') : '.json';
    const file = `${path.basename(bundlePath)}.${name}${ext}`;
    await writeFileAtomic(path.join(path.dirname(bundlePath), file), bytes);
    out[name] = {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      date: src.date,
      ...(src.version ? { version: src.version } : {}),
    };
  }
  return out;
}

/** Age of a snapshot in milliseconds (from its manifest's createdAt). */
export function snapshotAgeMs(m: SnapshotManifest, now = new Date()): number {
  return now.getTime() - Date.parse(m.createdAt);
}

/** Parses a duration such as `24h`, `90m`, `2d`, `1d12h`, `3600s` or a plain number of hours; undefined for ''. */
export function parseMaxAge(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 3600_000;
  const re = /(\d+(?:\.\d+)?)\s*(w|d|h|m|s)/g;
  const unit: Record<string, number> = { w: 7 * 86400_000, d: 86400_000, h: 3600_000, m: 60_000, s: 1000 };
  let total = 0;
  let consumed = '';
  for (const m of t.matchAll(re)) {
    total += Number(m[1]) * unit[m[2]];
    consumed += m[0];
  }
  if (!consumed || consumed.replace(/\s/g, '') !== t.replace(/\s/g, '') || total <= 0) {
    throw new ClairScanError(`input "vuln-data-max-age" has an invalid value "${text}"`, {
      hint: 'set "vuln-data-max-age" to a duration such as `24h`, `36h`, `2d` or `90m` (empty: no limit).',
    });
  }
  return total;
}
