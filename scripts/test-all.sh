#!/usr/bin/env bash
# The whole test suite — README's second command, and exactly what .ci/run runs:
# typecheck, lint, unit tests, dist/ check, then the real-parts environment (Docker engine, Clair built from
# its Go module, PostgreSQL, registry, fixture images) and the end-to-end tests against it.
# Starts what it needs and stops what it started (by process id), whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
export CLAIR_SCAN_REPO="$PWD"
results="$PWD/.testenv/results"
mkdir -p "$results"
rm -f "$results"/*.json

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

echo "== typecheck"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== dist/ matches the sources"; node scripts/bundle.js --check

# The environment comes before the unit tests too: the HTML report's browser test needs Debian's chromium.
echo "== test environment"
cleanup() { bash scripts/test-env.sh down || true; }
trap cleanup EXIT
bash scripts/test-env.sh up
bash scripts/fixtures/build.sh

echo "== unit tests"
unit_rc=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" || unit_rc=$?

echo "== end-to-end tests (real Docker, Clair, PostgreSQL, registry)"
e2e_rc=0
npx jest --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" || e2e_rc=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["unit", "e2e"]) {
    const p = process.argv[1] + "/" + f + ".json";
    if (!fs.existsSync(p)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(p, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); skipped += r.numPendingTests;
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
[ "$unit_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ]
