/**
 * The one list of report formats (src/report/formats.ts): names, files and outputs unique; what reads it (the
 * `formats` check, writeReports, the action outputs) agrees with it; the GitLab pipelines declare each file a
 * descriptor says GitLab reads, under the key it names.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { OUTPUTS } from '../../../src/inputs/definitions';
import { parseSettings } from '../../../src/inputs/settings';
import {
  REPORT_FILE_NAMES,
  REPORT_FORMAT_LIST,
  REPORT_FORMATS,
  REPORT_OUTPUTS,
  writeReports,
} from '../../../src/report';
import { sampleResult } from '../../helpers/model';

const ROOT = path.join(__dirname, '../../..');

describe('report format descriptors', () => {
  test('names, file names and output names are unique; every descriptor has a content type', () => {
    const unique = (xs: string[]): boolean => new Set(xs).size === xs.length;
    expect(unique(REPORT_FORMAT_LIST.map((f) => f.name))).toBe(true);
    expect(unique(REPORT_FORMAT_LIST.map((f) => f.fileName))).toBe(true);
    expect(unique(REPORT_OUTPUTS.map((o) => o.name))).toBe(true);
    for (const f of REPORT_FORMAT_LIST) expect(f.contentType).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
  });

  test('the formats input accepts exactly the listed names (any case) and rejects others', () => {
    const s = parseSettings(
      (n) => ({ image: 'a:1', formats: REPORT_FORMATS.map((f) => f.toUpperCase()).join(',') })[n],
    );
    expect(s.reports.formats).toEqual(REPORT_FORMATS);
    expect(() => parseSettings((n) => ({ image: 'a:1', formats: 'junit-xml' })[n])).toThrow(
      'input "formats" has an invalid value "junit-xml"',
    );
  });

  test('the action outputs hold one path output per descriptor output, in the list order', () => {
    const names = OUTPUTS.map((o) => o.name);
    const at = REPORT_OUTPUTS.map((o) => names.indexOf(o.name));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const o of REPORT_OUTPUTS) expect(OUTPUTS.find((x) => x.name === o.name)?.description).toBe(o.description);
  });

  test('writeReports writes each format to its descriptor file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-formats-'));
    try {
      const written = await writeReports(sampleResult(), {
        outputDir: dir,
        formats: REPORT_FORMATS,
        dockerfile: 'Dockerfile',
      });
      for (const f of REPORT_FORMAT_LIST) expect(written[f.name]).toBe(path.join(dir, f.fileName));
      expect(fs.readdirSync(dir).sort()).toEqual(Object.values(REPORT_FILE_NAMES).sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each(['templates/clair-scan.gitlab-ci.yml', 'templates/clair-scan/template.yml'])(
    '%s declares each GitLab report under its key',
    (file) => {
      const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(ROOT, file), 'utf8')).map(
        (d) => d.toJS() as Record<string, unknown>,
      );
      const reports: Record<string, string>[] = [];
      for (const doc of docs) {
        for (const job of Object.values(doc ?? {})) {
          const r = (job as { artifacts?: { reports?: Record<string, string> } } | null)?.artifacts?.reports;
          if (r) reports.push(r);
        }
      }
      const wanted = REPORT_FORMAT_LIST.flatMap((f) =>
        f.platformReport?.gitlab ? [[f.platformReport.gitlab, f.fileName]] : [],
      );
      expect(wanted.length).toBe(2);
      for (const [key, fileName] of wanted)
        expect(reports.some((r) => typeof r[key] === 'string' && path.posix.basename(r[key]) === fileName)).toBe(true);
    },
  );
});
