import { existsSync, readFileSync } from 'node:fs';
import { runDemo } from '../../src/demo/run-demo.js';
import { RealClock } from '../../src/runtime/clock.js';
import { referenceReleases } from '../helpers/reference-releases.js';

// The demo scenario end to end, for real, with a shortened window: v1 under load, v2 passes its
// gates, v3 (P95 regression) is caught by the gate and rolled back to v2 with its data.
describe('demo scenario', () => {
  test('v2 passes, v3 is caught by a gate and rolled back, v2 is healthy again', async () => {
    const releases = await referenceReleases();
    const lines: string[] = [];
    const result = await runDemo({
      windowSeconds: 15,
      rate: 15,
      releases,
      out: (l) => lines.push(l),
      clock: new RealClock(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    if (!result.ok) console.log(lines.join('\n'));
    expect(result.checks.map((c) => [c.what, c.ok])).toEqual([
      ['1.0.0 deployed and healthy', true],
      ['2.0.0 rollout passed its gates', true],
      ['migration 002 applied by the v2 rollout', true],
      ['3.0.0 regression caught by a quality gate and rolled back', true],
      ['the data is as it was before 3.0.0', true],
      ['2.0.0 is live and healthy again', true],
      ['notifications recorded in the fallback file', true],
    ]);
    expect(result.ok).toBe(true);
    expect(lines.some((l) => /Quality gate p95_hash_time: fail/.test(l))).toBe(true);
    // The report exists and names the gate that decided.
    expect(result.reportPath && existsSync(result.reportPath)).toBe(true);
    expect(readFileSync(result.reportPath!, 'utf8')).toContain('p95_hash_time');
  }, 300_000);
});
