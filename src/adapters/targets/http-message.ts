import { HttpError, httpRequest } from '../../runtime/http.js';

export { httpRequest };

/** A short reason for a failed request, without the URL (which may carry a token). */
export function messageOfHttp(error: unknown): string {
  if (error instanceof HttpError) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
