/**
 * Log lines carry attacker-controlled text (package names from the image, Clair's and registries' messages). On
 * GitHub a line starting with `::` is a workflow command and `##[` starts a legacy one; escape sequences and
 * carriage returns can erase or overwrite earlier lines in terminals and GitLab's log viewer. The logger, the
 * action's logger and every text the CLI prints go through util/log.ts defuse.
 */
import { defuse, log, scrub, setLogger } from '../../../src/util/log';
import { useActionsLogger } from '../../../src/action/runtime';

const ZWSP = '\u200b';

/** What the runner would treat as a workflow command in this output (its v2 and v1 parsers' first checks). */
function commandLines(output: string): string[] {
  return output.split(/\r?\n/).filter((l) => l.trimStart().startsWith('::') || l.includes('##['));
}

describe('defuse', () => {
  test.each([
    ['a line starting with ::', 'pkg 1.0\n::add-mask::secret'],
    ['after spaces and tabs', '  \t::stop-commands::tok'],
    [
      'after a no-break space and an ideographic space (the runner trims Unicode whitespace)',
      '\u00a0\u3000::error file=x::owned',
    ],
    ['the legacy form anywhere in a line', 'CVE-1 in ##[set-output name=verdict;]pass'],
    ['at the very start', '::warning::fake'],
  ])('%s is no workflow command, and reads the same', (_name, input) => {
    const out = defuse(input);
    expect(commandLines(input).length).toBeGreaterThan(0);
    expect(commandLines(out)).toEqual([]);
    expect(out.split(ZWSP).join('')).toBe(input);
  });

  test('escape sequences, carriage returns, C1 controls and bidi overrides become visible \\u escapes', () => {
    const input = 'ok\x1b[2K\rfake line\x9b31m\u202eevil\u2066x\x00';
    expect(defuse(input)).toBe('ok\\u001b[2K\\u000dfake line\\u009b31m\\u202eevil\\u2066x\\u0000');
  });

  test('newlines, tabs, ordinary text and single colons are left alone', () => {
    const text = 'CVE-2099-1001\topenssl 3.0.11-1~deb12u2: fixed in 3.0.13\nhttps://example.test/a::b  #[x]';
    expect(defuse(text)).toBe(text);
  });

  test('scrub masks registered secrets and defuses', () => {
    log.mask('s3cr3t-token');
    expect(scrub('token s3cr3t-token\n::add-mask::x')).toBe(`token ***\n:${ZWSP}:add-mask::x`);
  });
});

describe('the loggers write defused text', () => {
  let written: string[];
  let restoreWrite: () => void;
  beforeEach(() => {
    written = [];
    // Capture what reaches the job log: the process's own streams, not a function of ours.
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((c: string | Uint8Array) => (written.push(String(c)), true)) as typeof process.stdout.write;
    process.stderr.write = ((c: string | Uint8Array) => (written.push(String(c)), true)) as typeof process.stderr.write;
    restoreWrite = () => {
      process.stdout.write = out;
      process.stderr.write = err;
    };
  });
  afterEach(() => restoreWrite());

  const hostile = 'package evil\n::add-mask::${{ secrets.X }}\n##[error]fake\x1b[1A';

  test("the action's logger (@actions/core writes info lines as they are)", () => {
    const previous = setLogger({
      info: () => undefined,
      warn: () => undefined,
      debug: () => undefined,
      mask: () => undefined,
    });
    try {
      useActionsLogger();
      log.info(hostile);
      log.warn(hostile);
    } finally {
      setLogger(previous);
    }
    const output = written.join('');
    expect(output).toContain('package evil');
    expect(commandLines(output).filter((l) => !l.startsWith('::warning::'))).toEqual([]);
    // The warning is one command whose data (newlines escaped by @actions/core) holds no other command.
    expect(output).not.toContain('\x1b');
    expect(output).toContain('\\u001b[1A');
  });

  test("the CLI's logger (stderr)", () => {
    log.info(hostile);
    log.warn(hostile);
    const output = written.join('');
    expect(output).toContain('package evil');
    expect(commandLines(output)).toEqual([]);
    expect(output).not.toContain('\x1b');
  });
});
