/**
 * Database-image benchmark (issue 25): how fast an ephemeral Clair is ready WITH DATA when PostgreSQL starts from a
 * database image, against the raw floor and against the JSON import.
 *
 *   npx tsx bench/data-image.ts [zst|gz|PATH] [--rounds N=5] [--skip-json]   (after test-env.sh up + fixtures/build.sh bookworm)
 *
 * The 250,000-record scale bundle (scripts/fixtures/make-scale-bundle.js) is built into a database image once with
 * the product's `buildDbImage` (timed), then, rounds alternating, medians of N:
 *   (a) raw: `docker run` of that image, PostgreSQL accepting, a Clair container (`docker run`, config copied in, no
 *       auth) ready with data: /readyz 200, index_state 200 and a non-empty update_operation answer — polled every
 *       20 ms, nothing of ours in between (the experiment of /work/shared/notes/db-image.md);
 *   (b) ours: `openClairService` with `vuln-data: db-image:<image>` (label checks, PostgreSQL from the image, its
 *       password replaced, the database checked, Clair started and its version checked), until it returns, plus one
 *       update_operation call proving the data is there;
 *   (c) `docker create` of the image alone (the vfs storage driver copies the whole image per container);
 *   (d) ours with the JSON import of the same bundle (`vuln-data: <bundle>`: verification pass, copy, clairctl).
 * Then the image size and the size per million records. Goal: (b) ≤ 1.3 × (a) and ≤ 3 s at 250,000 records.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { request } from 'undici';
import { DockerClient } from '../src/environment/docker';
import { openClairService } from '../src/environment';
import { cleanupRun } from '../src/environment/cleanup';
import { newRunId, RunState } from '../src/environment/run-state';
import { freeLocalPort } from '../src/environment/address';
import { buildDbImage, DB_IMAGE_DATABASE, DB_IMAGE_PASSWORD, DB_IMAGE_USER } from '../src/data/db-image';
import { vulnDataLoader } from '../src/data';
import { parseSettings } from '../src/inputs/settings';
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
const rounds = roundsAt >= 0 ? Math.max(1, Number(args.splice(roundsAt, 2)[1])) : 5;
// --skip-json: leave (d) out (at 1,250,000 records one JSON import takes minutes).
const skipJsonAt = args.indexOf('--skip-json');
const skipJson = skipJsonAt >= 0 && args.splice(skipJsonAt, 1).length > 0;
const which = args[0] ?? 'zst';
const bundle = which === 'zst' ? scale.bundleZst : which === 'gz' ? scale.bundleGz : path.resolve(which);
const s = (ms: number): string => `${(ms / 1000).toFixed(2).padStart(6)} s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const docker = (...a: string[]): string =>
  execFileSync('docker', a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

setLogger({
  info: () => undefined,
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const r = await request(url, { headersTimeout: 2000, bodyTimeout: 2000 });
    return { status: r.statusCode, body: await r.body.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

/** (a) The raw floor: docker run + docker run, no product code. Returns ms to "ready with data". */
async function raw(image: string): Promise<number> {
  const [pgPort, api, intro] = [await freeLocalPort(), await freeLocalPort(), await freeLocalPort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-dbimage-'));
  const conn = `host=127.0.0.1 port=${pgPort} user=${DB_IMAGE_USER} password=${DB_IMAGE_PASSWORD} dbname=${DB_IMAGE_DATABASE} sslmode=disable`;
  fs.writeFileSync(
    path.join(dir, 'config.yaml'),
    [
      `http_listen_addr: 127.0.0.1:${api}`,
      `introspection_addr: 127.0.0.1:${intro}`,
      `indexer: {connstring: "${conn}", migrations: true, airgap: true}`,
      `matcher: {connstring: "${conn}", migrations: true, disable_updaters: true}`,
      `notifier: {connstring: "${conn}"}`,
      '',
    ].join('\n'),
  );
  const ids: string[] = [];
  try {
    const t0 = Date.now();
    ids.push(
      docker(
        'run',
        '-d',
        '--network',
        'host',
        image,
        'postgres',
        '-c',
        'listen_addresses=127.0.0.1',
        '-p',
        String(pgPort),
      ),
    );
    for (;;) {
      try {
        execFileSync('docker', ['exec', ids[0], 'pg_isready', '-q', '-h', '127.0.0.1', '-p', String(pgPort)], {
          stdio: 'ignore',
        });
        break;
      } catch {
        await sleep(20);
      }
    }
    const clair = docker('create', '--network', 'host', '--tmpfs', '/var/tmp:rw,exec,mode=1777', env.clairImage);
    ids.push(clair);
    docker('cp', path.join(dir, 'config.yaml'), `${clair}:/config/config.yaml`);
    docker('start', clair);
    for (;;) {
      const [ready, state, ops] = await Promise.all([
        get(`http://127.0.0.1:${intro}/readyz`),
        get(`http://127.0.0.1:${api}/indexer/api/v1/index_state`),
        get(`http://127.0.0.1:${api}/matcher/api/v1/internal/update_operation`),
      ]);
      if (ready.status === 200 && state.status === 200 && ops.status === 200 && ops.body.length > 2) break;
      await sleep(20);
    }
    return Date.now() - t0;
  } finally {
    for (const id of ids) docker('rm', '-fv', id);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** (b) and (d): the product's path to "Clair ready with data". */
async function ours(vulnData: string): Promise<number> {
  const state: RunState = { runId: newRunId(), tempDirs: [] };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-dbimage-out-'));
  const inputs: Record<string, string> = {
    image: 'x',
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': vulnData,
    'output-dir': out,
  };
  const settings = parseSettings((n) => inputs[n]);
  try {
    const t0 = Date.now();
    const clair = await openClairService(
      settings,
      () => new DockerClient(),
      state,
      (_p, f) => f(),
      vulnDataLoader(settings, state),
    );
    const ops = await clair.client.updateOperations();
    const ms = Date.now() - t0;
    if (Object.keys(ops).length === 0) throw new Error('no update operations: no data');
    await clair.close();
    return ms;
  } finally {
    await cleanupRun(state);
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** (c) `docker create` alone. */
function create(image: string): number {
  const t0 = Date.now();
  const id = docker('create', '--network', 'host', image);
  const ms = Date.now() - t0;
  docker('rm', '-fv', id);
  return ms;
}

async function main(): Promise<void> {
  const stats =
    fs.existsSync(scale.bundleStats) && bundle !== path.resolve(which)
      ? (JSON.parse(fs.readFileSync(scale.bundleStats, 'utf8')) as { records: number })
      : undefined;
  const image = `localhost/clair-scan-bench/db-image:${newRunId()}`;
  console.log(
    `bundle ${bundle}${stats ? ` (${stats.records} records)` : ''}; ${rounds} rounds; load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  const b0 = Date.now();
  const built = await buildDbImage({
    from: bundle,
    tags: [image],
    push: false,
    updaterSets: [],
    clairImage: env.clairImage,
    postgresImage: env.postgresImage,
    pull: 'never',
    startupTimeoutSec: 300,
    dataTimeoutSec: 3600,
    registry: { insecure: false },
  });
  console.log(
    `build (data image build: verify, start, migrate, import, VACUUM, CHECKPOINT, stop, commit): ${s(Date.now() - b0)}, ${built.records} records`,
  );
  try {
    const size = Number(docker('image', 'inspect', image, '--format', '{{.Size}}'));
    const base = Number(docker('image', 'inspect', env.postgresImage, '--format', '{{.Size}}'));
    const perM = ((size - base) / 1e6) * (1e6 / built.records);
    console.log(
      `image ${(size / 1e6).toFixed(0)} MB (data layer ${((size - base) / 1e6).toFixed(0)} MB over ${env.postgresImage}): ${perM.toFixed(0)} MB per million records`,
    );
    const r = { raw: [] as number[], ours: [] as number[], create: [] as number[], json: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      // Alternating, so load changes on the shared machine hit every side alike.
      r.create.push(create(image));
      r.raw.push(await raw(image));
      r.ours.push(await ours(`db-image:${image}`));
      if (!skipJson) r.json.push(await ours(bundle));
      console.log(
        `round ${i + 1}: raw ${s(r.raw[i])}, ours ${s(r.ours[i])}, docker create ${s(r.create[i])}${skipJson ? '' : `, JSON import ${s(r.json[i])}`}`,
      );
    }
    const [a, b, c] = [median(r.raw), median(r.ours), median(r.create)];
    console.log('');
    console.log(`median of ${rounds}, Clair ready with data:`);
    console.log(`  (a) raw docker run + Clair         ${s(a)}`);
    console.log(
      `  (b) clair-scan, db-image           ${s(b)}   (b)/(a) = ${(b / a).toFixed(2)}  [goal ≤ 1.30 and ≤ 3 s: ${b <= 1.3 * a && b <= 3000 ? 'met' : 'NOT met'}]`,
    );
    console.log(
      `  (c) docker create alone (vfs copy) ${s(c)}   (a) without it ${s(a - c)}, (b) without it ${s(b - c)}`,
    );
    if (!skipJson)
      console.log(
        `  (d) clair-scan, JSON import        ${s(median(r.json))}   (d)/(b) = ${(median(r.json) / b).toFixed(1)}`,
      );
  } finally {
    docker('rmi', '-f', image);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
