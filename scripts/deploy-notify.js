#!/usr/bin/env node
// Seed-compatible wrapper: `node scripts/deploy-notify.js ...` runs `dhash-rollout deploy-notify` with the same flags
// and exits with its code (0 delivered, 1 something went to monitor_logs/notification_fallback.jsonl, 2 usage or config error).
import { runCliCommand } from './run-cli.js';

await runCliCommand('deploy-notify', import.meta.url);
