import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { parseExposition } from '../../src/domain/metrics/exposition.js';
import { ROOT } from '../helpers/run-bundle.js';
import { buildReleases, startRelease, type RunningRelease } from '../service/release-process.js';
import { captureIo } from '../helpers/cli-io.js';

// The reference service, built and started from its release bundles as a deploy would, is the
// real peer the smoke checks were written for.
let releases: string;
beforeAll(async () => {
  releases = await buildReleases();
}, 180_000);

/** A workspace whose config points the staging admin probe at a real admin route of the service. */
function workspace(): string {
  const cwd = mkdtempSync(join(tmpdir(), 'dhash-smoke-ref-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'quality-gates-config.json'), 'utf8'));
  config.environments.staging.service.admin_path = '/admin/queue';
  delete config.$schema;
  writeFileSync(join(cwd, 'quality-gates-config.json'), JSON.stringify(config, null, 2));
  return cwd;
}

async function smoke(url: string, extra: string[] = []) {
  const io = captureIo(workspace());
  const code = await runCli(['smoke', '--env', 'staging', '--endpoint', url, '--json', ...extra], io);
  expect(io.err()).toBe('');
  const result = JSON.parse(io.out()) as {
    result: string;
    checks: Array<{ id: string; status: string; detail: string }>;
  };
  return {
    code,
    result,
    status: Object.fromEntries(result.checks.map((c) => [c.id, c.status])),
    detail: Object.fromEntries(result.checks.map((c) => [c.id, c.detail])),
  };
}

async function extractionCounts(url: string): Promise<Partial<Record<string, number>>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts: Partial<Record<string, number>> = {};
  for (const s of parseExposition(text).samples)
    if (s.name === 'dhash_extractions_total') counts[(s.labels.result as string | undefined) ?? ''] = s.value; // a sample may lack the label
  return counts;
}

describe('smoke against the reference dhash service', () => {
  let service: RunningRelease | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  test('release 2.0.0 passes every check, and the invalid payload is not counted as a failed extraction', async () => {
    service = await startRelease(join(releases, '2.0.0'), {
      DHASH_ADMIN_TOKEN: 'a-long-admin-token-for-tests',
    });
    const before = await extractionCounts(service.url);
    const { code, result, status, detail } = await smoke(service.url, ['--latency-limit-ms', '600000']);
    expect(result.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(code).toBe(0);
    expect(detail.health).toBe('status ok, version 2.0.0');
    expect(detail.hash).toBe('hash 24d99a66653335c9 matches the sample');
    expect(detail.invalid_payload).toBe('rejected with HTTP 400');
    expect(detail.admin_protected).toBe('HTTP 401: not open');
    expect(status.queue_status).toBe('pass');
    const after = await extractionCounts(service.url);
    expect((after.success ?? 0) - (before.success ?? 0)).toBe(1);
    expect(after.failure ?? 0).toBe(before.failure ?? 0);
  });

  test('without an admin token the admin route is closed (403)', async () => {
    service = await startRelease(join(releases, '2.0.0'), {});
    const { detail } = await smoke(service.url, ['--quick']);
    expect(detail.admin_protected).toBeUndefined();
    const full = await smoke(service.url, ['--latency-limit-ms', '600000']);
    expect(full.detail.admin_protected).toBe('HTTP 403: not open');
  });

  test('the fault-health-fail release fails health: a critical failure, exit 1', async () => {
    service = await startRelease(join(releases, 'fault-health-fail'), {});
    const { code, result, status, detail } = await smoke(service.url, ['--quick']);
    expect(code).toBe(1);
    expect(result.result).toBe('failed');
    expect(status.health).toBe('fail');
    expect(detail.health).toBe('HTTP 503, expected 2xx');
    expect(status.metrics).toBe('pass');
    expect(status.hash).toBe('pass');
  });
});
