import { validateCommand } from '../../commands/validate.js';
import type { ActionCommand } from '../context.js';
import { codeBlock, table } from '../markdown.js';

export const validateAction: ActionCommand = (ctx) => {
  const result = validateCommand(ctx.loadConfig());
  for (const warning of result.warnings) ctx.core.warning(warning, { title: 'dhash-rollout config' });
  const effective = JSON.stringify(result.effective, null, 2);
  const summary = [
    `## dhash-rollout: config valid for \`${result.environment}\``,
    `Source: \`${result.source}\` · environments: ${result.environments.map((e) => `\`${e}\``).join(', ')}`,
    table(
      ['notification channel', 'settings'],
      Object.entries(result.notification_settings).map(([c, s]) => [
        c,
        s === 'set' ? '✅ set' : '⚠️ missing',
      ]),
    ),
    '<details><summary>Effective configuration (secrets redacted)</summary>\n',
    codeBlock(effective, 'json'),
    '</details>',
  ].join('\n\n');
  return {
    outputs: {
      result: 'valid',
      environment: result.environment,
      'effective-config': JSON.stringify(result.effective),
    },
    summary,
  };
};
