/**
 * Security (issue 23): an uncompressed archive file is read in place — hashed once, its layers served to Clair from
 * their byte ranges of the file, not from a private copy. The layer server does not hash what it sends; this is
 * safe because Clair itself checks each fetched layer against the digest we computed. Proven here on the real
 * Clair: the archive's layer bytes changed after the scan (same length, so only the content differs) make the index
 * fail with Clair's validation error, while the unchanged file indexes. Our own readers (compliance checks) refuse
 * the changed range too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { resolveFromArchiveFile } from '../../../src/image/archive-file';
import { startLayerServer, type LayerServer } from '../../../src/image/layer-server';
import type { ResolvedImage } from '../../../src/image/types';
import { ClairScanError } from '../../../src/util/errors';
import { makeTar } from '../../helpers/layers';
import { testTempDir } from '../../helpers/tmp';
import { loadTestEnv } from '../../helpers/testenv';
import { leftoverContainers } from '../../helpers/runs';

const env = loadTestEnv();
const runId = newRunId();
const state: RunState = { runId, tempDirs: [] };
let clair: ClairContainer;
let server: LayerServer;
const dir = testTempDir('cs-layer-digest-');

beforeAll(async () => {
  const docker = new DockerClient();
  const pg = await startPostgres(docker, { image: env.postgresImage, runId, timeoutMs: 120000 });
  clair = await startClair(docker, {
    image: env.clairImage,
    runId,
    connString: pg.connString,
    listenHost: '127.0.0.1',
    airgap: true,
    timeoutMs: 120000,
    requestTimeoutMs: 120000,
  });
  server = await startLayerServer({ bindHost: '127.0.0.1' });
});

afterAll(async () => {
  await server?.close();
  await clair?.client.close();
  await cleanupRun({ runId, tempDirs: [] });
  expect(leftoverContainers(runId)).toEqual([]);
});

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A docker-save archive (legacy layout) of one layer holding `marker`; content unique to this run. */
async function archiveWith(marker: string): Promise<string> {
  const layer = await makeTar([{ name: 'etc/layer-digest-test', content: `${marker}\n` }]);
  const config = JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    rootfs: { type: 'layers', diff_ids: [sha(layer)] },
  });
  const archive = await makeTar([
    { name: 'l1/layer.tar', content: layer },
    { name: 'config.json', content: config },
    {
      name: 'manifest.json',
      content: JSON.stringify([{ Config: 'config.json', RepoTags: null, Layers: ['l1/layer.tar'] }]),
    },
  ]);
  const file = path.join(dir, `${marker}.tar`);
  fs.writeFileSync(file, archive);
  return file;
}

async function index(image: ResolvedImage): Promise<void> {
  const urls = server.publish(image.layers);
  try {
    await clair.client.index({
      hash: image.info.manifestDigest,
      layers: image.layers.map((l) => ({ hash: l.digest, uri: urls.get(l.digest) as string, headers: {} })),
    });
  } finally {
    server.unpublish(image.layers);
  }
}

it('an unchanged archive indexes from its byte ranges (no temp dir)', async () => {
  const file = await archiveWith(`same-${randomBytes(8).toString('hex')}`);
  const image = await resolveFromArchiveFile(file, state);
  expect(state.tempDirs).toEqual([]);
  await index(image);
  await image.close();
});

it('layer bytes changed after the scan: Clair refuses them (validation failed), our own reader too', async () => {
  const marker = `orig-${randomBytes(8).toString('hex')}`;
  const file = await archiveWith(marker);
  const image = await resolveFromArchiveFile(file, state);
  // Same length, other content: the tar still reads, only the digest tells.
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  bytes.write(`evil-${randomBytes(8).toString('hex')}`, at);
  fs.writeFileSync(file, bytes);

  const err = await index(image).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClairScanError);
  const e = err as ClairScanError;
  expect(`${e.message}\n${e.details ?? ''}`).toMatch(/validation failed/);
  expect(`${e.details ?? ''}`).toContain(image.layers[0].digest.slice(7));

  const tar = await image.layers[0].openTar();
  const read = (async () => {
    for await (const c of tar) void c;
  })();
  await expect(read).rejects.toThrow(/changed while it was being scanned/);
  await image.close();
});
