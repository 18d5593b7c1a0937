#!/usr/bin/env bash
# Seed-compatible wrapper: ./scripts/smoke_tests.sh --env production [--quick] [--endpoint URL] ...
# runs `dhash-rollout smoke` from this checkout's bundle; every flag is passed through unchanged.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
cli="${script_dir}/../dist/cli.js"

if [[ ! -f "${cli}" ]]; then
  echo "smoke_tests.sh: ${cli} not found; run 'npm run build' first" >&2
  exit 2
fi

exec node "${cli}" smoke "$@"
