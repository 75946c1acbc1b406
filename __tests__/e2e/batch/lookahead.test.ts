/**
 * Batch look-ahead (issue 23, batch/run.ts openAhead, afterMatch): each worker reads and hashes its next archive file
 * while Clair indexes its current image, and goes on to the next image's Clair work while the current one's verdict
 * and reports are written, so at concurrency 1 our local work overlaps Clair's instead of adding to it — and Clair
 * still never gets more than one index call per worker at a time, nor a worker more than two images. A real Clair (fixture data), docker-save
 * archives of the fixtures; findings exact and the same as without look-ahead would give (FIXTURES.md).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClairClient } from '../../../src/clair/client';
import * as archive from '../../../src/image/archive';
import * as report from '../../../src/report';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { runBatch } from '../../../src/batch/run';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, docker, fixture, leftoverContainers } from '../scan/helpers';

const env = loadTestEnv();
const runId = newRunId();
let clair: ClairContainer;
const dir = testTempDir('cs-e2e-lookahead-');
const runIds: string[] = [];

beforeAll(async () => {
  const d = new DockerClient();
  const pg = await startPostgres(d, { image: env.postgresImage, runId, timeoutMs: 120000 });
  clair = await startClair(d, {
    image: env.clairImage,
    runId,
    connString: pg.connString,
    listenHost: '127.0.0.1',
    airgap: true,
    timeoutMs: 120000,
    requestTimeoutMs: 300000,
  });
  await importBundle(d, clair.container, BUNDLE, 120000);
});

afterAll(async () => {
  await clair?.client.close();
  await cleanupRun({ runId, tempDirs: [] });
  expect(leftoverContainers(runId)).toEqual([]);
  for (const id of runIds)
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`clair-scan-${id}-`))).toEqual([]);
});

it('concurrency 1: the next archive is read while the current image is indexed, and indexed while the current one writes its reports; one index call at a time', async () => {
  const names = ['debian-vuln', 'alpine', 'clean'];
  const files = names.map((n) => {
    const f = path.join(dir, `${n}.tar`);
    docker('save', '-o', f, fixture(n));
    return f;
  });
  // Which image an index call is for: the manifest digests, from a read of each archive before the batch.
  const byDigest = new Map<string, string>();
  for (const [i, f] of files.entries()) {
    const img = archive.imageFromArchive(await archive.scanArchiveInPlace(f), {
      ref: f,
      source: 'archive',
      close: async () => undefined,
    });
    byDigest.set(img.info.manifestDigest, names[i]);
  }
  const events: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const realIndex = ClairClient.prototype.index;
  const realScan = archive.scanArchiveInPlace;
  ClairClient.prototype.index = async function (this: ClairClient, ...args: Parameters<ClairClient['index']>) {
    const which = byDigest.get(args[0].hash) ?? args[0].hash;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    events.push(`index ${which}`);
    try {
      return await realIndex.apply(this, args);
    } finally {
      inFlight--;
      events.push(`indexed ${which}`);
    }
  };
  const scanSpy = jest.spyOn(archive, 'scanArchiveInPlace').mockImplementation(async (file, opts) => {
    events.push(`read ${names[files.indexOf(file)] ?? file}`);
    return realScan(file, opts);
  });
  // The first image's reports are slow: the next image's Clair work goes on meanwhile.
  const realWrite = report.writeReports;
  const writeSpy = jest.spyOn(report, 'writeReports').mockImplementation(async (result, opts) => {
    const which = names.find((n) => result.images[0].image.ref.endsWith(`/${n}.tar`)) ?? '?';
    events.push(`report ${which}`);
    if (which === names[0]) await new Promise((r) => setTimeout(r, 1500));
    const written = await realWrite(result, opts);
    events.push(`reported ${which}`);
    return written;
  });
  const out = testTempDir('cs-e2e-lookahead-out-');
  const list = path.join(dir, 'images.txt');
  fs.writeFileSync(list, files.map((f) => `archive:${f}`).join('\n'));
  const all: Record<string, string> = {
    'images-file': list,
    'clair-url': clair.url,
    'clair-psk': clair.psk,
    concurrency: '1',
    formats: 'json',
    'severity-threshold': 'none',
    'fail-on': 'high>0 || medium>=3',
    'output-dir': out,
  };
  try {
    const o = await runBatch((k) => all[k], { onState: (s) => void runIds.push(s.runId) });
    expect(o.summary.images.map((e) => [path.basename(e.image), e.verdict, e.counts?.total])).toEqual([
      ['debian-vuln.tar', 'fail', 6],
      ['alpine.tar', 'fail', 6],
      ['clean.tar', 'pass', 0],
    ]);
  } finally {
    ClairClient.prototype.index = realIndex;
    scanSpy.mockRestore();
    writeSpy.mockRestore();
  }
  expect(maxInFlight).toBe(1);
  expect(events.filter((e) => e.startsWith('read '))).toEqual(names.map((n) => `read ${n}`));
  expect(events.filter((e) => e.startsWith('index '))).toEqual(names.map((n) => `index ${n}`));
  // Each next archive is read before the current image's index call has returned.
  for (let k = 0; k + 1 < names.length; k++)
    expect(events.indexOf(`read ${names[k + 1]}`)).toBeLessThan(events.indexOf(`indexed ${names[k]}`));
  // The next image is indexed while the first one's reports are still being written …
  expect(events.indexOf(`indexed ${names[1]}`)).toBeLessThan(events.indexOf(`reported ${names[0]}`));
  // … but no third image starts before the first is done: at most two images per worker.
  expect(events.indexOf(`index ${names[2]}`)).toBeGreaterThan(events.indexOf(`reported ${names[0]}`));
});
