import type {
  ChannelModule,
  HttpChannel,
  SmtpChannel,
  StreamChannel,
  TransportName,
} from '../../../domain/channels/channel-module.js';
import type { ChannelSender } from '../sender.js';
import { httpSender } from './http.js';
import { smtpSender } from './smtp.js';
import { streamSender, type Streams } from './stream.js';

type ModuleOf<T extends TransportName> = Extract<ChannelModule, { transport: T }>;

/**
 * One sender per transport a channel module can name. A transport added to ChannelModule without
 * its sender here does not compile.
 */
const TRANSPORTS = {
  http: (module: HttpChannel, settings: unknown) => httpSender(module, settings),
  smtp: (module: SmtpChannel, settings: unknown) => smtpSender(module, settings),
  stream: (module: StreamChannel, settings: unknown, streams: Streams) =>
    streamSender(module, settings, streams),
} satisfies {
  [T in TransportName]: (module: ModuleOf<T>, settings: unknown, streams: Streams) => ChannelSender;
};

/** The sender for a module and its own settings, through the transport the module names. */
export function senderFor(module: ChannelModule, settings: unknown, streams: Streams): ChannelSender {
  const send = TRANSPORTS[module.transport] as (m: ChannelModule, s: unknown, st: Streams) => ChannelSender;
  return send(module, settings, streams);
}
