/**
 * Whole-scan benchmark with a database image (issue 25): one full ephemeral scan of the real-scale bookworm fixture
 * with `vuln-data: db-image:…`, against Clair's own index + match plus PostgreSQL and Clair start-up.
 *
 *   npx tsx bench/db-image-scan.ts [zst|gz|PATH] [--rounds N=5]   (after test-env.sh up + fixtures/build.sh bookworm)
 *
 * The 250,000-record scale bundle (scripts/fixtures/scale.sh) is built into a database image once, untimed, with the
 * product's `buildDbImage`. Then, rounds alternating, medians of N, each timed from start to end:
 *   (a) raw: nothing of ours but plain HTTP — `docker create` + `docker start` of the database image (PostgreSQL on a
 *       free loopback port, pg_isready through `docker exec`), a Clair container (`docker create`, the config and
 *       the empty offline Red Hat mapping files a scan gives it copied in with `docker cp`, `docker start`) polled until
 *       /readyz and index_state answer 200, `docker save` of the fixture piped into `tar -x`, its layers (their
 *       digests are the image config's diff_ids) served by a bare Node HTTP server on 127.0.0.1, POST index_report,
 *       GET vulnerability_report. Removing the containers afterwards is not timed (it is printed);
 *   (b) ours: `scan()` (src/scan.ts) with `vuln-data: db-image:<image>`, default report formats, as a user runs it,
 *       until it returns its ScanOutcome (so its cleanup phase is inside).
 * Per run, the time spent in `docker create` is printed beside each (the vfs storage driver copies the whole image
 * per container; overlay2 on GitHub and GitLab runners does not): raw times its two `docker create` calls, ours
 * times DockerClient.createContainer (a wrapper installed here, outside the product). Both sides' findings are
 * counted (package × vulnerability pairs) against the fixture's expected count. Goal: (b) ≤ 1.2 × (a).
 * Ratios are medians of the per-round ratios (each round's pair ran back to back). Printed: (b)/(a) as timed above;
 * the same work on both sides, i.e. (a) plus its `docker rm -fv`, since (b)'s cleanup removes the same containers;
 * (b) without its cleanup phase against (a), which is the issue's definition (start-up + index + match); and both
 * without their `docker create` time (the vfs copy). Our process's CPU time (user + system) during scan() is printed too.
 * Everything started here is removed at the end, by this run's id.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { DockerClient } from '../src/environment/docker';
import { newRunId } from '../src/environment/run-state';
import { freeLocalPort } from '../src/environment/address';
import { buildDbImage, DB_IMAGE_DATABASE, DB_IMAGE_PASSWORD, DB_IMAGE_USER } from '../src/data/db-image';
import { parseSettings } from '../src/inputs/settings';
import { scan } from '../src/scan';
import { setLogger } from '../src/util/log';

const repo = path.resolve(__dirname, '..');
const env = JSON.parse(fs.readFileSync(path.join(repo, '.testenv/env.json'), 'utf8')) as {
  clairImage: string;
  postgresImage: string;
};
const scaleFile = path.join(repo, '.testenv/fixtures/scale/scale.json');
if (!fs.existsSync(scaleFile)) throw new Error(`${scaleFile} is absent: run bash scripts/fixtures/build.sh bookworm`);
const scale = JSON.parse(fs.readFileSync(scaleFile, 'utf8')) as {
  image: string;
  bundleGz: string;
  bundleZst: string;
  bundleStats: string;
};
const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Math.max(1, Number(args.splice(roundsAt, 2)[1])) : 5;
const which = args[0] ?? 'zst';
const bundle = which === 'zst' ? scale.bundleZst : which === 'gz' ? scale.bundleGz : path.resolve(which);
const stats =
  which === 'zst' || which === 'gz'
    ? (JSON.parse(fs.readFileSync(scale.bundleStats, 'utf8')) as { records: number; expectedFindings?: number })
    : undefined;
const target = scale.image;
const runId = newRunId();
// Every raw container is named after this run: removed by name at the end, whatever happened.
const rawPrefix = `cs-bench-dbscan-${runId}`;
const READY_MS = 180_000;
const s = (ms: number): string => `${(ms / 1000).toFixed(2).padStart(6)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const docker = (...a: string[]): string =>
  execFileSync('docker', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const timedDocker = (acc: { ms: number }, ...a: string[]): string => {
  const t0 = Date.now();
  try {
    return docker(...a);
  } finally {
    acc.ms += Date.now() - t0;
  }
};

setLogger({
  info: () => undefined,
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

// Time spent in the product's container creation (the vfs copy), summed per scan. Bench-only instrumentation.
const ourCreate = { ms: 0 };
const createContainer = DockerClient.prototype.createContainer;
DockerClient.prototype.createContainer = async function (this: DockerClient, spec) {
  const t0 = Date.now();
  try {
    return await createContainer.call(this, spec);
  } finally {
    ourCreate.ms += Date.now() - t0;
  }
};

async function get(url: string): Promise<number> {
  try {
    const r = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
    await r.body.dump();
    return r.statusCode;
  } catch {
    return 0;
  }
}

interface Run {
  ms: number;
  create: number;
  findings: number;
  /** ours: its cleanup phase (inside ms); raw: `docker rm -fv` afterwards (outside ms). */
  cleanup: number;
  /** Phases (ours: ScanOutcome.timings; raw: PostgreSQL ready, Clair ready, docker save + server, index, match), to see where a gap is. */
  phases?: string;
  /** ours: this process's CPU seconds (user + system) during scan(). */
  cpu?: number;
}

/** (a) The raw path: docker CLI, a bare file server and two HTTP calls. */
async function raw(db: string, round: number): Promise<Run> {
  const [pgPort, api, intro] = [await freeLocalPort(), await freeLocalPort(), await freeLocalPort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-dbscan-'));
  const conf = path.join(dir, 'config');
  const layersDir = path.join(dir, 'image');
  fs.mkdirSync(conf);
  fs.mkdirSync(layersDir);
  const conn = `host=127.0.0.1 port=${pgPort} user=${DB_IMAGE_USER} password=${DB_IMAGE_PASSWORD} dbname=${DB_IMAGE_DATABASE} sslmode=disable`;
  fs.writeFileSync(
    path.join(conf, 'config.yaml'),
    [
      `http_listen_addr: 127.0.0.1:${api}`,
      `introspection_addr: 127.0.0.1:${intro}`,
      'indexer:',
      `  connstring: "${conn}"`,
      '  migrations: true',
      '  airgap: true',
      '  scanner:',
      '    package: {java: {disable_api: true}, rhel_containerscanner: {name2repos_mapping_file: /config/name2repos.json}}',
      '    repo: {rhel-repository-scanner: {repo2cpe_mapping_file: /config/repo2cpe.json}}',
      `matcher: {connstring: "${conn}", migrations: true, disable_updaters: true}`,
      `notifier: {connstring: "${conn}", migrations: true}`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(conf, 'repo2cpe.json'), '{"data":{}}\n');
  fs.writeFileSync(path.join(conf, 'name2repos.json'), '{"data":{}}\n');
  const names = [`${rawPrefix}-${round}-pg`, `${rawPrefix}-${round}-clair`];
  const create = { ms: 0 };
  let server: http.Server | undefined;
  let findings = 0;
  try {
    const t0 = Date.now();
    const deadline = t0 + READY_MS;
    timedDocker(
      create,
      'create',
      '--name',
      names[0],
      '--network',
      'host',
      db,
      'postgres',
      '-c',
      'listen_addresses=127.0.0.1',
      '-p',
      String(pgPort),
    );
    docker('start', names[0]);
    const mark: [string, number][] = [];
    const at = (phase: string): void => void mark.push([phase, Date.now()]);
    for (;;) {
      try {
        execFileSync('docker', ['exec', names[0], 'pg_isready', '-q', '-h', '127.0.0.1', '-p', String(pgPort)], {
          stdio: 'ignore',
        });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error('raw: PostgreSQL not ready in time');
        await sleep(20);
      }
    }
    at('postgres');
    timedDocker(
      create,
      'create',
      '--name',
      names[1],
      '--network',
      'host',
      '--tmpfs',
      '/var/tmp:rw,exec,mode=1777',
      env.clairImage,
    );
    docker('cp', `${conf}/.`, `${names[1]}:/config/`);
    docker('start', names[1]);
    for (;;) {
      const [ready, state] = await Promise.all([
        get(`http://127.0.0.1:${intro}/readyz`),
        get(`http://127.0.0.1:${api}/indexer/api/v1/index_state`),
      ]);
      if (ready === 200 && state === 200) break;
      if (Date.now() > deadline) throw new Error('raw: Clair not ready in time');
      await sleep(20);
    }
    at('clair');
    // docker save (legacy layout on this daemon: <id>/layer.tar, uncompressed, so each digest is a diff_id).
    execFileSync('sh', ['-c', 'docker save "$1" | tar -x -C "$2"', 'sh', target, layersDir]);
    const manifest = (
      JSON.parse(fs.readFileSync(path.join(layersDir, 'manifest.json'), 'utf8')) as {
        Config: string;
        Layers: string[];
      }[]
    )[0];
    const diffIds = (
      JSON.parse(fs.readFileSync(path.join(layersDir, manifest.Config), 'utf8')) as { rootfs: { diff_ids: string[] } }
    ).rootfs.diff_ids;
    const layers = manifest.Layers.map((p, i) => ({ file: path.join(layersDir, p), digest: diffIds[i] }));
    const srv = http.createServer((req, res) => {
      const l = layers.find((x) => req.url === `/${x.digest}`);
      if (!l) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': fs.statSync(l.file).size });
      fs.createReadStream(l.file).pipe(res);
    });
    server = srv;
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    // The image id (its config's digest) names the manifest: unique per image, as a manifest digest is.
    const manifestHash = `sha256:${path.basename(manifest.Config, '.json')}`;
    at('save');
    const idx = await request(`http://127.0.0.1:${api}/indexer/api/v1/index_report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hash: manifestHash,
        layers: layers.map((l) => ({ hash: l.digest, uri: `http://127.0.0.1:${port}/${l.digest}`, headers: {} })),
      }),
      headersTimeout: 600_000,
      bodyTimeout: 600_000,
    });
    const ir = (await idx.body.json()) as { state?: string; success?: boolean; err?: string };
    if (idx.statusCode !== 201 && idx.statusCode !== 200) throw new Error(`raw: index_report HTTP ${idx.statusCode}`);
    if (ir.state !== 'IndexFinished') throw new Error(`raw: index state ${ir.state} ${ir.err ?? ''}`);
    at('index');
    const vr = await request(`http://127.0.0.1:${api}/matcher/api/v1/vulnerability_report/${manifestHash}`, {
      headersTimeout: 600_000,
      bodyTimeout: 600_000,
    });
    const report = (await vr.body.json()) as { package_vulnerabilities?: Record<string, string[]> };
    if (vr.statusCode !== 200) throw new Error(`raw: vulnerability_report HTTP ${vr.statusCode}`);
    const ms = Date.now() - t0;
    at('match');
    const phases = mark.map(([p, t], i) => `${p} ${((t - (i ? mark[i - 1][1] : t0)) / 1000).toFixed(2)}`).join(', ');
    findings = Object.values(report.package_vulnerabilities ?? {}).reduce((n, v) => n + v.length, 0);
    const c0 = Date.now();
    docker('rm', '-fv', ...names);
    return { ms, create: create.ms, findings, cleanup: Date.now() - c0, phases };
  } finally {
    server?.close();
    for (const n of names) {
      try {
        docker('rm', '-fv', n);
      } catch {
        // already removed (the normal path) or never created
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** (b) The product: a whole scan, as a user runs it. */
async function ours(db: string): Promise<Run> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-dbscan-out-'));
  const inputs: Record<string, string> = {
    image: target,
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': `db-image:${db}`,
    'output-dir': out,
    'severity-threshold': 'none',
  };
  try {
    ourCreate.ms = 0;
    const t0 = Date.now();
    const c0 = process.cpuUsage();
    const o = await scan(parseSettings((n) => inputs[n]));
    const ms = Date.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (o.exitCode !== 0) throw new Error(`ours: exit code ${o.exitCode}`);
    return {
      ms,
      create: ourCreate.ms,
      findings: o.result.images[0].vulnerabilities.length,
      cleanup: (o.timings.cleanup ?? 0) * 1000,
      phases: Object.entries(o.timings)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', '),
      cpu: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const db = `localhost/clair-scan-bench/db-image-scan:${runId}`;
  const load = (): string =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(
    `${target} with a database image of ${bundle}${stats ? ` (${stats.records} records)` : ''}; ${rounds} rounds; load ${load()} on ${os.cpus().length} CPUs`,
  );
  const b0 = Date.now();
  await buildDbImage({
    from: bundle,
    tags: [db],
    push: false,
    updaterSets: [],
    clairImage: env.clairImage,
    postgresImage: env.postgresImage,
    pull: 'never',
    startupTimeoutSec: 300,
    dataTimeoutSec: 3600,
    registry: { insecure: false },
  });
  console.log(`database image ${db} built in ${s(Date.now() - b0)} (not timed)`);
  try {
    const r = { raw: [] as Run[], ours: [] as Run[] };
    for (let i = 0; i < rounds; i++) {
      // Alternating, and which side goes first flips each round, so load changes hit both alike.
      if (i % 2 === 0) {
        r.raw.push(await raw(db, i));
        r.ours.push(await ours(db));
      } else {
        r.ours.push(await ours(db));
        r.raw.push(await raw(db, i));
      }
      const [a, b] = [r.raw[i], r.ours[i]];
      console.log(
        `round ${i + 1}: raw ${s(a.ms)} (docker create ${s(a.create)}; rm afterwards ${s(a.cleanup)}; ${a.findings} findings), ours ${s(b.ms)} (docker create ${s(b.create)}; cleanup inside ${s(b.cleanup)}; CPU ${s((b.cpu ?? 0) * 1000)}; ${b.findings} findings); load ${load()}`,
      );
      console.log(`  raw by phase (s): ${a.phases}`);
      console.log(`  ours by phase (s): ${b.phases}`);
    }
    const m = (xs: Run[], k: 'ms' | 'create'): number => median(xs.map((x) => x[k]));
    const [a, b] = [m(r.raw, 'ms'), m(r.ours, 'ms')];
    const [ac, bc] = [m(r.raw, 'create'), m(r.ours, 'create')];
    console.log('');
    console.log(`median of ${rounds}, whole ephemeral scan of ${target}:`);
    console.log(
      `  (a) raw: docker run DB image + Clair, docker save, index_report, vulnerability_report  ${s(a)}   docker create ${s(ac)}, without it ${s(a - ac)}`,
    );
    console.log(
      `  (b) clair-scan scan(), vuln-data db-image:…                                          ${s(b)}   docker create ${s(bc)}, without it ${s(b - bc)}`,
    );
    // Medians of the per-round ratios: each round's two runs were back to back, so load changes hit both alike.
    const ratio = (f: (raw: Run, ours: Run) => number): number => median(r.raw.map((x, i) => f(x, r.ours[i])));
    const asTimed = ratio((x, y) => y.ms / x.ms);
    const sameWork = ratio((x, y) => y.ms / (x.ms + x.cleanup));
    const noCleanup = ratio((x, y) => (y.ms - y.cleanup) / x.ms);
    const noCreate = ratio((x, y) => (y.ms - y.create) / (x.ms - x.create));
    const noCreateSameWork = ratio((x, y) => (y.ms - y.create) / (x.ms + x.cleanup - x.create));
    console.log(`  (b)/(a), median of ${rounds} per-round ratios:`);
    console.log(
      `    as timed ((b) includes removing its containers, (a) does not)  ${asTimed.toFixed(2)}   without docker create ${noCreate.toFixed(2)}`,
    );
    console.log(
      `    same work ((a) + its docker rm -fv)                          ${sameWork.toFixed(2)}   without docker create ${noCreateSameWork.toFixed(2)}   [goal ≤ 1.20: ${sameWork <= 1.2 ? 'met' : 'NOT met'}]`,
    );
    console.log(
      `    start-up + index + match ((b) without its cleanup phase)     ${noCleanup.toFixed(2)}   [goal ≤ 1.20: ${noCleanup <= 1.2 ? 'met' : 'NOT met'}]`,
    );
    console.log(
      `  raw docker rm -fv median ${s(median(r.raw.map((x) => x.cleanup)))}; ours cleanup median ${s(median(r.ours.map((x) => x.cleanup)))}; ours CPU median ${s(median(r.ours.map((x) => (x.cpu ?? 0) * 1000)))}`,
    );
    const counts = new Set([...r.raw, ...r.ours].map((x) => x.findings));
    console.log(
      `  findings: ${[...counts].join(', ')}${stats?.expectedFindings !== undefined ? ` (expected ${stats.expectedFindings})` : ''}; load ${load()}`,
    );
  } finally {
    docker('rmi', '-f', db);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
