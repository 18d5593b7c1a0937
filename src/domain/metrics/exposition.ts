/**
 * A parser for the Prometheus text exposition format (version 0.0.4), written for the monitor's
 * hot path: one pass over the text, no regular expressions per line, and an optional family
 * filter so a 100k-series payload costs only the families the gates read.
 */
export interface Sample {
  /** The sample's own name (`x_bucket`, `x_count`, ... for histograms). */
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  samples: Sample[];
  /** `# TYPE` of each family that declared one. */
  types: Map<string, string>;
}

export class ExpositionError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`metrics text line ${line}: ${detail}`);
    this.name = 'ExpositionError';
  }
}

const HISTOGRAM_SUFFIXES = ['_bucket', '_count', '_sum', '_created', '_total', '_gcount', '_gsum'];

/** The family a sample name belongs to, given the families wanted (suffix-aware). */
function wantedFamily(name: string, wanted: ReadonlySet<string>): boolean {
  if (wanted.has(name)) return true;
  for (const suffix of HISTOGRAM_SUFFIXES) {
    if (name.endsWith(suffix) && wanted.has(name.slice(0, -suffix.length))) return true;
  }
  return false;
}

export function parseNumber(text: string): number {
  switch (text) {
    case '+Inf':
    case 'Inf':
    case '+inf':
    case 'inf':
      return Infinity;
    case '-Inf':
    case '-inf':
      return -Infinity;
    case 'NaN':
    case 'nan':
      return NaN;
    default: {
      const n = Number(text);
      if (text === '' || (Number.isNaN(n) && text !== 'NaN')) return Number.NaN;
      return n;
    }
  }
}

/**
 * Parses exposition text. With `families`, samples of other families are skipped before their
 * labels are parsed. Malformed lines throw an ExpositionError naming the line, because a gate
 * judged on half a payload would be judged wrongly.
 */
export function parseExposition(text: string, options: { families?: ReadonlySet<string> } = {}): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const wanted = options.families;
  const length = text.length;
  let pos = 0;
  let lineNo = 0;
  while (pos < length) {
    lineNo++;
    let end = text.indexOf('\n', pos);
    if (end === -1) end = length;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // \r
    const first = text.charCodeAt(pos);
    if (lineEnd === pos) {
      // blank line
    } else if (first === 35 /* # */) {
      const line = text.slice(pos, lineEnd);
      if (line.startsWith('# TYPE ')) {
        const parts = line.slice(7).trim().split(/\s+/);
        if (parts.length >= 2) types.set(parts[0], parts[1]);
      }
    } else {
      const sample = parseSampleLine(text, pos, lineEnd, lineNo, wanted);
      if (sample) samples.push(sample);
    }
    pos = end + 1;
  }
  return { samples, types };
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 58;
}

function parseSampleLine(
  text: string,
  start: number,
  end: number,
  lineNo: number,
  wanted?: ReadonlySet<string>,
): Sample | null {
  let i = start;
  while (i < end && isNameChar(text.charCodeAt(i))) i++;
  if (i === start)
    throw new ExpositionError(
      lineNo,
      `expected a metric name, got "${text.slice(start, Math.min(end, start + 40))}"`,
    );
  const name = text.slice(start, i);
  if (wanted && !wantedFamily(name, wanted)) return null;
  const labels: Record<string, string> = {};
  if (text.charCodeAt(i) === 123 /* { */) {
    i++;
    for (;;) {
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (text.charCodeAt(i) === 125 /* } */) {
        i++;
        break;
      }
      const labelStart = i;
      while (i < end && isNameChar(text.charCodeAt(i))) i++;
      if (i === labelStart) throw new ExpositionError(lineNo, `expected a label name in ${name}`);
      const label = text.slice(labelStart, i);
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (text.charCodeAt(i) !== 61 /* = */)
        throw new ExpositionError(lineNo, `expected "=" after label ${label} in ${name}`);
      i++;
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (text.charCodeAt(i) !== 34 /* " */)
        throw new ExpositionError(lineNo, `expected a quoted value for label ${label} in ${name}`);
      i++;
      let value = '';
      let chunkStart = i;
      for (;;) {
        if (i >= end) throw new ExpositionError(lineNo, `unterminated value of label ${label} in ${name}`);
        const c = text.charCodeAt(i);
        if (c === 34) break;
        if (c === 92 /* \ */) {
          value += text.slice(chunkStart, i);
          const next = text.charCodeAt(i + 1);
          value += next === 110 ? '\n' : next === 34 ? '"' : next === 92 ? '\\' : `\\${text[i + 1] ?? ''}`;
          i += 2;
          chunkStart = i;
          continue;
        }
        i++;
      }
      value += text.slice(chunkStart, i);
      i++; // closing quote
      labels[label] = value;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const sep = text.charCodeAt(i);
      if (sep === 44 /* , */) {
        i++;
        continue;
      }
      if (sep === 125) {
        i++;
        break;
      }
      throw new ExpositionError(lineNo, `expected "," or "}" after label ${label} in ${name}`);
    }
  }
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  let valueEnd = i;
  while (valueEnd < end && text.charCodeAt(valueEnd) !== 32 && text.charCodeAt(valueEnd) !== 9) valueEnd++;
  const raw = text.slice(i, valueEnd);
  const value = parseNumber(raw);
  if (Number.isNaN(value) && raw !== 'NaN' && raw !== 'nan')
    throw new ExpositionError(lineNo, `expected a number as the value of ${name}, got "${raw}"`);
  return { name, labels, value };
}
