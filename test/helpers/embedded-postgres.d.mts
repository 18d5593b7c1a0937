// Types for embedded-postgres.mjs (plain JS so jest's global setup can load it untransformed).
export interface StartedPostgres {
  /** postgres://user:password@127.0.0.1:port/postgres, a superuser. */
  url: string;
  stop(): Promise<void>;
}
export interface StartOptions {
  port: number;
  /** Parent of the data directory; a fresh temporary directory when not given (removed on stop). */
  baseDir?: string;
}
/** Why the package is unusable here (no binaries for this platform), or null. */
export function embeddedPostgresMissing(): Promise<string | null>;
/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number>;
/** Starts a server; rejects with one line naming the cause when initdb or the server fails. */
export function startEmbeddedPostgres(options: StartOptions): Promise<StartedPostgres>;
