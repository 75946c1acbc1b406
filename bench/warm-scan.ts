/**
 * Warm scan benchmark (issue 11: "warm second scan in the same job, data already loaded: ≤ 1.10 × Clair's own
 * index + match time"). One ephemeral Clair started and loaded with the fixture data by the product's own modules
 * (openClairService: pull, start-postgres, start-clair, data-load), then several fixture images scanned one after
 * the other through the product path (scanImage with scan()'s ImageContext: export/spool, index, coverage proof,
 * match, normalize, compliance), each followed by its reports (policy + writeReports, as a one-image run writes
 * them).
 *
 * Baseline: a twin Clair (same images, same data, started and loaded the same way) indexes and matches the same
 * layers by raw API calls (POST index_report + GET vulnerability_report with our PSK-signing client, a fresh
 * manifest digest, layers pre-extracted and served as plain files — not timed), image by image, interleaved with
 * ours (who goes first alternates) so both Clairs do the full work for each image and share the machine's load
 * alike. Both are warmed with one image first (not measured): the first index after start pays one-time costs.
 * Also timed: the Docker daemon's own `docker save` of each image (read and dropped), the floor of our export.
 *
 * Re-scans (issue 23): each image is then scanned again through the same path, on the Clair that just indexed it:
 * clair-scan asks Clair before exporting (image/known.ts) and exports nothing. Goals: the re-scan ≤ Clair's own
 * match (GET vulnerability_report of the already indexed manifest on the twin, timed right after) + 0.3 s, and the
 * first scan ≤ 1.15 × (docker save + Clair's own index + match). The exports of each re-scan are counted.
 *
 * Prints, per image: our total (scanImage + its reports), Clair's own index + match, the ratio, and our phases;
 * then the sums and the peak RSS of this process.
 * Run: `npx tsx bench/warm-scan.ts [--runs 3] [image …]` (after `bash scripts/test-env.sh up` and the fixtures).
 * Leaves nothing behind (containers by run label, temp dirs).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseSettings, type Settings } from '../src/inputs/settings';
import { startRun } from '../src/environment/run';
import { openClairService, type ClairService } from '../src/environment';
import { vulnDataLoader } from '../src/data';
import { openLayerServer } from '../src/image';
import type { LayerServer } from '../src/image/layer-server';
import { scanImage, scanResult, type ImageContext } from '../src/scan';
import { evaluatePolicy } from '../src/policy';
import { writeReports } from '../src/report';
import { DockerClient } from '../src/environment/docker';
import { startPostgres } from '../src/environment/postgres';
import { startClair, type ClairContainer } from '../src/environment/clair-container';
import { importBundle } from '../src/environment/vuln-data';
import { newRunId } from '../src/environment/run-state';
import { cleanupRun } from '../src/environment/cleanup';
import { ClairClient } from '../src/clair/client';
import { setLogger } from '../src/util/log';
import { daemonExportCount } from '../src/image/docker-daemon';

const REPO = path.resolve(__dirname, '..');
const BUNDLE = path.join(REPO, '.testenv/fixtures/vulns.jsonl');
const fixture = (n: string): string => (n.includes('/') ? n : `localhost/clair-scan-fixture/${n}:1`);
const PHASES = ['image-export', 'index', 'data', 'match', 'normalize', 'compliance', 'policy', 'reports'] as const;
const LABEL: Record<string, string> = { 'image-export': 'export', data: 'coverage' };

setLogger({
  info: () => undefined,
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

interface LayerFile {
  file: string;
  digest: string;
}

/** The layer tars of a daemon image (docker save, extracted; not timed). */
function savedLayers(image: string, dir: string): LayerFile[] {
  const out = path.join(dir, image.replace(/[^a-z0-9]+/g, '_'));
  fs.mkdirSync(out, { recursive: true });
  execFileSync('sh', ['-c', `docker save "$1" | tar -x -C "$2"`, 'sh', image, out]);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
  return manifest[0].Layers.map((l) => {
    const file = path.join(out, l);
    const hash = createHash('sha256');
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf)) > 0;) hash.update(buf.subarray(0, n));
    fs.closeSync(fd);
    return { file, digest: `sha256:${hash.digest('hex')}` };
  });
}

/** Clair's own cost for one image: index + match by raw API calls on a fresh manifest digest. */
async function rawScan(
  client: ClairClient,
  base: string,
  layers: LayerFile[],
  key: string,
): Promise<{ index: number; match: number }> {
  const hash = `sha256:${createHash('sha256').update(key).digest('hex')}`;
  const t0 = process.hrtime.bigint();
  await client.index({
    hash,
    layers: layers.map((l) => ({ hash: l.digest, uri: base + l.digest.slice(7), headers: {} })),
  });
  const t1 = process.hrtime.bigint();
  const vr = await client.vulnerabilityReport(hash);
  const t2 = process.hrtime.bigint();
  if (vr.status !== 'ok') throw new Error(`raw match: ${vr.status}`);
  return { index: Number(t1 - t0) / 1e9, match: Number(t2 - t1) / 1e9 };
}

interface Row {
  image: string;
  ours: number;
  raw: { index: number; match: number };
  phases: Record<string, number>;
  /** The Docker daemon's own export of the image (docker save, read and dropped): the floor of our export phase. */
  save: number;
  findings: number;
  /** The second scan of the same image (Clair knows it): total, and the daemon exports it made (0 expected). */
  rescan: number;
  rescanExports: number;
  /** The re-scan's phases (what its time over Clair's match is spent on). */
  rephases: Record<string, number>;
  /** Clair's own match of the already indexed manifest on the twin, timed beside the re-scan. */
  rematch: number;
}

async function once(
  round: number,
  images: string[],
  warmup: string,
  env: { clairImage: string; postgresImage: string },
  tmp: string,
): Promise<Row[]> {
  const out = path.join(tmp, 'out');
  const inputs: Record<string, string> = {
    image: [warmup, ...images].join('\n'),
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': BUNDLE,
    'output-dir': out,
    'severity-threshold': 'none',
  };
  const settings: Settings = parseSettings((n) => inputs[n]);
  const run = startRun(settings);
  const rawRunId = newRunId();
  const docker = new DockerClient();
  let service: ClairService | undefined;
  let server: LayerServer | undefined;
  let twin: ClairContainer | undefined;
  let files: http.Server | undefined;
  let rawClient: ClairClient | undefined;
  try {
    // Ours: the product's Clair (data loaded by the product's data-load phase) and layer server, as scan() opens them.
    service = await openClairService(settings, run.docker, run.state, run.time, vulnDataLoader(settings, run.state));
    const opened = service;
    const layers = (server = await openLayerServer(settings, opened, run.docker));
    const ctx: ImageContext = {
      settings,
      env: opened,
      state: run.state,
      docker: run.docker,
      time: run.time,
      lease: (image) => ({
        urls: layers.publish(image.layers),
        release: async () => {
          layers.unpublish(image.layers);
          await image.close();
        },
      }),
    };
    // The twin Clair for raw API calls, loaded with the same data.
    const pg = await startPostgres(docker, { image: env.postgresImage, runId: rawRunId, timeoutMs: 180000 });
    twin = await startClair(docker, {
      image: env.clairImage,
      runId: rawRunId,
      connString: pg.connString,
      listenHost: '127.0.0.1',
      airgap: true,
      timeoutMs: 180000,
      requestTimeoutMs: 600000,
    });
    await importBundle(docker, twin.container, BUNDLE, 180000);
    const byDigest = new Map<string, string>();
    const layerFiles = new Map<string, LayerFile[]>();
    for (const img of [warmup, ...images]) {
      const ls = savedLayers(img, path.join(tmp, 'raw'));
      layerFiles.set(img, ls);
      for (const l of ls) byDigest.set(l.digest.slice(7), l.file);
    }
    files = http.createServer((req, res) => {
      const file = byDigest.get((req.url ?? '').slice(1));
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': fs.statSync(file).size });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => (files as http.Server).listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}/`;
    rawClient = new ClairClient({ url: twin.url, psk: twin.psk, requestTimeoutMs: 600000 });

    const rows: Row[] = [];
    for (const [i, req] of settings.images.entries()) {
      const before = { ...run.timings };
      const rawNow = (): Promise<{ index: number; match: number }> =>
        rawScan(rawClient as ClairClient, base, layerFiles.get(req.input) as LayerFile[], `${rawRunId} ${req.input}`);
      // Who goes first alternates (by run and image): the one after pays the other's disk writeback, caches warm.
      const rawFirst = (round + i) % 2 === 1;
      const early = rawFirst ? await rawNow() : undefined;
      const t0 = process.hrtime.bigint();
      const result = await scanImage(ctx, req, 'docker');
      // Its reports, as a run of this image writes them.
      const single = scanResult(opened, new Date(), [result]);
      single.verdict = await run.time('policy', () => evaluatePolicy(single, settings.policy));
      await run.time('reports', () =>
        writeReports(single, { ...settings.reports, outputDir: path.join(out, String(i)) }),
      );
      const ours = Number(process.hrtime.bigint() - t0) / 1e9;
      const raw = early ?? (await rawNow());
      // The re-scan: the same image again through the same path and reports, and Clair's own match of it (raw).
      const exportsBefore = daemonExportCount();
      const rawMatch = async (): Promise<number> => {
        const m0 = process.hrtime.bigint();
        const vr = await (rawClient as ClairClient).vulnerabilityReport(
          `sha256:${createHash('sha256').update(`${rawRunId} ${req.input}`).digest('hex')}`,
        );
        if (vr.status !== 'ok') throw new Error(`raw re-match: ${vr.status}`);
        return Number(process.hrtime.bigint() - m0) / 1e9;
      };
      const matchFirst = rawFirst ? await rawMatch() : undefined;
      const beforeAgain = { ...run.timings };
      const rephases: Record<string, number> = {};
      const r0 = process.hrtime.bigint();
      const again = await scanImage(ctx, req, 'docker');
      rephases.scanImage = Number(process.hrtime.bigint() - r0) / 1e9;
      const re = scanResult(opened, new Date(), [again]);
      re.verdict = await run.time('policy', () => evaluatePolicy(re, settings.policy));
      await run.time('reports', () =>
        writeReports(re, { ...settings.reports, outputDir: path.join(out, `${i}-again`) }),
      );
      for (const p of PHASES) rephases[p] = (run.timings[p] ?? 0) - (beforeAgain[p] ?? 0);
      const rescan = Number(process.hrtime.bigint() - r0) / 1e9;
      const rescanExports = daemonExportCount() - exportsBefore;
      const rematch = matchFirst ?? (await rawMatch());
      if (again.vulnerabilities.length !== result.vulnerabilities.length)
        throw new Error(
          `${req.input}: the re-scan found ${again.vulnerabilities.length} vulnerabilities, the first scan ${result.vulnerabilities.length}`,
        );
      if (i === 0) continue; // warm-up
      const s0 = process.hrtime.bigint();
      await pipeline(await docker.exportImage(req.input), new Writable({ write: (_c, _e, cb) => cb() }));
      const save = Number(process.hrtime.bigint() - s0) / 1e9;
      const phases: Record<string, number> = {};
      for (const p of PHASES) phases[p] = (run.timings[p] ?? 0) - (before[p] ?? 0);
      rows.push({
        image: req.input,
        ours,
        raw,
        phases,
        save,
        findings: result.vulnerabilities.length,
        rescan,
        rescanExports,
        rematch,
        rephases,
      });
    }
    return rows;
  } finally {
    await rawClient?.close();
    files?.close();
    await twin?.client.close();
    await cleanupRun({ runId: rawRunId, tempDirs: [] });
    await run.end({ first: server, clair: service });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '3' }, warmup: { type: 'string', default: 'clean' } },
  });
  const images = (positionals.length ? positionals : ['debian-vuln', 'alpine', 'python', 'bookworm', 'large']).map(
    fixture,
  );
  const env = JSON.parse(fs.readFileSync(path.join(REPO, '.testenv/env.json'), 'utf8')) as {
    clairImage: string;
    postgresImage: string;
  };
  const runs: Row[][] = [];
  for (let r = 0; r < Number(values.runs); r++) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-warm-'));
    try {
      const rows = await once(r, images, fixture(String(values.warmup)), env, tmp);
      runs.push(rows);
      const sum = rows.reduce((a, x) => ({ ours: a.ours + x.ours, raw: a.raw + x.raw.index + x.raw.match }), {
        ours: 0,
        raw: 0,
      });
      console.log(
        `run ${r + 1}: ours ${sum.ours.toFixed(2)} s, Clair's own index+match ${sum.raw.toFixed(2)} s, ratio ${(sum.ours / sum.raw).toFixed(2)}`,
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  console.log(
    `\nwarm scans, one ephemeral Clair with the fixture data loaded once; median of ${runs.length} run(s), seconds:`,
  );
  const head = [
    'image'.padEnd(44),
    'ours'.padStart(6),
    'clair'.padStart(6),
    'ratio'.padStart(6),
    'over'.padStart(6),
    'r-exp'.padStart(6),
    'save'.padStart(6),
    ...PHASES.map((p) => (LABEL[p] ?? p).padStart(9)),
  ];
  console.log(head.join(' '));
  const med = (f: (row: Row) => number, i: number): number => median(runs.map((rs) => f(rs[i])));
  let sumOurs = 0;
  let sumRaw = 0;
  let sumExport = 0;
  images.forEach((img, i) => {
    const ours = med((r) => r.ours, i);
    const raw = med((r) => r.raw.index + r.raw.match, i);
    sumOurs += ours;
    sumRaw += raw;
    sumExport += med((r) => r.phases['image-export'], i);
    console.log(
      [
        `${img.replace('localhost/clair-scan-fixture/', '')} (${runs[0][i].findings} findings)`.padEnd(44),
        ours.toFixed(2).padStart(6),
        raw.toFixed(2).padStart(6),
        med((r) => r.ours / (r.raw.index + r.raw.match), i)
          .toFixed(2)
          .padStart(6),
        med((r) => r.ours - r.raw.index - r.raw.match, i)
          .toFixed(2)
          .padStart(6),
        med((r) => (r.ours - r.phases['image-export']) / (r.raw.index + r.raw.match), i)
          .toFixed(2)
          .padStart(6),
        med((r) => r.save, i)
          .toFixed(2)
          .padStart(6),
        ...PHASES.map((p) =>
          med((r) => r.phases[p], i)
            .toFixed(3)
            .padStart(9),
        ),
      ].join(' '),
    );
  });
  console.log(
    `${'all images'.padEnd(44)} ${sumOurs.toFixed(2).padStart(6)} ${sumRaw.toFixed(2).padStart(6)} ${(sumOurs / sumRaw).toFixed(2).padStart(6)} ${(sumOurs - sumRaw).toFixed(2).padStart(6)} ${((sumOurs - sumExport) / sumRaw).toFixed(2).padStart(6)}   (goal: ratio ≤ 1.10)`,
  );
  console.log(
    `(ours = scanImage + the image's policy and reports; clair = index + match by raw API calls on a twin Clair; over = ours − clair;`,
  );
  console.log(
    ` r-exp = (ours − export) / clair: the ratio without getting the layers out of the Docker daemon, which Clair's figure leaves out;`,
  );
  console.log(
    ` save = the Docker daemon's own docker save of the image, read and dropped: the floor of the export phase)`,
  );
  console.log(
    `\nissue 23 goals, medians, seconds (first = the first scan above, save+clair = docker save + Clair's own index + match):`,
  );
  console.log(
    [
      'image'.padEnd(30),
      'rescan'.padStart(7),
      'match'.padStart(7),
      'over'.padStart(6),
      'exports'.padStart(8),
      'first'.padStart(6),
      'save+clair'.padStart(11),
      'ratio'.padStart(6),
      'scanImage'.padStart(10),
      ...PHASES.map((p) => `re-${LABEL[p] ?? p}`.padStart(12)),
      '  rescan per run',
    ].join(' '),
  );
  images.forEach((img, i) => {
    const rescan = med((r) => r.rescan, i);
    const rematch = med((r) => r.rematch, i);
    const first = med((r) => r.ours, i);
    const floor = med((r) => r.save + r.raw.index + r.raw.match, i);
    console.log(
      [
        img.replace('localhost/clair-scan-fixture/', '').padEnd(30),
        rescan.toFixed(3).padStart(7),
        rematch.toFixed(3).padStart(7),
        med((r) => r.rescan - r.rematch, i)
          .toFixed(3)
          .padStart(6),
        String(Math.max(...runs.map((rs) => rs[i].rescanExports))).padStart(8),
        first.toFixed(2).padStart(6),
        floor.toFixed(2).padStart(11),
        med((r) => r.ours / (r.save + r.raw.index + r.raw.match), i)
          .toFixed(2)
          .padStart(6),
        med((r) => r.rephases.scanImage, i)
          .toFixed(3)
          .padStart(10),
        ...PHASES.map((p) =>
          med((r) => r.rephases[p], i)
            .toFixed(3)
            .padStart(12),
        ),
        `  ${runs.map((rs) => rs[i].rescan.toFixed(3)).join(' ')}`,
      ].join(' '),
    );
  });
  console.log(
    '(goals: re-scan over = rescan − match ≤ 0.3 s with 0 exports; first-scan ratio = first / (save + index + match) ≤ 1.15)',
  );
  console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
