import type { StreamChannel } from '../../../domain/channels/channel-module.js';
import type { AttemptOutcome } from '../../../domain/delivery/outcome.js';
import type { ChannelName } from '../../../config/channels.js';
import type { ChannelSender } from '../sender.js';

/** The process's streams a channel may write to. */
export interface Streams {
  stdout: NodeJS.WritableStream;
}

/** The stream transport: writes the module's text and lets the module judge how the write went. */
export function streamSender(module: StreamChannel, settings: unknown, streams: Streams): ChannelSender {
  return {
    channel: module.name as ChannelName,
    target: module.target(settings),
    attempt: (payload, context) =>
      new Promise<AttemptOutcome>((resolve) => {
        const write = module.write(settings, payload);
        const finish = (error?: Error | null): void => {
          resolve(
            module.classify(
              error ? { error: { code: (error as NodeJS.ErrnoException).code, message: error.message } } : {},
              context.nowMs,
            ),
          );
        };
        try {
          streams[write.stream].write(write.text, finish);
        } catch (error) {
          finish(error as Error);
        }
      }),
  };
}
