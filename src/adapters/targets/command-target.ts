import type { CommandTargetConfig } from '../../config/schema.js';
import { OperationError } from '../../runtime/errors.js';
import type { Logger } from '../../runtime/logger.js';
import type { ReleaseBundle, ReleaseContext, ReleaseTarget, TargetStatus } from '../../ports.js';
import { runCommand, runCommandOrFail } from './run-command.js';
import { commandEnv, type CommandVars } from './service-env.js';

export interface CommandTargetOptions {
  config: CommandTargetConfig;
  environment: string;
  /** Where the commands run (the working directory of the CLI or action). */
  cwd: string;
  logger: Logger;
  processEnv: NodeJS.ProcessEnv;
}

/**
 * The `command` target: the service runs somewhere this host reaches only through the user's
 * commands (kubectl, helm, ssh...). Each command runs through the shell with the documented
 * DHASH_* variables, its own timeout, and its output streamed into the deploy log.
 *
 * The status command reports the service: exit 0 means running, any other exit not running; its
 * stdout is either a JSON object `{"release": "...", "running": true, "detail": "..."}` or plain
 * text whose last non-empty line is the live release id.
 */
export class CommandTarget implements ReleaseTarget {
  readonly kind = 'command' as const;
  readonly root = null;
  /** The release that was live when this process last looked, before an activate. */
  private lastSeenBefore: string | null = null;

  constructor(private readonly options: CommandTargetOptions) {}

  describe(): string {
    return `command target (deploy: "${this.options.config.commands.deploy}")`;
  }

  private env(vars: CommandVars): NodeJS.ProcessEnv {
    return commandEnv(this.options.processEnv, this.options.config.env, {
      environment: this.options.environment,
      ...vars,
    });
  }

  private run(label: keyof CommandTargetConfig['commands'], env: NodeJS.ProcessEnv, signal?: AbortSignal) {
    return runCommandOrFail(this.options.config.commands[label], {
      label,
      cwd: this.options.cwd,
      env,
      timeoutMs: this.options.config.timeout_seconds * 1000,
      logger: this.options.logger,
      signal,
    });
  }

  async status(): Promise<TargetStatus> {
    const outcome = await runCommand(this.options.config.commands.status, {
      label: 'status',
      cwd: this.options.cwd,
      env: this.env({}),
      timeoutMs: this.options.config.timeout_seconds * 1000,
      logger: this.options.logger,
    });
    const parsed = parseStatusOutput(outcome.stdout);
    return {
      running: parsed.running ?? outcome.exitCode === 0,
      release: parsed.release,
      detail: parsed.detail ?? `status command exited ${outcome.exitCode}`,
    };
  }

  async currentRelease(): Promise<string | null> {
    return (await this.status()).release;
  }

  previousRelease(): Promise<string | null> {
    return Promise.resolve(this.lastSeenBefore);
  }

  stop(): Promise<void> {
    return Promise.reject(
      new OperationError(
        'a command target has no stop command; use the rollback or restart commands, or stop the service with its own tooling',
      ),
    );
  }

  async start(): Promise<void> {
    await this.restart();
  }

  async restart(): Promise<void> {
    const release = await this.currentRelease().catch(() => null);
    await this.run('restart', this.env({ release: release ?? undefined }));
  }

  planSteps(bundle: ReleaseBundle, previous: string | null): string[] {
    return [
      `run the deploy command "${this.options.config.commands.deploy}" with DHASH_RELEASE=${bundle.id} DHASH_RELEASE_PATH=${bundle.path} (timeout ${this.options.config.timeout_seconds} s)`,
      `on a later failure, run the rollback command "${this.options.config.commands.rollback}" with DHASH_RELEASE=${previous ?? '(none)'}`,
    ];
  }

  stage(): Promise<{ undo(): Promise<void>; detail: string }> {
    // The deploy command receives the release path and does its own staging.
    return Promise.resolve({
      undo: () => Promise.resolve(),
      detail: 'nothing to stage on this host; the deploy command receives DHASH_RELEASE_PATH',
    });
  }

  async activate(bundle: ReleaseBundle, context: ReleaseContext): Promise<void> {
    this.lastSeenBefore = await this.currentRelease().catch(() => null);
    await this.run(
      'deploy',
      this.env({
        release: bundle.id,
        releasePath: bundle.path,
        deploymentId: context.deploymentId,
        backupPath: context.backupPath,
        previousRelease: this.lastSeenBefore,
      }),
      context.signal,
    );
  }

  async revert(previous: string | null, failed: string, context: ReleaseContext): Promise<void> {
    await this.run(
      'rollback',
      this.env({
        release: previous ?? '',
        deploymentId: context.deploymentId,
        backupPath: context.backupPath,
        previousRelease: previous,
        failedRelease: failed,
      }),
      context.signal,
    );
  }

  async rollbackRelease(
    options: { reason?: string; deploymentId?: string } = {},
  ): Promise<{ from: string | null; to: string }> {
    const from = await this.currentRelease().catch(() => null);
    await this.run(
      'rollback',
      this.env({
        release: this.lastSeenBefore ?? '',
        deploymentId: options.deploymentId,
        previousRelease: this.lastSeenBefore,
        failedRelease: from ?? '',
      }),
    );
    const to = await this.currentRelease();
    if (!to)
      throw new OperationError('the rollback command ran, but the status command reports no live release');
    return { from, to };
  }

  serviceProblem(): Promise<string | null> {
    return Promise.resolve(null);
  }

  prune(): Promise<string[]> {
    return Promise.resolve([]);
  }
}

export function parseStatusOutput(stdout: string): {
  release: string | null;
  running?: boolean;
  detail?: string;
} {
  const lines = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const last = lines.at(-1);
  if (!last) return { release: null };
  if (last.startsWith('{')) {
    try {
      const json = JSON.parse(last) as { release?: unknown; running?: unknown; detail?: unknown };
      return {
        release: typeof json.release === 'string' && json.release !== '' ? json.release : null,
        ...(typeof json.running === 'boolean' ? { running: json.running } : {}),
        ...(typeof json.detail === 'string' ? { detail: json.detail } : {}),
      };
    } catch {
      /* plain text after all */
    }
  }
  return { release: last };
}
