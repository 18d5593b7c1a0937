import { randomBytes } from 'node:crypto';
import { fileStamp } from '../domain/time/file-stamp.js';

/**
 * `<kind>_<env>_<YYYYMMDD_HHMMSS>_<run id>.log`: the stamp sorts the files by time, the run id
 * keeps two runs started in the same second (two migrates from two terminals, say) in their own
 * files. The seed's globs (`monitor_logs/dhash_production_*.log`) still match.
 */
export function newRunId(): string {
  return randomBytes(3).toString('hex');
}

export function logFileName(kind: string, environment: string, nowMs: number, runId = newRunId()): string {
  return `${kind}_${environment}_${fileStamp(nowMs)}_${runId}.log`;
}
