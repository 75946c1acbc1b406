#!/usr/bin/env bash
# Benchmarks (never timed assertions in tests): a full scan of the largest fixture, phase by phase, with peak
# memory and the raw-API baseline; then every reporter on 10,000 synthetic findings; then the data load of the
# 250,000-record bundle against a plain docker cp + clairctl import-updaters (bench/data-load.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
cleanup() { bash scripts/test-env.sh down || true; }
trap cleanup EXIT
bash scripts/test-env.sh up
bash scripts/fixtures/build.sh
npx tsx bench/scan.ts "$@"
npx tsx bench/reporters.ts
# Vulnerability data from a registry snapshot (250,000 records): pull, verify, copy, import; goal ≤ 30 s to a ready Clair.
npx tsx bench/data-cache.ts
npx tsx bench/data-load.ts
