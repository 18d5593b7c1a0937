import type { Command } from 'commander';
import { ExitCode } from '../../runtime/exit-codes.js';
import { numberOption } from '../../options/values.js';
import { print, type CliIo } from '../io.js';

const HELP = `
Runs the product's main job for real on this machine, in a temporary workspace: the reference
service 1.0.0 on a local target with load running, a guarded rollout of 2.0.0 (healthy, with a
migration) that passes its gates, a guarded rollout of 3.0.0 (a regression baked into the
release) that a quality gate catches and rolls back to 2.0.0 with its data, then proof that 2.0.0
is healthy again. Notifications go to any channels configured in the environment or
.env.notifications, and otherwise into the replayable fallback file. Works from a checkout or
an installed package (the service's release bundles are prebuilt in dist/). Takes about 2-3
minutes of real time.

Exit codes: 0 every step above was observed, 1 something was not (the story says what).`;

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'Run the end-to-end demo: v1 under load, a passing rollout of v2, a regressed v3 caught and rolled back.',
    )
    .option('--window-seconds <n>', 'length of each monitoring window in real seconds', '40')
    .option('--rate <n>', 'requests per second offered by the load generator', '15')
    .option('--workspace <dir>', 'directory to work in (default: a new temporary directory)')
    .addHelpText('after', HELP)
    .action(async (flags: { windowSeconds: string; rate: string; workspace?: string }) => {
      const windowSeconds = numberOption('window-seconds', flags.windowSeconds, { min: 10 });
      const rate = numberOption('rate', flags.rate, { min: 1 });
      const controller = new AbortController();
      const onSignal = (): void => {
        io.stderr.write('\ninterrupted: stopping the service and the load generator …\n');
        controller.abort(new Error('interrupted'));
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        // The demo (and everything it drives) loads only when the demo runs.
        const { runDemo } = await import('../../demo/run-demo.js');
        const result = await runDemo({
          windowSeconds,
          rate,
          workspace: flags.workspace,
          out: (l) => {
            print(io, l);
          },
          clock: io.clock,
          env: io.env,
          signal: controller.signal,
        });
        print(io, '');
        print(
          io,
          result.ok
            ? `DEMO PASSED: all ${result.checks.length} checks observed.`
            : `DEMO FAILED: ${result.checks
                .filter((c) => !c.ok)
                .map((c) => c.what)
                .join('; ')}`,
        );
        if (result.reportPath) print(io, `Open the report: ${result.reportPath}`);
        io.exitCode = result.ok ? ExitCode.ok : ExitCode.failed;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
