/** A value in a gate's unit as messages write it: "2450 ms", "91.5%", "no data" when there is none. */
export function quantity(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return 'no data';
  const n = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  if (unit === '%') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
}
