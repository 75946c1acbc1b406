/**
 * The real-parts test environment written by `bash scripts/test-env.sh up` (see scripts/README.md):
 * `loadTestEnv()` reads `.testenv/env.json`; `startRemoteDaemon()` / `stopRemoteDaemon()` drive
 * scripts/test-env/remote-daemon.sh (a dind-like Docker daemon in a network namespace) from beforeAll/afterAll.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TEST_ENV_FILE = path.join(REPO_ROOT, '.testenv', 'env.json');
const REMOTE_DAEMON_SCRIPT = path.join(REPO_ROOT, 'scripts', 'test-env', 'remote-daemon.sh');

export interface TestRegistry {
  /** host:port, e.g. 127.0.0.1:35149 (plain HTTP; Docker treats loopback registries as insecure) */
  address: string;
  /** http://host:port */
  url: string;
  username: string;
  password: string;
  /** bcrypt htpasswd file the registry authenticates against */
  htpasswdFile: string;
}

export interface TestEnv {
  version: 1;
  repo: string;
  cache: string;
  stateDir: string;
  /** Docker engine on the default socket: unix:///var/run/docker.sock */
  dockerHost: string;
  clairVersion: string;
  /** localhost/clair-scan-test/clair:4.9.0 — laid out like quay.io/projectquay/clair:4.9.0 */
  clairImage: string;
  /** localhost/clair-scan-test/postgres:15 — same interface as the official postgres:15 */
  postgresImage: string;
  /** directory holding the `clair` and `clairctl` binaries */
  clairBin: string;
  /** localhost/clair-scan-test/tool:dev — docker/Dockerfile built on a local Node base (scripts/test-env/tool-image.sh) */
  toolImage?: string;
  registry: TestRegistry;
  /** path of the chromium binary, or null */
  chromium: string | null;
  remoteDaemonScript: string;
  /** processes `up` started (and `down` stops); dockerd is null when an engine was already running */
  started: { dockerd: number | null; registry: number };
  writtenAt: string;
}

export interface RemoteDaemon {
  /** tcp://10.231.7.2:2375 */
  dockerHost: string;
  /** the default namespace's address on the veth pair (10.231.7.1): what the daemon's containers can reach */
  hostAddress: string;
}

function setupError(what: string): Error {
  return new Error(`test environment: ${what}; run \`bash scripts/test-env.sh up\` first (see scripts/README.md)`);
}

let cached: TestEnv | undefined;

/** Reads `.testenv/env.json`; throws a clear error when the environment was never brought up. */
export function loadTestEnv(): TestEnv {
  if (cached) return cached;
  if (!existsSync(TEST_ENV_FILE)) throw setupError(`${TEST_ENV_FILE} is absent`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(TEST_ENV_FILE, 'utf8'));
  } catch (err) {
    throw setupError(`${TEST_ENV_FILE} is not valid JSON (${(err as Error).message})`);
  }
  const env = raw as Partial<TestEnv>;
  const strings: (keyof TestEnv)[] = ['dockerHost', 'clairImage', 'postgresImage', 'clairBin', 'cache', 'stateDir'];
  for (const k of strings) {
    if (typeof env[k] !== 'string' || env[k] === '') throw setupError(`${TEST_ENV_FILE} lacks "${k}"`);
  }
  const reg = env.registry as Partial<TestRegistry> | undefined;
  for (const k of ['address', 'url', 'username', 'password', 'htpasswdFile'] as const) {
    if (typeof reg?.[k] !== 'string' || reg[k] === '') throw setupError(`${TEST_ENV_FILE} lacks "registry.${k}"`);
  }
  cached = env as TestEnv;
  return cached;
}

function run(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [REMOTE_DAEMON_SCRIPT, ...args],
      { timeout: timeoutMs, maxBuffer: 4 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`remote-daemon.sh ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

let lease: string | undefined;

/**
 * Starts (or reuses) the dind-like remote daemon and loads the Clair and PostgreSQL test images plus `images`
 * into it. Holds a lease tied to this process, so a parallel test file's stopRemoteDaemon() leaves it running.
 */
export async function startRemoteDaemon(images: string[] = []): Promise<RemoteDaemon> {
  loadTestEnv(); // the default daemon and the test images must exist
  lease ??= `${process.pid}.${randomBytes(4).toString('hex')}`;
  const out = await run(['up', '--lease', lease, ...images], 15 * 60_000);
  const line = out.trim().split('\n').pop() ?? '';
  const info = JSON.parse(line) as RemoteDaemon;
  return { dockerHost: info.dockerHost, hostAddress: info.hostAddress };
}

/** Drops this process's lease; the daemon stops (by pid) and the namespace goes when no other lease is live. */
export async function stopRemoteDaemon(): Promise<void> {
  if (!lease) return;
  const l = lease;
  lease = undefined;
  await run(['down', '--lease', l], 120_000);
}
