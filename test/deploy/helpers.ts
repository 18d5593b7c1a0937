import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { captureIo } from '../helpers/cli-io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  argv: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  stdinTty = false,
): Promise<CliRun> {
  const io = captureIo(cwd, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdinTerminal: stdinTty,
  });
  const code = await runCli(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/** A digest of a directory tree: names, file bytes, link targets. Dry-runs must leave it alone. */
export function hashTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) hash.update(`L ${rel}/${name} -> ${readlinkSync(path)}\n`);
      else if (stat.isDirectory()) {
        hash.update(`D ${rel}/${name}\n`);
        walk(path, `${rel}/${name}`);
      } else
        hash.update(`F ${rel}/${name} ${createHash('sha256').update(readFileSync(path)).digest('hex')}\n`);
    }
  };
  walk(root, '');
  return hash.digest('hex');
}

/**
 * A tiny release of the test's own: a node HTTP server with /health reporting its version,
 * optional migrations, and knobs for failure (health status, crash on start).
 */
export function tinyRelease(
  dir: string,
  version: string,
  options: {
    health?: 'ok' | 'fail';
    crash?: boolean;
    migrations?: Record<string, string>;
    ignoreSigterm?: boolean;
  } = {},
): string {
  const path = join(dir, version);
  mkdirSync(join(path, 'migrations'), { recursive: true });
  writeFileSync(join(path, 'release.json'), JSON.stringify({ version }));
  for (const [file, sql] of Object.entries(options.migrations ?? {}))
    writeFileSync(join(path, 'migrations', file), sql);
  writeFileSync(
    join(path, 'server.js'),
    `const http = require('node:http');
${options.crash ? "console.error('boom: cannot start ' + process.env.DHASH_RELEASE); process.exit(3);" : ''}
${options.ignoreSigterm ? "process.on('SIGTERM', () => console.log('ignoring SIGTERM'));" : "process.on('SIGTERM', () => process.exit(0));"}
const status = ${JSON.stringify(options.health ?? 'ok')};
http.createServer((req, res) => {
  res.writeHead(status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status, version: ${JSON.stringify(version)}, db: process.env.DHASH_DB_PATH }));
}).listen(Number(process.env.DHASH_PORT), process.env.DHASH_HOST, () => console.log('listening on ' + process.env.DHASH_PORT));
`,
  );
  // CommonJS, whatever package.json sits above the temporary directory.
  writeFileSync(join(path, 'package.json'), '{"type":"commonjs"}\n');
  return path;
}
