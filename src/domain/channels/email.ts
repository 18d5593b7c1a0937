import { createHash } from 'node:crypto';
import { z } from 'zod';
import { classifySmtp } from '../delivery/classify.js';
import type { AttemptOutcome } from '../delivery/outcome.js';
import { renderEmail } from '../messages/email.js';
import { lazily } from '../lazily.js';
import { defineChannel, type SmtpAnswer, type Vars } from './channel-module.js';
import { settingText } from './setting-text.js';
import { isLoopbackHost, plainVariable } from './webhook-url.js';

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

/** SMTP settings from the seed's variables, or one line per problem naming the variable. */
export function smtpSettings(vars: Vars): SmtpSettings | string[] {
  const secureText = (vars.SMTP_SECURE ?? 'false').trim().toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(secureText))
    return [`SMTP_SECURE: expected true or false, got "${vars.SMTP_SECURE ?? ''}"`];
  const secure = ['true', '1', 'yes'].includes(secureText);
  const port = vars.SMTP_PORT === undefined ? (secure ? 465 : 587) : Number(vars.SMTP_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return [`SMTP_PORT: expected a port number between 1 and 65535, got "${vars.SMTP_PORT ?? ''}"`];
  const to = (vars.EMAIL_TO ?? '')
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (to.length === 0) return ['EMAIL_TO: expected at least one address (comma-separated)'];
  if (vars.SMTP_PASS && !vars.SMTP_USER) return ['SMTP_USER: SMTP_PASS is set but SMTP_USER is not'];
  if (!vars.SMTP_HOST) return ['SMTP_HOST is not set'];
  if (!vars.EMAIL_FROM) return ['EMAIL_FROM is not set'];
  return {
    host: vars.SMTP_HOST,
    port,
    secure,
    user: vars.SMTP_USER,
    pass: vars.SMTP_PASS,
    from: vars.EMAIL_FROM,
    to,
  };
}

/** A stable Message-ID per dedup key: mail systems that see the same id twice keep one copy. */
export function messageIdFor(dedupKey: string): string {
  return `<${createHash('sha256').update(dedupKey).digest('hex').slice(0, 32)}@dhash-rollout>`;
}

/** Accepted is delivered (naming recipients the server refused); errors follow RFC 5321's classes. */
export function classifySmtpAnswer(answer: SmtpAnswer): AttemptOutcome {
  if ('error' in answer) return classifySmtp(answer.error);
  if (answer.rejected.length > 0)
    return {
      kind: 'delivered',
      detail: `accepted for ${answer.accepted.length} recipient(s); rejected: ${answer.rejected.join(', ')}`,
    };
  return { kind: 'delivered', detail: answer.response || 'accepted' };
}

const settingsSchema = lazily(() => {
  const text = settingText();
  return z.strictObject({
    from: text.optional().describe('EMAIL_FROM'),
    to: z
      .union([text, z.array(text)], { error: 'expected an address or a list of addresses' })
      .optional()
      .describe('EMAIL_TO: one address, a comma-separated list, or an array.'),
    smtp_host: text.optional().describe('SMTP_HOST'),
    smtp_port: z
      .union([z.number().int().min(1).max(65535), text], { error: 'expected a port number' })
      .optional()
      .describe('SMTP_PORT'),
    smtp_user: text.optional().describe('SMTP_USER'),
    smtp_pass: text.optional().describe('SMTP_PASS (a secret): "${SMTP_PASS}".'),
    smtp_secure: z
      .union([z.boolean(), text], { error: 'expected true or false' })
      .optional()
      .describe('SMTP_SECURE'),
  });
});

/** E-mail over SMTP: text and HTML parts, a stable Message-ID per dedup key. */
export const email = defineChannel({
  name: 'email',
  transport: 'smtp',
  summary: 'E-mail over SMTP (STARTTLS or implicit TLS); recipients mapped to addresses are copied in.',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [
    plainVariable('EMAIL_FROM', 'email-from', true, 'Sender address', ['from']),
    plainVariable('EMAIL_TO', 'email-to', true, 'Comma-separated recipients', ['to']),
    plainVariable('SMTP_HOST', 'smtp-host', true, 'SMTP server host', ['smtp_host']),
    plainVariable(
      'SMTP_PORT',
      'smtp-port',
      false,
      'SMTP server port (default 587, or 465 with SMTP_SECURE)',
      ['smtp_port'],
    ),
    plainVariable('SMTP_USER', 'smtp-user', false, 'SMTP user', ['smtp_user']),
    {
      name: 'SMTP_PASS',
      input: 'smtp-pass',
      secret: true,
      required: false,
      description: 'SMTP password',
      settingKeys: ['smtp_pass'],
    },
    plainVariable(
      'SMTP_SECURE',
      'smtp-secure',
      false,
      'true for implicit TLS (port 465); otherwise STARTTLS when offered',
      ['smtp_secure'],
    ),
  ],
  settings: (vars) => smtpSettings(vars),
  target: (s) => `smtp://${s.host}:${s.port}`,
  render: (message, context) => ({ ...renderEmail(message, { mentions: context.mentions }) }),
  mail: (s, payload, c) => ({
    server: {
      host: s.host,
      port: s.port,
      secure: s.secure,
      // A password never crosses the network in clear text, except to this very host.
      requireTls: !s.secure && s.pass !== undefined && !isLoopbackHost(s.host),
      user: s.user,
      pass: s.pass,
    },
    from: s.from,
    to: s.to,
    cc: Array.isArray(payload.cc) && payload.cc.length > 0 ? payload.cc.map(String) : undefined,
    subject: typeof payload.subject === 'string' ? payload.subject : '',
    text: typeof payload.text === 'string' ? payload.text : '',
    html: typeof payload.html === 'string' ? payload.html : undefined,
    messageId: messageIdFor(c.dedupKey),
    headers: { 'X-Dhash-Dedup-Key': c.dedupKey },
  }),
  classify: classifySmtpAnswer,
});
