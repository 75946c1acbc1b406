/**
 * Security (issue 20, parsers): everything the CLI prints — stdout too — goes through one output function
 * (util/log.ts `print`) that defuses CI log commands. `clair-scan data info oci://…` used to write the snapshot
 * manifest's text raw: a registry made it print `::add-mask::` and `::warning` at a line start. Also Azure Pipelines'
 * `##vso[` and TeamCity's `##teamcity[` (read anywhere in a line), and escape sequences (Jenkins' ANSI plugin, terminals).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../../../src/cli';
import { defuse } from '../../../src/util/log';
import { FakeRegistry, makeImage, sha256 } from './fake-registry';

const ZWSP = '\u200b';

/** Lines a CI runner would act on: `::` at a line start (after whitespace), `##[`, `##vso[`, `##teamcity[` anywhere, or any ESC / C1 CSI. */
function dangerous(output: string): string[] {
  return output
    .split(/\r?\n|\r/)
    .filter((l) => /^\s*::/.test(l) || /##[a-z]*\[/i.test(l) || l.includes('\x1b') || l.includes('\x9b'));
}

describe('defuse knows the other CI systems', () => {
  it.each([
    ["Azure Pipelines' logging command", 'pkg ##vso[task.setvariable variable=verdict]pass'],
    ['in another case (Azure reads it without regard to case)', '##VSO[task.complete result=Succeeded;]'],
    ["Azure's formatting command", '##[section]fake'],
    ["TeamCity's service message", "##teamcity[buildStatus status='SUCCESS']"],
  ])('%s', (_what, input) => {
    const out = defuse(input);
    expect(dangerous(out)).toEqual([]);
    expect(out.split(ZWSP).join('')).toBe(input);
  });

  it('escape sequences (ANSI colours, cursor moves: Jenkins, terminals) are shown as \\u escapes', () => {
    expect(defuse('\x1b[2K\x1b[1A\x9b31mred')).toBe('\\u001b[2K\\u001b[1A\\u009b31mred');
  });

  it('a single # and ## without a bracket are left alone', () => {
    expect(defuse('## heading # 1 ##vso and [x]')).toBe('## heading # 1 ##vso and [x]');
  });
});

describe('every line the CLI prints goes through one output function', () => {
  /** Every .ts file under src/. */
  function sources(dir: string): string[] {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
      );
  }

  it('no module writes to process.stdout/stderr or console itself (util/log.ts holds print and the GitLab/GitHub section markers)', () => {
    const src = path.resolve(__dirname, '../../../src');
    const direct = sources(src)
      .filter((f) => path.relative(src, f) !== path.join('util', 'log.ts'))
      .flatMap((f) =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(src, f)}:${i + 1}` }))
          .filter(
            ({ line }) =>
              !/^\s*(\*|\/\/)/.test(line) &&
              /process\.(stdout|stderr)\.write\(|console\.(log|error|warn|info|debug)\(/.test(line),
          )
          .map(({ at }) => at),
      );
    expect(direct).toEqual([]);
  });
});

describe('`clair-scan data info oci://…` against a hostile registry (127.0.0.1)', () => {
  const hostile =
    '\n::add-mask::${{ secrets.TOKEN }}\n::warning::all clear\n  ::error file=x::e\n##vso[task.setvariable variable=verdict]pass\n##[error]fake\x1b[2K\x1b[1A\r::notice::over';
  let registry: FakeRegistry;

  beforeAll(async () => {
    registry = await new FakeRegistry(await makeImage()).start();
  });
  afterAll(() => registry.stop());

  /** Serves a snapshot artifact whose manifest (and OCI annotations) carry `hostile` in every text field. */
  function serve(tag: string, opts: { artifactType?: string } = {}): void {
    const manifest = Buffer.from(
      JSON.stringify({
        format: 'clair-scan-snapshot',
        formatVersion: 1,
        tool: `clair-scan 1.0${hostile}`,
        createdAt: '2026-01-01T00:00:00Z',
        clairVersion: `v4.9.0${hostile}`,
        updaterSets: [`debian${hostile}`, `##vso[task.complete result=Succeeded;]`],
        updaters: [{ name: `debian/updater${hostile}`, fingerprint: hostile, records: 1, date: `2026${hostile}` }],
        records: 1,
        bundle: { file: `clair-data.json${hostile}`, compression: 'none', sha256: 'a'.repeat(64), size: 1 },
      }),
    );
    const oci = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: opts.artifactType ?? 'application/vnd.clair-scan.snapshot.v1',
        config: {
          mediaType: 'application/vnd.oci.empty.v1+json',
          digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
          size: 2,
        },
        layers: [
          {
            mediaType: 'application/vnd.clair-scan.bundle.v1+json',
            digest: `sha256:${'a'.repeat(64)}`,
            size: 1,
            annotations: { 'org.opencontainers.image.title': `x${hostile}` },
          },
          {
            mediaType: 'application/vnd.clair-scan.snapshot.manifest.v1+json',
            digest: sha256(manifest),
            size: manifest.length,
          },
        ],
        annotations: { 'org.opencontainers.image.description': hostile },
      }),
    );
    registry.overrides.set(`/v2/team/app/manifests/${tag}`, {
      body: oci,
      headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': sha256(oci) },
    });
    registry.overrides.set(`/v2/team/app/blobs/${sha256(manifest)}`, { body: manifest });
  }

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const out = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
    const err = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
    try {
      const code = await runCli(args, {});
      return { code, stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('the summary: every hostile field is printed, none acts', async () => {
    serve('snap');
    const r = await cli(['data', 'info', `oci://${registry.host}/team/app:snap`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('add-mask');
    expect(r.stdout).toContain('vso[task.complete');
    expect(dangerous(r.stdout)).toEqual([]);
  });

  it('--json: the same', async () => {
    serve('snap-json');
    const r = await cli(['data', 'info', '--json', `oci://${registry.host}/team/app:snap-json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vso[task.setvariable');
    expect(dangerous(r.stdout)).toEqual([]);
  });

  it('an error naming registry text (a hostile artifact type): exit 2, the error defused', async () => {
    serve('bad', { artifactType: `application/x${hostile}` });
    const r = await cli(['data', 'info', `oci://${registry.host}/team/app:bad`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .* is not a clair-scan vulnerability-data snapshot/);
    expect(r.stderr).toContain('add-mask');
    expect(dangerous(r.stderr)).toEqual([]);
  });
});
