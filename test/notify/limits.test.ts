import { CHANNEL_CATALOG, CHANNEL_NAMES } from '../../src/domain/channels/catalog.js';
import { DISCORD_LIMITS, renderDiscord } from '../../src/domain/messages/discord.js';
import { NO_MENTIONS } from '../../src/domain/messages/mentions.js';
import { SLACK_LIMITS, renderSlack } from '../../src/domain/messages/slack.js';
import { TEAMS_LIMITS, renderTeams } from '../../src/domain/messages/teams.js';
import { truncate, truncateBytes, truncateEscaped } from '../../src/domain/messages/text.js';
import type { NotificationMessage } from '../../src/ports.js';

// Inputs chosen to break naive cuts: astral emoji (two UTF-16 units, four UTF-8 bytes), emoji
// sequences joined by ZWJ, and text full of characters that Slack and HTML escape into entities.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const HALF_ENTITY = /&(?:[a-z]{0,5}|#\d{0,4})…/i;
const base: NotificationMessage = {
  event: 'monitoring_alert',
  level: 'warning',
  title: 'gate breached',
  text: 'x',
  environment: 'production',
  deploymentId: 'prod-1',
};
const EMOJI_10K = '🚨'.repeat(10_000);
const ENTITIES_100K = '<&>'.repeat(34_000);
const MIXED_100K = `${'a🚨&<'.repeat(10_000)}${'👩‍👩‍👧‍👦'.repeat(2_000)}`;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('cuts', () => {
  it('never split a code point or an emoji sequence', () => {
    const cut = truncate('🚨'.repeat(10), 5);
    expect(cut).toBe('🚨🚨🚨🚨…');
    expect(truncate('ab👩‍👩‍👧‍👦cd', 4)).toBe('ab…');
    expect(truncateBytes('🚨🚨🚨', 9)).toBe('🚨…');
    expect(Buffer.byteLength(truncateBytes('🚨'.repeat(100), 50))).toBeLessThanOrEqual(50);
  });

  it('never leave half an entity in escaped text, and leave plain text alone', () => {
    expect(truncateEscaped('a &amp; b', 5)).toBe('a …');
    expect(truncateEscaped('a &#39; b', 6)).toBe('a …');
    expect(truncateEscaped('a &amp; b', 8)).toBe('a &amp;…');
    expect(truncate('AT&T rocks', 5)).toBe('AT&T…');
  });
});

describe('every channel with 10,000 emoji, 100 KB of entities and 100 KB of mixed text', () => {
  const inputs: Array<[string, NotificationMessage]> = [
    ['emoji title and text', { ...base, title: EMOJI_10K, text: `${EMOJI_10K}\nend` }],
    ['entities', { ...base, title: ENTITIES_100K, text: `${ENTITIES_100K}\nend` }],
    ['mixed', { ...base, title: MIXED_100K, text: `${MIXED_100K}\nend` }],
  ];

  it.each(inputs)('%s: valid UTF-16 everywhere, no half entity', (_name, message) => {
    for (const name of CHANNEL_NAMES) {
      const payload = CHANNEL_CATALOG[name].render(message, {
        timestamp: '2026-01-01T00:00:00.000Z',
        mentions: NO_MENTIONS,
        vars: {},
      });
      for (const s of strings(payload))
        expect({ name, lone: LONE_SURROGATE.test(s) }).toEqual({ name, lone: false });
    }
    // Slack's mrkdwn (sections, fields, context, the top-level text) is escaped, so a cut there
    // must not leave "&am…"; plain_text (the header) is not parsed for entities.
    const slack = renderSlack(message);
    const mrkdwn = [
      slack.text,
      ...(slack.blocks as Array<Record<string, any>>).flatMap((b) => [
        ...(b.text?.type === 'mrkdwn' ? [b.text.text] : []),
        ...(b.fields ?? []).map((f: { text: string }) => f.text),
        ...(b.type === 'context' ? b.elements.map((e: { text: string }) => e.text) : []),
      ]),
    ];
    for (const s of mrkdwn) {
      expect(HALF_ENTITY.test(s)).toBe(false);
      expect(s.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[&]/);
    }
  });

  it.each(inputs)('%s: Teams stays under 28 KB in bytes', (_name, message) => {
    const bytes = Buffer.byteLength(JSON.stringify(renderTeams(message)));
    expect(bytes).toBeLessThanOrEqual(TEAMS_LIMITS.postBytes);
    // The free text is cut to fit, not dropped.
    expect(bytes).toBeGreaterThan(8_000);
  });

  it.each(inputs)('%s: Slack within its character limits, top-level text escaped', (_name, message) => {
    const p = renderSlack(message);
    const len = (s: string) => Array.from(s).length;
    expect(len(p.text)).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    for (const b of p.blocks as Array<{ text?: { text: string } }>)
      if (b.text) expect(len(b.text.text)).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(p.text).not.toMatch(/[<>]/);
  });

  it.each(inputs)('%s: Discord within 6000 characters across the embed', (_name, message) => {
    const e = renderDiscord(message).embeds[0];
    const len = (s: string) => Array.from(s).length;
    const total =
      len(e.title) +
      len(e.description ?? '') +
      len(e.footer.text) +
      e.fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });
});
