/**
 * The Clair this run talks to: an ephemeral one (PostgreSQL + Clair containers started here, data loaded
 * here) or an existing one (`clair-url`). Both prove vulnerability-data coverage before anything is reported.
 *
 * environment/ holds what a run starts and the Docker Engine it runs on: docker.ts (the only Docker API client),
 * postgres.ts, clair-container.ts, clair-config.ts, service.ts, address.ts, vuln-data.ts (import, online fetch,
 * coverage proof), and a run's scaffolding: run.ts, run-state.ts, cleanup.ts, signals.ts.
 *
 * May import: util/, clair/, inputs/settings (types). Never data/ (data/ runs clairctl in these containers; its
 * VulnDataLoader is handed in) nor the stages above (image/, findings/, policy/, report/, publish/).
 */
import type { Settings } from '../inputs/settings';
import { log } from '../util/log';
import { ClairClient } from '../clair/client';
import type { ClairIndexReport } from '../clair/types';
import type { Container, DockerClient } from './docker';
import type { RunState } from './run-state';
import type { PhaseTimer } from './run';
import { adoptBakedDatabase, BakedDatabase, Postgres, startPostgres } from './postgres';
import { checkClairImage, ClairContainer, startClair } from './clair-container';
import { clairListenAddressFor } from './address';
import { updaterSetsFor } from './clair-config';
import {
  assertCovered,
  CoverageCache,
  coverageFromDatabase,
  coverageFromUpdaters,
  coverageTargets,
  importBundle,
} from './vuln-data';
import type { BundleRequire } from '../util/lazy';

/** The Clair this run talks to (not Clair's own `Environment`, which is clair/types.ts ClairEnvironment). */
export interface ClairService {
  client: ClairClient;
  ephemeral: boolean;
  /** clair-mode: process: Clair is a child process of this one, reached on loopback (no Docker daemon involved). */
  process?: boolean;
  version?: string;
  /** What the reports must say about the data (e.g. a stale snapshot used because it could not be refreshed). */
  dataNotes: string[];
  /** clair-mode process: the exploit-data members the database image's database carries (issue 22; data/exploit.ts). */
  dataMembers?: { label: string; bytes: Partial<Record<'kev' | 'epss' | 'eol', Buffer>> };
  /** Makes sure (and proves) Clair has vulnerability data for what this index report found. */
  ensureData(index: ClairIndexReport, imageRef: string): Promise<void>;
  /**
   * ensureData may load data (`vuln-data: online`): the match must wait for it. Otherwise ensureData only checks,
   * and scan.ts runs it beside the match (neither result is used before both are done).
   */
  loadsData?: boolean;
  close(): Promise<void>;
}

/** The run's Clair container and the Docker client it runs on. */
export interface ClairTarget {
  docker: DockerClient;
  clair: Container;
  /** Its PostgreSQL (ours): bundles with version ranges are completed there (range-import.ts). */
  pg?: Postgres;
}

/**
 * Where an ephemeral Clair's vulnerability data comes from. data/ implements it (data/index.ts `vulnDataLoader`)
 * and the caller hands it in: environment/ never imports data/, which runs clairctl in environment/'s containers.
 */
export interface VulnDataLoader {
  /** `vuln-data` other than `online`, before the first image: the bundle to import, and notes for the reports. */
  prepare(target: ClairTarget | undefined): Promise<{ bundle: string; notes: string[]; rangeRecords?: number }>;
  /** `vuln-data: online`: loads the updater sets `sets` (those loaded so far, then the new ones); notes for the reports. */
  loadOnline(target: ClairTarget, sets: string[]): Promise<string[]>;
  /** `vuln-data-max-age` in milliseconds (undefined: no limit), for data this module checks itself (clair-mode: process). */
  maxAgeMs?(): number | undefined;
  /**
   * `vuln-data: db-image:<ref>`: makes the database image present (pulled per `pull`, with the credentials bound
   * to its registry) and checks its labels (age, clock) before anything starts (data/db-image.ts).
   */
  dbImage?(docker: DockerClient, timeoutMs: number): Promise<DbImageUse>;
  /**
   * clair-mode: process (a database image run as a service, reached by postgres-url): what vouches for its data.
   * With vuln-data-public-key, the build id of the signed `db-image:<ref>` (its registry labels, read after its
   * signature is verified), which the database's `clair_scan.data_image` row must carry; without, a note that the
   * data is unauthenticated (data/db-image.ts `serviceDataTrust`).
   */
  serviceTrust?(): Promise<ServiceDataTrust>;
}

/** See VulnDataLoader.serviceTrust. */
export interface ServiceDataTrust {
  /** The build id the database must carry, and the signed image (pinned by digest) it comes from. */
  buildId?: string;
  /** The signed image's members label: name → sha256 the database's members must have (issue 22). */
  members?: Record<string, string>;
  image?: string;
  notes: string[];
}

/** A database image (PostgreSQL with Clair's data baked in) that passed its label checks. */
export interface DbImageUse {
  /** What PostgreSQL starts from. */
  image: string;
  /** For the reports: which data image, created when. */
  notes: string[];
  /** Refuses a database that is not the image's: no Clair schema, no or another `clair_scan.data_image` row. */
  checkDatabase(db: BakedDatabase): void;
  /** Refuses a Clair whose version differs from the one that built the image. */
  checkClair(target: ClairTarget): Promise<void>;
}

export async function openClairService(
  settings: Settings,
  docker: () => DockerClient,
  state: RunState,
  time: PhaseTimer,
  data: VulnDataLoader,
): Promise<ClairService> {
  if (settings.clairUrl) return openExternal(settings);
  if (settings.clairMode === 'process') return openProcess(settings, state, time, data);
  return openEphemeral(settings, docker(), state, time, data);
}

function openExternal(settings: Settings): ClairService {
  const client = new ClairClient({
    url: settings.clairUrl as string,
    psk: settings.clairPsk,
    requestTimeoutMs: settings.scanTimeoutSec * 1000,
  });
  log.info(`Using the existing Clair at ${settings.clairUrl}.`);
  // Which updaters have data, asked once per run (a batch asked once per image): a shared Clair's updaters only add
  // data while it runs, so a covered answer stays true; a target the answer does not cover is asked again first.
  let ops: ReturnType<ClairClient['updateOperations']> | undefined;
  const asked = {
    updateOperations: () =>
      (ops ??= client.updateOperations().catch((err: unknown) => {
        ops = undefined;
        throw err;
      })),
  };
  // Asked now, beside the image's export and index (the answer does not depend on them; the request took ~5 % of a
  // warm first scan when it waited for the index): the same answer as asked later, by the rule above. A failure is
  // forgotten (above), so the first image asks again; nobody asking (the run failed before) is no unhandled rejection.
  asked.updateOperations().catch(() => undefined);
  return {
    client,
    ephemeral: false,
    dataNotes: [],
    ensureData: async (index, imageRef) => {
      const targets = coverageTargets(index);
      if (targets.length === 0) return;
      let coverage = await coverageFromUpdaters(asked, targets);
      if ([...coverage.values()].some((n) => n === 0)) {
        ops = undefined;
        coverage = await coverageFromUpdaters(asked, targets);
      }
      assertCovered(imageRef, coverage, `the Clair at ${settings.clairUrl}`);
    },
    close: () => client.close(),
  };
}

async function openEphemeral(
  settings: Settings,
  docker: DockerClient,
  state: RunState,
  time: PhaseTimer,
  data: VulnDataLoader,
): Promise<ClairService> {
  const startupMs = settings.startupTimeoutSec * 1000;
  await docker.ping();
  if (settings.vulnDbImage && !data.dbImage)
    throw new Error('vuln-data: db-image: needs a loader that opens database images');
  // vuln-data: db-image:<ref>: PostgreSQL starts from that image (its data baked in) instead of postgres-image.
  let dbImage: DbImageUse | undefined;
  await time('pull', () =>
    Promise.all([
      settings.vulnDbImage
        ? data.dbImage?.(docker, startupMs).then((d) => void (dbImage = d))
        : docker.ensureImage(settings.postgresImage, settings.pull, startupMs),
      docker.ensureImage(settings.clairImage, settings.pull, startupMs),
    ]),
  );
  await checkClairImage(docker, settings.clairImage);
  const pgImage = dbImage?.image ?? settings.postgresImage;
  log.info(`Starting PostgreSQL (${pgImage}) and Clair (${settings.clairImage}) on ${docker.endpoint.host} …`);
  const pg: Postgres = await time('start-postgres', async () => {
    const started = await startPostgres(docker, { image: pgImage, runId: state.runId, timeoutMs: startupMs });
    // Its own password first (the image's is documented, not secret), then: is this the image's database?
    if (dbImage) dbImage.checkDatabase(await adoptBakedDatabase(docker, started));
    return started;
  });
  const listenHost = await clairListenAddressFor(docker.endpoint);
  const online = settings.vulnData.toLowerCase() === 'online';
  const clair: ClairContainer = await time('start-clair', () =>
    startClair(docker, {
      image: settings.clairImage,
      runId: state.runId,
      connString: pg.connString,
      listenHost,
      airgap: !online,
      userConfig: settings.clairConfig,
      repo2cpe: settings.rhelRepo2cpe,
      name2repos: settings.rhelName2repos,
      ca: settings.registry.ca,
      timeoutMs: startupMs,
      requestTimeoutMs: settings.scanTimeoutSec * 1000,
    }),
  );
  const version = (await docker.inspectContainer(clair.container)).Config.Labels?.['org.opencontainers.image.version'];
  const dataNotes: string[] = [];
  if (dbImage) {
    // The data is in the database already: no import. The coverage proof below reads it as it reads imported data.
    await time('data-load', () => (dbImage as DbImageUse).checkClair({ docker, clair: clair.container, pg }));
    dataNotes.push(...dbImage.notes);
  } else if (!online) {
    await time('data-load', async () => {
      const prepared = await data.prepare({ docker, clair: clair.container });
      dataNotes.push(...prepared.notes);
      await importBundle(docker, clair.container, prepared.bundle, settings.dataTimeoutSec * 1000, {
        pg,
        state,
        rangeRecords: prepared.rangeRecords,
      });
    });
  }
  const fetched = new Set<string>();
  // The coverage counts, taken once per run: the data changes only when the online updaters load more.
  const coverage = new CoverageCache();
  return {
    client: clair.client,
    ephemeral: true,
    loadsData: online,
    dataNotes,
    version,
    ensureData: async (index, imageRef) => {
      const targets = coverageTargets(index);
      if (targets.length === 0) return;
      if (online) {
        const wanted = settings.updaters.length
          ? settings.updaters
          : updaterSetsFor(
              targets.map((t) => t.distribution ?? {}),
              targets.map((t) => t.repository ?? {}),
            );
        const missing = wanted.filter((s) => !fetched.has(s));
        if (missing.length) {
          const sets = [...fetched, ...missing];
          try {
            dataNotes.push(...(await data.loadOnline({ docker, clair: clair.container, pg }, sets)));
          } finally {
            // More data (also a load that failed half-way): the counts taken so far may be stale.
            coverage.invalidate();
          }
          missing.forEach((s) => fetched.add(s));
        }
      }
      assertCovered(
        imageRef,
        await coverageFromDatabase(docker, pg, targets, coverage),
        online ? 'online' : settings.vulnData,
      );
    },
    close: () => clair.client.close(),
  };
}

/**
 * clair-mode: process (process-service.ts): loaded on use, so the PostgreSQL client it brings stays out of the
 * action's main chunk (util/lazy.ts).
 */
async function openProcess(
  settings: Settings,
  state: RunState,
  time: PhaseTimer,
  data: VulnDataLoader,
): Promise<ClairService> {
  const { openProcessService } = await loadProcessService();
  return openProcessService(settings, state, time, data.maxAgeMs?.(), data.serviceTrust, () => data.prepare(undefined));
}

declare const require: BundleRequire;
const loadProcessService = (): Promise<typeof import('./process-service')> =>
  typeof require.ensure === 'function'
    ? new Promise((ok, fail) =>
        require.ensure!(
          [],
          () => ok(require('./process-service') as typeof import('./process-service')),
          fail,
          'process-service',
        ),
      )
    : Promise.resolve(require('./process-service') as typeof import('./process-service'));
