import { join } from 'node:path';
import { RefusedError } from './errors.js';
import { describeOwner, tryLock } from './file-lock.js';

/**
 * One operation per environment: deploy, rollback and migrate each hold this lock. A second
 * attempt is refused at once (never queued), naming who holds it and since when.
 */
export function environmentLockPath(stateDir: string, environment: string): string {
  return join(stateDir, `.dhash-rollout-${environment}.lock`);
}

export function acquireEnvironmentLock(
  stateDir: string,
  environment: string,
  purpose: string,
  now?: Date,
): () => void {
  const path = environmentLockPath(stateDir, environment);
  const attempt = tryLock(path, purpose, now);
  if (!attempt.acquired) {
    throw new RefusedError(
      `environment "${environment}" is locked by ${describeOwner(attempt.owner)}; wait for it to finish, or remove ${path} if you are sure it is gone`,
    );
  }
  return attempt.release;
}
