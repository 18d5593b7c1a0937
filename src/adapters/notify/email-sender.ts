import { createHash } from 'node:crypto';
import { classifySmtp } from '../../domain/delivery/classify.js';
import type { AttemptOutcome } from '../../domain/delivery/outcome.js';
import { payloadText, type AttemptContext, type ChannelSender } from './sender.js';
import { isLoopbackHost } from './webhook-url.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (usually 465). Otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
  to: string[];
}

/** A stable Message-ID per dedup key: mail systems that see the same id twice keep one copy. */
export function messageIdFor(dedupKey: string): string {
  return `<${createHash('sha256').update(dedupKey).digest('hex').slice(0, 32)}@dhash-rollout>`;
}

export class EmailSender implements ChannelSender {
  readonly channel = 'email' as const;
  readonly target: string;

  constructor(private readonly settings: SmtpSettings) {
    this.target = `smtp://${settings.host}:${settings.port}`;
  }

  async attempt(payload: Record<string, unknown>, context: AttemptContext): Promise<AttemptOutcome> {
    const { settings } = this;
    const timeout = Math.max(1, context.timeoutMs);
    // The SMTP client loads only when an email is sent.
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      // A password never crosses the network in clear text, except to this very host.
      requireTLS: !settings.secure && settings.pass !== undefined && !isLoopbackHost(settings.host),
      auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
    });
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    try {
      const sending = transport.sendMail({
        from: settings.from,
        to: settings.to,
        cc: Array.isArray(payload.cc) && payload.cc.length > 0 ? payload.cc.map(String) : undefined,
        subject: payloadText(payload.subject),
        text: payloadText(payload.text),
        html: typeof payload.html === 'string' ? payload.html : undefined,
        messageId: messageIdFor(context.dedupKey),
        headers: { 'X-Dhash-Dedup-Key': context.dedupKey },
      });
      // nodemailer's timeouts are per phase; this bounds the whole exchange and honours cancel.
      const stop = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(
            Object.assign(new Error(`SMTP exchange with ${this.target} timed out after ${timeout} ms`), {
              code: 'ETIMEDOUT',
            }),
          );
        }, timeout);
        onAbort = () => {
          reject(
            Object.assign(new Error(`SMTP exchange with ${this.target} was cancelled`), {
              code: 'ECANCELLED',
            }),
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
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) {
        return {
          kind: 'delivered',
          detail: `accepted for ${(info.accepted ?? []).length} recipient(s); rejected: ${rejected.join(', ')}`,
        };
      }
      return { kind: 'delivered', detail: info.response ?? 'accepted' };
    } catch (error) {
      const e = error as { code?: string; responseCode?: number; message?: string };
      return classifySmtp({
        code: e.code,
        responseCode: e.responseCode,
        message: e.message ?? String(error),
      });
    } finally {
      if (timer) clearTimeout(timer);
      if (onAbort) context.signal?.removeEventListener('abort', onAbort);
      transport.close();
    }
  }
}
