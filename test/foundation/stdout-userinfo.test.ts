import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/run.js';
import { runCli } from '../../src/cli/program.js';
import { RealClock } from '../../src/runtime/clock.js';
import { recordingCore } from '../helpers/action-core.js';
import { captureIo } from '../helpers/cli-io.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// A base URL may carry credentials (http://user:password@host): validate masks them, and so must
// every command's console output, which CI logs keep.
const PASSWORD = 'UrlPassword-4711';

let server: LoopbackServer | undefined;
afterEach(async () => server?.close());

function workspaceFor(port: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dhash-userinfo-'));
  writeFileSync(
    join(dir, 'quality-gates-config.json'),
    JSON.stringify({
      environments: {
        production: {
          service: { base_url: `http://ops:${PASSWORD}@127.0.0.1:${port}` },
          quality_gates: { health: { threshold: { consecutive_failures: 2 } } },
        },
      },
    }),
  );
  return dir;
}

describe('credentials in service.base_url never reach the console', () => {
  test.each([[['smoke']], [['smoke', '--json']], [['monitor', '--dry-run']]])('%j', async (argv) => {
    server = await startWebhook('/', [reply.text(503, 'down')]);
    const io = captureIo(workspaceFor(server.port));
    await runCli(argv, io);
    expect(io.out()).toContain('127.0.0.1');
    expect(io.out() + io.err()).not.toContain(PASSWORD);
  });
});

test('the action job summary of smoke masks them too', async () => {
  server = await startWebhook('/', [reply.text(503, 'down')]);
  const dir = workspaceFor(server.port);
  const run = recordingCore({ command: 'smoke', 'working-directory': dir });
  await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, new RealClock());
  expect(run.summary()).toContain('127.0.0.1');
  expect(run.summary() + JSON.stringify(run.outputs) + run.messages.join('\n')).not.toContain(PASSWORD);
});

test('validate shows the NAME of the database URL variable (a *_env key), not "***"', async () => {
  const io = captureIo(workspaceFor(8080));
  expect(await runCli(['validate'], io)).toBe(0);
  expect(io.out()).toContain('"database_url_env": "DATABASE_URL"');
});
