// The service's entry point: `node server.js` in a release bundle. Settings come from DHASH_*
// environment variables; SIGTERM/SIGINT stop it gracefully with exit code 0.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, readConfig } from './config.js';
import { startService } from './service.js';

async function main(): Promise<number | undefined> {
  let config;
  try {
    config = readConfig(process.env, process.cwd(), dirname(fileURLToPath(import.meta.url)));
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`dhash-service: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const service = await startService(config);
  const faults = service.context.faults.activeKeys();
  process.stdout.write(`dhash-service ${service.release.version} listening on ${service.url}\n`);
  if (faults.length > 0)
    process.stderr.write(
      `dhash-service: release ${service.release.version} carries faults: ${faults.join(', ')}\n`,
    );
  const stop = (signal: string) => {
    process.stderr.write(`dhash-service: ${signal} received, finishing in-flight requests\n`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`dhash-service: shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`dhash-service: failed to start: ${(error as Error).message}\n`);
    if (process.env.DHASH_DEBUG === '1') process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  },
);
