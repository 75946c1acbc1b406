/**
 * Security: allowlist globs are matched against image-controlled texts (file paths, package names). Matching
 * must take time linear in the text (a regular expression with several `*` backtracks O(n^stars): minutes for
 * a 2,000-character path), and texts longer than MAX_GLOB_TEXT never match.
 */
import { globMatch, MAX_GLOB_TEXT } from '../../../src/policy/glob';

function elapsedMs(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The semantics, written as a regular expression (fine for the short texts of the equivalence check). */
function reference(glob: string, text: string): boolean {
  const body = Array.from(glob, (c) =>
    c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
  ).join('');
  return new RegExp(`^${body}$`, 'isu').test(text);
}

describe('glob matching is linear in the text', () => {
  it.each([
    ['*a*a*b', 'a'.repeat(4000)],
    ['*/*/*/*.pem', 'a/'.repeat(2000)],
    ['*a*a*a*a*b', 'a'.repeat(4000)],
    ['?*?*?*?*x', 'y'.repeat(4000)],
  ])('%s against a 4,000-character pathological text', (glob, text) => {
    let result = true;
    const ms = elapsedMs(() => (result = globMatch(glob, text)));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(250);
  });

  it('a 56 KB path is refused quickly (over the length cap: never matches)', () => {
    const text = `${'dir/'.repeat(14000)}key.pem`;
    let result = true;
    const ms = elapsedMs(() => (result = globMatch('*', text)));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(50);
    expect(globMatch('*', 'x'.repeat(MAX_GLOB_TEXT))).toBe(true);
    expect(globMatch('*', 'x'.repeat(MAX_GLOB_TEXT + 1))).toBe(false);
  });
});

describe('the semantics stay the same', () => {
  it('agrees with the anchored, case-insensitive regular expression on many small cases', () => {
    const alphabet = ['a', 'B', '/', '.', '*', '?'];
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (len: number, chars: string[]): string =>
      Array.from({ length: len }, () => chars[rnd(chars.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const glob = word(rnd(7), alphabet);
      const text = word(rnd(9), ['a', 'A', 'b', '/', '.']);
      expect([glob, text, globMatch(glob, text)]).toEqual([glob, text, reference(glob, text)]);
    }
  });

  it('keeps the documented examples', () => {
    expect(globMatch('myorg/app*', 'myorg/app-api')).toBe(true);
    expect(globMatch('*', 'org/sub/app')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('myorg/app?', 'myorg/app12')).toBe(false);
    expect(globMatch('cve-2099-*', 'CVE-2099-0001')).toBe(true);
    expect(globMatch('lib(ssl).+', 'libssl..')).toBe(false);
    expect(globMatch('etc/*.pem', 'etc/ssl/private/key.pem')).toBe(true);
    expect(globMatch('a?c', 'a\nc')).toBe(true);
  });
});
