/**
 * The range-import workaround (src/environment/range-import.ts) writes a SQL script for our Clair's PostgreSQL
 * from vulnerability records — data anyone who publishes a bundle controls. Hostile `links` and names must stay
 * data: they travel only as COPY text-format rows (escaped), never in SQL text, and cannot end the COPY early.
 * (The e2e test __tests__/e2e/ecosystems/go.test.ts runs such a record through the real Clair and PostgreSQL.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESTORE_SQL_HEAD, restoreSqlTail, rewriteRangeBundle } from '../../../src/environment/range-import';
import { removeTestTempDirs, testTempDir } from '../../helpers/tmp';

afterAll(removeTestTempDirs);

/** What a malicious advisory could put in links (or a name): SQL, psql meta-commands, COPY's end marker, escapes. */
const HOSTILE_LINKS = [
  "https://x.invalid/a'); DROP TABLE vuln; --",
  'https://x.invalid/b\n\\.\nDROP TABLE vuln;\nCOPY clair_scan_range FROM STDIN;',
  'https://x.invalid/c\t\\N\t\\\\\r\n$$; DROP TABLE vuln; $$',
  "https://x.invalid/d :'ON_ERROR_STOP' \\! rm -rf / \\gexec",
  '\\.',
];

function record(i: number, links: string): string {
  return JSON.stringify({
    Updater: 'osv/go',
    Fingerprint: 'etag',
    Date: '2098-01-01T00:00:00Z',
    Ref: '8f5e1036-7a82-5bbf-a833-4349f08f5076',
    Kind: 'vulnerability',
    Vuln: {
      name: `GO-'); DROP TABLE vuln; -- ${i}`,
      links,
      package: { name: 'golang.org/x/text', kind: 'binary' },
      repository: { name: 'go', uri: 'https://pkg.go.dev/' },
      range: { '[': 'semver:0.0.0.0.0.0.0.0.0.0', ')': 'semver:0.0.3.8.0.0.0.0.0.0' },
    },
  });
}

test('hostile links and names stay COPY data: the SQL text is our constants only, every row decodes to the value', async () => {
  const dir = testTempDir('cs-sec-range-');
  const file = path.join(dir, 'hostile.json');
  fs.writeFileSync(file, `${HOSTILE_LINKS.map((l, i) => record(i, l)).join('\n')}\n`);
  const rw = await rewriteRangeBundle(file, testTempDir('cs-sec-range-out-'));
  expect(rw.restored).toBe(HOSTILE_LINKS.length);
  const sql = fs.readFileSync(rw.sql, 'utf8');

  // Everything outside the COPY data is exactly the constant head and the tail with our own count.
  expect(sql.startsWith(RESTORE_SQL_HEAD)).toBe(true);
  expect(sql.endsWith(restoreSqlTail(HOSTILE_LINKS.length))).toBe(true);
  const data = sql.slice(RESTORE_SQL_HEAD.length, sql.length - restoreSqlTail(HOSTILE_LINKS.length).length);
  // Names never reach the script (clairctl stores them with bound parameters).
  expect(sql).not.toContain('DROP TABLE vuln; -- 0');

  // One line per record, five fields each, none of them COPY's end marker: the data cannot end the COPY early.
  const lines = data.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(HOSTILE_LINKS.length);
  for (const l of lines) {
    expect(l.split('\t')).toHaveLength(5);
    expect(l).not.toBe('\\.');
    expect(l).not.toContain('\r');
  }
  // Decoded as PostgreSQL decodes COPY text format, the original links come back exactly.
  const decode = (f: string): string =>
    f.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c);
  expect(lines.map((l) => decode(l.split('\t')[1]))).toEqual(HOSTILE_LINKS);
  // The tags (what the UPDATE matches on) are the hostile links plus our tag, also intact.
  lines.forEach((l, i) =>
    expect(decode(l.split('\t')[0])).toMatch(
      new RegExp(`^${HOSTILE_LINKS[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} clair-scan-range:[0-9a-f]{24}:${i + 1}$`),
    ),
  );
});
