/**
 * Globs for allowlist entries: `*` matches any run of characters (including "/"), `?` exactly one,
 * everything else is literal; matching is case-insensitive and anchored.
 *
 * Written by hand rather than with minimatch because minimatch has path semantics that are wrong here:
 * its `*` stops at "/", so `image: "*"` would not match "org/app" and `id: "secret/*"` would need care,
 * and it adds brace/extglob/negation syntax that users of an allowlist do not expect in image or CVE names.
 */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}

export function globMatch(glob: string, text: string): boolean {
  return globToRegExp(glob).test(text);
}
