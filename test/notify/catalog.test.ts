import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { NOTIFICATION_INPUTS } from '../../src/action/inputs.js';
import { buildChannelOf } from '../../src/adapters/notify/factory.js';
import { channelInputsYaml, withChannelInputs } from '../../src/config/action-inputs.js';
import {
  ALL_CHANNEL_VARIABLES as CHANNEL_VARIABLES,
  CHANNEL_ACTION_INPUTS,
  channelListSchema,
  type ChannelName,
} from '../../src/config/channels.js';
import { SECRET_VARIABLES } from '../../src/config/channel-settings.js';
import {
  channelSettingsSchemas,
  CONFIG_CHANNELS,
  channelSettingsSchema,
  SECRET_SETTING_KEYS,
} from '../../src/config/channels-schema.js';
import { CHANNELS } from '../../src/config/schema.js';
import { CHANNEL_CATALOG, CHANNEL_NAMES } from '../../src/domain/channels/catalog.js';
import { defineChannel } from '../../src/domain/channels/channel-module.js';
import { settingText } from '../../src/domain/channels/setting-text.js';
import { describeTarget, webhookUrl } from '../../src/domain/channels/webhook-url.js';
import { classifyStatus } from '../../src/domain/delivery/classify.js';
import { NO_MENTIONS } from '../../src/domain/messages/mentions.js';
import { closeHttpAgents } from '../../src/runtime/http.js';
import { Redactor } from '../../src/runtime/redact.js';
import { reply, startWebhook } from '../helpers/loopback.js';

// The catalog is the one list of channels: names, variables, action inputs, the config schema and
// the notifier's senders all come from the modules, so these tests compare each derived list with
// the catalog, and build a channel that is not in it from its module alone.

describe('channel catalog', () => {
  it('holds one module per channel name, each under its own name', () => {
    expect(Object.keys(CHANNEL_CATALOG)).toEqual([...CHANNEL_NAMES]);
    for (const [key, module] of Object.entries(CHANNEL_CATALOG)) expect(module.name).toBe(key);
    expect([...CHANNELS]).toEqual([...CHANNEL_NAMES]);
    expect([...CONFIG_CHANNELS]).toEqual([...CHANNEL_NAMES]);
    expect([...CHANNEL_NAMES]).toEqual(['slack', 'teams', 'discord', 'email', 'webhook', 'console', 'pager']);
    expect(Object.fromEntries(CHANNEL_NAMES.map((n) => [n, CHANNEL_CATALOG[n].transport]))).toEqual({
      slack: 'http',
      teams: 'http',
      discord: 'http',
      email: 'smtp',
      webhook: 'http',
      console: 'stream',
      pager: 'http',
    });
  });

  it('variables and action inputs are unique, and every credential is a secret', () => {
    const names = CHANNEL_VARIABLES.map((v) => v.name);
    const inputs = CHANNEL_VARIABLES.map((v) => v.input);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(inputs).size).toBe(inputs.length);
    expect([...SECRET_VARIABLES].sort()).toEqual(
      [
        'DISCORD_WEBHOOK_URL',
        'GENERIC_WEBHOOK_URL',
        'PAGERDUTY_ROUTING_KEY',
        'SLACK_WEBHOOK_URL',
        'SMTP_PASS',
        'TEAMS_WEBHOOK_URL',
      ].sort(),
    );
    expect([...SECRET_SETTING_KEYS].sort()).toEqual(['routing_key', 'smtp_pass', 'url', 'webhook_url']);
    expect(NOTIFICATION_INPUTS).toEqual(CHANNEL_ACTION_INPUTS);
    expect(NOTIFICATION_INPUTS['pagerduty-routing-key']).toBe('PAGERDUTY_ROUTING_KEY');
  });

  it('the config schema takes exactly the catalog names', () => {
    expect(channelListSchema().safeParse(['console', 'pager']).success).toBe(true);
    const bad = channelListSchema().safeParse(['slack', 'sms']);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toBe(
      `expected one of ${CHANNEL_NAMES.map((c) => `"${c}"`).join(', ')}`,
    );
    expect(channelListSchema().safeParse(['slack', 'slack']).success).toBe(false);
  });

  it('action.yml’s channel inputs block is the one generated from the catalog', () => {
    const text = readFileSync(join(process.cwd(), 'action.yml'), 'utf8');
    expect(withChannelInputs(text)).toBe(text);
  });

  // Every action that takes one channel input takes them all, described with its variable, so a
  // channel added to the catalog cannot be forgotten in an action.yml.
  it.each(['action.yml', 'actions/deploy', 'actions/monitor', 'actions/notify', 'actions/rollback'])(
    '%s declares every channel input of the catalog',
    (where) => {
      const file = where.endsWith('.yml') ? where : `${where}/action.yml`;
      const action = yaml.load(readFileSync(join(process.cwd(), file), 'utf8')) as {
        inputs: Record<string, { description: string; required?: boolean }>;
      };
      for (const v of CHANNEL_VARIABLES) {
        expect({ input: v.input, declared: v.input in action.inputs }).toEqual({
          input: v.input,
          declared: true,
        });
        expect(action.inputs[v.input].description).toContain(v.name);
        expect(action.inputs[v.input].required ?? false).toBe(false);
        if (v.secret) expect(action.inputs[v.input].description).toContain('secret');
      }
    },
  );

  it('every variable a config key can set names a key of that channel’s settings schema', () => {
    for (const v of CHANNEL_VARIABLES) {
      const shape = channelSettingsSchemas()[v.channel].shape as Record<string, unknown>;
      for (const key of v.settingKeys)
        expect({ variable: v.name, key, known: key in shape }).toEqual({
          variable: v.name,
          key,
          known: true,
        });
    }
  });
});

// A channel that is not in the catalog, written as a new channel's module would be: everything a
// channel is, and nothing else. The same derivations the catalog goes through validate its config
// settings, list its action inputs and build its sender, which posts to a loopback server.
const chirp = defineChannel({
  name: 'chirp',
  transport: 'http',
  summary: 'Chirp hook: one JSON post per message.',
  settingsSchema: z.strictObject({
    url: settingText().optional().describe('Chirp hook URL (a secret): "${CHIRP_URL}".'),
  }),
  variables: [
    {
      name: 'CHIRP_URL',
      input: 'chirp-url',
      secret: true,
      required: true,
      description: 'Chirp hook URL',
      settingKeys: ['url'],
    },
  ],
  settings: (vars, context) => webhookUrl('CHIRP_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message) => ({ chirp: message.title, level: message.level }),
  requests: (s, payload, c) => [{ url: s.url, headers: { 'x-chirp-id': c.dedupKey }, json: payload }],
  // Chirp answers 201 for a stored message.
  classify: (answer, nowMs) =>
    answer.status === 201
      ? { kind: 'delivered', detail: 'HTTP 201 stored' }
      : answer.status < 300
        ? { kind: 'permanent', error: `HTTP ${answer.status}: expected 201` }
        : classifyStatus(answer, nowMs),
});

describe('a channel added by one module', () => {
  afterEach(closeHttpAgents);

  it('its config settings are validated by its own schema, with enabled added', () => {
    const schema = channelSettingsSchema(chirp);
    expect(schema.parse({ url: '${CHIRP_URL}' })).toEqual({ enabled: true, url: '${CHIRP_URL}' });
    const bad = schema.safeParse({ hook: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].code).toBe('unrecognized_keys');
  });

  it('its variables become action inputs', () => {
    const block = channelInputsYaml([...CHANNEL_VARIABLES, ...chirp.variables]);
    const inputs = yaml.load(`inputs:\n${block}`) as {
      inputs: Record<string, { description: string; required: boolean }>;
    };
    expect(inputs.inputs['chirp-url']).toEqual({
      description: 'Chirp hook URL (secret). Overrides CHIRP_URL.',
      required: false,
    });
    expect(Object.keys(inputs.inputs)).toHaveLength(CHANNEL_VARIABLES.length + 1);
  });

  it('it is built from its module and sends through the HTTP transport; a missing variable is named', async () => {
    const server = await startWebhook('/hook/s3cr3t', [reply.text(500, 'busy'), reply.text(201, 'ok')]);
    try {
      const redactor = new Redactor();
      const slot = buildChannelOf(chirp, {
        vars: { CHIRP_URL: server.url },
        allowInsecureLoopback: true,
        redactor,
      });
      if (!('sender' in slot)) throw new Error(slot.problem);
      expect(slot.target).toBe(`http://127.0.0.1:${server.port}`);
      const payload = chirp.render(
        {
          event: 'deployment_start',
          level: 'info',
          title: 'hello',
          text: 'hello',
          environment: 'staging',
          deploymentId: 'd-1',
        },
        { timestamp: '2026-01-01T00:00:00.000Z', mentions: NO_MENTIONS, vars: {} },
      )!;
      const context = { timeoutMs: 5_000, dedupKey: 'd-1:deployment_start', attempt: 1, nowMs: Date.now() };
      expect(await slot.sender.attempt(payload, context)).toEqual({
        kind: 'transient',
        error: expect.stringContaining('500'),
      });
      expect(await slot.sender.attempt(payload, { ...context, attempt: 2 })).toEqual({
        kind: 'delivered',
        detail: 'HTTP 201 stored',
      });
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].url).toBe('/hook/s3cr3t');
      expect(server.requests[1].headers['x-chirp-id']).toBe('d-1:deployment_start');
      expect(JSON.parse(server.requests[1].body)).toEqual({ chirp: 'hello', level: 'info' });

      const missing = buildChannelOf(chirp, { vars: {}, allowInsecureLoopback: true, redactor });
      expect('problem' in missing && missing.problem).toBe(
        'notifications.channels: "chirp" is enabled but CHIRP_URL is not set (environment or .env.notifications)',
      );
      const insecure = buildChannelOf(chirp, {
        vars: { CHIRP_URL: server.url },
        allowInsecureLoopback: false,
        redactor,
      });
      expect('problem' in insecure && insecure.problem).toContain('CHIRP_URL: plain http');
    } finally {
      await server.close();
    }
  });
});

describe('a module that leaves out a part does not compile', () => {
  // These lines are checked by `tsc --noEmit -p .` (the test folder is type-checked): each
  // expect-error directive fails the typecheck if the line it marks ever compiles.
  it('the type rejects a module without a classifier, request description, renderer, schema or variables', () => {
    /* eslint-disable @typescript-eslint/unbound-method -- the parts are dropped or moved, never called */
    const { classify: _c, ...noClassifier } = chirp;
    const { requests: _q, ...noRequests } = chirp;
    const { render: _r, ...noRenderer } = chirp;
    const { settingsSchema: _s, ...noSchema } = chirp;
    const { variables: _v, ...noVariables } = chirp;
    const { requests } = chirp;
    /* eslint-enable @typescript-eslint/unbound-method */
    // @ts-expect-error: classify is missing
    defineChannel(noClassifier);
    // @ts-expect-error: what an attempt sends is missing
    defineChannel(noRequests);
    // @ts-expect-error: render is missing
    defineChannel(noRenderer);
    // @ts-expect-error: the settings schema is missing
    defineChannel(noSchema);
    // @ts-expect-error: the variables are missing
    defineChannel(noVariables);
    // @ts-expect-error: an SMTP channel describes a mail, not HTTP requests
    defineChannel({ ...noRequests, transport: 'smtp', requests });
    // @ts-expect-error: a name outside the catalog
    const unknown: ChannelName = 'chirp';
    expect(unknown).toBe('chirp');
    expect(defineChannel(chirp)).toBe(chirp);
  });
});
