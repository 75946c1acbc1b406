/**
 * Build-argument values and other secrets in the image history must not reach any report (the JSON report is
 * uploaded as an artifact), and the secrets check must find them in the history and in Config.Env — by name and
 * location, never by value. The image comes from a real `docker save`-layout archive through the archive reader,
 * so the raw config travels the same path as in a scan.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { imageFromArchive, spoolArchive } from '../../../src/image/archive';
import type { ResolvedImage } from '../../../src/image/types';
import { normalizeReport } from '../../../src/findings/normalize';
import { redactCommand } from '../../../src/findings/redact';
import { checkSecrets } from '../../../src/policy/compliance/secrets';
import { checkCompliance, evaluatePolicy } from '../../../src/policy';
import { writeReports, renderMarkdownSummary, renderTable } from '../../../src/report';
import { REPORT_FORMATS } from '../../../src/inputs/settings';
import { policy, scanResult } from '../../helpers/model';
import { validateWrittenReports } from '../report/schemas';

/** Fake secrets assembled at run time, so no token-like literal sits in the source. */
function chars(alphabet: string, n: number, seed: number): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const S = {
  npm: 'npm_' + chars(ALNUM, 36, 21),
  github: 'ghp_' + chars(ALNUM, 36, 22),
  gitlab: 'glpat-' + chars(ALNUM, 20, 23),
  aws: 'AKIA' + chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 16, 24),
  dbPassword: chars(ALNUM, 18, 25),
  urlPassword: chars(ALNUM, 16, 26),
  spaced: chars(ALNUM, 10, 27),
};

function expectNoSecret(text: string): void {
  for (const v of Object.values(S)) {
    for (let i = 0; i + 8 <= v.length; i++)
      if (text.includes(v.slice(i, i + 8))) throw new Error(`a piece of a secret (${v.slice(0, 4)}…) leaked`);
  }
}

const HISTORY = [
  { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
  { created_by: '/bin/sh -c #(nop)  ARG NPM_TOKEN', empty_layer: true },
  { created_by: `/bin/sh -c #(nop)  ENV DB_PASSWORD=${S.dbPassword}`, empty_layer: true },
  { created_by: `|2 NPM_TOKEN=${S.npm} VERSION=1.2 /bin/sh -c npm ci && npm run build` },
  {
    created_by: `RUN |1 GH_TOKEN=${S.github} /bin/sh -c git clone https://x:${S.urlPassword}@git.example/r.git # buildkit`,
  },
  { created_by: `/bin/sh -c curl -H "PRIVATE-TOKEN: ${S.gitlab}" https://gitlab.example/api/v4/x`, empty_layer: true },
];
const ENV = [
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  `AWS_ACCESS_KEY_ID=${S.aws}`,
  `DB_PASSWORD=${S.dbPassword}`,
  'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
  'EMPTY_TOKEN=',
  'KEY_FILE_KEY=/run/secrets/key',
];

async function tarOf(entries: { name: string; data: Buffer | string }[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const e of entries) pack.entry({ name: e.name, mode: 0o644 }, Buffer.from(e.data));
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}
const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let dir: string;
let image: ResolvedImage;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-redaction-'));
  const layers = [
    await tarOf([{ name: 'etc/os-release', data: 'ID=debian\n' }]),
    await tarOf([{ name: 'app/a', data: 'a' }]),
    await tarOf([{ name: 'app/b', data: 'b' }]),
  ];
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { User: '1000', Env: ENV, Labels: null },
    rootfs: { type: 'layers', diff_ids: layers.map(sha) },
    history: HISTORY,
  });
  const cfgName = `${sha(config).slice(7)}.json`;
  const archive = await tarOf([
    ...layers.map((l, i) => ({ name: `l${i}/layer.tar`, data: l })),
    { name: cfgName, data: config },
    {
      name: 'manifest.json',
      data: JSON.stringify([
        { Config: cfgName, RepoTags: ['acme/app:1'], Layers: layers.map((_l, i) => `l${i}/layer.tar`) },
      ]),
    },
  ]);
  fs.mkdirSync(path.join(dir, 'spool'));
  const spooled = await spoolArchive(Readable.from(archive), path.join(dir, 'spool'));
  image = imageFromArchive(spooled, { ref: 'acme/app:1', source: 'docker', close: async () => undefined });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('redactCommand', () => {
  it.each([
    [`|1 NPM_TOKEN=${S.npm} /bin/sh -c npm ci`, '|1 NPM_TOKEN=*** /bin/sh -c npm ci'],
    [`RUN |2 A=${S.spaced} B=two words /bin/sh -c make # buildkit`, 'RUN |2 A=*** B=*** /bin/sh -c make # buildkit'],
    [`|1 EMPTY= /bin/sh -c true`, '|1 EMPTY= /bin/sh -c true'],
    [`/bin/sh -c #(nop)  ENV DB_PASSWORD=${S.dbPassword}`, '/bin/sh -c #(nop)  ENV DB_PASSWORD=***'],
    [`/bin/sh -c export API_KEY="${S.spaced} x" && run`, '/bin/sh -c export API_KEY=*** && run'],
    ['/bin/sh -c #(nop)  ENV NODE_VERSION=20.11.1', '/bin/sh -c #(nop)  ENV NODE_VERSION=20.11.1'],
    ['/bin/sh -c #(nop)  ENV NPM_TOKEN=${NPM_TOKEN}', '/bin/sh -c #(nop)  ENV NPM_TOKEN=${NPM_TOKEN}'],
    [`/bin/sh -c echo ${S.github} > /x`, '/bin/sh -c echo *** > /x'],
    [`/bin/sh -c git clone https://bob:${S.urlPassword}@host/r.git`, '/bin/sh -c git clone https://bob:***@host/r.git'],
    [`/bin/sh -c curl -H "Authorization: Bearer ${S.spaced}" u`, '/bin/sh -c curl -H "Authorization: Bearer ***" u'],
  ])('%s', (input, want) => {
    expect(redactCommand(input)).toBe(want);
  });
});

describe('reports never carry history secrets', () => {
  it('normalizeReport redacts the history it puts in the model; the image source keeps the raw config for the secrets check', () => {
    const r = normalizeReport(image.info, { manifest_hash: image.info.manifestDigest });
    expect(r.image.layers.map((l) => l.createdBy)).toEqual([
      '/bin/sh -c #(nop) ADD file:abc in / ',
      '|2 NPM_TOKEN=*** VERSION=*** /bin/sh -c npm ci && npm run build',
      'RUN |1 GH_TOKEN=*** /bin/sh -c git clone https://x:***@git.example/r.git # buildkit',
    ]);
    expectNoSecret(JSON.stringify(r));
    // The ResolvedImage is not changed (the secrets check reads it).
    expect(image.info.layers[1].createdBy).toContain(S.npm);
    expect(image.rawConfig?.env).toEqual(ENV);
    expect(image.rawConfig?.history).toHaveLength(HISTORY.length);
  });

  it('every report format, the summary and the table: no secret, valid against the official schemas', async () => {
    const img = normalizeReport(image.info, { manifest_hash: image.info.manifestDigest });
    img.compliance = await checkCompliance(image, policy({ checkSecrets: true }), async () => image);
    const result = scanResult([img]);
    result.verdict = await evaluatePolicy(result, policy({ checkSecrets: true }));
    expect(result.verdict.status).toBe('fail');
    const out = path.join(dir, 'reports');
    const written = await writeReports(result, { outputDir: out, formats: REPORT_FORMATS, dockerfile: 'Dockerfile' });
    expect(Object.keys(written).sort()).toEqual([...REPORT_FORMATS].sort());
    for (const f of Object.values(written)) expectNoSecret(fs.readFileSync(f as string, 'utf8'));
    expect(fs.readFileSync(written.json!, 'utf8')).toContain('NPM_TOKEN=***');
    expectNoSecret(renderMarkdownSummary(result));
    expectNoSecret(renderTable(result, 200));
    expect(await validateWrittenReports(written)).toEqual([]);
  });
});

describe('the secrets check reads the history and Config.Env', () => {
  it('finds build arguments, ENV secrets and token formats by name and location, never by value', async () => {
    const { findings } = await checkSecrets(image);
    const got = findings.map((f) => [f.rule, f.key.split('|').pop(), f.layer ? 'layer' : '-']).sort();
    expect(got).toEqual(
      [
        ['secret/aws-access-key-id', 'env:AWS_ACCESS_KEY_ID', '-'],
        ['secret/build-arg', 'history:GH_TOKEN', 'layer'],
        ['secret/build-arg', 'history:NPM_TOKEN', 'layer'],
        ['secret/env-variable', 'env:DB_PASSWORD', '-'],
        ['secret/gitlab-token', 'history#6', '-'],
      ].sort(),
    );
    const npm = findings.find((f) => f.key.endsWith('history:NPM_TOKEN'))!;
    expect(npm.layer).toBe(image.info.layers[1].diffId);
    expect(npm.message).toContain('NPM_TOKEN');
    expect(npm.message).toMatch(/history entry 4 of 6 \(layer 2 of 3/);
    expect(npm.severity).toBe('Critical');
    // A token inside a value reported by its name (GH_TOKEN) is one finding, not two; AWS_ACCESS_KEY_ID is not a
    // secret-looking name (an id) but its value has the AWS key format.
    // GPG_KEY (a public fingerprint), an empty value, a path and non-secret names are not findings.
    for (const f of findings) expect(f.key).not.toMatch(/GPG_KEY|EMPTY_TOKEN|KEY_FILE_KEY|PATH|VERSION/);
    expectNoSecret(JSON.stringify(findings));
  });

  it('a build argument that is not secret-looking, or an image without secrets, gives nothing', async () => {
    const clean = {
      ...image,
      rawConfig: {
        env: ['PATH=/bin', 'NODE_VERSION=20'],
        history: [{ createdBy: '|1 VERSION=1.2 /bin/sh -c make', emptyLayer: false }],
      },
    };
    expect((await checkSecrets(clean)).findings.filter((f) => !f.path)).toEqual([]);
  });
});
