import { DhashError, UsageError, messageOf } from '../runtime/errors.js';
import type { Clock } from '../runtime/clock.js';
import { closeHttpAgents } from '../runtime/http.js';
import { validateAction } from './commands/validate.js';
import { smokeAction } from './commands/smoke.js';
import { validateLoggingAction } from './commands/validate-logging.js';
import { GITHUB_COMMANDS } from './commands/github.js';
import { monitorAction } from './commands/monitor.js';
import { notifyAction, notifyReplayAction } from './commands/notify.js';
import { deployNotifyAction } from './commands/deploy-notify.js';
import { deployAction } from './commands/deploy.js';
import { migrateAction } from './commands/migrate.js';
import { backupAction } from './commands/backup.js';
import { rollbackAction } from './commands/rollback.js';
import { rolloutAction } from './commands/rollout.js';
import { configLoader, type ActionCommand } from './context.js';
import type { ActionCore } from './core.js';
import { readCommonInputs } from './inputs.js';
import { TARGET_HOST_COMMANDS, refuseOffTargetHost } from './target-host.js';

/** Each command module adds itself here; one line per command. */
const COMMANDS: Record<string, ActionCommand> = {
  deploy: deployAction,
  migrate: migrateAction,
  notify: notifyAction,
  'notify-replay': notifyReplayAction,
  'deploy-notify': deployNotifyAction,
  monitor: monitorAction,
  backup: backupAction,
  rollback: rollbackAction,
  rollout: rolloutAction,
  validate: validateAction,
  smoke: smokeAction,
  'validate-logging': validateLoggingAction,
  ...GITHUB_COMMANDS,
};

/**
 * The action front end: inputs → command → outputs, job summary, and setFailed with the
 * operator-facing message. Never throws.
 */
export async function runAction(core: ActionCore, env: NodeJS.ProcessEnv, clock: Clock): Promise<void> {
  try {
    const inputs = readCommonInputs(core, env);
    const command = COMMANDS[inputs.command];
    if (!command) {
      throw new UsageError(
        `input "command": expected one of ${Object.keys(COMMANDS).join(', ')}, got "${inputs.command}"`,
      );
    }
    const load = configLoader(inputs);
    const loadConfig =
      TARGET_HOST_COMMANDS.has(inputs.command) && !inputs.dryRun
        ? () => {
            const config = load();
            refuseOffTargetHost(config, inputs.workingDirectory, inputs.environmentVariables);
            return config;
          }
        : load;
    const result = await command({ core, inputs, clock, loadConfig });
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    core.setOutput('exit-code', String(result.exitCode ?? (result.failure ? 1 : 0)));
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary, true).write();
    if (result.failure) core.setFailed(result.failure);
  } catch (error) {
    const message = messageOf(error);
    core.setOutput('result', 'error');
    core.setOutput('exit-code', String(error instanceof DhashError ? error.exitCode : 3));
    if (env.GITHUB_STEP_SUMMARY) {
      await core.summary
        .addRaw(`## dhash-rollout failed\n\n\`\`\`\n${message}\n\`\`\`\n`, true)
        .write()
        .catch(() => undefined);
    }
    if (!(error instanceof DhashError)) core.debug((error as Error)?.stack ?? '');
    core.setFailed(message);
  } finally {
    await closeHttpAgents();
  }
}
