/**
 * clair-mode: process, as a ClairService (environment/index.ts loads this module on use: the PostgreSQL client stays
 * out of the action's main chunk).
 */
import type { Settings } from '../inputs/settings';
import { log } from '../util/log';
import type { ClairService, ServiceDataTrust } from './index';
import { ClairScanError } from '../util/errors';
import type { RunState } from './run-state';
import { makeRunTempDir } from './run-state';
import type { PhaseTimer } from './run';
import { assertCovered, CoverageCache, coverageFromQuery, coverageTargets } from './vuln-data';
import {
  checkDataImage,
  connectPg,
  pgTarget,
  type PgTarget,
  queryText,
  readDataMembers,
  readDatabaseContents,
} from './pg-client';
import {
  type ClairProcess,
  clairBinaryVersion,
  findOnPath,
  importWithClairctl,
  processTools,
  startClairProcess,
  type StartClairProcessOptions,
} from './clair-process';

/**
 * clair-mode: process: Clair from the PATH as a child process (clair-process.ts) against `postgres-url`, whose
 * database already holds the data (a database image as a service). Nothing here touches Docker. Before Clair starts
 * (and migrates anything): the database must be a clair-scan database image's (Clair's schema and its
 * `clair_scan.data_image` row), built by the same Clair version as the one on the PATH, and fresh enough.
 */
export async function openProcessService(
  settings: Settings,
  state: RunState,
  time: PhaseTimer,
  maxAgeMs: number | undefined,
  trust?: () => Promise<ServiceDataTrust>,
  prepare?: () => Promise<{ bundle: string; notes: string[]; rangeRecords?: number }>,
): Promise<ClairService> {
  if (!/^db-image:/i.test(settings.vulnData.trim())) return openWithSnapshot(settings, state, time, prepare);
  const startupMs = settings.startupTimeoutSec * 1000;
  const tools = processTools();
  const pg = pgTarget(settings.postgresUrl as string);
  const dir = makeRunTempDir(state, 'clair');
  log.info(`Starting Clair (${tools.clair}) as a process against the PostgreSQL at ${pg.where} …`);
  const { contents, members } = await time('start-postgres', async () => {
    const client = await connectPg(pg, startupMs);
    try {
      return { contents: await readDatabaseContents(client), members: await readDataMembers(client) };
    } finally {
      await client.end().catch(() => undefined);
    }
  });
  const binaryVersion = await time('start-clair', () => clairBinaryVersion(tools, dir));
  const notes = checkDataImage(contents, {
    clairVersion: binaryVersion,
    maxAgeMs,
    where: pg.where,
    image: settings.vulnData.trim().replace(/^db-image:/i, ''),
  });
  // Signed data: a database reached by URL is tied to the signed image by its build id (label = row), before Clair
  // starts. Without vuln-data-public-key the reports say the data is unauthenticated.
  const vouched = trust ? await time('data-load', trust) : { notes: [] };
  const row = contents.rows[0]?.build_id;
  if (vouched.buildId !== undefined && row !== vouched.buildId) {
    throw new ClairScanError(
      `the database at ${pg.where} is not the signed database image ${vouched.image ?? ''}: its clair_scan.data_image build id is ${row ?? '(none)'}, the signed image's label says ${vouched.buildId}`,
      {
        hint: 'run exactly the signed image as the service (its name in services: and in vuln-data: db-image:), or check vuln-data and postgres-url.',
      },
    );
  }
  notes.push(...vouched.notes);
  // The exploit data it carries (issue 22): a signed image's label names each member's sha256, which the row must have,
  // and a member the label names must be there (a dropped row must not read as "no KEV data").
  for (const [name, want] of Object.entries(vouched.members ?? {})) {
    if (!members.some((m) => m.name === name)) {
      throw new ClairScanError(
        `the signed database image ${vouched.image ?? ''} carries a ${name} member (sha256:${want}) that the database at ${pg.where} lacks`,
        { hint: 'run exactly the signed image as the service, or check vuln-data and postgres-url.' },
      );
    }
  }
  for (const m of members) {
    const want = vouched.members?.[m.name];
    if (vouched.members && want !== m.sha256) {
      throw new ClairScanError(
        `the database at ${pg.where} carries a ${m.name} member that the signed database image ${vouched.image ?? ''} does not (sha256:${m.sha256}, label: ${want ? `sha256:${want}` : 'none'})`,
        { hint: 'run exactly the signed image as the service, or check vuln-data and postgres-url.' },
      );
    }
  }
  const clair = await time('start-clair', () => startClairProcess(processOptions(settings, state, tools, dir, pg.url)));
  const svc = service(settings, clair, binaryVersion, notes, pg);
  if (members.length)
    svc.dataMembers = {
      label: settings.vulnData.trim(),
      bytes: Object.fromEntries(members.map((m) => [m.name, m.content])),
    };
  return svc;
}

function processOptions(
  settings: Settings,
  state: RunState,
  tools: { clair: string; setpriv: string },
  dir: string,
  connString: string,
): StartClairProcessOptions {
  return {
    tools,
    state,
    dir,
    connString,
    userConfig: settings.clairConfig,
    repo2cpe: settings.rhelRepo2cpe,
    name2repos: settings.rhelName2repos,
    timeoutMs: settings.startupTimeoutSec * 1000,
    requestTimeoutMs: settings.scanTimeoutSec * 1000,
  };
}

function service(
  settings: Settings,
  clair: ClairProcess,
  binaryVersion: string,
  notes: string[],
  pg: PgTarget,
): ClairService {
  // The coverage counts, taken once per run through the Node client (no psql, no container): the data never changes.
  const coverage = new CoverageCache();
  return {
    client: clair.client,
    ephemeral: true,
    process: true,
    version: binaryVersion.split(' ')[0],
    dataNotes: notes,
    ensureData: async (index, imageRef) => {
      const targets = coverageTargets(index);
      if (targets.length === 0) return;
      const client = await connectPg(pg, settings.startupTimeoutSec * 1000);
      try {
        assertCovered(
          imageRef,
          await coverageFromQuery((sql) => queryText(client, sql), targets, coverage),
          settings.vulnData,
        );
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    close: () => clair.close(),
  };
}

/**
 * A snapshot (file, URL, `oci://`) in process mode: verified and checked for age by data/ (`prepare`, as for the
 * container mode, without an online refresh), then Clair migrates the schema of postgres-url's database and
 * `clairctl import-updaters` from the PATH (beside clair) loads it. Records with version ranges (Go, npm …, Red Hat
 * containers), which clairctl 4.9.0 cannot store, are completed by range-import.ts only in the container mode's own
 * PostgreSQL: refused here with what to use instead.
 */
async function openWithSnapshot(
  settings: Settings,
  state: RunState,
  time: PhaseTimer,
  prepare: (() => Promise<{ bundle: string; notes: string[]; rangeRecords?: number }>) | undefined,
): Promise<ClairService> {
  if (!prepare) throw new Error('clair-mode: process with a snapshot needs a loader that prepares it');
  const tools = processTools();
  const clairctl = findOnPath('clairctl');
  if (!clairctl) {
    throw new ClairScanError(
      'clair-mode: process with a snapshot in vuln-data needs `clairctl` on the PATH, and there is none',
      {
        hint: 'use the clair-scan tool image (it ships clair and clairctl), install clairctl of the same Clair version beside clair, or use vuln-data: db-image:<ref> (no import at all).',
      },
    );
  }
  const prepared = await time('data-load', prepare);
  if (prepared.rangeRecords) {
    throw new ClairScanError(
      `the vulnerability data ${settings.vulnData} has ${prepared.rangeRecords} records with version ranges (Go, npm …, Red Hat containers), which clairctl 4.9.0 cannot import into a database clair-scan does not run`,
      {
        hint: 'use vuln-data: db-image:<ref> (a database image built from this snapshot: clair-scan data image build completes the ranges), or clair-mode: container.',
      },
    );
  }
  const pg = pgTarget(settings.postgresUrl as string);
  const dir = makeRunTempDir(state, 'clair');
  log.info(`Starting Clair (${tools.clair}) as a process against the PostgreSQL at ${pg.where} …`);
  // Reachable at all (bounded retries, the host named), before Clair is given it.
  await time('start-postgres', async () => (await connectPg(pg, settings.startupTimeoutSec * 1000)).end());
  const binaryVersion = await time('start-clair', () => clairBinaryVersion(tools, dir));
  const clair = await time('start-clair', () => startClairProcess(processOptions(settings, state, tools, dir, pg.url)));
  try {
    await time('data-load', () =>
      importWithClairctl({
        tools,
        clairctl,
        conf: clair.conf,
        bundle: prepared.bundle,
        state,
        dir,
        timeoutMs: settings.dataTimeoutSec * 1000,
      }),
    );
  } catch (err) {
    await clair.close();
    throw err;
  }
  return service(settings, clair, binaryVersion, prepared.notes, pg);
}
