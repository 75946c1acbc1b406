/**
 * The hook between `vuln-data` and the scan: turns the input into a local, verified bundle that `importBundle`
 * (environment/vuln-data.ts) loads — or `online` (Clair's updaters: nothing to do here). A FILE (with or without
 * its snapshot manifest beside it), an http(s) URL (with `<url>.manifest.json` when the server has one; downloaded
 * into a private temp dir of the run) or `oci://REGISTRY/REPO:TAG` (pulled with the image credentials). Every
 * bundle is verified in one streaming pass (data/snapshot.ts): corrupt data is exit 2, never "no data". Past
 * `vuln-data-max-age` a snapshot is refreshed online in the run's Clair when possible, else used with a warning
 * naming its age (in the log and the result's notes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { request } from 'undici';
import { ClairScanError, errorMessage, errorLine } from '../util/errors';
import { log } from '../util/log';
import type { Container, DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import { readLimited, redirectAllowed, type RegistryAuth } from '../image/registry';
import { caDispatcher, untrustedCertificateError, type CaBundle } from '../util/ca';
import { makeTempDir } from '../image/temp';
import { isOciRef, ociPull } from './oci';
import { loadDataPublicKey, manifestSignaturePathFor, openSignedSnapshot, UNAUTHENTICATED_NOTE } from './signing';
import {
  BundleScan,
  manifestPathFor,
  memberPathFor,
  type SnapshotMembers,
  openSnapshot,
  parseMaxAge,
  Snapshot,
  snapshotAgeMs,
  verifySnapshot,
  writeSnapshot,
} from './snapshot';
import { clairVersionOf, runExport } from './export';
import { formatBytes, formatDuration, startProgress } from '../util/progress';

export interface VulnDataInput {
  vulnData: string;
  /** `vuln-data-max-age` as written (e.g. `24h`); '' or undefined: no limit. */
  vulnDataMaxAge?: string;
  /** Its `ca` (registry-ca-file) is trusted for an https `vuln-data` URL too. */
  registry: RegistryAuth;
  dataTimeoutSec: number;
  /** `vuln-data-public-key`: a PEM public key (path or text); set, every snapshot is verified before use (signing.ts). */
  vulnDataPublicKey?: string;
}

export interface PreparedData {
  /** A local bundle path for importBundle, or `online`. */
  bundle: string;
  /** Sentences for the result's notes (e.g. stale data used); also logged as warnings. */
  notes: string[];
  /** Age of the data in ms, when known. */
  ageMs?: number;
  /** Records with a version range, when the verification pass counted them (environment/range-import.ts). */
  rangeRecords?: number;
  /** Exploit data the snapshot carries (issue 22): its verified member files beside `bundlePath`. */
  members?: { bundlePath: string; members: SnapshotMembers; label: string };
}

/** The run's Clair, for refreshing a stale snapshot online. Without it a stale snapshot is used with a warning. */
export interface RefreshContext {
  docker: DockerClient;
  clair: Container;
}

export async function prepareVulnData(
  input: VulnDataInput,
  state: RunState,
  refresh?: RefreshContext,
): Promise<PreparedData> {
  const v = input.vulnData.trim();
  if (v.toLowerCase() === 'online') return { bundle: 'online', notes: [] };
  const maxAgeMs = parseMaxAge(input.vulnDataMaxAge ?? '');
  // Signed data (signing.ts): with a key every source is verified before anything of it is used; without one the
  // run says, in the log and the reports, that nobody vouched for the data.
  const key = input.vulnDataPublicKey ? loadDataPublicKey(input.vulnDataPublicKey) : undefined;
  // (Logged with the other data notes by scanImage, once per image, as a warning.)
  const authNote = (p: PreparedData): PreparedData => (key ? p : { ...p, notes: [...p.notes, UNAUTHENTICATED_NOTE] });
  // The members stay beside the snapshot's bundle even when a stale bundle was refreshed online.
  const withMembers = (p: PreparedData, s: Snapshot): PreparedData =>
    s.manifest?.members && Object.keys(s.manifest.members).length
      ? { ...p, members: { bundlePath: s.bundlePath, members: s.manifest.members, label } }
      : p;
  let snap: Snapshot;
  let label = v;
  if (isOciRef(v)) {
    const tmp = makeTempDir(state, 'vuln-data');
    const pulled = await ociPull(v, undefined, input.registry, tmp.dir, { publicKey: key });
    // ociPull verified it already (its scan counted the range records).
    const pulledSnap: Snapshot = { bundlePath: pulled.bundlePath, manifest: pulled.manifest };
    return withMembers(
      authNote(await checkAge(pulledSnap, pulled.scan, v, input, state, maxAgeMs, refresh)),
      pulledSnap,
    );
  } else if (/^https?:\/\//i.test(v)) {
    label = shown(new URL(v));
    snap = await download(v, makeTempDir(state, 'vuln-data').dir, !!key, input.registry.ca);
    if (key) snap = await openSignedSnapshot(snap.bundlePath, key, label);
    await downloadMembers(snap, new URL(v), input.registry.ca);
  } else {
    snap = key ? await openSignedSnapshot(v, key, v) : await openSnapshot(v);
    label = v;
  }
  const scan = await verifySnapshot(snap, label);
  return withMembers(authNote(await checkAge(snap, scan, label, input, state, maxAgeMs, refresh)), snap);
}

/**
 * The members a downloaded manifest lists, fetched from beside the bundle's URL (each capped at its manifest size;
 * verifySnapshot then checks its sha256). A missing one is an error: the manifest vouches for it.
 */
async function downloadMembers(snap: Snapshot, bundleUrl: URL, ca?: CaBundle): Promise<void> {
  for (const m of Object.values(snap.manifest?.members ?? {})) {
    const url = new URL(m.file, bundleUrl);
    url.username = bundleUrl.username;
    url.password = bundleUrl.password;
    const label = shown(url);
    const res = await fetchFollowing(url, { headersTimeout: 60_000, bodyTimeout: 120_000 }, ca).catch(
      (err: unknown) => {
        if (err instanceof ClairScanError) throw err;
        throw new ClairScanError(`cannot download the snapshot member ${label}: ${errorMessage(err)}`, {
          hint: 'publish the member files the manifest lists beside the bundle (as `clair-scan data export` writes them).',
        });
      },
    );
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new ClairScanError(`downloading the snapshot member ${label} failed: HTTP ${res.statusCode}`, {
        hint: 'publish the member files the manifest lists beside the bundle (as `clair-scan data export` writes them).',
      });
    }
    const bytes = await readLimited(res.body as unknown as Readable, m.size, `the snapshot member ${label}`);
    fs.writeFileSync(memberPathFor(snap.bundlePath, m), bytes, { mode: 0o600 });
  }
}

async function checkAge(
  snap: Snapshot,
  scan: BundleScan | undefined,
  label: string,
  input: VulnDataInput,
  state: RunState,
  maxAgeMs: number | undefined,
  refresh: RefreshContext | undefined,
): Promise<PreparedData> {
  const ageMs = snap.manifest ? snapshotAgeMs(snap.manifest) : oldestUpdaterAge(scan);
  const created = snap.manifest ? `created ${snap.manifest.createdAt}` : 'age from its oldest updater run';
  if (ageMs !== undefined) log.info(`Vulnerability data ${label}: ${formatDuration(ageMs)} old (${created}).`);
  const rangeRecords = scan?.rangeRecords;
  if (maxAgeMs === undefined) return { bundle: snap.bundlePath, notes: [], ageMs, rangeRecords };
  if (ageMs === undefined) {
    const note = `The vulnerability data (${label}) has no snapshot manifest and no updater dates, so its age is unknown; it was used although vuln-data-max-age is ${formatDuration(maxAgeMs)}.`;
    log.warn(note);
    return { bundle: snap.bundlePath, notes: [note], ageMs, rangeRecords };
  }
  if (ageMs <= maxAgeMs) return { bundle: snap.bundlePath, notes: [], ageMs, rangeRecords };
  const sets = snap.manifest?.updaterSets ?? [];
  const stale = `The vulnerability data (${label}) is ${formatDuration(ageMs)} old (${created}), older than vuln-data-max-age (${formatDuration(maxAgeMs)})`;
  let why: string;
  if (!refresh) why = 'no Clair to refresh it with';
  else if (sets.length === 0) why = 'its updater sets are unknown (no snapshot manifest)';
  else {
    log.info(`${stale}: refreshing it online (updater sets ${sets.join(', ')}) …`);
    try {
      const fresh = await refreshOnline(refresh, sets, state, input.dataTimeoutSec * 1000);
      log.info(`Refreshed the vulnerability data online (${fresh.records} records).`);
      return { bundle: fresh.bundlePath, notes: [], ageMs: 0 };
    } catch (err) {
      why = `refreshing it online failed: ${errorLine(err)}`;
    }
  }
  const note = `${stale}; ${why}. It was used anyway: findings published since ${snap.manifest?.createdAt ?? 'then'} are missing.`;
  log.warn(note);
  return { bundle: snap.bundlePath, notes: [note], ageMs, rangeRecords };
}

function oldestUpdaterAge(scan: BundleScan | undefined): number | undefined {
  const dates = (scan?.updaters ?? []).map((u) => (u.date ? Date.parse(u.date) : NaN)).filter((d) => !Number.isNaN(d));
  return dates.length ? Date.now() - Math.min(...dates) : undefined;
}

/** Runs the snapshot's updater sets in the run's Clair and writes the result as a snapshot in a run temp dir. */
async function refreshOnline(
  ctx: RefreshContext,
  sets: string[],
  state: RunState,
  timeoutMs: number,
): Promise<{ bundlePath: string; records: number }> {
  const inContainer = await runExport(ctx.docker, ctx.clair, sets, 'zstd', timeoutMs);
  const { size, stream } = await ctx.docker.getFile(ctx.clair, inContainer);
  const out = path.join(makeTempDir(state, 'vuln-data-fresh').dir, 'clair-data.json.zst');
  const m = await writeSnapshot(stream, out, {
    updaterSets: sets,
    clairVersion: await clairVersionOf(ctx.docker, ctx.clair),
    totalBytes: size,
  });
  return { bundlePath: out, records: m.records };
}

/** Redirects followed at most for one download. */
export const MAX_DATA_REDIRECTS = 5;

/** The URL without its user info, for messages (the password must never reach a log). */
function shown(url: URL): string {
  const u = new URL(url.toString());
  u.username = '';
  u.password = '';
  return u.toString();
}

/**
 * GET `url`, following at most MAX_DATA_REDIRECTS redirects: to https only (plain HTTP only from plain HTTP to the
 * same origin or a loopback address), never from https to http. Credentials written in the URL
 * (`https://user:token@host/…`) go as Basic auth to that URL's origin only, never along a redirect elsewhere.
 */
export async function fetchFollowing(
  url: URL,
  timeouts: { headersTimeout: number; bodyTimeout: number },
  ca?: CaBundle,
): Promise<Awaited<ReturnType<typeof request>>> {
  const origin = url.origin;
  const auth = url.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : undefined;
  if (url.password) log.mask(decodeURIComponent(url.password));
  let current = new URL(shown(url));
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { 'user-agent': 'clair-scan' };
    if (auth && current.origin === origin) headers.authorization = auth;
    let res;
    try {
      res = await request(current, { method: 'GET', headers, ...timeouts, dispatcher: caDispatcher(ca) });
    } catch (err) {
      throw untrustedCertificateError(err, `the vulnerability-data server ${current.origin}`, ca) ?? err;
    }
    if (![301, 302, 303, 307, 308].includes(res.statusCode)) return res;
    await res.body.dump();
    const refuse = (why: string): ClairScanError =>
      new ClairScanError(`downloading vulnerability data from ${shown(url)}: the server redirected ${why}`, {
        hint: 'publish the snapshot at an https URL that answers directly or redirects only to https (never to plain HTTP), at most 5 times.',
      });
    if (hop >= MAX_DATA_REDIRECTS) throw refuse(`more than ${MAX_DATA_REDIRECTS} times`);
    let next: URL;
    try {
      next = new URL(String(res.headers.location ?? ''), current);
    } catch {
      throw refuse('to an invalid location');
    }
    const fromHttp = current.protocol === 'http:';
    if (!(await redirectAllowed(current, next, current.origin)))
      throw refuse(
        `to ${next.protocol}//${next.host}, which is not https${!fromHttp && next.protocol === 'http:' ? ' (a downgrade from https)' : ''}`,
      );
    // Credentials in a Location are never used: only the user's own URL carries them.
    next.username = '';
    next.password = '';
    current = next;
  }
}

/**
 * Downloads a bundle URL (and `<url>.manifest.json` if the server has it; with `signature` also
 * `<url>.manifest.json.sig`) into `dir`, streamed.
 */
async function download(urlText: string, dir: string, signature = false, ca?: CaBundle): Promise<Snapshot> {
  const url = new URL(urlText);
  const label = shown(url);
  const name = (path.basename(url.pathname) || 'clair-data.json').replace(/[^A-Za-z0-9._-]/g, '_');
  const file = path.join(dir, name);
  const res = await fetchFollowing(url, { headersTimeout: 60_000, bodyTimeout: 300_000 }, ca).catch((err: unknown) => {
    if (err instanceof ClairScanError) throw err;
    throw new ClairScanError(`cannot download vulnerability data from ${label}: ${errorMessage(err)}`, {
      hint: 'check the URL and network access to it.',
      cause: err,
    });
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new ClairScanError(`downloading vulnerability data from ${label} failed: HTTP ${res.statusCode}`, {
      hint: 'check the URL (a bundle made by `clairctl export-updaters` or `clair-scan data export`).',
    });
  }
  const total = Number(res.headers['content-length'] ?? 0) || undefined;
  const progress = startProgress(`Downloading ${label}`, { totalBytes: total });
  try {
    const meter = new Transform({
      transform(chunk: Buffer, _e, cb) {
        progress.bytes += chunk.length;
        cb(null, chunk);
      },
    });
    await pipeline(res.body, meter, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    throw new ClairScanError(
      `the download of ${label} broke off after ${formatBytes(progress.bytes)}: ${errorMessage(err)}`,
      { hint: 'retry; check the server and the network.' },
    );
  } finally {
    progress.stop();
  }
  const manifestUrl = new URL(url.toString());
  manifestUrl.pathname += '.manifest.json';
  const mres = await fetchFollowing(manifestUrl, { headersTimeout: 30_000, bodyTimeout: 30_000 }, ca).catch(
    (err: unknown) => {
      // A refused redirect is an answer (fail closed); an unreachable manifest just means there is none.
      if (err instanceof ClairScanError) throw err;
      return undefined;
    },
  );
  // Read with a limit (an oversized answer counts as none, as before) instead of buffered whole and measured after.
  const small = (body: unknown, max: number): Promise<Buffer | undefined> =>
    readLimited(body as Readable, max, 'a snapshot manifest or signature').catch(() => undefined);
  if (mres?.statusCode === 200) {
    const text = await small(mres.body, 4 << 20);
    if (text) fs.writeFileSync(manifestPathFor(file), text);
  } else await mres?.body.dump();
  if (signature && mres?.statusCode === 200) {
    // Kept as bytes: the signature covers the manifest exactly as served. A missing one is refused by the caller.
    const sigUrl = new URL(manifestUrl.toString());
    sigUrl.pathname += '.sig';
    const sres = await fetchFollowing(sigUrl, { headersTimeout: 30_000, bodyTimeout: 30_000 }, ca).catch(
      (err: unknown) => {
        if (err instanceof ClairScanError) throw err;
        return undefined;
      },
    );
    if (sres?.statusCode === 200) {
      const sig = await small(sres.body, 64 << 10);
      if (sig) fs.writeFileSync(manifestSignaturePathFor(manifestPathFor(file)), sig);
    } else await sres?.body.dump();
  }
  if (signature) return { bundlePath: file };
  return openSnapshot(file);
}
