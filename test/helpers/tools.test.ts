import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findExecutable, requireTool } from './tools.js';

const ROOT = resolve(process.cwd());
const FIXTURE = 'test/helpers/fixtures/missing-tool.fixture.ts';

// The fixture runs in a jest of its own (no global setup, so no PostgreSQL is started for it).
function runFixture(strict: string | undefined) {
  const config = {
    rootDir: ROOT,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
    },
    testMatch: [`<rootDir>/${FIXTURE}`],
  };
  const env: NodeJS.ProcessEnv = { ...process.env, DHASH_FIXTURE_NODE: process.execPath };
  delete env.DHASH_TEST_STRICT;
  if (strict !== undefined) env.DHASH_TEST_STRICT = strict;
  const ran = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings',
      join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--config',
      JSON.stringify(config),
      '--runInBand',
      '--json',
      '--ci',
    ],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  const report = JSON.parse(ran.stdout) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    testResults: Array<{
      assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>;
    }>;
  };
  return { status: ran.status, stderr: ran.stderr, report };
}

describe('requireTool', () => {
  test('finds executables on PATH and by path, and nothing for a missing name', () => {
    expect(findExecutable('node')).toMatch(/\/node$/);
    expect(findExecutable(process.execPath)).toBe(process.execPath);
    expect(findExecutable('dhash-no-such-tool')).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'dhash-tools-'));
    try {
      const plain = join(dir, 'not-executable');
      writeFileSync(plain, '#!/bin/sh\n');
      chmodSync(plain, 0o644);
      expect(findExecutable(plain)).toBeNull();
      expect(findExecutable(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a probe decides for requirements that are not executables', () => {
    expect(requireTool('server', 'start one', { probe: () => null }).missing).toBeNull();
    expect(requireTool('server', 'start one', { probe: () => 'is not running' }).missing).toBe(
      'is not running',
    );
  });

  test('without strict mode a missing tool skips its suite with one line naming the tool and the install', () => {
    const { status, stderr, report } = runFixture(undefined);
    expect(status).toBe(0);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests).toBe(1);
    expect(report.numPassedTests).toBe(1);
    const lines = stderr.split('\n').filter((l) => l.includes('dhash-no-such-tool'));
    expect(lines).toEqual([
      'skipped: "a suite that needs a missing tool": dhash-no-such-tool not found on PATH; install it with: apt-get install -y dhash-no-such-tool',
    ]);
  });

  test('DHASH_TEST_STRICT=1 turns the same skip into a failure that names the tool and the install', () => {
    const { status, report } = runFixture('1');
    expect(status).toBe(1);
    expect(report.numPassedTests).toBe(1);
    expect(report.numPendingTests).toBe(0);
    const failed = report.testResults.flatMap((r) => r.assertionResults).filter((a) => a.status === 'failed');
    expect(failed.map((a) => a.fullName)).toEqual([
      'a suite that needs a missing tool needs dhash-no-such-tool',
    ]);
    expect(failed[0].failureMessages.join('\n')).toContain(
      'dhash-no-such-tool not found on PATH; install it with: apt-get install -y dhash-no-such-tool (DHASH_TEST_STRICT=1',
    );
  });

  test('DHASH_TEST_STRICT=0 is not strict', () => {
    const { status, report } = runFixture('0');
    expect(status).toBe(0);
    expect(report.numPendingTests).toBe(1);
  });
});
