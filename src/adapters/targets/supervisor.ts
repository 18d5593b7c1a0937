import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../runtime/clock.js';
import { writeFileAtomic } from '../embedded-db/embedded-db.js';
import { OperationError } from '../../runtime/errors.js';
import { newRunId } from '../../runtime/log-file-name.js';
import { fileStamp } from '../../domain/time/file-stamp.js';
import type { Logger } from '../../runtime/logger.js';

/**
 * The built-in supervisor of the `local` target: it starts the service as a detached process in
 * its own process group (so it outlives the CLI that started it), records it in a pid file and a
 * state file, sends its stdout/stderr to log files, stops it gracefully (SIGTERM to the group)
 * and then forcefully (SIGKILL) after the stop timeout, and tells a crash (a recorded process that
 * is gone without a stop) from a clean stop.
 *
 * Files, under `<root>/run/`: dhash.pid, supervisor.json, and per start of the service its own
 * `dhash_<release>_<YYYYMMDD_HHMMSS>_<run id>.out.log` / `.err.log`, so a crash report quotes
 * only the lines of the run that crashed (the last RUN_LOGS_KEPT runs' logs are kept).
 */
export const RUN_LOGS_KEPT = 10;

export interface SupervisorState {
  pid: number;
  release: string | null;
  command: string;
  cwd: string;
  started_at: string;
  /** This run's log files (absent in state written by older versions: dhash.out.log/.err.log). */
  stdout_log?: string;
  stderr_log?: string;
  /** Set when this process saw the service exit. */
  exit?: { code: number | null; signal: string | null; at: string };
}

export interface SupervisorStatus {
  running: boolean;
  pid?: number;
  release: string | null;
  /** A recorded service that is gone although nobody stopped it. */
  crashed: boolean;
  detail: string;
}

export interface SupervisorOptions {
  runDir: string;
  stopTimeoutMs: number;
  clock: Clock;
  logger: Logger;
  /** How often stop() and waits look at the process. Default 100 ms. */
  pollMs?: number;
}

/**
 * Whether a process (or, with `group`, any process of its group) is alive. A zombie is dead: a
 * service whose shell parent died first is left as one until its new parent reaps it, and in a
 * container without a reaping init that is never, so on Linux /proc is consulted.
 */
export function isProcessAlive(pid: number, group = false): boolean {
  try {
    process.kill(group && process.platform !== 'win32' ? -pid : pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    if (!group) return procState(pid) !== 'Z';
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat && stat.pgrp === pid && stat.state !== 'Z') return true;
    }
    return false;
  } catch {
    return true;
  }
}

function procStat(pid: number): { state: string; pgrp: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

function procState(pid: number): string {
  return procStat(pid)?.state ?? 'Z';
}

export class Supervisor {
  readonly pidFile: string;
  readonly stateFile: string;
  private readonly pollMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.pidFile = join(options.runDir, 'dhash.pid');
    this.stateFile = join(options.runDir, 'supervisor.json');
    this.pollMs = options.pollMs ?? 100;
  }

  /** The latest run's stdout log. */
  get stdoutLog(): string {
    return this.readState()?.stdout_log ?? join(this.options.runDir, 'dhash.out.log');
  }

  /** The latest run's stderr log. */
  get stderrLog(): string {
    return this.readState()?.stderr_log ?? join(this.options.runDir, 'dhash.err.log');
  }

  readState(): SupervisorState | null {
    try {
      return JSON.parse(readFileSync(this.stateFile, 'utf8')) as SupervisorState;
    } catch {
      return null;
    }
  }

  private writeState(state: SupervisorState): void {
    writeFileAtomic(this.stateFile, Buffer.from(JSON.stringify(state, null, 2)));
  }

  status(): SupervisorStatus {
    const state = this.readState();
    if (!state || !existsSync(this.pidFile)) {
      return {
        running: false,
        release: state?.release ?? null,
        crashed: false,
        detail: 'not running (stopped or never started)',
      };
    }
    if (isProcessAlive(state.pid, true)) {
      return {
        running: true,
        pid: state.pid,
        release: state.release,
        crashed: false,
        detail: `running as pid ${state.pid} since ${state.started_at}`,
      };
    }
    const how = state.exit
      ? ` (exit code ${state.exit.code ?? '-'}${state.exit.signal ? `, signal ${state.exit.signal}` : ''})`
      : '';
    return {
      running: false,
      pid: state.pid,
      release: state.release,
      crashed: true,
      detail: `crashed: pid ${state.pid} exited without being stopped${how}${formatLines(this.lastErrorLines(10))}`,
    };
  }

  /** Starts the service; refuses when one is already running. */
  start(spec: {
    command: string;
    cwd: string;
    env: NodeJS.ProcessEnv;
    release: string | null;
  }): SupervisorState {
    const current = this.status();
    if (current.running)
      throw new OperationError(`the service is already running as pid ${current.pid}; stop it first`);
    mkdirSync(this.options.runDir, { recursive: true });
    const base = join(
      this.options.runDir,
      `dhash_${spec.release ?? 'none'}_${fileStamp(this.options.clock.now())}_${newRunId()}`,
    );
    const logs = { stdout_log: `${base}.out.log`, stderr_log: `${base}.err.log` };
    this.pruneRunLogs();
    const out = openSync(logs.stdout_log, 'a');
    const err = openSync(logs.stderr_log, 'a');
    let child;
    try {
      child = spawn(spec.command, {
        cwd: spec.cwd,
        env: spec.env,
        shell: true,
        detached: true,
        stdio: ['ignore', out, err],
        windowsHide: true,
      });
    } finally {
      closeSync(out);
      closeSync(err);
    }
    if (child.pid === undefined) throw new OperationError(`could not start "${spec.command}" in ${spec.cwd}`);
    const state: SupervisorState = {
      pid: child.pid,
      release: spec.release,
      command: spec.command,
      cwd: spec.cwd,
      started_at: new Date(this.options.clock.now()).toISOString(),
      ...logs,
    };
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      // Recorded so status() can say how it ended; only if the files still describe this child.
      const recorded = this.readState();
      if (recorded?.pid === state.pid && existsSync(this.pidFile)) {
        this.writeState({
          ...recorded,
          exit: { code, signal, at: new Date(this.options.clock.now()).toISOString() },
        });
      }
    });
    child.unref();
    this.writeState(state);
    writeFileAtomic(this.pidFile, Buffer.from(`${child.pid}\n`));
    this.options.logger.info('service started by the supervisor', {
      pid: child.pid,
      release: spec.release,
      command: spec.command,
      stderr_log: logs.stderr_log,
    });
    return state;
  }

  /** Stops the service: SIGTERM to its group, SIGKILL after the stop timeout. */
  async stop(): Promise<{ wasRunning: boolean; forced: boolean }> {
    const state = this.readState();
    if (!state || !existsSync(this.pidFile)) return { wasRunning: false, forced: false };
    const { pid } = state;
    // Removing the pid file first marks the exit as intended, so it is not reported as a crash.
    rmSync(this.pidFile, { force: true });
    if (!isProcessAlive(pid, true)) return { wasRunning: false, forced: false };
    signalGroup(pid, 'SIGTERM');
    const deadline = this.options.clock.now() + this.options.stopTimeoutMs;
    while (this.options.clock.now() < deadline) {
      if (!isProcessAlive(pid, true)) {
        this.options.logger.info('service stopped', { pid });
        return { wasRunning: true, forced: false };
      }
      await this.options.clock.sleep(this.pollMs);
    }
    this.options.logger.warn(
      `service did not stop within ${this.options.stopTimeoutMs / 1000} s; killing it`,
      { pid },
    );
    signalGroup(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isProcessAlive(pid, true); i++) await this.options.clock.sleep(this.pollMs);
    if (isProcessAlive(pid, true)) throw new OperationError(`the service (pid ${pid}) survived SIGKILL`);
    return { wasRunning: true, forced: true };
  }

  /** Keeps the logs of the last RUN_LOGS_KEPT - 1 runs (this start adds one). */
  private pruneRunLogs(): void {
    const runs = readdirSync(this.options.runDir)
      .filter((f) => /^dhash_.+_\d{8}_\d{6}_[0-9a-f]{6}\.out\.log$/.test(f))
      .map((f) => ({
        base: f.slice(0, -'.out.log'.length),
        mtime: statSync(join(this.options.runDir, f)).mtimeMs,
      }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of runs.slice(RUN_LOGS_KEPT - 1)) {
      rmSync(join(this.options.runDir, `${old.base}.out.log`), { force: true });
      rmSync(join(this.options.runDir, `${old.base}.err.log`), { force: true });
    }
  }

  lastErrorLines(count: number): string[] {
    return lastLines(this.stderrLog, count);
  }

  lastOutputLines(count: number): string[] {
    return lastLines(this.stdoutLog, count);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') {
      const args = ['/pid', String(pid), '/T'];
      if (signal === 'SIGKILL') args.push('/F');
      spawn('taskkill', args, { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-pid, signal);
    }
  } catch {
    /* already gone */
  }
}

/** The last lines of a log file, reading at most its last 64 KiB. */
export function lastLines(path: string, count: number): string[] {
  try {
    const size = statSync(path).size;
    const start = Math.max(0, size - 64 * 1024);
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(size - start);
      readSyncFully(fd, buffer, start);
      return buffer
        .toString('utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .slice(-count);
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
}

function readSyncFully(fd: number, buffer: Buffer, position: number): void {
  // readFileSync cannot start at an offset; a positional read loop can.
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}

function formatLines(lines: string[]): string {
  return lines.length ? `; last stderr lines:\n${lines.map((l) => `  | ${l}`).join('\n')}` : '';
}
