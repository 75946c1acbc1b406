/**
 * Batch benchmark (issue 13): 50 generated fixture images — a few shared base layers (the fixtures' Debian with
 * vulnerable packages, clean Debian, Alpine with vulnerable packages), one shared 2 MiB "runtime" layer, and a
 * distinct 1 MiB top layer per image — written as docker-save archives on disk, scanned by batch mode against a
 * warm Clair (started once, data loaded, one warm-up image) at concurrency 1, 2 and 4.
 *
 * Baseline, in the same run: for each concurrency a twin set of 50 images (same shape, other top layers, so Clair
 * does the same work and nothing is cached for either set) indexed and matched by raw API calls at the SAME
 * concurrency as the batch (N workers, each index + match one image after the other; layers served as plain files
 * by a bare HTTP server): its wall time is what the batch's wall time is compared with (issue 23: ≤ 1.15×).
 * Both sides are measured warm: before the table, the raw client indexes a 5-image warm-up set (Clair sees the base
 * layers once) and one 5-image batch runs (this process loads and compiles the batch's modules once — under tsx that
 * is TypeScript transpiling, which the bundled CLI does not do; its time is printed, not in the ratio). The batch
 * does all its usual work (archive read and hashed, layer server, data check, policy, JSON report per image).
 * `--rounds` rounds, raw and batch in alternating order, fresh sets each: medians (the machine is shared); wall/raw is
 * the median of the rounds' own ratios (each round's raw and batch ran back to back), every round's ratio printed.
 *
 * Re-scans (`--rescan 20`, issue 23): the 50 images loaded into the Docker daemon, 20 of them scanned once before
 * (Clair knows them), then all 50 scanned as daemon images by one batch: images/min with the known-manifest check
 * (image/known.ts: the 20 are not exported) against the same batch as it ran before it ("today": every image
 * exported; the check answered "unknown" in this process), each preceded by deleting the 50 manifests from Clair
 * and re-scanning the same 20, so both runs find Clair in the same state. Exports counted.
 *
 * Prints images/minute, the marginal cost per image (slope of the finish times from the 10th to the 50th image),
 * CPU seconds of this process per image, bytes the layer server sent, and batch wall / raw sum.
 * Run: `npx tsx bench/batch.ts [--images 50] [--concurrency 1,2,4]` (after `bash scripts/test-env.sh up` and the
 * fixtures). Leaves nothing behind (containers by run label, the temp dir). `--profile DIR`: a V8 CPU profile of this
 * process during each measured batch only (node:inspector), DIR/batch-c<N>-r<R>.cpuprofile, for where our CPU goes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import * as inspector from 'node:inspector';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createHash, createCipheriv } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { DockerClient } from '../src/environment/docker';
import { startPostgres } from '../src/environment/postgres';
import { startClair, ClairContainer } from '../src/environment/clair-container';
import { importBundle } from '../src/environment/vuln-data';
import { newRunId } from '../src/environment/run-state';
import { cleanupRun } from '../src/environment/cleanup';
import { ClairClient } from '../src/clair/client';
import { setLogger } from '../src/util/log';
import { runBatch } from '../src/batch/run';
import { daemonExportCount } from '../src/image/docker-daemon';
import { signPskJwt } from '../src/clair/client';

const REPO = path.resolve(__dirname, '..');
const BUNDLE = path.join(REPO, '.testenv/fixtures/vulns.jsonl');
const fixture = (n: string): string => `localhost/clair-scan-fixture/${n}:1`;
const MIB = 1 << 20;

setLogger({
  info: () => undefined,
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

interface LayerFile {
  file: string;
  digest: string;
  size: number;
}

function sha256File(file: string): string {
  return `sha256:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
}

/** A layer tar with DIR/ and DIR/blob.bin: `mib` MiB of incompressible bytes keyed by `seed`. */
async function blobLayer(file: string, dir: string, mib: number, seed: string): Promise<LayerFile> {
  const pack = tar.pack();
  const mtime = new Date(1700000000 * 1000);
  pack.entry({ name: `${dir}/`, type: 'directory', mode: 0o755, mtime });
  const key = createHash('sha256').update(`bench ${seed}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16, 0));
  pack.entry(
    { name: `${dir}/blob.bin`, mode: 0o644, mtime },
    Buffer.concat([cipher.update(Buffer.alloc(mib * MIB)), cipher.final()]),
  );
  pack.finalize();
  await pipeline(pack, fs.createWriteStream(file));
  return { file, digest: sha256File(file), size: fs.statSync(file).size };
}

/** The layer tars of a daemon image (docker save, legacy layout). */
function baseLayers(image: string, dir: string): LayerFile[] {
  const out = path.join(dir, image.replace(/[^a-z0-9]+/g, '_'));
  fs.mkdirSync(out, { recursive: true });
  const saved = path.join(out, 'save.tar');
  execFileSync('docker', ['save', '-o', saved, image]);
  execFileSync('tar', ['-xf', saved, '-C', out]);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { Layers: string[] }[];
  return manifest[0].Layers.map((l) => {
    const file = path.join(out, l);
    return { file, digest: sha256File(file), size: fs.statSync(file).size };
  });
}

interface BenchImage {
  archive: string;
  layers: LayerFile[];
  vulnerable: boolean;
}

/** n images: base (by i % 5: clean, clean, debian-vuln, alpine, clean) + runtime + a top layer of their own. */
async function makeSet(
  dir: string,
  set: string,
  n: number,
  bases: Record<string, LayerFile[]>,
  runtime: LayerFile,
): Promise<BenchImage[]> {
  fs.mkdirSync(dir, { recursive: true });
  const kinds = ['clean', 'clean', 'debian-vuln', 'alpine', 'clean'];
  const images: BenchImage[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length];
    const top = await blobLayer(path.join(dir, `top-${i}.tar`), `app/${set}-${i}`, 1, `${set}-${i}`);
    const layers = [...bases[kind], runtime, top];
    const archive = path.join(dir, `img-${i}.tar`);
    execFileSync(
      'node',
      [
        path.join(REPO, 'scripts/fixtures/make-image-archive.js'),
        '--out',
        archive,
        '--tag',
        `localhost/bench/${set}-${kind}:${i}`,
        ...layers.flatMap((l) => ['--layer', `file:${l.file}`]),
      ],
      { stdio: 'pipe' },
    );
    images.push({ archive, layers, vulnerable: kind !== 'clean' });
  }
  return images;
}

/**
 * Clair's own cost: index + match by raw API calls, layers served as plain files; `concurrency` workers, each taking
 * the next image (the batch's own queue). index/match: summed over images; wall: the whole run.
 */
async function rawBaseline(
  clair: ClairContainer,
  images: BenchImage[],
  set: string,
  concurrency = 1,
): Promise<{ index: number; match: number; wall: number }> {
  const files = new Map<string, string>();
  for (const img of images) for (const l of img.layers) files.set(l.digest.slice(7), l.file);
  const server = http.createServer((req, res) => {
    const file = files.get((req.url ?? '').slice(1));
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': fs.statSync(file).size });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const client = new ClairClient({ url: clair.url, psk: clair.psk, requestTimeoutMs: 600000 });
  let index = 0;
  let match = 0;
  let next = 0;
  const w0 = process.hrtime.bigint();
  try {
    const worker = async (): Promise<void> => {
      while (next < images.length) {
        const img = images[next++];
        const hash = `sha256:${createHash('sha256').update(`${set} ${img.archive}`).digest('hex')}`;
        const t0 = process.hrtime.bigint();
        await client.index({
          hash,
          layers: img.layers.map((l) => ({ hash: l.digest, uri: base + l.digest.slice(7), headers: {} })),
        });
        const t1 = process.hrtime.bigint();
        const vr = await client.vulnerabilityReport(hash);
        const t2 = process.hrtime.bigint();
        if (vr.status !== 'ok') throw new Error(`raw match: ${vr.status}`);
        index += Number(t1 - t0) / 1e9;
        match += Number(t2 - t1) / 1e9;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, images.length) }, () => worker()));
  } finally {
    await client.close();
    server.close();
  }
  return { index, match, wall: Number(process.hrtime.bigint() - w0) / 1e9 };
}

/** One batch over `images` (inputs as a user writes them); fails the bench on any errored image. */
async function batchOnce(
  clair: ClairContainer,
  images: string[],
  c: number,
  out: string,
  listFile: string,
): Promise<{ wall: number; entries: { image: string; digest?: string }[] }> {
  fs.writeFileSync(listFile, images.join('\n'));
  const inputs: Record<string, string> = {
    'images-file': listFile,
    'clair-url': clair.url,
    'clair-psk': clair.psk,
    concurrency: String(c),
    formats: 'json',
    'severity-threshold': 'none',
    'fail-on': 'high>0 || medium>=3',
    'output-dir': out,
  };
  const t0 = process.hrtime.bigint();
  const o = await runBatch((k) => inputs[k]);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (o.summary.totals.errored)
    throw new Error(
      `batch: ${o.summary.totals.errored} images errored: ${o.summary.images.find((e) => e.error)?.error?.message}`,
    );
  fs.rmSync(out, { recursive: true, force: true });
  return { wall, entries: o.summary.images };
}

/**
 * The re-scan scenario (see the header): n daemon images, `known` of them indexed before; the batch with the
 * known-manifest check and "today's" batch (check answering unknown), `rounds` times alternating, medians.
 */
async function rescanScenario(
  clair: ClairContainer,
  tmp: string,
  n: number,
  known: number,
  c: number,
  rounds: number,
  bases: Record<string, LayerFile[]>,
  runtime: LayerFile,
): Promise<string[]> {
  const set = await makeSet(path.join(tmp, 'daemon'), 'daemon', n, bases, runtime);
  const refs: string[] = [];
  for (const [i, img] of set.entries()) {
    execFileSync('docker', ['load', '-q', '-i', img.archive], { stdio: 'pipe' });
    refs.push(`docker:localhost/bench/daemon-${['clean', 'clean', 'debian-vuln', 'alpine', 'clean'][i % 5]}:${i}`);
  }
  const api = ClairClient.prototype as unknown as { storedIndexReport: (h: string) => Promise<unknown> };
  const withCheck = api.storedIndexReport;
  const out = path.join(tmp, 'rescan-out');
  const list = path.join(tmp, 'rescan.txt');
  let digests: string[] = [];
  const results: Record<'today' | 'known', { wall: number; exports: number }[]> = { today: [], known: [] };
  try {
    for (let r = 0; r < rounds * 2; r++) {
      const mode: 'today' | 'known' = r % 2 === 0 ? 'today' : 'known';
      // Clair in the same state before each run: none of the n manifests, then the same `known` images indexed.
      if (digests.length) {
        const res = await fetch(`${clair.url}/indexer/api/v1/index_report`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${signPskJwt(clair.psk)}`, 'content-type': 'application/json' },
          body: JSON.stringify(digests),
        });
        if (res.status !== 200) throw new Error(`deleting the manifests: HTTP ${res.status}`);
      }
      await batchOnce(clair, refs.slice(0, known), c, out, list);
      if (mode === 'today') api.storedIndexReport = async () => undefined;
      const e0 = daemonExportCount();
      try {
        const b = await batchOnce(clair, refs, c, out, list);
        digests = b.entries.map((e) => e.digest).filter((d): d is string => !!d);
        results[mode].push({ wall: b.wall, exports: daemonExportCount() - e0 });
      } finally {
        api.storedIndexReport = withCheck;
      }
    }
  } finally {
    api.storedIndexReport = withCheck;
    for (let i = 0; i < n; i++) {
      try {
        execFileSync('docker', ['rmi', '-f', refs[i].slice('docker:'.length)], { stdio: 'pipe' });
      } catch {
        // already gone
      }
    }
  }
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const line = (m: 'today' | 'known'): string => {
    const wall = med(results[m].map((x) => x.wall));
    return `  ${m === 'known' ? 'with the known-manifest check' : 'today (every image exported)  '}: ${wall.toFixed(1)} s, ${((n / wall) * 60).toFixed(1)} images/min, exports ${results[m].map((x) => x.exports).join('/')}`;
  };
  return [
    `re-scans: ${n} daemon images at concurrency ${c}, ${known} of them indexed before, median of ${rounds} run(s) each (alternating):`,
    line('today'),
    line('known'),
  ];
}

/** This process's GC pauses (perf_hooks 'gc' entries), to tell how much of the batch's CPU time they are. */
const gcEntries: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcEntries.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

/** The GC pauses that began between `from` and `to` (performance.now()). */
function gcPauses(from: number, to: number): { count: number; ms: number } {
  const g = gcEntries.filter((e) => e.start >= from && e.start < to);
  return { count: g.length, ms: g.reduce((a, e) => a + e.ms, 0) };
}

/** The V8 CPU profiler of this process (node:inspector), started now; `stop` writes the profile to `file`. */
async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((ok, fail) => session.post(method, params, (err, res) => (err ? fail(err) : ok(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      images: { type: 'string', default: '50' },
      concurrency: { type: 'string', default: '1,2,4' },
      rescan: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '3' },
      // A CPU profile of this process during each measured batch (not the raw side): DIR/batch-c<N>-r<R>.cpuprofile.
      profile: { type: 'string' },
    },
  });
  const n = Number(values.images);
  const levels = String(values.concurrency).split(',').map(Number);
  const env = JSON.parse(fs.readFileSync(path.join(REPO, '.testenv/env.json'), 'utf8')) as {
    clairImage: string;
    postgresImage: string;
  };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-batch-'));
  const runId = newRunId();
  const docker = new DockerClient();
  try {
    const g0 = Date.now();
    const bases = {
      clean: baseLayers(fixture('clean'), tmp),
      'debian-vuln': baseLayers(fixture('debian-vuln'), tmp),
      alpine: baseLayers(fixture('alpine'), tmp),
    };
    const runtime = await blobLayer(path.join(tmp, 'runtime.tar'), 'opt/runtime', 2, 'runtime');
    console.log(
      `fixtures: ${n} images per set (bases: clean ×${Math.ceil((n * 3) / 5)}, debian-vuln ×${Math.ceil((n - 2) / 5)}, alpine ×${Math.ceil((n - 3) / 5)}; + shared 2 MiB runtime + own 1 MiB top layer), generated as docker-save archives`,
    );
    const pg = await startPostgres(docker, { image: env.postgresImage, runId, timeoutMs: 180000 });
    const clair = await startClair(docker, {
      image: env.clairImage,
      runId,
      connString: pg.connString,
      listenHost: '127.0.0.1',
      airgap: true,
      timeoutMs: 180000,
      requestTimeoutMs: 600000,
    });
    await importBundle(docker, clair.container, BUNDLE, 180000);
    // Warm-up: the base and runtime layers are scanned once, as in a Clair that has seen the fleet's bases before.
    const warm = await makeSet(path.join(tmp, 'warm'), 'warm', 5, bases, runtime);
    await rawBaseline(clair, warm, 'warm');
    console.log(
      `warm Clair (v4.9.0 combo, fixture data, bases scanned once) ready; setup ${((Date.now() - g0) / 1000).toFixed(0)} s\n`,
    );

    // The batch's own warm-up (see the header): a set of its own, not in the table.
    {
      const set = await makeSet(path.join(tmp, 'batch-warm'), 'batchwarm', 5, bases, runtime);
      const w = await batchOnce(
        clair,
        set.map((i) => `archive:${i.archive}`),
        1,
        path.join(tmp, 'out-warm'),
        path.join(tmp, 'batch-warm.txt'),
      );
      console.log(
        `first batch of this process (5 images, module loading and compiling; not in the table): ${w.wall.toFixed(1)} s\n`,
      );
      fs.rmSync(path.join(tmp, 'batch-warm'), { recursive: true, force: true });
    }

    const rounds = Number(values.rounds);
    type Run = { wall: number; raw: { index: number; match: number; wall: number }; cpu: number; marginal: number };
    const runs = new Map<number, Run[]>(levels.map((c) => [c, []]));
    const last = new Map<number, { o: Awaited<ReturnType<typeof runBatch>>; allBytes: number; failed: number }>();
    for (let r = 0; r < rounds; r++) {
      for (const c of levels) {
        const twin = await makeSet(path.join(tmp, `raw-${c}`), `raw${c}r${r}`, n, bases, runtime);
        const set = await makeSet(path.join(tmp, `batch-${c}`), `batch${c}r${r}`, n, bases, runtime);
        const rawRun = (): ReturnType<typeof rawBaseline> => rawBaseline(clair, twin, `raw${c}r${r}`, c);
        // Alternating order: neither side always runs on the warmer (or busier) machine.
        const rawFirst = r % 2 === 0;
        const raw0 = rawFirst ? await rawRun() : undefined;
        const list = path.join(tmp, `batch-${c}.txt`);
        fs.writeFileSync(list, set.map((i) => `archive:${i.archive}`).join('\n'));
        const out = path.join(tmp, `out-${c}`);
        const inputs: Record<string, string> = {
          'images-file': list,
          'clair-url': clair.url,
          'clair-psk': clair.psk,
          concurrency: String(c),
          formats: 'json',
          'severity-threshold': 'none',
          'fail-on': 'high>0 || medium>=3',
          'output-dir': out,
        };
        const finish: number[] = [];
        const profiler = values.profile ? await startProfile() : undefined;
        const cpu0 = process.cpuUsage();
        const t0 = Date.now();
        const g0 = performance.now();
        const o = await runBatch((k) => inputs[k], { onImage: () => finish.push((Date.now() - t0) / 1000) });
        const wall = (Date.now() - t0) / 1000;
        const cpu = process.cpuUsage(cpu0);
        const gc = gcPauses(g0, performance.now());
        if (profiler) await profiler.stop(path.join(String(values.profile), `batch-c${c}-r${r + 1}.cpuprofile`));
        const raw = raw0 ?? (await rawRun());
        const t = o.summary.totals;
        if (t.errored)
          throw new Error(
            `batch c=${c}: ${t.errored} images errored: ${o.summary.images.find((e) => e.error)?.error?.message}`,
          );
        const expectFail = set.filter((i) => i.vulnerable).length;
        if (t.failed !== expectFail) throw new Error(`batch c=${c}: ${t.failed} failed, expected ${expectFail}`);
        const from = Math.max(1, Math.floor(finish.length / 5)) - 1;
        const marginal = (finish[finish.length - 1] - finish[from]) / (finish.length - 1 - from);
        const allBytes = set.reduce((a, i) => a + i.layers.reduce((b, l) => b + l.size, 0), 0);
        runs.get(c)?.push({ wall, raw, cpu: (cpu.user + cpu.system) / 1e6 / n, marginal });
        last.set(c, { o, allBytes, failed: t.failed });
        console.log(
          `  round ${r + 1}, c=${c}: batch ${wall.toFixed(2)} s, raw ${raw.wall.toFixed(2)} s (${rawFirst ? 'raw first' : 'batch first'}): ${(wall / raw.wall).toFixed(2)}x` +
            ` (batch: cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(1)} ms/img, GC ${gc.count} pauses, ${(gc.ms / n).toFixed(1)} ms/img)`,
        );
        for (const d of [`raw-${c}`, `batch-${c}`, `out-${c}`])
          fs.rmSync(path.join(tmp, d), { recursive: true, force: true });
      }
    }
    console.log('');
    const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    const rows: string[] = [];
    const phases: string[] = [];
    for (const c of levels) {
      const rs = runs.get(c) as Run[];
      const { o, allBytes, failed } = last.get(c) as {
        o: Awaited<ReturnType<typeof runBatch>>;
        allBytes: number;
        failed: number;
      };
      const wall = med(rs.map((x) => x.wall));
      const rawWall = med(rs.map((x) => x.raw.wall));
      rows.push(
        [
          String(c).padStart(11),
          wall.toFixed(1).padStart(8),
          ((n / wall) * 60).toFixed(1).padStart(10),
          med(rs.map((x) => x.marginal))
            .toFixed(2)
            .padStart(9),
          med(rs.map((x) => x.cpu))
            .toFixed(3)
            .padStart(9),
          `${med(rs.map((x) => x.raw.index)).toFixed(1)}+${med(rs.map((x) => x.raw.match)).toFixed(1)}, ${rawWall.toFixed(1)}`.padStart(
            17,
          ),
          // The median of each round's own ratio: raw and batch of one round ran back to back on the same machine state.
          med(rs.map((x) => x.wall / x.raw.wall))
            .toFixed(2)
            .padStart(7),
          `${(o.stats.bytesServed / MIB).toFixed(1)}/${(allBytes / MIB).toFixed(0)} MiB`.padStart(14),
          `${o.stats.layersReused}`.padStart(7),
          `${failed}/${n}`.padStart(6),
        ].join(' '),
      );
      phases.push(
        `  c=${c}: ${Object.entries(o.timings)
          .filter(([, v]) => v >= 0.005)
          .map(([k, v]) => `${k} ${((v / n) * 1000).toFixed(0)}`)
          .join(', ')} (ms per image, summed over images; last round)`,
      );
    }
    console.log(
      `${'concurrency'} ${'wall s'.padStart(8)} ${'images/min'.padStart(10)} ${'marg. s'.padStart(9)} ${'cpu s/img'.padStart(9)} ${'raw idx+mt, wall'.padStart(17)} ${'wall/raw'.padStart(7)} ${'layer bytes sent/all'.padStart(14)} ${'reused'.padStart(7)} ${'vuln'.padStart(6)}`,
    );
    for (const r of rows) console.log(r);
    console.log(
      `\n(medians of ${rounds} round(s); raw = Clair's own index + match for a twin set of ${n} images by raw API calls at the batch's concurrency, same run: summed index + match, then its wall time,`,
    );
    console.log(
      ` and wall/raw the median of the rounds' own batch/raw ratios (goal ≤ 1.15); marg. = slope of finish times, images ${Math.max(1, Math.floor(n / 5))}→${n};`,
    );
    console.log(
      ` layer bytes sent = what the layer server sent to Clair, of all layer bytes the ${n} manifests name; reused = layer uses served by a copy already published)`,
    );
    console.log('phases of clair-scan inside the batch:');
    for (const p of phases) console.log(p);
    if (Number(values.rescan) > 0) {
      console.log('');
      for (const l of await rescanScenario(
        clair,
        tmp,
        n,
        Number(values.rescan),
        Math.max(...levels),
        Number(values.rounds),
        bases,
        runtime,
      ))
        console.log(l);
    }
    console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await cleanupRun({ runId, tempDirs: [tmp] });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
