/**
 * The HTML report in a real headless browser (Debian's chromium via playwright-core): it renders,
 * filters and sorts; injected markup in a description does not execute; no network request is made. With exploit
 * data (issue 22): the KEV and EPSS columns, "known exploited only", "EPSS ≥", sorting by them, and the screenshot
 * of the report (not committed; `CLAIR_SCAN_KEEP_SCREENSHOTS=docs/images` keeps it as docs/images/html-report.png).
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; scripts/test-env.sh installs it); fails loudly without it.
 * The jest project `browser` (jest.config.js): `npx jest --selectProjects browser`; scripts/test-all.sh runs and counts it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import { renderHtml } from '../../../src/report/html';
import { sampleResult } from '../../helpers/model';
import { enrichedSample } from '../../helpers/enriched';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
jest.setTimeout(120_000);

describe('HTML report in a browser', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with apt-get install -y chromium`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-html-'));
    const file = path.join(dir, 'clair-scan-report.html');
    fs.writeFileSync(file, renderHtml(sampleResult()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext();
    const fileUrl = `file://${file}`;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === fileUrl) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('request', (r) => {
      if (r.url() !== fileUrl) blocked.push(r.url());
    });
    await page.goto(fileUrl);
    await page.waitForSelector('html[data-ready="1"]');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = (): Promise<string[][]> =>
    page.$$eval('#findings tbody tr', (trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children,
          (td) => td.textContent ?? '',
        ),
      ),
    );

  test('renders every finding, the verdict and compliance findings', async () => {
    expect(await rows()).toHaveLength(10);
    expect(await page.textContent('#verdict')).toBe('Policy failed');
    expect(await page.textContent('#shown')).toBe('Showing 10 of 10 findings');
    expect(await page.$$eval('#compliance tbody tr', (t) => t.length)).toBe(2);
    const first = (await rows())[0];
    expect(first[0]).toBe('Critical');
  });

  test('hostile description stays text: no script ran, no element injected', async () => {
    await page.waitForTimeout(200); // let any (wrongly) injected img error handler fire
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('#findings img, #findings script', (e) => e.length)).toBe(0);
    const desc = await page.$$eval('#findings td.desc', (tds) => tds.map((t) => t.textContent ?? ''));
    expect(desc.some((d) => d.includes('<img src=x onerror='))).toBe(true);
    // Links: only http(s); the javascript: link of the hostile finding is not a link.
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^https?:\/\//);
  });

  test('filters: severity, image, fixable, allowlisted, text search', async () => {
    await page.uncheck('#f-sev-Critical');
    const withoutCritical = await rows();
    expect(withoutCritical.length).toBeGreaterThan(0);
    expect(withoutCritical.filter((r) => r[0] === 'Critical')).toEqual([]);
    await page.check('#f-sev-Critical');
    await page.selectOption('#f-image', 'tools/alpine-tool:3.19');
    expect((await rows()).map((r) => r[1])).toEqual(['CVE-2024-1000', 'CVE-2024-0002']);
    await page.selectOption('#f-image', '');
    await page.selectOption('#f-fixable', 'fixable');
    const fixable = await rows();
    expect(fixable).toHaveLength(5);
    expect(fixable.filter((r) => r[4] === '—')).toEqual([]);
    await page.selectOption('#f-fixable', 'unfixable');
    const unfixable = await rows();
    expect(unfixable.length).toBeGreaterThan(0);
    expect(unfixable.filter((r) => r[4] !== '—')).toEqual([]);
    await page.selectOption('#f-fixable', '');
    await page.uncheck('#f-allowlisted');
    const notAllowlisted = await rows();
    expect(notAllowlisted.length).toBeGreaterThan(0);
    expect(notAllowlisted.filter((r) => r[1].startsWith('CVE-2023-0007'))).toEqual([]);
    await page.check('#f-allowlisted');
    await page.fill('#f-search', 'busybox');
    expect((await rows()).map((r) => r[2])).toEqual(['busybox']);
    await page.fill('#f-search', '');
    expect(await rows()).toHaveLength(10);
  });

  test('sorting by clicking a column header, both directions', async () => {
    await page.click('#findings th[data-key="p"]');
    const asc = (await rows()).map((r) => r[2]);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    await page.click('#findings th[data-key="p"]');
    const desc = (await rows()).map((r) => r[2]);
    expect(desc).toEqual([...asc].reverse());
    await page.click('#findings th[data-key="c"]');
    const cvss = (await rows()).map((r) => (r[6] === '' ? 0 : Number(r[6])));
    expect(cvss).toEqual([...cvss].sort((a, b) => b - a));
  });

  test('no network request was made', () => {
    expect(blocked).toEqual([]);
  });
});

describe('HTML report in a browser: KEV and EPSS', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const offsite: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with apt-get install -y chromium`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-html-'));
    const file = path.join(dir, 'clair-scan-report.html');
    fs.writeFileSync(file, renderHtml(enrichedSample()));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const fileUrl = `file://${file}`;
    await context.route('**/*', (route) => {
      if (route.request().url() === fileUrl) return route.continue();
      offsite.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    await page.goto(fileUrl);
    await page.waitForSelector('html[data-ready="1"]');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** [id, package, KEV cell, EPSS cell] of the shown rows, read by the column headers' positions. */
  const marks = async (): Promise<string[][]> => {
    const heads = await page.$$eval('#findings thead th', (ths) => ths.map((t) => t.getAttribute('data-key') ?? ''));
    const at = (k: string): number => heads.indexOf(k);
    const cells = await page.$$eval('#findings tbody tr', (trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children,
          (td) => td.textContent ?? '',
        ),
      ),
    );
    return cells.map((c) => [c[at('id')].replace(/allowlisted$/, ''), c[at('p')], c[at('kv')], c[at('e')]]);
  };

  // The page's default order: severity, then id, both descending.
  test('KEV badge and EPSS score per finding, in the default order (helpers/enriched.ts)', async () => {
    expect(await page.textContent('#kev-count')).toBe('3 known exploited');
    expect(await marks()).toEqual([
      ['CVE-2024-1000', 'busybox', '—', '<0.01% (1.2% percentile)'],
      ['CVE-2024-0001', 'openssl', '—', '2% (60% percentile)'],
      ['CVE-2024-0003', 'curl', '—', '—'],
      ['CVE-2024-0002', 'libc6', 'KEV', '91.23% (99.87% percentile)'],
      ['CVE-2023-0007', 'curl', 'KEV', '—'],
      ['CVE-2024-0002', 'musl', 'KEV', '91.23% (99.87% percentile)'],
      ['CVE-2023-0004', 'zlib1g', '—', '—'],
      ['CVE-2023-0005', 'perl-base', 'KEV', '45% (97% percentile)'],
      ['CVE-2023-0006', 'libc6', '—', '—'],
      ['DSA-5999-1', 'evil|pkg<b>x</b>', '—', '—'],
    ]);
    expect(await page.getAttribute('#findings tbody tr:nth-child(8) .tag.kev', 'title')).toBe(
      'CVE-2023-0005: added 2026-10-03, due 2026-10-24, known ransomware use',
    );
  });

  test('filters: known exploited only, EPSS ≥ x (the boundary included), with the other filters', async () => {
    await page.check('#f-kev');
    expect((await marks()).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'CVE-2024-0002 libc6',
      'CVE-2023-0007 curl',
      'CVE-2024-0002 musl',
      'CVE-2023-0005 perl-base',
    ]);
    await page.uncheck('#f-allowlisted');
    expect(await page.textContent('#shown')).toBe('Showing 3 of 10 findings');
    await page.check('#f-allowlisted');
    await page.uncheck('#f-kev');
    await page.fill('#f-epss', '45');
    expect((await marks()).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      'CVE-2024-0002 libc6',
      'CVE-2024-0002 musl',
      'CVE-2023-0005 perl-base',
    ]);
    await page.fill('#f-epss', '45.01');
    expect((await marks()).map((r) => r[1])).toEqual(['libc6', 'musl']);
    await page.fill('#f-epss', '1');
    expect((await marks()).map((r) => r[1])).toEqual(['openssl', 'libc6', 'musl', 'perl-base']);
    await page.fill('#f-epss', '');
    expect(await page.textContent('#shown')).toBe('Showing 10 of 10 findings');
  });

  test('sorting by EPSS and by KEV, both directions', async () => {
    await page.click('#findings th[data-key="e"]');
    const desc = (await marks()).map((r) => `${r[1]} ${r[3]}`);
    // libc6 and musl tie at 91.23%: either order.
    expect([...desc.slice(0, 2)].sort()).toEqual([
      'libc6 91.23% (99.87% percentile)',
      'musl 91.23% (99.87% percentile)',
    ]);
    expect(desc.slice(2, 5)).toEqual([
      'perl-base 45% (97% percentile)',
      'openssl 2% (60% percentile)',
      'busybox <0.01% (1.2% percentile)',
    ]);
    await page.click('#findings th[data-key="e"]');
    // Ascending: the unscored first, then by score.
    const asc = (await marks()).filter((r) => r[3] !== '—').map((r) => r[1]);
    expect(asc.slice(0, 3)).toEqual(['busybox', 'openssl', 'perl-base']);
    expect((await marks()).slice(0, 5).map((r) => r[3])).toEqual(['—', '—', '—', '—', '—']);
    await page.click('#findings th[data-key="kv"]');
    const kev = (await marks()).map((r) => r[2]);
    expect(kev).toEqual(['KEV', 'KEV', 'KEV', 'KEV', '—', '—', '—', '—', '—', '—']);
    await page.click('#findings th[data-key="r"]');
  });

  test('screenshot of the report with the exploit columns', async () => {
    expect(await page.isVisible('#findings th[data-key="kv"]')).toBe(true);
    expect(await page.isVisible('#findings th[data-key="e"]')).toBe(true);
    const shot = path.join(dir, 'html-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    const buf = fs.readFileSync(shot);
    expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(buf.readUInt32BE(16)).toBe(1280);
    const keep = process.env.CLAIR_SCAN_KEEP_SCREENSHOTS;
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      fs.copyFileSync(shot, path.join(keep, 'html-report.png'));
    }
    expect(offsite).toEqual([]);
  });
});
