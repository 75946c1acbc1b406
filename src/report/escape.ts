/**
 * The one Markdown escaping of this tool. Everything that comes from outside — vulnerability text, package names,
 * versions, links, image refs, allowlist reasons, error messages and hints (which can quote archive entries such as
 * an OCI `ref.name` or `RepoTags`) — goes through `md()` (or `mdLink()` for URLs) before it is put into Markdown:
 * the job summary, the sticky PR comment / MR note, clair-scan-summary.md and SARIF `help.markdown`.
 *
 * Control characters and newlines become spaces, HTML is entity-escaped (so no `<img>`, `<details>` or unclosed
 * `<!--` gets through), Markdown metacharacters and pipes are backslash-escaped (no link, image, emphasis, heading
 * or table cell break), and @mentions are broken with a zero-width space, so nothing untrusted can add markup,
 * load a tracking image, close a table, ping someone or inject a link. Only http(s) URLs become links.
 */
import { isHttpUrl, oneLine, truncate } from './common';

/** Escape untrusted text for a Markdown table cell or paragraph (one line), cut to `max` characters. */
export function md(text: string, max = 300): string {
  const line = oneLine(text);
  const cut = line.length <= max ? line : truncate(line, max);
  // Fast path: nothing below would change it (no special character, no leading list marker).
  if (!/[&<>"\\`*_{}[\]()#!|~@]|^\d+[.)]|^[-+=]/.test(cut)) return cut;
  return cut
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\`*_{}[\]()#!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

/** Percent-encodes what could end a Markdown link destination or break out of it. */
export function mdUrl(url: string): string {
  return url.replace(/[()<>|\s"'`\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A link when `url` is http(s), else the escaped text only. */
export function mdLink(text: string, url: string | undefined, max = 120): string {
  const label = md(text, max);
  if (!isHttpUrl(url)) return label;
  return `[${label}](${mdUrl(url)})`;
}
