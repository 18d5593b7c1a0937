#!/usr/bin/env bash
# Seed-compatible wrapper: ./scripts/backup_dhash.sh --env production [--dry-run] [--output-dir DIR]
# Runs `dhash-rollout backup` from the built CLI; all flags pass through (see --help).
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
cli="${script_dir}/../dist/cli.js"

if [[ ! -f "${cli}" ]]; then
  echo "backup_dhash.sh: ${cli} not found; run 'npm run build' first" >&2
  exit 2
fi

exec node "${cli}" backup "$@"
