#!/usr/bin/env node
// Seed-compatible wrapper: `node scripts/validate_logging.js ...` runs `dhash-rollout validate-logging` with the same flags
// and exits with its code (0 ok, 1 errors or strict warnings, 2 usage).
import { runCliCommand } from './run-cli.js';

await runCliCommand('validate-logging', import.meta.url);
