import { Option, type Command } from 'commander';
import { smokeCommand } from '../../commands/smoke.js';
import { renderSmokeTable } from '../../domain/smoke/verdict.js';
import { logDir } from '../../config/state-dir.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { ConsoleSink } from '../../runtime/logger.js';
import { addConfigOptions, loadFromFlags, type ConfigFlags } from '../common-options.js';
import { type CliIo, print, showsProgress } from '../io.js';
import { latencyLimitMsOption, timeoutSecondsOption } from '../../options/values.js';

interface SmokeFlags extends ConfigFlags {
  quick?: boolean;
  endpoint?: string;
  timeout?: string;
  latencyLimitMs?: string;
  logDir?: string;
  json?: boolean;
}

const HELP = `
Checks response bodies, not only status codes: /health JSON status "ok"; /metrics parses and has
the families the gates read; the queue status JSON has a numeric queue_length; POST /api/dhash with
the bundled sample image returns its known hash; an invalid payload gets a 4xx; the admin route is
not open; health latency against a limit (a slow answer warns). --quick runs the critical checks
(health, metrics, hash). Every check is logged to monitor_logs/smoke_tests_<env>_<ts>.log.

Exit codes: 0 all checks passed (warnings allowed), 1 a check failed, 2 bad flags or config.`;

export function registerSmoke(program: Command, io: CliIo): void {
  addConfigOptions(
    program
      .command('smoke')
      .description(
        'Smoke-test a running dhash service: health, metrics, queue, a known hash, bad input, admin route, latency.',
      )
      .option('--quick', 'run only the critical checks (health, metrics, hash)')
      .option('--endpoint <url>', "service base URL to probe (default: the environment's service.base_url)")
      .option('--timeout <seconds>', 'deadline for each request (default: service.request_timeout_seconds)')
      .option('--latency-limit-ms <ms>', 'health latency above this warns', '1000')
      .option('--log-dir <dir>', 'directory for the smoke log', 'monitor_logs')
      .addOption(new Option('--json', 'print the result as JSON instead of a table'))
      .addHelpText('after', HELP),
  ).action(async (flags: SmokeFlags) => {
    const timeoutSeconds = timeoutSecondsOption(flags.timeout);
    const latencyLimitMs = latencyLimitMsOption(flags.latencyLimitMs);
    const config = loadFromFlags(flags, io);
    const progress = showsProgress(io, flags.json);
    const result = await smokeCommand(
      config,
      {
        quick: flags.quick === true,
        endpoint: flags.endpoint,
        timeoutSeconds,
        latencyLimitMs,
        logDir: logDir(io.cwd, flags.logDir),
        extraSinks: flags.verbose ? [new ConsoleSink('DEBUG', io.stderr)] : [],
        onCheck: progress
          ? (o) =>
              io.stderr.write(`  ${o.status === 'pass' ? '✔' : o.status === 'warn' ? '!' : '✘'} ${o.id}\n`)
          : undefined,
      },
      { clock: io.clock },
    );
    if (flags.json) {
      print(io, JSON.stringify({ result: result.verdict.status, ...result }, null, 2));
    } else {
      print(
        io,
        `Smoke tests for "${result.environment}" at ${result.baseUrl}${result.quick ? ' (quick)' : ''}:\n`,
      );
      print(io, renderSmokeTable(result.checks));
      print(
        io,
        `\n${result.verdict.status.toUpperCase()}: ${result.verdict.passed} passed, ${result.verdict.warned} warned, ${result.verdict.failed} failed${result.verdict.criticalFailed ? ' (critical)' : ''}`,
      );
      print(io, `Log: ${result.logPath}`);
    }
    if (result.verdict.status === 'failed') io.exitCode = ExitCode.failed;
  });
}
