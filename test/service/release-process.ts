import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceReleases } from '../helpers/reference-releases.js';

/** The release bundles, built once and shared by every test file (see test/helpers). */
export async function buildReleases(): Promise<string> {
  return referenceReleases();
}

export interface RunningRelease {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** SIGTERM and the exit code. */
  stop(): Promise<number | null>;
}

export function startRelease(releaseDir: string, env: Record<string, string>): Promise<RunningRelease> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dhash-test-data-'));
  const child = spawn(process.execPath, [join(releaseDir, 'server.js')], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      DHASH_PORT: '0',
      DHASH_DB_PATH: join(dataDir, 'dhash.sqlite'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /dhash-service \S+ listening on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      child.stdout.off('data', onData);
      resolve({
        url: match[1],
        child,
        stdout: () => out,
        stderr: () => err,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      reject(new Error(`service exited (${code}) before listening: ${err}`));
    });
  });
}
