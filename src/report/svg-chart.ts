/**
 * A small inline SVG line chart: a gate's value against its threshold over the window, points
 * coloured by verdict, decisions marked with vertical lines. No scripts, no external assets.
 */
export interface ChartPoint {
  x: number; // seconds from start
  y: number | null;
  verdict: string;
}
export interface ChartMarker {
  x: number;
  label: string;
}

export const VERDICT_COLOURS: Record<string, string> = {
  pass: '#1a7f37',
  warn: '#bf8700',
  fail: '#cf222e',
  inconclusive: '#8c959f',
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function nice(n: number): string {
  if (n === 0) return '0';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function lineChartSvg(opts: {
  title: string;
  unit: string;
  threshold: number;
  windowSeconds: number;
  points: ChartPoint[];
  markers: ChartMarker[];
}): string {
  const W = 640;
  const H = 220;
  const left = 56;
  const right = 12;
  const top = 26;
  const bottom = 34;
  const values = opts.points.map((p) => p.y).filter((v): v is number => v !== null && Number.isFinite(v));
  const yMax = Math.max(opts.threshold * 1.25, ...values, 1e-9);
  const xMax = Math.max(opts.windowSeconds, ...opts.points.map((p) => p.x), 1);
  const sx = (x: number): number => left + (x / xMax) * (W - left - right);
  const sy = (y: number): number => top + (1 - y / yMax) * (H - top - bottom);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(opts.title)}">`,
  );
  parts.push(
    `<text x="${left}" y="16" font-size="13" font-family="sans-serif" font-weight="bold">${escapeXml(opts.title)}</text>`,
  );
  parts.push(
    `<rect x="${left}" y="${top}" width="${W - left - right}" height="${H - top - bottom}" fill="#f6f8fa" stroke="#d0d7de"/>`,
  );
  for (const frac of [0, 0.5, 1]) {
    const y = yMax * frac;
    parts.push(
      `<text x="${left - 4}" y="${sy(y) + 4}" font-size="10" text-anchor="end" font-family="sans-serif">${nice(y)}</text>`,
    );
  }
  for (const frac of [0, 0.25, 0.5, 0.75, 1]) {
    const x = xMax * frac;
    parts.push(
      `<text x="${sx(x)}" y="${H - bottom + 14}" font-size="10" text-anchor="middle" font-family="sans-serif">${nice(x / 60)} min</text>`,
    );
  }
  parts.push(
    `<line x1="${left}" x2="${W - right}" y1="${sy(opts.threshold)}" y2="${sy(opts.threshold)}" stroke="#cf222e" stroke-dasharray="6 4"/>`,
  );
  parts.push(
    `<text x="${W - right - 2}" y="${sy(opts.threshold) - 4}" font-size="10" text-anchor="end" fill="#cf222e" font-family="sans-serif">threshold ${nice(opts.threshold)} ${escapeXml(opts.unit)}</text>`,
  );
  const path = opts.points
    .filter((p) => p.y !== null && Number.isFinite(p.y))
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y!).toFixed(1)}`)
    .join(' ');
  if (path) parts.push(`<path d="${path}" fill="none" stroke="#0969da" stroke-width="1.5"/>`);
  for (const p of opts.points) {
    const y = p.y !== null && Number.isFinite(p.y) ? sy(p.y) : H - bottom - 3;
    parts.push(
      `<circle cx="${sx(p.x).toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${VERDICT_COLOURS[p.verdict] ?? '#000'}"><title>${escapeXml(`${nice(p.x)} s: ${p.y === null ? 'no data' : nice(p.y)} (${p.verdict})`)}</title></circle>`,
    );
  }
  for (const m of opts.markers) {
    parts.push(
      `<line x1="${sx(m.x)}" x2="${sx(m.x)}" y1="${top}" y2="${H - bottom}" stroke="#8250df" stroke-width="1.5"/>`,
    );
    parts.push(
      `<text x="${sx(m.x) + 3}" y="${top + 12}" font-size="10" fill="#8250df" font-family="sans-serif">${escapeXml(m.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
