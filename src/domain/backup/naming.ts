import { parseFileStamp } from '../time/file-stamp.js';

/**
 * Backup file names (docs/architecture.md, "Contracts"): `dhash_<env>_<YYYYMMDD>_<HHMMSS>.zip`, UTC. Pre-rollback
 * snapshots live in a subfolder, so `ls backups/dhash_*.zip` never lists them.
 */
export const PRE_ROLLBACK_DIR = 'pre-rollback';
export const SIDECAR_SUFFIX = '.sha256';

export function backupFileName(environment: string, stamp: string): string {
  return `dhash_${environment}_${stamp}.zip`;
}

export function preRollbackFileName(environment: string, stamp: string): string {
  return `pre-rollback_dhash_${environment}_${stamp}.zip`;
}

export interface ParsedBackupName {
  environment: string;
  stamp: string;
  createdMs: number;
}

const NAME = /^(?:pre-rollback_)?dhash_([a-z][a-z0-9_-]*)_(\d{8}_\d{6})(?:_(\d+))?\.zip$/;

export function parseBackupFileName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdMs = parseFileStamp(m[2]);
  if (createdMs === null) return null;
  return { environment: m[1], stamp: m[3] ? `${m[2]}_${m[3]}` : m[2], createdMs };
}

/** One line in `sha256sum` format: hash, two spaces, the path as it will be given to -c. */
export function sidecarLine(sha256: string, pathForSha256sum: string): string {
  return `${sha256}  ${pathForSha256sum}\n`;
}

export function parseSidecar(text: string): { sha256: string; path: string } | null {
  const m = /^([0-9a-fA-F]{64}) [ *](.+?)\r?\n?$/.exec(text.split('\n')[0] ?? '');
  return m ? { sha256: m[1].toLowerCase(), path: m[2] } : null;
}
