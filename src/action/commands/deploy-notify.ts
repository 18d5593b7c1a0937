import { deployNotifyCommand } from '../../commands/deploy-notify.js';
import { parseEvent, parseLevel } from '../../commands/notify.js';
import type { ActionCommand } from '../context.js';
import { optionalInput } from '../inputs.js';
import { notifyActionResult, notifyDeps } from './notify.js';

/** Inputs: event (required), environment, config, level, message, deployment-id, version, log-dir, dry-run. */
export const deployNotifyAction: ActionCommand = async (ctx) => {
  const event = parseEvent(optionalInput(ctx.core, 'event'), 'event');
  const level = optionalInput(ctx.core, 'level');
  const deps = notifyDeps(ctx);
  const result = await deployNotifyCommand(
    {
      event,
      // action.yml defaults level to "info"; only a level other than that overrides the event's own.
      level: level === undefined || level === 'info' ? undefined : parseLevel(level, 'level'),
      text: optionalInput(ctx.core, 'message'),
      version: optionalInput(ctx.core, 'version'),
      deploymentId: optionalInput(ctx.core, 'deployment-id'),
      dryRun: ctx.inputs.dryRun,
    },
    deps,
  );
  return notifyActionResult(ctx, result, `dhash-rollout deploy-notify ${event}`);
};
