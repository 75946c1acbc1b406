/**
 * Vulnerability data: loading it into the ephemeral Clair, and PROVING it is there for the image before any
 * report is written. A scanner that says "clean" because its database was empty is worse than no scanner
 * (clair-v4.md §8.3), so a scan without data for the image's distribution ends with exit code 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import { formatBytes, startProgress } from '../util/progress';
import { type Container, DockerClient } from './docker';
import { Postgres, query, sqlLiteral } from './postgres';
import type { RunState } from './run-state';
import type { ClairClient } from '../clair/client';
import {
  isLanguageRepository,
  packageRecords,
  RHCC_REPOSITORY_KEY,
  type ClairDistribution,
  type ClairIndexReport,
  type ClairRepository,
} from '../clair/types';
import { FAMILY_BY_DID, updaterCovers } from '../clair/updater-names';

import type { BundleRequire } from '../util/lazy';
declare const require: BundleRequire;
/** range-import.ts is needed only when a bundle is imported (not with a database image): loaded then (util/lazy.ts). */
const loadRangeImport = (): Promise<typeof import('./range-import')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!(
          [],
          () => ok(require('./range-import') as typeof import('./range-import')),
          fail,
          'range-import',
        ),
      )
    : Promise.resolve(require('./range-import') as typeof import('./range-import'));

/**
 * clairctl logs through zerolog's console writer, which colours its output with ANSI escapes unless NO_COLOR is
 * set (it does not check for a terminal): without this, error details carry raw escape codes.
 */
const CLAIRCTL_ENV = { NO_COLOR: '1' };

export interface ImportOptions {
  /**
   * Our ephemeral Clair's PostgreSQL. Needed for bundles with version ranges (Go, npm … records of Clair's OSV
   * updater, Red Hat container-image records of rhel-vex), which clairctl 4.9.0 cannot import by itself (range-import.ts).
   */
  pg?: Postgres;
  /** The run: the temp dir of a rewritten bundle is registered with it (removed however the run ends). */
  state?: RunState;
  /** Range records in the bundle, when a verification pass counted them already (spares a detection pass). */
  rangeRecords?: number;
}

/**
 * Loads an updater bundle (file path or http(s) URL) with `clairctl import-updaters` inside the Clair container.
 * A local bundle with version ranges goes through range-import.ts (rewritten, imported, completed in SQL).
 */
export async function importBundle(
  docker: DockerClient,
  clair: Container,
  source: string,
  timeoutMs: number,
  opts: ImportOptions = {},
): Promise<void> {
  // A URL is fetched by clairctl itself (data/source.ts downloads vuln-data URLs first, so only direct callers
  // pass one): a bundle there with ranges fails in clairctl as before, with its message (exit 2).
  if (/^https?:\/\//.test(source)) return clairctlImport(docker, clair, source, source, timeoutMs);
  const ranges = opts.rangeRecords ?? (await (await loadRangeImport()).countRangeRecordsInFile(source));
  if (ranges === 0) return clairctlImport(docker, clair, source, source, timeoutMs);
  await importRanges(docker, clair, source, ranges, timeoutMs, opts);
}

async function importRanges(
  docker: DockerClient,
  clair: Container,
  file: string,
  ranges: number,
  timeoutMs: number,
  opts: ImportOptions,
): Promise<void> {
  if (!opts.pg) {
    throw new ClairScanError(
      `the vulnerability data "${file}" holds ${ranges} records with version ranges (Go, npm … from Clair's OSV updater, container images from rhel-vex), which this clairctl cannot import`,
      {
        hint: "clairctl 4.9.0 cannot store version ranges; clair-scan completes them in the database of the Clair it starts itself, but this Clair's database is not at hand: scan with clair-scan's own Clair (no clair-url), or use a bundle without the osv updaters and without rhel-vex.",
      },
    );
  }
  log.info(
    `${file} holds ${ranges} records with version ranges (Go, npm … from Clair's OSV updater, container images from rhel-vex), which clairctl 4.9.0 cannot store: importing them without their ranges, then completing them in Clair's database …`,
  );
  const started = Date.now();
  const r = await (
    await loadRangeImport()
  ).importWithRanges(docker, opts.pg, file, {
    label: file,
    state: opts.state,
    timeoutMs,
    importRewritten: (bundle) => clairctlImport(docker, clair, bundle, file, timeoutMs),
  });
  const skipped = r.rangeRecords - r.restored;
  log.info(
    `Version ranges completed for ${r.restored} records${skipped ? ` (${skipped} of an updater run imported before, skipped by clairctl)` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s in all).`,
  );
}

/** `clairctl import-updaters` of `source` (a local file is copied into the container first); `label` names it in messages. */
async function clairctlImport(
  docker: DockerClient,
  clair: Container,
  source: string,
  label: string,
  timeoutMs: number,
): Promise<void> {
  let target = source;
  if (!/^https?:\/\//.test(source)) {
    // vuln-data itself was checked by parseSettings (inputs/settings.ts validateDataSource); downloads, pulls and
    // cached snapshots were verified by data/source.ts before they got here.
    const st = fs.statSync(source);
    const base = path.basename(source).replace(/[^A-Za-z0-9._-]/g, '_');
    log.info(`Copying vulnerability data ${source} (${formatBytes(st.size)}) into the Clair container …`);
    const copyStarted = Date.now();
    const progress = startProgress('Copying vulnerability data into Clair', { totalBytes: st.size });
    try {
      await docker.putFiles(
        clair,
        '/config',
        { [`data/${base}`]: { path: source } },
        { onBytes: (n) => (progress.bytes += n) },
      );
    } finally {
      progress.stop();
    }
    log.info(`Copied ${formatBytes(st.size)} in ${((Date.now() - copyStarted) / 1000).toFixed(1)} s.`);
    target = `/config/data/${base}`;
  }
  log.info(`Loading vulnerability data from ${label} (clairctl import-updaters) …`);
  const started = Date.now();
  const beat = startProgress('Loading vulnerability data (clairctl import-updaters)');
  let r: Awaited<ReturnType<DockerClient['exec']>>;
  try {
    r = await docker.exec(clair, ['/usr/bin/clairctl', '-q', 'import-updaters', target], {
      timeoutMs,
      env: CLAIRCTL_ENV,
    });
  } finally {
    beat.stop();
  }
  if (r.exitCode !== 0) {
    throw new ClairScanError(`clairctl import-updaters failed for "${label}" (exit ${r.exitCode})`, {
      hint: 'check that the file is a bundle written by `clairctl export-updaters` (JSON lines, optionally .gz/.zst) and matches this Clair version.',
      details: tail(r.stderr || r.stdout),
    });
  }
  log.info(`Vulnerability data loaded (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}

/**
 * `vuln-data: online`: runs Clair's updaters for just the sets the image needs (`clairctl export-updaters`
 * inside the Clair container, with a config drop-in naming the sets), then imports the result. With our own
 * PostgreSQL at hand (`opts.pg`), the export is copied out (streamed) to look for version ranges, which go
 * through range-import.ts; without ranges the file inside the container is imported as it is.
 */
export async function fetchOnline(
  docker: DockerClient,
  clair: Container,
  sets: string[],
  timeoutMs: number,
  opts: ImportOptions = {},
): Promise<void> {
  if (sets.length === 0) return;
  log.info(`Fetching vulnerability data online for updater sets: ${sets.join(', ')} (this can take many minutes) …`);
  // Read by clairctl only (the running Clair read its config at start). Named .yaml: Clair ignores drop-ins
  // whose extension differs from the main file's. The running Clair keeps its updaters disabled.
  await docker.putFiles(clair, '/config', {
    'config.yaml.d/95-updaters.yaml': JSON.stringify({ updaters: { sets }, matcher: { disable_updaters: false } }),
  });
  let out = `/var/tmp/clair-scan-updates-${sets.join('-')}.json.gz`;
  if (opts.pg) {
    // Copied out below: not under /var/tmp, a tmpfs the Engine API's archive endpoint does not see. Clair runs as an
    // unprivileged user, so the (empty) file is placed first, writable, and clairctl truncates and fills it.
    out = `/config/export/clair-scan-updates-${sets.join('-')}.json.gz`;
    await docker.putFiles(clair, '/config', { [`export/${path.basename(out)}`]: '' }, { mode: 0o666 });
  }
  const ex = await docker.exec(clair, ['/usr/bin/clairctl', '-q', 'export-updaters', '--strict', out], {
    timeoutMs,
    env: CLAIRCTL_ENV,
  });
  if (ex.exitCode !== 0) {
    throw new ClairScanError(`Clair's updaters failed for ${sets.join(', ')} (exit ${ex.exitCode})`, {
      hint: 'the Docker host needs internet access to the vulnerability sources (or to the URLs set in clair-config updaters.config); behind a firewall, use an offline bundle (vuln-data: <file>).',
      details: tail(ex.stderr || ex.stdout),
    });
  }
  if (opts.pg) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `clair-scan-${opts.state?.runId ?? 'run'}-online-`));
    opts.state?.tempDirs.push(tmp);
    try {
      const local = path.join(tmp, path.basename(out));
      const { stream } = await docker.getFile(clair, out);
      await pipeline(stream, fs.createWriteStream(local, { mode: 0o600 }));
      const ranges = await (await loadRangeImport()).countRangeRecordsInFile(local);
      if (ranges > 0) return await importRanges(docker, clair, local, ranges, timeoutMs, opts);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      const i = opts.state?.tempDirs.indexOf(tmp) ?? -1;
      if (i >= 0) opts.state?.tempDirs.splice(i, 1);
    }
  }
  const im = await docker.exec(clair, ['/usr/bin/clairctl', '-q', 'import-updaters', out], {
    timeoutMs,
    env: CLAIRCTL_ENV,
  });
  if (im.exitCode !== 0) {
    throw new ClairScanError('importing the freshly fetched vulnerability data failed', {
      hint: 'see the details; retry the job.',
      details: tail(im.stderr),
    });
  }
}

export interface CoverageTarget {
  label: string;
  distribution?: ClairDistribution;
  repository?: ClairRepository;
  /**
   * RHEL: Clair's rhel matcher ignores the distribution and matches packages by their repository CPEs (from the
   * image's content sets through the repository-to-CPE mapping). The CPEs the image's RHEL packages carry; empty
   * means none could be found (e.g. offline without `rhel-repo2cpe`), so nothing can be matched.
   */
  rhelCpes?: string[];
}

/** The repository key claircore's RHEL repository scanner and rhel-vex updater give repository CPEs. */
const RHEL_CPE_REPOSITORY_KEY = 'rhel-cpe-repository';

/** The distributions and language repositories that the image's packages belong to. */
export function coverageTargets(index: ClairIndexReport): CoverageTarget[] {
  const dists = new Set<string>();
  const repos = new Set<string>();
  const cpesByDist = new Map<string, Set<string>>();
  for (const rec of packageRecords(index)) {
    const dist = rec.distributionId;
    if (dist) dists.add(dist);
    for (const { id, repository: repo } of rec.repositories) {
      repos.add(id);
      if (dist && repo?.key === RHEL_CPE_REPOSITORY_KEY && repo.name) {
        const set = cpesByDist.get(dist) ?? new Set<string>();
        set.add(repo.name);
        cpesByDist.set(dist, set);
      }
    }
  }
  const out: CoverageTarget[] = [];
  for (const id of dists) {
    const d = index.distributions?.[id];
    if (!d) continue;
    const t: CoverageTarget = { label: distributionLabel(d) || d.did || id, distribution: d };
    if (d.did === 'rhel') t.rhelCpes = [...(cpesByDist.get(id) ?? [])].sort();
    out.push(t);
  }
  const seenRepo = new Set<string>();
  for (const id of repos) {
    const r = index.repository?.[id];
    // Only language repositories are matched by name; OS "repositories" (e.g. RHEL CPE repos) ride on the distribution.
    if (r?.name && isLanguageRepository(r.name) && !seenRepo.has(r.name)) {
      seenRepo.add(r.name);
      out.push({ label: `${r.name} packages`, repository: r });
    }
  }
  // Red Hat container images (claircore rhcc): the image itself is a package (binary = its repository name, from
  // root/buildinfo/Dockerfile-*), matched only by rhel-vex's container records. An earlier layer's image package
  // is unmatchable (claircore's rhcc coalescer): nothing to cover.
  const seenImage = new Set<string>();
  for (const rec of packageRecords(index)) {
    const repo = rec.repositories.map((r) => r.repository).find((r) => r?.key === RHCC_REPOSITORY_KEY);
    const p = rec.package;
    if (!repo || !p || p.kind !== 'binary' || p.normalized_version?.startsWith('unmatchable:') || seenImage.has(p.name))
      continue;
    seenImage.add(p.name);
    out.push({ label: `Red Hat container image ${p.name}`, repository: repo });
  }
  return out;
}

/**
 * The coverage counts of one run's database, by condition. The data does not change between the images of a run
 * unless more is loaded (`vuln-data: online` fetching another updater set): whoever loads more calls `invalidate`.
 */
export class CoverageCache {
  private readonly counts = new Map<string, number>();
  private generation = 0;

  get(where: string): number | undefined {
    return this.counts.get(where);
  }

  /** Keeps counts taken in `generation` only if no load happened since (a count taken before a load may be stale). */
  set(where: string, count: number, generation: number): void {
    if (generation === this.generation) this.counts.set(where, count);
  }

  current(): number {
    return this.generation;
  }

  invalidate(): void {
    this.counts.clear();
    this.generation++;
  }
}

/**
 * Counts vulnerability records per target in our own Clair's database: one query for the conditions `cache` does
 * not know yet (none when it knows them all).
 */
export async function coverageFromDatabase(
  docker: DockerClient,
  pg: Postgres,
  targets: CoverageTarget[],
  cache = new CoverageCache(),
): Promise<Map<CoverageTarget, number>> {
  return coverageFromQuery((sql) => query(docker, pg, sql), targets, cache);
}

/**
 * The same counts through any way of running SQL on Clair's database that returns rows as text (psql in our
 * PostgreSQL container, or the Node client of clair-mode: process, environment/pg-client.ts).
 */
export async function coverageFromQuery(
  run: (sql: string) => Promise<string[][]>,
  targets: CoverageTarget[],
  cache = new CoverageCache(),
): Promise<Map<CoverageTarget, number>> {
  // RHEL without repository CPEs: nothing can match (assertCovered says why), nothing to count.
  const where = (t: CoverageTarget): string | undefined =>
    t.rhelCpes?.length === 0 ? undefined : coverageCondition(t);
  const generation = cache.current();
  const counts = new Map<string, number>();
  const unknown: string[] = [];
  for (const t of targets) {
    const w = where(t);
    if (w === undefined || counts.has(w) || unknown.includes(w)) continue;
    const known = cache.get(w);
    if (known === undefined) unknown.push(w);
    else counts.set(w, known);
  }
  if (unknown.length) {
    // One psql exec for all of them; each count planned on its own (as separate queries were).
    const rows = await run(`SELECT ${unknown.map((w) => `(SELECT count(*) FROM vuln WHERE ${w})`).join(', ')}`);
    unknown.forEach((w, i) => {
      const n = Number(rows[0]?.[i]);
      if (!Number.isInteger(n))
        throw new ClairScanError("a coverage query on Clair's database gave no count", {
          hint: 'this is unexpected; see the details.',
          details: JSON.stringify(rows),
        });
      counts.set(w, n);
      cache.set(w, n, generation);
    });
  }
  const result = new Map<CoverageTarget, number>();
  for (const t of targets) {
    const w = where(t);
    result.set(t, w === undefined ? 0 : (counts.get(w) as number));
  }
  return result;
}

/**
 * How a distribution is named in messages: its pretty name, with the release added when the pretty name does not
 * say it (claircore's Photon OS distributions are all "VMware Photon OS/Linux"); else name and version.
 */
function distributionLabel(d: ClairDistribution): string {
  const release = (d.version_id || d.version || '').trim();
  if (d.pretty_name) return release && !d.pretty_name.includes(release) ? `${d.pretty_name} ${release}` : d.pretty_name;
  return [d.name, d.version].filter(Boolean).join(' ');
}

/** The SQL condition on Clair's vuln table for records that can match the target. */
function coverageCondition(t: CoverageTarget): string {
  if (t.rhelCpes) {
    // rhel-vex records carry no distribution: data for this release = records on a CPE of this major version.
    const major = (t.distribution?.version_id || t.distribution?.version || '').split('.')[0].replace(/[^0-9]/g, '');
    return `repo_key = ${sqlLiteral(RHEL_CPE_REPOSITORY_KEY)}${major ? ` AND repo_name LIKE ${sqlLiteral(`cpe:2.3:_:redhat:enterprise_linux:${major}:%`)}` : ''}`;
  }
  if (t.distribution) {
    const d = t.distribution;
    // Matchers constrain on did+name plus version (dpkg, rpm) or pretty name (only claircore's alpine matcher):
    // accept either. The pretty name counts only for Alpine (whose index and records share nothing else) and
    // distributions of no known family: every Photon OS release is "VMware Photon OS/Linux", so Photon 2.0 data
    // must not count for a Photon 3.0 image.
    const byPrettyName =
      !!d.pretty_name &&
      (d.did === 'alpine' || !Object.prototype.hasOwnProperty.call(FAMILY_BY_DID, (d.did ?? '').toLowerCase()));
    const alts = [
      d.version ? `dist_version = ${sqlLiteral(d.version)}` : '',
      d.version_id ? `dist_version_id = ${sqlLiteral(d.version_id)}` : '',
      byPrettyName ? `dist_pretty_name = ${sqlLiteral(d.pretty_name as string)}` : '',
    ].filter(Boolean);
    return `dist_id = ${sqlLiteral(d.did ?? '')}${alts.length ? ` AND (${alts.join(' OR ')})` : ''}`;
  }
  // rhel-vex's container records: only those with an rhctag range can match (the rhcc matcher is a version filter).
  if (t.repository?.key === RHCC_REPOSITORY_KEY)
    return `repo_key = ${sqlLiteral(RHCC_REPOSITORY_KEY)} AND version_kind = 'rhctag'`;
  return `repo_name = ${sqlLiteral(t.repository?.name ?? '')}`;
}

/**
 * For an existing Clair we cannot read the database: we require a completed update operation from an updater
 * whose name covers the distribution's release or the ecosystem ("debian/updater", "alpine-main-v3.19-updater",
 * "ubuntu/updater/jammy", "rhel-vex", "osv/pypi" …; src/clair/updater-names.ts).
 */
export async function coverageFromUpdaters(
  client: Pick<ClairClient, 'updateOperations'>,
  targets: CoverageTarget[],
): Promise<Map<CoverageTarget, number>> {
  const ops = await client.updateOperations();
  const names = Object.entries(ops)
    .filter(([, list]) => (list ?? []).length > 0)
    .map(([name]) => name);
  const result = new Map<CoverageTarget, number>();
  // Real claircore updater names are judged by release/ecosystem (src/clair/updater-names.ts).
  for (const t of targets) result.set(t, names.filter((n) => updaterCovers(n, t)).length);
  return result;
}

export function assertCovered(image: string, coverage: Map<CoverageTarget, number>, source: string): void {
  const noCpes = [...coverage.keys()].filter((t) => t.rhelCpes && t.rhelCpes.length === 0).map((t) => t.label);
  if (noCpes.length) {
    throw new ClairScanError(
      `no repository CPEs for the ${noCpes.join(', ')} packages of ${image}: RHEL packages cannot be matched without them; refusing to report the image as clean`,
      {
        hint:
          "Clair's RHEL repository scanner maps the image's content sets (root/buildinfo/content_manifests/*.json) to CPEs with Red Hat's repository-to-CPE mapping, which offline runs do not have: " +
          'download https://security.access.redhat.com/data/metrics/repository-to-cpe.json and give its path in rhel-repo2cpe. An image without content manifests or dnf data cannot be matched at all.',
      },
    );
  }
  const missing = [...coverage.entries()].filter(([, n]) => n === 0).map(([t]) => t.label);
  if (missing.length === 0) return;
  throw new ClairScanError(
    `Clair has no vulnerability data for ${missing.join(', ')} (found in ${image}); refusing to report the image as clean`,
    {
      hint:
        source === 'online'
          ? "Clair's updaters ran but have no data for this release (it may be unsupported or too old for its vulnerability source, or a mirror set in clair-config lacks it): use an offline bundle (vuln-data: <file>) that covers it."
          : `the vulnerability data (${source}) does not cover this distribution: use a bundle exported with the updaters for it (clairctl export-updaters), or vuln-data: online.`,
    },
  );
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
