import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Clock } from './clock.js';
import { isAlive, readLockOwner, tryLock, type LockOwner } from './file-lock.js';

/**
 * A manual rollback preempts a running monitor of the same environment. The monitor holds a
 * monitor lock while it watches; a manual rollback writes a preemption request next to it and
 * waits (at most `timeoutMs`, 60 s) for the monitor to stop: the monitor checks for the request
 * every few seconds, stops watching, records `preempted` in its evidence and releases its lock.
 * A monitor never rolls back against an operator's rollback of the same environment.
 */
export function monitorLockPath(stateDir: string, environment: string): string {
  return join(stateDir, `.dhash-rollout-${environment}.monitor.lock`);
}

export function preemptionPath(stateDir: string, environment: string): string {
  return join(stateDir, `.dhash-rollout-${environment}.preempt`);
}

export interface PreemptionRequest {
  reason: string;
  at: string;
  pid: number;
  host: string;
}

/** Takes the monitor lock; when another live monitor holds it, says who (the watch goes on). */
export function holdMonitorLock(
  stateDir: string,
  environment: string,
  purpose: string,
  now: Date,
): { release: () => void; otherMonitor: LockOwner | null } {
  const attempt = tryLock(monitorLockPath(stateDir, environment), purpose, now);
  return attempt.acquired
    ? { release: attempt.release, otherMonitor: null }
    : { release: () => undefined, otherMonitor: attempt.owner };
}

/** A request made after `sinceMs`, or null. Older requests were for earlier monitors. */
export function pendingPreemption(
  stateDir: string,
  environment: string,
  sinceMs: number,
): PreemptionRequest | null {
  const path = preemptionPath(stateDir, environment);
  if (!existsSync(path)) return null;
  try {
    const request = JSON.parse(readFileSync(path, 'utf8')) as PreemptionRequest;
    return Date.parse(request.at) >= sinceMs ? request : null;
  } catch {
    return null;
  }
}

/** The monitor currently watching this environment (a live lock holder), or null. */
export function runningMonitor(stateDir: string, environment: string): LockOwner | null {
  const owner = readLockOwner(monitorLockPath(stateDir, environment));
  if (!owner) return null;
  if (owner.host === hostname() && !isAlive(owner.pid)) return null;
  return owner;
}

/**
 * Asks a running monitor to stop and waits until it has released its lock (checked every
 * second), at most `timeoutMs`. Returns the monitor that was asked, and whether it stopped.
 */
export async function preemptMonitor(
  stateDir: string,
  environment: string,
  reason: string,
  clock: Clock,
  timeoutMs = 60_000,
): Promise<{ monitor: LockOwner | null; stopped: boolean; waitedMs: number }> {
  const monitor = runningMonitor(stateDir, environment);
  if (!monitor) return { monitor: null, stopped: true, waitedMs: 0 };
  mkdirSync(stateDir, { recursive: true });
  const request: PreemptionRequest = {
    reason,
    at: new Date(clock.now()).toISOString(),
    pid: process.pid,
    host: hostname(),
  };
  writeFileSync(preemptionPath(stateDir, environment), JSON.stringify(request));
  const started = clock.now();
  try {
    while (clock.now() - started < timeoutMs) {
      if (!runningMonitor(stateDir, environment))
        return { monitor, stopped: true, waitedMs: clock.now() - started };
      await clock.sleep(1000);
    }
    return { monitor, stopped: !runningMonitor(stateDir, environment), waitedMs: clock.now() - started };
  } finally {
    rmSync(preemptionPath(stateDir, environment), { force: true });
  }
}
