import type { AttemptOutcome } from '../../../domain/delivery/outcome.js';
import { LEVEL_EMOJI, plainText } from '../../../domain/messages/content.js';
import { payloadText, type ChannelSender } from '../sender.js';
import { defineChannel } from './module.js';
import { CHANNEL_VARIABLES } from '../../../config/channels.js';

/** What writing to the stream came to. */
export interface ConsoleAnswer {
  error?: { code?: string; message: string };
}

/** The seed's `console` channel: the message on standard output, for people watching a terminal or a CI log. */
export const consoleChannel = defineChannel<{ stream: 'stdout' }, ConsoleAnswer>({
  name: 'console',
  summary: 'Prints the message as plain text on standard output (the CI log or the terminal).',
  variables: CHANNEL_VARIABLES.console,
  settings: () => ({ stream: 'stdout' }),
  target: () => 'stdout',
  render: (message) => ({
    text: `${LEVEL_EMOJI[message.level]} [${message.level.toUpperCase()}] ${plainText(message)}\n`,
  }),
  classify: (answer): AttemptOutcome => {
    if (!answer.error) return { kind: 'delivered', detail: 'written to stdout' };
    // A closed pipe stays closed; anything else (EAGAIN on a full pipe) may pass.
    const closed = answer.error.code === 'EPIPE' || answer.error.code === 'ERR_STREAM_DESTROYED';
    return { kind: closed ? 'permanent' : 'transient', error: `stdout: ${answer.error.message}` };
  },
  sender: (_settings, deps): ChannelSender => ({
    channel: 'console',
    target: 'stdout',
    attempt: (payload, context) =>
      new Promise<AttemptOutcome>((resolve) => {
        const finish = (error?: Error | null): void => {
          resolve(
            consoleChannel.classify(
              error ? { error: { code: (error as NodeJS.ErrnoException).code, message: error.message } } : {},
              context.nowMs,
            ),
          );
        };
        try {
          deps.stdout.write(payloadText(payload.text), finish);
        } catch (error) {
          finish(error as Error);
        }
      }),
  }),
});
