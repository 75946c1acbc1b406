/**
 * `clair-scan data export`: runs Clair's own updaters (`clairctl export-updaters`) in an ephemeral PostgreSQL +
 * Clair started exactly like a scan's (same images, labels and run-id cleanup), copies the bundle out through the
 * Engine API (streamed) and writes it as a snapshot: the bundle plus its manifest.
 */
import * as path from 'node:path';
import { ClairScanError } from '../util/errors';
import type { CaBundle } from '../util/ca';
import { log } from '../util/log';
import { type Container, DockerClient } from '../environment/docker';
import { newRunId, RunState } from '../environment/run-state';
import { cleanupRun } from '../environment/cleanup';
import { startPostgres } from '../environment/postgres';
import { startClair } from '../environment/clair-container';
import { clairListenAddressFor } from '../environment/address';
import { compressionForName, type MemberName, type MemberSource, SnapshotManifest, writeSnapshot } from './snapshot';
import { formatBytes, formatDuration, startProgress } from '../util/progress';

/** The ephemeral PostgreSQL and Clair that `data export` and `data image build` start (and the updaters they run). */
export interface EphemeralOptions {
  /** Clair updater sets, e.g. ["debian", "osv"]. */
  updaterSets: string[];
  clairImage: string;
  postgresImage: string;
  pull: 'missing' | 'always' | 'never';
  dockerHost?: string;
  /** A user's Clair config drop-in (e.g. updaters.config with mirrors). */
  clairConfig?: string;
  /** `registry-ca-file`: trusted by the updaters too (a mirror or proxy behind a private CA). */
  ca?: CaBundle;
  startupTimeoutSec: number;
  dataTimeoutSec: number;
}

export interface ExportOptions extends EphemeralOptions {
  out: string;
  /** Recorded in the manifest: the CI ref a cache entry was written by (data/cache.ts pickCachedSnapshot). */
  ref?: string;
  /** Exploit data to carry (`--kev-data`, `--epss-data`; read by data/members.ts describeMembers first). */
  members?: Partial<Record<MemberName, MemberSource>>;
  onState?(s: RunState): void;
}

const CLAIRCTL_ENV = { NO_COLOR: '1' };

function checkUpdaterSets(sets: string[]): void {
  if (sets.length === 0) {
    throw new ClairScanError('no updater sets were given', {
      hint: "name the Clair updater sets to export, e.g. --updaters debian,ubuntu,alpine,osv (see Clair's `updaters.sets`).",
    });
  }
  for (const s of sets) {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(s)) {
      throw new ClairScanError(`"${s}" is not a Clair updater set name`, {
        hint: 'use set names such as debian, ubuntu, alpine, rhel, osv (lower case).',
      });
    }
  }
}

export async function exportSnapshot(opts: ExportOptions): Promise<SnapshotManifest> {
  checkUpdaterSets(opts.updaterSets);
  const compression = compressionForName(opts.out);
  if (compression === 'none' && !/\.json$/i.test(opts.out)) {
    throw new ClairScanError(`the output name "${opts.out}" must end in .json, .json.gz or .json.zst`, {
      hint: 'e.g. --out clair-data.json.zst (zstd is the smallest).',
    });
  }
  const state: RunState = { runId: newRunId(), dockerHost: opts.dockerHost, tempDirs: [] };
  opts.onState?.(state);
  log.info(`Run ${state.runId} (if this process is killed: clair-scan cleanup --run-id ${state.runId}).`);
  const docker = new DockerClient(opts.dockerHost);
  const startupMs = opts.startupTimeoutSec * 1000;
  try {
    await docker.ping();
    await Promise.all([
      docker.ensureImage(opts.postgresImage, opts.pull, startupMs),
      docker.ensureImage(opts.clairImage, opts.pull, startupMs),
    ]);
    log.info(`Starting PostgreSQL (${opts.postgresImage}) and Clair (${opts.clairImage}) on ${docker.endpoint.host} …`);
    const pg = await startPostgres(docker, { image: opts.postgresImage, runId: state.runId, timeoutMs: startupMs });
    const clair = await startClair(docker, {
      image: opts.clairImage,
      runId: state.runId,
      connString: pg.connString,
      listenHost: await clairListenAddressFor(docker.endpoint),
      airgap: false,
      userConfig: opts.clairConfig,
      ca: opts.ca,
      timeoutMs: startupMs,
      requestTimeoutMs: 60_000,
    });
    try {
      const clairVersion = await clairVersionOf(docker, clair.container);
      const inContainer = await runExport(
        docker,
        clair.container,
        opts.updaterSets,
        compression,
        opts.dataTimeoutSec * 1000,
      );
      const { size, stream } = await docker.getFile(clair.container, inContainer);
      log.info(`Copying the bundle (${formatBytes(size)}) to ${opts.out} …`);
      const manifest = await writeSnapshot(stream, opts.out, {
        clairVersion,
        updaterSets: opts.updaterSets,
        totalBytes: size,
        ref: opts.ref,
        members: opts.members,
      });
      log.info(
        `Wrote ${opts.out} (${formatBytes(manifest.bundle.size)}, ${manifest.records} records from ${manifest.updaters.map((u) => `${u.name}: ${u.records}`).join(', ')}) and ${path.basename(opts.out)}.manifest.json.`,
      );
      return manifest;
    } finally {
      await clair.client.close();
    }
  } finally {
    await cleanupRun(state);
  }
}

/** The image's version label, else what `clairctl --version` says ("clairctl version v4.9.0 (claircore …)"). */
export async function clairVersionOf(docker: DockerClient, clair: Container): Promise<string | undefined> {
  const label = (await docker.inspectContainer(clair)).Config.Labels?.['org.opencontainers.image.version'];
  if (label) return label;
  const r = await docker
    .exec(clair, ['/usr/bin/clairctl', '--version'], { timeoutMs: 30_000, env: CLAIRCTL_ENV })
    .catch(() => undefined);
  return /version (v?\d[^\s]*)/.exec(`${r?.stdout ?? ''} ${r?.stderr ?? ''}`)?.[1];
}

/** Runs `clairctl export-updaters --strict` for `sets` in the Clair container; returns the bundle's path there. */
export async function runExport(
  docker: DockerClient,
  clair: Container,
  sets: string[],
  compression: string,
  timeoutMs: number,
): Promise<string> {
  log.info(`Running Clair's updaters for ${sets.join(', ')} (clairctl export-updaters; this can take many minutes) …`);
  // Read by clairctl only (the running Clair read its config at start). Named .yaml: Clair ignores drop-ins whose
  // extension differs from the main file's.
  await docker.putFiles(clair, '/config', {
    'config.yaml.d/95-updaters.yaml': JSON.stringify({ updaters: { sets }, matcher: { disable_updaters: false } }),
  });
  // Not under /var/tmp: that is a tmpfs, which the Engine API's archive endpoint does not see. Clair runs as an
  // unprivileged user, so the (empty) file is placed first, writable, and clairctl truncates and fills it.
  const name = `clair-scan-export.json${compression === 'gzip' ? '.gz' : compression === 'zstd' ? '.zst' : ''}`;
  await docker.putFiles(clair, '/config', { [`export/${name}`]: '' }, { mode: 0o666 });
  const out = `/config/export/${name}`;
  const started = Date.now();
  const beat = startProgress(`Exporting vulnerability data (${sets.join(', ')})`);
  let r;
  try {
    r = await docker.exec(clair, ['/usr/bin/clairctl', '-q', 'export-updaters', '--strict', out], {
      timeoutMs,
      env: CLAIRCTL_ENV,
    });
  } catch (err) {
    throw new ClairScanError(`Clair's updaters did not finish within ${Math.round(timeoutMs / 1000)} s`, {
      hint: 'raise --data-timeout, or export fewer updater sets per run.',
      cause: err,
    });
  } finally {
    beat.stop();
  }
  if (r.exitCode !== 0) {
    throw new ClairScanError(`Clair's updaters failed for ${sets.join(', ')} (exit ${r.exitCode})`, {
      hint: 'the Docker host needs access to the vulnerability sources (or to the mirrors set in --clair-config updaters.config); see the details for the failing updater.',
      details: (r.stderr || r.stdout).trimEnd().split('\n').slice(-30).join('\n'),
    });
  }
  log.info(`Clair's updaters finished in ${formatDuration(Date.now() - started)}.`);
  return out;
}
