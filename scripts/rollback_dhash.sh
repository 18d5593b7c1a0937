#!/usr/bin/env bash
# Seed-compatible wrapper: ./scripts/rollback_dhash.sh --backup FILE|latest --env production [--force]
# Runs `dhash-rollout rollback` from the built CLI; all flags pass through (see --help).
# Production asks for the environment name on a terminal; without one it refuses (exit 4) unless
# --force is given or DHASH_ROLLBACK_CONFIRM=production is set in the environment.
set -euo pipefail
exec node "$(dirname "$0")/../dist/cli.js" rollback "$@"
