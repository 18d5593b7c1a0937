// Rewrites a bundle script so it is plain ASCII: every other character becomes a \u escape
// (surrogate pairs above U+FFFF). Why: the loader reads a script as Latin-1 when it is ASCII,
// which is a copy into a one-byte string, where UTF-8 text with a single "…" in it becomes a
// two-byte string of twice the size, decoded on every start (the bundles are ~99.9% ASCII: a few
// hundred characters in messages and comments).
//
// An escape means the same character in a string literal, an untagged template, a regular
// expression (with or without the u flag: a pair of \u escapes is one code point there), an
// identifier (BMP only) and, harmlessly, a comment. It would not in the text of a tagged template,
// whose tag may read the raw text (String.raw): a script with such a character is left as it is.
// Outside tokens and comments a non-ASCII character is white space (a no-break space, say) or a
// line terminator, which an escape cannot be: it becomes a space or a newline.
// The result is parsed again, so anything this reasoning missed fails the build.
import { parse, tokenizer } from 'acorn';
import { simple } from 'acorn-walk';

const PARSE_OPTIONS = { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true };

function escapeChar(code) {
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  const c = code - 0x10000;
  return `\\u${(0xd800 + (c >> 10)).toString(16)}\\u${(0xdc00 + (c & 0x3ff)).toString(16)}`;
}

function trailingBackslashes(text) {
  let n = 0;
  while (n < text.length && text[text.length - 1 - n] === '\\') n++;
  return n;
}

/** [start, end) of every token and comment, in order. */
function tokenSpans(code) {
  const spans = [];
  const onComment = (_block, _text, start, end) => spans.push([start, end]);
  for (const token of tokenizer(code, { ...PARSE_OPTIONS, onComment })) spans.push([token.start, token.end]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The script as ASCII, or null when it has non-ASCII text that an escape would change (see above). */
export function asciiScript(code, label) {
  // eslint-disable-next-line no-control-regex -- the test is exactly "any character outside ASCII"
  if (!/[^\x00-\x7f]/.test(code)) return code;
  const tagged = [];
  simple(parse(code, PARSE_OPTIONS), {
    TaggedTemplateExpression(node) {
      tagged.push([node.quasi.start, node.quasi.end]);
    },
  });
  const spans = tokenSpans(code);
  let span = 0;
  let out = '';
  let index = 0;
  for (const char of code) {
    const point = char.codePointAt(0);
    while (span < spans.length && spans[span][1] <= index) span++;
    const inToken = span < spans.length && spans[span][0] <= index;
    if (point < 0x80) out += char;
    else if (tagged.some(([start, end]) => index >= start && index < end)) return null;
    else if (!inToken) out += point === 0x2028 || point === 0x2029 ? '\n' : ' ';
    else if (trailingBackslashes(out) % 2 === 1) {
      // Already escaped (`\é`, the character itself in a string, template or regular expression):
      // the escape replaces that backslash. A backslash before U+2028/U+2029 is a line
      // continuation, which no escape can stand for.
      if (point === 0x2028 || point === 0x2029) return null;
      out = out.slice(0, -1) + escapeChar(point);
    } else out += escapeChar(point);
    index += char.length;
  }
  try {
    parse(out, PARSE_OPTIONS);
  } catch (error) {
    throw new Error(`${label}: not valid after escaping non-ASCII characters: ${error.message}`);
  }
  return out;
}
