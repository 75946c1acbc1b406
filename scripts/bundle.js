#!/usr/bin/env node
// Builds the committed bundles: dist/main (action main), dist/post (action post), dist/cli (CLI).
// `node scripts/bundle.js --check` rebuilds into a temp dir and fails if dist/ differs from the sources.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entries = { main: 'src/main.ts', post: 'src/post.ts', cli: 'src/cli-entry.ts' };
const check = process.argv.includes('--check');
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'clair-scan-dist-')) : path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');

try {
  for (const [name, entry] of Object.entries(entries)) {
    const dir = path.join(out, name);
    fs.rmSync(dir, { recursive: true, force: true });
    execFileSync(ncc, ['build', entry, '-o', dir, '--license', 'licenses.txt', '--target', 'es2022', '-q', '--transpile-only'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    dropPlatformBinaries(dir);
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
