import { smokeCommand } from '../../commands/smoke.js';
import { logDir } from '../../config/state-dir.js';
import type { CheckOutcome } from '../../domain/smoke/checks.js';
import type { ActionCommand } from '../context.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { table } from '../markdown.js';
import { latencyLimitMsOption, timeoutSecondsOption } from '../../options/values.js';

const ICON: Record<CheckOutcome['status'], string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skipped: '⏭️ skipped',
};

export function smokeChecksTable(checks: readonly CheckOutcome[]): string {
  return table(
    ['check', 'result', 'critical', 'time', 'detail'],
    checks.map((c) => [
      c.id,
      ICON[c.status],
      c.critical ? 'yes' : '',
      c.elapsedMs === undefined ? '' : `${Math.round(c.elapsedMs)} ms`,
      c.detail,
    ]),
  );
}

/** Inputs: environment, config, base-url, log-dir, and (when declared) quick, timeout, latency-limit-ms. */
export const smokeAction: ActionCommand = async (ctx) => {
  const quick = booleanInput(ctx.core, 'quick');
  const timeoutSeconds = timeoutSecondsOption(optionalInput(ctx.core, 'timeout'));
  const latencyLimitMs = latencyLimitMsOption(optionalInput(ctx.core, 'latency-limit-ms'));
  const result = await smokeCommand(
    ctx.loadConfig(),
    {
      quick,
      timeoutSeconds,
      latencyLimitMs,
      logDir: logDir(ctx.inputs.workingDirectory, optionalInput(ctx.core, 'log-dir')),
    },
    { clock: ctx.clock },
  );
  const failed = result.checks.filter((c) => c.status === 'fail');
  for (const check of failed)
    ctx.core.error(`${check.id}: ${check.detail}`, {
      title: `dhash smoke check failed${check.critical ? ' (critical)' : ''}`,
    });
  for (const check of result.checks.filter((c) => c.status === 'warn'))
    ctx.core.warning(`${check.id}: ${check.detail}`, { title: 'dhash smoke check warning' });
  const summary = [
    `## dhash-rollout smoke: ${result.verdict.status} for \`${result.environment}\``,
    `Service \`${result.baseUrl}\`${result.quick ? ' · quick mode (critical checks only)' : ''} · ${result.verdict.passed} passed, ${result.verdict.warned} warned, ${result.verdict.failed} failed`,
    smokeChecksTable(result.checks),
    `Log: \`${result.logPath}\``,
  ].join('\n\n');
  return {
    outputs: {
      result: result.verdict.status,
      environment: result.environment,
      'failed-checks': failed.map((c) => c.id).join(','),
      'report-path': result.logPath,
    },
    summary,
    failure: result.verdict.status === 'failed' ? `smoke tests failed: ${result.verdict.summary}` : undefined,
  };
};
