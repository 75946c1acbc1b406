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
# Warm scans in one job: one ephemeral Clair with the data loaded once, 5 fixture images one after the other (export,
# index, coverage proof, match, normalize, compliance, reports) vs Clair's own index + match on a twin Clair by raw API
# calls; median of 3 runs. Goal (issue 11): ≤ 1.10 × Clair's own time.
npx tsx bench/warm-scan.ts --runs 3
npx tsx bench/reporters.ts
# Bundle line splitting: one 32 MiB and one 64 MiB line, and 64 MiB of 1 KiB lines; linear (issue 20: it was quadratic).
npx tsx bench/bundle-lines.ts
# Vulnerability data from a registry snapshot (250,000 records): pull, verify, copy, import; goal ≤ 30 s to a ready Clair.
npx tsx bench/data-cache.ts
npx tsx bench/data-load.ts
# Batch mode: 50 generated images (shared bases, own top layers) against a warm Clair at concurrency 1, 2, 4, vs the
# sum of Clair's own index + match times by raw API calls on a twin set in the same run.
npx tsx bench/batch.ts
