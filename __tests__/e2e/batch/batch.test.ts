/**
 * Batch mode end to end, against a shared Clair deployed split (indexer + matcher containers, PSK auth, a path
 * router in front: split-clair.ts) with the fixture data loaded: a registry listing of the test registry with
 * auth, a batch with a broken and a missing image (recorded, the batch goes on), resume, Retry-After honoured,
 * the CLI's exit codes — and `vulnerable.list` / `batch-summary.json` exact.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { runBatch } from '../../../src/batch/run';
import { listImages, parseListing, tagFilter } from '../../../src/batch/registry-list';
import type { BatchImageEntry, BatchSummary } from '../../../src/batch/outputs';
import { runCli } from '../../../src/cli';
import { loadTestEnv } from '../../helpers/testenv';
import { testTempDir } from '../../helpers/tmp';
import { BUNDLE, REPO, docker, fixture, leftoverContainers } from '../scan/helpers';
import { startSplitClair, SplitClair } from './split-clair';

const env = loadTestEnv();
const RULE = 'high>0 || medium>=3';
const FAILED = `fail-on: ${RULE}`;
let clair: SplitClair;
const runIds: string[] = [];

beforeAll(async () => {
  clair = await startSplitClair();
  await clair.loadData(BUNDLE);
});

afterAll(async () => {
  await clair?.stop();
  expect(leftoverContainers(clair?.runId)).toEqual([]);
  for (const id of runIds)
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`clair-scan-${id}-`))).toEqual([]);
});

/** Raw inputs as the CLI/action would hand them over, pointed at the split Clair. */
function inputs(extra: Record<string, string>): { raw: (n: string) => string | undefined; out: string } {
  const out = extra['output-dir'] ?? testTempDir('cs-e2e-batch-');
  const all: Record<string, string> = {
    'clair-url': clair.url,
    'clair-psk': clair.psk,
    'severity-threshold': 'none',
    'fail-on': RULE,
    formats: 'json',
    'output-dir': out,
    ...extra,
  };
  return { raw: (n) => all[n], out };
}

const track = { onState: (s: { runId: string }) => void (runIds.includes(s.runId) || runIds.push(s.runId)) };
const read = (f: string): string => fs.readFileSync(f, 'utf8');
const summaryOf = (out: string): BatchSummary => JSON.parse(read(path.join(out, 'batch-summary.json'))) as BatchSummary;
const brief = (e: BatchImageEntry): string =>
  `${e.image} ${e.verdict} ${e.counts ? `${e.counts.total}/${e.counts.High}H/${e.counts.Medium}M` : '-'}`;

describe('a registry listing of the test registry, with auth', () => {
  const org = `batch-${randomBytes(4).toString('hex')}`;
  const reg = env.registry.address;
  const pushed = [
    `${reg}/${org}/debian-vuln:1.0.0`,
    `${reg}/${org}/debian-vuln:latest`,
    `${reg}/${org}/alpine:latest`,
    `${reg}/${org}/clean:latest`,
    `${reg}/${org}/clean:dev`,
    `${reg}/${org}/team/python:latest`,
  ];
  const sources = ['debian-vuln', 'debian-vuln', 'alpine', 'clean', 'clean', 'python'];
  const auth = { username: env.registry.username, password: env.registry.password, insecure: false, hosts: [reg] };

  // A docker CLI config of this file's own: other test files log in and out of the same registry meanwhile.
  const dockerConfig = testTempDir('cs-e2e-batch-docker-');
  const cli = (args: string[], input?: string): string =>
    execFileSync('docker', args, {
      input,
      env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });

  beforeAll(() => {
    cli(['login', '-u', env.registry.username, '--password-stdin', reg], env.registry.password);
    pushed.forEach((ref, i) => {
      docker('tag', fixture(sources[i]), ref);
      cli(['push', ref]);
    });
  });
  afterAll(() => {
    for (const ref of pushed) docker('rmi', ref);
  });

  it('lists the catalog and tags page by page (2 per page), filtered by pattern and tags', async () => {
    const one = await listImages(parseListing(`registry:${reg}/${org}/*`)!, tagFilter(['latest', 'semver']), auth, {
      pageSize: 2,
    });
    expect(one).toEqual({
      refs: [
        `${reg}/${org}/alpine:latest`,
        `${reg}/${org}/clean:latest`,
        `${reg}/${org}/debian-vuln:1.0.0`,
        `${reg}/${org}/debian-vuln:latest`,
      ],
      failures: [],
    });
    const deep = await listImages(parseListing(`registry:${reg}/${org}/**`)!, tagFilter(['/dev|1\\..*/']), auth, {
      pageSize: 2,
    });
    expect(deep.refs).toEqual([`${reg}/${org}/clean:dev`, `${reg}/${org}/debian-vuln:1.0.0`]);
  });

  it('without credentials the listing is refused with what to do', async () => {
    await expect(
      listImages(parseListing(`registry:${reg}/${org}/*`)!, tagFilter(['latest']), { insecure: false }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/refused/),
      hint: expect.stringMatching(/registry-username/),
    });
  });

  it('scans every listed image, 2 at a time, through the split Clair; vulnerable.list and the summary are exact', async () => {
    const { raw, out } = inputs({
      image: `registry:${reg}/${org}/*`,
      tags: 'latest,semver',
      concurrency: '2',
      'registry-username': env.registry.username,
      'registry-password': env.registry.password,
    });
    const before = { ...clair.forwarded };
    const o = await runBatch(raw, track);
    expect(o.exitCode).toBe(1);
    expect(o.summary.images.map(brief)).toEqual([
      `registry:${reg}/${org}/alpine:latest fail 6/3H/0M`,
      `registry:${reg}/${org}/clean:latest pass 0/0H/0M`,
      `registry:${reg}/${org}/debian-vuln:1.0.0 fail 6/1H/1M`,
      `registry:${reg}/${org}/debian-vuln:latest fail 6/1H/1M`,
    ]);
    expect(read(path.join(out, 'vulnerable.list'))).toBe(
      [
        `registry:${reg}/${org}/alpine:latest\t${FAILED}`,
        `registry:${reg}/${org}/debian-vuln:1.0.0\t${FAILED}`,
        `registry:${reg}/${org}/debian-vuln:latest\t${FAILED}`,
        '',
      ].join('\n'),
    );
    const s = summaryOf(out);
    expect(s).toEqual(o.summary);
    expect(s.totals).toEqual({ images: 4, passed: 1, failed: 3, errored: 0, resumed: 0 });
    expect(s.rules).toEqual([FAILED]);
    expect(s.clair).toMatchObject({ ephemeral: false, url: clair.url });
    // The same manifest under two tags: the same digest, the registry's.
    expect(s.images[2].digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(s.images[3].digest).toBe(s.images[2].digest);
    expect(s.images[0].counted).toEqual({ Critical: 2, High: 3, Medium: 0, Low: 1, Negligible: 0, Unknown: 0 });
    // Each image's own report.
    const json = JSON.parse(read(path.join(out, s.images[0].reportDir as string, 'clair-scan-result.json')));
    expect(json.images[0].image.ref).toBe(`${reg}/${org}/alpine:latest`);
    // Both services of the split deployment answered.
    expect(clair.forwarded.indexer - before.indexer).toBeGreaterThanOrEqual(4);
    expect(clair.forwarded.matcher - before.matcher).toBeGreaterThanOrEqual(4);
    // The password is in no output.
    for (const f of ['batch-summary.json', 'vulnerable.list', 'batch-state.jsonl'])
      expect(read(path.join(out, f))).not.toContain(env.registry.password);
  });
});

describe('images-file with a broken and a missing image', () => {
  const dir = testTempDir('cs-e2e-batch-files-');
  const broken = path.join(dir, 'broken.tar');
  const list = path.join(dir, 'images.txt');

  beforeAll(() => {
    // A layer that claims to be gzip but is not: our spool takes it (its digest is what it is), Clair cannot read it.
    const junk = path.join(dir, 'junk.gz');
    fs.writeFileSync(
      junk,
      Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(6), Buffer.alloc(4096, 0xff)]),
    );
    execFileSync(
      'node',
      [
        path.join(REPO, 'scripts/fixtures/make-image-archive.js'),
        '--out',
        broken,
        '--tag',
        'localhost/clair-scan-batch/broken:1',
        '--layer',
        `file:${junk}`,
      ],
      { stdio: 'pipe' },
    );
    fs.writeFileSync(
      list,
      [
        '# the fleet',
        `docker:${fixture('debian-vuln')}`,
        `archive:${broken}`,
        '',
        `docker:localhost/clair-scan-fixture/no-such-image:1`,
        `docker:${fixture('clean')}`,
        '',
      ].join('\n'),
    );
  });

  it("records both errors (Clair's own message for the broken one), scans the rest, exit code 2", async () => {
    const { raw, out } = inputs({ 'images-file': list, concurrency: '2' });
    const o = await runBatch(raw, track);
    expect(o.exitCode).toBe(2);
    expect(o.summary.images.map(brief)).toEqual([
      `docker:${fixture('debian-vuln')} fail 6/1H/1M`,
      `archive:${broken} error -`,
      'docker:localhost/clair-scan-fixture/no-such-image:1 error -',
      `docker:${fixture('clean')} pass 0/0H/0M`,
    ]);
    const [, b, m] = o.summary.images;
    expect(b.error?.message).toMatch(/^Clair (could not|failed to) index the image/);
    expect(b.error?.clair).toBe(
      'failed to start scan: failed to fetch layers: fetcher: encountered errors: flate: corrupt input before offset 1',
    ); // Clair's message, as Clair wrote it (its IndexError)
    expect(m.error?.message).toBe(
      'image "localhost/clair-scan-fixture/no-such-image:1" was not found in the Docker daemon at unix:///var/run/docker.sock',
    );
    expect(read(path.join(out, 'vulnerable.list'))).toBe(`docker:${fixture('debian-vuln')}\t${FAILED}\n`);
    expect(summaryOf(out).totals).toEqual({ images: 4, passed: 1, failed: 1, errored: 2, resumed: 0 });

    // Resume: only the two that errored are tried again.
    const again: string[] = [];
    const r = await runBatch(inputs({ 'images-file': list, resume: 'true', 'output-dir': out }).raw, {
      ...track,
      onImage: (e) => again.push(e.image),
    });
    expect(again.sort()).toEqual([`archive:${broken}`, 'docker:localhost/clair-scan-fixture/no-such-image:1']);
    expect(r.summary.totals).toEqual({ images: 4, passed: 1, failed: 1, errored: 2, resumed: 2 });
    expect(read(path.join(out, 'vulnerable.list'))).toBe(`docker:${fixture('debian-vuln')}\t${FAILED}\n`);
  });
});

describe('resume after an interrupted run', () => {
  it('skips the images already done, scans the rest, and reports all of them', async () => {
    const dir = testTempDir('cs-e2e-batch-resume-');
    const list = path.join(dir, 'images.txt');
    fs.writeFileSync(list, [fixture('debian-vuln'), fixture('clean'), fixture('alpine')].join('\n'));
    const { raw, out } = inputs({ 'images-file': list, concurrency: '1' });
    await runBatch(raw, track);
    // Interrupted before alpine was recorded (a kill mid-line leaves a partial line, which is ignored too) …
    const state = path.join(out, 'batch-state.jsonl');
    const lines = read(state).split('\n').filter(Boolean);
    expect(lines).toHaveLength(4); // header + 3 images
    fs.writeFileSync(state, `${lines.slice(0, 3).join('\n')}\n{"image":"${fixture('alpine')}","verd`);
    // … and the list grew meanwhile.
    fs.appendFileSync(list, `\n${fixture('python')}\n`);
    const scanned: string[] = [];
    const o = await runBatch(inputs({ 'images-file': list, concurrency: '1', resume: 'true', 'output-dir': out }).raw, {
      ...track,
      onImage: (e) => scanned.push(e.image),
    });
    expect(scanned).toEqual([fixture('alpine'), fixture('python')]);
    expect(o.exitCode).toBe(1);
    expect(o.summary.totals).toEqual({ images: 4, passed: 1, failed: 3, errored: 0, resumed: 2 });
    expect(read(path.join(out, 'vulnerable.list'))).toBe(
      [fixture('debian-vuln'), fixture('alpine'), fixture('python')].map((i) => `${i}\t${FAILED}\n`).join(''),
    );

    // Another policy cannot resume these results.
    await expect(
      runBatch(inputs({ 'images-file': list, resume: 'true', 'output-dir': out, 'fail-on': 'critical>0' }).raw, track),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/another policy/),
    });
  });
});

describe('a shared Clair under load and a wrong key', () => {
  it('honours Retry-After on 429 and then succeeds', async () => {
    clair.throttleIndexer(2, 1);
    const t0 = Date.now();
    const o = await runBatch(inputs({ image: `docker:${fixture('clean')}` }).raw, track);
    expect(o.exitCode).toBe(0);
    expect(o.stats.clairRetries).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2000);
  });

  it("a wrong PSK: each image records Clair's refusal, exit code 2", async () => {
    const o = await runBatch(
      inputs({ image: `docker:${fixture('clean')}`, 'clair-psk': randomBytes(32).toString('base64') }).raw,
      track,
    );
    expect(o.exitCode).toBe(2);
    expect(o.summary.images[0].error).toMatchObject({
      message: 'Clair refused the index_report request (HTTP 401)',
      hint: expect.stringMatching(/clair-psk/),
    });
  });
});

describe('the CLI', () => {
  it('runs a batch for --images-file and exits 1 when an image failed the policy (none errored)', async () => {
    const dir = testTempDir('cs-e2e-batch-cli-');
    const list = path.join(dir, 'images.txt');
    fs.writeFileSync(list, `${fixture('clean')}\n${fixture('debian-vuln')}\n`);
    const out = path.join(dir, 'out');
    const code = await runCli(
      [
        '--images-file',
        list,
        '--clair-url',
        clair.url,
        '--output-dir',
        out,
        '--formats',
        'json',
        '--severity-threshold',
        'none',
        '--fail-on',
        RULE,
      ],
      {
        CLAIR_SCAN_CLAIR_PSK: clair.psk,
      },
    );
    expect(code).toBe(1);
    expect(read(path.join(out, 'vulnerable.list'))).toBe(`${fixture('debian-vuln')}\t${FAILED}\n`);
    expect(summaryOf(out).images.map((e) => e.verdict)).toEqual(['pass', 'fail']);
  });
});
