/**
 * Globs for allowlist entries: `*` matches any run of characters (including "/"), `?` exactly one,
 * everything else is literal; matching is case-insensitive and anchored.
 *
 * Written by hand rather than with minimatch because minimatch has path semantics that are wrong here:
 * its `*` stops at "/", so `image: "*"` would not match "org/app" and `id: "secret/*"` would need care,
 * and it adds brace/extglob/negation syntax that users of an allowlist do not expect in image or CVE names.
 *
 * The texts matched come from the image (file paths, package names), so matching must not be exploitable: it
 * is the classic wildcard walk with one backtrack point (the last `*`), O(text × pattern) at worst and linear
 * in the text for a given pattern — no regular expression, whose backtracking is O(text^stars). Texts longer
 * than MAX_GLOB_TEXT never match (a longer path than Linux allows; fail closed: the finding stays).
 */

/** Longest text (in characters) a glob is matched against; longer ones never match. */
export const MAX_GLOB_TEXT = 4096;

/** Code points, case-folded. */
function fold(s: string): string[] {
  return Array.from(s, (c) => c.toLowerCase());
}

/** A compiled glob: reuse it to match many texts. */
function compileGlob(glob: string): (text: string) => boolean {
  const p = fold(glob);
  return (text: string) => text.length <= MAX_GLOB_TEXT && wildcardMatch(p, fold(text));
}

function wildcardMatch(p: string[], t: string[]): boolean {
  let pi = 0;
  let ti = 0;
  let star = -1; // position in p after the last `*` seen
  let mark = 0; // position in t where that `*` started matching
  while (ti < t.length) {
    if (pi < p.length && p[pi] === '*') {
      while (pi < p.length && p[pi] === '*') pi++;
      if (pi === p.length) return true; // a trailing `*` takes the rest
      star = pi;
      mark = ti;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      // Let the last `*` take one more character and retry the part after it.
      pi = star;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

export function globMatch(glob: string, text: string): boolean {
  return compileGlob(glob)(text);
}
