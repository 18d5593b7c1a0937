import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { renderDiscord } from '../../src/domain/messages/discord.js';
import { unmappedRecipientWarnings } from '../../src/config/mentions-schema.js';
import { resolveMentions, type MentionMap } from '../../src/domain/messages/mentions.js';
import { renderSlack } from '../../src/domain/messages/slack.js';
import { renderTeams } from '../../src/domain/messages/teams.js';
import type { NotificationMessage } from '../../src/ports.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { notifySetup } from './helpers/setup.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';

// Recipients map to each platform's own mention syntax; a name without a mapping is plain text
// that pings no one (and `validate` warns about it).
const MENTIONS: MentionMap = {
  '@dhash-oncall': {
    slack: ['S0123ABC', 'U0456DEF'],
    discord: { roles: ['112233445566778899'], users: ['998877665544332211'] },
    teams: [{ id: '29:1a2b3c-oncall', name: 'DHash On-call' }],
    email: ['oncall@example.test'],
  },
};
const message: NotificationMessage = {
  event: 'escalation',
  level: 'critical',
  title: 'memory_usage still breached after 15 min',
  text: 'memory at 91% <!everyone> & rising',
  environment: 'production',
  deploymentId: 'prod-3',
  recipients: ['@dhash-oncall', '@platform-leads'],
  dedupKey: 'prod-3:escalation:memory_usage:1000:1',
};
const mentions = resolveMentions(message.recipients!, MENTIONS);

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await closeHttpAgents();
});

describe('native mentions', () => {
  it('Slack: <!subteam^S…> and <@U…> in the section and the top-level text; the unmapped name and the text are escaped', () => {
    const payload = renderSlack(message, { mentions });
    expect(payload.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '<@U0456DEF> <!subteam^S0123ABC> @platform-leads memory at 91% &lt;!everyone&gt; &amp; rising',
      },
    });
    expect(payload.text.split('\n')[0]).toBe('<@U0456DEF> <!subteam^S0123ABC> @platform-leads');
    expect(payload.text).toContain('memory at 91% &lt;!everyone&gt; &amp; rising');
    expect(payload.text).not.toContain('<!everyone>');
  });

  it('Discord: <@&role> and <@user> in content, allowed_mentions exactly those', () => {
    const payload = renderDiscord(message, { mentions });
    expect(payload.content).toBe('<@&112233445566778899> <@998877665544332211> @\u200bplatform-leads');
    expect(payload.allowed_mentions).toEqual({
      parse: [],
      roles: ['112233445566778899'],
      users: ['998877665544332211'],
    });
  });

  it('Teams: <at>name</at> in the card and a matching msteams.entities mention', () => {
    const card = renderTeams(message, { mentions }).attachments[0].content as {
      body: Array<{ text?: string }>;
      msteams: unknown;
    };
    expect(card.body[1]).toEqual({
      type: 'TextBlock',
      text: 'Attention: <at>DHash On-call</at> @platform-leads',
      weight: 'Bolder',
      wrap: true,
    });
    expect(card.msteams).toEqual({
      width: 'Full',
      entities: [
        {
          type: 'mention',
          text: '<at>DHash On-call</at>',
          mentioned: { id: '29:1a2b3c-oncall', name: 'DHash On-call' },
        },
      ],
    });
  });

  it('the notifier resolves recipients from notifications.mentions for every channel it posts to', async () => {
    const slack = await startWebhook('/services/T/B/mentions-token', [reply.text(200, 'ok')]);
    const discord = await startWebhook('/api/webhooks/1/mentions-token', [reply.json(200, { id: '1' })]);
    servers.push(slack, discord);
    const t = notifySetup(
      ['slack', 'discord'],
      { SLACK_WEBHOOK_URL: slack.url, DISCORD_WEBHOOK_URL: discord.url },
      { mentions: MENTIONS },
    );
    await t.notifier.send(message);
    expect(JSON.parse(slack.requests[0].body).blocks[1].text.text).toContain('<!subteam^S0123ABC>');
    expect(JSON.parse(discord.requests[0].body).allowed_mentions).toEqual({
      parse: [],
      roles: ['112233445566778899'],
      users: ['998877665544332211'],
    });
  });

  it('e-mail: the mapped addresses are copied in, received by a real SMTP server', async () => {
    const received: Array<{ to: string[]; data: string }> = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const t = notifySetup(
        ['email'],
        {
          EMAIL_FROM: 'dhash@example.test',
          EMAIL_TO: 'ops@example.test',
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String((server.server.address() as AddressInfo).port),
        },
        { mentions: MENTIONS },
      );
      const report = await t.notifier.send(message);
      expect(report.allDelivered).toBe(true);
      expect(received).toHaveLength(1);
      expect(received[0].to).toEqual(['ops@example.test', 'oncall@example.test']);
      expect(received[0].data).toMatch(/^Cc: oncall@example\.test\r?$/m);
      expect(received[0].data).toContain('Attention: @dhash-oncall @platform-leads');
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    }
  });

  it('validate warns about each recipient no platform can page', () => {
    expect(
      unmappedRecipientWarnings(
        [
          { recipients: ['@dhash-oncall'] },
          { recipients: ['@platform-leads', '@here'] },
          { mention: '@ghost' },
        ],
        MENTIONS,
      ),
    ).toEqual([
      'notifications.escalation.escalation_levels[1].recipients: "@platform-leads" has no entry in notifications.mentions; it is sent as plain text and pings no one',
      'notifications.escalation.escalation_levels[2].recipients: "@ghost" has no entry in notifications.mentions; it is sent as plain text and pings no one',
    ]);
  });
});
