/**
 * The ephemeral PostgreSQL for Clair, driven exactly like the official `postgres` image: POSTGRES_USER /
 * POSTGRES_PASSWORD / POSTGRES_DB, extra server flags as arguments, `pg_isready` and `psql` on PATH.
 */
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import { ClairScanError } from '../util/errors';
import { log } from '../util/log';
import { type Container, DockerClient } from './docker';
import { freeLocalPort, randomPort } from './address';
import { ReadyOutcome, startService } from './service';

export interface Postgres {
  container: Container;
  port: number;
  user: string;
  password: string;
  database: string;
  /** libpq connection string, valid on the daemon's host (Clair uses host networking too). */
  connString: string;
}

const PORT_IN_USE = /address already in use|could not bind|could not create any TCP\/IP sockets/i;

export interface StartPostgresOptions {
  image: string;
  runId: string;
  timeoutMs: number;
  /** The superuser's password (default: random per run). A database image is built with a fixed one (data/db-image.ts). */
  password?: string;
  /** Extra environment, e.g. PGDATA outside the declared volume when building a database image. */
  env?: Record<string, string>;
  /** Extra server flags. */
  args?: string[];
}

export async function startPostgres(docker: DockerClient, opts: StartPostgresOptions): Promise<Postgres> {
  const deadline = Date.now() + opts.timeoutMs;
  return startService(docker, {
    name: 'PostgreSQL',
    deadline,
    portInUse: PORT_IN_USE,
    attempt: async (n) => {
      const port = docker.endpoint.tcp ? randomPort() : await freeLocalPort();
      const password = opts.password ?? randomBytes(18).toString('base64url');
      const user = 'clair';
      const database = 'clair';
      // A given password is the database image's documented one (not secret, and masking it would hide every "clair").
      if (!opts.password) log.mask(password);
      const container = await docker.createContainer({
        name: `clair-scan-${opts.runId}-postgres${n > 1 ? `-${n}` : ''}`,
        image: opts.image,
        runId: opts.runId,
        role: 'postgres',
        capAdd: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID'],
        // initdb's own default trusts every TCP connection from 127.0.0.1, and with host networking that is anyone on
        // the machine: the data (and so the gate) could be changed mid-scan. Passwords on TCP; the container's own
        // unix socket (our `docker exec psql`) stays trusted.
        env: {
          POSTGRES_INITDB_ARGS: '--auth-host=scram-sha-256',
          ...opts.env,
          POSTGRES_USER: user,
          POSTGRES_PASSWORD: password,
          POSTGRES_DB: database,
        },
        // Ephemeral data: durability settings off make migrations and the data import much faster.
        cmd: [
          'postgres',
          '-c',
          'listen_addresses=127.0.0.1',
          '-p',
          String(port),
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          ...(opts.args ?? []),
        ],
      });
      await docker.startContainer(container);
      const pg: Postgres = {
        container,
        port,
        user,
        password,
        database,
        connString: `host=127.0.0.1 port=${port} user=${user} password=${password} dbname=${database} sslmode=disable`,
      };
      return { container, value: pg, outcome: await waitReady(docker, pg, deadline) };
    },
    failure: (outcome, logs) =>
      new ClairScanError(
        outcome === 'exited'
          ? `the PostgreSQL container (${opts.image}) stopped before it was ready`
          : `PostgreSQL (${opts.image}) was not ready within ${Math.round(opts.timeoutMs / 1000)} s`,
        {
          hint:
            outcome === 'exited'
              ? 'check that postgres-image is a PostgreSQL image that honours POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB like the official one (see the log below).'
              : "raise startup-timeout, or check the Docker host's load and disk space.",
          details: logs,
        },
      ),
  });
}

/**
 * Two probes, the first to decide wins: `pg_isready` through `docker exec` (works wherever the daemon is, but costs
 * several Engine API calls per poll) and, with a local daemon, the same check made from this process on loopback
 * every 20 ms (host networking puts the server's port there; pingPostgres). A database image's PostgreSQL is up in a
 * fraction of a second: the exec poll alone noticed it up to ~0.2 s late. If this process's loopback is not the
 * daemon's host network (a job container with the daemon's socket mounted), the ping never answers and the exec poll
 * decides as before.
 */
async function waitReady(docker: DockerClient, pg: Postgres, deadline: number): Promise<ReadyOutcome> {
  const started = Date.now();
  let outcome: ReadyOutcome | undefined;
  const viaExec = async (): Promise<void> => {
    while (outcome === undefined && Date.now() < deadline) {
      const state = await docker.isRunning(pg.container);
      if (!state.running) return void (outcome ??= 'exited');
      const r = await docker
        .exec(
          pg.container,
          ['pg_isready', '-q', '-h', '127.0.0.1', '-p', String(pg.port), '-U', pg.user, '-d', pg.database],
          { timeoutMs: 10000 },
        )
        .catch(() => undefined);
      if (r?.exitCode === 0) return void (outcome ??= 'ready');
      // Poll often at first, then back off.
      await sleep(Date.now() - started < 5000 ? 100 : 500);
    }
  };
  const viaPing = async (): Promise<void> => {
    while (outcome === undefined && Date.now() < deadline) {
      if (await pingPostgres(pg)) return void (outcome ??= 'ready');
      await sleep(20);
    }
  };
  // The loser stops at its next step; a Docker error in either (the daemon went away) still fails the wait.
  await Promise.race(docker.endpoint.tcp ? [viaExec()] : [viaExec(), viaPing()]);
  return outcome ?? 'timeout';
}

/**
 * `pg_isready` from this process, as libpq's PQping does it: a startup message to 127.0.0.1:`port`; the server
 * accepts connections when it answers with an authentication request, or with any error but "the database system is
 * starting up" (SQLSTATE 57P03). Nothing answered (refused, reset, closed, timed out) is false. The connection is
 * closed before authenticating, which PostgreSQL ends silently. Hand-written (a few bytes of the protocol) rather
 * than the `pg` client: that one stays out of the action's main bundle (it loads with process mode only).
 */
export function pingPostgres(pg: Pick<Postgres, 'port' | 'user' | 'database'>, timeoutMs = 1000): Promise<boolean> {
  const params = Buffer.from(`user\0${pg.user}\0database\0${pg.database}\0\0`);
  const startup = Buffer.alloc(8 + params.length);
  startup.writeInt32BE(startup.length, 0);
  startup.writeInt32BE(3 << 16, 4); // protocol 3.0
  params.copy(startup, 8);
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const socket = net.connect({ host: '127.0.0.1', port: pg.port });
    const done = (ready: boolean): void => {
      socket.destroy();
      resolve(ready);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
    socket.on('connect', () => socket.write(startup));
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got[0] !== 0x45 /* E */) return done(true);
      // An ErrorResponse: its fields (a code byte, then text up to NUL); 'C' is the SQLSTATE. Short, but bounded.
      if (got.length < 5 || (got.length < 1 + got.readInt32BE(1) && got.length < 8192)) return;
      const fields = got
        .subarray(5, 1 + got.readInt32BE(1))
        .toString('latin1')
        .split('\0');
      done(!fields.some((f) => f === 'C57P03'));
    });
  });
}

/** Clair's own tables (claircore's migrations) and the row a clair-scan database image carries (data/db-image.ts). */
export interface BakedDatabase {
  /** `vuln` and `update_operation` exist. */
  clairSchema: boolean;
  /** `clair_scan.data_image` exists. */
  dataImageTable: boolean;
  /** Its rows, each as JSON text (exactly one in a real database image). */
  rows: string[];
}

/**
 * A PostgreSQL started from a database image (its data directory baked in, its password fixed and documented):
 * gives the superuser a fresh random password first — over the container's own unix socket, where the image
 * trusts local connections — so this run's loopback port is as closed as a fresh database's, then reads what the
 * database holds, in the same psql call. Never throws for a database that is not Clair's: the caller says why.
 */
export async function adoptBakedDatabase(
  docker: DockerClient,
  pg: Postgres,
  timeoutMs = 60000,
): Promise<BakedDatabase> {
  const password = randomBytes(18).toString('base64url');
  log.mask(password);
  const r = await docker.exec(
    pg.container,
    psqlArgv(pg, [
      '-c',
      `ALTER ROLE ${pg.user} PASSWORD ${sqlLiteral(password)}`,
      '-c',
      "SELECT to_regclass('public.vuln') IS NOT NULL AND to_regclass('public.update_operation') IS NOT NULL, to_regclass('clair_scan.data_image') IS NOT NULL",
      // Fails (stopping psql) when the table is missing: the line above already said so.
      '-c',
      'SELECT row_to_json(d) FROM clair_scan.data_image d',
    ]),
    { timeoutMs, user: 'postgres' },
  );
  const lines = r.stdout.split('\n').filter((l) => l.length > 0);
  const flags = /^([tf])\|([tf])$/.exec(lines[0] ?? '');
  if (!flags) {
    throw new ClairScanError("the database image's PostgreSQL did not answer as a clair-scan database image does", {
      hint: 'build the image with `clair-scan data image build` (user and database "clair"); see the details.',
      details: (r.stderr || r.stdout).trim().slice(0, 2000),
    });
  }
  pg.password = password;
  pg.connString = pg.connString.replace(/password=\S+/, `password=${password}`);
  return { clairSchema: flags[1] === 't', dataImageTable: flags[2] === 't', rows: lines.slice(1) };
}

/**
 * psql in the PostgreSQL container: quiet, unaligned, stopping at the first error. `tcp`: over 127.0.0.1 with the
 * password (PGPASSWORD), rows tab-separated; otherwise the container's unix socket (what trusts local connections).
 */
export function psqlArgv(pg: Postgres, tail: string[], opts: { tcp?: boolean } = {}): string[] {
  const net = opts.tcp ? ['-F', '\t', '-h', '127.0.0.1'] : [];
  return [
    'psql',
    '-X',
    '-q',
    '-At',
    ...net,
    '-v',
    'ON_ERROR_STOP=1',
    '-p',
    String(pg.port),
    '-U',
    pg.user,
    '-d',
    pg.database,
    ...tail,
  ];
}

/** Runs one SQL query in the PostgreSQL container; rows as arrays of strings. */
export async function query(docker: DockerClient, pg: Postgres, sql: string, timeoutMs = 60000): Promise<string[][]> {
  const r = await docker.exec(pg.container, psqlArgv(pg, ['-c', sql], { tcp: true }), {
    env: { PGPASSWORD: pg.password },
    timeoutMs,
  });
  if (r.exitCode !== 0) {
    throw new ClairScanError("a query on Clair's database failed", {
      hint: 'this is unexpected; see the details.',
      details: r.stderr,
    });
  }
  return r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

/** A SQL string literal. standard_conforming_strings is on (the default since 9.1): only quotes need doubling. */
export function sqlLiteral(s: string): string {
  return `'${s.replace(/\0/g, '').replace(/'/g, "''")}'`;
}

/**
 * A database image's documented, non-secret password (docs/vuln-data.md, "Database image"; data/db-image.ts bakes
 * it in). Never masked: it protects nothing, and masking the word would blank every "clair" in the log.
 */
export const DB_IMAGE_PASSWORD = 'clair';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
