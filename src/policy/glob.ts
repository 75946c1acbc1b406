/**
 * Globs for allowlist entries: `*` matches any run of characters (including "/"), `?` exactly one, everything else
 * literal; case-insensitive and anchored. By hand, not minimatch, whose `*` stops at "/" (path semantics wrong for
 * image and CVE names). The texts come from the image, so matching is a wildcard walk with one backtrack point —
 * O(text × pattern), no regular expression — and texts over MAX_GLOB_TEXT never match (fail closed: the finding
 * stays). Why: docs/decisions/allowlist-globs.md.
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
