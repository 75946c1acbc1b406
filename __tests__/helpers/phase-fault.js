/**
 * A fault injected into a real entry point (the built CLI, the action's dist/main) from outside, for the fail-closed
 * e2e tests: `node --require __tests__/helpers/phase-fault.js dist/cli/index.js …`. It wraps fs.promises.readFile
 * before the bundle loads (the bundle looks readFile up on fs.promises at each call), so reading a file named
 * `cs-inject-stall` never settles, with nothing left pending (the event loop drains), and reading one named
 * `cs-inject-exit` calls process.exit() without a code. Pass such a file as the allowlist: it is read in the
 * `preflight` phase.
 *
 * Inert in production: nothing in src/ or dist/ loads or names this file, it is not in the npm package (package.json
 * `files`) nor in the bundles, and only whoever starts node — and so controls the process anyway — can preload it.
 * No input, environment variable or file content of a real run can turn it on.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const readFile = fs.promises.readFile;
fs.promises.readFile = function injected(file, ...rest) {
  const name = typeof file === 'string' ? path.basename(file) : '';
  if (name === 'cs-inject-stall') return new Promise(() => undefined);
  if (name === 'cs-inject-exit') process.exit();
  return readFile.call(this, file, ...rest);
};
