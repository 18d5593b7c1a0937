import { histogramQuantile } from '../metrics/histogram-quantile.js';
import type { MeasurementInputs } from './types.js';

/**
 * A gate's value from its raw inputs. The metric sources compute their values with this, and
 * `evidence replay` recomputes them with it, so the evidence proves each value from its figures.
 * Anything not finite (a NaN or ±Inf sample) is no data, never a number to judge.
 */
export function valueFromInputs(inputs: MeasurementInputs): number | null {
  const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
  switch (inputs.kind) {
    case 'ratio':
      if (inputs.noData) return null;
      if (!finite(inputs.numerator) || !finite(inputs.denominator)) return null;
      return inputs.denominator > 0 ? (100 * inputs.numerator) / inputs.denominator : 0;
    case 'histogram': {
      if (inputs.noData) return null;
      const buckets = inputs.buckets.map((b) => ({
        le: b.le === '+Inf' ? Infinity : b.le,
        count: b.increase,
      }));
      if (buckets.some((b) => !finite(b.count))) return null;
      const q = histogramQuantile(inputs.quantile, buckets);
      return finite(q) ? q * 1000 : null;
    }
    case 'gauge':
      return finite(inputs.value) ? inputs.value : null;
    case 'memory':
      if (!finite(inputs.rss) || !finite(inputs.limit) || !(inputs.limit > 0)) return null;
      return (100 * inputs.rss) / inputs.limit;
    case 'promql':
      return finite(inputs.value) ? inputs.value : null;
  }
}

/** The sample count the inputs carry (null for instant gauges). */
export function samplesFromInputs(inputs: MeasurementInputs): number | null {
  switch (inputs.kind) {
    case 'ratio':
    case 'histogram':
      return Number.isFinite(inputs.samples) ? inputs.samples : null;
    case 'promql':
      return inputs.samples === undefined ? null : (inputs.samples ?? 0);
    default:
      return null;
  }
}
