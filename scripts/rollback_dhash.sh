#!/usr/bin/env bash
# Seed-compatible wrapper: ./scripts/rollback_dhash.sh --backup FILE|latest --env production [--force]
# Runs `dhash-rollout rollback` from the built CLI; all flags pass through (see --help).
# Production asks for the environment name on a terminal; without one it refuses (exit 4) unless
# --force is given or DHASH_ROLLBACK_CONFIRM=production is set in the environment.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
cli="${script_dir}/../dist/cli.js"

if [[ ! -f "${cli}" ]]; then
  echo "rollback_dhash.sh: ${cli} not found; run 'npm run build' first" >&2
  exit 2
fi

exec node "${cli}" rollback "$@"
