#!/usr/bin/env bash
# Seed-compatible wrapper: ./scripts/backup_dhash.sh --env production [--dry-run] [--output-dir DIR]
# Runs `dhash-rollout backup` from the built CLI; all flags pass through (see --help).
set -euo pipefail
exec node "$(dirname "$0")/../dist/cli.js" backup "$@"
