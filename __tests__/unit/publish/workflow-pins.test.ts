/**
 * The GitHub workflows users copy (templates/github) and this repository's own (.github/workflows) pin every
 * third-party action by commit SHA with the version in a comment, as anchore/scan-action advises: a tag can be
 * moved to other code, a commit cannot. GitHub's own actions (actions/*, github/*) and this project's action keep
 * their major tags. SARIF goes up with github/codeql-action/upload-sarif@v4.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const root = join(__dirname, '..', '..', '..');
const FILES = ['.github/workflows', 'templates/github'].flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${d}/${f}`),
);

interface Use {
  file: string;
  uses: string;
  /** the source line, for the version comment */
  line: string;
}

function usesOf(file: string): Use[] {
  const text = readFileSync(join(root, file), 'utf8');
  const wf = YAML.parse(text) as { jobs?: Record<string, { steps?: { uses?: string }[] }> };
  const lines = text.split('\n');
  return Object.values(wf.jobs ?? {}).flatMap((job) =>
    (job.steps ?? [])
      .filter((s) => s.uses)
      .map((s) => ({ file, uses: s.uses!, line: lines.find((l) => l.includes(`uses: ${s.uses}`)) ?? '' })),
  );
}

/** GitHub's own actions and this project's action: tags are fine. */
const firstParty = (uses: string): boolean =>
  uses.startsWith('./') || /^(actions|github)\//.test(uses) || uses.startsWith('clair-scan/clair-scan@');

describe('GitHub workflows pin third-party actions', () => {
  const all = FILES.flatMap(usesOf);

  test('there are workflows and third-party actions to check', () => {
    expect(FILES).toEqual(
      expect.arrayContaining(['templates/github/container-scan.yml', '.github/workflows/release.yml']),
    );
    expect(all.filter((u) => !firstParty(u.uses)).length).toBeGreaterThan(0);
  });

  test('every third-party action is pinned by a full commit SHA with its version in a comment', () => {
    const unpinned = all
      .filter((u) => !firstParty(u.uses))
      .filter((u) => !/@[0-9a-f]{40}$/.test(u.uses) || !/ # v\d+\.\d+\.\d+\s*$/.test(u.line));
    expect(unpinned.map((u) => `${u.file}: ${u.line.trim()}`)).toEqual([]);
  });

  test('SARIF is uploaded with github/codeql-action/upload-sarif@v4', () => {
    const sarif = all.filter((u) => u.uses.startsWith('github/codeql-action/upload-sarif'));
    expect(sarif.map((u) => u.file).sort()).toEqual([
      'templates/github/container-scan.yml',
      'templates/github/scheduled-scan.yml',
    ]);
    expect([...new Set(sarif.map((u) => u.uses))]).toEqual(['github/codeql-action/upload-sarif@v4']);
  });
});
