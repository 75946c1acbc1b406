/**
 * A snapshot's exploit-data members (issue 22) travel with it: pushed to the real test registry as member layers and
 * pulled back into files beside the bundle (byte for byte, checked against the manifest); downloaded from beside an
 * http(s) bundle's URL. An artifact whose manifest lists a member no layer holds, and a URL snapshot whose member is
 * missing, are refused (exit 2), never used as if they carried nothing.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { prepareVulnData } from '../../../src/data/source';
import { ociPull, ociPush } from '../../../src/data/oci';
import { manifestPathFor, writeSnapshot, type SnapshotManifest } from '../../../src/data/snapshot';
import { describeMembers } from '../../../src/data/members';
import { cleanupRun } from '../../../src/environment/cleanup';
import { newRunId, type RunState } from '../../../src/environment/run-state';
import { setLogger } from '../../../src/util/log';
import { loadTestEnv } from '../../helpers/testenv';
import { expectScanError } from '../../helpers/errors';
import { BUNDLE, leftoverTempDirs, REPO } from '../scan/helpers';

const KEV = path.join(REPO, '.testenv/fixtures/kev.json');
const EPSS = path.join(REPO, '.testenv/fixtures/epss.csv.gz');
const reg = loadTestEnv().registry;
const auth = { username: reg.username, password: reg.password, insecure: false };
const basic = `Basic ${Buffer.from(`${reg.username}:${reg.password}`).toString('base64')}`;
let dir: string;
let state: RunState;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-members-transport-'));
  state = { runId: newRunId(), tempDirs: [] };
  setLogger({ info: () => undefined, warn: () => undefined, debug: () => undefined, mask: () => undefined });
});
afterEach(async () => {
  await cleanupRun(state);
  expect(leftoverTempDirs(state.runId)).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function snapshot(): Promise<{ bundle: string; manifest: SnapshotManifest }> {
  const bundle = path.join(dir, 'src', 'clair-data.json.gz');
  const manifest = await writeSnapshot(Readable.from([zlib.gzipSync(fs.readFileSync(BUNDLE))]), bundle, {
    updaterSets: ['debian'],
    members: await describeMembers({ kev: KEV, epss: EPSS }),
  });
  return { bundle, manifest };
}

const MEMBER_MEDIA_TYPE = 'application/vnd.clair-scan.snapshot.member.v1';

describe('oci:// snapshots', () => {
  it('push stores each member as a layer; pull writes them beside the bundle, byte for byte; the scan hook hands them on', async () => {
    const { bundle, manifest } = await snapshot();
    const ref = `oci://${reg.address}/clair-scan-test/members-${randomBytes(4).toString('hex')}:1`;
    await ociPush(ref, bundle, auth);
    const got = await request(`${reg.url}/v2/${ref.split('/').slice(3).join('/').replace(/:1$/, '')}/manifests/1`, {
      headers: { authorization: basic, accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    const oci = (await got.body.json()) as {
      layers: { mediaType: string; digest: string; annotations: Record<string, string> }[];
    };
    expect(
      oci.layers
        .filter((l) => l.mediaType === MEMBER_MEDIA_TYPE)
        .map((l) => `${l.annotations['org.opencontainers.image.title']} ${l.digest}`),
    ).toEqual([
      `clair-data.json.gz.kev.json sha256:${manifest.members!.kev!.sha256}`,
      `clair-data.json.gz.epss.csv.gz sha256:${manifest.members!.epss!.sha256}`,
    ]);

    const pulled = await ociPull(ref, path.join(dir, 'pulled', 'data.json.gz'), auth);
    expect(pulled.manifest.members).toEqual(manifest.members);
    expect(fs.readFileSync(path.join(dir, 'pulled', 'clair-data.json.gz.kev.json'))).toEqual(fs.readFileSync(KEV));
    expect(fs.readFileSync(path.join(dir, 'pulled', 'clair-data.json.gz.epss.csv.gz'))).toEqual(fs.readFileSync(EPSS));

    const prepared = await prepareVulnData({ vulnData: ref, registry: auth, dataTimeoutSec: 60 }, state);
    expect(prepared.members?.members).toEqual(manifest.members);
    expect(prepared.members?.label).toBe(ref);
    expect(fs.readFileSync(path.join(path.dirname(prepared.members!.bundlePath), manifest.members!.kev!.file))).toEqual(
      fs.readFileSync(KEV),
    );
  });

  it('an artifact whose manifest lists a member no layer holds is refused', async () => {
    const { bundle } = await snapshot();
    const repo = `clair-scan-test/members-${randomBytes(4).toString('hex')}`;
    const ref = `oci://${reg.address}/${repo}:1`;
    await ociPush(ref, bundle, auth);
    // The same artifact without its member layers, under the same tag.
    const url = `${reg.url}/v2/${repo}/manifests/1`;
    const oci = (await (
      await request(url, { headers: { authorization: basic, accept: 'application/vnd.oci.image.manifest.v1+json' } })
    ).body.json()) as { layers: { mediaType: string }[] };
    oci.layers = oci.layers.filter((l) => l.mediaType !== MEMBER_MEDIA_TYPE);
    const put = await request(url, {
      method: 'PUT',
      headers: { authorization: basic, 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
      body: JSON.stringify(oci),
    });
    await put.body.dump();
    expect(put.statusCode).toBe(201);
    const err = await expectScanError(ociPull(ref, path.join(dir, 'pulled', 'data.json.gz'), auth));
    expect(err.message).toBe(
      `${reg.address}/${repo}:1: the snapshot manifest lists the kev member, but no layer holds it`,
    );
  });
});

describe('https:// (here loopback http) snapshots', () => {
  async function serve(files: Record<string, string>): Promise<{ base: string; close: () => Promise<void> }> {
    const server = http.createServer((req, res) => {
      const f = files[req.url ?? ''];
      if (!f) return void res.writeHead(404).end();
      res.end(fs.readFileSync(f));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return {
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  }

  it('the members are downloaded from beside the bundle; a missing one is exit 2', async () => {
    const { bundle, manifest } = await snapshot();
    const files = {
      '/d/clair-data.json.gz': bundle,
      '/d/clair-data.json.gz.manifest.json': manifestPathFor(bundle),
      '/d/clair-data.json.gz.kev.json': `${bundle}.kev.json`,
      '/d/clair-data.json.gz.epss.csv.gz': `${bundle}.epss.csv.gz`,
    };
    const s = await serve(files);
    try {
      const prepared = await prepareVulnData(
        { vulnData: `${s.base}/d/clair-data.json.gz`, registry: auth, dataTimeoutSec: 60 },
        state,
      );
      expect(prepared.members?.members).toEqual(manifest.members);
      const beside = path.dirname(prepared.members!.bundlePath);
      expect(fs.readFileSync(path.join(beside, manifest.members!.epss!.file))).toEqual(fs.readFileSync(EPSS));
      delete (files as Record<string, string>)['/d/clair-data.json.gz.epss.csv.gz'];
      const err = await expectScanError(
        prepareVulnData({ vulnData: `${s.base}/d/clair-data.json.gz`, registry: auth, dataTimeoutSec: 60 }, state),
      );
      expect(err.message).toBe(
        `downloading the snapshot member ${s.base}/d/clair-data.json.gz.epss.csv.gz failed: HTTP 404`,
      );
    } finally {
      await s.close();
    }
  });
});
