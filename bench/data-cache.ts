/**
 * Data-cache benchmark: a vulnerability-data snapshot of ≥ 250,000 records (the scale bundle of
 * scripts/fixtures/scale.sh, zstd) published to the local test registry with the product's `data push` code, then
 * scanned with `vuln-data: oci://…` by the full `scan()` of the real bookworm image — a fresh ephemeral PostgreSQL
 * + Clair each time — phase by phase: start PostgreSQL, start Clair, pull (download + one verification pass),
 * verify (that pass alone, measured on the same file), copy into the Clair container, clairctl import; with the
 * peak RSS of this process per phase. Goal: Clair ready with the data ≤ 30 s from the start of the scan.
 * Then a warm second scan in the same process (images and layers cached, page cache warm) against Clair's own
 * index + match time.
 *
 *   npx tsx bench/data-cache.ts        (after scripts/test-env.sh up + scripts/fixtures/build.sh)
 *
 * The phase boundaries are the product's own log lines, time-stamped here (no instrumentation in src/).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSettings } from '../src/inputs/settings';
import { scan, type ScanOutcome } from '../src/scan';
import { ociPush } from '../src/data/oci';
import { verifySnapshot, writeSnapshot } from '../src/data/snapshot';
import { setLogger } from '../src/util/log';

const repo = path.resolve(__dirname, '..');
const env = JSON.parse(fs.readFileSync(path.join(repo, '.testenv/env.json'), 'utf8')) as {
  clairImage: string;
  postgresImage: string;
  clairVersion: string;
  registry: { address: string; username: string; password: string };
};
const scaleFile = path.join(repo, '.testenv/fixtures/scale/scale.json');
if (!fs.existsSync(scaleFile))
  throw new Error(`${scaleFile} is absent: run bash scripts/fixtures/build.sh (scale fixtures)`);
const scale = JSON.parse(fs.readFileSync(scaleFile, 'utf8')) as { image: string; bundleZst: string };
const GOAL_S = 30;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2).padStart(7)} s`;

const events: { at: number; msg: string }[] = [];
setLogger({
  info: (m) => void events.push({ at: Date.now(), msg: m }),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

// RSS of this process, sampled every 50 ms, to attribute a peak to each phase.
const rss: { at: number; bytes: number }[] = [];
const sampler = setInterval(() => rss.push({ at: Date.now(), bytes: process.memoryUsage().rss }), 50);
sampler.unref();
const peak = (from: number, to: number): number =>
  Math.max(0, ...rss.filter((r) => r.at >= from && r.at <= to).map((r) => r.bytes));

function at(re: RegExp, after: number): number {
  const e = events.find((x) => x.at >= after && re.test(x.msg));
  if (!e) throw new Error(`no log line ${re} after ${new Date(after).toISOString()}`);
  return e.at;
}

async function oneScan(ref: string, out: string): Promise<{ outcome: ScanOutcome; t0: number; t1: number }> {
  const inputs: Record<string, string> = {
    image: scale.image,
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': ref,
    'registry-username': env.registry.username,
    'registry-password': env.registry.password,
    'output-dir': out,
    formats: 'json',
    'severity-threshold': 'none',
  };
  const t0 = Date.now();
  const outcome = await scan(parseSettings((n) => inputs[n]));
  return { outcome, t0, t1: Date.now() };
}

function report(title: string, r: { outcome: ScanOutcome; t0: number; t1: number }, verifyMs: number): number {
  const { outcome, t0, t1 } = r;
  const tm = outcome.timings;
  const pullStart = at(/^Pulling vulnerability data /, t0);
  const pullEnd = at(/^Pulled /, pullStart);
  const copyStart = at(/^Copying vulnerability data /, pullEnd);
  const copyEnd = at(/^Copied /, copyStart);
  const importStart = at(/^Loading vulnerability data from /, copyEnd);
  const ready = at(/^Vulnerability data loaded/, importStart);
  const img = outcome.result.images[0];
  console.log(`${title}: ${scale.image}, ${img.packages.length} packages, ${img.vulnerabilities.length} findings`);
  const row = (label: string, ms: number, from?: number, to?: number) =>
    console.log(
      `  ${label.padEnd(52)} ${s(ms)}${from !== undefined && to !== undefined ? `   peak RSS ${mb(peak(from, to)).padStart(7)}` : ''}`,
    );
  row('start PostgreSQL (until pg_isready)', (tm['start-postgres'] ?? 0) * 1000);
  row('start Clair (until /readyz)', (tm['start-clair'] ?? 0) * 1000);
  row('pull (download + verify, from the registry)', pullEnd - pullStart, pullStart, pullEnd);
  row('  of which verify (sha256 + zstd + parse, one pass)', verifyMs);
  row('copy into the Clair container (Engine API)', copyEnd - copyStart, copyStart, copyEnd);
  row('import (clairctl import-updaters)', ready - importStart, importStart, ready);
  row('Clair ready with data, from the start of the scan', ready - t0, t0, ready);
  row('index (Clair)', (tm.index ?? 0) * 1000);
  row('match (Clair)', (tm.match ?? 0) * 1000);
  row('total scan', t1 - t0, t0, t1);
  return ready - t0;
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-data-cache-'));
  try {
    // Setup (not part of the figures): the scale bundle as a snapshot, pushed to the local registry.
    const bundle = path.join(dir, 'clair-data.json.zst');
    const tw = Date.now();
    const manifest = await writeSnapshot(fs.createReadStream(scale.bundleZst), bundle, {
      updaterSets: ['debian', 'osv'],
      clairVersion: env.clairVersion,
    });
    const writeMs = Date.now() - tw;
    if (manifest.records < 250_000)
      throw new Error(`the scale bundle has ${manifest.records} records, fewer than 250,000`);
    const ref = `oci://${env.registry.address}/clair-scan-bench/data-${randomBytes(4).toString('hex')}:latest`;
    const tp = Date.now();
    await ociPush(ref, bundle, { username: env.registry.username, password: env.registry.password, insecure: false });
    const pushMs = Date.now() - tp;
    console.log(
      `snapshot: ${manifest.records} records, ${mb(manifest.bundle.size)} zstd (${manifest.updaters.length} updaters); write ${s(writeMs).trim()}, data push ${s(pushMs).trim()} to ${ref}`,
    );
    const tv = Date.now();
    await verifySnapshot({ bundlePath: bundle, manifest });
    const verifyMs = Date.now() - tv;

    const cold = await oneScan(ref, path.join(dir, 'out-1'));
    const readyMs = report('first scan (fresh PostgreSQL + Clair, snapshot pulled)', cold, verifyMs);
    console.log(
      `  goal: Clair ready with data ≤ ${GOAL_S} s → ${readyMs / 1000 <= GOAL_S ? 'met' : 'NOT met'} (${(readyMs / 1000).toFixed(1)} s)`,
    );

    const warm = await oneScan(ref, path.join(dir, 'out-2'));
    report('warm second scan in the same job', warm, verifyMs);
    const clairOwn = ((warm.outcome.timings.index ?? 0) + (warm.outcome.timings.match ?? 0)) * 1000;
    const total = warm.t1 - warm.t0;
    console.log(
      `  Clair's own index + match ${s(clairOwn).trim()} of ${s(total).trim()}: everything else (start, data, export, reports, cleanup) ${s(total - clairOwn).trim()}`,
    );
    console.log(`peak RSS of this process overall: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
