import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import YAML from 'yaml';
import { actionYml, gitlabTemplate, MIRRORS, readme, staleMirrors } from '../../../scripts/mirrors';
import { INPUTS, type InputDefinition } from '../../../src/inputs/definitions';

const root = join(__dirname, '../../..');
const read = (f: string): string => readFileSync(join(root, f), 'utf8');

/** `--check` on a copy of the three files (`edit` applied to them): its exit status and stderr. */
function check(edit: (file: string, text: string) => string): { status: number; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'clair-scan-mirrors-'));
  try {
    mkdirSync(join(dir, 'templates'));
    for (const [file] of MIRRORS) writeFileSync(join(dir, file), edit(file, read(file)));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/mirrors.ts'), '--check'], {
        env: { ...process.env, CLAIR_SCAN_MIRRORS_ROOT: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { status: 0, stderr: '' };
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      return { status: err.status, stderr: err.stderr.toString() };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('scripts/mirrors.ts: action.yml, the README tables and the GitLab variables come from the definitions', () => {
  test('the committed files are what it writes (else: npm run mirrors)', () => {
    expect(staleMirrors()).toEqual([]);
  });

  test('each renderer writes its part from the table, whatever the file holds there', () => {
    const words = INPUTS[0].description.split(' ').slice(0, 4).join(' ');
    for (const [file, render] of MIRRORS) {
      const text = read(file);
      const edited = text.split(words).join('EDITED BY HAND');
      expect({ file, edited: edited !== text }).toEqual({ file, edited: true });
      expect(render(edited)).toBe(text);
    }
  });

  test('--check passes on the files as committed and names a stale one with exit 1', () => {
    expect(check((_f, t) => t)).toEqual({ status: 0, stderr: '' });
    const stale = check((f, t) => (f === 'README.md' ? t.replace('| `image` |', '| `image` | stale |') : t));
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/not generated from src\/inputs\/definitions\.ts: README\.md \(run npm run mirrors\)/);
  });

  test('a description with quotes, a backslash, pipes and a hash reads back exactly from YAML and the README table', () => {
    const tricky = 'a "quoted" \\ back|slash: `x || y` #not-a-comment';
    const input: InputDefinition = {
      ...INPUTS[0],
      name: 'tricky',
      description: tricky,
      default: 'a: b',
      gitlab: undefined,
    };
    const action = YAML.parse(actionYml(read('action.yml'), [input], []));
    expect(action.inputs.tricky).toEqual({ description: tricky, required: false, default: 'a: b' });
    const tpl = YAML.parse(gitlabTemplate(read('templates/clair-scan.gitlab-ci.yml'), [input]));
    expect(tpl['clair-scan'].variables.CLAIR_SCAN_TRICKY).toBe('a: b');
    const row = readme(read('README.md'), [input], [])
      .split('\n')
      .find((l) => l.startsWith('| `tricky`'));
    expect(row).toBe('| `tricky` | a "quoted" \\ back\\|slash: `x \\|\\| y` #not-a-comment | `a: b` |');
  });

  test('no part is written when its markers are missing', () => {
    expect(() => readme('no markers here')).toThrow(/README\.md: the generated part's markers are missing/);
    expect(() => gitlabTemplate('clair-scan:\n  variables: {}\n')).toThrow(/markers are missing/);
    expect(() => actionYml('name: x\n')).toThrow(/action\.yml: the generated part's markers are missing/);
  });
});
