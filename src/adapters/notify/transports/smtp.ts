import type { MailDescription, SmtpAnswer, SmtpChannel } from '../../../domain/channels/channel-module.js';
import type { ChannelName } from '../../../config/channels.js';
import type { AttemptContext, ChannelSender } from '../sender.js';

/** The SMTP transport: hands the e-mail the module describes to its server; the module judges the answer. */
export function smtpSender(module: SmtpChannel, settings: unknown): ChannelSender {
  const target = module.target(settings);
  return {
    channel: module.name as ChannelName,
    target,
    attempt: async (payload, context) =>
      module.classify(
        await sendMail(module.mail(settings, payload, context), target, context),
        context.nowMs,
      ),
  };
}

async function sendMail(mail: MailDescription, target: string, context: AttemptContext): Promise<SmtpAnswer> {
  const timeout = Math.max(1, context.timeoutMs);
  // The SMTP client loads only when an e-mail is sent.
  const { default: nodemailer } = await import('nodemailer');
  const { server } = mail;
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTls,
    auth: server.user ? { user: server.user, pass: server.pass ?? '' } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const sending = transport.sendMail({
      from: mail.from,
      to: mail.to,
      cc: mail.cc,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    // nodemailer's timeouts are per phase; this bounds the whole exchange and honours cancel.
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          Object.assign(new Error(`SMTP exchange with ${target} timed out after ${timeout} ms`), {
            code: 'ETIMEDOUT',
          }),
        );
      }, timeout);
      onAbort = () => {
        reject(
          Object.assign(new Error(`SMTP exchange with ${target} was cancelled`), { code: 'ECANCELLED' }),
        );
      };
      if (context.signal?.aborted) onAbort();
      else context.signal?.addEventListener('abort', onAbort, { once: true });
    });
    sending.catch(() => undefined);
    const info = (await Promise.race([sending, stop])) as {
      accepted?: unknown[];
      rejected?: unknown[];
      response?: string;
    };
    return {
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
      response: info.response ?? '',
    };
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; message?: string };
    return { error: { code: e.code, responseCode: e.responseCode, message: e.message ?? String(error) } };
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) context.signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}
