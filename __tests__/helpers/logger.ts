/**
 * The logging seam (src/util/log.ts) in tests: `captureLogger()` puts a logger that records every line in place
 * for the test file (or describe block) and puts the previous one back after it — setLogger returns it.
 */
import { setLogger, type Logger } from '../../src/util/log';

export interface CapturedLog {
  /** Every line so far: `info: …`, `warn: …`, `debug: …` (or as `format` writes them). */
  readonly lines: string[];
  /** The lines' text joined with newlines. */
  text(): string;
  /** Forgets the lines so far. */
  clear(): void;
  /** The logger in place (its `mask` does nothing). */
  readonly logger: Logger;
}

/**
 * Installs the capturing logger in a beforeAll (`scope: 'all'`, the default) or beforeEach (`'each'`, lines
 * cleared per test), and restores the previous logger in the matching after hook.
 */
export function captureLogger(
  opts: { scope?: 'all' | 'each'; format?: (level: 'info' | 'warn' | 'debug', m: string) => string } = {},
): CapturedLog {
  const format = opts.format ?? ((level, m) => `${level}: ${m}`);
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(format('info', m)),
    warn: (m) => lines.push(format('warn', m)),
    debug: (m) => lines.push(format('debug', m)),
    mask: () => undefined,
  };
  let previous: Logger | undefined;
  const install = (): void => {
    lines.length = 0;
    previous = setLogger(logger);
  };
  const restore = (): void => {
    if (previous) setLogger(previous);
    previous = undefined;
  };
  if (opts.scope === 'each') {
    beforeEach(install);
    afterEach(restore);
  } else {
    beforeAll(install);
    afterAll(restore);
  }
  return { lines, text: () => lines.join('\n'), clear: () => void (lines.length = 0), logger };
}
