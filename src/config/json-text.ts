import { jsonPath } from './issues.js';

/**
 * Reads the config file's JSON strictly: the line and column of a syntax error, every duplicate
 * key (JSON.parse silently keeps the last one, which could re-enable or disable a gate), and a
 * nesting limit. The scanner is iterative, so a file nested 10,000 deep is one clear error, not
 * a stack overflow.
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  detail: string;
}

/** No config object is nested anywhere near this deep; anything deeper is a broken file. */
export const MAX_JSON_DEPTH = 64;

export type JsonRead =
  { ok: true; value: unknown } | { ok: false; problems: string[]; syntax?: JsonSyntaxProblem };

export function readConfigJson(text: string): JsonRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(source);
  if (scan.error) {
    const syntax = { ...lineColumnAt(source, scan.error.offset), detail: scan.error.detail };
    return {
      ok: false,
      syntax,
      problems: [
        scan.error.path !== undefined
          ? `${scan.error.path}: ${scan.error.detail}`
          : `invalid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.detail}`,
      ],
    };
  }
  if (scan.duplicates.length > 0 || scan.protoKeys.length > 0) {
    return {
      ok: false,
      problems: [
        // JSON.parse keeps "__proto__" as a plain key, but most object code (zod's records
        // included) drops it silently; it is never a valid name here.
        ...scan.protoKeys.map((path) =>
          /^environments\.__proto__$/.test(path)
            ? `${path}: environment names are lower-case letters, digits, "-" and "_" (and not a reserved word)`
            : `${path}: unknown key "__proto__"`,
        ),
        ...scan.duplicates.map(
          (d) =>
            `${d.path}: duplicate key "${d.key}" (line ${d.line}); JSON keeps only the last one, so remove one of them`,
        ),
      ],
    };
  }
  return { ok: true, value: JSON.parse(source) as unknown };
}

/** Kept for callers that only need JSON.parse with a position on failure. */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanJson(source);
  if (scan.error)
    return { ok: false, problem: { ...lineColumnAt(source, scan.error.offset), detail: scan.error.detail } };
  return { ok: true, value: JSON.parse(source) as unknown };
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

interface Frame {
  kind: 'object' | 'array';
  path: (string | number)[];
  keys: Set<string>;
  index: number;
}

export interface JsonScan {
  /** `path` is set for a structural limit (depth), absent for a syntax error. */
  error?: { offset: number; detail: string; path?: string };
  duplicates: { path: string; key: string; line: number }[];
  /** Paths of keys named "__proto__". */
  protoKeys: string[];
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly detail: string,
    readonly path?: string,
  ) {
    super(detail);
  }
}

/** One pass over RFC 8259 JSON, without recursion. */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonScan {
  const duplicates: JsonScan['duplicates'] = [];
  const protoKeys: string[] = [];
  const stack: Frame[] = [];
  let i = 0;
  const describe = (): string =>
    i >= text.length ? 'end of input' : `'${text[i] === '\n' ? '\\n' : text[i]}'`;
  const fail = (detail: string): never => {
    throw new Stop(i, detail);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`unexpected ${describe()} in "${word}"`);
      i++;
    }
  };
  /** Reads a string starting at the quote; returns its raw text including quotes. */
  const string = (): string => {
    const start = i;
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const ch = text[i];
      if (ch === '"') {
        i++;
        return text.slice(start, i);
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
    const re = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[0] === '-' || m[0] === '') fail(`unexpected ${describe()}`);
    i += m![0].length;
  };
  const childPath = (): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return [...top.path, top.kind === 'array' ? top.index : [...top.keys].pop()!];
  };
  const open = (kind: Frame['kind']): void => {
    const path = childPath();
    if (stack.length >= maxDepth)
      throw new Stop(i, `nested more than ${maxDepth} levels deep; no config is`, jsonPath(path));
    stack.push({ kind, path, keys: new Set(), index: 0 });
    i++;
  };

  type State = 'value' | 'after' | 'key-or-end' | 'key' | 'value-or-end';
  let state: State = 'value';
  let lastKey: string;
  try {
    for (;;) {
      ws();
      if (state === 'value-or-end') {
        if (text[i] === ']') {
          i++;
          stack.pop();
          state = 'after';
          continue;
        }
        state = 'value';
      }
      if (state === 'key-or-end') {
        if (text[i] === '}') {
          i++;
          stack.pop();
          state = 'after';
          continue;
        }
        state = 'key';
      }
      if (state === 'value') {
        const ch = text[i];
        if (ch === '{') {
          open('object');
          state = 'key-or-end';
        } else if (ch === '[') {
          open('array');
          state = 'value-or-end';
        } else {
          if (ch === '"') string();
          else if (ch === 't') literal('true');
          else if (ch === 'f') literal('false');
          else if (ch === 'n') literal('null');
          else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
          else fail(`expected a value, found ${describe()}`);
          state = 'after';
        }
        continue;
      }
      if (state === 'key') {
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        const keyStart = i;
        const raw = string();
        lastKey = JSON.parse(raw) as string;
        const top = stack[stack.length - 1];
        if (top.keys.has(lastKey)) {
          duplicates.push({
            path: jsonPath([...top.path, lastKey]),
            key: lastKey,
            line: lineColumnAt(text, keyStart).line,
          });
          // Keep the key last in insertion order, so child paths name it.
          top.keys.delete(lastKey);
        }
        top.keys.add(lastKey);
        if (lastKey === '__proto__') protoKeys.push(jsonPath([...top.path, lastKey]));
        ws();
        if (text[i] !== ':') fail(`expected ':' after property name, found ${describe()}`);
        i++;
        state = 'value';
        continue;
      }
      // state === 'after'
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < text.length) fail(`unexpected ${describe()} after the JSON value`);
        return { duplicates, protoKeys };
      }
      if (text[i] === ',') {
        i++;
        if (top.kind === 'object') state = 'key';
        else {
          top.index++;
          state = 'value';
        }
      } else if (top.kind === 'object' && text[i] === '}') {
        i++;
        stack.pop();
      } else if (top.kind === 'array' && text[i] === ']') {
        i++;
        stack.pop();
      } else {
        fail(
          top.kind === 'object'
            ? `expected ',' or '}' after property value, found ${describe()}`
            : `expected ',' or ']' after array element, found ${describe()}`,
        );
      }
    }
  } catch (error) {
    if (error instanceof Stop)
      return {
        error: { offset: error.offset, detail: error.detail, path: error.path },
        duplicates,
        protoKeys,
      };
    throw error;
  }
}
