/**
 * Clair's database reached by URL (`postgres-url`, clair-mode: process) with a Node PostgreSQL client, so that the
 * checks of a database image (its `clair_scan.data_image` row) and the coverage proof need no Docker daemon and no
 * psql: a GitLab service is reachable only by its address.
 *
 * The URL holds a password: it is masked at once and never part of a message (errors name host:port only).
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import { DB_IMAGE_PASSWORD, sleep } from './postgres';

/** Clair's tables and the clair-scan database image's row, as read from the database (same shape as postgres.ts BakedDatabase). */
export interface DatabaseContents {
  /** `vuln` and `update_operation` exist (claircore's migrations ran). */
  clairSchema: boolean;
  /** `clair_scan.data_image` exists. */
  dataImageTable: boolean;
  /** Its rows (exactly one in a real database image). */
  rows: DataImageRow[];
}

/** One row of `clair_scan.data_image` (docs/vuln-data.md, "Database image"). */
export interface DataImageRow {
  build_id: string | null;
  created_at: Date | null;
  clair_version: string | null;
  updater_sets: string | null;
  records: string | number | null;
  source_sha256: string | null;
  updaters: unknown;
}

export interface PgTarget {
  url: string;
  /** `host:port` for messages (never the password). */
  where: string;
}

/** Masks the URL and its password (raw and decoded) and gives what messages may name. */
export function pgTarget(url: string): PgTarget {
  log.mask(url);
  const u = new URL(url);
  let decoded = u.password;
  try {
    decoded = decodeURIComponent(u.password);
  } catch {
    // a malformed escape: the raw form is masked
  }
  if (u.password && decoded !== DB_IMAGE_PASSWORD) {
    log.mask(u.password);
    log.mask(decoded);
  }
  return { url, where: `${u.hostname}:${u.port || '5432'}` };
}

/** Errors worth retrying while a PostgreSQL service is still starting (GitLab starts services next to the job). */
const TRANSIENT =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|timeout|the database system is starting up|Connection terminated/i;

/**
 * Connects, retrying transient failures (refused, reset, still starting) until `timeoutMs` has passed; a refused
 * login or a missing database fails at once. The caller ends the client.
 */
export async function connectPg(target: PgTarget, timeoutMs: number): Promise<Client> {
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  for (;;) {
    attempts++;
    const left = deadline - Date.now();
    const client = new Client({
      connectionString: target.url,
      connectionTimeoutMillis: Math.max(1000, Math.min(10000, left)),
      statement_timeout: 120000,
      application_name: 'clair-scan',
    });
    // An idle client whose server goes away emits 'error': never an uncaught exception.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      const why = scrub(errorMessage(err), target);
      if (!TRANSIENT.test(why) || Date.now() + 1000 >= deadline) {
        throw new ClairScanError(
          `cannot connect to the PostgreSQL of postgres-url at ${target.where} (${attempts} attempt${attempts > 1 ? 's' : ''} in ${Math.round((timeoutMs - Math.max(0, deadline - Date.now())) / 1000)} s): ${why}`,
          {
            hint: TRANSIENT.test(why)
              ? 'check that the database service is running and reachable from this job at that host and port (a GitLab service: its alias as the host), or raise startup-timeout.'
              : 'check the user, password and database name in postgres-url.',
          },
        );
      }
      await sleep(1000);
    }
  }
}

/** pg's errors do not echo the connection string, but a password must never be printed: strip it anyway. */
function scrub(text: string, target: PgTarget): string {
  const u = new URL(target.url);
  let out = text.split(target.url).join('postgres://…');
  if (u.password) out = out.split(u.password).join('***');
  return out;
}

/** What the database holds: Clair's schema and the database image's row. */
export async function readDatabaseContents(client: Client): Promise<DatabaseContents> {
  const flags = await client.query<{ clair: boolean; has_table: boolean }>(
    "SELECT to_regclass('public.vuln') IS NOT NULL AND to_regclass('public.update_operation') IS NOT NULL AS clair, to_regclass('clair_scan.data_image') IS NOT NULL AS has_table",
  );
  const { clair, has_table: table } = flags.rows[0];
  const rows = table
    ? (
        await client.query<DataImageRow>(
          'SELECT build_id, created_at, clair_version, updater_sets, records, source_sha256, updaters FROM clair_scan.data_image',
        )
      ).rows
    : [];
  return { clairSchema: clair, dataImageTable: table, rows };
}

/** A member of a database image (issue 22: KEV, EPSS, EOL data), as `data image build` stored it. */
export interface DataMemberRow {
  name: string;
  file: string;
  sha256: string;
  size: number;
  date: string;
  version?: string;
  content: Buffer;
}

/** The largest member read (the cap docs/SECURITY.md gives members). */
const MAX_MEMBER_BYTES = 256 * 2 ** 20;

/**
 * The members in `clair_scan.data_member` (none when the image has no such table), each checked against its own
 * sha256 and size: a changed row is exit 2, not data. Sizes are read first, so an oversized row is never fetched.
 */
export async function readDataMembers(client: Client): Promise<DataMemberRow[]> {
  const has = await client.query<{ has: boolean }>("SELECT to_regclass('clair_scan.data_member') IS NOT NULL AS has");
  if (!has.rows[0]?.has) return [];
  const sizes = await client.query<{ name: string; n: string }>(
    'SELECT name, octet_length(content)::text AS n FROM clair_scan.data_member',
  );
  for (const r of sizes.rows) {
    if (Number(r.n) > MAX_MEMBER_BYTES)
      throw new ClairScanError(`the database's ${String(r.name).slice(0, 40)} member is ${r.n} bytes, over the cap`, {
        hint: 'the database is not a database image as built by clair-scan: rebuild it with `clair-scan data image build`.',
      });
  }
  const rows = await client.query<{
    name: string;
    file: string;
    sha256: string;
    size: string;
    date: string;
    version: string | null;
    content: Buffer;
  }>('SELECT name, file, sha256, size::text AS size, date, version, content FROM clair_scan.data_member ORDER BY name');
  return rows.rows.map((r) => {
    const sha = createHash('sha256').update(r.content).digest('hex');
    if (sha !== r.sha256 || r.content.length !== Number(r.size)) {
      throw new ClairScanError(
        `the database's ${String(r.name).slice(0, 40)} member does not match its recorded sha256 and size (it was changed after the build)`,
        { hint: 'use the database image as built: rebuild it with `clair-scan data image build`, or pull it again.' },
      );
    }
    return {
      name: r.name,
      file: r.file,
      sha256: r.sha256,
      size: Number(r.size),
      date: r.date,
      ...(r.version ? { version: r.version } : {}),
      content: r.content,
    };
  });
}

/** Runs one query; rows as arrays of text (what environment/postgres.ts `query` gives from psql). */
export async function queryText(client: Client, sql: string): Promise<string[][]> {
  const r = await client.query({ text: sql, rowMode: 'array' });
  return (r.rows as unknown[][]).map((row) => row.map((v) => (v === null ? '' : String(v))));
}

/** Tolerated clock difference between the machine that built the data and this one. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const NOT_A_DB_IMAGE_HINT =
  'is the database image the service? postgres-url must point at a PostgreSQL started from a database image built by `clair-scan data image build` (docs/vuln-data.md, "Database image"), e.g. services: [{name: <image>, alias: clair-db}].';

/**
 * Refuses (exit 2) a database that is not a clair-scan database image's, whose data was built by another Clair
 * version than `clairVersion` (the binary's, e.g. `v4.9.0 (claircore v1.5.48)`), or whose createdAt is older than
 * `maxAgeMs` or in the future. Returns the notes for the reports.
 */
export function checkDataImage(
  c: DatabaseContents,
  opts: { clairVersion: string; maxAgeMs?: number; where: string; image?: string; now?: Date },
): string[] {
  if (!c.clairSchema) {
    throw new ClairScanError(
      `the PostgreSQL of postgres-url at ${opts.where} holds no Clair database (no vuln and update_operation tables)`,
      { hint: NOT_A_DB_IMAGE_HINT },
    );
  }
  if (!c.dataImageTable || c.rows.length !== 1) {
    throw new ClairScanError(
      `the Clair database at ${opts.where} is not a clair-scan database image: ${c.dataImageTable ? `clair_scan.data_image has ${c.rows.length} rows, not one` : 'it has no clair_scan.data_image table'}, so its data cannot be checked`,
      { hint: NOT_A_DB_IMAGE_HINT },
    );
  }
  const row = c.rows[0];
  const ours = opts.clairVersion.trim().split(/\s+/)[0];
  const theirs = (row.clair_version ?? '').trim();
  if (theirs !== ours) {
    throw new ClairScanError(
      `the database image at ${opts.where} was built with Clair ${theirs || '(unknown)'}, but the clair on the PATH is ${ours}`,
      {
        hint: `use a database image built with Clair ${ours} (clair-scan data image build with that Clair), or the clair binary of ${theirs || 'that version'} (the tool image of the matching release): Clair's schema and data are tied to its version.`,
      },
    );
  }
  const created =
    row.created_at instanceof Date ? row.created_at : row.created_at ? new Date(row.created_at) : undefined;
  if (!created || Number.isNaN(created.getTime())) {
    throw new ClairScanError(`the database image at ${opts.where} has no valid created_at in clair_scan.data_image`, {
      hint: NOT_A_DB_IMAGE_HINT,
    });
  }
  const now = (opts.now ?? new Date()).getTime();
  const age = now - created.getTime();
  if (age < -CLOCK_SKEW_MS) {
    throw new ClairScanError(
      `the database image at ${opts.where} says it was created at ${created.toISOString()}, in the future`,
      {
        hint: "check this machine's clock and the clock of the machine that built the image; rebuild the image if its date is wrong.",
      },
    );
  }
  if (opts.maxAgeMs !== undefined && age > opts.maxAgeMs) {
    throw new ClairScanError(
      `the database image at ${opts.where} was created at ${created.toISOString()}, ${Math.floor(age / 3600000)} h ago: older than vuln-data-max-age (${Math.round(opts.maxAgeMs / 3600000)} h)`,
      {
        hint: 'use a fresher database image (the nightly tag, or rebuild it with clair-scan data image build), or raise vuln-data-max-age.',
      },
    );
  }
  const records = row.records === null ? undefined : Number(row.records);
  return [
    `Vulnerability data: database image ${opts.image ?? '(unnamed)'} (built ${created.toISOString()} with Clair ${theirs}${records !== undefined ? `, ${records} records` : ''}${row.updater_sets ? `, updater sets ${row.updater_sets}` : ''}) at ${opts.where}.`,
  ];
}
