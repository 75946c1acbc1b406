/**
 * Security (issue 20, parsers), against the real Docker engine: an archive whose link replaces a directory, or sits
 * on the path prefix of other entries, makes `docker load` read another image config than the entry of that name
 * in the tar — the one clair-scan would have read. Here `docker load` of the hostile archive really loads the "evil"
 * config (the divergence mattered), and clair-scan refuses the same file with exit 2, naming the entry, before it
 * reads any image metadata. (The OCI `blobs/` layout, which this engine does not load, is covered in
 * __tests__/unit/security/archive-links.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import * as tar from 'tar-stream';
import { runCli } from '../../../src/cli';
import { loadTestEnv } from '../../helpers/testenv';
import { leftoverContainers } from '../../helpers/runs';

type Entry = { name: string; data?: Buffer | string; type?: 'file' | 'symlink' | 'directory'; linkname?: string };

async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file') pack.entry({ name: e.name, mode: 0o644 }, Buffer.from(e.data ?? ''));
    else if (type === 'directory') pack.entry({ name: e.name, type, mode: 0o755 });
    else pack.entry({ name: e.name, type, linkname: e.linkname });
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const docker = (...args: string[]): string =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

const env = loadTestEnv();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-e2e-links-'));
const tag = `localhost/clair-scan-e2e-links:${randomBytes(4).toString('hex')}`;
const loaded = new Set<string>();
afterAll(() => {
  for (const id of loaded) {
    try {
      docker('image', 'rm', '-f', id);
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(root, { recursive: true, force: true });
});

type Case = 'link-after' | 'link-before' | 'blobs-link';

/**
 * The hostile archives: the manifest names a config path whose tar entry is the clean config, while a link on its
 * directory leads docker load to the evil one. `blobs-link`: Docker ≥ 25's layout (manifest.json naming
 * `blobs/sha256/<hex>`, the name matching the clean config's digest) with `blobs/sha256` replaced by a link.
 */
async function hostile(
  order: Case,
): Promise<{ file: string; clean: string; evil: string; configPath: string; linkName: string }> {
  const layer = await tarOf([{ name: 'etc/clair-scan-links', data: 'x\n' }]);
  const config = (which: string): string =>
    JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      config: { Labels: { which } },
      rootfs: { type: 'layers', diff_ids: [sha(layer)] },
    });
  const clean = config('clean');
  const evil = config('evil');
  let entries: Entry[];
  let configPath = 'cfg/config.json';
  let linkName = 'cfg';
  if (order === 'blobs-link') {
    const hex = sha(clean).slice(7);
    configPath = `blobs/sha256/${hex}`;
    linkName = 'blobs/sha256';
    entries = [
      { name: 'blobs/', type: 'directory' },
      { name: 'blobs/sha256/', type: 'directory' },
      { name: configPath, data: clean },
      { name: 'blobs/sha256', type: 'symlink', linkname: '../alt/sha256' },
      { name: 'alt/', type: 'directory' },
      { name: 'alt/sha256/', type: 'directory' },
      { name: `alt/sha256/${hex}`, data: evil },
    ];
  } else {
    const link: Entry = { name: 'cfg', type: 'symlink', linkname: 'evil' };
    entries =
      order === 'link-after'
        ? [
            { name: 'cfg/', type: 'directory' },
            { name: 'cfg/config.json', data: clean },
            link,
            { name: 'evil/', type: 'directory' },
            { name: 'evil/config.json', data: evil },
          ]
        : [
            { name: 'evil/', type: 'directory' },
            link,
            { name: 'cfg/config.json', data: clean },
            { name: 'evil/config.json', data: evil },
          ];
  }
  const archive = await tarOf([
    { name: 'l/', type: 'directory' },
    { name: 'l/layer.tar', data: layer },
    ...entries,
    {
      name: 'manifest.json',
      data: JSON.stringify([{ Config: configPath, RepoTags: [`${tag}-${order}`], Layers: ['l/layer.tar'] }]),
    },
  ]);
  const file = path.join(root, `${order}.tar`);
  fs.writeFileSync(file, archive);
  return { file, clean, evil, configPath, linkName };
}

/** The content of the tar entry `name` (the last one of that name, as tar semantics say): what clair-scan read by name. */
async function entryText(file: string, name: string): Promise<string | undefined> {
  const extract = tar.extract();
  let found: string | undefined;
  extract.on('entry', (h, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c) => chunks.push(c as Buffer));
    stream.on('end', () => {
      if (h.name === name && h.type === 'file') found = Buffer.concat(chunks).toString('utf8');
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    extract.end(fs.readFileSync(file));
  });
  return found;
}

it.each(['link-after', 'link-before', 'blobs-link'] as const)(
  '%s: docker load reads the evil config through the link; clair-scan refuses the archive (exit 2, naming the link)',
  async (order) => {
    const { file, clean, evil, configPath, linkName } = await hostile(order);

    // What a by-name reader (clair-scan before this fix) takes as the image config: the clean one.
    expect(await entryText(file, configPath)).toBe(clean);

    // What the real engine loads: the evil one (its image id is the evil config's digest).
    const out = docker('load', '-i', file);
    expect(out).toContain(`Loaded image: ${tag}-${order}`);
    const id = docker('image', 'inspect', '--format', '{{.Id}}', `${tag}-${order}`);
    loaded.add(id);
    expect(id).toBe(sha(evil));
    expect(docker('image', 'inspect', '--format', '{{index .Config.Labels "which"}}', id)).toBe('evil');

    // clair-scan refuses it before starting anything: exit 2, the entry named, nothing left behind.
    let stderr = '';
    const spy = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
    const outSpy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await runCli(
        [
          '--clair-image',
          env.clairImage,
          '--postgres-image',
          env.postgresImage,
          '--pull',
          'never',
          '--vuln-data',
          path.resolve(__dirname, '../../../.testenv/fixtures/vulns.jsonl'),
          '--formats',
          'json',
          '--output-dir',
          path.join(root, `out-${order}`),
          `archive:${file}`,
        ],
        { ...process.env, GITLAB_CI: 'false' },
      );
    } finally {
      spy.mockRestore();
      outSpy.mockRestore();
    }
    expect(code).toBe(2);
    expect(stderr).toContain(`error: "${file}" has "${linkName}" as a symbolic link `);
    expect(stderr).toContain('docker load would read other files than clair-scan reads');
    const runId = /Run ([a-z0-9]+-[0-9a-f]+) /.exec(stderr)?.[1];
    if (runId) expect(leftoverContainers(runId)).toEqual([]);
    expect(fs.readdirSync(os.tmpdir()).filter((f) => runId && f.includes(runId))).toEqual([]);
  },
);
