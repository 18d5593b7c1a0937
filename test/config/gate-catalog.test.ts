import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertMessage, rollbackStartMessage } from '../../src/commands/monitor/messages.js';
import { loadConfig } from '../../src/config/load.js';
import { GATE_CATALOG, GATE_NAMES, type GateName } from '../../src/domain/gates/catalog/catalog.js';
import type { GateModule } from '../../src/domain/gates/catalog/gate-module.js';
import { healthGate } from '../../src/domain/gates/catalog/health.js';
import { gateRules } from '../../src/domain/gates/rules.js';
import type { GateEvaluation } from '../../src/domain/gates/types.js';

// The gate catalog is the one list of gates: the config schema, the normalized config, the
// monitor's rules and the messages' wording all come from the modules, so a gate added to the
// catalog is validated, judged and worded without an edit anywhere else.

const ctx = { environment: 'production', deploymentId: 'prod-7' };
function evaluation(gate: GateName, value: number, threshold: number, verdict: GateEvaluation['verdict']) {
  return {
    gate,
    at: 1_000,
    verdict,
    value,
    threshold,
    unit: GATE_CATALOG[gate].unit,
    samples: 120,
    reason: `reason of ${gate}`,
    source: 'scrape',
  } satisfies GateEvaluation;
}

describe('gate catalog', () => {
  it('every gate enabled in a file becomes a rule of the monitor, with its module’s unit and threshold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-gates-'));
    try {
      const quality_gates = Object.fromEntries(GATE_NAMES.map((name) => [name, { enabled: true }]));
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({
          version: '1.0.0',
          environments: { production: { quality_gates } },
        }),
      );
      const config = loadConfig({ configPath: join(dir, 'config.json'), cwd: dir, environment: {} });
      const rules = gateRules(config.env.quality_gates);
      expect(rules.map((r) => r.gate)).toEqual([...GATE_NAMES]);
      for (const rule of rules) expect(rule.unit).toBe(GATE_CATALOG[rule.gate].unit);
      // Each threshold is the module's own default limit.
      const p95 = rules.find((r) => r.gate === 'p95_hash_time')!;
      expect([p95.threshold, p95.windowMs, p95.minSamples]).toEqual([2000, 15 * 60_000, 50]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(GATE_NAMES)('%s: breach, escalation and recovery messages use the module’s own wording', (gate) => {
    const module = GATE_CATALOG[gate];
    const breached = evaluation(gate, 91, 85, 'fail');
    const alert = alertMessage({ kind: 'alert', gate, evaluation: breached }, ctx);
    expect(alert.text).toContain(module.wording.breach({ value: 91, threshold: 85 }));
    expect(alert.title).toContain(`quality gate ${gate} breached: ${module.label}`);
    const escalation = alertMessage(
      { kind: 'escalation', gate, evaluation: breached, level: 1, after_minutes: 15, breachStartedAt: 1_000 },
      ctx,
    );
    expect(escalation.text).toContain(module.wording.breach({ value: 91, threshold: 85 }));
    const resolved = alertMessage(
      { kind: 'resolved', gate, evaluation: evaluation(gate, 40, 85, 'pass'), breachedForMs: 600_000 },
      ctx,
    );
    expect(resolved.text).toContain(module.wording.recovery({ value: 40, threshold: 85 }));
    expect(resolved.text).toContain('in breach for 10 min.');
  });

  it('says what was measured, in the gate’s unit, against the threshold', () => {
    const p95 = alertMessage(
      { kind: 'alert', gate: 'p95_hash_time', evaluation: evaluation('p95_hash_time', 2450, 2000, 'fail') },
      ctx,
    );
    expect(p95.title).toBe(
      'dhash production: quality gate p95_hash_time breached: P95 hash time 2450 ms (limit 2000 ms)',
    );
    expect(p95.text).toBe(
      'The 95th percentile of hash time over the evaluation window was 2450 ms, above the 2000 ms threshold. Verdict: reason of p95_hash_time. Source: scrape.',
    );
    const health = rollbackStartMessage([evaluation('health', 3, 2, 'fail')], 'backup-1.zip', ctx);
    expect(health.text).toBe(
      'Quality gate health failed: The health endpoint failed 3 checks in a row, more than the 2 allowed. Rolling back to backup-1.zip.',
    );
    const noData = GATE_CATALOG.error_rate.wording.breach({ value: null, threshold: 3 });
    expect(noData).toContain('no data');
  });
});

describe('a gate module that leaves out a part does not compile', () => {
  // Checked by `tsc --noEmit -p .` (the test folder is type-checked): each expect-error directive
  // fails the typecheck if the line it marks ever compiles.
  it('the type rejects a module without wording, unit, PromQL or metric families, and a catalog without a gate', () => {
    const { wording: _w, ...noWording } = healthGate;
    const { unit: _u, ...noUnit } = healthGate;
    const { promql: _p, ...noPromql } = healthGate;
    const { metricFamilies: _m, ...noFamilies } = healthGate;
    type Health = GateModule<'health', typeof healthGate.threshold>;
    // @ts-expect-error: wording is missing
    const a: Health = noWording;
    // @ts-expect-error: unit is missing
    const b: Health = noUnit;
    // @ts-expect-error: the default PromQL is missing
    const c: Health = noPromql;
    // @ts-expect-error: the metric families are missing
    const d: Health = noFamilies;
    // @ts-expect-error: a name outside the catalog
    const e: GateName = 'queue_latency';
    // @ts-expect-error: a catalog without every gate
    const f: { readonly [N in GateName]: GateModule<N> } = { health: healthGate };
    const complete: Health = healthGate;
    expect([a, b, c, d, e, f, complete].length).toBe(7);
  });
});
