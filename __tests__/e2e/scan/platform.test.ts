/**
 * The `platform` input against the real test registry and a real Clair (issue 24). No pulls: a multi-platform
 * image is built here from three fixture images, each given another platform in its config (Clair indexes files,
 * not the CPU) — linux/amd64 = debian-vuln, linux/arm64 = alpine, linux/arm/v7 = python, linux/ppc64le = debian-vuln
 * again (the same findings as amd64: they must stay two platforms' findings) — plus a BuildKit-style attestation manifest, and pushed as an OCI index with the product's own registry client. Each platform's exact
 * findings are the fixture's (FIXTURES.md), so a scan that read the wrong platform cannot pass.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import * as tar from 'tar-stream';
import { scan } from '../../../src/scan';
import { runBatch } from '../../../src/batch/run';
import { DockerClient } from '../../../src/environment/docker';
import { startPostgres, Postgres } from '../../../src/environment/postgres';
import { startClair, ClairContainer } from '../../../src/environment/clair-container';
import { importBundle } from '../../../src/environment/vuln-data';
import { newRunId } from '../../../src/environment/run-state';
import { cleanupRun } from '../../../src/environment/cleanup';
import { RegistryClient, type RegistryAuth } from '../../../src/image/registry';
import { parseReference } from '../../../src/image/reference';
import { uploadBlob } from '../../../src/data/oci';
import { outcomeOutputs } from '../../../src/publish/github/outputs';
import { renderMarkdownSummary } from '../../../src/report';
import { loadTestEnv, REPO_ROOT } from '../../helpers/testenv';
import { validateWrittenReports } from '../../unit/report/schemas';
import {
  ALPINE_FINDINGS,
  BUNDLE,
  DEBIAN_VULN_FINDINGS,
  PYTHON_FINDINGS,
  docker,
  findingLines,
  fixture,
  leftoverContainers,
  leftoverTempDirs,
  settingsFor,
  expectScanError,
} from './helpers';

const env = loadTestEnv();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-platform-'));
const sharedRun = newRunId();
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const auth: RegistryAuth = {
  username: env.registry.username,
  password: env.registry.password,
  insecure: false,
  hosts: [env.registry.address],
};
const repo = `platform-test/${sharedRun}`;
const multi = `${env.registry.address}/${repo}:multi`;
const liar = `${env.registry.address}/${repo}:liar`;
const PLATFORMS = [
  { platform: { os: 'linux', architecture: 'amd64' }, fixture: 'debian-vuln', findings: DEBIAN_VULN_FINDINGS },
  { platform: { os: 'linux', architecture: 'arm64' }, fixture: 'alpine', findings: ALPINE_FINDINGS },
  { platform: { os: 'linux', architecture: 'arm', variant: 'v7' }, fixture: 'python', findings: PYTHON_FINDINGS },
  { platform: { os: 'linux', architecture: 'ppc64le' }, fixture: 'debian-vuln', findings: DEBIAN_VULN_FINDINGS },
];
const ALL = 'linux/amd64, linux/arm64, linux/arm/v7, linux/ppc64le';
const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let pg: Postgres;
let clair: ClairContainer;
/** Every blob pushed (for the OCI archive built from the same content). */
const blobs = new Map<string, Buffer>();
let indexBytes: Buffer;

/** A fixture's `docker save` in memory: its config and layers (uncompressed tars, digest = diff id). */
async function saved(name: string): Promise<{ config: Record<string, unknown>; layers: Buffer[] }> {
  const file = path.join(tmp, `${name}.tar`);
  docker('save', '-o', file, fixture(name));
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  extract.on('entry', (h, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    stream.on('end', () => {
      files.set(h.name, Buffer.concat(chunks));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    Readable.from(fs.readFileSync(file)).pipe(extract);
  });
  const [entry] = JSON.parse((files.get('manifest.json') as Buffer).toString()) as {
    Config: string;
    Layers: string[];
  }[];
  return {
    config: JSON.parse((files.get(entry.Config) as Buffer).toString()),
    layers: entry.Layers.map((l) => files.get(l) as Buffer),
  };
}

async function pushBlob(c: RegistryClient, b: Buffer): Promise<{ digest: string; size: number }> {
  const digest = sha(b);
  blobs.set(digest, b);
  await uploadBlob(c, parseReference(multi)!, digest, b.length, () => Readable.from([b]));
  return { digest, size: b.length };
}

async function putManifest(c: RegistryClient, tagOrDigest: string, body: Buffer, mediaType: string): Promise<void> {
  const res = await c.request('PUT', `/v2/${repo}/manifests/${tagOrDigest}`, {
    headers: { 'content-type': mediaType, 'content-length': String(body.length) },
    body,
  });
  const text = await res.body.text();
  if (res.statusCode !== 201) throw new Error(`PUT manifest ${tagOrDigest}: HTTP ${res.statusCode} ${text}`);
}

/** Pushes one platform's image (its config saying `platform`, or `configArch` when it should lie) and returns its descriptor. */
async function pushPlatformImage(
  c: RegistryClient,
  fx: string,
  platform: { os: string; architecture: string; variant?: string },
  configArch?: string,
  extraLayer?: Buffer,
) {
  const img = await saved(fx);
  if (extraLayer) {
    img.layers.push(extraLayer);
    const rootfs = img.config.rootfs as { diff_ids: string[] };
    img.config.rootfs = { ...rootfs, diff_ids: [...rootfs.diff_ids, sha(extraLayer)] };
  }
  const config = Buffer.from(
    JSON.stringify({
      ...img.config,
      os: platform.os,
      architecture: configArch ?? platform.architecture,
      ...(platform.variant ? { variant: platform.variant } : {}),
    }),
  );
  const cfg = await pushBlob(c, config);
  const layers = [];
  for (const l of img.layers)
    layers.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...(await pushBlob(c, l)) });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...cfg },
      layers,
    }),
  );
  const m = { digest: sha(manifest), size: manifest.length };
  blobs.set(m.digest, manifest);
  await putManifest(c, m.digest, manifest, MANIFEST);
  return { mediaType: MANIFEST, ...m, platform };
}

beforeAll(async () => {
  const dockerClient = new DockerClient();
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

  const c = new RegistryClient(parseReference(multi)!, auth);
  const manifests = [];
  for (const p of PLATFORMS) manifests.push(await pushPlatformImage(c, p.fixture, p.platform));
  // An attestation manifest, as docker buildx pushes beside the images: not a platform, never scanned.
  const statement = await pushBlob(c, Buffer.from('{"_type":"https://in-toto.io/Statement/v0.1"}'));
  const emptyCfg = await pushBlob(c, Buffer.from('{}'));
  const att = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...emptyCfg },
      layers: [{ mediaType: 'application/vnd.in-toto+json', ...statement }],
    }),
  );
  blobs.set(sha(att), att);
  await putManifest(c, sha(att), att, MANIFEST);
  const attestation = {
    mediaType: MANIFEST,
    digest: sha(att),
    size: att.length,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: {
      'vnd.docker.reference.type': 'attestation-manifest',
      'vnd.docker.reference.digest': manifests[0].digest,
    },
  };
  indexBytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [...manifests, attestation] }),
  );
  await putManifest(c, 'multi', indexBytes, INDEX);
  // The same index, but its arm64 entry is an image whose config says amd64.
  const lying = await pushPlatformImage(c, 'alpine', { os: 'linux', architecture: 'arm64' }, 'amd64');
  await putManifest(
    c,
    'liar',
    Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [manifests[0], lying] })),
    INDEX,
  );
}, 300_000);

afterAll(async () => {
  await clair?.client.close();
  await cleanupRun({ runId: sharedRun, tempDirs: [tmp] });
  expect(leftoverContainers(sharedRun)).toEqual([]);
});

const external = (images: string[], inputs: Record<string, string> = {}) =>
  settingsFor(images, {
    'clair-url': clair.url,
    'clair-psk': clair.psk,
    'registry-username': env.registry.username,
    'registry-password': env.registry.password,
    ...inputs,
  });

describe('a multi-platform index in the real registry', () => {
  it('platform: linux/arm64 scans the arm64 image only, with its exact findings', async () => {
    const o = await scan(external([`registry:${multi}`], { platform: 'linux/arm64' }));
    expect(o.result.images).toHaveLength(1);
    const [img] = o.result.images;
    expect([img.image.ref, img.image.architecture, img.image.platform]).toEqual([multi, 'arm64', undefined]);
    expect(findingLines(img)).toEqual(ALPINE_FINDINGS);
    expect(outcomeOutputs(o, external([`registry:${multi}`], { platform: 'linux/arm64' })).platforms).toBe(
      'linux/arm64',
    );
  });

  it('platform: linux/arm/v7 (and its alias linux/arm) scans the arm/v7 image', async () => {
    for (const platform of ['linux/arm/v7', 'linux/arm']) {
      const o = await scan(external([`registry:${multi}`], { platform }));
      expect([o.result.images[0].image.architecture, findingLines(o.result.images[0])]).toEqual([
        'arm',
        PYTHON_FINDINGS,
      ]);
    }
  });

  it('unset: the default choice is unchanged (linux/amd64 of the index on this amd64 host)', async () => {
    expect(process.arch).toBe('x64');
    const settings = external([`registry:${multi}`]);
    const o = await scan(settings);
    expect([o.result.images.length, o.result.images[0].image.architecture, o.result.images[0].image.platform]).toEqual([
      1,
      'amd64',
      undefined,
    ]);
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    expect(outcomeOutputs(o, settings).platforms).toBe('');
  });

  it('a platform the index lacks: exit 2, naming the platforms it has, nothing left behind', async () => {
    let runId = '';
    const err = await expectScanError(
      scan(external([`registry:${multi}`], { platform: 'linux/s390x' }), { onState: (s) => (runId = s.runId) }),
    );
    expect([err.exitCode, err.message, err.hint]).toEqual([
      2,
      `${multi} has no image for the platform linux/s390x`,
      `it has: ${ALL}. Set platform to one of them, or to \`all\`.`,
    ]);
    expect(leftoverTempDirs(runId)).toEqual([]);
  });

  it('platform: all scans every platform in one run, each labelled, exact findings per platform, valid reports', async () => {
    const settings = external([`registry:${multi}`], { platform: 'all', 'severity-threshold': 'critical' });
    const o = await scan(settings);
    expect(o.result.images.map((i) => [i.image.ref, i.image.platform, i.image.architecture])).toEqual([
      [`${multi} (linux/amd64)`, 'linux/amd64', 'amd64'],
      [`${multi} (linux/arm64)`, 'linux/arm64', 'arm64'],
      [`${multi} (linux/arm/v7)`, 'linux/arm/v7', 'arm'],
      [`${multi} (linux/ppc64le)`, 'linux/ppc64le', 'ppc64le'],
    ]);
    expect(o.result.images.map(findingLines)).toEqual(PLATFORMS.map((p) => p.findings));
    // The gate covers every platform: each has Critical findings (1 + 2 + 1 + 1), and the verdict counts them all.
    const critical = PLATFORMS.flatMap((p) => p.findings).filter((f) => f.split(' ')[3] === 'Critical').length;
    expect([o.exitCode, o.result.verdict?.status, o.result.verdict?.counted.Critical, critical]).toEqual([
      1,
      'fail',
      5,
      5,
    ]);
    expect(outcomeOutputs(o, settings)).toMatchObject({ platforms: ALL.replace(/, /g, ','), total: '21' });
    expect(await validateWrittenReports(o.reports)).toEqual([]);
    // Labelled in every report and the comment.
    const comment = renderMarkdownSummary(o.result).replace(/\\(.)/g, '$1');
    // The most severe findings (one table for all images) name each row's platform even where a long reference is
    // cut; the per-image lists after it are under each image's labelled heading.
    const rows = comment
      .split('### All findings')[0]
      .split('\n')
      .filter((l) => /^\| (Critical|High|Medium|Low|Negligible|Unknown) \| \[CVE/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/ \((linux\/amd64|linux\/arm64|linux\/arm\/v7|linux\/ppc64le)\) \| /);
    for (const p of ALL.split(', ')) {
      expect(comment).toContain(`${multi} (${p})`);
      for (const f of ['sarif', 'gitlab', 'markdown', 'html', 'json', 'cyclonedx'] as const) {
        const text = fs.readFileSync(o.reports[f] as string, 'utf8');
        expect({ f, has: (f === 'markdown' ? text.replace(/\\(.)/g, '$1') : text).includes(`(${p})`) }).toEqual({
          f,
          has: true,
        });
      }
    }
    // SARIF keeps every platform's findings (one alert per platform, not one per image name: amd64 and ppc64le have
    // the same packages).
    const sarif = JSON.parse(fs.readFileSync(o.reports.sarif as string, 'utf8')) as {
      runs: { results: { partialFingerprints: { primaryLocationLineHash: string } }[] }[];
    };
    const results = sarif.runs.flatMap((r) => r.results);
    expect([results.length, new Set(results.map((r) => r.partialFingerprints.primaryLocationLineHash)).size]).toEqual([
      21, 21,
    ]);
    // One GitLab vulnerability per platform for the same CVE: findings are not merged across platforms.
    const gitlab = JSON.parse(fs.readFileSync(o.reports.gitlab as string, 'utf8')) as {
      vulnerabilities: { id: string; location: { image: string } }[];
    };
    expect(new Set(gitlab.vulnerabilities.map((v) => v.id)).size).toBe(gitlab.vulnerabilities.length);
  });

  it("platform: all with required-base-image: each platform is checked against the base index's same platform", async () => {
    const c = new RegistryClient(parseReference(multi)!, auth);
    // The base: amd64 = the base fixture, arm64 = debian-vuln. The app: amd64 = derived (FROM base), arm64 = debian-vuln
    // plus one layer. Each platform is built on its own platform of the base, and on no other.
    const extra = await new Promise<Buffer>((resolve) => {
      const pack = tar.pack();
      const chunks: Buffer[] = [];
      pack.on('data', (d: unknown) => {
        chunks.push(d as Buffer);
      });
      pack.on('end', () => resolve(Buffer.concat(chunks)));
      pack.entry({ name: 'app/hello.txt' }, 'hello\n');
      pack.finalize();
    });
    const amd = { os: 'linux', architecture: 'amd64' };
    const arm = { os: 'linux', architecture: 'arm64' };
    const base = [await pushPlatformImage(c, 'base', amd), await pushPlatformImage(c, 'debian-vuln', arm)];
    await putManifest(
      c,
      'base',
      Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: base })),
      INDEX,
    );
    const app = [
      await pushPlatformImage(c, 'derived', amd),
      await pushPlatformImage(c, 'debian-vuln', arm, undefined, extra),
    ];
    await putManifest(
      c,
      'app',
      Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: app })),
      INDEX,
    );
    const ref = `${env.registry.address}/${repo}`;
    const o = await scan(
      external([`registry:${ref}:app`], {
        platform: 'all',
        'severity-threshold': 'none',
        'required-base-image': `registry:${ref}:base`,
        formats: 'json',
      }),
    );
    expect(o.result.images.map((i) => [i.image.platform, i.compliance.map((f) => f.rule)])).toEqual([
      ['linux/amd64', []],
      ['linux/arm64', []],
    ]);
    expect([o.exitCode, o.result.verdict?.status]).toEqual([0, 'pass']);
  });

  it('platform: all fails closed when one platform cannot be scanned (its config contradicts its index entry)', async () => {
    const err = await expectScanError(scan(external([`registry:${liar}`], { platform: 'all' })));
    expect([err.exitCode, err.message]).toEqual([2, `${liar} is a linux/amd64 image, not linux/arm64`]);
  });

  it('an OCI archive holding the index: one platform, and all of them', async () => {
    const layout = path.join(tmp, 'multi-oci.tar');
    const pack = tar.pack();
    const out = fs.createWriteStream(layout);
    pack.pipe(out);
    pack.entry({ name: 'oci-layout' }, '{"imageLayoutVersion":"1.0.0"}');
    for (const [d, b] of blobs) pack.entry({ name: `blobs/sha256/${d.slice(7)}` }, b);
    pack.entry({ name: `blobs/sha256/${sha(indexBytes).slice(7)}` }, indexBytes);
    pack.entry(
      { name: 'index.json' },
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [
          {
            mediaType: INDEX,
            digest: sha(indexBytes),
            size: indexBytes.length,
            annotations: { 'org.opencontainers.image.ref.name': 'example.com/app:multi' },
          },
        ],
      }),
    );
    pack.finalize();
    await new Promise<void>((resolve, reject) => out.on('close', resolve).on('error', reject));

    const one = await scan(external([`archive:${layout}`], { platform: 'linux/arm64' }));
    expect([
      one.result.images.length,
      one.result.images[0].image.architecture,
      findingLines(one.result.images[0]),
    ]).toEqual([1, 'arm64', ALPINE_FINDINGS]);
    let runId = '';
    const all = await scan(external([`archive:${layout}`], { platform: 'all' }), { onState: (s) => (runId = s.runId) });
    expect(all.result.images.map((i) => [i.image.ref, findingLines(i)])).toEqual(
      PLATFORMS.map((p) => [`${layout} (${formatted(p.platform)})`, p.findings]),
    );
    expect(leftoverTempDirs(runId)).toEqual([]);
  });
});

describe('the CLI (--platform, CLAIR_SCAN_PLATFORM)', () => {
  it('takes the platform as a flag and from the environment; a bad value is exit 2 before anything starts', () => {
    const cli = (args: string[], extraEnv: Record<string, string> = {}) => {
      const out = fs.mkdtempSync(path.join(tmp, 'cli-'));
      const r = spawnSync(
        path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
        [path.join(REPO_ROOT, 'src', 'cli-entry.ts'), ...args, `registry:${multi}`],
        {
          encoding: 'utf8',
          timeout: 5 * 60_000,
          env: {
            ...process.env,
            CLAIR_SCAN_CI_PLATFORM: 'none',
            CLAIR_SCAN_CLAIR_URL: clair.url,
            CLAIR_SCAN_CLAIR_PSK: clair.psk,
            CLAIR_SCAN_REGISTRY_USERNAME: env.registry.username,
            CLAIR_SCAN_REGISTRY_PASSWORD: env.registry.password,
            CLAIR_SCAN_SEVERITY_THRESHOLD: 'none',
            CLAIR_SCAN_FORMATS: 'json',
            CLAIR_SCAN_OUTPUT_DIR: out,
            ...extraEnv,
          },
        },
      );
      const file = path.join(out, 'clair-scan-result.json');
      const result = fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { images: { image: { ref: string; architecture: string } }[] })
        : undefined;
      return {
        status: r.status,
        stderr: r.stderr,
        images: result?.images.map((i) => `${i.image.ref} ${i.image.architecture}`),
      };
    };
    expect(cli(['--platform', 'linux/arm64'])).toMatchObject({ status: 0, images: [`${multi} arm64`] });
    expect(cli([], { CLAIR_SCAN_PLATFORM: 'all' })).toMatchObject({
      status: 0,
      images: PLATFORMS.map((p) => `${multi} (${formatted(p.platform)}) ${p.platform.architecture}`),
    });
    const bad = cli(['--platform', 'arm64']);
    expect([bad.status, bad.images]).toEqual([2, undefined]);
    expect(bad.stderr).toContain('input "platform" has an invalid value "arm64"');
  });
});

describe('batch mode', () => {
  it('platform: all makes one batch image per platform (exact counts, own reports); a line that is not a registry image errors', async () => {
    const out = fs.mkdtempSync(path.join(tmp, 'batch-'));
    const inputs: Record<string, string> = {
      image: [`registry:${multi}`, `docker:${fixture('alpine')}`].join('\n'),
      platform: 'all',
      'clair-url': clair.url,
      'clair-psk': clair.psk,
      'registry-username': env.registry.username,
      'registry-password': env.registry.password,
      'severity-threshold': 'none',
      formats: 'json',
      'output-dir': out,
    };
    const o = await runBatch((n) => inputs[n]);
    const brief = o.summary.images.map((e) => `${e.image} ${e.verdict} ${e.counts?.total ?? '-'}`);
    expect(brief).toEqual([
      `docker:${fixture('alpine')} error -`,
      ...PLATFORMS.map((p) => `registry:${multi} (${formatted(p.platform)}) pass ${p.findings.length}`),
    ]);
    expect(o.summary.images[0].error?.message).toBe(
      `platform: all in batch mode reads the platforms of registry images only, and docker:${fixture('alpine')} is not read from a registry`,
    );
    // Fail closed: an image that could not be scanned makes the batch exit 2.
    expect(o.exitCode).toBe(2);
    // Each platform's own report, for that platform's image.
    for (const [i, p] of PLATFORMS.entries()) {
      const e = o.summary.images[i + 1];
      const json = JSON.parse(
        fs.readFileSync(path.join(out, e.reportDir as string, 'clair-scan-result.json'), 'utf8'),
      ) as { images: { image: { ref: string; platform: string }; vulnerabilities: unknown[] }[] };
      expect([json.images[0].image.ref, json.images[0].image.platform, json.images[0].vulnerabilities.length]).toEqual([
        `${multi} (${formatted(p.platform)})`,
        formatted(p.platform),
        p.findings.length,
      ]);
    }
  });
});

describe('the Docker daemon (one platform per tag)', () => {
  it('its platform is scanned; another platform is a clear error; all is refused', async () => {
    const o = await scan(external([`docker:${fixture('debian-vuln')}`], { platform: 'linux/amd64' }));
    expect(findingLines(o.result.images[0])).toEqual(DEBIAN_VULN_FINDINGS);
    const other = await expectScanError(
      scan(external([`docker:${fixture('debian-vuln')}`], { platform: 'linux/arm64' })),
    );
    expect([other.exitCode, other.message]).toEqual([
      2,
      `image "${fixture('debian-vuln')}" in the Docker daemon is linux/amd64, not linux/arm64`,
    ]);
    const all = await expectScanError(scan(external([`docker:${fixture('debian-vuln')}`], { platform: 'all' })));
    expect([all.exitCode, all.message]).toEqual([
      2,
      `platform: all cannot scan "${fixture('debian-vuln')}" from the Docker daemon, which holds only its linux/amd64 platform`,
    ]);
  });
});

function formatted(p: { os: string; architecture: string; variant?: string }): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}
