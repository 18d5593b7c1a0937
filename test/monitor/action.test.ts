import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runAction } from '../../src/action/run.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { testConfig } from './helpers/config.js';
import { TestService } from './helpers/test-service.js';
import { recordingCore } from '../helpers/action-core.js';

// The action front end in-process with a recording stand-in for @actions/core (passed in, so no
// module mocking), against the test's loopback service under a virtual clock.
const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

describe('action command monitor', () => {
  test('dry-run without a service: outputs the plan, result dry_run, step passes', async () => {
    const { dir } = testConfig('production', 'http://127.0.0.1:9');
    const run = recordingCore({
      command: 'monitor',
      environment: 'production',
      config: join(dir, 'quality-gates-config.json'),
      'working-directory': dir,
      'dry-run': 'true',
      probe: 'true',
    });
    await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, new VirtualClock());
    expect(run.failed()).toBeUndefined();
    expect(run.outputs.result).toBe('planned');
    expect(JSON.parse(run.outputs.plan).pollOffsetsSeconds).toHaveLength(39);
    expect(run.summary()).toContain('Monitoring plan for "production"');
  });

  test('an alert-only breach: result alerted, failed-gates, gate table and Mermaid chart in the summary', async () => {
    const clock = new VirtualClock();
    const service = await new TestService(clock).start();
    services.push(service);
    service.phases = [{ fromMs: 0 }, { fromMs: 120_000, http5xxRate: 0.25 }];
    const { dir } = testConfig('staging', service.url, (env) => {
      env.monitoring.window_minutes = 10;
      env.notifications.channels = {};
      env.notifications.escalation = { escalation_levels: [] };
    });
    const run = recordingCore({
      command: 'monitor',
      environment: 'staging',
      config: join(dir, 'quality-gates-config.json'),
      'working-directory': dir,
      'base-url': service.url,
      'deployment-id': 'gh-1-1-staging',
    });
    await runAction(run.core, { GITHUB_STEP_SUMMARY: '/dev/null' }, clock);
    expect(run.failed()).toBeUndefined();
    expect(run.outputs).toMatchObject({
      result: 'alerted',
      'failed-gates': 'error_rate',
      'deployment-id': 'gh-1-1-staging',
    });
    expect(run.outputs['evidence-path']).toMatch(/dhash_staging_\d{8}_\d{6}(_[0-9a-f]+)?\.evidence\.json$/);
    expect(run.summary()).toMatch(/\| \*\*error_rate\*\* \| ⚠️ breached \(deciding\) \|/);
    expect(run.summary()).toContain('alert-only gate error_rate breached');
    expect(run.summary()).toContain('```mermaid\nxychart-beta');
    expect(
      run.annotations.some(
        (a) => a.kind === 'warning' && a.message.startsWith('Quality gate error_rate: warn'),
      ),
    ).toBe(true);
  });
});
