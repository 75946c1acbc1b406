/**
 * Data-load benchmark: the 250,000-record bundle (scripts/fixtures/scale.sh) loaded into an ephemeral Clair,
 * phase by phase, with the peak RSS of this process; then the reference — a plain `docker cp` of the same file
 * plus `docker exec … clairctl import-updaters` into a fresh Clair — as what the load costs without us.
 * Goal: ours ≤ 1.2× the reference, our peak RSS ≤ 150 MB. Last, the bundled CLI (dist/cli/index.js) scans the
 * bookworm fixture with the same bundle, for the max RSS of the process users actually run (this one carries tsx).
 *
 *   npx tsx bench/data-load.ts [zst|gz|PATH] [--rounds N=3]   (after test-env.sh up + fixtures/build.sh)
 *
 * Our path is the product's own code (src/environment/*: startPostgres, startClair, importBundle, which copies
 * with DockerClient.putFiles and runs clairctl through the Engine API's exec). Both sides get the same kind of
 * fresh PostgreSQL + Clair, started by the product's modules and not timed; the bundle is read once first so
 * both start from a warm page cache. Rounds alternate reference and ours.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DockerClient } from '../src/environment/docker';
import { startPostgres, query, Postgres } from '../src/environment/postgres';
import { startClair, ClairContainer } from '../src/environment/clair-container';
import { importBundle } from '../src/environment/vuln-data';
import { scanBundle } from '../src/data/snapshot';
import { newRunId } from '../src/environment/run-state';
import { cleanupRun } from '../src/environment/cleanup';
import { setLogger } from '../src/util/log';

const repo = path.resolve(__dirname, '..');
const env = JSON.parse(fs.readFileSync(path.join(repo, '.testenv/env.json'), 'utf8')) as {
  clairImage: string;
  postgresImage: string;
};
const scaleFile = path.join(repo, '.testenv/fixtures/scale/scale.json');
if (!fs.existsSync(scaleFile)) throw new Error(`${scaleFile} is absent: run bash scripts/fixtures/build.sh bookworm`);
const scale = JSON.parse(fs.readFileSync(scaleFile, 'utf8')) as {
  bundleGz: string;
  bundleZst: string;
  bundleStats: string;
};
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Math.max(1, Number(args.splice(roundsAt, 2)[1])) : 3;
const which = args[0] ?? 'zst';
const bundle = which === 'zst' ? scale.bundleZst : which === 'gz' ? scale.bundleGz : path.resolve(which);
const records =
  which === 'zst' || which === 'gz'
    ? (JSON.parse(fs.readFileSync(scale.bundleStats, 'utf8')) as { records: number }).records
    : undefined;
const IMPORT_TIMEOUT = 30 * 60_000;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2).padStart(7)} s`;

// The product's log lines, time-stamped: their order gives our phase boundaries.
const events: { at: number; msg: string }[] = [];
setLogger({
  info: (m) => void events.push({ at: Date.now(), msg: m }),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

interface Env {
  runId: string;
  pg: Postgres;
  clair: ClairContainer;
}

async function freshClair(docker: DockerClient): Promise<Env> {
  const runId = newRunId();
  const pg = await startPostgres(docker, { image: env.postgresImage, runId, timeoutMs: 180_000 });
  const clair = await startClair(docker, {
    image: env.clairImage,
    runId,
    connString: pg.connString,
    listenHost: '127.0.0.1',
    airgap: true,
    timeoutMs: 180_000,
    requestTimeoutMs: 600_000,
  });
  return { runId, pg, clair };
}

async function vulnCount(docker: DockerClient, e: Env): Promise<number> {
  return Number((await query(docker, e.pg, 'SELECT count(*) FROM vuln'))[0]?.[0] ?? 0);
}

interface Result {
  total: number;
  copy?: number;
  load?: number;
  vulns: number;
  peakRss?: number;
  rssBefore?: number;
}

/** Counted once, untimed: in a scan the verification pass (not part of this benchmark) counts them. */
let rangeRecords: number | undefined;

async function ours(docker: DockerClient): Promise<Result> {
  const e = await freshClair(docker);
  try {
    rangeRecords ??= (await scanBundle(bundle)).rangeRecords;
    events.length = 0;
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
    const t0 = Date.now();
    // As a scan calls it: with the range-record count of the verification pass that precedes it (data/source.ts).
    await importBundle(docker, e.clair.container, bundle, IMPORT_TIMEOUT, { pg: e.pg, rangeRecords });
    const total = Date.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    const at = (re: RegExp): number | undefined => events.find((x) => re.test(x.msg))?.at;
    const copied = at(/^Copied /);
    const loadStart = at(/^Loading vulnerability data from /);
    const loaded = at(/^Vulnerability data loaded/);
    return {
      total,
      copy: copied !== undefined ? copied - t0 : undefined,
      load: loadStart !== undefined && loaded !== undefined ? loaded - loadStart : undefined,
      vulns: await vulnCount(docker, e),
      peakRss: peak,
      rssBefore,
    };
  } finally {
    await e.clair.client.close();
    await cleanupRun({ runId: e.runId, tempDirs: [] });
  }
}

async function reference(docker: DockerClient): Promise<Result> {
  const e = await freshClair(docker);
  try {
    const id = e.clair.container.id;
    const target = `/config/${path.basename(bundle)}`;
    const t0 = Date.now();
    execFileSync('docker', ['cp', bundle, `${id}:${target}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const t1 = Date.now();
    execFileSync('docker', ['exec', '-e', 'NO_COLOR=1', id, '/usr/bin/clairctl', '-q', 'import-updaters', target], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: IMPORT_TIMEOUT,
    });
    const t2 = Date.now();
    return { total: t2 - t0, copy: t1 - t0, load: t2 - t1, vulns: await vulnCount(docker, e) };
  } finally {
    await e.clair.client.close();
    await cleanupRun({ runId: e.runId, tempDirs: [] });
  }
}

/**
 * The bundled CLI as users run it (dist/cli/index.js, `npm run bundle`): a full scan of the bookworm fixture with
 * the same bundle; its own max RSS (getrusage, written at exit by a --require'd hook) and its data-load lines.
 */
function cliRun(): void {
  const cli = path.join(repo, 'dist/cli/index.js');
  if (!fs.existsSync(cli)) return void console.log('bundled CLI: dist/cli/index.js absent (npm run bundle), skipped');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-data-'));
  try {
    const hook = path.join(dir, 'rss-hook.js');
    const rssFile = path.join(dir, 'rss');
    fs.writeFileSync(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS * 1024)));\n`,
    );
    const t0 = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        '--require',
        hook,
        cli,
        '--clair-image',
        env.clairImage,
        '--postgres-image',
        env.postgresImage,
        '--pull',
        'never',
        '--vuln-data',
        bundle,
        '--formats',
        'json',
        '--output-dir',
        path.join(dir, 'out'),
        '--severity-threshold',
        'none',
        'localhost/clair-scan-fixture/bookworm:1',
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    const total = Date.now() - t0;
    const out = `${r.stdout}${r.stderr}`;
    const copied = /Copied .* in ([\d.]+) s/.exec(out)?.[1];
    const loaded = /Vulnerability data loaded \(([\d.]+) s\)/.exec(out)?.[1];
    const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : 0;
    console.log('bundled CLI, full scan of localhost/clair-scan-fixture/bookworm:1 with this bundle (as users run it)');
    if (copied) console.log(`  ${'copy into the Clair container (its log)'.padEnd(44)} ${s(Number(copied) * 1000)}`);
    if (loaded) console.log(`  ${'clairctl import-updaters (its log)'.padEnd(44)} ${s(Number(loaded) * 1000)}`);
    console.log(`  ${'whole scan (start, load, index, match, report)'.padEnd(44)} ${s(total)}   (exit ${r.status})`);
    console.log(
      `  ${'max RSS of the CLI process (getrusage)'.padEnd(44)} ${mb(rss).padStart(9)}  (goal ≤ 150 MB: ${rss > 0 && rss <= 150e6 ? 'met' : 'MISSED'})`,
    );
    if (r.status !== 0) console.log(out.split('\n').slice(-20).join('\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function print(label: string, r: Result): void {
  console.log(label);
  if (r.copy !== undefined) console.log(`  ${'copy into the Clair container'.padEnd(44)} ${s(r.copy)}`);
  if (r.load !== undefined) console.log(`  ${'clairctl import-updaters'.padEnd(44)} ${s(r.load)}`);
  console.log(`  ${'total'.padEnd(44)} ${s(r.total)}   (${r.vulns} vulnerabilities in the database)`);
}

(async () => {
  const size = fs.statSync(bundle).size;
  // Warm the page cache for both sides (streamed: a whole-file read would inflate this process's peak RSS).
  await pipeline(fs.createReadStream(bundle), new Writable({ write: (_c, _e, cb) => cb() }));
  const docker = new DockerClient();
  await docker.ping();
  console.log(
    `data load: ${bundle} (${mb(size)}${records ? `, ${records.toLocaleString('en-US')} records` : ''}), ${rounds} round(s)`,
  );
  const refs: Result[] = [];
  const ourResults: Result[] = [];
  for (let i = 1; i <= rounds; i++) {
    const r = await reference(docker);
    refs.push(r);
    print(`round ${i}: reference (docker cp + docker exec clairctl import-updaters, fresh Clair)`, r);
    const o = await ours(docker);
    ourResults.push(o);
    print(`round ${i}: clair-scan (src/environment importBundle: putFiles stream + Engine API exec)`, o);
    console.log(
      `  ${'RSS of this process: before / peak in load'.padEnd(44)} ${mb(o.rssBefore ?? 0).padStart(9)} / ${mb(o.peakRss ?? 0)}`,
    );
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = median(ourResults.map((r) => r.total)) / median(refs.map((r) => r.total));
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const loadPeak = Math.max(...ourResults.map((r) => r.peakRss ?? 0));
  console.log('summary');
  console.log(
    `  ${'ours / reference (median total)'.padEnd(44)} ${ratio.toFixed(2).padStart(7)} ×  (goal ≤ 1.20: ${ratio <= 1.2 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  ${'peak RSS during our loads (sampled /100 ms)'.padEnd(44)} ${mb(loadPeak).padStart(9)}  (goal ≤ 150 MB: ${loadPeak <= 150e6 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  ${'max RSS of this process (whole run, getrusage)'.padEnd(44)} ${mb(maxRss).padStart(9)}  (includes tsx compiling the sources)`,
  );
  if (new Set([...refs, ...ourResults].map((r) => r.vulns)).size !== 1)
    console.log('  WARNING: the runs stored different numbers of vulnerabilities');
  cliRun();
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
