/**
 * Re-scans of daemon images Clair already indexed skip the export (issue 23, image/known.ts): a real Docker daemon,
 * a real shared Clair (clair-url) started cold. The digest computed from `docker image inspect` is the export's;
 * a cold Clair gets one export, a warm one none, with the same findings; anything that needs the layers exports.
 * Images of one run that share layers (the base and derived fixtures) spool each shared layer once.
 */
import { scan } from '../../../src/scan';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres, Postgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import * as fs from 'node:fs';
import {
  resolveFromDaemon,
  daemonExportCount,
  daemonLayersReused,
  shareLayersInRun,
} from '../../../src/image/docker-daemon';
import { runBatch } from '../../../src/batch/run';
import { testTempDir } from '../../helpers/tmp';
import { probeFromInspect } from '../../../src/image/known';
import { signPskJwt } from '../../../src/clair/client';
import type { ImageResult } from '../../../src/findings/model';
import { captureLogger } from '../../helpers/logger';
import { loadTestEnv } from '../../helpers/testenv';
import { execFileSync } from 'node:child_process';
import {
  BUNDLE,
  DEBIAN_VULN_FINDINGS,
  ALPINE_FINDINGS,
  REPO,
  docker,
  findingLines,
  fixture,
  leftoverContainers,
  leftoverTempDirs,
  settingsFor,
} from './helpers';

const env = loadTestEnv();
const sharedRun = newRunId();
let pg: Postgres;
let clair: ClairContainer;
let dockerClient: DockerClient;
const log = captureLogger();

beforeAll(async () => {
  dockerClient = new DockerClient();
  pg = await startPostgres(dockerClient, { image: env.postgresImage, runId: sharedRun, timeoutMs: 120000 });
  clair = await startClair(dockerClient, {
    image: env.clairImage,
    runId: sharedRun,
    connString: pg.connString,
    listenHost: '127.0.0.1',
    airgap: true,
    timeoutMs: 120000,
    requestTimeoutMs: 300000,
  });
  await importBundle(dockerClient, clair.container, BUNDLE, 120000);
});

afterAll(async () => {
  await clair?.client.close();
  await cleanupRun({ runId: sharedRun, tempDirs: [] });
  expect(leftoverContainers(sharedRun)).toEqual([]);
});

const external = (images: string[], inputs: Record<string, string> = {}) =>
  settingsFor(images, { 'clair-url': clair.url, 'clair-psk': clair.psk, ...inputs });

/** A scan of one image on the shared Clair: its result and how many daemon exports it made. */
async function scanCounting(
  image: string,
  inputs: Record<string, string> = {},
): Promise<{ result: ImageResult; exports: number; runId: string }> {
  const before = daemonExportCount();
  let runId = '';
  const o = await scan(external([image], inputs), { onState: (s) => (runId = s.runId) });
  // The fixtures have Critical findings: the default gate fails them (exit 1); an error would have thrown.
  expect(o.exitCode).toBe(1);
  expect(leftoverTempDirs(runId)).toEqual([]);
  return { result: o.result.images[0], exports: daemonExportCount() - before, runId };
}

/** The image result with the layer sizes left out (the one thing an inspect cannot tell: the export's tar sizes). */
const withoutSizes = (r: ImageResult): ImageResult => ({
  ...r,
  image: { ...r.image, layers: r.image.layers.map(({ size: _size, ...l }) => l) },
});

it('the manifest digest computed from docker image inspect is the one the export gives, for every fixture tried', async () => {
  const state = { runId: newRunId(), tempDirs: [] as string[] } as unknown as Parameters<typeof resolveFromDaemon>[2];
  for (const name of ['debian-vuln', 'alpine', 'python', 'nonroot', 'large']) {
    const ref = fixture(name);
    const inspect = await dockerClient.imageInspect(ref);
    const probe = probeFromInspect(inspect!, await dockerClient.imageHistory(ref));
    const exported = await resolveFromDaemon(dockerClient, ref, state);
    try {
      expect(typeof probe).toBe('object');
      if (typeof probe === 'string') return;
      expect([name, probe.hash]).toEqual([name, exported.info.manifestDigest]);
      expect(probe.diffIds).toEqual(exported.layers.map((l) => l.digest));
      // What the reports say of the image: the same, but for the tar sizes.
      expect(exported.info.layers.every((l) => typeof l.size === 'number')).toBe(true);
    } finally {
      await exported.close();
    }
  }
});

it('a cold shared Clair gets one export; a warm re-scan none, with exactly the same result but the layer sizes', async () => {
  log.clear();
  const cold = await scanCounting(fixture('debian-vuln'));
  expect(cold.exports).toBe(1);
  expect(findingLines(cold.result)).toEqual(DEBIAN_VULN_FINDINGS);
  expect(log.text()).not.toMatch(/export skipped/);

  log.clear();
  const warm = await scanCounting(fixture('debian-vuln'));
  expect(warm.exports).toBe(0);
  expect(findingLines(warm.result)).toEqual(DEBIAN_VULN_FINDINGS);
  expect(withoutSizes(warm.result)).toEqual(withoutSizes(cold.result));
  expect(warm.result.image.manifestDigest).toBe(cold.result.image.manifestDigest);
  expect(log.lines.filter((l) => /export skipped/.test(l))).toEqual([
    expect.stringMatching(
      /^info: localhost\/clair-scan-fixture\/debian-vuln:1: export skipped: Clair already has a finished index report of this exact content \(sha256:[0-9a-f]{12}…, indexer state [0-9a-f]+\)/,
    ),
  ]);
  expect(leftoverContainers(warm.runId)).toEqual([]);
});

it('another image on the same warm Clair is exported (its digest is not known), then skipped', async () => {
  const first = await scanCounting(fixture('alpine'));
  const again = await scanCounting(fixture('alpine'));
  expect([first.exports, again.exports]).toEqual([1, 0]);
  expect(findingLines(first.result)).toEqual(ALPINE_FINDINGS);
  expect(findingLines(again.result)).toEqual(ALPINE_FINDINGS);
});

it('a compliance check that reads the layers (secrets) exports even when Clair knows the image', async () => {
  const r = await scanCounting(fixture('debian-vuln'), { 'check-secrets': 'true' });
  expect(r.exports).toBe(1);
  expect(findingLines(r.result)).toEqual(DEBIAN_VULN_FINDINGS);
});

it('a report Clair no longer has (deleted on the shared Clair) means an export again, never a guess', async () => {
  const known = await scanCounting(fixture('debian-vuln'));
  expect(known.exports).toBe(0);
  const res = await fetch(`${clair.url}/indexer/api/v1/index_report/${known.result.image.manifestDigest}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${signPskJwt(clair.psk)}` },
  });
  expect(res.status).toBe(204);
  log.clear();
  const after = await scanCounting(fixture('debian-vuln'));
  expect(after.exports).toBe(1);
  expect(findingLines(after.result)).toEqual(DEBIAN_VULN_FINDINGS);
  expect(log.text()).not.toMatch(/export skipped/);
});

describe('layers shared by the images of one run are spooled once', () => {
  // Two images built on one base layer (as a fleet built FROM one base is): docker save names a layer below the top
  // after its chain, so the shared layer has one name in both exports. Loaded here, removed after.
  const tag = newRunId().toLowerCase();
  const refs = ['a', 'b'].map((x) => `localhost/clair-scan-test/shared-${x}:${tag}`);
  const runState = () =>
    ({ runId: newRunId(), tempDirs: [] as string[] }) as unknown as Parameters<typeof resolveFromDaemon>[2];
  const read = async (img: Awaited<ReturnType<typeof resolveFromDaemon>>, i: number): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const c of await img.layers[i].open()) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  beforeAll(() => {
    const dir = testTempDir('cs-e2e-shared-');
    refs.forEach((ref, i) => {
      const file = `${dir}/${i}.tar`;
      execFileSync(
        'node',
        [
          `${REPO}/scripts/fixtures/make-image-archive.js`,
          '--out',
          file,
          '--tag',
          ref,
          '--layer',
          `blob:opt/base:1:shared-base-${tag}`,
          '--layer',
          `blob:app/own:1:own-${i}-${tag}`,
        ],
        { stdio: 'pipe' },
      );
      docker('load', '-q', '-i', file);
    });
  });
  afterAll(() => {
    docker('rmi', ...refs);
  });

  it('the second image of a run takes the shared layer as a hard link of the first one spool; the image is the one a lone export gives', async () => {
    const aloneState = runState();
    const alone = await resolveFromDaemon(dockerClient, refs[1], aloneState);
    const state = runState();
    shareLayersInRun(state);
    const reused0 = daemonLayersReused();
    const first = await resolveFromDaemon(dockerClient, refs[0], state);
    const second = await resolveFromDaemon(dockerClient, refs[1], state);
    try {
      expect(daemonLayersReused() - reused0).toBe(1);
      expect(second.layers[0].digest).toBe(first.layers[0].digest);
      expect(second.info).toEqual(alone.info);
      // One file on disk for the shared layer, under three names (the run's store, the first image's spool and the
      // second's); the top layers are each image's own.
      const dirs = (state as unknown as { tempDirs: string[] }).tempDirs;
      const files = dirs.flatMap((d) => fs.readdirSync(d).map((f) => `${d}/${f}`));
      expect(files.map((f) => fs.statSync(f)).filter((st) => st.nlink === 3)).toHaveLength(3);
      expect(files.filter((f) => /-layers-/.test(f))).toHaveLength(1);
      // The first image done (its spool removed): the second still serves every byte of both its layers.
      await first.close();
      expect(await read(second, 0)).toEqual(await read(alone, 0));
      expect(await read(second, 1)).toEqual(await read(alone, 1));
    } finally {
      await Promise.all([first.close(), second.close(), alone.close()]);
    }
    // Without shareLayersInRun (a single scan: the lone export) nothing is kept for later images.
    expect((aloneState as unknown as { tempDirs: string[] }).tempDirs).toEqual([]);
    // What is left of the sharing run is its store, which the run's cleanup removes.
    const left = (state as unknown as { tempDirs: string[] }).tempDirs;
    expect(left).toEqual([expect.stringMatching(/clair-scan-.*-layers-/)]);
    await cleanupRun({ runId: (state as unknown as { runId: string }).runId, tempDirs: left });
    expect(fs.existsSync(left[0])).toBe(false);
  });

  it('a batch of both on the shared Clair: the layer is taken once, no error, the digests as exported alone', async () => {
    const out = testTempDir('cs-e2e-known-batch-');
    const reused0 = daemonLayersReused();
    const inputs: Record<string, string> = {
      image: refs.map((r) => `docker:${r}`).join('\n'),
      'clair-url': clair.url,
      'clair-psk': clair.psk,
      concurrency: '1',
      formats: 'json',
      'output-dir': out,
    };
    const o = await runBatch((k) => inputs[k]);
    expect(o.summary.totals).toMatchObject({ images: 2, errored: 0 });
    expect(daemonLayersReused() - reused0).toBe(1);
    const digests: string[] = [];
    for (const r of refs) {
      const alone = await resolveFromDaemon(dockerClient, r, runState());
      digests.push(alone.info.manifestDigest);
      await alone.close();
    }
    expect(o.summary.images.map((e) => [e.image, e.digest])).toEqual(refs.map((r, i) => [`docker:${r}`, digests[i]]));
  });
});
