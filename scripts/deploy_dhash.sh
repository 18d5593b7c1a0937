#!/usr/bin/env bash
# Seed runbook entry point: ./scripts/deploy_dhash.sh --env production [--release <dir|archive>] [--backup-first] [--dry-run]
# Without --release: $DHASH_RELEASE, else the newest release staged on the target (the plan says which).
# A thin wrapper: the deploy itself (backup, migrate, switch, health, undo) is `dhash-rollout deploy`.
set -euo pipefail

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
cli="${script_dir}/../dist/cli.js"

if [[ ! -f "${cli}" ]]; then
  echo "deploy_dhash.sh: ${cli} not found; run 'npm run build' first" >&2
  exit 2
fi

exec node "${cli}" deploy "$@"
