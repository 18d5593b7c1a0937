import { DhashError, UsageError, messageOf } from '../runtime/errors.js';
import type { Clock } from '../runtime/clock.js';
import { closeHttpAgents } from '../runtime/http.js';
import { maskUrlUserinfo } from '../runtime/redact.js';
import { GITHUB_COMMANDS } from './commands/github.js';
import { configLoader, type ActionCommand } from './context.js';
import type { ActionCore } from './core.js';
import { readCommonInputs } from './inputs.js';
import { TARGET_HOST_COMMANDS, refuseOffTargetHost } from '../config/target-host.js';

/**
 * Each command module adds itself here; one line per command. A command's module is imported
 * only when that command runs: the action starts once per workflow step, and most steps need
 * neither the GitHub client, nor the artifact client, nor the SQL engines.
 */
// Partial: the command input is the user's, and names any key.
const COMMANDS: Partial<Record<string, () => Promise<ActionCommand>>> = {
  deploy: async () => (await import('./commands/deploy.js')).deployAction,
  migrate: async () => (await import('./commands/migrate.js')).migrateAction,
  notify: async () => (await import('./commands/notify.js')).notifyAction,
  'notify-replay': async () => (await import('./commands/notify.js')).notifyReplayAction,
  'deploy-notify': async () => (await import('./commands/deploy-notify.js')).deployNotifyAction,
  monitor: async () => (await import('./commands/monitor.js')).monitorAction,
  backup: async () => (await import('./commands/backup.js')).backupAction,
  rollback: async () => (await import('./commands/rollback.js')).rollbackAction,
  rollout: async () => (await import('./commands/rollout.js')).rolloutAction,
  validate: async () => (await import('./commands/validate.js')).validateAction,
  smoke: async () => (await import('./commands/smoke.js')).smokeAction,
  'validate-logging': async () => (await import('./commands/validate-logging.js')).validateLoggingAction,
  ...GITHUB_COMMANDS,
};

/**
 * The action front end: inputs → command → outputs, job summary, and setFailed with the
 * operator-facing message. Never throws.
 */
export async function runAction(core: ActionCore, env: NodeJS.ProcessEnv, clock: Clock): Promise<void> {
  try {
    const inputs = readCommonInputs(core, env);
    const loadCommand = Object.hasOwn(COMMANDS, inputs.command) ? COMMANDS[inputs.command] : undefined;
    if (!loadCommand) {
      throw new UsageError(
        `input "command": expected one of ${Object.keys(COMMANDS).join(', ')}, got "${inputs.command}"`,
      );
    }
    const command = await loadCommand();
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
    // URL credentials (a base URL's user:password) are no input GitHub masks: mask them here.
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, maskUrlUserinfo(value));
    core.setOutput('exit-code', String(result.exitCode ?? (result.failure ? 1 : 0)));
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(maskUrlUserinfo(result.summary), true).write();
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
    if (!(error instanceof DhashError))
      core.debug(error instanceof Error ? (error.stack ?? '') : String(error));
    core.setFailed(message);
  } finally {
    await closeHttpAgents();
  }
}
