/**
 * Untrusted text must not become Markdown markup anywhere we write Markdown: error messages and hints (which can
 * quote archive-controlled strings such as an OCI `ref.name` or docker-save `RepoTags`) in the error summary / PR
 * comment, and vulnerability text in SARIF `help.markdown` — through the one escaping function (report/escape.ts).
 */
import { errorMarkdown } from '../../../src/publish/github/index';
import { md } from '../../../src/report/escape';
import { md as markdownMd } from '../../../src/report/markdown';
import { buildSarif } from '../../../src/report/sarif';
import { ClairScanError } from '../../../src/util/errors';
import { sampleResult } from '../../helpers/model';
import { validateSarifGithub, validateSarifOasis } from '../report/schemas';

/** What an archive's `org.opencontainers.image.ref.name` or a RepoTag can carry into a hint. */
const EVIL =
  'evil/app:1 ![t](https://tracker.example/pixel.png) @security-team <img src=x> [click](https://phish.example) <!-- ';

/** Markup that must not survive: images, links, HTML, comments, unbroken mentions. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/!\[[^\]]*\]\(/); // no image
  expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no link
  expect(text).not.toContain('<img');
  expect(text).not.toContain('<!--');
  expect(text).not.toMatch(/@security-team/); // the mention is broken by a zero-width space
}

describe('errorMarkdown escapes the message and the hint', () => {
  it('a ClairScanError quoting archive names', () => {
    const err = new ClairScanError(`the image archive does not contain "${EVIL}"`, {
      hint: `it contains: ${EVIL}, other:2.`,
    });
    const text = errorMarkdown(err);
    expectInert(text);
    expect(text).toContain('## Clair scan: error');
    expect(text).toContain(md(EVIL, 2000).slice(0, 20));
    // The sticky marker cannot be forged or hidden inside the error text either.
    expect(errorMarkdown(new ClairScanError('<!-- clair-scan:0123456789abcdef -->', { hint: 'x' }))).not.toContain(
      '<!-- clair-scan',
    );
  });

  it('an internal error (first line only, escaped)', () => {
    const text = errorMarkdown(new Error(`${EVIL}\nsecond line`));
    expectInert(text);
    expect(text).not.toContain('second line');
  });
});

describe('one escaping function', () => {
  it('markdown.ts re-exports escape.ts', () => {
    expect(markdownMd).toBe(md);
  });

  it('SARIF help.markdown uses it: mentions broken, control and bidi characters gone, schema-valid', () => {
    const result = sampleResult();
    const f = result.images[0].vulnerabilities[0];
    f.description = `${EVIL} \u202eevil \u001b[31mred\u0000`;
    const sarif = buildSarif(result, { dockerfile: 'Dockerfile' }) as {
      runs: { tool: { driver: { rules: { id: string; help: { markdown: string } }[] } } }[];
    };
    const rule = sarif.runs.flatMap((r) => r.tool.driver.rules).find((r) => r.id === f.id)!;
    // The description paragraph (the References list below holds real links).
    expectInert(rule.help.markdown.split('\n').find((l) => l.includes('evil/app'))!);
    // eslint-disable-next-line no-control-regex
    expect(rule.help.markdown).not.toMatch(/[\u0000\u001b\u202e]/);
    expect(rule.help.markdown).toContain(md(f.description, Number.POSITIVE_INFINITY));
    expect(validateSarifOasis(sarif)).toBeNull();
    expect(validateSarifGithub(sarif)).toBeNull();
  });
});
