import { renderDiscord, DISCORD_LIMITS } from '../../src/domain/messages/discord.js';
import { renderEmail } from '../../src/domain/messages/email.js';
import { renderSlack, SLACK_LIMITS } from '../../src/domain/messages/slack.js';
import { renderTeams } from '../../src/domain/messages/teams.js';
import { renderGeneric } from '../../src/domain/messages/webhook.js';
import { deploymentEventMessage } from '../../src/domain/messages/compose.js';
import type { NotificationMessage } from '../../src/ports.js';

const message: NotificationMessage = {
  event: 'monitoring_alert',
  level: 'error',
  title: 'Extraction failures above 5%',
  text: 'extraction_failure_rate is 7.5% over 10 min',
  environment: 'production',
  deploymentId: 'prod-42',
  version: '1.4.2',
  gates: [
    { gate: 'extraction_failure_rate', verdict: 'fail', value: 7.5, threshold: 5, unit: '%' },
    {
      gate: 'p95_hash_time',
      verdict: 'inconclusive',
      value: null,
      threshold: 2000,
      unit: 'ms',
      detail: '12 samples < 50',
    },
  ],
  links: { run: 'https://github.com/mobius/dhash/actions/runs/9', logs: 'https://logs.example.test/prod-42' },
  mention: '@here',
};

// These pin each channel's payload shape: a change here changes what people see at 3 a.m.
describe('payload shapes', () => {
  it('Slack: header, text with mention, facts, gates, link buttons, context; plain-text fallback', () => {
    expect(renderSlack(message, { channel: '#ops' })).toEqual({
      channel: '#ops',
      text: expect.stringContaining('Extraction failures above 5%'),
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: '❌ Extraction failures above 5%', emoji: true },
        },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '<!here> extraction_failure_rate is 7.5% over 10 min' },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Environment*\nproduction' },
            { type: 'mrkdwn', text: '*Event*\nMonitoring alert' },
            { type: 'mrkdwn', text: '*Level*\nerror' },
            { type: 'mrkdwn', text: '*Version*\n1.4.2' },
            { type: 'mrkdwn', text: '*Deployment*\nprod-42' },
          ],
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Quality gates*\n• ❌ extraction_failure_rate: 7.5% (threshold 5%)\n• ❔ p95_hash_time: no data (threshold 2000 ms) — 12 samples &lt; 50',
          },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Workflow run' },
              url: 'https://github.com/mobius/dhash/actions/runs/9',
              action_id: 'dhash_link_0',
            },
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Logs' },
              url: 'https://logs.example.test/prod-42',
              action_id: 'dhash_link_1',
            },
          ],
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'dhash-rollout · Monitoring alert · production' }],
        },
      ],
    });
  });

  it('Teams: an Adaptive Card 1.4 inside the message wrapper with facts and OpenUrl actions', () => {
    const payload = renderTeams(message);
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const { contentType, contentUrl, content } = payload.attachments[0];
    expect(contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(contentUrl).toBeNull();
    expect(content).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.4',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    });
    const body = content.body as Array<Record<string, unknown>>;
    expect(body[0]).toMatchObject({
      type: 'TextBlock',
      text: '❌ Extraction failures above 5%',
      weight: 'Bolder',
      color: 'attention',
    });
    expect(body.find((b) => b.type === 'FactSet')).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Environment', value: 'production' },
        { title: 'Event', value: 'Monitoring alert' },
        { title: 'Level', value: 'error' },
        { title: 'Version', value: '1.4.2' },
        { title: 'Deployment', value: 'prod-42' },
      ],
    });
    expect(content.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Workflow run',
        url: 'https://github.com/mobius/dhash/actions/runs/9',
      },
      { type: 'Action.OpenUrl', title: 'Logs', url: 'https://logs.example.test/prod-42' },
    ]);
  });

  it('Discord: one embed with level colour, inline facts, gates and links; only the mention pings', () => {
    expect(renderDiscord(message, { timestamp: '2026-01-01T00:00:00.000Z' })).toEqual({
      username: 'dhash-rollout',
      content: '@here',
      allowed_mentions: { parse: ['everyone'], roles: [], users: [] },
      embeds: [
        {
          title: '❌ Extraction failures above 5%',
          description: 'extraction_failure_rate is 7.5% over 10 min',
          color: 0xe01e5a,
          url: 'https://github.com/mobius/dhash/actions/runs/9',
          timestamp: '2026-01-01T00:00:00.000Z',
          footer: { text: 'dhash-rollout · Monitoring alert' },
          fields: [
            { name: 'Environment', value: 'production', inline: true },
            { name: 'Event', value: 'Monitoring alert', inline: true },
            { name: 'Level', value: 'error', inline: true },
            { name: 'Version', value: '1.4.2', inline: true },
            { name: 'Deployment', value: 'prod-42', inline: true },
            {
              name: 'Quality gates',
              value:
                '❌ extraction_failure_rate: 7.5% (threshold 5%)\n❔ p95_hash_time: no data (threshold 2000 ms) — 12 samples < 50',
              inline: false,
            },
            {
              name: 'Links',
              value:
                '[Workflow run](https://github.com/mobius/dhash/actions/runs/9) · [Logs](https://logs.example.test/prod-42)',
              inline: false,
            },
          ],
        },
      ],
    });
  });

  it('e-mail: a subject naming environment and level, a text body and an escaped HTML body', () => {
    const mail = renderEmail({ ...message, text: '<script>alert(1)</script>' });
    expect(mail.subject).toBe('[dhash production] [ERROR] Extraction failures above 5%');
    expect(mail.text).toContain('Quality gates:\n  ❌ extraction_failure_rate: 7.5% (threshold 5%)');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('generic webhook: the versioned JSON', () => {
    expect(renderGeneric(message, { timestamp: '2026-01-01T00:00:00.000Z' })).toMatchObject({
      schema: 'dhash-rollout.notification/v1',
      dedup_key: 'prod-42:monitoring_alert',
      event: 'monitoring_alert',
      level: 'error',
      environment: 'production',
      deployment_id: 'prod-42',
      version: '1.4.2',
      gates: message.gates,
      links: message.links,
      mention: '@here',
      timestamp: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('limits', () => {
  const huge: NotificationMessage = {
    ...message,
    title: 'T'.repeat(500),
    text: 'x'.repeat(50_000),
    gates: Array.from({ length: 200 }, () => ({
      gate: 'memory_usage' as const,
      verdict: 'warn' as const,
      value: 90,
      threshold: 85,
      unit: '%',
      detail: 'y'.repeat(100),
    })),
  };

  it('Slack stays within Block Kit limits', () => {
    const p = renderSlack(huge);
    expect(p.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(Array.from(p.text).length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    const header = p.blocks[0] as { text: { text: string } };
    expect(Array.from(header.text.text).length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    for (const b of p.blocks as Array<{ text?: { text: string } }>)
      if (b.text) expect(Array.from(b.text.text).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect((p.blocks[1] as { text: { text: string } }).text.text.endsWith('…')).toBe(true);
  });

  it('Discord stays within embed limits, 6000 characters across the embed included', () => {
    const p = renderDiscord(huge);
    const e = p.embeds[0];
    const len = (s: string) => Array.from(s).length;
    expect(len(e.title)).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(len(e.description ?? '')).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields) expect(len(f.value)).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    const total =
      len(e.title) +
      len(e.description ?? '') +
      len(e.footer.text) +
      e.fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it('Teams keeps the post well under its 28 KB limit', () => {
    expect(Buffer.byteLength(JSON.stringify(renderTeams(huge)))).toBeLessThan(28 * 1024);
  });
});

describe('deploy-notify messages', () => {
  it('levels follow the event and the headline names version and environment', () => {
    const m = deploymentEventMessage({
      event: 'rollback_failure',
      environment: 'staging',
      deploymentId: 'st-1',
      version: '2.0.0',
    });
    expect(m).toMatchObject({
      level: 'critical',
      title: 'Rollback failed: dhash 2.0.0 on staging',
      deploymentId: 'st-1',
    });
    expect(
      deploymentEventMessage({ event: 'deployment_success', environment: 'staging', deploymentId: 'st-1' })
        .level,
    ).toBe('info');
  });
});

describe('a one-line operator message', () => {
  it('is not repeated under its own headline', () => {
    const short: NotificationMessage = {
      event: 'gate_resolved',
      level: 'info',
      title: 'hello',
      text: 'hello',
      environment: 'staging',
      deploymentId: 'st-2',
    };
    expect(renderSlack(short).blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(renderDiscord(short).embeds[0].description).toBeUndefined();
    expect(renderEmail(short).text.match(/hello/g)).toHaveLength(1);
    expect((renderTeams(short).attachments[0].content.body as unknown[]).length).toBe(3);
  });
});
