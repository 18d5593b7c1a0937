/** The metric families of the metrics contract (docs/architecture.md, "Contracts") that the default gates read. */
export const METRIC_NAMES = {
  extractions: 'dhash_extractions_total',
  hashDuration: 'dhash_hash_duration_seconds',
  queueLength: 'dhash_low_confidence_queue_length',
  httpRequests: 'dhash_http_requests_total',
  residentMemory: 'process_resident_memory_bytes',
  memoryLimit: 'dhash_memory_limit_bytes',
} as const;

/** Families the scrape source keeps; everything else in /metrics is skipped unparsed. */
export const GATE_FAMILIES: ReadonlySet<string> = new Set(Object.values(METRIC_NAMES));
