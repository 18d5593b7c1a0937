import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from './clock.js';
import { Redactor } from './redact.js';

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogRecord {
  timestamp: string;
  level: LogLevel;
  message: string;
  [field: string]: unknown;
}

/** Where records go. Every sink receives records that are already redacted. */
export interface LogSink {
  write(record: LogRecord): void;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  critical(message: string, fields?: Record<string, unknown>): void;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every record (deployment id, environment, step). */
  child(fields: Record<string, unknown>): Logger;
}

/**
 * JSON lines, one record per line, appended synchronously so a crash never loses the last line.
 * A log that cannot be written (a folder under a file, a full disk, no permission) never stops
 * the work it records: the sink says so once on stderr, keeps trying each record (space may come
 * back), and `problem` tells the command, which reports it.
 */
export class JsonFileSink implements LogSink {
  /** Why the last write failed, or null while every record is written. */
  problem: string | null = null;
  private warned = false;

  constructor(
    readonly path: string,
    private readonly warn: (line: string) => void = (line) => {
      try {
        process.stderr.write(line);
      } catch {
        // stderr itself is gone: nothing left to tell.
      }
    },
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      this.failed(error);
    }
  }

  write(record: LogRecord): void {
    try {
      appendFileSync(this.path, `${JSON.stringify(record)}\n`);
      this.problem = null;
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    // Errors from node:fs may come from another realm (vm contexts), so no instanceof here.
    const message = (error as { message?: unknown } | null)?.message;
    this.problem = typeof message === 'string' ? message : String(error);
    if (this.warned) return;
    this.warned = true;
    this.warn(`warning: the log ${this.path} cannot be written (${this.problem}); continuing without it\n`);
  }
}

/** Keeps records in memory: for tests, evidence, and summaries. */
export class MemorySink implements LogSink {
  readonly records: LogRecord[] = [];
  write(record: LogRecord): void {
    this.records.push(record);
  }
}

/** Human-readable lines on a stream (stderr by default, so stdout stays for results). */
export class ConsoleSink implements LogSink {
  constructor(
    private readonly minLevel: LogLevel = 'INFO',
    private readonly stream: NodeJS.WritableStream = process.stderr,
  ) {}
  write(record: LogRecord): void {
    if (LOG_LEVELS.indexOf(record.level) < LOG_LEVELS.indexOf(this.minLevel)) return;
    const { timestamp, level, message, ...fields } = record;
    const extra = Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    this.stream.write(`${timestamp} ${level.padEnd(8)} ${message}${extra}\n`);
  }
}

export class JsonLinesLogger implements Logger {
  constructor(
    private readonly clock: Clock,
    private readonly sinks: LogSink[],
    readonly redactor: Redactor = new Redactor(),
    private readonly context: Record<string, unknown> = {},
  ) {}

  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    const record = this.redactor.value({
      timestamp: new Date(this.clock.now()).toISOString(),
      level,
      message,
      ...this.context,
      ...fields,
    }) as LogRecord;
    for (const sink of this.sinks) sink.write(record);
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('DEBUG', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.log('INFO', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('WARN', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.log('ERROR', message, fields);
  }
  critical(message: string, fields?: Record<string, unknown>): void {
    this.log('CRITICAL', message, fields);
  }
  child(fields: Record<string, unknown>): Logger {
    return new JsonLinesLogger(this.clock, this.sinks, this.redactor, { ...this.context, ...fields });
  }
}

/** A logger that drops everything; for code paths where the caller asked for silence. */
export const nullLogger: Logger = new JsonLinesLogger({ now: () => 0, sleep: async () => {} }, []);
