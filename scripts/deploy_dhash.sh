#!/usr/bin/env bash
# Seed runbook entry point: ./scripts/deploy_dhash.sh --env production --release <dir|archive> [--backup-first] [--dry-run]
# A thin wrapper: the deploy itself (backup, migrate, switch, health, undo) is `dhash-rollout deploy`.
set -euo pipefail
exec node "$(dirname "$0")/../dist/cli.js" deploy "$@"
