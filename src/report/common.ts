/**
 * Helpers shared by the reporters: atomic file writes, severity scales, stable ids, link helpers and
 * the ordering every report uses. Everything here reads only the normalized model.
 */
import { hash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError, errorMessage } from '../util/errors';
import {
  compareFindings,
  Distribution,
  emptyCounts,
  Enrichment,
  ImageResult,
  nothingToMatch,
  NOTHING_TO_MATCH_NOTE,
  Severity,
  SEVERITIES,
  SeverityCounts,
  VulnerabilityFinding,
} from '../findings/model';

/** Most severe first (reports list severities in this order). */
export const SEVERITIES_DESC: Severity[] = [...SEVERITIES].reverse();

/**
 * Write `content` to `dir/name` atomically: the directory is created, the content goes to a temp file in
 * the same directory, which is then renamed over the target. On any error the temp file is removed, so
 * a reader never sees a half-written report.
 */
export async function writeFileAtomic(dir: string, name: string, content: string | Buffer): Promise<string> {
  const target = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // Synchronous, as writeChunksAtomic: a page-cache copy, not a thread-pool round trip per step.
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, content, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (err) {
    tryQuietly(() => fs.rmSync(tmp, { force: true }));
    throw new ClairScanError(`could not write the report ${target}: ${errorMessage(err)}`, {
      hint: 'check that "output-dir" names a writable directory (and not an existing file) and that the disk has space.',
      cause: err,
    });
  }
  return target;
}

/** Chunks are gathered up to this many bytes before one write (few syscalls, little memory). */
const WRITE_BATCH = 256 * 1024;
/** A batch buffer: a batch plus room for the largest usual chunk at 3 bytes per UTF-16 unit. */
const BUFFER_BYTES = WRITE_BATCH + 3 * 64 * 1024;
/** Batch buffers in turn with an observer: one being filled, the others being observed (see writeChunksAtomic). */
const BUFFERS = 4;

/**
 * Batch buffers handed on from one report to the next: a batch's reports (one JSON report per image) each took
 * fresh ones, about 0.5 MB per report outside V8's heap, which made a garbage collection every few images.
 */
const FREE_BUFFERS: Buffer[] = [];
const MAX_FREE_BUFFERS = 8;
const takeBuffer = (): Buffer => FREE_BUFFERS.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES);

export interface ChunkWriteOptions {
  /**
   * Sees every buffer written, in order, once it is written (e.g. to count its gzipped size). The buffer is
   * reused once the returned promise settles: an observer must be done with it by then; a few buffers may be
   * pending at once.
   */
  observe?: (buf: Buffer) => void | Promise<void>;
  /** Asked once everything is written: false discards the temp file (the target is left as it was). */
  accept?: () => boolean | Promise<boolean>;
}

/**
 * Like writeFileAtomic, for a document produced in chunks: they are written (batched) to the temp file, which is
 * renamed over the target only when complete (and accepted). Returns the target path, or undefined when `accept`
 * said no. The file operations are synchronous: each is a page-cache copy of at most a batch, whereas an
 * asynchronous one is a round trip through the thread pool that left the producer idle (20-50 ms per large report
 * on a busy 2-core machine); the observer (the SARIF gzip count) still runs on the thread pool, beside the producer.
 */
export async function writeChunksAtomic(
  dir: string,
  name: string,
  chunks: Iterable<string> | AsyncIterable<string>,
  opts: ChunkWriteOptions = {},
): Promise<string | undefined> {
  const target = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fd = fs.openSync(tmp, 'wx');
    const handle = fd;
    // Chunks are encoded straight into a batch buffer (no joined string, one-byte chunks stay on the fast path);
    // room for 3 bytes per UTF-16 unit is kept, so a chunk is never split. An observer may keep a buffer until its
    // promise settles: BUFFERS buffers take turns, one filled while the others are observed, so a slow observer
    // lags a few batches behind instead of stalling the producer at every batch.
    const slots = Array.from({ length: opts.observe ? BUFFERS : 1 }, takeBuffer);
    const busy: Promise<unknown>[] = slots.map(() => Promise.resolve());
    let slot = 0;
    let buf = slots[0];
    let off = 0;
    const flush = async (): Promise<void> => {
      if (!off) return;
      const out = buf.subarray(0, off);
      for (let done = 0; done < off;) done += fs.writeSync(handle, out, done, off - done);
      off = 0;
      if (!opts.observe) return;
      busy[slot] = Promise.resolve(opts.observe(out));
      busy[slot].catch(() => undefined); // awaited before reuse or at the end; this only keeps an early rejection from being unhandled
      slot = (slot + 1) % slots.length;
      buf = slots[slot];
      await busy[slot]; // the buffer now to be filled is observed
    };
    const add = async (c: string): Promise<void> => {
      if (off + c.length * 3 > buf.length) {
        await flush();
        if (c.length * 3 > buf.length) buf = slots[slot] = Buffer.allocUnsafe(c.length * 3);
      }
      off += buf.write(c, off);
      if (off >= WRITE_BATCH) await flush();
    };
    if (Symbol.iterator in chunks) {
      // A synchronous producer is read without a promise per chunk (for await would cost one each).
      for (const c of chunks) {
        if (off + c.length * 3 <= buf.length && off + c.length * 3 < WRITE_BATCH) off += buf.write(c, off);
        else await add(c);
      }
    } else {
      for await (const c of chunks) await add(c);
    }
    await flush();
    await Promise.all(busy);
    // Every observer is done with them: the next report's batches go into them (not on an error path, where one may
    // still be reading).
    for (const b of slots)
      if (b.length === BUFFER_BYTES && FREE_BUFFERS.length < MAX_FREE_BUFFERS) FREE_BUFFERS.push(b);
    fs.closeSync(fd);
    fd = undefined;
    if (opts.accept && !(await opts.accept())) {
      fs.rmSync(tmp, { force: true });
      return undefined;
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) tryQuietly(() => fs.closeSync(fd as number));
    tryQuietly(() => fs.rmSync(tmp, { force: true }));
    throw new ClairScanError(`could not write the report ${target}: ${errorMessage(err)}`, {
      hint: 'check that "output-dir" names a writable directory (and not an existing file) and that the disk has space.',
      cause: err,
    });
  }
  return target;
}

function tryQuietly(f: () => void): void {
  try {
    f();
  } catch {
    // cleanup after an error: the error being thrown is the one that matters
  }
}

const VARIANT_DIGIT = '89ab';

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1) of `text`: the same text gives the same UUID. */
export function stableUuid(text: string, namespace = 'clair-scan'): string {
  // One-shot hash of "namespace\0text" (the bytes a createHash().update() ×3 saw): half the cost per id. The version
  // (byte 6's high nibble: 5) and variant (byte 8's two high bits: 10) are set on the hex digits (no buffer).
  const x = hash('sha1', `${namespace}\0${text}`, 'hex');
  const variant = VARIANT_DIGIT[parseInt(x[16], 16) & 3];
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text);
}

/**
 * True for absolute http(s) URLs with a non-empty host and no whitespace, quote, angle bracket, backslash or
 * backtick anywhere (a regex, not `new URL()`: this runs for every link of every finding).
 */
export function isHttpUrl(u: string | undefined): u is string {
  return !!u && /^https?:\/\/[^\s"'<>\\`/?#@]+(?:[/?#][^\s"'<>\\`]*)?$/i.test(u);
}

const CVE_RE = /^CVE-\d{4}-\d{4,}$/i;
const GHSA_RE = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i;

export function isCve(id: string): boolean {
  return CVE_RE.test(id);
}

/** The canonical advisory page for well-known id schemes, if any. */
export function canonicalUrl(id: string): string | undefined {
  if (isCve(id)) return `https://nvd.nist.gov/vuln/detail/${id.toUpperCase()}`;
  if (GHSA_RE.test(id)) return `https://github.com/advisories/${id}`;
  return undefined;
}

/** The link a report shows for a vulnerability id: its canonical page, else its first http(s) link. */
export function primaryLink(f: VulnerabilityFinding): string | undefined {
  // allLinks' first: the canonical page when there is one (always an http(s) URL), else the first http(s) link.
  return allLinks(f)[0];
}

/**
 * All http(s) links of a finding, the canonical one first, without duplicates. Read-only: while writeReports runs
 * (withOrderCache) the array is computed once per finding and shared by every format that reads it.
 */
export function allLinks(f: VulnerabilityFinding): readonly string[] {
  let links = linkCache?.get(f);
  if (!links) {
    const c = canonicalUrl(f.id);
    links = c ? [c] : [];
    // A finding has a few links: an array search beats a Set and its copy; a long list (hostile) keeps the Set.
    if (f.links.length > 16) {
      const out = new Set(links);
      for (const l of f.links) if (isHttpUrl(l)) out.add(l);
      links = [...out];
    } else for (const l of f.links) if (!links.includes(l) && isHttpUrl(l)) links.push(l);
    linkCache?.set(f, links);
  }
  return links;
}

/** The distribution a finding's package belongs to, else the image's first distribution. */
export function distributionOf(f: VulnerabilityFinding, img: ImageResult): Distribution | undefined {
  return f.package.distribution ?? img.distributions[0];
}

/** Stable operating-system text, e.g. "debian 12"; "unknown" when Clair found no distribution. */
export function osText(d: Distribution | undefined): string {
  if (!d) return 'unknown';
  // Per distribution, not per finding, while writeReports runs (SARIF and GitLab say it for every finding).
  let t = osCache?.get(d);
  if (t === undefined) {
    t = osTextOf(d);
    osCache?.set(d, t);
  }
  return t;
}

function osTextOf(d: Distribution): string {
  const name = d.did || d.name;
  const version = d.versionId || d.version;
  const t = [name, version].filter(Boolean).join(' ').trim();
  return t || d.prettyName || 'unknown';
}

/**
 * The report order of each image's findings, computed once per findings array while writeReports runs
 * (`withOrderCache`): the model does not change then, and SARIF, the summary, HTML and OpenVEX all sort.
 */
let orderCache: WeakMap<VulnerabilityFinding[], VulnerabilityFinding[]> | undefined;
/** Likewise allVulns, per images array (the summary twice, HTML and OpenVEX read the same one when nothing is filtered). */
let allOrderCache: WeakMap<ImageResult[], { f: VulnerabilityFinding; img: ImageResult }[]> | undefined;
/** Likewise allLinks, per finding (SARIF, GitLab, CycloneDX, JUnit, HTML and the summary read them). */
let linkCache: WeakMap<VulnerabilityFinding, string[]> | undefined;
/** Likewise osText, per distribution. */
let osCache: WeakMap<Distribution, string> | undefined;
/** Likewise imageCounts, per findings array (the summary and HTML count each image). */
let countsCache: WeakMap<VulnerabilityFinding[], ImageCounts> | undefined;
let orderScopes = 0;

/** Run `fn` with the report order of findings cached (see orderCache); the cache is dropped after the last scope. */
export async function withOrderCache<T>(fn: () => Promise<T>): Promise<T> {
  if (orderScopes++ === 0) {
    orderCache = new WeakMap();
    allOrderCache = new WeakMap();
    linkCache = new WeakMap();
    osCache = new WeakMap();
    countsCache = new WeakMap();
  }
  try {
    return await fn();
  } finally {
    if (--orderScopes === 0) {
      orderCache = undefined;
      allOrderCache = undefined;
      linkCache = undefined;
      osCache = undefined;
      countsCache = undefined;
    }
  }
}

function reportOrder(vulns: VulnerabilityFinding[]): VulnerabilityFinding[] {
  let sorted = orderCache?.get(vulns);
  if (!sorted) {
    sorted = [...vulns].sort(compareFindings);
    orderCache?.set(vulns, sorted);
  }
  return sorted;
}

/** Findings of an image in report order (most severe first). */
export function sortedVulns(img: ImageResult): VulnerabilityFinding[] {
  return reportOrder(img.vulnerabilities).slice();
}

/**
 * Vulnerabilities of all images, with their image, in report order; with `where`, only those it keeps, in the same
 * order (a stable sort of a subset keeps the subset's order in the whole): without the whole list at hand, only
 * they are sorted (OpenVEX reads the few allowlisted ones).
 */
export function allVulns(
  images: ImageResult[],
  where?: (f: VulnerabilityFinding) => boolean,
): { f: VulnerabilityFinding; img: ImageResult }[] {
  const cached = allOrderCache?.get(images);
  if (cached) return where ? cached.filter((x) => where(x.f)) : cached.slice();
  // Each image's findings already in order (stable, so equal ones keep their order): the sort below then only
  // merges these runs, and gives what sorting the unsorted list gives (a stable sort's result is determined).
  const out: { f: VulnerabilityFinding; img: ImageResult }[] = [];
  for (const img of images) {
    if (where) for (const f of img.vulnerabilities.filter(where).sort(compareFindings)) out.push({ f, img });
    else for (const f of reportOrder(img.vulnerabilities)) out.push({ f, img });
  }
  if (where) return images.length > 1 ? out.sort(byFindingThenImage) : out;
  if (images.length > 1) out.sort(byFindingThenImage);
  allOrderCache?.set(images, out);
  return out.slice();
}

function byFindingThenImage(
  a: { f: VulnerabilityFinding; img: ImageResult },
  b: { f: VulnerabilityFinding; img: ImageResult },
): number {
  return compareFindings(a.f, b.f) || a.img.image.ref.localeCompare(b.img.image.ref);
}

export interface ImageCounts {
  /** Per severity, allowlisted findings not included. */
  all: SeverityCounts;
  /** Likewise, the fixable ones. */
  fixable: SeverityCounts;
  allowlisted: number;
}

/** An image's counts as the summary and HTML tables show them: one pass (cached while writeReports runs). */
export function imageCounts(vulns: VulnerabilityFinding[]): ImageCounts {
  let c = countsCache?.get(vulns);
  if (!c) {
    c = { all: emptyCounts(), fixable: emptyCounts(), allowlisted: 0 };
    for (const f of vulns) {
      if (f.allowlisted) c.allowlisted++;
      else {
        c.all[f.severity]++;
        if (f.fixable) c.fixable[f.severity]++;
      }
    }
    countsCache?.set(vulns, c);
  }
  return c;
}

/** Replace control characters (C0, DEL, C1, bidi overrides, line/paragraph separators) by a space and collapse whitespace. */
export function oneLine(s: string): string {
  // Fast path: printable ASCII with single inner spaces only is already one line (no regex replacing).
  if (!/[^\x21-\x7e ]| {2}|^ | $/.test(s)) return s;
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Cut `s` to at most `max` characters (code points), ending in "…" when cut. */
export function truncate(s: string, max: number): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  if (max <= 0) return '';
  return cps.slice(0, max - 1).join('') + '…';
}

/** An image's notes as every report shows them: "nothing Clair can match" is a warning, the rest information. */
export function imageNotes(img: ImageResult): { level: 'warning' | 'info'; text: string }[] {
  const notes = img.notes.map((text) => ({
    level: text === NOTHING_TO_MATCH_NOTE ? ('warning' as const) : ('info' as const),
    text,
  }));
  if (nothingToMatch(img) && !img.notes.includes(NOTHING_TO_MATCH_NOTE))
    notes.unshift({ level: 'warning', text: NOTHING_TO_MATCH_NOTE });
  return notes;
}

/** The images in which Clair recognised nothing to match (a warning in every report: not a clean result). */
export function nothingToMatchImages(images: ImageResult[]): ImageResult[] {
  return images.filter(nothingToMatch);
}

/** A fraction as a percentage with at most two decimals: 0.9123 → "91.23%", 0.45 → "45%", 0.00004 → "<0.01%". */
export function percent(n: number): string {
  if (n > 0 && n < 0.0001) return '<0.01%';
  return `${(n * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** A finding's EPSS score and percentile as the human reports show them: "91.23% (99.87% percentile)". */
export function epssText(e: NonNullable<VulnerabilityFinding['epss']>): string {
  return `${percent(e.score)} (${percent(e.percentile)} percentile)`;
}

/**
 * Which exploit data the findings were checked against, one plain-text sentence per kind, as the table, HTML and
 * JUnit say it: data not applied is "not enriched", never "not exploited" (findings/enrich.ts). Untrusted text
 * (versions, dates from the data files): the caller escapes for its format.
 */
export function exploitDataText(e: Enrichment | undefined): { kev: string; epss: string } {
  return {
    kev: e?.kev
      ? `CISA KEV catalogue ${e.kev.version} (released ${e.kev.date})`
      : 'CISA KEV: not enriched (no KEV data was applied), so no finding is marked known exploited; that does not mean none is',
    epss: e?.epss
      ? `EPSS scores of ${e.epss.date} (model ${e.epss.modelVersion})`
      : 'EPSS: not enriched (no EPSS data was applied), so no finding has a score; that does not mean none is likely exploited',
  };
}
