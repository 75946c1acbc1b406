#!/usr/bin/env node
// Builds the committed bundles: dist/main (action main), dist/post (action post), dist/cli (CLI).
// `node scripts/bundle.js --check` rebuilds into a temp dir and fails if dist/ differs from the sources: every file,
// so also the chunks ncc splits off (<id>.index.js: the modules loaded on first use, src/util/lazy.ts) — one missing,
// extra or stale is a difference.
// Both fail when a bundle's main file exceeds its size budget (BUDGETS): what every action run reads at start.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entries = { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli-entry.ts' };
const check = process.argv.includes('--check');
/**
 * Bytes. dist/main/index.js: issue 14's goal (was 10.5 MB with four copies of undici; start to first log line <= 0.5 s,
 * bench/action-start.ts). 4.0 MB when set (0.220 s); 4.1 MB since KEV/EPSS, the CI platforms, the Trivy/Grype
 * allowlists and proxies landed, after the exploit-data parsers and range-import moved to chunks (0.203 s measured);
 * 4.11 MB since the archive entry rules shared by both tar readers and the hostile-header checks (issue 23; the plain
 * reader itself is a chunk).
 */
const BUDGETS = { 'main/index.js': 4_110_000 };
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-dist-')) : path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');

try {
  for (const [name, entry] of Object.entries(entries)) {
    const dir = path.join(out, name);
    fs.rmSync(dir, { recursive: true, force: true });
    const stats = path.join(os.tmpdir(), `clair-scan-ncc-stats-${process.pid}-${name}.json`);
    try {
      execFileSync(
        ncc,
        ['build', entry, '-o', dir, '--stats-out', stats, '--target', 'es2022', '-q', '--transpile-only'],
        { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      writeLicenses(dir, JSON.parse(fs.readFileSync(stats, 'utf8')));
    } finally {
      fs.rmSync(stats, { force: true });
    }
    dropPlatformBinaries(dir);
  }
  const over = checkBudgets(out);
  if (over.length) {
    for (const o of over) console.error(o);
    console.error(
      'Keep what only some runs need out of the main chunk (src/util/lazy.ts), or find what grew: ncc build --stats-out.',
    );
    process.exitCode = 1;
  }
  if (check) {
    const diff = compareTrees(out, path.join(root, 'dist'));
    if (diff.length) {
      console.error(`dist/ does not match the sources (${diff.length} files differ): ${diff.slice(0, 10).join(', ')}`);
      console.error('Run `npm run bundle` and commit dist/.');
      process.exitCode = 1;
    } else {
      console.log('dist/ matches the sources.');
    }
  }
} finally {
  if (check) fs.rmSync(out, { recursive: true, force: true });
}

/**
 * licenses.txt: name, license and license text of every package in the bundle, main chunk and split chunks alike.
 * Not ncc's --license: its plugin writes one file per chunk under the same name, so with split chunks the last
 * chunk's packages overwrite the rest.
 */
function writeLicenses(dir, stats) {
  const pkgDirs = new Set();
  const walk = (mods) => {
    for (const m of mods ?? []) {
      const id = path.resolve(root, (m.nameForCondition ?? m.name ?? '').split('!').pop().split(' + ')[0]);
      const i = id.lastIndexOf(`${path.sep}node_modules${path.sep}`);
      if (i >= 0) {
        const rest = id.slice(i + '/node_modules/'.length).split(path.sep);
        pkgDirs.add(path.join(id.slice(0, i), 'node_modules', ...rest.slice(0, rest[0].startsWith('@') ? 2 : 1)));
      }
      walk(m.modules);
    }
  };
  walk(stats.modules);
  const entries = [];
  for (const d of pkgDirs) {
    const pj = path.join(d, 'package.json');
    if (!fs.existsSync(pj)) continue;
    const pkg = JSON.parse(fs.readFileSync(pj, 'utf8'));
    const type =
      typeof pkg.license === 'string'
        ? pkg.license
        : (pkg.license?.type ?? (pkg.licenses ?? []).map((l) => l.type).join(' OR '));
    const file = fs.readdirSync(d).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f));
    const text = file ? fs.readFileSync(path.join(d, file), 'utf8').trim() : '';
    entries.push({ key: `${pkg.name}@${pkg.version}`, text: `${pkg.name}\n${type || 'UNKNOWN'}\n${text}\n` });
  }
  const seen = new Set();
  const out = entries
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((e) => !seen.has(e.text) && seen.add(e.text))
    .map((e) => e.text);
  fs.writeFileSync(path.join(dir, 'licenses.txt'), out.join('\n'));
}

/** The budgets exceeded, as messages; prints every bundle's files and sizes. */
function checkBudgets(dir) {
  for (const name of Object.keys(entries)) {
    const files = listFiles(path.join(dir, name)).filter((f) => f.endsWith('.js'));
    const size = (f) => fs.statSync(path.join(dir, name, f)).size;
    const chunks = files.filter((f) => f !== 'index.js');
    console.log(
      `dist/${name}/index.js ${mb(size('index.js'))}${chunks.length ? ` + ${chunks.length} chunks loaded on use ${mb(chunks.reduce((a, f) => a + size(f), 0))}` : ''}`,
    );
  }
  return Object.entries(BUDGETS)
    .map(([f, max]) => [f, fs.statSync(path.join(dir, f)).size, max])
    .filter(([, size, max]) => size > max)
    .map(([f, size, max]) => `dist/${f} is ${mb(size)}, over its budget of ${mb(max)}.`);
}

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/**
 * ssh2 (pulled in by dockerode for ssh:// Docker hosts) ships an optional native crypto addon, built at
 * install time for one machine, and a Windows helper. ssh2 loads the addon in a try/catch and falls back to
 * pure JS, so the bundle leaves both out: it stays the same on every machine and runs on every runner.
 */
function dropPlatformBinaries(dir) {
  for (const f of listFiles(dir)) {
    if (f.endsWith('.node') || path.basename(f) === 'pagent.exe') fs.rmSync(path.join(dir, f));
  }
}

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

function compareTrees(a, b) {
  const files = new Set([...listFiles(a), ...listFiles(b)]);
  return [...files].filter((f) => {
    const fa = path.join(a, f);
    const fb = path.join(b, f);
    return !fs.existsSync(fa) || !fs.existsSync(fb) || !fs.readFileSync(fa).equals(fs.readFileSync(fb));
  });
}
