/**
 * Never an empty error reason (issue 24): an error whose message is empty still tells the user what it was — its
 * name, code, HTTP status and the errors it aggregates — in the one presenter (describeError/formatError) and in the
 * one-line warnings of the publishers (the act artifact warning read "uploading the report artifact failed: ").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClairScanError, describeError, errorLine, errorMessage, formatError } from '../../../src/util/errors';
import { attempt } from '../../../src/publish/github/common';
import { errorText } from '../../../src/util/bundle-stream';
import { captureLogger } from '../../helpers/logger';

const log = captureLogger({ scope: 'each' });

/** The text after "internal error: " in both presenter styles: what the user is told the reason is. */
function reasons(err: unknown): string[] {
  const cli = formatError(err, 'cli').split('\n')[0];
  const action = formatError(err, 'action').split('\n')[0];
  return [describeError(err).message, cli, action].map((l) => l.replace(/^(error: )?(internal error: )?/, ''));
}

describe('the presenter never shows an empty reason', () => {
  it('an Error with an empty message shows its name', () => {
    for (const r of reasons(new Error(''))) expect(r).toBe('Error without a message');
    class UploadError extends Error {
      constructor() {
        super('');
        this.name = 'UploadError';
      }
    }
    expect(reasons(new UploadError())).toEqual(Array(3).fill('UploadError without a message'));
  });

  it('an AggregateError with an empty message shows the reasons it aggregates', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const err = new AggregateError([refused, new Error('')], '');
    for (const r of reasons(err))
      expect(r).toBe('AggregateError without a message: connect ECONNREFUSED 127.0.0.1:1; Error without a message');
  });

  it('an error with only a code (and syscall) shows them', () => {
    const err = Object.assign(new Error(''), { code: 'EPIPE', syscall: 'write' });
    for (const r of reasons(err)) expect(r).toBe('Error without a message (code EPIPE, in write)');
    // A rejection with a bare object, as some SDKs do.
    expect(errorMessage({ code: 'ERR_BAD' })).toBe('Object without a message (code ERR_BAD)');
  });

  it('an HTTP error with only a status shows it (status, statusCode or response.status)', () => {
    class HttpError extends Error {
      constructor(readonly statusCode: number) {
        super('');
        this.name = 'HttpError';
      }
    }
    for (const r of reasons(new HttpError(401))) expect(r).toBe('HttpError without a message (HTTP status 401)');
    expect(errorMessage(Object.assign(new Error(''), { status: 403 }))).toBe(
      'Error without a message (HTTP status 403)',
    );
    expect(errorMessage(Object.assign(new Error(''), { response: { status: 502 } }))).toBe(
      'Error without a message (HTTP status 502)',
    );
  });

  it('a wrapped empty error names its cause; thrown non-errors are named too', () => {
    expect(errorMessage(new Error('', { cause: Object.assign(new Error(''), { code: 'ETIMEDOUT' }) }))).toBe(
      'Error without a message: caused by: Error without a message (code ETIMEDOUT)',
    );
    expect(errorMessage('')).toBe('an error without a message (an empty string was thrown)');
    expect(errorMessage(undefined)).toBe('an error without a message (undefined was thrown)');
  });

  it('a ClairScanError with an empty message or hint still has both', () => {
    const d = describeError(new ClairScanError('', { hint: '' }));
    expect(d.message).toBe('ClairScanError without a message');
    expect(d.hint).not.toBe('');
  });

  it("the bundle readers' errorText (zstd, gzip and record errors) is never empty either", () => {
    expect(errorText(Object.assign(new Error(''), { code: 'Z_DATA_ERROR' }))).toBe(
      'Error without a message (code Z_DATA_ERROR)',
    );
    expect(errorText(new Error('incorrect header check'))).toBe('incorrect header check');
  });

  it('a message is kept as it is; errorLine takes its first non-empty line', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorLine(new Error('\n  Error unauthorized\nmore'))).toBe('Error unauthorized');
  });
});

describe('publisher warnings use the presenter', () => {
  it('uploading the report artifact with an error without a message: the warning has a reason', async () => {
    class ArtifactError extends Error {
      constructor() {
        super('');
        this.name = 'ArtifactError';
      }
    }
    const r = await attempt('uploading the report artifact', () =>
      Promise.reject(Object.assign(new ArtifactError(), { statusCode: 401 })),
    );
    expect(r).toBeUndefined();
    expect(log.lines).toEqual([
      'warn: uploading the report artifact failed: ArtifactError without a message (HTTP status 401)',
    ]);
  });

  it('an error whose message starts with a newline: the warning shows its first line with text', async () => {
    await attempt('uploading the report artifact', () => Promise.reject(new Error('\nError unauthorized')));
    expect(log.lines).toEqual(['warn: uploading the report artifact failed: Error unauthorized']);
  });
});

describe('one-line reasons', () => {
  /** Every .ts file under src/. */
  function sources(dir: string): string[] {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
      );
  }

  it('no module cuts an error message to its first line itself (that line can be empty): errorLine does', () => {
    const src = path.resolve(__dirname, '../../../src');
    const cuts = sources(src).flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(src, f)}:${i + 1}` }))
        .filter(({ line }) => /(errorMessage|errorText|message)\([^()]*\)\.split\(/.test(line))
        .map(({ at }) => at),
    );
    expect(cuts).toEqual([]);
  });
});
