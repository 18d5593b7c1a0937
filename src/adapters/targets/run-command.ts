import { spawn } from 'node:child_process';
import { OperationError } from '../../runtime/errors.js';
import type { Logger } from '../../runtime/logger.js';

/**
 * Runs one user command through the platform shell (sh -c on POSIX, cmd.exe on Windows), streams
 * every output line into the deploy log, and keeps the last lines so a failure can show them.
 * A timeout kills the whole process group, so a hung `kubectl` or `ssh` cannot hold a deploy.
 */
export interface RunCommandOptions {
  /** What the command is for, e.g. "deploy" or "install"; used in log lines and errors. */
  label: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  logger: Logger;
  /** How many trailing output lines a failure message carries. Default 20. */
  tailLines?: number;
  signal?: AbortSignal;
}

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  /** The last output lines (stdout and stderr interleaved as they arrived). */
  tail: string[];
}

function killTree(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-pid, signal);
    }
  } catch {
    /* already gone */
  }
}

/** Runs the command and resolves with its outcome, whatever its exit code. */
export function runCommand(command: string, options: RunCommandOptions): Promise<CommandOutcome> {
  const keep = options.tailLines ?? 20;
  const tail: string[] = [];
  let stdout = '';
  const log = options.logger.child({ command_label: options.label });
  log.info(`running ${options.label} command`, { command });
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      cwd: options.cwd,
      env: options.env,
      shell: true,
      // Its own process group, so a timeout can end the command and everything it started.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
    const onLine = (stream: 'stdout' | 'stderr', line: string): void => {
      tail.push(line);
      if (tail.length > keep) tail.shift();
      log.log(stream === 'stderr' ? 'WARN' : 'INFO', line, { stream });
    };
    const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout') stdout += text;
      const lines = (partial[stream] + text).split(/\r?\n/);
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) onLine(stream, line);
    };
    child.stdout.on('data', onData('stdout'));
    child.stderr.on('data', onData('stderr'));

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killTree(child.pid, 'SIGKILL');
    }, options.timeoutMs);
    const onAbort = (): void => {
      if (child.pid) killTree(child.pid, 'SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(new OperationError(`${options.label} command could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      for (const stream of ['stdout', 'stderr'] as const)
        if (partial[stream]) onLine(stream, partial[stream]);
      if (timedOut) {
        reject(
          new OperationError(
            `${options.label} command timed out after ${Math.round(options.timeoutMs / 1000)} s and was killed${formatTail(tail)}`,
          ),
        );
        return;
      }
      const exitCode = code ?? (signal ? 128 : 1);
      log.info(`${options.label} command exited`, { exit_code: exitCode, ...(signal ? { signal } : {}) });
      resolve({ exitCode, stdout, tail: [...tail] });
    });
  });
}

/** Runs the command and throws an OperationError with its last lines when it exits non-zero. */
export async function runCommandOrFail(command: string, options: RunCommandOptions): Promise<CommandOutcome> {
  const outcome = await runCommand(command, options);
  if (outcome.exitCode !== 0) {
    throw new OperationError(
      `${options.label} command failed with exit code ${outcome.exitCode}${formatTail(outcome.tail)}`,
    );
  }
  return outcome;
}

export function formatTail(lines: string[]): string {
  const shown = lines.filter((l) => l.trim() !== '');
  return shown.length ? `; last output:\n${shown.map((l) => `  | ${l}`).join('\n')}` : ' (no output)';
}
