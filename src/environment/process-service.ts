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
import { checkDataImage, connectPg, pgTarget, queryText, readDatabaseContents } from './pg-client';
import { clairBinaryVersion, processTools, startClairProcess } from './clair-process';

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
): Promise<ClairService> {
  const startupMs = settings.startupTimeoutSec * 1000;
  const tools = processTools();
  const pg = pgTarget(settings.postgresUrl as string);
  const dir = makeRunTempDir(state, 'clair');
  log.info(`Starting Clair (${tools.clair}) as a process against the PostgreSQL at ${pg.where} …`);
  const contents = await time('start-postgres', async () => {
    const client = await connectPg(pg, startupMs);
    try {
      return await readDatabaseContents(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  });
  const binaryVersion = await time('start-clair', () => clairBinaryVersion(tools, dir));
  const notes = checkDataImage(contents, { clairVersion: binaryVersion, maxAgeMs, where: pg.where, image: settings.vulnData.trim().replace(/^db-image:/i, '') });
  // Signed data: a database reached by URL is tied to the signed image by its build id (label = row), before Clair
  // starts. Without vuln-data-public-key the reports say the data is unauthenticated.
  const vouched = trust ? await time('data-load', trust) : { notes: [] };
  const row = contents.rows[0]?.build_id;
  if (vouched.buildId !== undefined && row !== vouched.buildId) {
    throw new ClairScanError(`the database at ${pg.where} is not the signed database image ${vouched.image ?? ''}: its clair_scan.data_image build id is ${row ?? '(none)'}, the signed image's label says ${vouched.buildId}`, {
      hint: 'run exactly the signed image as the service (its name in services: and in vuln-data: db-image:), or check vuln-data and postgres-url.',
    });
  }
  notes.push(...vouched.notes);
  const clair = await time('start-clair', () =>
    startClairProcess({
      tools,
      state,
      dir,
      connString: pg.url,
      userConfig: settings.clairConfig,
      repo2cpe: settings.rhelRepo2cpe,
      name2repos: settings.rhelName2repos,
      timeoutMs: startupMs,
      requestTimeoutMs: settings.scanTimeoutSec * 1000,
    }),
  );
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
      const client = await connectPg(pg, startupMs);
      try {
        assertCovered(imageRef, await coverageFromQuery((sql) => queryText(client, sql), targets, coverage), settings.vulnData);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    close: () => clair.close(),
  };
}
