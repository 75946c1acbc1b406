#!/usr/bin/env bash
# README's first command: sets up what is needed (Node deps, Docker engine, Clair image built from its Go
# module, PostgreSQL image, fixture images) and scans the Debian fixture image with an ephemeral Clair.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
cleanup() { bash scripts/test-env.sh down || true; }
trap cleanup EXIT
bash scripts/test-env.sh up
bash scripts/fixtures/build.sh debian-vuln   # only what the demo scans (the suite builds them all)
env_json=.testenv/env.json
get() { node -e 'const e=require(process.argv[1]); console.log(process.argv[2].split(".").reduce((o,k)=>o[k], e))' "$PWD/$env_json" "$1"; }
rc=0
node dist/cli/index.js \
  --clair-image "$(get clairImage)" --postgres-image "$(get postgresImage)" --pull never \
  --vuln-data .testenv/fixtures/vulns.jsonl --output-dir demo-reports \
  localhost/clair-scan-fixture/debian-vuln:1 || rc=$?
echo
echo "Reports: $PWD/demo-reports (open clair-scan-report.html in a browser)."
case $rc in
  0) echo "Exit code 0: the policy passed." ;;
  1) echo "Exit code 1: the policy failed — expected for this deliberately vulnerable fixture (severity-threshold: high)." ;;
  *) echo "Exit code $rc: the scan failed."; exit "$rc" ;;
esac
