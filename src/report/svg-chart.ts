import { clockTime, escapeXml, formatNumber, formatValue, formatWindow } from './format.js';
import { tickLabel, timeTicks, valueTicks } from './scales.js';
import type { GateView, MarkerView, PointView, ReportView } from './view-model.js';

/**
 * One gate's chart as inline SVG: the value over clock time against its threshold, points shaped
 * and coloured by verdict (shape alone tells them apart), the breach zone above the threshold, the
 * evaluation window at the decision shaded, and the run's moments as labelled vertical lines.
 * Colours come from the page's CSS (classes), so dark mode and print restyle it; no scripts.
 */

export interface ChartLayout {
  name: 'wide' | 'narrow' | 'small';
  width: number;
  height: number;
  font: number;
  maxTimeTicks: number;
  maxValueTicks: number;
}

export const LAYOUTS: Record<ChartLayout['name'], ChartLayout> = {
  wide: { name: 'wide', width: 880, height: 300, font: 13, maxTimeTicks: 8, maxValueTicks: 4 },
  narrow: { name: 'narrow', width: 360, height: 270, font: 13, maxTimeTicks: 3, maxValueTicks: 4 },
  small: { name: 'small', width: 380, height: 210, font: 12, maxTimeTicks: 3, maxValueTicks: 3 },
};

/** Approximate advance width of a label (sans-serif averages about 0.55 em; 0.6 keeps a margin). */
export const textWidth = (text: string, font: number): number => text.length * font * 0.6;

const SHAPE_SIZE = 3.6;

/** A point's mark: circle pass, triangle warn, square fail, hollow circle inconclusive. */
function pointMark(p: PointView, x: number, y: number): string {
  const r = SHAPE_SIZE;
  const cls = `pt pt-${p.verdict}`;
  switch (p.verdict) {
    case 'warn':
      return `<path class="${cls}" d="M${x.toFixed(1)},${(y - r - 0.8).toFixed(1)} l${r + 0.8},${(2 * r).toFixed(1)} h-${(2 * r + 1.6).toFixed(1)}z"/>`;
    case 'fail':
      return `<rect class="${cls}" x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}"/>`;
    case 'inconclusive':
      return `<circle class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r - 0.6}"/>`;
    default:
      return `<circle class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r - 0.4}"/>`;
  }
}

/** The markers a gate's chart shows: every run-wide moment, and those of this gate. */
export function markersFor(view: ReportView, gate: GateView): MarkerView[] {
  return view.markers.filter((m) => m.gates.length === 0 || m.gates.includes(gate.gate));
}

/** The time span every chart of a run shares, padded so no point sits on an axis. */
export function timeDomain(view: ReportView): { from: number; to: number } {
  const times = [
    view.deployedAt,
    view.startedAt,
    view.endedAt,
    ...view.markers.map((m) => m.at),
    ...view.gates.flatMap((g) => g.points.map((p) => p.at)),
  ];
  const from = Math.min(...times);
  const to = Math.max(...times);
  const pad = Math.max((to - from) * 0.03, 500);
  return { from: from - pad, to: to + pad };
}

interface PlacedLabel {
  text: string;
  x: number;
  anchor: 'start' | 'end';
  lane: number;
  kind: string;
}

/** Puts marker labels in lanes above the plot, left to right, so none overlaps another. */
function placeLabels(
  groups: Array<{ x: number; text: string; kind: string }>,
  font: number,
  left: number,
  right: number,
  maxLanes: number,
): PlacedLabel[] {
  const lanes: Array<Array<[number, number]>> = [];
  const placed: PlacedLabel[] = [];
  for (const g of groups) {
    const w = textWidth(g.text, font);
    const startFits = g.x + 3 + w <= right;
    const from = startFits ? g.x + 3 : g.x - 3 - w;
    if (from < left - 2) continue;
    const to = from + w;
    let lane = lanes.findIndex((spans) => spans.every(([a, b]) => to + 6 <= a || from >= b + 6));
    if (lane === -1) {
      if (lanes.length >= maxLanes) continue;
      lanes.push([]);
      lane = lanes.length - 1;
    }
    lanes[lane].push([from, to]);
    placed.push({
      text: g.text,
      x: startFits ? g.x + 3 : g.x - 3,
      anchor: startFits ? 'start' : 'end',
      lane,
      kind: g.kind,
    });
  }
  return placed;
}

export interface ChartInput {
  view: ReportView;
  gate: GateView;
  layout: ChartLayout;
  /** Unique within the page: ids of the chart's title and description. */
  id: string;
}

/** The title and description a screen reader announces for a gate's chart. */
export function chartText(view: ReportView, gate: GateView): { title: string; desc: string } {
  const threshold = formatValue(gate.threshold, gate.unit);
  const title = `${gate.gate}: ${gate.status}${gate.deciding ? ' (deciding gate)' : ''}, threshold ${threshold}`;
  const parts: string[] = [];
  parts.push(
    `${gate.gate} over time from ${clockTime(gate.points[0]?.at ?? view.startedAt)} to ${clockTime(gate.points.at(-1)?.at ?? view.endedAt)} UTC; a breach is a value above ${threshold}${gate.windowMinutes !== null ? ` over ${formatWindow(gate.windowMinutes)}` : ''}.`,
  );
  const breaches = gate.points.filter((p) => p.verdict === 'warn' || p.verdict === 'fail');
  if (breaches.length > 0) {
    parts.push(
      `In breach ${breaches.length} time${breaches.length === 1 ? '' : 's'}, first at ${clockTime(breaches[0].at)} UTC with ${formatValue(breaches[0].value, gate.unit)}.`,
    );
  } else {
    parts.push('Never in breach.');
  }
  if (gate.worst)
    parts.push(`Worst ${formatValue(gate.worst.value, gate.unit)} at ${clockTime(gate.worst.at)} UTC.`);
  if (gate.pollsInconclusive > 0)
    parts.push(`${gate.pollsInconclusive} of ${gate.polls} polls inconclusive (too little or no data).`);
  const decision = view.deciding.find((d) => d.gate === gate.gate);
  if (decision && view.decidedAt !== null)
    parts.push(`Decided at ${clockTime(view.decidedAt)} UTC: ${view.outcome.words.toLowerCase()}.`);
  if (view.rollback && gate.deciding)
    parts.push(
      `Rollback ran ${clockTime(view.rollback.startedAt)} to ${clockTime(view.rollback.endedAt)} UTC and ${view.rollback.ok ? 'completed' : 'FAILED'}.`,
    );
  return { title, desc: parts.join(' ') };
}

// eslint-disable-next-line max-lines-per-function -- one SVG chart drawn top to bottom
export function gateChartSvg(input: ChartInput): string {
  const { view, gate, layout } = input;
  const { width: W, height: H, font } = layout;
  const domain = timeDomain(view);
  const values = gate.points.map((p) => p.value).filter((v): v is number => v !== null);
  const { top: yTop, ticks: yTicks } = valueTicks(
    Math.max(gate.threshold * 1.25, ...values.map((v) => v * 1.08), 1e-9),
    layout.maxValueTicks,
  );
  const hasNoData = gate.points.some((p) => p.value === null);
  const yLabelWidth = Math.max(
    ...yTicks.map((t) => textWidth(formatNumber(t), font)),
    hasNoData ? textWidth('no data', font) : 0,
  );
  const left = Math.ceil(yLabelWidth + 10);
  const right = W - 10;
  const sx = (t: number): number => left + ((t - domain.from) / (domain.to - domain.from)) * (right - left);

  const markers = markersFor(view, gate);
  // Labels: one per moment (markers within a few units share one label); re-checks are ticks only.
  const groups: Array<{ x: number; text: string; kind: string }> = [];
  for (const m of markers) {
    if (m.kind === 'recheck') continue;
    const x = sx(m.at);
    const near = groups.find((g) => Math.abs(g.x - x) < 4);
    if (near) {
      if (!near.text.split(' · ').includes(m.label)) near.text = `${near.text} · ${m.label}`;
    } else groups.push({ x, text: m.label, kind: m.kind });
  }
  const laneHeight = font + 4;
  const labels = placeLabels(groups, font, 2, W - 2, 3);
  const lanes = labels.length ? Math.max(...labels.map((l) => l.lane)) + 1 : 0;
  const top = 6 + lanes * laneHeight + (lanes ? 2 : 0);
  // The "no data" row sits under the plot, clear of the y axis's "0" (whose glyphs reach about
  // 0.6 em below the plot's bottom) and above the clock labels.
  const noDataBand = hasNoData ? Math.ceil(font * 1.7) + 4 : 0;
  const noDataBaseline = (b: number): number => b + noDataBand - 2;
  // The clock labels row: tall enough that the y axis's "0" never touches a clock label.
  const bottom = H - Math.ceil(font * 1.7) - 6 - noDataBand;
  const sy = (v: number): number => bottom - (v / yTop) * (bottom - top);

  const out: string[] = [];
  const { title, desc } = chartText(view, gate);
  out.push(
    `<svg class="chart chart-${layout.name}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${input.id}-t ${input.id}-d" font-size="${font}">`,
    `<title id="${input.id}-t">${escapeXml(title)}</title><desc id="${input.id}-d">${escapeXml(desc)}</desc>`,
    `<rect class="plot" x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/>`,
  );
  // Breach zone above the threshold.
  const yThreshold = sy(gate.threshold);
  out.push(
    `<rect class="breach-zone" x="${left}" y="${top}" width="${right - left}" height="${(yThreshold - top).toFixed(1)}"/>`,
  );
  // Evaluation window at the decision.
  if (gate.deciding && view.decidedAt !== null && gate.windowMinutes !== null) {
    const x1 = Math.max(left, sx(view.decidedAt - gate.windowMinutes * 60_000));
    const x2 = sx(view.decidedAt);
    out.push(
      `<rect class="eval-window" x="${x1.toFixed(1)}" y="${top}" width="${Math.max(1, x2 - x1).toFixed(1)}" height="${bottom - top}"/>`,
    );
  }
  for (const t of yTicks) {
    const y = sy(t);
    out.push(`<line class="gridline" x1="${left}" x2="${right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/>`);
    out.push(
      `<text class="tick" x="${left - 5}" y="${(y + font * 0.35).toFixed(1)}" text-anchor="end">${formatNumber(t)}</text>`,
    );
  }
  // As many clock labels as fit side by side with a gap, never more than the layout allows.
  const fit = Math.max(2, Math.floor((right - left) / (textWidth('00:00:00', font) + 16)));
  const { step, ticks } = timeTicks(domain.from, domain.to, Math.min(layout.maxTimeTicks, fit));
  for (const t of ticks) {
    const x = sx(t);
    const label = tickLabel(t, step);
    const half = textWidth(label, font) / 2;
    const cx = Math.min(Math.max(x, half + 1), W - half - 1);
    out.push(
      `<line class="axis" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${bottom}" y2="${bottom + 4}"/>`,
    );
    out.push(`<text class="tick" x="${cx.toFixed(1)}" y="${H - 4}" text-anchor="middle">${label}</text>`);
  }
  if (hasNoData)
    out.push(
      `<text class="tick nodata" x="${left - 5}" y="${noDataBaseline(bottom).toFixed(1)}" text-anchor="end">no data</text>`,
    );
  // Threshold line and its label, inside the plot on the side away from the data's end.
  out.push(
    `<line class="threshold" x1="${left}" x2="${right}" y1="${yThreshold.toFixed(1)}" y2="${yThreshold.toFixed(1)}"/>`,
  );
  const thresholdLabel = `threshold ${formatValue(gate.threshold, gate.unit)}`;
  const labelAbove = yThreshold - top > font + 4;
  out.push(
    `<text class="threshold-label" x="${left + 4}" y="${(labelAbove ? yThreshold - 4 : yThreshold + font + 2).toFixed(1)}">${escapeXml(thresholdLabel)}</text>`,
  );
  // Marker lines (re-checks as short ticks on the axis), then their labels.
  for (const m of markers) {
    const x = sx(m.at).toFixed(1);
    if (m.kind === 'recheck') {
      out.push(
        `<path class="mk mk-recheck" d="M${x},${bottom} l-3.5,6 h7z"><title>${escapeXml(`re-check at ${clockTime(m.at)}: ${m.detail}`)}</title></path>`,
      );
      continue;
    }
    out.push(`<line class="mk mk-${m.kind}" x1="${x}" x2="${x}" y1="${top}" y2="${bottom}"/>`);
  }
  for (const l of labels)
    out.push(
      `<text class="mk-label mk-label-${l.kind}" x="${l.x.toFixed(1)}" y="${(6 + l.lane * laneHeight + font).toFixed(1)}" text-anchor="${l.anchor}">${escapeXml(l.text)}</text>`,
    );
  // The series: a line through the values, broken where there is no data.
  const segments: string[] = [];
  let pen = false;
  for (const p of gate.points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    segments.push(`${pen ? 'L' : 'M'}${sx(p.at).toFixed(1)},${sy(Math.min(p.value, yTop)).toFixed(1)}`);
    pen = true;
  }
  if (segments.length) out.push(`<path class="series" d="${segments.join(' ')}"/>`);
  for (const p of gate.points) {
    const y = p.value === null ? noDataBaseline(bottom) - font * 0.35 : sy(Math.min(p.value, yTop));
    out.push(pointMark(p, sx(p.at), y));
  }
  out.push('</svg>');
  return out.join('');
}
