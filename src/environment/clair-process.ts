/**
 * clair-mode: process — Clair (combo mode) as a child process of clair-scan, from the `clair` on the PATH (the tool
 * image ships it), against the PostgreSQL of `postgres-url`: no Docker daemon. Same generated config as the
 * container (clair-config.ts: airgapped, updaters off, a random PSK), listeners on random free loopback ports.
 *
 * The child never outlives the run:
 * - it runs in a process group of its own (detached), so closing it signals clair and anything it started;
 * - `setpriv --pdeathsig KILL` (util-linux; Debian and the tool image have it) makes the kernel kill it when
 *   clair-scan dies, also by SIGKILL, where no handler of ours can run;
 * - the run's cleanup (run-state.ts `trackChild`, called by cleanupRun: the scan's `finally`, the SIGINT/SIGTERM
 *   handler, the fail-closed guard) stops the group: SIGTERM, a bounded wait, then SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { ClairScanError, errorMessage } from '../util/errors';
import { log } from '../util/log';
import { ClairClient } from '../clair/client';
import { freeLocalPort } from './address';
import { enforcedDropIn, generateClairConfig } from './clair-config';
import { validateClairConfigFile, validateName2reposFile, validateRepo2cpeFile } from './clair-container';
import { sleep } from './postgres';
import { type RunState, trackChild } from './run-state';

export interface ClairProcess {
  pid: number;
  client: ClairClient;
  url: string;
  /** Its config file (clairctl reads the same). */
  conf: string;
  /** Stops the process group (idempotent). */
  close(): Promise<void>;
}

/** The first executable `name` on the PATH, or undefined. */
export function findOnPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** clair and setpriv from the PATH; refused (exit 2) when either is missing. */
export function processTools(): { clair: string; setpriv: string } {
  const clair = findOnPath('clair');
  if (!clair) {
    throw new ClairScanError('clair-mode: process needs `clair` on the PATH, and there is none', {
      hint: 'run in the clair-scan tool image (it ships clair and clairctl of the pinned version), or install Clair v4 (`go install github.com/quay/clair/v4/cmd/clair@v4.9.0`) on the PATH; or use clair-mode: container.',
    });
  }
  const setpriv = findOnPath('setpriv');
  if (!setpriv) {
    throw new ClairScanError('clair-mode: process needs `setpriv` (util-linux) on the PATH, and there is none', {
      hint: 'setpriv --pdeathsig makes the kernel stop Clair when clair-scan dies, so it never outlives the job: install util-linux (Debian: util-linux; Alpine: setpriv), or use the tool image.',
    });
  }
  return { clair, setpriv };
}

/** Keeps the last `max` lines of a stream (Clair's JSON log on stderr) for error details. */
class LogTail {
  private lines: string[] = [];
  private partial = '';
  private listeners: ((line: string) => void)[] = [];
  constructor(
    stream: Readable | null,
    private readonly max = 60,
  ) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      // A single line without an end must not grow without bound.
      if (this.partial.length > 65536) this.partial = this.partial.slice(-65536);
      for (const l of parts) {
        this.lines.push(l);
        if (this.lines.length > this.max) this.lines.shift();
        for (const f of this.listeners) f(l);
      }
    });
  }
  onLine(f: (line: string) => void): void {
    this.listeners.push(f);
  }
  text(): string {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }
}

/** Spawns `cmd` under setpriv's parent-death guard, in a process group of its own. */
function spawnGuarded(setpriv: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  const child = spawn(setpriv, ['--pdeathsig', 'KILL', '--', cmd, ...args], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
    cwd,
  });
  // Neither the child nor its pipe keeps clair-scan's event loop alive: a stalled scan is still seen as one
  // (util/phase.ts), and whatever ends clair-scan ends Clair (the parent-death signal).
  child.unref();
  (child.stderr as unknown as { unref?(): void } | null)?.unref?.();
  return child;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(exited(child)), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Signals the child's whole process group (it leads it: detached). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** SIGTERM to the group, a bounded wait, then SIGKILL (Clair drains its HTTP server on SIGTERM). */
async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  killGroup(child, 'SIGTERM');
  if (await waitExit(child, graceMs)) {
    // The leader is gone; anything else in its group goes too.
    killGroup(child, 'SIGKILL');
    return;
  }
  killGroup(child, 'SIGKILL');
  await waitExit(child, 5000);
}

/** Clair's start-up log line: {"component":"main","version":"v4.9.0 (claircore v1.5.48)","message":"starting"}. */
function versionOf(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const j = JSON.parse(line) as { message?: unknown; version?: unknown };
    return j.message === 'starting' && typeof j.version === 'string' ? j.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The version of the `clair` binary itself. It has no version flag: it logs its version first thing after reading a
 * config, so it is started with a config whose databases are a closed loopback port (nothing is touched) and
 * stopped as soon as it said it. Returns e.g. `v4.9.0 (claircore v1.5.48)`.
 */
export async function clairBinaryVersion(
  tools: { clair: string; setpriv: string },
  dir: string,
  timeoutMs = 15000,
): Promise<string> {
  const conf = path.join(dir, 'version-probe.yaml');
  const nowhere = 'host=127.0.0.1 port=1 user=probe dbname=probe sslmode=disable connect_timeout=1';
  fs.writeFileSync(
    conf,
    generateClairConfig({
      connString: nowhere,
      httpListen: '127.0.0.1:0',
      introspectionListen: '127.0.0.1:0',
      airgap: true,
    }),
    { mode: 0o600 },
  );
  const child = spawnGuarded(
    tools.setpriv,
    tools.clair,
    ['-conf', conf, '-mode', 'combo'],
    { ...process.env, NO_COLOR: '1' },
    dir,
  );
  const tail = new LogTail(child.stderr);
  try {
    const version = await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      tail.onLine((l) => {
        const v = versionOf(l);
        if (v) {
          clearTimeout(timer);
          resolve(v);
        }
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      child.once('error', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    if (!version) {
      throw new ClairScanError(`could not read the version of ${tools.clair}: it did not log its start-up line`, {
        hint: 'check that `clair` on the PATH is Clair v4 (run it with -conf and -mode to see its log).',
        details: tail.text(),
      });
    }
    return version;
  } finally {
    await stopGroup(child, 2000);
  }
}

/** open(2)'s O_TMPFILE on Linux x86_64 and arm64 (__O_TMPFILE | O_DIRECTORY); Node has no constant for it. */
const O_TMPFILE = 0o20000000 | fs.constants.O_DIRECTORY;

/** Whether `dir` supports O_TMPFILE (an unnamed file in it), as Clair's layer spool needs. */
export function supportsTmpfile(dir: string): boolean {
  try {
    fs.closeSync(fs.openSync(dir, O_TMPFILE | fs.constants.O_RDWR, 0o600));
    return true;
  } catch {
    return false;
  }
}

/**
 * Where Clair spools layers (its TMPDIR): claircore opens them with O_TMPFILE, and Clair v4.9.0's fallback for a
 * filesystem without it is broken (clair-v4.md §8.1: every index fails with "openat fetcher…: no such file or
 * directory"). The container mode mounts a tmpfs; a process cannot, and a CI job's root filesystem is often overlayfs,
 * which has O_TMPFILE only from Linux 6.6. So: the first of the temp dir, /var/tmp, the working directory (a CI
 * checkout is a volume) and /dev/shm that supports it, with a private directory of the run; else refuse.
 */
export function spoolDir(state: RunState, candidates = [os.tmpdir(), '/var/tmp', process.cwd(), '/dev/shm']): string {
  for (const base of [...new Set(candidates)]) {
    if (!base || !supportsTmpfile(base)) continue;
    let dir: string;
    try {
      dir = fs.mkdtempSync(path.join(base, `clair-scan-${state.runId}-spool-`));
    } catch {
      continue;
    }
    state.tempDirs.push(dir);
    fs.chmodSync(dir, 0o700);
    if (supportsTmpfile(dir)) {
      if (base !== candidates[0])
        log.info(`Clair spools layers in ${dir}: ${candidates[0]} does not support O_TMPFILE.`);
      return dir;
    }
  }
  throw new ClairScanError(`no directory for Clair's layer spool supports O_TMPFILE (tried ${candidates.join(', ')})`, {
    hint: 'Clair v4.9.0 needs a temp directory on a filesystem with O_TMPFILE (ext4, xfs, btrfs, tmpfs; overlayfs only from Linux 6.6): set TMPDIR to one, e.g. a volume or a tmpfs mounted in the job.',
  });
}

export interface StartClairProcessOptions {
  tools: { clair: string; setpriv: string };
  state: RunState;
  /** A private directory of the run (config, TMPDIR for Clair's layer spool). */
  dir: string;
  connString: string;
  userConfig?: string;
  repo2cpe?: string;
  name2repos?: string;
  timeoutMs: number;
  requestTimeoutMs: number;
}

const PORT_IN_USE = /address already in use|bind:/i;
const MAX_ATTEMPTS = 3;

export async function startClairProcess(opts: StartClairProcessOptions): Promise<ClairProcess> {
  if (opts.userConfig) validateClairConfigFile(opts.userConfig);
  if (opts.repo2cpe) validateRepo2cpeFile(opts.repo2cpe);
  if (opts.name2repos) validateName2reposFile(opts.name2repos);
  const deadline = Date.now() + opts.timeoutMs;
  const psk = randomBytes(32).toString('base64');
  const confDir = path.join(opts.dir, 'config');
  fs.mkdirSync(confDir, { recursive: true, mode: 0o700 });
  const tmpDir = spoolDir(opts.state);
  const mappingFiles = {
    repo2cpe: opts.repo2cpe ?? path.join(confDir, 'repo2cpe.json'),
    name2repos: opts.name2repos ?? path.join(confDir, 'name2repos.json'),
  };
  // Offline, Red Hat's scanners need (empty) local mapping files: clair-config.ts says why.
  if (!opts.repo2cpe) fs.writeFileSync(mappingFiles.repo2cpe, '{"data":{}}\n', { mode: 0o600 });
  if (!opts.name2repos) fs.writeFileSync(mappingFiles.name2repos, '{"data":{}}\n', { mode: 0o600 });
  for (let n = 1; ; n++) {
    const [apiPort, introPort] = [await freeLocalPort(), await freeLocalPort()];
    const params = {
      psk,
      connString: opts.connString,
      httpListen: `127.0.0.1:${apiPort}`,
      introspectionListen: `127.0.0.1:${introPort}`,
      airgap: true,
      repo2cpeFile: !!opts.repo2cpe,
      name2reposFile: !!opts.name2repos,
      mappingFiles,
    };
    const conf = path.join(confDir, 'config.yaml');
    // The config holds the database password: readable by this user only.
    fs.writeFileSync(conf, generateClairConfig(params), { mode: 0o600 });
    fs.rmSync(`${conf}.d`, { recursive: true, force: true });
    if (opts.userConfig) {
      fs.mkdirSync(`${conf}.d`, { mode: 0o700 });
      // Clair reads only drop-ins with the main file's extension; JSON is YAML.
      fs.copyFileSync(opts.userConfig, path.join(`${conf}.d`, '50-user.yaml'));
      fs.writeFileSync(path.join(`${conf}.d`, '99-clair-scan.yaml'), enforcedDropIn(params), { mode: 0o600 });
    }
    // TMPDIR: claircore spools layers there with O_TMPFILE (spoolDir says why it is chosen).
    const env = { ...process.env, TMPDIR: tmpDir, NO_COLOR: '1' };
    const child = spawnGuarded(opts.tools.setpriv, opts.tools.clair, ['-conf', conf, '-mode', 'combo'], env, opts.dir);
    const tail = new LogTail(child.stderr);
    let spawnError: Error | undefined;
    child.once('error', (err) => (spawnError = err));
    let closed: Promise<void> | undefined;
    const close = (): Promise<void> => (closed ??= stopGroup(child));
    const untrack = trackChild(opts.state.runId, close);
    const url = `http://${params.httpListen}`;
    const client = new ClairClient({
      url,
      introspectionUrl: `http://${params.introspectionListen}`,
      requestTimeoutMs: opts.requestTimeoutMs,
      psk,
    });
    const started = Date.now();
    let lastProgress = started;
    let outcome: 'ready' | 'exited' | 'timeout' = 'timeout';
    while (Date.now() < deadline) {
      if (spawnError || exited(child)) {
        outcome = 'exited';
        break;
      }
      if (await client.isReady()) {
        outcome = 'ready';
        break;
      }
      if (Date.now() - lastProgress >= 10000) {
        lastProgress = Date.now();
        log.info(
          `Waiting for Clair to be ready (${Math.round((Date.now() - started) / 1000)} s of at most ${Math.round(opts.timeoutMs / 1000)} s)…`,
        );
      }
      await sleep(200);
    }
    if (outcome === 'ready') {
      log.info(`Clair (pid ${child.pid}) is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
      return {
        pid: child.pid as number,
        client,
        url,
        conf,
        close: async () => {
          await client.close();
          await close();
          untrack();
        },
      };
    }
    await client.close();
    await close();
    untrack();
    const logs = tail.text();
    if (outcome === 'exited' && PORT_IN_USE.test(logs) && n < MAX_ATTEMPTS && Date.now() < deadline) {
      log.info('Clair: a port was taken meanwhile; retrying on other ports.');
      continue;
    }
    throw new ClairScanError(
      outcome === 'exited'
        ? `Clair (${opts.tools.clair}) stopped before it was ready${spawnError ? `: ${errorMessage(spawnError)}` : ` (exit ${child.exitCode ?? child.signalCode})`}`
        : `Clair (${opts.tools.clair}) was not ready within ${Math.round(opts.timeoutMs / 1000)} s`,
      {
        hint:
          outcome === 'exited'
            ? "see Clair's log below: a config error names the bad key (check clair-config); a database error means postgres-url's PostgreSQL refused Clair."
            : "raise startup-timeout; see Clair's log below for what it was waiting on (often the database of postgres-url).",
        details: logs,
      },
    );
  }
}

/**
 * `clairctl import-updaters BUNDLE` from the PATH against the running Clair's database (its config), as a child of the
 * run like Clair (own process group, parent-death signal, stopped by the run's cleanup), bounded by `timeoutMs`.
 */
export async function importWithClairctl(o: {
  tools: { setpriv: string };
  clairctl: string;
  conf: string;
  bundle: string;
  state: RunState;
  dir: string;
  timeoutMs: number;
}): Promise<void> {
  log.info(`Loading vulnerability data (${path.basename(o.bundle)}) with ${o.clairctl} import-updaters …`);
  const started = Date.now();
  const child = spawnGuarded(
    o.tools.setpriv,
    o.clairctl,
    ['-q', '-c', o.conf, 'import-updaters', o.bundle],
    { ...process.env, NO_COLOR: '1' },
    o.dir,
  );
  const tail = new LogTail(child.stderr);
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= stopGroup(child));
  const untrack = trackChild(o.state.runId, stop);
  try {
    const done = await waitExit(child, o.timeoutMs);
    if (!done) {
      await stop();
      throw new ClairScanError(`clairctl import-updaters did not finish within ${Math.round(o.timeoutMs / 1000)} s`, {
        hint: 'raise data-timeout, or check the database of postgres-url (its disk and load).',
        details: tail.text(),
      });
    }
    if (spawnError || child.exitCode !== 0) {
      throw new ClairScanError(
        `clairctl import-updaters failed for ${path.basename(o.bundle)} (${spawnError ? errorMessage(spawnError) : `exit ${child.exitCode ?? child.signalCode}`})`,
        {
          hint: 'check that the snapshot was made for this Clair version (clairctl export-updaters / clair-scan data export); see the details.',
          details: tail.text(),
        },
      );
    }
    log.info(`Vulnerability data loaded (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  } finally {
    untrack();
  }
}
