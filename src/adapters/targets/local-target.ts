import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalTargetConfig } from '../../config/schema.js';
import type { Clock } from '../../runtime/clock.js';
import { OperationError } from '../../runtime/errors.js';
import type { Logger } from '../../runtime/logger.js';
import type { ReleaseBundle, ReleaseContext, ReleaseTarget, TargetStatus } from '../../ports.js';
import {
  CURRENT,
  readCurrentRelease,
  releasePath,
  RELEASES,
  removeCurrent,
  switchCurrent,
} from './current-link.js';
import { checkHealthOnce, serviceUrl, waitForHealth } from './health.js';
import { previousFromHistory, readHistory, recencyOrder, recordActivation } from './release-history.js';
import { runCommandOrFail } from './run-command.js';
import { commandEnv, serviceEnv } from './service-env.js';
import { Supervisor } from './supervisor.js';
import { promised } from '../../runtime/promised.js';

export interface LocalTargetOptions {
  config: LocalTargetConfig;
  /** Absolute target root (targetRoot()). */
  root: string;
  environment: string;
  baseUrl: string;
  healthPath: string;
  /** Absolute embedded database path handed to the service, or null (postgres). */
  databasePath: string | null;
  clock: Clock;
  logger: Logger;
  /** Base environment for the service and commands (PATH etc.). */
  processEnv: NodeJS.ProcessEnv;
}

/**
 * The `local` target: this host runs the service. Layout:
 *   <root>/releases/<id>/   one directory per release
 *   <root>/current          the live release (symlink, or junction on Windows)
 *   <root>/shared/          config and data that outlive releases
 *   <root>/run/             the supervisor's pid, state and log files
 *   <root>/deploy-history.json
 */
export class LocalTarget implements ReleaseTarget {
  readonly kind = 'local' as const;
  readonly supervisor: Supervisor;

  constructor(private readonly options: LocalTargetOptions) {
    this.supervisor = new Supervisor({
      runDir: join(options.root, 'run'),
      stopTimeoutMs: options.config.stop_timeout_seconds * 1000,
      clock: options.clock,
      logger: options.logger,
    });
  }

  get root(): string {
    return this.options.root;
  }

  private get usesSupervisor(): boolean {
    return this.options.config.restart_command === undefined;
  }

  describe(): string {
    const how = this.usesSupervisor
      ? `built-in supervisor running "${this.options.config.start_command}"`
      : `restart_command "${this.options.config.restart_command}"`;
    return `local target at ${this.root} (${how})`;
  }

  currentRelease(): Promise<string | null> {
    return promised(() => readCurrentRelease(this.root));
  }

  previousRelease(): Promise<string | null> {
    return promised(() => {
      const current = readCurrentRelease(this.root);
      return previousFromHistory(readHistory(this.root), current, (id) =>
        existsSync(releasePath(this.root, id)),
      );
    });
  }

  async status(): Promise<TargetStatus> {
    const release = readCurrentRelease(this.root);
    if (this.usesSupervisor) {
      const s = this.supervisor.status();
      return {
        running: s.running,
        release,
        ...(s.pid !== undefined && s.running ? { pid: s.pid } : {}),
        detail: s.detail,
      };
    }
    // A service run by systemd or similar: ask it directly.
    const health = await checkHealthOnce(serviceUrl(this.options.baseUrl, this.options.healthPath), 5_000);
    return { running: health.ok, release, detail: `managed by restart_command; health: ${health.detail}` };
  }

  async stop(): Promise<void> {
    if (!this.usesSupervisor) {
      throw new OperationError(
        'this local target restarts through restart_command, which has no stop; stop the service with its own manager',
      );
    }
    await this.supervisor.stop();
  }

  /** Starts the live release and resolves once it answers its health check (the port's contract). */
  async start(): Promise<void> {
    const release = readCurrentRelease(this.root);
    if (!release) throw new OperationError(`no live release: ${join(this.root, CURRENT)} does not exist`);
    const restartCommand = this.options.config.restart_command;
    if (restartCommand !== undefined) await this.runRestartCommand(restartCommand, release, {});
    else this.startSupervised(release);
    const health = await waitForHealth({
      url: serviceUrl(this.options.baseUrl, this.options.healthPath),
      timeoutMs: this.options.config.health_timeout_seconds * 1000,
      clock: this.options.clock,
      problem: () => this.serviceProblem(),
    });
    if (!health.ok)
      throw new OperationError(`release ${release} started but is not healthy: ${health.detail}`);
  }

  async restart(): Promise<void> {
    const release = readCurrentRelease(this.root);
    if (!release) throw new OperationError(`no live release: ${join(this.root, CURRENT)} does not exist`);
    await this.restartInto(release, {});
  }

  planSteps(bundle: ReleaseBundle, previous: string | null): string[] {
    const steps = [`copy ${bundle.path} to ${releasePath(this.root, bundle.id)}`];
    if (this.options.config.install_command)
      steps.push(`run install_command "${this.options.config.install_command}" in the new release`);
    steps.push(`switch ${join(this.root, CURRENT)} from ${previous ?? '(none)'} to ${RELEASES}/${bundle.id}`);
    steps.push(
      this.usesSupervisor
        ? `restart the service with the built-in supervisor ("${this.options.config.start_command}")`
        : `run restart_command "${this.options.config.restart_command}"`,
    );
    steps.push(`keep the last ${this.options.config.keep_releases} releases`);
    return steps;
  }

  async stage(
    bundle: ReleaseBundle,
    context: ReleaseContext,
  ): Promise<{ undo(): Promise<void>; detail: string }> {
    const destination = releasePath(this.root, bundle.id);
    if (readCurrentRelease(this.root) === bundle.id)
      throw new OperationError(`release ${bundle.id} is already live; it is not staged again`);
    mkdirSync(join(this.root, RELEASES), { recursive: true });
    mkdirSync(join(this.root, 'shared', 'config'), { recursive: true });
    mkdirSync(join(this.root, 'shared', 'data'), { recursive: true });
    const staging = join(this.root, RELEASES, `.staging-${bundle.id}-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    cpSync(bundle.path, staging, { recursive: true, verbatimSymlinks: true });
    // A release directory that exists but is not live (an older deploy of the same version) is replaced.
    rmSync(destination, { recursive: true, force: true });
    renameSync(staging, destination);
    const undo = (): Promise<void> =>
      promised(() => {
        if (readCurrentRelease(this.root) !== bundle.id)
          rmSync(destination, { recursive: true, force: true });
      });
    if (this.options.config.install_command) {
      try {
        await runCommandOrFail(this.options.config.install_command, {
          label: 'install',
          cwd: destination,
          env: this.envFor(bundle.id, context),
          timeoutMs: 15 * 60_000,
          logger: this.options.logger,
          signal: context.signal,
        });
      } catch (error) {
        await undo();
        throw error;
      }
    }
    return {
      undo,
      detail: `staged in ${destination}${this.options.config.install_command ? ' and installed' : ''}`,
    };
  }

  async activate(bundle: ReleaseBundle, context: ReleaseContext): Promise<void> {
    if (!existsSync(releasePath(this.root, bundle.id)))
      throw new OperationError(`release ${bundle.id} is not staged in ${join(this.root, RELEASES)}`);
    switchCurrent(this.root, bundle.id);
    recordActivation(this.root, {
      release: bundle.id,
      at: new Date(this.options.clock.now()).toISOString(),
      deployment_id: context.deploymentId,
      via: 'deploy',
    });
    this.options.logger.info(`current now points at ${RELEASES}/${bundle.id}`);
    await this.restartInto(bundle.id, context);
  }

  async revert(previous: string | null, failed: string, context: ReleaseContext): Promise<void> {
    if (previous === null) {
      // A first deploy failed: nothing to go back to, so the service is stopped and `current` cleared.
      if (this.usesSupervisor) await this.supervisor.stop();
      removeCurrent(this.root);
      recordActivation(this.root, {
        release: failed,
        at: new Date(this.options.clock.now()).toISOString(),
        deployment_id: context.deploymentId,
        via: 'revert',
        abandoned: true,
      });
      this.options.logger.warn('no previous release: the service was stopped and current removed');
      return;
    }
    if (!existsSync(releasePath(this.root, previous)))
      throw new OperationError(`previous release ${previous} is gone from ${join(this.root, RELEASES)}`);
    switchCurrent(this.root, previous);
    recordActivation(
      this.root,
      {
        release: previous,
        at: new Date(this.options.clock.now()).toISOString(),
        deployment_id: context.deploymentId,
        via: 'revert',
      },
      failed,
    );
    this.options.logger.info(`current points back at ${RELEASES}/${previous}`);
    await this.restartInto(previous, context);
  }

  async rollbackRelease(
    options: { reason?: string; deploymentId?: string } = {},
  ): Promise<{ from: string | null; to: string }> {
    const from = readCurrentRelease(this.root);
    const to = await this.previousRelease();
    if (!to) throw new OperationError(`no previous release to roll back to in ${join(this.root, RELEASES)}`);
    switchCurrent(this.root, to);
    recordActivation(
      this.root,
      {
        release: to,
        at: new Date(this.options.clock.now()).toISOString(),
        deployment_id: options.deploymentId,
        via: 'rollback',
      },
      from ?? undefined,
    );
    this.options.logger.info(`code-only rollback: current now points at ${RELEASES}/${to}`, {
      from,
      reason: options.reason,
    });
    await this.restartInto(to, {
      environment: this.options.environment,
      deploymentId: options.deploymentId ?? '',
    });
    return { from, to };
  }

  serviceProblem(): Promise<string | null> {
    return promised(() => {
      if (!this.usesSupervisor) return null;
      const s = this.supervisor.status();
      if (s.running) return null;
      return s.crashed ? `the service ${s.detail}` : 'the service is not running';
    });
  }

  async prune(): Promise<string[]> {
    const releasesDir = join(this.root, RELEASES);
    if (!existsSync(releasesDir)) return [];
    const keep = this.options.config.keep_releases;
    const protect = new Set(
      [readCurrentRelease(this.root), await this.previousRelease()].filter((x): x is string => x !== null),
    );
    const ids = readdirSync(releasesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name);
    const byMtime = [...ids].sort(
      (a, b) => statSync(join(releasesDir, b)).mtimeMs - statSync(join(releasesDir, a)).mtimeMs,
    );
    const ordered = recencyOrder(readHistory(this.root), byMtime);
    const removed: string[] = [];
    let kept = 0;
    for (const id of ordered) {
      if (protect.has(id) || kept < keep) {
        kept++;
        continue;
      }
      rmSync(join(releasesDir, id), { recursive: true, force: true });
      removed.push(id);
    }
    if (removed.length) this.options.logger.info(`removed old releases: ${removed.join(', ')}`);
    return removed;
  }

  private envFor(release: string, context: Partial<ReleaseContext>): NodeJS.ProcessEnv {
    return commandEnv(this.options.processEnv, this.options.config.env, {
      environment: this.options.environment,
      release,
      releasePath: releasePath(this.root, release),
      deploymentId: context.deploymentId,
      backupPath: context.backupPath,
    });
  }

  private async restartInto(release: string, context: Partial<ReleaseContext>): Promise<void> {
    const restartCommand = this.options.config.restart_command;
    if (restartCommand !== undefined) {
      await this.runRestartCommand(restartCommand, release, context);
      return;
    }
    await this.supervisor.stop();
    this.startSupervised(release);
  }

  private async runRestartCommand(
    command: string,
    release: string,
    context: Partial<ReleaseContext>,
  ): Promise<void> {
    await runCommandOrFail(command, {
      label: 'restart',
      cwd: this.root,
      env: { ...this.envFor(release, context), ...this.serviceEnvFor(release) },
      timeoutMs: Math.max(60_000, this.options.config.stop_timeout_seconds * 2000),
      logger: this.options.logger,
      signal: context.signal,
    });
  }

  private serviceEnvFor(release: string): NodeJS.ProcessEnv {
    return serviceEnv({
      baseUrl: this.options.baseUrl,
      databasePath: this.options.databasePath,
      releaseDir: releasePath(this.root, release),
      releaseId: release,
      environment: this.options.environment,
      extra: this.options.config.env,
      base: {},
    });
  }

  private startSupervised(release: string): void {
    this.supervisor.start({
      command: this.options.config.start_command,
      cwd: releasePath(this.root, release),
      env: { ...this.options.processEnv, ...this.serviceEnvFor(release) },
      release,
    });
  }
}
