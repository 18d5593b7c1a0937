/**
 * JSON.parse with an error that names line and column, whatever the Node version's wording
 * (Node 20 reports "at position N"; Node 22+ adds "(line L column C)"; some errors give neither).
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  detail: string;
}

export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) };
  } catch (error) {
    const message = (error as Error).message;
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    let line: number;
    let column: number;
    if (lineCol) {
      line = Number(lineCol[1]);
      column = Number(lineCol[2]);
    } else {
      const offset = position ? Number(position[1]) : stripBom(text).length;
      ({ line, column } = lineColumnAt(stripBom(text), offset));
    }
    const detail = message
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/\s*in JSON at position \d+/, '')
      .replace(/, "[\s\S]*" is not valid JSON$/, '');
    return { ok: false, problem: { line, column, detail } };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
