import {
  notifyCommand,
  openNotifyLog,
  parseEvent,
  parseLevel,
  replayCommand,
  type NotifyDeps,
  type NotifyResult,
} from '../../commands/notify.js';
import { logDir } from '../../config/state-dir.js';
import { notifyDepsFor } from '../../wiring/notify.js';
import type { ActionCommand, ActionContext, ActionResult } from '../context.js';
import { optionalInput } from '../inputs.js';
import { codeBlock, table } from '../markdown.js';

export function notifyDeps(ctx: ActionContext): NotifyDeps & { logPath: string } {
  const config = ctx.loadConfig();
  const dir = logDir(ctx.inputs.workingDirectory, optionalInput(ctx.core, 'log-dir'));
  const { logger, path } = openNotifyLog(config, ctx.clock, dir);
  for (const warning of config.warnings) ctx.core.warning(warning, { title: 'dhash-rollout notifications' });
  return {
    ...notifyDepsFor(config, { clock: ctx.clock, logger, logDir: dir, env: ctx.inputs.environmentVariables }),
    logPath: path,
  };
}

/** Outputs, annotations and job summary for notify and deploy-notify; all text is already redacted. */
export function notifyActionResult(ctx: ActionContext, result: NotifyResult, heading: string): ActionResult {
  const m = result.message;
  const outputs = { environment: m.environment, 'deployment-id': m.deploymentId };
  if (result.dryRun) {
    const rendered = result.rendered.map(
      (r) => `**${r.channel}** → \`${r.target}\`\n\n${codeBlock(JSON.stringify(r.payload, null, 2), 'json')}`,
    );
    return {
      outputs: { ...outputs, result: 'planned' },
      summary: [
        `## ${heading} (dry-run): nothing sent`,
        `"${m.title}" · ${m.level} · dedup key \`${result.dedupKey}\``,
        ...rendered,
      ].join('\n\n'),
    };
  }
  const report = result.report;
  const failed = report.deliveries.filter((d) => !d.delivered);
  for (const d of failed)
    ctx.core.error(`${d.channel}: ${d.error}`, { title: `dhash notification not delivered (${d.channel})` });
  const summary = [
    `## ${heading}: ${report.allDelivered ? 'delivered' : `${failed.length} channel(s) not delivered`}`,
    `"${m.title}" · ${m.level} · \`${m.environment}\` · dedup key \`${result.dedupKey}\``,
    report.deliveries.length === 0
      ? 'No channel is enabled for this environment.'
      : table(
          ['channel', 'target', 'result', 'attempts', 'error'],
          report.deliveries.map((d) => [
            d.channel,
            d.target ?? '',
            d.delivered ? '✅ delivered' : d.fellBack ? '❌ in fallback' : '❌ lost (fallback unwritable)',
            d.attempts,
            d.error ?? '',
          ]),
        ),
    report.fallbackPath
      ? `Undelivered messages were appended to \`${report.fallbackPath}\`; send them with \`dhash-rollout notify --replay\` (or command \`notify-replay\`).`
      : '',
  ].join('\n\n');
  const lost = failed.filter((d) => !d.fellBack).map((d) => d.channel);
  return {
    outputs: { ...outputs, result: report.allDelivered ? 'delivered' : 'fallback' },
    summary,
    failure: report.allDelivered
      ? undefined
      : lost.length > 0
        ? `notification not delivered to ${failed.map((d) => d.channel).join(', ')}; the fallback file could not be written for ${lost.join(', ')}: printed whole on stderr, the only copy`
        : `notification not delivered to ${failed.map((d) => d.channel).join(', ')}; kept in the fallback file`,
    // 5 when a message is neither delivered nor stored, as from the CLI.
    exitCode: result.exitCode,
  };
}

/** Inputs: environment, config, level, message, event, deployment-id, version, log-dir, dry-run. */
export const notifyAction: ActionCommand = async (ctx) => {
  const deps = notifyDeps(ctx);
  const event = optionalInput(ctx.core, 'event');
  const result = await notifyCommand(
    {
      level: parseLevel(optionalInput(ctx.core, 'level'), 'level'),
      text: optionalInput(ctx.core, 'message') ?? '',
      event: event === undefined ? undefined : parseEvent(event, 'event'),
      deploymentId: optionalInput(ctx.core, 'deployment-id'),
      version: optionalInput(ctx.core, 'version'),
      dryRun: ctx.inputs.dryRun,
    },
    deps,
  );
  return notifyActionResult(ctx, result, 'dhash-rollout notify');
};

/** `command: notify-replay`: re-sends the fallback file's undelivered lines. */
export const notifyReplayAction: ActionCommand = async (ctx) => {
  const report = await replayCommand(notifyDeps(ctx));
  const delivered = report.lines.filter((l) => l.status === 'delivered').length;
  const summary = [
    `## dhash-rollout notify replay: ${delivered} delivered, ${report.pending} still pending`,
    report.lines.length === 0
      ? 'Nothing to replay.'
      : table(
          ['channel', 'dedup key', 'recorded', 'result', 'error'],
          report.lines.map((l) => [l.channel, l.dedup_key, l.recorded_at, l.status, l.error ?? '']),
        ),
  ].join('\n\n');
  return {
    outputs: { result: report.pending > 0 ? 'fallback' : 'delivered' },
    summary,
    failure: report.pending > 0 ? `${report.pending} fallback line(s) still undelivered` : undefined,
  };
};
