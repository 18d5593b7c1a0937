import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { UsageError } from '../runtime/errors.js';
import { validateCommand } from './validate.js';

/** Uploads a directory's files as one workflow artifact; @actions/artifact implements it. */
export interface ArtifactUploader {
  upload(
    name: string,
    files: string[],
    rootDirectory: string,
    retentionDays: number,
  ): Promise<{ id: number | null; size: number | null; digest?: string | null }>;
}

export interface BundleOptions {
  config: LoadedConfig;
  /** Where the dry-run wrote its manifest and logs. */
  logDir: string;
  /** An empty directory the bundle is assembled in (replaced if present). */
  stageDir: string;
  name: string;
  retentionDays: number;
  upload: boolean;
}

export interface BundleFile {
  path: string;
  bytes: number;
  kind: 'manifest' | 'validation-report' | 'resolved-config' | 'log';
}

export interface BundleResult {
  name: string;
  dir: string;
  files: BundleFile[];
  manifestFound: boolean;
  /** A rehearsal record (rehearsal_<env>.json) was among the logs. */
  rehearsalFound: boolean;
  uploaded: boolean;
  artifactId: number | null;
  artifactSize: number | null;
  /** SHA-256 of the uploaded artifact as the artifact service reports it ("sha256:…"), when it does. */
  artifactDigest: string | null;
  retentionDays: number;
}

/** Characters the artifact service refuses in names. */
const NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/g;

export function artifactName(parts: Array<string | undefined>): string {
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => p.trim().replace(NAME_FORBIDDEN, '-'))
    .join('-');
}

export function parseRetentionDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 14;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 90)
    throw new UsageError(`input "retention-days": expected an integer from 1 to 90, got "${value}"`);
  return days;
}

const LOG_FILE = /\.(log|jsonl|json|html)$/;

/**
 * `bundle`: the premerge artifact of one matrix leg: the dry-run's deployment manifest, the
 * validation report, the resolved config (secrets redacted) and the logs. Every text file
 * passes through the config's redactor once more on the way in, so a secret that reached a
 * log by some other path still never reaches the artifact.
 */
export async function bundleCommand(
  options: BundleOptions,
  uploader: ArtifactUploader | null,
): Promise<BundleResult> {
  const { config, stageDir } = options;
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(join(stageDir, 'logs'), { recursive: true });
  const files: BundleFile[] = [];
  const put = (relative: string, text: string, kind: BundleFile['kind']): void => {
    const path = join(stageDir, relative);
    const redacted = config.redactor.text(text);
    writeFileSync(path, redacted);
    files.push({ path, bytes: Buffer.byteLength(redacted), kind });
  };

  const env = config.envName;
  const validation = validateCommand(config);
  put(`validation-report_${env}.json`, `${JSON.stringify(validation, null, 2)}\n`, 'validation-report');
  put(
    `resolved-config_${env}.json`,
    `${JSON.stringify({ source: config.source, environment: env, config: validation.effective }, null, 2)}\n`,
    'resolved-config',
  );

  let manifestFound = false;
  let rehearsalFound = false;
  if (existsSync(options.logDir)) {
    for (const entry of readdirSync(options.logDir).sort()) {
      const source = join(options.logDir, entry);
      if (!statSync(source).isFile()) continue;
      if (entry === `deployment-manifest_${env}.json`) {
        put(entry, readFileSync(source, 'utf8'), 'manifest');
        manifestFound = true;
      } else if (LOG_FILE.test(entry) && !/^deployment-manifest_/.test(entry)) {
        put(join('logs', basename(entry)), readFileSync(source, 'utf8'), 'log');
        if (entry === `rehearsal_${env}.json`) rehearsalFound = true;
      }
    }
  }

  let uploaded = false;
  let artifactId: number | null = null;
  let artifactSize: number | null = null;
  let artifactDigest: string | null = null;
  if (options.upload) {
    if (!uploader) throw new UsageError('bundle: no artifact uploader is available here');
    const result = await uploader.upload(
      options.name,
      files.map((f) => f.path),
      stageDir,
      options.retentionDays,
    );
    uploaded = true;
    artifactId = result.id;
    artifactSize = result.size;
    artifactDigest = result.digest ?? null;
  }
  return {
    name: options.name,
    dir: stageDir,
    files,
    manifestFound,
    rehearsalFound,
    uploaded,
    artifactId,
    artifactSize,
    artifactDigest,
    retentionDays: options.retentionDays,
  };
}
