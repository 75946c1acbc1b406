/**
 * The HTML report in a real headless browser (Debian's chromium via playwright-core): it renders,
 * filters and sorts; injected markup in a description does not execute; no network request is made.
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; scripts/test-env.sh installs it); fails loudly without it.
 * The jest project `browser` (jest.config.js): `npx jest --selectProjects browser`; scripts/test-all.sh runs and counts it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import { renderHtml } from '../../../src/report/html';
import { sampleResult } from '../../helpers/model';

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
