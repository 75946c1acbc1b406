import { jsonForScript, renderHtml } from '../../../src/report/html';
import { sampleResult } from '../../helpers/model';

describe('HTML report (static checks)', () => {
  const html = renderHtml(sampleResult());
  test('self-contained: no external resources, a CSP forbidding network access', () => {
    const start = html.indexOf('id="clair-scan-data">');
    const page = html.slice(0, start) + html.slice(html.indexOf('</script>', start));
    expect(page).not.toMatch(/<link\b|<img\b|\bsrc=|@import|\burl\(|https?:\/\//);
    expect(page).not.toMatch(/<link\b|<img\b|\bsrc=|@import/i);
    expect(html).toContain("default-src 'none'");
  });
  test('embedded data cannot close the script element', () => {
    const data = html.slice(html.indexOf('id="clair-scan-data">'), html.indexOf('</script>'));
    expect(data).not.toMatch(/<\/?script|<img|<!--/i);
    expect(JSON.parse(jsonForScript({ s: '</script><script>x()</script>\u2028' }))).toEqual({
      s: '</script><script>x()</script>\u2028',
    });
  });
});
