import { setTimeout as wait } from 'node:timers/promises';
import { decodeImage, UndecodableImageError } from './decode.js';
import { dhash, hammingDistance } from './dhash.js';
import type { FaultPlan } from './faults.js';
import type { ServiceMetrics } from './metrics.js';
import type { LibraryEntry, ServiceStore } from './store.js';

/**
 * One extraction: decode, hash, match against the library, queue a low-confidence match.
 * Confidence is 1 - distance/64 to the nearest library hash (0 with an empty library).
 */
export interface Match {
  id: number;
  label: string;
  hash: string;
  distance: number;
}

export type ExtractionResult =
  | {
      ok: true;
      hash: string;
      format: string;
      width: number;
      height: number;
      match: Match | null;
      confidence: number;
      queued: boolean;
      queue_item_id: number | null;
      hash_ms: number;
    }
  | { ok: false; error: 'extraction_failed'; message: string };

export function bestMatch(hash: string, library: LibraryEntry[]): Match | null {
  let best: Match | null = null;
  for (const entry of library) {
    const distance = hammingDistance(hash, entry.hash);
    if (best === null || distance < best.distance)
      best = { id: entry.id, label: entry.label, hash: entry.hash, distance };
  }
  return best;
}

export interface ExtractionDeps {
  store: ServiceStore;
  metrics: ServiceMetrics;
  faults: FaultPlan;
  confidenceThreshold: number;
}

export async function extract(bytes: Buffer, deps: ExtractionDeps): Promise<ExtractionResult> {
  const { metrics, faults } = deps;
  faults.ballast.onRequest();
  const started = process.hrtime.bigint();
  let hash: string;
  let decoded;
  try {
    decoded = decodeImage(bytes);
    if (faults.extractionFailure.next()) {
      throw new UndecodableImageError(
        'extraction failed: component extraction returned no image (release fault extraction_failure_rate)',
      );
    }
    hash = dhash(decoded.image);
  } catch (error) {
    metrics.extractions.inc({ result: 'failure' });
    const message =
      error instanceof UndecodableImageError
        ? error.message
        : `extraction failed: ${(error as Error).message}`;
    return { ok: false, error: 'extraction_failed', message };
  }
  const delay = faults.hashDelayMs();
  if (delay > 0) await wait(delay);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  metrics.hashDuration.observe(seconds);
  metrics.extractions.inc({ result: 'success' });

  const match = bestMatch(hash, deps.store.library());
  let confidence = match === null ? 0 : 1 - match.distance / 64;
  const flooded = faults.lowConfidence.next();
  if (flooded) confidence = Math.min(confidence, deps.confidenceThreshold / 2);
  let queued = false;
  let queueItemId: number | null = null;
  if (confidence < deps.confidenceThreshold) {
    const item = await deps.store.enqueue({
      hash,
      bestMatchId: match?.id ?? null,
      distance: match?.distance ?? null,
      confidence,
      reason: match === null ? 'empty_library' : 'low_confidence',
      allowDuplicate: flooded,
    });
    queued = true;
    queueItemId = item.id;
  }
  return {
    ok: true,
    hash,
    format: decoded.format,
    width: decoded.image.width,
    height: decoded.image.height,
    match,
    confidence,
    queued,
    queue_item_id: queueItemId,
    hash_ms: Math.round(seconds * 1000 * 1000) / 1000,
  };
}
