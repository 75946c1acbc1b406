/**
 * actionlint (rhysd/actionlint, built from its Go module by scripts/test-env/go-tools.sh) over this repository's
 * workflows and the GitHub example workflows users copy: 0 findings. actionlint knows the inputs of popular
 * actions (actions/checkout …), the expression types and the workflow schema; a finding is a workflow that would
 * fail or misbehave on GitHub. shellcheck/pyflakes are switched off so the result does not depend on what else is
 * installed on the machine.
 *
 * Needs `bash scripts/test-env.sh up` (it builds actionlint into the cache).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/testenv';

const GO_TOOLS = join(REPO_ROOT, 'scripts/test-env/go-tools.sh');

function actionlint(): string {
  try {
    return execFileSync('bash', [GO_TOOLS, 'path', 'actionlint'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (err) {
    throw new Error(`this test needs actionlint: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
}

interface Finding {
  message: string;
  filepath: string;
  line: number;
  kind: string;
}

function lint(files: string[]): { code: number | null; findings: Finding[]; stderr: string } {
  const r = spawnSync(actionlint(), ['-format', '{{json .}}', '-shellcheck=', '-pyflakes=', ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = r.stdout.trim();
  return { code: r.status, findings: out ? (JSON.parse(out) as Finding[]) : [], stderr: r.stderr };
}

const yml = (dir: string): string[] =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`)
    .sort();

describe('actionlint v1.7.12 over the workflows', () => {
  const files = [...yml('.github/workflows'), ...yml('templates/github')];

  test('the workflows to lint are there', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/test.yml',
        'templates/github/container-scan.yml',
        'templates/github/scheduled-scan.yml',
        'templates/github/fleet-scan.yml',
      ]),
    );
  });

  test('.github/workflows and templates/github: 0 findings', () => {
    const r = lint(files);
    expect({
      findings: r.findings.map((f) => `${f.filepath}:${f.line}: [${f.kind}] ${f.message}`),
      stderr: r.stderr,
    }).toEqual({ findings: [], stderr: '' });
    expect(r.code).toBe(0);
  });

  test('it does find a broken workflow (an unknown input of actions/checkout, an undefined step output)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-actionlint-'));
    try {
      const bad = join(dir, 'bad.yml');
      writeFileSync(
        bad,
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { nope: 1 }\n      - run: echo ${{ steps.x.outputs.y }}\n',
      );
      const r = lint([bad]);
      expect(r.code).toBe(1);
      expect(r.findings.map((f) => [f.line, f.kind])).toEqual([
        [7, 'action'],
        [8, 'expression'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
