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
rm -f "$results"/*.json "$results"/*.files

# A golden-file rewrite would make any report pass: never in the suite (the golden helper refuses it on CI too).
if [ -n "${UPDATE_GOLDEN:-}" ]; then echo "UPDATE_GOLDEN is set: the full suite does not rewrite golden files" >&2; exit 2; fi

# npm ci takes ~8 min here (gitlab-ci-local's re2 compiles: its prebuilt binary is on GitHub, which this machine
# cannot reach), so the installed tree is cached as a tar keyed by the lock file, Node's version and the CPU; a
# changed lock file or Node installs anew. Written to a temp name, then renamed: a killed run leaves no half cache.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  nm_key=$( { cat package-lock.json; node -p 'process.version + " " + process.arch + " " + process.platform'; } | sha256sum | cut -c1-16)
  nm_dir=${CLAIR_SCAN_CACHE:-$HOME/.cache/clair-scan}/node_modules
  nm_tar=$nm_dir/$nm_key.tar
  if [ -f "$nm_tar" ]; then
    echo "== node_modules from the cache ($nm_tar)"
    rm -rf node_modules
    tar -xf "$nm_tar"
  else
    echo "== npm ci"
    npm ci --no-audit --no-fund
    mkdir -p "$nm_dir"
    tar -cf "$nm_tar.tmp.$$" node_modules && mv "$nm_tar.tmp.$$" "$nm_tar"
    # Only the two newest trees are kept.
    ls -1t "$nm_dir"/*.tar | tail -n +3 | xargs -r rm -f
  fi
  touch node_modules/.package-lock.json
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
# exist before the tests ran, containers carrying clair-scan's owner label that did not either, and volumes that
# did not either and that no container uses (the anonymous volume of an image's VOLUME, e.g. PostgreSQL's data
# directory, outlives a container removed without its volumes). Another job's things on a shared daemon are not
# this run's business: only what appeared during the run counts, and nothing is removed here.
tmp_before=$(mktemp); tmp_after=$(mktemp); ctr_before=$(mktemp); ctr_after=$(mktemp); vol_before=$(mktemp); vol_after=$(mktemp)
ls -1 "${TMPDIR:-/tmp}" | grep -E '^(cs-|clair-scan-)' | sort >"$tmp_before" || true
docker ps -a --filter label=io.clair-scan.owner=clair-scan --format '{{.Names}}' | sort >"$ctr_before" || true
docker volume ls -q | sort >"$vol_before"

# Each project's test files as jest finds them: scripts/test-results.js fails the run when one did not run.
for p in unit browser e2e; do
  { npx jest --selectProjects "$p" --listTests | grep '\.test\.ts$' || true; } | sort >"$results/$p.files"
done

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
docker volume ls -q --filter dangling=true | sort >"$vol_after"
left_volumes=$(comm -13 "$vol_before" "$vol_after")
rm -f "$tmp_before" "$tmp_after" "$ctr_before" "$ctr_after" "$vol_before" "$vol_after"
if [ -n "$left_dirs$left_containers$left_volumes" ]; then
  leftover_rc=1
  echo "== FAILED: the tests left things behind"
  [ -n "$left_dirs" ] && printf 'temp dir: %s\n' $left_dirs
  [ -n "$left_containers" ] && printf 'container: %s\n' $left_containers
  [ -n "$left_volumes" ] && printf 'volume: %s\n' $left_volumes
fi

# Totals, and what may not pass silently: a skipped/pending/todo test, a test file that did not run, fewer tests
# run than a file declares, a project without results.
results_rc=0
node scripts/test-results.js "$results" "$leftover_rc" || results_rc=$?
[ "$unit_rc" -eq 0 ] && [ "$browser_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ] && [ "$leftover_rc" -eq 0 ] && [ "$results_rc" -eq 0 ]
