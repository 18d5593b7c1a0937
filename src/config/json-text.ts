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

/** The JSON text of a file as it is parsed: a leading byte-order mark is not part of it. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readConfigJson(text: string): JsonRead {
  const source = withoutByteOrderMark(text);
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
  const source = withoutByteOrderMark(text);
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
  /** The object's latest key: the name of the value being read. */
  lastKey: string;
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
  const scanner = new JsonScanner(text, maxDepth);
  const { duplicates, protoKeys } = scanner;
  try {
    scanner.run();
    return { duplicates, protoKeys };
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

/** What the scanner expects next, after white space. */
type State = 'value' | 'after' | 'key-or-end' | 'key' | 'value-or-end';

/** A state machine over the text: each step reads one token and names the state that follows. */
class JsonScanner {
  readonly duplicates: JsonScan['duplicates'] = [];
  readonly protoKeys: string[] = [];
  private readonly stack: Frame[] = [];
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  /** Returns at the end of the one top-level value; throws Stop on the first error. */
  run(): void {
    let state: State | 'done' = 'value';
    while (state !== 'done') {
      this.ws();
      state = this.step(state);
    }
  }

  private step(state: State): State | 'done' {
    switch (state) {
      case 'value-or-end':
        return this.closes(']') ? 'after' : this.value();
      case 'key-or-end':
        return this.closes('}') ? 'after' : this.key();
      case 'value':
        return this.value();
      case 'key':
        return this.key();
      case 'after':
        return this.after();
    }
  }

  private value(): State {
    // charAt: '' at the end of the text, which matches no token below.
    const ch = this.text.charAt(this.i);
    if (ch === '{') {
      this.open('object');
      return 'key-or-end';
    }
    if (ch === '[') {
      this.open('array');
      return 'value-or-end';
    }
    if (ch === '"') this.string();
    else if (ch === 't') this.literal('true');
    else if (ch === 'f') this.literal('false');
    else if (ch === 'n') this.literal('null');
    else if (ch === '-' || (ch >= '0' && ch <= '9')) this.number();
    else this.fail(`expected a value, found ${this.describe()}`);
    return 'after';
  }

  /** A property name and its colon; only ever inside an object, so the stack has a top. */
  private key(): State {
    if (this.text[this.i] !== '"')
      this.fail(`expected a property name in double quotes, found ${this.describe()}`);
    const keyStart = this.i;
    const key = JSON.parse(this.string()) as string;
    const top = this.stack[this.stack.length - 1];
    if (top.keys.has(key)) {
      this.duplicates.push({
        path: jsonPath([...top.path, key]),
        key,
        line: lineColumnAt(this.text, keyStart).line,
      });
    }
    top.keys.add(key);
    top.lastKey = key;
    if (key === '__proto__') this.protoKeys.push(jsonPath([...top.path, key]));
    this.ws();
    if (this.text[this.i] !== ':') this.fail(`expected ':' after property name, found ${this.describe()}`);
    this.i++;
    return 'value';
  }

  /** After a value: a separator, the end of its container, or (at the top) the end of the text. */
  private after(): State | 'done' {
    const top = this.stack.at(-1);
    if (!top) {
      if (this.i < this.text.length) this.fail(`unexpected ${this.describe()} after the JSON value`);
      return 'done';
    }
    if (this.text[this.i] === ',') {
      this.i++;
      if (top.kind === 'object') return 'key';
      top.index++;
      return 'value';
    }
    if (this.closes(top.kind === 'object' ? '}' : ']')) return 'after';
    return this.fail(
      top.kind === 'object'
        ? `expected ',' or '}' after property value, found ${this.describe()}`
        : `expected ',' or ']' after array element, found ${this.describe()}`,
    );
  }

  /** Consumes `bracket` and leaves its container, if that is what comes next. */
  private closes(bracket: ']' | '}'): boolean {
    if (this.text[this.i] !== bracket) return false;
    this.i++;
    this.stack.pop();
    return true;
  }

  private describe(): string {
    const { text, i } = this;
    return i >= text.length ? 'end of input' : `'${text[i] === '\n' ? '\\n' : text[i]}'`;
  }

  private fail(detail: string): never {
    throw new Stop(this.i, detail);
  }

  private ws(): void {
    while (this.i < this.text.length) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private literal(word: string): void {
    for (const ch of word) {
      if (this.text[this.i] !== ch) this.fail(`unexpected ${this.describe()} in "${word}"`);
      this.i++;
    }
  }

  /** Reads a string starting at the quote; returns its raw text including quotes. */
  private string(): string {
    const { text } = this;
    const start = this.i;
    this.i++;
    for (;;) {
      if (this.i >= text.length) this.fail('unterminated string');
      const ch = text[this.i];
      if (ch === '"') {
        this.i++;
        return text.slice(start, this.i);
      }
      if (ch === '\\') {
        this.escape();
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) this.fail('control character in string');
      this.i++;
    }
  }

  /** A backslash escape inside a string, from the backslash. */
  private escape(): void {
    const { text } = this;
    this.i++;
    // At the end of the text `kind` is '', which includes() accepts: the string is then unterminated.
    const kind = text.charAt(this.i);
    if (!'"\\/bfnrtu'.includes(kind)) this.fail(`invalid escape ${this.describe()}`);
    if (kind === 'u') {
      for (let k = 1; k <= 4; k++)
        if (!/[0-9a-fA-F]/.test(text.charAt(this.i + k))) this.fail('invalid \\u escape');
      this.i += 4;
    }
    this.i++;
  }

  private number(): void {
    const re = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = this.i;
    const m = re.exec(this.text);
    if (!m || m[0] === '-' || m[0] === '') this.fail(`unexpected ${this.describe()}`);
    this.i += m[0].length;
  }

  private childPath(): (string | number)[] {
    const top = this.stack.at(-1);
    if (!top) return [];
    return [...top.path, top.kind === 'array' ? top.index : top.lastKey];
  }

  private open(kind: Frame['kind']): void {
    const path = this.childPath();
    if (this.stack.length >= this.maxDepth)
      throw new Stop(this.i, `nested more than ${this.maxDepth} levels deep; no config is`, jsonPath(path));
    this.stack.push({ kind, path, keys: new Set(), lastKey: '', index: 0 });
    this.i++;
  }
}
