#!/usr/bin/env node
// Seed-compatible wrapper: `node scripts/monitor_dhash.js ...` runs `dhash-rollout monitor` with the same flags
// in this process (no child to orphan) and exits with its code (0 passed, 10 alerted, 11 rolled back,
// 12 rollback failed, 13 inconclusive, 130/143 interrupted with evidence written, 2 usage).
import { runCliCommand } from './run-cli.js';

await runCliCommand('monitor', import.meta.url);
