/**
 * An image in which Clair recognises no distribution and no package (FROM scratch + a text file) has no findings
 * because nothing could be looked up — not because it is clean. Every report says so plainly; the gate still
 * passes (there is no finding to fail on), but no report shows a bare, green PASS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeReport } from '../../../src/findings/normalize';
import { NOTHING_TO_MATCH_NOTE, type ScanResult } from '../../../src/findings/model';
import { evaluatePolicy } from '../../../src/policy';
import { renderMarkdownSummary, renderTable, writeReports } from '../../../src/report';
import { REPORT_FORMATS } from '../../../src/inputs/settings';
import { imageInfo, policy, sampleResult, scanResult } from '../../helpers/model';
import { validateWrittenReports } from './schemas';

const PHRASE = 'nothing Clair can match was found in this image';

async function scratchResult(withOther = false): Promise<ScanResult> {
  const info = imageInfo({ ref: 'scratch-text:1', name: 'scratch-text', tag: '1' });
  const img = normalizeReport(info, { manifest_hash: info.manifestDigest, packages: {}, distributions: {} });
  const result = scanResult(withOther ? [...sampleResult().images, img] : [img], {
    clair: { ephemeral: true, version: 'v4.9.0' },
  });
  result.verdict = await evaluatePolicy(result, policy({ severityThreshold: 'Critical' }));
  return result;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nothing-to-match-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the model carries the warning note; the gate passes', async () => {
  const r = await scratchResult();
  expect(r.images[0].notes).toEqual([NOTHING_TO_MATCH_NOTE]);
  expect(r.verdict?.status).toBe('pass');
});

test('every report says it plainly, none says a bare PASS; SARIF and GitLab stay schema-valid', async () => {
  const result = await scratchResult();
  const written = await writeReports(result, { outputDir: dir, formats: REPORT_FORMATS, dockerfile: 'Dockerfile' });
  const read = (f: keyof typeof written): string => fs.readFileSync(written[f]!, 'utf8');

  const summary = read('markdown');
  expect(summary).toContain(PHRASE);
  expect(summary).not.toContain('✅');
  expect(summary).toMatch(/^## ⚠️ clair-scan: policy passed, but nothing Clair can match was found in the image/m);

  const html = read('html');
  expect(html).toContain(PHRASE);
  expect(html).toContain('class="verdict warn"');

  const json = JSON.parse(read('json')) as ScanResult;
  expect(json.images[0].notes[0]).toContain(PHRASE);

  const sarif = JSON.parse(read('sarif')) as {
    runs: {
      properties: { nothingToMatch?: string[] };
      invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
    }[];
  };
  expect(sarif.runs[0].properties.nothingToMatch).toEqual(['scratch-text:1']);
  expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toContainEqual({
    level: 'warning',
    message: { text: expect.stringContaining(PHRASE) },
  });

  const gitlab = JSON.parse(read('gitlab')) as { scan: { messages?: { level: string; value: string }[] } };
  expect(gitlab.scan.messages).toEqual([{ level: 'warn', value: expect.stringContaining(PHRASE) }]);

  const table = renderTable(result);
  expect(table).toContain('WARNING: nothing Clair can match');
  expect(table).toContain('not a clean result');
  for (const l of table.split('\n')) expect(Array.from(l).length).toBeLessThanOrEqual(80);

  expect(await validateWrittenReports(written)).toEqual([]);
});

test('with another, matchable image, only the empty one is flagged', async () => {
  const result = await scratchResult(true);
  const md = renderMarkdownSummary(result);
  // The sample's findings fail the gate; the empty image is still called out, once.
  expect(result.verdict?.status).toBe('fail');
  expect(md).toContain(`> ⚠️ **scratch-text:1**: ${PHRASE}`);
  expect(md.match(new RegExp(PHRASE, 'g'))).toHaveLength(1);
  const written = await writeReports(result, {
    outputDir: dir,
    formats: ['sarif', 'gitlab'],
    dockerfile: 'Dockerfile',
  });
  expect(await validateWrittenReports(written)).toEqual([]);
});
