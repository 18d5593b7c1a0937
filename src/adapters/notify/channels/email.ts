import { classifySmtp } from '../../../domain/delivery/classify.js';
import { renderEmail } from '../../../domain/messages/email.js';
import { EmailSender, type SmtpSettings } from '../email-sender.js';
import { defineChannel } from './module.js';
import { CHANNEL_VARIABLES } from '../../../config/channels.js';

type Vars = Readonly<Record<string, string | undefined>>;

/** SMTP settings from the seed's variables, or one line per problem naming the variable. */
export function smtpSettings(vars: Vars): SmtpSettings | string[] {
  const secureText = (vars.SMTP_SECURE ?? 'false').trim().toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(secureText))
    return [`SMTP_SECURE: expected true or false, got "${vars.SMTP_SECURE}"`];
  const secure = ['true', '1', 'yes'].includes(secureText);
  const port = vars.SMTP_PORT === undefined ? (secure ? 465 : 587) : Number(vars.SMTP_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return [`SMTP_PORT: expected a port number between 1 and 65535, got "${vars.SMTP_PORT}"`];
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

/** E-mail over SMTP: text and HTML parts, a stable Message-ID per dedup key. */
export const email = defineChannel<SmtpSettings, { code?: string; responseCode?: number; message: string }>({
  name: 'email',
  summary: 'E-mail over SMTP (STARTTLS or implicit TLS); recipients mapped to addresses are copied in.',
  variables: CHANNEL_VARIABLES.email,
  settings: (vars) => smtpSettings(vars),
  target: (s) => `smtp://${s.host}:${s.port}`,
  render: (message, context) => ({ ...renderEmail(message, { mentions: context.mentions }) }),
  classify: classifySmtp,
  sender: (s) => new EmailSender(s),
});
