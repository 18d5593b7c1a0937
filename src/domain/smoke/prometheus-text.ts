/**
 * A strict-enough reader of the Prometheus text exposition format (version 0.0.4), written for the
 * smoke check: it must tell "this scrape parses and has these families" from "this is an HTML error
 * page or a truncated body". It keeps sample names and values, not the full label sets' semantics.
 *
 * TODO(dedup): the monitor issue is writing a full parser in src/domain/metrics/; once it lands,
 * the smoke check should use that one and this file should go.
 */

export interface ExpositionSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: ExpositionSample[];
  /** Family name → declared type, from `# TYPE` lines. */
  types: Map<string, string>;
}

export type ParseOutcome = { ok: true; exposition: Exposition } | { ok: false; line: number; reason: string };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count', '_created'];

export function parseExposition(text: string): ParseOutcome {
  const samples: ExpositionSample[] = [];
  const types = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const typeLine = /^#\s+TYPE\s+(\S+)\s+(\S+)\s*$/.exec(line);
      if (typeLine) {
        const [, family, type] = typeLine;
        if (!METRIC_NAME.test(family!) || METRIC_NAME.exec(family!)![0] !== family) return fail(lineNo, `invalid metric name "${family}" in TYPE line`);
        if (!TYPES.has(type!)) return fail(lineNo, `unknown metric type "${type}"`);
        types.set(family!, type!);
      } else if (/^#\s+TYPE\b/.test(line)) {
        return fail(lineNo, 'malformed TYPE line');
      }
      continue;
    }
    const sample = parseSampleLine(line);
    if (typeof sample === 'string') return fail(lineNo, sample);
    samples.push(sample);
  }
  return { ok: true, exposition: { samples, types } };
}

function fail(line: number, reason: string): ParseOutcome {
  return { ok: false, line, reason };
}

function parseSampleLine(line: string): ExpositionSample | string {
  const nameMatch = METRIC_NAME.exec(line);
  if (!nameMatch) return `expected a metric name at the start of "${clip(line)}"`;
  const name = nameMatch[0];
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.replace(/^\s+/, '');
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      const labelMatch = LABEL_NAME.exec(rest);
      if (!labelMatch) return `expected a label name in "${clip(line)}"`;
      rest = rest.slice(labelMatch[0].length).replace(/^\s+/, '');
      if (!rest.startsWith('="')) return `expected ="…" after label ${labelMatch[0]} in "${clip(line)}"`;
      rest = rest.slice(2);
      let value = '';
      let closed = false;
      while (rest.length > 0) {
        const ch = rest[0]!;
        if (ch === '\\') {
          const next = rest[1];
          if (next === 'n') value += '\n';
          else if (next === '\\' || next === '"') value += next;
          else return `invalid escape in label ${labelMatch[0]} of "${clip(line)}"`;
          rest = rest.slice(2);
        } else if (ch === '"') {
          rest = rest.slice(1);
          closed = true;
          break;
        } else {
          value += ch;
          rest = rest.slice(1);
        }
      }
      if (!closed) return `unterminated label value in "${clip(line)}"`;
      labels[labelMatch[0]] = value;
      rest = rest.replace(/^\s+/, '');
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) return `expected "," or "}" in "${clip(line)}"`;
    }
  }
  if (!/^[ \t]+/.test(rest)) return `expected a value after the metric name in "${clip(line)}"`;
  const fields = rest.trim().split(/[ \t]+/);
  if (fields.length < 1 || fields.length > 2) return `expected "value [timestamp]" in "${clip(line)}"`;
  const value = parseValue(fields[0]!);
  if (value === null) return `"${fields[0]}" is not a sample value in "${clip(line)}"`;
  if (fields.length === 2 && !/^-?\d+$/.test(fields[1]!)) return `"${fields[1]}" is not a timestamp in "${clip(line)}"`;
  return { name, labels, value };
}

function parseValue(text: string): number | null {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return Number(text);
}

function clip(line: string): string {
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/**
 * Whether a family is exposed: declared by a TYPE line, or sampled under its own name or a
 * histogram/summary series name. Counters are matched under the name the config uses, which for
 * prom-client is the full `_total` name.
 */
export function hasFamily(exposition: Exposition, family: string): boolean {
  if (exposition.types.has(family)) return true;
  return exposition.samples.some((s) => s.name === family || HISTOGRAM_SUFFIXES.some((suffix) => s.name === family + suffix));
}
