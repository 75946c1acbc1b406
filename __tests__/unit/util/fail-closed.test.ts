/**
 * Fail closed (util/phase.ts), proven in real child processes: a phase that stalls on a real stream, with
 * nothing left to wake it, used to let Node empty its event loop and exit 0 without scanning. Each case runs a
 * small program through tsx and checks the exit code, the error text and that cleanup ran.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const PHASE = path.join(REPO, 'src/util/phase.ts');
const TSX = path.join(REPO, 'node_modules/.bin/tsx');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-unit-failclosed-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `body` (the main function's body) under guardProcess; cleanup writes a marker file. */
function run(body: string, imports = ''): { code: number | null; stderr: string; cleaned: boolean } {
  const marker = path.join(dir, 'cleaned');
  const file = path.join(dir, 'prog.ts');
  fs.writeFileSync(
    file,
    `import * as fs from 'node:fs';
import { guardProcess, runPhase } from ${JSON.stringify(PHASE)};
${imports}
guardProcess(async () => {
${body}
}, {
  report: (e) => process.stderr.write('error: ' + e.message + '\\nwhat to do: ' + e.hint + '\\n'),
  cleanup: async () => fs.writeFileSync(${JSON.stringify(marker)}, 'yes'),
});
`,
  );
  const r = spawnSync(TSX, [file], { cwd: dir, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stderr: r.stderr, cleaned: fs.existsSync(marker) };
}

describe('guardProcess', () => {
  it('a tar pack written before anyone reads it (the old putFiles bug) stalls the phase: exit 2 naming it, cleanup ran', () => {
    const big = path.join(dir, 'bundle.jsonl');
    fs.writeFileSync(big, Buffer.alloc(4 << 20, 0x61));
    const r = run(
      `  await runPhase('data-load', 60000, async () => {
    const pack = tar.pack();
    const st = fs.statSync(${JSON.stringify(big)});
    await new Promise<void>((resolve, reject) => {
      fs.createReadStream(${JSON.stringify(big)}).on('error', reject).pipe(pack.entry({ name: 'b', size: st.size })).on('finish', resolve);
    });
    pack.finalize();
  });
  return 0;`,
      `import * as tar from ${JSON.stringify(path.join(REPO, 'node_modules/tar-stream'))};`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stopped in the "data-load" phase/);
    expect(r.stderr).toMatch(/what to do: /);
    expect(r.cleaned).toBe(true);
  });

  it('a stream that never ends, with nothing pending: exit 2, not 0', () => {
    const r = run(`  await runPhase('index', 60000, async () => {
    const { PassThrough } = await import('node:stream');
    const { finished } = await import('node:stream/promises');
    const s = new PassThrough();
    s.write('partial');
    await finished(s);
  });
  return 0;`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"index" phase/);
    expect(r.cleaned).toBe(true);
  });

  it('a phase stuck on a live socket ends at its deadline: exit 2, the phase and the deadline named', () => {
    const r = run(`  const net = await import('node:net');
  const server = net.createServer(() => undefined); // accepts, never answers
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await runPhase('match', 1500, () => new Promise<void>((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.on('data', () => resolve());
  }), 'Clair stopped answering.');
  return 0;`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the "match" phase did not finish within 2 s/);
    expect(r.stderr).toMatch(/what to do: Clair stopped answering\./);
    expect(r.cleaned).toBe(true);
  });

  it('process.exit() without a code in a phase: exit 2 (the default until main settles), and the reason naming the phase', () => {
    const r = run(`  await runPhase('data-load', 60000, async () => {
    process.exit();
  });
  return 0;`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: clair-scan exited in the "data-load" phase \(exit code 2\) before the scan completed/,
    );
    expect(r.cleaned).toBe(false); // nothing asynchronous can run once the process exits: the hint says how to clean up
  });

  it('an unhandled rejection is exit 2 (Node would exit 1, which means "policy failed")', () => {
    const r = run(`  await runPhase('reports', 60000, async () => {
    void Promise.reject(new Error('disk on fire'));
    await new Promise((r) => setTimeout(r, 200));
  });
  return 0;`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unhandled promise rejection in the "reports" phase: disk on fire/);
  });

  describe('concurrent phase chains (a batch scans several images at once): each error names its own image and phase', () => {
    const imports = `import { inImage } from ${JSON.stringify(PHASE)};
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';`;
    // app enters image-export, db enters match, app moves on to index and stalls there, db finishes last: a
    // process-global "current phase" (set and restored per call) would then name app's earlier image-export.
    const interleaved = (appIndex: string, dbMatch: string): string => `  let dbIn!: () => void;
  const dbEntered = new Promise<void>((r) => (dbIn = r));
  let appIn!: () => void;
  const appIndexing = new Promise<void>((r) => (appIn = r));
  const app = inImage('registry:reg.example/app:1', async () => {
    await runPhase('image-export', 60000, async () => { await dbEntered; });
    await runPhase('index', 60000, async () => { appIn(); ${appIndex} });
  });
  const db = inImage('registry:reg.example/db:1', () => runPhase('match', 60000, async () => { dbIn(); await appIndexing; ${dbMatch} }));
  await Promise.all([app, db]);
  return 0;`;
    const stall = `const s = new PassThrough(); s.write('partial'); await finished(s);`;

    it('one chain stalls, the other finishes: the stall names the stalled image and its phase', () => {
      const r = run(interleaved(stall, `await new Promise((r) => setTimeout(r, 50));`), imports);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^error: clair-scan stopped in the "index" phase of registry:reg\.example\/app:1: it was waiting for something that can never happen/,
      );
      expect(r.stderr).not.toMatch(/db:1|image-export|"match"/);
      expect(r.cleaned).toBe(true);
    });

    it('both chains stall: both are named', () => {
      const r = run(interleaved(stall, stall), imports);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^error: clair-scan stopped in the "match" phase of registry:reg\.example\/db:1 and the "index" phase of registry:reg\.example\/app:1: /,
      );
      expect(r.cleaned).toBe(true);
    });

    it('an unhandled rejection in one chain names that chain, not the one that entered a phase last', () => {
      const r = run(
        interleaved(
          `await new Promise((r) => setTimeout(r, 100));`,
          `void Promise.reject(new Error('disk on fire')); await new Promise((r) => setTimeout(r, 200));`,
        ),
        imports,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^error: unhandled promise rejection in the "match" phase of registry:reg\.example\/db:1: disk on fire/,
      );
      expect(r.cleaned).toBe(true);
    });
  });

  it('a rejected main is exit 2 with its message', () => {
    const r = run(`  throw new Error('boom');`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/internal error: boom/);
    expect(r.cleaned).toBe(true);
  });

  it('a signal handler that is cleaning up keeps its exit code (143), even when main settles first with 2', () => {
    const r = run(
      `  process.on('SIGTERM', () => {
    exitingOnSignal(143);
    setTimeout(() => process.exit(143), 300); // "cleanup" takes a while
  });
  process.kill(process.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 50));
  return 2; // the cancelled scan failed`,
      `import { exitingOnSignal } from ${JSON.stringify(PHASE)};`,
    );
    expect(r.code).toBe(143);
  });

  it.each([0, 1])('a main that settles with %i exits with it, and no cleanup is forced', (code) => {
    const r = run(`  await runPhase('reports', 60000, async () => undefined);
  return ${code};`);
    expect(r.code).toBe(code);
    expect(r.stderr).toBe('');
    expect(r.cleaned).toBe(false);
  });
});
