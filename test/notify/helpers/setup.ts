import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SECRET_VARIABLE_NAMES, type ChannelName } from '../../../src/config/channels.js';
import { createNotifierFromSetup, type NotificationSetup } from '../../../src/adapters/notify/factory.js';
import { FallbackStore } from '../../../src/adapters/notify/fallback-store.js';
import { DEFAULT_BACKOFF } from '../../../src/domain/delivery/backoff.js';
import type { MentionMap } from '../../../src/domain/messages/mentions.js';
import { JsonLinesLogger, MemorySink } from '../../../src/runtime/logger.js';
import { Redactor } from '../../../src/runtime/redact.js';
import { RecordingClock } from './clock.js';

/** A stream that keeps what was written to it. */
export function capture(): PassThrough & { text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return Object.assign(stream, { text: () => text });
}

/**
 * The notifier as a command builds it, from the settings alone (not from a config file), so
 * these tests hold whatever shape the config file takes.
 */
export function notifySetup(
  channels: ChannelName[],
  vars: Record<string, string>,
  options: { mentions?: MentionMap; maxAttempts?: number; deadlineMs?: number; logDir?: string } = {},
) {
  const redactor = new Redactor();
  for (const name of SECRET_VARIABLE_NAMES) redactor.add(vars[name]);
  const setup: NotificationSetup = {
    source: 'test-config.json',
    channels,
    vars,
    allowInsecureLoopback: true,
    policy: {
      maxAttempts: options.maxAttempts ?? 4,
      attemptTimeoutMs: 10_000,
      deadlineMs: options.deadlineMs ?? 30_000,
      maxRetryAfterMs: 60_000,
      backoff: DEFAULT_BACKOFF,
    },
    mentions: options.mentions ?? {},
    redactor,
  };
  const dir = mkdtempSync(join(tmpdir(), 'dhash-notify-'));
  const logDir = options.logDir ?? join(dir, 'monitor_logs');
  const clock = new RecordingClock();
  const sink = new MemorySink();
  const logger = new JsonLinesLogger(clock, [sink], redactor);
  const stdout = capture();
  const stderr = capture();
  const notifier = createNotifierFromSetup(setup, {
    clock,
    logger,
    logDir,
    random: () => 0.5,
    stdout,
    stderr,
  });
  const store = new FallbackStore(logDir);
  const everything = () =>
    JSON.stringify(sink.records) +
    stdout.text() +
    stderr.text() +
    (existsSync(store.path) ? readFileSync(store.path, 'utf8') : '');
  return { setup, dir, logDir, clock, sink, logger, notifier, store, stdout, stderr, everything };
}
