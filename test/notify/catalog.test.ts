import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import {
  CHANNEL_ACTION_INPUTS,
  CHANNEL_CATALOG,
  CHANNEL_NAMES,
  CHANNEL_VARIABLES,
  ChannelListSchema,
} from '../../src/adapters/notify/channels/catalog.js';
import { defineChannel, type ChannelModule } from '../../src/adapters/notify/channels/module.js';
import type { ChannelName } from '../../src/adapters/notify/channels/names.js';
import { NOTIFICATION_INPUTS } from '../../src/action/inputs.js';
import { CHANNELS } from '../../src/config/schema.js';
import { SECRET_VARIABLES } from '../../src/config/channel-settings.js';
import { CHANNEL_SETTINGS_SCHEMAS, CONFIG_CHANNELS } from '../../src/config/channels-schema.js';

// The catalog is the one list of channels: names, variables, action inputs and the config
// schema all come from it, so these tests compare each derived list with the catalog.

describe('channel catalog', () => {
  it('holds one module per channel name, each under its own name', () => {
    expect(Object.keys(CHANNEL_CATALOG).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const [key, module] of Object.entries(CHANNEL_CATALOG)) expect(module.name).toBe(key);
    expect([...CHANNELS]).toEqual([...CHANNEL_NAMES]);
    expect(CHANNEL_NAMES).toEqual(
      expect.arrayContaining(['slack', 'teams', 'discord', 'email', 'webhook', 'console', 'pager']),
    );
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
    expect(NOTIFICATION_INPUTS).toEqual(CHANNEL_ACTION_INPUTS);
    expect(NOTIFICATION_INPUTS['pagerduty-routing-key']).toBe('PAGERDUTY_ROUTING_KEY');
  });

  it('the config schema takes exactly the catalog names', () => {
    expect(ChannelListSchema.safeParse(['console', 'pager']).success).toBe(true);
    const bad = ChannelListSchema.safeParse(['slack', 'sms']);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toBe(
      `expected one of ${CHANNEL_NAMES.map((c) => `"${c}"`).join(', ')}`,
    );
    expect(ChannelListSchema.safeParse(['slack', 'slack']).success).toBe(false);
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
});

describe('a module that leaves out a part does not compile', () => {
  // These lines are checked by `tsc --noEmit` (the test folder is type-checked): each
  // expect-error directive fails the build if the line it marks ever compiles.
  it('the type rejects a module without a classifier, sender or renderer', () => {
    const complete: ChannelModule<{ url: string }, number> = {
      name: 'webhook',
      summary: 'x',
      variables: [],
      settings: () => ({ url: 'https://example.test' }),
      target: (s) => s.url,
      render: () => ({}),
      classify: () => ({ kind: 'delivered' }),
      sender: () => ({ channel: 'webhook', target: 'x', attempt: async () => ({ kind: 'delivered' }) }),
    };
    /* eslint-disable @typescript-eslint/unbound-method -- the methods are dropped, never called */
    const { classify: _c, ...noClassifier } = complete;
    const { sender: _s, ...noSender } = complete;
    const { render: _r, ...noRenderer } = complete;
    /* eslint-enable @typescript-eslint/unbound-method */
    // @ts-expect-error: classify is missing
    defineChannel(noClassifier);
    // @ts-expect-error: sender is missing
    defineChannel(noSender);
    // @ts-expect-error: render is missing
    defineChannel(noRenderer);
    // @ts-expect-error: a name outside CHANNEL_NAMES
    const unknown: ChannelName = 'sms';
    expect(unknown).toBe('sms');
    expect(defineChannel(complete)).toBe(complete);
  });
});

describe('the config side of the catalog', () => {
  it('every variable a config key can set names a key of that channel’s settings schema', () => {
    for (const v of CHANNEL_VARIABLES) {
      const shape = (CHANNEL_SETTINGS_SCHEMAS[v.channel] as unknown as { shape: Record<string, unknown> })
        .shape;
      for (const key of v.settingKeys)
        expect({ variable: v.name, key, known: key in shape }).toEqual({
          variable: v.name,
          key,
          known: true,
        });
    }
    expect([...CONFIG_CHANNELS]).toEqual([...CHANNEL_NAMES]);
  });
});
