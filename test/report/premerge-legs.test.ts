import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { dryRunCommand } from '../../src/commands/dry-run.js';
import { STEP_DRY_RUNS } from '../../src/wiring/dry-run-steps.js';
import { premergeReportCommand } from '../../src/commands/premerge-report.js';
import type { GateEvaluation } from '../../src/domain/gates/types.js';
import { formatValue } from '../../src/report/format.js';
import { RealClock } from '../../src/runtime/clock.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { testConfig } from '../monitor/helpers/config.js';
import { TestService, type Behaviour } from '../monitor/helpers/test-service.js';

// Two premerge legs, each a real dry-run with the monitor's one-shot probe against its own
// loopback service: the premerge report puts their gates side by side, cell for cell from the
// manifests the legs wrote.
const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
});

async function leg(bundles: string, runnerOs: string, behaviour: Behaviour): Promise<GateEvaluation[]> {
  const clock = new RealClock();
  const service = await new TestService(clock).start();
  services.push(service);
  service.phases = [{ fromMs: 0, ...behaviour }];
  const { config, dir } = testConfig('staging', service.url);
  const env = { RUNNER_OS: runnerOs };
  const { manifest } = await dryRunCommand(
    {
      config,
      deploymentId: `premerge-${runnerOs}`,
      probe: true,
      providers: STEP_DRY_RUNS,
      toolVersion: '1.0.0',
      steps: { backup: null, migrate: null, deploy: null, smoke: null },
    },
    {
      clock,
      logger: new JsonLinesLogger(clock, [new MemorySink()], config.redactor),
      cwd: dir,
      env,
      interactive: false,
      logDir: join(dir, 'monitor_logs'),
    },
  );
  const out = join(bundles, `dhash-premerge-staging-${runnerOs}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'deployment-manifest_staging.json'), JSON.stringify(manifest));
  const probe = (manifest.steps.find((s) => s.step === 'monitor')!.plan as { probe: GateEvaluation[] }).probe;
  expect(probe.length).toBeGreaterThanOrEqual(5);
  return probe;
}

describe('premerge report: every leg the same way', () => {
  test('a gates × legs table and a verdict per leg, each cell the probe the leg recorded', async () => {
    const bundles = mkdtempSync(join(tmpdir(), 'dhash-premerge-legs-'));
    const linux = await leg(bundles, 'Linux', {});
    const windows = await leg(bundles, 'Windows', { queueLength: 1500, memoryFraction: 0.9 });
    const report = premergeReportCommand({
      bundlesDir: bundles,
      deployWorkflow: 'deploy.yml',
      rollbackWorkflow: 'rollback.yml',
      jobResults: {},
    });
    const md = report.markdown;
    expect(md).toContain('### Quality gates per leg (one probe each)');
    expect(md).toContain('| gate | breach when | staging / Linux | staging / Windows |');
    const icon: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };
    for (const g of linux) {
      const w = windows.find((x) => x.gate === g.gate)!;
      const row = `| ${g.gate} | > ${formatValue(g.threshold, g.unit)} | ${icon[g.verdict]} ${g.verdict} ${formatValue(g.value, g.unit)} | ${icon[w.verdict]} ${w.verdict} ${formatValue(w.value, w.unit)} |`;
      expect(md).toContain(row);
    }
    // The scripted queue of 1500 breaches its threshold of 1000 on the Windows leg only.
    expect(windows.find((g) => g.gate === 'low_confidence_queue')!.verdict).toBe('fail');
    expect(md).toMatch(/- \*\*staging \/ Windows\*\*: ❌ failed: [a-z_, ]*low_confidence_queue/);
    expect(linux.find((g) => g.gate === 'low_confidence_queue')!.verdict).toBe('pass');
    expect(md).not.toMatch(/- \*\*staging \/ Linux\*\*: ❌/);
  }, 60_000);
});
