import { renderJson } from '../../../src/report/json';
import { RESULT_SCHEMA_VERSION } from '../../../src/findings/model';
import { sampleResult } from '../../helpers/model';

describe('JSON result', () => {
  test('is the ScanResult as is, versioned, without the ephemeral Clair URL', () => {
    const r = sampleResult();
    const parsed = JSON.parse(renderJson(r));
    expect(parsed.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(parsed.clair).toEqual({ version: 'v4.9.0', ephemeral: true });
    expect(parsed.images).toEqual(JSON.parse(JSON.stringify(r.images)));
    expect(parsed.verdict).toEqual(r.verdict);
  });
  test('keeps the URL of a user-provided Clair', () => {
    const r = { ...sampleResult(), clair: { version: 'v4.8.0', ephemeral: false, url: 'http://clair:6060' } };
    expect(JSON.parse(renderJson(r)).clair.url).toBe('http://clair:6060');
  });
});
