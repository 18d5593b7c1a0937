#!/usr/bin/env bash
# Seed runbook entry point: ./scripts/migrate_dhash.sh --env production [--dry-run] [--direction up|down] [--to N]
# A thin wrapper: the migration itself (plan, checksums, locks, one transaction per step) is `dhash-rollout migrate`.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
cli="${script_dir}/../dist/cli.js"

if [[ ! -f "${cli}" ]]; then
  echo "migrate_dhash.sh: ${cli} not found; run 'npm run build' first" >&2
  exit 2
fi

exec node "${cli}" migrate "$@"
