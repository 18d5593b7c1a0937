/**
 * A breach of a ratio gate must be more than luck. With a 1 % failure rate, 6 failures in the
 * first 78 extractions of a window (7.7 %) happen in a few windows per thousand; rolling back on
 * them is a false rollback. So a ratio breach counts only when the Wilson score lower bound of the
 * observed share, at one-sided 90 % confidence, is above the threshold; until then the gate is
 * inconclusive and the next poll (more samples) decides. A real regression clears this within a
 * poll or two: 15 of 205 (7.3 %) against 5 % already does.
 */
export const BREACH_CONFIDENCE_Z = 1.2816; // one-sided 90 %

export function wilsonLowerBound(share: number, n: number, z = BREACH_CONFIDENCE_Z): number {
  if (!(n > 0)) return 0;
  const z2 = z * z;
  const centre = share + z2 / (2 * n);
  const spread = z * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - spread) / (1 + z2 / n));
}
