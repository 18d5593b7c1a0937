/**
 * Text fitting for channel limits. Platforms count either code points (Slack, Discord) or bytes of
 * the UTF-8 body (Teams' 28 KB post limit), so both are offered. A cut never splits a code point,
 * an emoji sequence (it stops at grapheme boundaries), or an escaped entity such as `&amp;`, and it
 * is marked with "…" so a reader knows something is missing.
 */

const ELLIPSIS = '…';
// Built on the first cut, not at load: creating a Segmenter loads ICU's break rules (about 8 ms),
// which every command would otherwise pay at start-up although only a message that is too long needs it.
let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Length in code points, which is how Slack and Discord count their limits. */
export function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Bytes of the UTF-8 encoding. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Drops a trailing entity that the cut left open (`…&am`), so the text stays valid. */
function closeEntity(cut: string): string {
  const amp = cut.lastIndexOf('&');
  if (amp === -1) return cut;
  const tail = cut.slice(amp);
  return /^&(?:#\d{0,8}|#x[0-9a-fA-F]{0,6}|[A-Za-z][A-Za-z0-9]{0,31})?$/.test(tail) ? cut.slice(0, amp) : cut;
}

function cutBy(text: string, max: number, measure: (s: string) => number, escaped: boolean): string {
  if (max <= 0) return '';
  if (measure(text) <= max) return text;
  const budget = max - measure(ELLIPSIS);
  if (budget <= 0) return '';
  let out = '';
  let used = 0;
  // Only the head of the text can be kept: a code point is at most two UTF-16 units and at least
  // one byte, so this window always holds more than the budget, and a 100 KB input is not
  // segmented whole for a 150-character header.
  const window = text.slice(0, 2 * max + 32);
  for (const g of graphemes(window)) {
    const size = measure(g);
    if (used + size > budget) break;
    out += g;
    used += size;
  }
  return `${escaped ? closeEntity(out) : out}${ELLIPSIS}`;
}

/** Cuts text to at most `max` code points (marker included). */
export function truncate(text: string, max: number): string {
  return cutBy(text, max, length, false);
}

/** As truncate, for text already escaped (Slack mrkdwn, HTML): never leaves half an entity. */
export function truncateEscaped(text: string, max: number): string {
  return cutBy(text, max, length, true);
}

/** Cuts text to at most `maxBytes` bytes of UTF-8 (marker included). */
export function truncateBytes(text: string, maxBytes: number): string {
  return cutBy(text, maxBytes, byteLength, false);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack mrkdwn treats &, < and > as control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
