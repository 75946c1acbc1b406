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

# The environment comes before the unit tests: the browser tests need Debian's chromium, which it installs.
echo "== test environment"
cleanup() { bash scripts/test-env.sh down || true; }
trap cleanup EXIT
bash scripts/test-env.sh up
bash scripts/fixtures/build.sh

# What the tests leave behind is a failure too: temp dirs named like ours (cs-*, clair-scan-*) that did not
# exist before the tests ran, and containers carrying clair-scan's owner label that did not either (another
# job's containers on a shared daemon are not this run's business).
tmp_before=$(mktemp); tmp_after=$(mktemp); ctr_before=$(mktemp); ctr_after=$(mktemp)
ls -1 "${TMPDIR:-/tmp}" | grep -E '^(cs-|clair-scan-)' | sort >"$tmp_before" || true
docker ps -a --filter label=io.clair-scan.owner=clair-scan --format '{{.Names}}' | sort >"$ctr_before" || true

echo "== unit tests"
unit_rc=0
npx jest --selectProjects unit --json --outputFile="$results/unit.json" || unit_rc=$?

echo "== browser tests (the HTML report in headless chromium)"
browser_rc=0
npx jest --selectProjects browser --json --outputFile="$results/browser.json" || browser_rc=$?

echo "== end-to-end tests (real Docker, Clair, PostgreSQL, registry)"
e2e_rc=0
npx jest --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" || e2e_rc=$?

leftover_rc=0
ls -1 "${TMPDIR:-/tmp}" | grep -E '^(cs-|clair-scan-)' | sort >"$tmp_after" || true
left_dirs=$(comm -13 "$tmp_before" "$tmp_after")
docker ps -a --filter label=io.clair-scan.owner=clair-scan --format '{{.Names}}' | sort >"$ctr_after" || true
left_containers=$(comm -13 "$ctr_before" "$ctr_after")
rm -f "$tmp_before" "$tmp_after" "$ctr_before" "$ctr_after"
if [ -n "$left_dirs$left_containers" ]; then
  leftover_rc=1
  echo "== FAILED: the tests left things behind"
  [ -n "$left_dirs" ] && printf 'temp dir: %s\n' $left_dirs
  [ -n "$left_containers" ] && printf 'container: %s\n' $left_containers
fi

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of ["unit", "browser", "e2e"]) {
    const p = process.argv[1] + "/" + f + ".json";
    if (!fs.existsSync(p)) { failed++; continue; }
    const r = JSON.parse(fs.readFileSync(p, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); skipped += r.numPendingTests;
  }
  if (process.argv[2] !== "0") failed++; // the leftover check above
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results" "$leftover_rc"
[ "$unit_rc" -eq 0 ] && [ "$browser_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ] && [ "$leftover_rc" -eq 0 ]
