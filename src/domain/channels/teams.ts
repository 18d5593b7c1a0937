import { z } from 'zod';
import { classifyTeams } from '../delivery/classify.js';
import { renderTeams } from '../messages/teams.js';
import { lazily } from '../lazily.js';
import { defineChannel } from './channel-module.js';
import { settingText } from './setting-text.js';
import { describeTarget, webhookUrl, webhookUrlVariable } from './webhook-url.js';

const settingsSchema = lazily(() =>
  z.strictObject({
    webhook_url: settingText()
      .optional()
      .describe('Workflows (or legacy connector) URL, a secret: "${TEAMS_WEBHOOK_URL}".'),
    url: settingText().optional().describe('Same as webhook_url.'),
  }),
);

/** Microsoft Teams Workflows (or legacy connector) webhook, Adaptive Card with msteams mentions. */
export const teams = defineChannel({
  name: 'teams',
  transport: 'http',
  summary:
    'Microsoft Teams webhook: Adaptive Card (28 KB post limit, in bytes); recipients become <at> mentions.',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [
    webhookUrlVariable(
      'TEAMS_WEBHOOK_URL',
      'teams-webhook-url',
      'Microsoft Teams Workflows (or legacy connector) webhook URL',
    ),
  ],
  settings: (vars, context) => webhookUrl('TEAMS_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({ ...renderTeams(message, { mentions: context.mentions }) }),
  requests: (s, payload) => [{ url: s.url, json: payload }],
  classify: classifyTeams,
});
