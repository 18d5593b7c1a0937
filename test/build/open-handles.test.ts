import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// The suite's jest environment (test/jest-environment.mjs) fails a test file that leaves a handle
// open, naming it, instead of letting the worker be force-exited at the end of the run.
// Runs jest itself on two small files under test/fixtures/open-handles/.
function jestOn(fixture: string) {
  const config = {
    rootDir: resolve('.'),
    testEnvironment: '<rootDir>/test/jest-environment.mjs',
    testMatch: [`<rootDir>/test/fixtures/open-handles/${fixture}`],
    transform: {},
    // In a worker, as in a whole run (the check is off in band): a memory limit makes jest use one.
    workerIdleMemoryLimit: '1GB',
  };
  return spawnSync(
    process.execPath,
    // --forceExit: the leaking file's server would otherwise keep this jest (in band) running.
    [
      '--experimental-vm-modules',
      '--no-warnings',
      'node_modules/jest/bin/jest.js',
      '--forceExit',
      '--config',
      JSON.stringify(config),
    ],
    { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
}

describe('open handles', () => {
  test('a file that leaves a server listening fails, naming the file and the server', () => {
    const ran = jestOn('leaves-a-server.fixture.mjs');
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(
      /test\/fixtures\/open-handles\/leaves-a-server\.fixture\.mjs left 1 TCPServerWrap open 3 s after its last test \(server listening on \{"address":"127\.0\.0\.1","family":"IPv4","port":\d+\}\): close it in afterAll\/afterEach/,
    );
  });

  test('a file that closes its server (and only unrefs a long timer) passes', () => {
    const ran = jestOn('closes-its-server.fixture.mjs');
    expect(ran.stderr).toContain('Tests:       1 passed, 1 total');
    expect(ran.stderr).not.toMatch(/ left .* open/);
    expect(ran.status).toBe(0);
  });
});
