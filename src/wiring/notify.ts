/**
 * The composition root of the notification commands (`notify`, `notify --replay`, `deploy-notify`):
 * builds the environment's notifier and the fallback replayer from the config, and the check the
 * sending commands run before they start.
 */
import type { LoadedConfig } from '../config/load.js';
import {
  checkNotificationChannels,
  createNotifier,
  notificationSetupOf,
  replaySenderResolver,
} from '../adapters/notify/factory.js';
import { FallbackStore } from '../adapters/notify/fallback-store.js';
import { replayFallback } from '../adapters/notify/replay.js';
import type { FallbackReplayer, NotifyDeps } from '../commands/notify.js';
import type { Clock } from '../runtime/clock.js';
import type { Logger } from '../runtime/logger.js';

export interface NotifyRuntime {
  clock: Clock;
  logger: Logger;
  /** Where notification_fallback.jsonl (and its replay ledger) lives. */
  logDir: string;
  /** The process environment (GitHub run variables for links and deployment ids). */
  env: NodeJS.ProcessEnv;
  /** Uniform in [0, 1) for backoff jitter; injected by tests. */
  random?: () => number;
  signal?: AbortSignal;
  /** Where `console` prints; default process.stdout. */
  stdout?: NodeJS.WritableStream;
  /** The last resort for a message that can be neither delivered nor stored; default process.stderr. */
  stderr?: NodeJS.WritableStream;
}

/** Everything `notify` and `deploy-notify` need, with real channels behind the ports. */
export function notifyDepsFor(config: LoadedConfig, runtime: NotifyRuntime): NotifyDeps {
  return {
    config,
    clock: runtime.clock,
    logger: runtime.logger,
    env: runtime.env,
    signal: runtime.signal,
    // Never throws for a channel's settings: a channel that cannot be built gets its messages in the fallback file.
    notifier: createNotifier(config, {
      clock: runtime.clock,
      logger: runtime.logger,
      logDir: runtime.logDir,
      random: runtime.random,
      stdout: runtime.stdout,
      stderr: runtime.stderr,
    }),
    replayer: fallbackReplayerFor(config, runtime),
  };
}

/** Replays `<logDir>/notification_fallback.jsonl` to the channels that have their settings now. */
export function fallbackReplayerFor(config: LoadedConfig, runtime: NotifyRuntime): FallbackReplayer {
  return {
    replay: (flags) => {
      const setup = notificationSetupOf(config);
      return replayFallback({
        store: new FallbackStore(runtime.logDir),
        senderFor: replaySenderResolver(setup, runtime.stdout),
        policy: setup.policy,
        clock: runtime.clock,
        logger: runtime.logger,
        redactor: config.redactor,
        random: runtime.random,
        signal: runtime.signal,
        deadlineMs: flags.deadlineMs,
        drop: flags.drop,
        olderThanMs: flags.olderThanMs,
        onProgress: flags.onProgress,
      });
    },
  };
}

/**
 * For a run that sends (not a dry-run or a plan): every enabled channel must be buildable before
 * the command starts, so a missing variable or a bad setting is a config error (exit 2) naming the
 * channel and the variable, before anything is done — not a silent gap when the first message goes out.
 */
export function checkChannelsBeforeSending(config: LoadedConfig, dryRun: boolean): void {
  if (!dryRun) checkNotificationChannels(config);
}
