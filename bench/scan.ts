/**
 * Scan benchmark: one full ephemeral scan of the largest fixture image, phase by phase, with peak memory;
 * then the same index + match done by raw API calls against a fresh Clair, as the baseline of what Clair itself
 * costs. Run: `npx tsx bench/scan.ts [image]` (after `bash scripts/test-env.sh up`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { parseSettings } from '../src/inputs/settings';
import { scan } from '../src/scan';
import { DockerClient } from '../src/environment/docker';
import { startPostgres } from '../src/environment/postgres';
import { startClair } from '../src/environment/clair-container';
import { importBundle } from '../src/environment/vuln-data';
import { newRunId } from '../src/environment/run-state';
import { cleanupRun } from '../src/environment/cleanup';
import { setLogger } from '../src/util/log';

const repo = path.resolve(__dirname, '..');
const env = JSON.parse(fs.readFileSync(path.join(repo, '.testenv/env.json'), 'utf8')) as {
  clairImage: string;
  postgresImage: string;
};
const bundle = path.join(repo, '.testenv/fixtures/vulns.jsonl');
const image = process.argv[2] ?? 'localhost/clair-scan-fixture/large:1';
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;

setLogger({
  info: () => undefined,
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: () => undefined,
  mask: () => undefined,
});

async function ours(): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-'));
  const inputs: Record<string, string> = {
    image,
    'clair-image': env.clairImage,
    'postgres-image': env.postgresImage,
    pull: 'never',
    'vuln-data': bundle,
    'output-dir': out,
    'severity-threshold': 'none',
  };
  const t0 = Date.now();
  const o = await scan(parseSettings((n) => inputs[n]));
  const total = (Date.now() - t0) / 1000;
  const img = o.result.images[0];
  const size = img.image.layers.reduce((s, l) => s + (l.size ?? 0), 0);
  console.log(
    `clair-scan, ephemeral Clair, ${image}: ${img.image.layers.length} layers, ${mib(size)}, ${img.packages.length} packages, ${img.vulnerabilities.length} findings`,
  );
  const order = [
    'pull',
    'start-postgres',
    'start-clair',
    'data-load',
    'layer-server',
    'image-export',
    'index',
    'data',
    'match',
    'normalize',
    'compliance',
    'policy',
    'reports',
    'cleanup',
  ];
  const label: Record<string, string> = {
    'start-postgres': 'start PostgreSQL (until pg_isready)',
    'start-clair': 'start Clair (until /readyz)',
    'data-load': 'data load (clairctl import-updaters)',
    'image-export': 'layer export + spool (docker save → disk)',
    index: 'index (Clair fetches layers from our server)',
    data: 'data coverage proof',
    match: 'match (vulnerability report)',
  };
  for (const k of order)
    if (o.timings[k] !== undefined)
      console.log(`  ${(label[k] ?? k).padEnd(48)} ${o.timings[k].toFixed(2).padStart(7)} s`);
  console.log(`  ${'total'.padEnd(48)} ${total.toFixed(2).padStart(7)} s`);
  console.log(
    `  peak RSS of this process: ${mib(process.resourceUsage().maxRSS * 1024)} (largest layer ${mib(Math.max(...img.image.layers.map((l) => l.size ?? 0)))})`,
  );
  fs.rmSync(out, { recursive: true, force: true });
}

/** The same index + match with nothing but HTTP calls: layers pre-extracted to disk, a bare static server. */
async function raw(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-bench-raw-'));
  const runId = newRunId();
  const docker = new DockerClient();
  try {
    execFileSync('sh', ['-c', `docker save '${image}' | tar -x -C '${dir}'`]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))[0] as { Layers: string[] };
    const layers = manifest.Layers.map((p) => {
      const file = path.join(dir, p);
      const hash = createHash('sha256');
      hash.update(fs.readFileSync(file));
      return { file, digest: `sha256:${hash.digest('hex')}` };
    });
    const server = http.createServer((req, res) => {
      const l = layers.find((x) => req.url === `/${x.digest}`);
      if (!l) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      fs.createReadStream(l.file).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const pg = await startPostgres(docker, { image: env.postgresImage, runId, timeoutMs: 120000 });
    const clair = await startClair(docker, {
      image: env.clairImage,
      runId,
      connString: pg.connString,
      listenHost: '127.0.0.1',
      airgap: true,
      timeoutMs: 120000,
      requestTimeoutMs: 600000,
    });
    await importBundle(docker, clair.container, bundle, 120000);
    const hash = `sha256:${createHash('sha256').update(runId).digest('hex')}`;
    const t0 = Date.now();
    const idx = await fetch(`${clair.url}/indexer/api/v1/index_report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hash,
        layers: layers.map((l) => ({ hash: l.digest, uri: `http://127.0.0.1:${port}/${l.digest}`, headers: {} })),
      }),
    });
    await idx.text();
    const t1 = Date.now();
    const vr = await fetch(`${clair.url}/matcher/api/v1/vulnerability_report/${hash}`);
    await vr.text();
    const t2 = Date.now();
    console.log(`raw API calls, fresh Clair, same image (layers pre-extracted, not timed):`);
    console.log(
      `  ${'index (POST index_report)'.padEnd(48)} ${((t1 - t0) / 1000).toFixed(2).padStart(7)} s  (HTTP ${idx.status})`,
    );
    console.log(
      `  ${'match (GET vulnerability_report)'.padEnd(48)} ${((t2 - t1) / 1000).toFixed(2).padStart(7)} s  (HTTP ${vr.status})`,
    );
    await clair.client.close();
    server.close();
  } finally {
    await cleanupRun({ runId, tempDirs: [dir] });
  }
}

(async () => {
  await ours();
  await raw();
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
