import { z } from 'zod';
import type { AttemptOutcome } from '../delivery/outcome.js';
import { LEVEL_EMOJI, plainText } from '../messages/content.js';
import { lazily } from '../lazily.js';
import { defineChannel } from './channel-module.js';

const settingsSchema = lazily(() =>
  z.strictObject({}).describe('Prints each message on standard output (the seed\'s "console" channel).'),
);

/** The seed's `console` channel: the message on standard output, for people watching a terminal or a CI log. */
export const consoleChannel = defineChannel({
  name: 'console',
  transport: 'stream',
  summary: 'Prints the message as plain text on standard output (the CI log or the terminal).',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [],
  settings: () => ({ stream: 'stdout' as const }),
  target: () => 'stdout',
  render: (message) => ({
    text: `${LEVEL_EMOJI[message.level]} [${message.level.toUpperCase()}] ${plainText(message)}\n`,
  }),
  write: (s, payload) => ({ stream: s.stream, text: typeof payload.text === 'string' ? payload.text : '' }),
  classify: (answer): AttemptOutcome => {
    if (!answer.error) return { kind: 'delivered', detail: 'written to stdout' };
    // A closed pipe stays closed; anything else (EAGAIN on a full pipe) may pass.
    const closed = answer.error.code === 'EPIPE' || answer.error.code === 'ERR_STREAM_DESTROYED';
    return { kind: closed ? 'permanent' : 'transient', error: `stdout: ${answer.error.message}` };
  },
});
