/**
 * Issue 10: secrets on the command line show in `ps`. Every `secret: true` input is also read from a file
 * (`--<name>-file`, `CLAIR_SCAN_<NAME>_FILE`) and from its environment variable; given as a flag it still works
 * but warns. Whatever way it came, its value is masked in every log line and every error the CLI prints.
 */
import { expectScanError } from '../../helpers/errors';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliSettings, envName, runCli } from '../../../src/cli';
import { INPUTS } from '../../../src/inputs/definitions';
import { SECRET_INPUTS } from '../../../src/inputs/action-inputs';
import type { Settings } from '../../../src/inputs/settings';
import { log } from '../../../src/util/log';

let err: string;
let stderrSpy: jest.SpyInstance;
let tmp: string;
beforeEach(() => {
  err = '';
  stderrSpy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-cli-secrets-'));
});
afterEach(() => {
  stderrSpy.mockRestore();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const CLI_SECRETS = INPUTS.filter((d) => d.secret && !d.actionOnly).map((d) => d.name);
const VALUE: Record<string, (s: Settings) => string | undefined> = {
  'registry-password': (s) => s.registry.password,
  'clair-psk': (s) => s.clairPsk,
  'postgres-url': (s) => s.postgresUrl,
  'gitlab-token': (s) => s.publish.gitlabToken,
};

/** A value unique per test, so masks registered by earlier tests cannot make a later one pass. */
let n = 0;
const secretValue = (): string => `s3cr3t-${process.pid}-${++n}-value`;

function secretFile(value: string, name = 'secret'): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, `${value}\n`, { mode: 0o600 });
  return f;
}

describe('the input table marks the secrets', () => {
  it('registry-password, clair-psk, postgres-url, github-token and gitlab-token are secret; the action masks exactly those', () => {
    expect(INPUTS.filter((d) => d.secret).map((d) => d.name)).toEqual([
      'registry-password',
      'clair-psk',
      'postgres-url',
      'github-token',
      'gitlab-token',
    ]);
    expect([...SECRET_INPUTS]).toEqual(INPUTS.filter((d) => d.secret).map((d) => d.name));
    expect(Object.keys(VALUE).sort()).toEqual([...CLI_SECRETS].sort());
  });

  it.each(CLI_SECRETS)('%s: its description documents the variable and the file flag', (name) => {
    const d = INPUTS.find((i) => i.name === name)!;
    expect(d.description).toContain(`\`${envName(name)}\``);
    expect(d.description).toContain(`\`--${name}-file <path>\``);
    expect(d.description).toContain(`\`${envName(name)}_FILE\``);
    expect(d.description).toMatch(/masked in logs/);
  });
});

describe.each(CLI_SECRETS)('%s', (name) => {
  it('is read from --<name>-file (without the final newline), with no warning', async () => {
    const v = secretValue();
    const s = await cliSettings([`--${name}-file`, secretFile(v), 'app:1']);
    expect(VALUE[name](s)).toBe(v);
    expect(err).toBe('');
  });

  it('is read from CLAIR_SCAN_<NAME>_FILE, which wins over CLAIR_SCAN_<NAME>', async () => {
    const v = secretValue();
    const s = await cliSettings(['app:1'], {
      [`${envName(name)}_FILE`]: secretFile(v),
      [envName(name)]: 'the-template-default',
    });
    expect(VALUE[name](s)).toBe(v);
  });

  it('is read from CLAIR_SCAN_<NAME>', async () => {
    const v = secretValue();
    expect(VALUE[name](await cliSettings(['app:1'], { [envName(name)]: v }))).toBe(v);
  });

  it('the flags win over the environment; the value flag over the file flag is an error', async () => {
    const v = secretValue();
    const file = secretFile(v);
    expect(
      VALUE[name](
        await cliSettings([`--${name}-file`, file, 'app:1'], {
          [envName(name)]: 'env',
          [`${envName(name)}_FILE`]: '/nonexistent',
        }),
      ),
    ).toBe(v);
    const e = await expectScanError(cliSettings([`--${name}`, 'x', `--${name}-file`, file, 'app:1']));
    expect(e.message).toBe(`both --${name} and --${name}-file were given`);
    expect(e.hint).toMatch(new RegExp(`give only --${name}-file`));
  });

  it('as a flag it still works, with a warning that names the safer ways and not the value', async () => {
    const v = secretValue();
    expect(VALUE[name](await cliSettings([`--${name}`, v, 'app:1']))).toBe(v);
    expect(err).toMatch(
      new RegExp(
        `warning: --${name} on the command line is visible to other users of this machine in the process list; pass it in ${envName(name)} or with --${name}-file <path> instead`,
      ),
    );
    expect(err).not.toContain(v);
  });

  it('a missing or empty file is an error naming where it came from', async () => {
    const missing = path.join(tmp, 'nope');
    let e = await expectScanError(cliSettings([`--${name}-file`, missing, 'app:1']));
    expect(e.message).toMatch(new RegExp(`^cannot read --${name}-file "${missing}": .*ENOENT`));
    e = await expectScanError(cliSettings(['app:1'], { [`${envName(name)}_FILE`]: missing }));
    expect(e.message).toMatch(new RegExp(`^cannot read ${envName(name)}_FILE "${missing}"`));
    const empty = secretFile('', 'empty');
    e = await expectScanError(cliSettings([`--${name}-file`, empty, 'app:1']));
    expect(e.message).toBe(`--${name}-file "${empty}" is empty`);
  });

  it.each(['flag', 'file', 'env'])(
    'given by %s, it is masked in the error the CLI prints and in later log lines',
    async (how) => {
      const v = secretValue();
      // An error whose text contains the secret: an output-dir path that is a file named after it.
      const file = path.join(tmp, `reports-${v}`);
      fs.writeFileSync(file, '');
      const args = how === 'flag' ? [`--${name}`, v] : how === 'file' ? [`--${name}-file`, secretFile(v)] : [];
      const env = how === 'env' ? { [envName(name)]: v } : {};
      expect(await runCli([...args, '--output-dir', file, 'app:1'], env)).toBe(2);
      expect(err).toMatch(/error: input "output-dir" \(".*reports-\*\*\*"\) exists and is not a directory/);
      expect(err).not.toContain(v);
      log.info(`later: ${v}`);
      expect(err).toContain('later: ***');
      expect(err).not.toContain(v);
    },
  );
});

describe('the file flags are CLI flags of the secrets only', () => {
  it('--help lists --<name>-file for each secret and for nothing else', async () => {
    let out = '';
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      out += String(c);
      return true;
    });
    try {
      expect(await runCli(['--help'], {})).toBe(0);
    } finally {
      spy.mockRestore();
    }
    // A secret's file flag: `--<name>-file <path>  read <name> from this file` (`--images-file` is batch mode's list, no secret).
    const fileFlags = [...out.matchAll(/^\s+--([a-z-]+)-file <path>\s+read \1 from this file/gm)].map((m) => m[1]);
    expect(fileFlags.sort()).toEqual([...CLI_SECRETS].sort());
  });

  it('--github-token (action only) is no CLI flag, not even as a file', async () => {
    expect(await runCli(['--github-token-file', '/x', 'app:1'], {})).toBe(2);
    expect(err).toMatch(/unknown option '--github-token-file'/);
  });
});
