import type { NotificationMessage } from '../../ports.js';
import { LEVEL_COLOR, bodyText, facts, gateLine, links, plainText, recipientsLine } from './content.js';
import type { ChannelMentions } from './mentions.js';
import { escapeHtml, truncate } from './text.js';

export interface EmailPayload {
  subject: string;
  text: string;
  html: string;
  /** Addresses the message's recipients map to (notifications.mentions), copied in. */
  cc?: string[];
}

/** RFC 5322 recommends lines under 78 chars; a subject that long is already unreadable. */
const SUBJECT_MAX = 200;

export function renderEmail(
  message: NotificationMessage,
  options: { mentions?: ChannelMentions } = {},
): EmailPayload {
  const subject = truncate(
    `[dhash ${message.environment}] [${message.level.toUpperCase()}] ${message.title}`.replace(
      /[\r\n]+/g,
      ' ',
    ),
    SUBJECT_MAX,
  );
  const color = `#${LEVEL_COLOR[message.level].toString(16).padStart(6, '0')}`;
  const rows = facts(message)
    .map(
      (f) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`,
    )
    .join('');
  const gates =
    message.gates && message.gates.length > 0
      ? `<h3>Quality gates</h3><ul>${message.gates.map((g) => `<li>${escapeHtml(gateLine(g))}</li>`).join('')}</ul>`
      : '';
  const ls = links(message);
  const linkHtml =
    ls.length > 0
      ? `<p>${ls.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`).join(' · ')}</p>`
      : '';
  const who = recipientsLine(message);
  const mention = who ? `<p><strong>Attention: ${escapeHtml(who)}</strong></p>` : '';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<h2 style="border-left:6px solid ${color};padding-left:8px">${escapeHtml(message.title)}</h2>`,
    mention,
    bodyText(message) ? `<p>${escapeHtml(bodyText(message)).replace(/\n/g, '<br>')}</p>` : '',
    `<table>${rows}</table>`,
    gates,
    linkHtml,
    '<p style="color:#888;font-size:small">Sent by dhash-rollout</p>',
    '</body></html>',
  ].join('');
  const payload: EmailPayload = { subject, text: plainText(message), html };
  if (options.mentions && options.mentions.email.length > 0) payload.cc = [...options.mentions.email];
  return payload;
}
