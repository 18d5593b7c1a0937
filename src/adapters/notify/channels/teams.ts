import { classifyTeams, type HttpAnswer } from '../../../domain/delivery/classify.js';
import { renderTeams } from '../../../domain/messages/teams.js';
import { describeTarget } from '../../../runtime/http.js';
import { HttpChannelSender } from '../http-sender.js';
import { defineChannel } from './module.js';
import { webhookUrl } from './webhook-settings.js';
import { CHANNEL_VARIABLES } from '../../../config/channels.js';

export interface TeamsSettings {
  url: string;
}

/** Microsoft Teams Workflows (or legacy connector) webhook, Adaptive Card with msteams mentions. */
export const teams = defineChannel<TeamsSettings, HttpAnswer>({
  name: 'teams',
  summary:
    'Microsoft Teams webhook: Adaptive Card (28 KB post limit, in bytes); recipients become <at> mentions.',
  variables: CHANNEL_VARIABLES.teams,
  settings: (vars, context) => webhookUrl('TEAMS_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({ ...renderTeams(message, { mentions: context.mentions }) }),
  classify: classifyTeams,
  sender: (s) => new HttpChannelSender({ channel: 'teams', url: s.url, classify: classifyTeams }),
});
