"use strict";
exports.id = 36;
exports.ids = [36];
exports.modules = {

/***/ 81072:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.findOnPath = findOnPath;
exports.processTools = processTools;
exports.clairBinaryVersion = clairBinaryVersion;
exports.supportsTmpfile = supportsTmpfile;
exports.spoolDir = spoolDir;
exports.startClairProcess = startClairProcess;
exports.importWithClairctl = importWithClairctl;
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
const node_child_process_1 = __webpack_require__(31421);
const node_crypto_1 = __webpack_require__(77598);
const fs = __importStar(__webpack_require__(73024));
const os = __importStar(__webpack_require__(48161));
const path = __importStar(__webpack_require__(76760));
const errors_1 = __webpack_require__(70017);
const log_1 = __webpack_require__(29906);
const client_1 = __webpack_require__(49542);
const address_1 = __webpack_require__(33713);
const clair_config_1 = __webpack_require__(11243);
const clair_container_1 = __webpack_require__(35394);
const postgres_1 = __webpack_require__(20078);
const run_state_1 = __webpack_require__(21188);
/** The first executable `name` on the PATH, or undefined. */
function findOnPath(name, envPath = process.env.PATH ?? '') {
    for (const dir of envPath.split(path.delimiter)) {
        if (!dir)
            continue;
        const file = path.join(dir, name);
        try {
            fs.accessSync(file, fs.constants.X_OK);
            if (fs.statSync(file).isFile())
                return file;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/** clair and setpriv from the PATH; refused (exit 2) when either is missing. */
function processTools() {
    const clair = findOnPath('clair');
    if (!clair) {
        throw new errors_1.ClairScanError('clair-mode: process needs `clair` on the PATH, and there is none', {
            hint: 'run in the clair-scan tool image (it ships clair and clairctl of the pinned version), or install Clair v4 (`go install github.com/quay/clair/v4/cmd/clair@v4.9.0`) on the PATH; or use clair-mode: container.',
        });
    }
    const setpriv = findOnPath('setpriv');
    if (!setpriv) {
        throw new errors_1.ClairScanError('clair-mode: process needs `setpriv` (util-linux) on the PATH, and there is none', {
            hint: 'setpriv --pdeathsig makes the kernel stop Clair when clair-scan dies, so it never outlives the job: install util-linux (Debian: util-linux; Alpine: setpriv), or use the tool image.',
        });
    }
    return { clair, setpriv };
}
/** Keeps the last `max` lines of a stream (Clair's JSON log on stderr) for error details. */
class LogTail {
    max;
    lines = [];
    partial = '';
    listeners = [];
    constructor(stream, max = 60) {
        this.max = max;
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk) => {
            const parts = (this.partial + chunk).split('\n');
            this.partial = parts.pop() ?? '';
            // A single line without an end must not grow without bound.
            if (this.partial.length > 65536)
                this.partial = this.partial.slice(-65536);
            for (const l of parts) {
                this.lines.push(l);
                if (this.lines.length > this.max)
                    this.lines.shift();
                for (const f of this.listeners)
                    f(l);
            }
        });
    }
    onLine(f) {
        this.listeners.push(f);
    }
    text() {
        return [...this.lines, this.partial].filter(Boolean).join('\n');
    }
}
/** Spawns `cmd` under setpriv's parent-death guard, in a process group of its own. */
function spawnGuarded(setpriv, cmd, args, env, cwd) {
    const child = (0, node_child_process_1.spawn)(setpriv, ['--pdeathsig', 'KILL', '--', cmd, ...args], {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env,
        cwd,
    });
    // Neither the child nor its pipe keeps clair-scan's event loop alive: a stalled scan is still seen as one
    // (util/phase.ts), and whatever ends clair-scan ends Clair (the parent-death signal).
    child.unref();
    child.stderr?.unref?.();
    return child;
}
function exited(child) {
    return child.exitCode !== null || child.signalCode !== null;
}
function waitExit(child, ms) {
    if (exited(child))
        return Promise.resolve(true);
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(exited(child)), ms);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}
/** Signals the child's whole process group (it leads it: detached). */
function killGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        // the group is gone already
    }
}
/** SIGTERM to the group, a bounded wait, then SIGKILL (Clair drains its HTTP server on SIGTERM). */
async function stopGroup(child, graceMs = 5000) {
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
function versionOf(line) {
    if (!line.startsWith('{'))
        return undefined;
    try {
        const j = JSON.parse(line);
        return j.message === 'starting' && typeof j.version === 'string' ? j.version : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The version of the `clair` binary itself. It has no version flag: it logs its version first thing after reading a
 * config, so it is started with a config whose databases are a closed loopback port (nothing is touched) and
 * stopped as soon as it said it. Returns e.g. `v4.9.0 (claircore v1.5.48)`.
 */
async function clairBinaryVersion(tools, dir, timeoutMs = 15000) {
    const conf = path.join(dir, 'version-probe.yaml');
    const nowhere = 'host=127.0.0.1 port=1 user=probe dbname=probe sslmode=disable connect_timeout=1';
    fs.writeFileSync(conf, (0, clair_config_1.generateClairConfig)({
        connString: nowhere,
        httpListen: '127.0.0.1:0',
        introspectionListen: '127.0.0.1:0',
        airgap: true,
    }), { mode: 0o600 });
    const child = spawnGuarded(tools.setpriv, tools.clair, ['-conf', conf, '-mode', 'combo'], { ...process.env, NO_COLOR: '1' }, dir);
    const tail = new LogTail(child.stderr);
    try {
        const version = await new Promise((resolve) => {
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
            throw new errors_1.ClairScanError(`could not read the version of ${tools.clair}: it did not log its start-up line`, {
                hint: 'check that `clair` on the PATH is Clair v4 (run it with -conf and -mode to see its log).',
                details: tail.text(),
            });
        }
        return version;
    }
    finally {
        await stopGroup(child, 2000);
    }
}
/** open(2)'s O_TMPFILE on Linux x86_64 and arm64 (__O_TMPFILE | O_DIRECTORY); Node has no constant for it. */
const O_TMPFILE = 0o20000000 | fs.constants.O_DIRECTORY;
/** Whether `dir` supports O_TMPFILE (an unnamed file in it), as Clair's layer spool needs. */
function supportsTmpfile(dir) {
    try {
        fs.closeSync(fs.openSync(dir, O_TMPFILE | fs.constants.O_RDWR, 0o600));
        return true;
    }
    catch {
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
function spoolDir(state, candidates = [os.tmpdir(), '/var/tmp', process.cwd(), '/dev/shm']) {
    for (const base of [...new Set(candidates)]) {
        if (!base || !supportsTmpfile(base))
            continue;
        let dir;
        try {
            dir = fs.mkdtempSync(path.join(base, `clair-scan-${state.runId}-spool-`));
        }
        catch {
            continue;
        }
        state.tempDirs.push(dir);
        fs.chmodSync(dir, 0o700);
        if (supportsTmpfile(dir)) {
            if (base !== candidates[0])
                log_1.log.info(`Clair spools layers in ${dir}: ${candidates[0]} does not support O_TMPFILE.`);
            return dir;
        }
    }
    throw new errors_1.ClairScanError(`no directory for Clair's layer spool supports O_TMPFILE (tried ${candidates.join(', ')})`, {
        hint: 'Clair v4.9.0 needs a temp directory on a filesystem with O_TMPFILE (ext4, xfs, btrfs, tmpfs; overlayfs only from Linux 6.6): set TMPDIR to one, e.g. a volume or a tmpfs mounted in the job.',
    });
}
const PORT_IN_USE = /address already in use|bind:/i;
const MAX_ATTEMPTS = 3;
async function startClairProcess(opts) {
    if (opts.userConfig)
        (0, clair_container_1.validateClairConfigFile)(opts.userConfig);
    if (opts.repo2cpe)
        (0, clair_container_1.validateRepo2cpeFile)(opts.repo2cpe);
    if (opts.name2repos)
        (0, clair_container_1.validateName2reposFile)(opts.name2repos);
    const deadline = Date.now() + opts.timeoutMs;
    const psk = (0, node_crypto_1.randomBytes)(32).toString('base64');
    const confDir = path.join(opts.dir, 'config');
    fs.mkdirSync(confDir, { recursive: true, mode: 0o700 });
    const tmpDir = spoolDir(opts.state);
    const mappingFiles = {
        repo2cpe: opts.repo2cpe ?? path.join(confDir, 'repo2cpe.json'),
        name2repos: opts.name2repos ?? path.join(confDir, 'name2repos.json'),
    };
    // Offline, Red Hat's scanners need (empty) local mapping files: clair-config.ts says why.
    if (!opts.repo2cpe)
        fs.writeFileSync(mappingFiles.repo2cpe, '{"data":{}}\n', { mode: 0o600 });
    if (!opts.name2repos)
        fs.writeFileSync(mappingFiles.name2repos, '{"data":{}}\n', { mode: 0o600 });
    for (let n = 1;; n++) {
        const [apiPort, introPort] = [await (0, address_1.freeLocalPort)(), await (0, address_1.freeLocalPort)()];
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
        fs.writeFileSync(conf, (0, clair_config_1.generateClairConfig)(params), { mode: 0o600 });
        fs.rmSync(`${conf}.d`, { recursive: true, force: true });
        if (opts.userConfig) {
            fs.mkdirSync(`${conf}.d`, { mode: 0o700 });
            // Clair reads only drop-ins with the main file's extension; JSON is YAML.
            fs.copyFileSync(opts.userConfig, path.join(`${conf}.d`, '50-user.yaml'));
            fs.writeFileSync(path.join(`${conf}.d`, '99-clair-scan.yaml'), (0, clair_config_1.enforcedDropIn)(params), { mode: 0o600 });
        }
        // TMPDIR: claircore spools layers there with O_TMPFILE (spoolDir says why it is chosen).
        const env = { ...process.env, TMPDIR: tmpDir, NO_COLOR: '1' };
        const child = spawnGuarded(opts.tools.setpriv, opts.tools.clair, ['-conf', conf, '-mode', 'combo'], env, opts.dir);
        const tail = new LogTail(child.stderr);
        let spawnError;
        child.once('error', (err) => (spawnError = err));
        let closed;
        const close = () => (closed ??= stopGroup(child));
        const untrack = (0, run_state_1.trackChild)(opts.state.runId, close);
        const url = `http://${params.httpListen}`;
        const client = new client_1.ClairClient({
            url,
            introspectionUrl: `http://${params.introspectionListen}`,
            requestTimeoutMs: opts.requestTimeoutMs,
            psk,
        });
        const started = Date.now();
        let lastProgress = started;
        let outcome = 'timeout';
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
                log_1.log.info(`Waiting for Clair to be ready (${Math.round((Date.now() - started) / 1000)} s of at most ${Math.round(opts.timeoutMs / 1000)} s)…`);
            }
            await (0, postgres_1.sleep)(200);
        }
        if (outcome === 'ready') {
            log_1.log.info(`Clair (pid ${child.pid}) is ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
            return {
                pid: child.pid,
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
            log_1.log.info('Clair: a port was taken meanwhile; retrying on other ports.');
            continue;
        }
        throw new errors_1.ClairScanError(outcome === 'exited'
            ? `Clair (${opts.tools.clair}) stopped before it was ready${spawnError ? `: ${(0, errors_1.errorMessage)(spawnError)}` : ` (exit ${child.exitCode ?? child.signalCode})`}`
            : `Clair (${opts.tools.clair}) was not ready within ${Math.round(opts.timeoutMs / 1000)} s`, {
            hint: outcome === 'exited'
                ? "see Clair's log below: a config error names the bad key (check clair-config); a database error means postgres-url's PostgreSQL refused Clair."
                : "raise startup-timeout; see Clair's log below for what it was waiting on (often the database of postgres-url).",
            details: logs,
        });
    }
}
/**
 * `clairctl import-updaters BUNDLE` from the PATH against the running Clair's database (its config), as a child of the
 * run like Clair (own process group, parent-death signal, stopped by the run's cleanup), bounded by `timeoutMs`.
 */
async function importWithClairctl(o) {
    log_1.log.info(`Loading vulnerability data (${path.basename(o.bundle)}) with ${o.clairctl} import-updaters …`);
    const started = Date.now();
    const child = spawnGuarded(o.tools.setpriv, o.clairctl, ['-q', '-c', o.conf, 'import-updaters', o.bundle], { ...process.env, NO_COLOR: '1' }, o.dir);
    const tail = new LogTail(child.stderr);
    let spawnError;
    child.once('error', (err) => (spawnError = err));
    let stopped;
    const stop = () => (stopped ??= stopGroup(child));
    const untrack = (0, run_state_1.trackChild)(o.state.runId, stop);
    try {
        const done = await waitExit(child, o.timeoutMs);
        if (!done) {
            await stop();
            throw new errors_1.ClairScanError(`clairctl import-updaters did not finish within ${Math.round(o.timeoutMs / 1000)} s`, {
                hint: 'raise data-timeout, or check the database of postgres-url (its disk and load).',
                details: tail.text(),
            });
        }
        if (spawnError || child.exitCode !== 0) {
            throw new errors_1.ClairScanError(`clairctl import-updaters failed for ${path.basename(o.bundle)} (${spawnError ? (0, errors_1.errorMessage)(spawnError) : `exit ${child.exitCode ?? child.signalCode}`})`, {
                hint: 'check that the snapshot was made for this Clair version (clairctl export-updaters / clair-scan data export); see the details.',
                details: tail.text(),
            });
        }
        log_1.log.info(`Vulnerability data loaded (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    }
    finally {
        untrack();
    }
}


/***/ }),

/***/ 60814:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.pgTarget = pgTarget;
exports.connectPg = connectPg;
exports.readDatabaseContents = readDatabaseContents;
exports.readDataMembers = readDataMembers;
exports.queryText = queryText;
exports.checkDataImage = checkDataImage;
/**
 * Clair's database reached by URL (`postgres-url`, clair-mode: process) with a Node PostgreSQL client, so that the
 * checks of a database image (its `clair_scan.data_image` row) and the coverage proof need no Docker daemon and no
 * psql: a GitLab service is reachable only by its address.
 *
 * The URL holds a password: it is masked at once and never part of a message (errors name host:port only).
 */
const node_crypto_1 = __webpack_require__(77598);
const pg_1 = __webpack_require__(13273);
const errors_1 = __webpack_require__(70017);
const log_1 = __webpack_require__(29906);
const postgres_1 = __webpack_require__(20078);
/** Masks the URL and its password (raw and decoded) and gives what messages may name. */
function pgTarget(url) {
    log_1.log.mask(url);
    const u = new URL(url);
    let decoded = u.password;
    try {
        decoded = decodeURIComponent(u.password);
    }
    catch {
        // a malformed escape: the raw form is masked
    }
    if (u.password && decoded !== postgres_1.DB_IMAGE_PASSWORD) {
        log_1.log.mask(u.password);
        log_1.log.mask(decoded);
    }
    return { url, where: `${u.hostname}:${u.port || '5432'}` };
}
/** Errors worth retrying while a PostgreSQL service is still starting (GitLab starts services next to the job). */
const TRANSIENT = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|timeout|the database system is starting up|Connection terminated/i;
/**
 * Connects, retrying transient failures (refused, reset, still starting) until `timeoutMs` has passed; a refused
 * login or a missing database fails at once. The caller ends the client.
 */
async function connectPg(target, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let attempts = 0;
    for (;;) {
        attempts++;
        const left = deadline - Date.now();
        const client = new pg_1.Client({
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
        }
        catch (err) {
            await client.end().catch(() => undefined);
            const why = scrub((0, errors_1.errorMessage)(err), target);
            if (!TRANSIENT.test(why) || Date.now() + 1000 >= deadline) {
                throw new errors_1.ClairScanError(`cannot connect to the PostgreSQL of postgres-url at ${target.where} (${attempts} attempt${attempts > 1 ? 's' : ''} in ${Math.round((timeoutMs - Math.max(0, deadline - Date.now())) / 1000)} s): ${why}`, {
                    hint: TRANSIENT.test(why)
                        ? 'check that the database service is running and reachable from this job at that host and port (a GitLab service: its alias as the host), or raise startup-timeout.'
                        : 'check the user, password and database name in postgres-url.',
                });
            }
            await (0, postgres_1.sleep)(1000);
        }
    }
}
/** pg's errors do not echo the connection string, but a password must never be printed: strip it anyway. */
function scrub(text, target) {
    const u = new URL(target.url);
    let out = text.split(target.url).join('postgres://…');
    if (u.password)
        out = out.split(u.password).join('***');
    return out;
}
/** What the database holds: Clair's schema and the database image's row. */
async function readDatabaseContents(client) {
    const flags = await client.query("SELECT to_regclass('public.vuln') IS NOT NULL AND to_regclass('public.update_operation') IS NOT NULL AS clair, to_regclass('clair_scan.data_image') IS NOT NULL AS has_table");
    const { clair, has_table: table } = flags.rows[0];
    const rows = table
        ? (await client.query('SELECT build_id, created_at, clair_version, updater_sets, records, source_sha256, updaters FROM clair_scan.data_image')).rows
        : [];
    return { clairSchema: clair, dataImageTable: table, rows };
}
/** The largest member read (the cap docs/SECURITY.md gives members). */
const MAX_MEMBER_BYTES = 256 * 2 ** 20;
/**
 * The members in `clair_scan.data_member` (none when the image has no such table), each checked against its own
 * sha256 and size: a changed row is exit 2, not data. Sizes are read first, so an oversized row is never fetched.
 */
async function readDataMembers(client) {
    const has = await client.query("SELECT to_regclass('clair_scan.data_member') IS NOT NULL AS has");
    if (!has.rows[0]?.has)
        return [];
    const sizes = await client.query('SELECT name, octet_length(content)::text AS n FROM clair_scan.data_member');
    for (const r of sizes.rows) {
        if (Number(r.n) > MAX_MEMBER_BYTES)
            throw new errors_1.ClairScanError(`the database's ${String(r.name).slice(0, 40)} member is ${r.n} bytes, over the cap`, {
                hint: 'the database is not a database image as built by clair-scan: rebuild it with `clair-scan data image build`.',
            });
    }
    const rows = await client.query('SELECT name, file, sha256, size::text AS size, date, version, content FROM clair_scan.data_member ORDER BY name');
    return rows.rows.map((r) => {
        const sha = (0, node_crypto_1.createHash)('sha256').update(r.content).digest('hex');
        if (sha !== r.sha256 || r.content.length !== Number(r.size)) {
            throw new errors_1.ClairScanError(`the database's ${String(r.name).slice(0, 40)} member does not match its recorded sha256 and size (it was changed after the build)`, { hint: 'use the database image as built: rebuild it with `clair-scan data image build`, or pull it again.' });
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
async function queryText(client, sql) {
    const r = await client.query({ text: sql, rowMode: 'array' });
    return r.rows.map((row) => row.map((v) => (v === null ? '' : String(v))));
}
/** Tolerated clock difference between the machine that built the data and this one. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const NOT_A_DB_IMAGE_HINT = 'is the database image the service? postgres-url must point at a PostgreSQL started from a database image built by `clair-scan data image build` (docs/vuln-data.md, "Database image"), e.g. services: [{name: <image>, alias: clair-db}].';
/**
 * Refuses (exit 2) a database that is not a clair-scan database image's, whose data was built by another Clair
 * version than `clairVersion` (the binary's, e.g. `v4.9.0 (claircore v1.5.48)`), or whose createdAt is older than
 * `maxAgeMs` or in the future. Returns the notes for the reports.
 */
function checkDataImage(c, opts) {
    if (!c.clairSchema) {
        throw new errors_1.ClairScanError(`the PostgreSQL of postgres-url at ${opts.where} holds no Clair database (no vuln and update_operation tables)`, { hint: NOT_A_DB_IMAGE_HINT });
    }
    if (!c.dataImageTable || c.rows.length !== 1) {
        throw new errors_1.ClairScanError(`the Clair database at ${opts.where} is not a clair-scan database image: ${c.dataImageTable ? `clair_scan.data_image has ${c.rows.length} rows, not one` : 'it has no clair_scan.data_image table'}, so its data cannot be checked`, { hint: NOT_A_DB_IMAGE_HINT });
    }
    const row = c.rows[0];
    const ours = opts.clairVersion.trim().split(/\s+/)[0];
    const theirs = (row.clair_version ?? '').trim();
    if (theirs !== ours) {
        throw new errors_1.ClairScanError(`the database image at ${opts.where} was built with Clair ${theirs || '(unknown)'}, but the clair on the PATH is ${ours}`, {
            hint: `use a database image built with Clair ${ours} (clair-scan data image build with that Clair), or the clair binary of ${theirs || 'that version'} (the tool image of the matching release): Clair's schema and data are tied to its version.`,
        });
    }
    const created = row.created_at instanceof Date ? row.created_at : row.created_at ? new Date(row.created_at) : undefined;
    if (!created || Number.isNaN(created.getTime())) {
        throw new errors_1.ClairScanError(`the database image at ${opts.where} has no valid created_at in clair_scan.data_image`, {
            hint: NOT_A_DB_IMAGE_HINT,
        });
    }
    const now = (opts.now ?? new Date()).getTime();
    const age = now - created.getTime();
    if (age < -CLOCK_SKEW_MS) {
        throw new errors_1.ClairScanError(`the database image at ${opts.where} says it was created at ${created.toISOString()}, in the future`, {
            hint: "check this machine's clock and the clock of the machine that built the image; rebuild the image if its date is wrong.",
        });
    }
    if (opts.maxAgeMs !== undefined && age > opts.maxAgeMs) {
        throw new errors_1.ClairScanError(`the database image at ${opts.where} was created at ${created.toISOString()}, ${Math.floor(age / 3600000)} h ago: older than vuln-data-max-age (${Math.round(opts.maxAgeMs / 3600000)} h)`, {
            hint: 'use a fresher database image (the nightly tag, or rebuild it with clair-scan data image build), or raise vuln-data-max-age.',
        });
    }
    const records = row.records === null ? undefined : Number(row.records);
    return [
        `Vulnerability data: database image ${opts.image ?? '(unnamed)'} (built ${created.toISOString()} with Clair ${theirs}${records !== undefined ? `, ${records} records` : ''}${row.updater_sets ? `, updater sets ${row.updater_sets}` : ''}) at ${opts.where}.`,
    ];
}


/***/ }),

/***/ 93338:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.openProcessService = openProcessService;
const log_1 = __webpack_require__(29906);
const errors_1 = __webpack_require__(70017);
const run_state_1 = __webpack_require__(21188);
const vuln_data_1 = __webpack_require__(28399);
const pg_client_1 = __webpack_require__(60814);
const clair_process_1 = __webpack_require__(81072);
/**
 * clair-mode: process: Clair from the PATH as a child process (clair-process.ts) against `postgres-url`, whose
 * database already holds the data (a database image as a service). Nothing here touches Docker. Before Clair starts
 * (and migrates anything): the database must be a clair-scan database image's (Clair's schema and its
 * `clair_scan.data_image` row), built by the same Clair version as the one on the PATH, and fresh enough.
 */
async function openProcessService(settings, state, time, maxAgeMs, trust, prepare) {
    if (!/^db-image:/i.test(settings.vulnData.trim()))
        return openWithSnapshot(settings, state, time, prepare);
    const startupMs = settings.startupTimeoutSec * 1000;
    const tools = (0, clair_process_1.processTools)();
    const pg = (0, pg_client_1.pgTarget)(settings.postgresUrl);
    const dir = (0, run_state_1.makeRunTempDir)(state, 'clair');
    log_1.log.info(`Starting Clair (${tools.clair}) as a process against the PostgreSQL at ${pg.where} …`);
    const { contents, members } = await time('start-postgres', async () => {
        const client = await (0, pg_client_1.connectPg)(pg, startupMs);
        try {
            return { contents: await (0, pg_client_1.readDatabaseContents)(client), members: await (0, pg_client_1.readDataMembers)(client) };
        }
        finally {
            await client.end().catch(() => undefined);
        }
    });
    const binaryVersion = await time('start-clair', () => (0, clair_process_1.clairBinaryVersion)(tools, dir));
    const notes = (0, pg_client_1.checkDataImage)(contents, {
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
        throw new errors_1.ClairScanError(`the database at ${pg.where} is not the signed database image ${vouched.image ?? ''}: its clair_scan.data_image build id is ${row ?? '(none)'}, the signed image's label says ${vouched.buildId}`, {
            hint: 'run exactly the signed image as the service (its name in services: and in vuln-data: db-image:), or check vuln-data and postgres-url.',
        });
    }
    notes.push(...vouched.notes);
    // The exploit data it carries (issue 22): a signed image's label names each member's sha256, which the row must have,
    // and a member the label names must be there (a dropped row must not read as "no KEV data").
    for (const [name, want] of Object.entries(vouched.members ?? {})) {
        if (!members.some((m) => m.name === name)) {
            throw new errors_1.ClairScanError(`the signed database image ${vouched.image ?? ''} carries a ${name} member (sha256:${want}) that the database at ${pg.where} lacks`, { hint: 'run exactly the signed image as the service, or check vuln-data and postgres-url.' });
        }
    }
    for (const m of members) {
        const want = vouched.members?.[m.name];
        if (vouched.members && want !== m.sha256) {
            throw new errors_1.ClairScanError(`the database at ${pg.where} carries a ${m.name} member that the signed database image ${vouched.image ?? ''} does not (sha256:${m.sha256}, label: ${want ? `sha256:${want}` : 'none'})`, { hint: 'run exactly the signed image as the service, or check vuln-data and postgres-url.' });
        }
    }
    const clair = await time('start-clair', () => (0, clair_process_1.startClairProcess)(processOptions(settings, state, tools, dir, pg.url)));
    const svc = service(settings, clair, binaryVersion, notes, pg);
    if (members.length)
        svc.dataMembers = {
            label: settings.vulnData.trim(),
            bytes: Object.fromEntries(members.map((m) => [m.name, m.content])),
        };
    return svc;
}
function processOptions(settings, state, tools, dir, connString) {
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
function service(settings, clair, binaryVersion, notes, pg) {
    // The coverage counts, taken once per run through the Node client (no psql, no container): the data never changes.
    const coverage = new vuln_data_1.CoverageCache();
    return {
        client: clair.client,
        ephemeral: true,
        process: true,
        version: binaryVersion.split(' ')[0],
        dataNotes: notes,
        ensureData: async (index, imageRef) => {
            const targets = (0, vuln_data_1.coverageTargets)(index);
            if (targets.length === 0)
                return;
            const client = await (0, pg_client_1.connectPg)(pg, settings.startupTimeoutSec * 1000);
            try {
                (0, vuln_data_1.assertCovered)(imageRef, await (0, vuln_data_1.coverageFromQuery)((sql) => (0, pg_client_1.queryText)(client, sql), targets, coverage), settings.vulnData);
            }
            finally {
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
async function openWithSnapshot(settings, state, time, prepare) {
    if (!prepare)
        throw new Error('clair-mode: process with a snapshot needs a loader that prepares it');
    const tools = (0, clair_process_1.processTools)();
    const clairctl = (0, clair_process_1.findOnPath)('clairctl');
    if (!clairctl) {
        throw new errors_1.ClairScanError('clair-mode: process with a snapshot in vuln-data needs `clairctl` on the PATH, and there is none', {
            hint: 'use the clair-scan tool image (it ships clair and clairctl), install clairctl of the same Clair version beside clair, or use vuln-data: db-image:<ref> (no import at all).',
        });
    }
    const prepared = await time('data-load', prepare);
    if (prepared.rangeRecords) {
        throw new errors_1.ClairScanError(`the vulnerability data ${settings.vulnData} has ${prepared.rangeRecords} records with version ranges (Go, npm …, Red Hat containers), which clairctl 4.9.0 cannot import into a database clair-scan does not run`, {
            hint: 'use vuln-data: db-image:<ref> (a database image built from this snapshot: clair-scan data image build completes the ranges), or clair-mode: container.',
        });
    }
    const pg = (0, pg_client_1.pgTarget)(settings.postgresUrl);
    const dir = (0, run_state_1.makeRunTempDir)(state, 'clair');
    log_1.log.info(`Starting Clair (${tools.clair}) as a process against the PostgreSQL at ${pg.where} …`);
    // Reachable at all (bounded retries, the host named), before Clair is given it.
    await time('start-postgres', async () => (await (0, pg_client_1.connectPg)(pg, settings.startupTimeoutSec * 1000)).end());
    const binaryVersion = await time('start-clair', () => (0, clair_process_1.clairBinaryVersion)(tools, dir));
    const clair = await time('start-clair', () => (0, clair_process_1.startClairProcess)(processOptions(settings, state, tools, dir, pg.url)));
    try {
        await time('data-load', () => (0, clair_process_1.importWithClairctl)({
            tools,
            clairctl,
            conf: clair.conf,
            bundle: prepared.bundle,
            state,
            dir,
            timeoutMs: settings.dataTimeoutSec * 1000,
        }));
    }
    catch (err) {
        await clair.close();
        throw err;
    }
    return service(settings, clair, binaryVersion, prepared.notes, pg);
}


/***/ })

};
;