import { GATE_CATALOG } from './catalog.js';
import type { GateName } from './names.js';
import { quantity } from './quantity.js';

/** A gate's reading, as an evaluation carries it. */
export interface GateReadingOf {
  gate: GateName;
  value: number | null;
  threshold: number;
}

/** The module's sentence for a breach of this gate. */
export function breachWords(reading: GateReadingOf): string {
  return GATE_CATALOG[reading.gate].wording.breach(reading);
}

/** The module's sentence for the recovery of this gate. */
export function recoveryWords(reading: GateReadingOf): string {
  return GATE_CATALOG[reading.gate].wording.recovery(reading);
}

/** For a headline: the module's label, the value and the threshold in its unit ("memory usage 91% (limit 85%)"). */
export function headlineWords(reading: GateReadingOf): string {
  const g = GATE_CATALOG[reading.gate];
  return `${g.label} ${quantity(reading.value, g.unit)} (limit ${quantity(reading.threshold, g.unit)})`;
}
