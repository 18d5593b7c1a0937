// Stops the run's embedded PostgreSQL server (if the global setup started one) and removes its files.
import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const run = globalThis.dhashPostgres;
  if (!run) return;
  try {
    const server = await run.started;
    await server?.stop();
  } finally {
    rmSync(run.dir, { recursive: true, force: true });
  }
}
