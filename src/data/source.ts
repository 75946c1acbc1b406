/**
 * The hook between `vuln-data` and the scan: turns the input into a local, verified bundle that
 * `importBundle` (src/environment/vuln-data.ts) loads — or `online`.
 *
 *   online                      Clair's updaters run for the image's distributions (nothing to do here)
 *   FILE                        a bundle, with or without its snapshot manifest beside it
 *   http(s)://…                 downloaded (with `<url>.manifest.json` when the server has one)
 *   oci://REGISTRY/REPO:TAG     pulled with the image-scanning credentials
 *
 * Downloads go to a private temp dir of the run (removed with it). Every bundle is verified in one streaming
 * pass (src/data/snapshot.ts): corrupt data is exit 2, never "no data". With `vuln-data-max-age`, an older
 * snapshot is refreshed online in the run's Clair (its updater sets, `clairctl export-updaters`) when possible,
 * otherwise used with a warning that names its age — in the log and in the returned notes (for the result).
 */
import type Docker from 'dockerode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { request } from 'undici';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import type { DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import type { RegistryAuth } from '../image/registry';
import { makeTempDir } from '../image/temp';
import { isOciRef, ociPull } from './oci';
import { BundleScan, manifestPathFor, openSnapshot, parseMaxAge, Snapshot, snapshotAgeMs, verifySnapshot, writeSnapshot } from './snapshot';
import { clairVersionOf, runExport } from './export';
import { formatBytes, formatDuration, startProgress } from '../util/progress';

export interface VulnDataInput {
  vulnData: string;
  /** `vuln-data-max-age` as written (e.g. `24h`); '' or undefined: no limit. */
  vulnDataMaxAge?: string;
  registry: RegistryAuth;
  dataTimeoutSec: number;
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
}

/** The run's Clair, for refreshing a stale snapshot online. Without it a stale snapshot is used with a warning. */
export interface RefreshContext {
  docker: DockerClient;
  clair: Docker.Container;
}

export async function prepareVulnData(input: VulnDataInput, state: RunState, refresh?: RefreshContext): Promise<PreparedData> {
  const v = input.vulnData.trim();
  if (v.toLowerCase() === 'online') return { bundle: 'online', notes: [] };
  const maxAgeMs = parseMaxAge(input.vulnDataMaxAge ?? '');
  let snap: Snapshot;
  let label = v;
  if (isOciRef(v)) {
    const tmp = makeTempDir(state, 'vuln-data');
    const pulled = await ociPull(v, undefined, input.registry, tmp.dir);
    // ociPull verified it already (its scan counted the range records).
    return checkAge({ bundlePath: pulled.bundlePath, manifest: pulled.manifest }, pulled.scan, v, input, state, maxAgeMs, refresh);
  } else if (/^https?:\/\//i.test(v)) {
    snap = await download(v, makeTempDir(state, 'vuln-data').dir);
  } else {
    snap = await openSnapshot(v);
    label = v;
  }
  const scan = await verifySnapshot(snap, label);
  return checkAge(snap, scan, label, input, state, maxAgeMs, refresh);
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
      why = `refreshing it online failed: ${errorMessage(err).split('\n')[0]}`;
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
async function refreshOnline(ctx: RefreshContext, sets: string[], state: RunState, timeoutMs: number): Promise<{ bundlePath: string; records: number }> {
  const inContainer = await runExport(ctx.docker, ctx.clair, sets, 'zstd', timeoutMs);
  const { size, stream } = await ctx.docker.getFile(ctx.clair, inContainer);
  const out = path.join(makeTempDir(state, 'vuln-data-fresh').dir, 'clair-data.json.zst');
  const m = await writeSnapshot(stream, out, { updaterSets: sets, clairVersion: await clairVersionOf(ctx.docker, ctx.clair), totalBytes: size });
  return { bundlePath: out, records: m.records };
}

/** Downloads a bundle URL (and `<url>.manifest.json` if the server has it) into `dir`, streamed. */
async function download(url: string, dir: string): Promise<Snapshot> {
  const name = (path.basename(new URL(url).pathname) || 'clair-data.json').replace(/[^A-Za-z0-9._-]/g, '_');
  const file = path.join(dir, name);
  const res = await request(url, { method: 'GET', headersTimeout: 60_000, bodyTimeout: 300_000, maxRedirections: 5 } as Parameters<typeof request>[1]).catch((err: unknown) => {
    throw new ClairScanError(`cannot download vulnerability data from ${url}: ${errorMessage(err)}`, { hint: 'check the URL and network access to it.', cause: err });
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new ClairScanError(`downloading vulnerability data from ${url} failed: HTTP ${res.statusCode}`, { hint: 'check the URL (a bundle made by `clairctl export-updaters` or `clair-scan data export`).' });
  }
  const total = Number(res.headers['content-length'] ?? 0) || undefined;
  const progress = startProgress(`Downloading ${url}`, { totalBytes: total });
  try {
    const meter = new Transform({
      transform(chunk: Buffer, _e, cb) {
        progress.bytes += chunk.length;
        cb(null, chunk);
      },
    });
    await pipeline(res.body, meter, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    throw new ClairScanError(`the download of ${url} broke off after ${formatBytes(progress.bytes)}: ${errorMessage(err)}`, { hint: 'retry; check the server and the network.' });
  } finally {
    progress.stop();
  }
  const mres = await request(`${url}.manifest.json`, { method: 'GET', headersTimeout: 30_000, bodyTimeout: 30_000 }).catch(() => undefined);
  if (mres?.statusCode === 200) {
    const text = await mres.body.text();
    if (text.length < 4 << 20) fs.writeFileSync(manifestPathFor(file), text);
  } else await mres?.body.dump();
  return openSnapshot(file);
}
