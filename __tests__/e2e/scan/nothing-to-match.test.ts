/**
 * An image in which Clair recognises no distribution and no package (FROM scratch + a text file): the scan
 * completes, but every report and the log say plainly that nothing Clair can match was found — never a bare PASS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { scan } from '../../../src/scan';
import { NOTHING_TO_MATCH_NOTE } from '../../../src/findings/model';
import { UNAUTHENTICATED_NOTE } from '../../../src/data/signing';
import { EOL_NOT_CHECKED_NOTE } from '../../../src/policy/compliance/eol';
import { setLogger, type Logger } from '../../../src/util/log';
import { testTempDir } from '../../helpers/tmp';
import { docker, leftoverContainers, settingsFor } from './helpers';

const tag = `localhost/clair-scan-test-nomatch-${randomBytes(4).toString('hex')}:1`;

beforeAll(() => {
  const ctx = testTempDir('cs-e2e-nomatch-');
  fs.writeFileSync(path.join(ctx, 'hello.txt'), 'no packages here\n');
  fs.writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  docker('build', '-q', '-t', tag, ctx);
});
afterAll(() => {
  docker('rmi', '-f', tag);
});

it('says "nothing Clair can match" in the log, the notes and every human report, and still completes', async () => {
  const warnings: string[] = [];
  const capture: Logger = {
    info: () => undefined,
    debug: () => undefined,
    mask: () => undefined,
    warn: (m) => warnings.push(m),
  };
  const previous = setLogger(capture);
  let runId = '';
  try {
    const settings = settingsFor([tag], { formats: 'json,markdown,sarif' });
    const outcome = await scan(settings, { onState: (s) => (runId = s.runId) });
    expect(outcome.exitCode).toBe(0);
    const [img] = outcome.result.images;
    // The data notes come first: the snapshot is unverified (no vuln-data-public-key).
    expect([img.packages.length, img.vulnerabilities.length, img.notes]).toEqual([
      0,
      0,
      // check-eol is on (warn) by default; without eol-data it says it did not check.
      [UNAUTHENTICATED_NOTE, NOTHING_TO_MATCH_NOTE, EOL_NOT_CHECKED_NOTE],
    ]);
    expect(warnings).toEqual([`${tag}: ${UNAUTHENTICATED_NOTE}`, `${tag}: ${NOTHING_TO_MATCH_NOTE}`]);
    expect(fs.readFileSync(outcome.reports.markdown as string, 'utf8')).toMatch(
      /nothing Clair can match was found in this image/,
    );
    expect(JSON.parse(fs.readFileSync(outcome.reports.json as string, 'utf8')).images[0].notes).toEqual([
      UNAUTHENTICATED_NOTE,
      NOTHING_TO_MATCH_NOTE,
      EOL_NOT_CHECKED_NOTE,
    ]);
    expect(fs.readFileSync(outcome.reports.sarif as string, 'utf8')).toMatch(
      /nothing Clair can match was found in this image/,
    );
  } finally {
    setLogger(previous);
  }
  expect(leftoverContainers(runId)).toEqual([]);
});
