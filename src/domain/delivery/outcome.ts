/**
 * What one delivery attempt to one channel came to. Senders translate their peer's answer into
 * this; the retry policy decides from it alone, so every channel retries by the same rules.
 */
export type AttemptOutcome =
  | { kind: 'delivered'; detail?: string }
  /** Worth trying again: throttled, a server error, a timeout, a refused connection. */
  | { kind: 'transient'; error: string; retryAfterMs?: number }
  /** Trying again cannot help: a bad payload, a revoked webhook, SMTP 5xx, bad credentials. */
  | { kind: 'permanent'; error: string };
