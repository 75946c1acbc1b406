/**
 * The vulnerability-data cache of the GitHub Action (`cache: true`, only with `vuln-data: online`): the updaters'
 * snapshot is kept in the Actions cache under a key of Clair's version, the updater sets and the UTC day. The next
 * run restores today's entry or the newest older one, verifies it like any snapshot and uses it while it is younger
 * than `vuln-data-max-age`; else the updaters run and their snapshot is saved under today's key (entries are
 * immutable). `DataCache` is the seam (github-cache.ts); a cache failure never fails the scan.
 * Keys and restore rules: docs/decisions/online-data-cache.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClairScanError, errorMessage, errorLine } from '../util/errors';
import { log } from '../util/log';
import { formatDuration } from '../util/progress';
import type { Container, DockerClient } from '../environment/docker';
import type { RunState } from '../environment/run-state';
import type { Postgres } from '../environment/postgres';
import { makeTempDir } from '../image/temp';
import { importBundle } from '../environment/vuln-data';
import { clairVersionOf, runExport } from './export';
import { manifestSignaturePathFor, openSignedSnapshot, UNAUTHENTICATED_NOTE, type SignatureKey } from './signing';
import {
  manifestPathFor,
  openSnapshot,
  parseManifest,
  parseMaxAge,
  SnapshotManifest,
  snapshotAgeMs,
  verifySnapshot,
  writeSnapshot,
} from './snapshot';

const CACHE_KEY_PREFIX = 'clair-scan-vulndata';
/** Without vuln-data-max-age a cached snapshot is used for a day (the key's date). */
const DEFAULT_CACHE_MAX_AGE_MS = 24 * 3600_000;
const BUNDLE_NAME = 'clair-data.json.zst';

/** Where the cache keeps snapshots; one entry is one directory holding the bundle and its manifest. */
export interface DataCache {
  /** Restores the newest entry whose key starts with `prefix` (or is `key`) into `dir`; the key it restored, or undefined. */
  restore(dir: string, key: string, prefix: string): Promise<string | undefined>;
  /** Saves `dir` under `key`; false when it could not (e.g. the key exists). Never throws. */
  save(dir: string, key: string): Promise<boolean>;
}

function keyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._+]/g, '_');
}

/** `clair-scan-vulndata-<clair>-<sets>-`: the restore prefix for a Clair version and updater sets. */
export function cacheKeyPrefix(clairVersion: string, sets: string[]): string {
  return `${CACHE_KEY_PREFIX}-${keyPart(clairVersion || 'unknown')}-${[...new Set(sets)].sort().map(keyPart).join('+')}-`;
}

/** Today's key (UTC date): `clair-scan-vulndata-<clair>-<sets>-<YYYYMMDD>`. */
export function cacheKey(clairVersion: string, sets: string[], now = new Date()): string {
  return `${cacheKeyPrefix(clairVersion, sets)}${now.toISOString().slice(0, 10).replace(/-/g, '')}`;
}

/**
 * The directory the action's cache entry lives in. @actions/cache versions an entry by its path list, so the
 * path must be the same in every run: under RUNNER_TEMP (removed after every job on GitHub's runners).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), 'clair-vulndata-cache');
}

let active: DataCache | undefined;

/**
 * The cache the action's main step registered (`useDataCache`), or undefined (the CLI registers none): the
 * environment asks for it with `vuln-data: online`. Kept out of Settings so that @actions/cache is bundled only
 * into the action (src/data/github-cache.ts).
 */
export function activeDataCache(): DataCache | undefined {
  return active;
}

export function useDataCache(cache: DataCache | undefined): void {
  active = cache;
}

export interface CachedOnlineContext {
  docker: DockerClient;
  clair: Container;
  /** The run's PostgreSQL: bundles with version ranges are completed there (environment/range-import.ts). */
  pg?: Postgres;
  state: RunState;
  cache: DataCache;
  /** `vuln-data-max-age` as written; '' → DEFAULT_CACHE_MAX_AGE_MS. */
  maxAge?: string;
  timeoutMs: number;
  /** Where the entry is restored to and saved from (cacheDir()). */
  dir: string;
  /**
   * `vuln-data-public-key`, loaded: an entry is used only with a valid signature by it (signing.ts; an entry
   * without one is passed over, a bad one is an error), and nothing is saved (a run cannot sign what it saves).
   */
  publicKey?: SignatureKey;
  now?: () => Date;
}

export interface CachedOnlineResult {
  /** 'cache': a fresh cached snapshot was imported; 'online': the updaters ran; 'stale-cache': they failed and an older cached snapshot was used. */
  source: 'cache' | 'online' | 'stale-cache';
  /** The cache key restored, if any, and the key saved, if any. */
  restoredKey?: string;
  savedKey?: string;
  manifest: SnapshotManifest;
  /** For the reports, e.g. the stale cached snapshot used because the updaters failed. */
  notes: string[];
}

/**
 * `vuln-data: online` with a cache: imports a fresh cached snapshot for `sets` into the run's Clair, or runs
 * Clair's updaters (clairctl export-updaters), imports their snapshot and saves it under today's key.
 */
export async function loadOnlineWithCache(ctx: CachedOnlineContext, sets: string[]): Promise<CachedOnlineResult> {
  const now = ctx.now?.() ?? new Date();
  const maxAgeMs = parseMaxAge(ctx.maxAge ?? '') ?? DEFAULT_CACHE_MAX_AGE_MS;
  const clairVersion = (await clairVersionOf(ctx.docker, ctx.clair)) ?? 'unknown';
  const key = cacheKey(clairVersion, sets, now);
  const prefix = cacheKeyPrefix(clairVersion, sets);
  fs.rmSync(ctx.dir, { recursive: true, force: true });
  fs.mkdirSync(ctx.dir, { recursive: true, mode: 0o700 });
  try {
    const bundle = path.join(ctx.dir, BUNDLE_NAME);
    const restoredKey = await ctx.cache.restore(ctx.dir, key, prefix);
    let cached: SnapshotManifest | undefined;
    let cachedRanges: number | undefined;
    if (restoredKey && ctx.publicKey && !fs.existsSync(manifestSignaturePathFor(manifestPathFor(bundle)))) {
      log.info(
        `The cached vulnerability data ${restoredKey} is not signed, and vuln-data-public-key is set: Clair's updaters will run instead.`,
      );
    } else if (restoredKey) {
      // A signature that is there but wrong is not a cache miss: someone changed the entry. openSignedSnapshot throws.
      const signed = ctx.publicKey
        ? await openSignedSnapshot(bundle, ctx.publicKey, `cache entry ${restoredKey}`)
        : undefined;
      try {
        const snap = signed ?? (await openSnapshot(bundle));
        if (!snap.manifest) throw new Error('the entry holds no snapshot manifest');
        cachedRanges = (await verifySnapshot(snap, `cache entry ${restoredKey}`)).rangeRecords;
        cached = snap.manifest;
      } catch (err) {
        log.warn(
          `The cached vulnerability data (${restoredKey}) is unusable (${errorLine(err)}); Clair's updaters will run.`,
        );
      }
    }
    if (cached) {
      const age = snapshotAgeMs(cached, now);
      if (age <= maxAgeMs) {
        log.info(
          `Using cached vulnerability data ${restoredKey} (${formatDuration(age)} old, ${cached.records} records) instead of running Clair's updaters.`,
        );
        await importBundle(ctx.docker, ctx.clair, bundle, ctx.timeoutMs, {
          pg: ctx.pg,
          state: ctx.state,
          rangeRecords: cachedRanges,
        });
        return { source: 'cache', restoredKey, manifest: cached, notes: ctx.publicKey ? [] : [UNAUTHENTICATED_NOTE] };
      }
      log.info(
        `The cached vulnerability data ${restoredKey} is ${formatDuration(age)} old, older than ${formatDuration(maxAgeMs)}: refreshing it with Clair's updaters.`,
      );
    }
    let fresh: SnapshotManifest;
    const freshDir = makeTempDir(ctx.state, 'vuln-data-fresh').dir;
    const freshBundle = path.join(freshDir, BUNDLE_NAME);
    try {
      const inContainer = await runExport(ctx.docker, ctx.clair, sets, 'zstd', ctx.timeoutMs);
      const { size, stream } = await ctx.docker.getFile(ctx.clair, inContainer);
      fresh = await writeSnapshot(stream, freshBundle, {
        updaterSets: sets,
        clairVersion,
        totalBytes: size,
        createdAt: now,
      });
    } catch (err) {
      if (!cached) throw err;
      const age = snapshotAgeMs(cached, now);
      const note = `Clair's updaters failed (${errorLine(err)}), so the cached vulnerability data ${restoredKey} (${formatDuration(age)} old, created ${cached.createdAt}) was used: findings published since then are missing.`;
      log.warn(note);
      await importBundle(ctx.docker, ctx.clair, bundle, ctx.timeoutMs, {
        pg: ctx.pg,
        state: ctx.state,
        rangeRecords: cachedRanges,
      });
      return {
        source: 'stale-cache',
        restoredKey,
        manifest: cached,
        notes: ctx.publicKey ? [note] : [note, UNAUTHENTICATED_NOTE],
      };
    }
    await importBundle(ctx.docker, ctx.clair, freshBundle, ctx.timeoutMs, { pg: ctx.pg, state: ctx.state });
    if (ctx.publicKey) {
      log.info(
        'vuln-data-public-key is set: the refreshed data is not saved to the cache, since this run cannot sign it.',
      );
      return { source: 'online', restoredKey, manifest: fresh, notes: [] };
    }
    if (restoredKey === key) {
      log.info(
        `The cache already holds ${key} (entries cannot be replaced): the refreshed data is saved from tomorrow on.`,
      );
      return { source: 'online', restoredKey, manifest: fresh, notes: [] };
    }
    fs.rmSync(ctx.dir, { recursive: true, force: true });
    fs.mkdirSync(ctx.dir, { recursive: true, mode: 0o700 });
    fs.renameSync(freshBundle, bundle);
    fs.renameSync(manifestPathFor(freshBundle), manifestPathFor(bundle));
    const saved = await ctx.cache.save(ctx.dir, key);
    if (saved) log.info(`Saved the vulnerability data (${fresh.records} records) to the cache as ${key}.`);
    return { source: 'online', restoredKey, savedKey: saved ? key : undefined, manifest: fresh, notes: [] };
  } finally {
    fs.rmSync(ctx.dir, { recursive: true, force: true });
  }
}

export interface CachedSnapshotChoice {
  /** The chosen bundle, or undefined when no entry is usable. */
  bundlePath?: string;
  manifest?: SnapshotManifest;
  /** One sentence per entry passed over, and why (for the job log). */
  skipped: string[];
}

/**
 * The GitLab template's cache (`.clair-scan-cache/<prefix><YYYYMMDD>.json.zst`, written by `data export --ref`):
 * the entry whose manifest's `createdAt` is the newest — never the file name's date, which anyone who can write
 * the cache chooses freely. Passed over, each with a sentence: entries without a manifest (their age is unknown),
 * with a damaged manifest or a `createdAt` in the future (parseManifest refuses it), and entries written by another
 * ref than `ref` when they record theirs. The bundle itself is verified later, when the scan reads it.
 */
export async function pickCachedSnapshot(
  dir: string,
  prefix: string,
  opts: { ref?: string; now?: Date; publicKey?: SignatureKey } = {},
): Promise<CachedSnapshotChoice> {
  const now = opts.now ?? new Date();
  const skipped: string[] = [];
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { skipped };
    throw new ClairScanError(`the cache directory "${dir}" cannot be read: ${errorMessage(err)}`, {
      hint: 'give the directory the CI cache restores (e.g. .clair-scan-cache).',
    });
  }
  let best: { bundlePath: string; manifest: SnapshotManifest; at: number } | undefined;
  for (const name of names.sort()) {
    if (!name.startsWith(prefix) || !/\.json(\.gz|\.zst)?$/.test(name) || name.endsWith('.manifest.json')) continue;
    const bundlePath = path.join(dir, name);
    const mf = manifestPathFor(bundlePath);
    let manifest: SnapshotManifest;
    try {
      const st = await fs.promises.lstat(mf);
      if (!st.isFile() || st.size > 4 << 20) throw new Error('the manifest is not a small regular file');
      // vuln-data-public-key: only entries whose manifest carries a valid signature by it (signing.ts); the scan
      // verifies the chosen one again, so an unsigned entry chosen here would only fail the scan.
      manifest = opts.publicKey
        ? ((await openSignedSnapshot(bundlePath, opts.publicKey, name)).manifest as SnapshotManifest)
        : parseManifest(await fs.promises.readFile(mf, 'utf8'), mf, now);
    } catch (err) {
      skipped.push(
        `${name}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it has no snapshot manifest, so its age is unknown' : errorLine(err)}`,
      );
      continue;
    }
    if (opts.ref && manifest.ref !== undefined && manifest.ref !== opts.ref) {
      skipped.push(`${name}: it was written by the ref "${manifest.ref}", not "${opts.ref}"`);
      continue;
    }
    const at = Date.parse(manifest.createdAt);
    if (!best || at > best.at) best = { bundlePath, manifest, at };
  }
  return best ? { bundlePath: best.bundlePath, manifest: best.manifest, skipped } : { skipped };
}
