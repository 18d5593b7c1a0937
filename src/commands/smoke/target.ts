import type { ServiceConfig } from '../../config/schema.js';
import { UsageError } from '../../runtime/errors.js';
import type { SmokeTarget } from './run-checks.js';

/** Health round-trips slower than this warn (the health gate itself times out at 5 s by default). */
export const DEFAULT_LATENCY_LIMIT_MS = 1_000;

/** The service section of the config as a smoke target; `endpoint` (--endpoint) replaces base_url. */
export function smokeTargetOf(service: ServiceConfig, endpoint?: string): SmokeTarget {
  let baseUrl = service.base_url;
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(
        `--endpoint: expected an http(s) URL such as http://127.0.0.1:8080, got "${endpoint}"`,
      );
    }
    baseUrl = endpoint;
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    healthPath: service.health_path,
    metricsPath: service.metrics_path,
    queueStatusPath: service.queue_status_path,
    adminPath: service.admin_path,
  };
}
