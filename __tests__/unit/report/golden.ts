/**
 * Golden-file comparison; `UPDATE_GOLDEN=1` (re)writes the files, otherwise a missing file fails. On CI (`CI` set,
 * as GitHub, GitLab and most runners set it) a rewrite is refused: it would make any output pass.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether this run rewrites golden files; throws when asked to on CI. */
export function updatingGolden(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.UPDATE_GOLDEN) return false;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') {
    throw new Error(
      `UPDATE_GOLDEN=${env.UPDATE_GOLDEN} is refused on CI (CI=${env.CI}): rewriting golden files there would make any output pass; update them locally and commit them`,
    );
  }
  return env.UPDATE_GOLDEN === '1';
}

export function expectGolden(name: string, actual: string): void {
  const file = path.join(__dirname, 'golden', name);
  if (updatingGolden()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  if (!fs.existsSync(file))
    throw new Error(`golden file ${name} is missing; run the test with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
