import type { Clock } from '../../runtime/clock.js';

/** An AbortSignal that fires after `ms` on the injected clock (so virtual time can expire it). */
export function clockTimeout(
  clock: Clock,
  ms: number,
  parent?: AbortSignal,
  reason = `timed out after ${ms} ms`,
): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  const stop = new AbortController();
  clock.sleep(ms, stop.signal).then(
    () => {
      controller.abort(new Error(reason));
    },
    () => undefined,
  );
  const onParent = (): void => {
    controller.abort(parent?.reason);
  };
  parent?.addEventListener('abort', onParent, { once: true });
  return {
    signal: controller.signal,
    cancel: () => {
      stop.abort();
      parent?.removeEventListener('abort', onParent);
    },
  };
}
