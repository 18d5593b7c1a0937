import { describe, expect, test } from '@jest/globals';
import { clockTime, formatDuration, formatValue } from '../../src/report/format.js';
import { tickLabel, timeTicks, valueTicks } from '../../src/report/scales.js';

describe('chart scales and formats', () => {
  test('value ticks are round, start at zero and reach the maximum', () => {
    expect(valueTicks(2500, 4)).toEqual({ top: 3000, ticks: [0, 1000, 2000, 3000] });
    expect(valueTicks(6.25, 4)).toEqual({ top: 8, ticks: [0, 2, 4, 6, 8] });
    expect(valueTicks(0, 4).top).toBe(1);
    const { top, ticks } = valueTicks(5265, 4);
    expect(top).toBeGreaterThanOrEqual(5265);
    expect(ticks.length).toBeLessThanOrEqual(5);
  });

  test('time ticks land on whole clock steps inside the span, at most the number asked for', () => {
    const from = Date.UTC(2026, 10, 28, 23, 45, 3);
    const to = Date.UTC(2026, 10, 28, 23, 46, 2);
    const { step, ticks } = timeTicks(from, to, 3);
    expect(step).toBe(30_000); // 15 s would give 4 ticks
    expect(ticks.map((t) => tickLabel(t, step))).toEqual(['23:45:30', '23:46:00']);
    const hour = timeTicks(Date.UTC(2026, 0, 1, 0, 0), Date.UTC(2026, 0, 1, 1, 0), 3);
    expect(hour.ticks.map((t) => tickLabel(t, hour.step))).toEqual(['00:00', '00:30', '01:00']);
  });

  test('values, durations and clock times read the same everywhere', () => {
    expect(formatValue(4875, 'ms')).toBe('4,875 ms');
    expect(formatValue(3.4512, '%')).toBe('3.45%');
    expect(formatValue(null, 'ms')).toBe('no data');
    expect(formatDuration(6720)).toBe('6.7 s');
    expect(formatDuration(95_000)).toBe('1 min 35 s');
    expect(clockTime(Date.UTC(2026, 10, 28, 23, 45, 55, 263))).toBe('23:45:55');
  });
});
