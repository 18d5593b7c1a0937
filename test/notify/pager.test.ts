import { readFileSync, writeFileSync } from 'node:fs';
import { alertMessage, rollbackEndMessage } from '../../src/commands/monitor/messages.js';
import type { AlertEvent } from '../../src/domain/alerts/alert-tracker.js';
import type { GateEvaluation } from '../../src/domain/gates/types.js';
import type { NotificationMessage } from '../../src/ports.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { workspace } from './helpers/config.js';
import { notifySetup } from './helpers/setup.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// A loopback server that answers as the PagerDuty Events API v2 documents: 202 with
// {"status":"success","dedup_key":…}, 400 for an invalid event, 429 when throttled, 5xx.
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
const accepted = (req: { body: string }, res: import('node:http').ServerResponse) => {
  const body = JSON.parse(req.body) as { dedup_key: string };
  res.writeHead(202, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: body.dedup_key }));
};

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHttpAgents();
});
async function pagerDuty(...replies: Parameters<typeof startWebhook>[1]) {
  const s = await startWebhook('/v2/enqueue', replies);
  servers.push(s);
  return s;
}
const vars = (url: string) => ({ PAGERDUTY_ROUTING_KEY: ROUTING_KEY, PAGERDUTY_EVENTS_URL: url });

const ctx = { environment: 'production', deploymentId: 'prod-9' };
function evaluation(at: number, verdict: GateEvaluation['verdict']): GateEvaluation {
  return {
    gate: 'memory_usage',
    verdict,
    value: verdict === 'pass' ? 60 : 91,
    threshold: 85,
    unit: '%',
    reason: verdict === 'pass' ? 'memory at 60%' : 'memory at 91%',
    source: 'scrape',
    at,
  } as GateEvaluation;
}

describe('pager (PagerDuty Events API v2)', () => {
  it('a breach triggers, its escalation re-triggers the same incident, its recovery resolves it; the next breach is a new incident', async () => {
    const pd = await pagerDuty(accepted);
    const t = notifySetup(['pager'], vars(pd.url));
    const breach = (start: number): NotificationMessage[] => [
      alertMessage({ kind: 'alert', gate: 'memory_usage', evaluation: evaluation(start, 'fail') }, ctx),
      alertMessage(
        {
          kind: 'escalation',
          gate: 'memory_usage',
          evaluation: evaluation(start + 900_000, 'fail'),
          level: 1,
          after_minutes: 15,
          breachStartedAt: start,
          recipients: ['@dhash-oncall'],
        },
        ctx,
      ),
      alertMessage(
        {
          kind: 'resolved',
          gate: 'memory_usage',
          evaluation: evaluation(start + 1_200_000, 'pass'),
          breachedForMs: 1_200_000,
        },
        ctx,
      ),
    ];
    for (const m of [...breach(1_000), ...breach(5_000_000)]) {
      const report = await t.notifier.send(m);
      expect(report.deliveries).toEqual([expect.objectContaining({ channel: 'pager', delivered: true })]);
    }
    const events = pd.requests.map((r) => JSON.parse(r.body));
    expect(pd.requests.every((r) => r.headers['content-type'] === 'application/json; charset=utf-8')).toBe(
      true,
    );
    expect(events.map((e) => [e.event_action, e.dedup_key])).toEqual([
      ['trigger', 'prod-9:breach:memory_usage:1000'],
      ['trigger', 'prod-9:breach:memory_usage:1000'],
      ['resolve', 'prod-9:breach:memory_usage:1000'],
      ['trigger', 'prod-9:breach:memory_usage:5000000'],
      ['trigger', 'prod-9:breach:memory_usage:5000000'],
      ['resolve', 'prod-9:breach:memory_usage:5000000'],
    ]);
    expect(events.every((e) => e.routing_key === ROUTING_KEY)).toBe(true);
    expect(events[0]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'prod-9:breach:memory_usage:1000',
      payload: {
        summary: 'dhash production: quality gate memory_usage breached: memory usage 91% (limit 85%)',
        source: 'dhash-production',
        severity: 'error',
        timestamp: expect.any(String),
        component: 'dhash',
        group: 'production',
        class: 'Monitoring alert',
        custom_details: {
          text: expect.stringContaining(
            'Resident memory is at 91% of the memory limit, above the 85% threshold. Verdict: memory at 91%.',
          ),
          deployment_id: 'prod-9',
          gates: ['❌ memory_usage: 91% (threshold 85%) — memory at 91%'],
        },
      },
      client: 'dhash-rollout',
    });
    // Severity follows the level: escalations are critical; a resolve carries only the key.
    expect(events[1].payload.severity).toBe('critical');
    expect(events[1].payload.custom_details.recipients).toEqual(['@dhash-oncall']);
    expect(events[2]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: 'prod-9:breach:memory_usage:1000',
    });
  });

  it('a validated rollback resolves the rollback incident and the breaches it names', async () => {
    const pd = await pagerDuty(accepted);
    const t = notifySetup(['pager'], vars(pd.url));
    const end = rollbackEndMessage(true, 'validated', ['memory_usage'], ctx);
    await t.notifier.send({ ...end, resolves: ['prod-9:breach:memory_usage:1000'] });
    expect(pd.requests.map((r) => JSON.parse(r.body))).toEqual([
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'prod-9:rollback' },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'prod-9:breach:memory_usage:1000' },
    ]);
  });

  it('announcements that need nobody are not paged', async () => {
    const pd = await pagerDuty(accepted);
    const t = notifySetup(['pager', 'console'], vars(pd.url));
    const report = await t.notifier.send({
      event: 'deployment_start',
      level: 'info',
      title: 'Deployment started',
      text: 'x',
      environment: 'production',
      deploymentId: 'prod-9',
    });
    expect(pd.requests).toHaveLength(0);
    expect(report.deliveries.map((d) => d.channel)).toEqual(['console']);
    expect(report.allDelivered).toBe(true);
  });

  it('429 and 5xx are retried (Retry-After honoured); 202 is delivered', async () => {
    const pd = await pagerDuty(
      reply.json(429, { status: 'throttle event' }, { 'retry-after': '7' }),
      reply.json(502, { status: 'bad gateway' }),
      accepted,
    );
    const t = notifySetup(['pager'], vars(pd.url));
    const report = await t.notifier.send({
      event: 'escalation',
      level: 'critical',
      title: 'still breached',
      text: 'x',
      environment: 'production',
      deploymentId: 'prod-9',
    });
    expect(report.deliveries[0]).toMatchObject({ delivered: true, attempts: 3 });
    expect(t.clock.sleeps[0]).toBe(7_000);
    expect(pd.requests).toHaveLength(3);
  });

  it('400 is permanent: one attempt, the event goes to the fallback file without the routing key', async () => {
    const pd = await pagerDuty(
      reply.json(400, {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ['Length of summary'],
      }),
    );
    const t = notifySetup(['pager'], vars(pd.url));
    const report = await t.notifier.send({
      event: 'monitoring_alert',
      level: 'warning',
      title: 'alert',
      text: 'x',
      environment: 'production',
      deploymentId: 'prod-9',
    });
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 1, fellBack: true });
    expect(report.deliveries[0].error).toMatch(/^HTTP 400/);
    const line = JSON.parse(readFileSync(t.store.path, 'utf8').trim());
    expect(line.payload).toMatchObject({ event_action: 'trigger', dedup_key: 'prod-9:monitoring_alert' });
    expect(line.payload.routing_key).toBeUndefined();
    expect(t.everything()).not.toContain(ROUTING_KEY);
  });
});

describe('dedup keys are unique per occurrence', () => {
  const escalation = (start: number, level: number): AlertEvent => ({
    kind: 'escalation',
    gate: 'memory_usage',
    evaluation: evaluation(start + 60_000, 'fail'),
    level,
    after_minutes: 1,
    breachStartedAt: start,
  });

  it('two breaches give two escalations with different keys; the same escalation rebuilt gives the same key', () => {
    const first = alertMessage(escalation(1_000, 1), ctx);
    const second = alertMessage(escalation(9_000_000, 1), ctx);
    expect(first.dedupKey).toBe('prod-9:escalation:memory_usage:1000:1');
    expect(second.dedupKey).toBe('prod-9:escalation:memory_usage:9000000:1');
    expect(alertMessage(escalation(1_000, 1), ctx).dedupKey).toBe(first.dedupKey);
    expect(alertMessage(escalation(1_000, 2), ctx).dedupKey).toBe('prod-9:escalation:memory_usage:1000:2');
  });
});

describe('routing_key_env', () => {
  it('names the variable the routing key is read from, which is then redacted like the key itself', () => {
    const ws = workspace({ channels: ['pager'] });
    const file = JSON.parse(readFileSync(ws.configPath, 'utf8')) as {
      environments: { production: { notifications: { channels: Record<string, unknown> } } };
    };
    file.environments.production.notifications.channels.pager = { enabled: true, routing_key_env: 'PD_KEY' };
    writeFileSync(ws.configPath, JSON.stringify(file));
    const config = ws.load({ PD_KEY: ROUTING_KEY });
    expect(config.vars.PAGERDUTY_ROUTING_KEY).toBe(ROUTING_KEY);
    expect(config.redactor.text(`key ${ROUTING_KEY}`)).not.toContain(ROUTING_KEY);
    // The default name is read when the setting is absent.
    expect(
      workspace({ channels: ['pager'] }).load({ PAGERDUTY_ROUTING_KEY: ROUTING_KEY }).vars
        .PAGERDUTY_ROUTING_KEY,
    ).toBe(ROUTING_KEY);
  });
});
