/**
 * GitHub Actions expressions, as much of them as this repository's workflows use: literals,
 * context property access (a.b, a['b'], a[expr]), ! == != < <= > >= && || with GitHub's
 * truthiness and short-circuit values, and the functions always, success, failure, cancelled,
 * fromJSON, toJSON, format, contains, startsWith, endsWith.
 */
export type Contexts = Record<string, unknown>;

interface Status {
  failed: boolean;
  cancelled: boolean;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'((?:[^']|'')*)'|(==|!=|<=|>=|&&|\|\||[!<>()[\].,])|([A-Za-z_][\w-]*))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(start))) break;
      throw new Error(`cannot read expression at "${text.slice(start)}"`);
    }
    // Groups that did not take part are undefined, whatever RegExpExecArray's type says.
    const [, num, str, op, word] = m as unknown as Array<string | undefined>;
    if (num !== undefined) tokens.push(`#${num}`);
    else if (str !== undefined) tokens.push(`'${str.replace(/''/g, "'")}`);
    else tokens.push(op ?? word ?? '');
  }
  return tokens;
}

export function truthy(value: unknown): boolean {
  return !(
    value === null ||
    value === undefined ||
    value === false ||
    value === 0 ||
    value === '' ||
    Number.isNaN(value)
  );
}

function loose(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  const num = (v: unknown): number =>
    v === null ? 0 : v === true ? 1 : v === false ? 0 : v === '' ? 0 : Number(v);
  return num(a) === num(b);
}

function get(object: unknown, key: string): unknown {
  if (object === null || typeof object !== 'object') return null;
  const record = object as Record<string, unknown>;
  if (key in record) return record[key];
  const match = Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
  return match === undefined ? null : record[match];
}

export function evaluate(
  text: string,
  contexts: Contexts,
  status: Status = { failed: false, cancelled: false },
): unknown {
  const tokens = tokenize(text);
  let i = 0;
  // Inside the side of && / || that is not taken: parsed, never evaluated (no function calls), as
  // GitHub short-circuits `a != '' && fromJSON(a) || b`.
  let skipping = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (expected?: string): string => {
    const t = i < tokens.length ? tokens[i++] : undefined;
    if (t === undefined || (expected !== undefined && t !== expected))
      throw new Error(`expected ${expected ?? 'a token'} in "${text}", got ${t}`);
    return t;
  };
  const primary = (): unknown => {
    const t = take();
    let value: unknown;
    if (t === '(') {
      value = or();
      take(')');
    } else if (t === '!') return !truthy(primary());
    else if (t.startsWith('#')) value = Number(t.slice(1));
    else if (t.startsWith("'")) value = t.slice(1);
    else if (t === 'true' || t === 'false') value = t === 'true';
    else if (t === 'null') value = null;
    else if (peek() === '(') {
      take('(');
      const args: unknown[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take(',');
      }
      take(')');
      value = call(t, args);
    } else value = get(contexts, t);
    for (;;) {
      if (peek() === '.') {
        take('.');
        value = get(value, take());
      } else if (peek() === '[') {
        take('[');
        value = get(value, String(or()));
        take(']');
      } else return value;
    }
  };
  const call = (name: string, args: unknown[]): unknown => {
    if (skipping > 0) return null;
    switch (name.toLowerCase()) {
      case 'always':
        return true;
      case 'success':
        return !status.failed && !status.cancelled;
      case 'failure':
        return status.failed;
      case 'cancelled':
        return status.cancelled;
      case 'fromjson':
        return JSON.parse(String(args[0]));
      case 'tojson':
        return JSON.stringify(args[0] ?? null, null, 2);
      case 'format':
        return stringify(args[0]).replace(/\{(\d+)\}/g, (_m, n) => stringify(args[1 + Number(n)]));
      case 'contains':
        return Array.isArray(args[0])
          ? args[0].some((v) => loose(v, args[1]))
          : String(args[0]).toLowerCase().includes(String(args[1]).toLowerCase());
      case 'startswith':
        return String(args[0]).toLowerCase().startsWith(String(args[1]).toLowerCase());
      case 'endswith':
        return String(args[0]).toLowerCase().endsWith(String(args[1]).toLowerCase());
      default:
        throw new Error(`function ${name} is not supported by the replay`);
    }
  };
  const comparison = (): unknown => {
    let left = primary();
    for (;;) {
      const op = peek();
      if (op !== '==' && op !== '!=' && op !== '<' && op !== '>' && op !== '<=' && op !== '>=') return left;
      take();
      const right = primary();
      if (op === '==') left = loose(left, right);
      else if (op === '!=') left = !loose(left, right);
      else {
        const a = Number(left);
        const b = Number(right);
        left = op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
    }
  };
  const and = (): unknown => {
    let left = comparison();
    while (peek() === '&&') {
      take();
      const taken = truthy(left);
      if (!taken) skipping++;
      const right = comparison();
      if (!taken) skipping--;
      left = taken ? right : left;
    }
    return left;
  };
  const or = (): unknown => {
    let left = and();
    while (peek() === '||') {
      take();
      const taken = !truthy(left);
      if (!taken) skipping++;
      const right = and();
      if (!taken) skipping--;
      left = taken ? right : left;
    }
    return left;
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`unexpected "${tokens[i]}" in "${text}"`);
  return value;
}

/** A value as the runner writes it into a string: objects as JSON, null as nothing. */
export function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A value with ${{ }} in it: a whole-expression value keeps its type; a template becomes a string. */
export function interpolate(value: unknown, contexts: Contexts, status?: Status): unknown {
  if (typeof value !== 'string') return value;
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(value.trim());
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], contexts, status);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr) => {
    return stringify(evaluate(expr, contexts, status));
  });
}

/** An `if:` condition: written with or without ${{ }}, evaluated to a boolean. */
export function condition(text: string | undefined, contexts: Contexts, status: Status): boolean {
  if (text === undefined) return !status.failed && !status.cancelled;
  const expr = /^\$\{\{([\s\S]*)\}\}$/.exec(text.trim())?.[1] ?? text;
  const usesStatus = /\b(always|success|failure|cancelled)\s*\(/.test(expr);
  const value = truthy(evaluate(expr, contexts, status));
  return usesStatus ? value : value && !status.failed && !status.cancelled;
}
