import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRunCommand } from '../../src/commands/dry-run.js';
import { STEP_DRY_RUNS } from '../../src/wiring/dry-run-steps.js';
import { loadConfig } from '../../src/config/load.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';

function setup(env: NodeJS.ProcessEnv = {}) {
  const sink = new MemorySink();
  const clock = new VirtualClock(Date.UTC(2026, 10, 27, 12, 0, 0));
  const config = loadConfig({ envName: 'staging', cwd: process.cwd(), environment: env });
  const deps = {
    clock,
    logger: new JsonLinesLogger(clock, [sink], config.redactor),
    cwd: mkdtempSync(join(tmpdir(), 'dhash-dry-')),
    env,
    interactive: false,
    logDir: 'monitor_logs',
  };
  return { sink, config, deps };
}

describe('dryRunCommand', () => {
  test('keeps what each step returned, continues past a failure, and says which steps this build lacks', async () => {
    const { config, deps, sink } = setup({ GITHUB_SHA: 'f'.repeat(40) });
    const seen: string[] = [];
    const { manifest } = await dryRunCommand(
      {
        config,
        deploymentId: 'dep-1',
        probe: false,
        providers: STEP_DRY_RUNS,
        toolVersion: '9.9.9',
        steps: {
          backup: async (input) => ({
            status: 'planned',
            detail: `would archive for ${input.config.envName}`,
            plan: { paths: ['current'] },
          }),
          migrate: async () => {
            throw new Error('migrations dir missing: releases/v2/migrations');
          },
          deploy: async () => ({ status: 'skipped', detail: 'no target configured', plan: null }),
          smoke: null,
          monitor: async () => ({ status: 'planned', detail: 'window 30 min', plan: { window_minutes: 30 } }),
        },
        onStep: (s) => seen.push(s),
      },
      deps,
    );
    expect(seen).toEqual(['backup', 'migrate', 'deploy', 'smoke', 'monitor']);
    expect(manifest.steps).toEqual([
      {
        step: 'backup',
        status: 'planned',
        detail: 'would archive for staging',
        plan: { paths: ['current'] },
      },
      {
        step: 'migrate',
        status: 'failed',
        detail: 'migrations dir missing: releases/v2/migrations',
        plan: null,
      },
      { step: 'deploy', status: 'skipped', detail: 'no target configured', plan: null },
      {
        step: 'smoke',
        status: 'unavailable',
        detail: 'this build has no "smoke" command, so nothing was planned for it',
        plan: null,
      },
      { step: 'monitor', status: 'planned', detail: 'window 30 min', plan: { window_minutes: 30 } },
    ]);
    expect(manifest).toMatchObject({
      result: 'failed',
      deployment_id: 'dep-1',
      tool_version: '9.9.9',
      generated_at: '2026-11-27T12:00:00.000Z',
      git: { sha: 'f'.repeat(40) },
    });
    expect(sink.records.map((r) => r.message)).toContain('dry-run: migrate failed');
  });

  test('planned only when every step planned or was skipped; unavailable makes it incomplete', async () => {
    const { config, deps } = setup();
    const ok = async () => ({ status: 'planned' as const, detail: 'ok', plan: {} });
    const all = await dryRunCommand(
      {
        config,
        deploymentId: 'd',
        probe: false,
        providers: STEP_DRY_RUNS,
        toolVersion: '1',
        steps: { backup: ok, migrate: ok, deploy: ok, smoke: ok, monitor: ok },
      },
      deps,
    );
    expect(all.manifest.result).toBe('planned');
    const missing = await dryRunCommand(
      {
        config,
        deploymentId: 'd',
        probe: false,
        providers: STEP_DRY_RUNS,
        toolVersion: '1',
        steps: { backup: ok, migrate: ok, deploy: ok, smoke: ok, monitor: null },
      },
      deps,
    );
    expect(missing.manifest.result).toBe('incomplete');
  });

  test('secrets a step returns are redacted in the manifest', async () => {
    const secret = 'https://hooks.slack.com/services/T1/B1/VerySecretHookToken';
    const { config, deps } = setup({ SLACK_WEBHOOK_URL: secret });
    const { manifest } = await dryRunCommand(
      {
        config,
        deploymentId: 'd',
        probe: false,
        providers: STEP_DRY_RUNS,
        toolVersion: '1',
        steps: {
          backup: async () => ({ status: 'planned', detail: `posting to ${secret}`, plan: { url: secret } }),
        },
      },
      deps,
    );
    expect(JSON.stringify(manifest)).not.toContain('VerySecretHookToken');
  });
});
