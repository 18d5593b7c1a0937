import { ALL_CHANNEL_VARIABLES, type ChannelVariable } from './channels.js';

/**
 * The channel inputs block of action.yml, generated from the channel catalog (every variable of
 * every channel module becomes an optional input that overrides it), so a new channel's inputs
 * cannot be forgotten. `node build/channel-inputs.mjs` rewrites the block; `--check` fails when
 * it differs from the catalog.
 */
export const CHANNEL_INPUTS_BEGIN =
  '  # channel-inputs:begin (generated from the channel catalog by build/channel-inputs.mjs; do not edit)';
export const CHANNEL_INPUTS_END = '  # channel-inputs:end';

/** One input per channel variable, as YAML lines under `inputs:`. */
export function channelInputsYaml(variables: readonly ChannelVariable[] = ALL_CHANNEL_VARIABLES): string {
  return variables
    .flatMap((v) => [
      `  ${v.input}:`,
      `    description: ${JSON.stringify(`${v.description}${v.secret ? ' (secret)' : ''}. Overrides ${v.name}.`)}`,
      '    required: false',
    ])
    .join('\n');
}

/** The action.yml text with its channel inputs block regenerated; throws when the markers are missing. */
export function withChannelInputs(actionYml: string, variables?: readonly ChannelVariable[]): string {
  const begin = actionYml.indexOf(CHANNEL_INPUTS_BEGIN);
  const end = actionYml.indexOf(CHANNEL_INPUTS_END);
  if (begin < 0 || end < begin)
    throw new Error(
      `the channel inputs markers are missing (expected "${CHANNEL_INPUTS_BEGIN.trim()}" … "${CHANNEL_INPUTS_END.trim()}")`,
    );
  return `${actionYml.slice(0, begin + CHANNEL_INPUTS_BEGIN.length)}\n${channelInputsYaml(variables)}\n${actionYml.slice(end)}`;
}
