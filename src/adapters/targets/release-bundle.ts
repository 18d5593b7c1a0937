import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OperationError, UsageError } from '../../runtime/errors.js';
import type { ReleaseBundle } from '../../ports.js';
import { extractReleaseArchive } from './release-archive.js';

/** Release ids become directory names and env values: keep them plain on every OS. */
export const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;

export interface ResolvedRelease {
  bundle: ReleaseBundle;
  /** release.json as read. */
  manifest: Record<string, unknown>;
  /** Set when the release came from an archive, which was unpacked here. */
  unpackedFrom?: string;
  /** Removes the unpacked copy (no-op for a directory). */
  cleanup(): void;
}

/**
 * `--release <dir|archive>`: a directory holding release.json (`{"version": ...}`), server.js and
 * migrations/, or a .zip/.tar.gz of one (the directory may be the archive's single top folder).
 * Archives are unpacked into a temporary directory outside the target, so a dry-run changes nothing.
 */
export async function resolveRelease(argument: string, cwd: string): Promise<ResolvedRelease> {
  const path = resolve(cwd, argument);
  if (!existsSync(path))
    throw new UsageError(
      `--release: ${path} does not exist; pass a release directory (release.json, server.js, migrations/) or a .zip/.tar.gz of one`,
    );
  if (statSync(path).isDirectory()) {
    const manifest = readManifest(path);
    return { bundle: { id: manifest.version, path }, manifest, cleanup: () => undefined };
  }
  const scratch = mkdtempSync(join(tmpdir(), 'dhash-release-'));
  const cleanup = (): void => {
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await extractReleaseArchive(path, scratch);
    let dir = scratch;
    if (!existsSync(join(dir, 'release.json'))) {
      const entries = readdirSync(dir, { withFileTypes: true });
      if (entries.length === 1 && entries[0].isDirectory()) dir = join(dir, entries[0].name);
    }
    const manifest = readManifest(dir);
    return { bundle: { id: manifest.version, path: dir }, manifest, unpackedFrom: path, cleanup };
  } catch (error) {
    cleanup();
    if (error instanceof UsageError || error instanceof OperationError) throw error;
    throw new UsageError(`--release: cannot unpack ${path}: ${(error as Error).message}`);
  }
}

function readManifest(dir: string): Record<string, unknown> & { version: string } {
  const file = join(dir, 'release.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--release: ${file} is missing or not JSON (${(error as Error).message.split('\n')[0]}); a release holds release.json with {"version": "..."}`,
    );
  }
  const version = (manifest as { version?: unknown } | null)?.version;
  if (typeof version !== 'string' || !RELEASE_ID.test(version)) {
    throw new UsageError(
      `--release: ${file}: "version" must be a string of letters, digits, ".", "_", "+", "-" (it names the release directory), got ${JSON.stringify(version)}`,
    );
  }
  return manifest as Record<string, unknown> & { version: string };
}

/** Problems that would make the release fail to start; checked before anything changes. */
export function checkReleaseContents(bundle: ReleaseBundle, startCommand: string | null): string[] {
  const problems: string[] = [];
  const script = startCommand ? /^node\s+([^\s;&|]+)/.exec(startCommand.trim())?.[1] : undefined;
  if (script && !existsSync(join(bundle.path, script)))
    problems.push(`${join(bundle.path, script)} is missing (the start command is "${startCommand}")`);
  return problems;
}
