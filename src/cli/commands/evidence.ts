import type { Command } from 'commander';
import { readEvidence, replayEvidence } from '../../commands/evidence-replay.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { print, type CliIo } from '../io.js';
import { resolve } from 'node:path';

const HELP = `
Recomputes every value of a monitor evidence file (monitor_logs/*.evidence.json) from the raw
inputs stored with it (counter and bucket deltas, sample counts, PromQL answers at their
evaluation time, health answers), re-judges every reading with the monitor's own decision code
and the config recorded in the file, and compares values, verdicts, decisions and the result.

Exit codes: 0 every file replays identically · 1 a difference was found (each one is printed) ·
2 a file is missing or is not monitor evidence.

Example:
  dhash-rollout evidence replay monitor_logs/dhash_production_20260101_120000.evidence.json`;

export function registerEvidence(program: Command, io: CliIo): void {
  const evidence = program
    .command('evidence')
    .description('Work with monitor evidence files: replay them to prove every decision.');
  evidence
    .command('replay')
    .description('Recompute every value and verdict of an evidence file; non-zero exit on any difference.')
    .argument('<file...>', 'evidence file(s) written by monitor or rollout')
    .option('--json', 'print the replay results as JSON')
    .addHelpText('after', HELP)
    .action((files: string[], flags: { json?: boolean }) => {
      const results = files.map((f) => {
        const path = resolve(io.cwd, f);
        return replayEvidence(readEvidence(path), path);
      });
      if (flags.json) print(io, JSON.stringify(results, null, 2));
      else
        for (const r of results) {
          print(
            io,
            r.ok
              ? `${r.file}: replays identically (${r.readings} readings, ${r.decisions} decisions, result ${r.result})`
              : `${r.file}: ${r.differences.length} DIFFERENCE(S)`,
          );
          for (const d of r.differences.slice(0, 50)) print(io, `  - ${d}`);
          if (r.differences.length > 50) print(io, `  … and ${r.differences.length - 50} more`);
        }
      io.exitCode = results.every((r) => r.ok) ? ExitCode.ok : ExitCode.failed;
    });
}
