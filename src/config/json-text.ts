/**
 * JSON.parse with an error that names line and column. V8's messages differ by version and
 * some carry no position at all ("Unexpected token 't', ..." on Node 20), so on failure a small
 * scanner walks the text to find the first offending character itself.
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  detail: string;
}

export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    const { offset, detail } = locateJsonError(source);
    return { ok: false, problem: { ...lineColumnAt(source, offset), detail } };
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Finds where and why `text` stops being JSON (RFC 8259). */
export function locateJsonError(text: string): { offset: number; detail: string } {
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonScanError(i, message);
  };
  const describe = (): string =>
    i >= text.length ? 'end of input' : `'${text[i] === '\n' ? '\\n' : text[i]}'`;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`unexpected ${describe()} in "${word}"`);
      i++;
    }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        if (!'"\\/bfnrtu'.includes(text[i] ?? '')) fail(`invalid escape ${describe()}`);
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail('invalid \\u escape');
          i += 4;
        }
        i++;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) fail('control character in string');
      i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-' || m[0] === '') fail(`unexpected ${describe()}`);
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      object();
      return;
    }
    if (ch === '[') {
      array();
      return;
    }
    if (ch === '"') {
      string();
      return;
    }
    if (ch === 't') {
      literal('true');
      return;
    }
    if (ch === 'f') {
      literal('false');
      return;
    }
    if (ch === 'n') {
      literal('null');
      return;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      number();
      return;
    }
    fail(`expected a value, found ${describe()}`);
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
      string();
      ws();
      if (text[i] !== ':') fail(`expected ':' after property name, found ${describe()}`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`expected ',' or '}' after property value, found ${describe()}`);
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`expected ',' or ']' after array element, found ${describe()}`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the JSON value`);
    return { offset: i, detail: 'invalid JSON' };
  } catch (error) {
    if (error instanceof JsonScanError) return { offset: error.offset, detail: error.message };
    throw error;
  }
}
