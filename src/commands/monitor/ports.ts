import { messageOf } from '../../runtime/errors.js';
import type { PortSlot } from './types.js';

/**
 * Builds a port with a factory that may not be available in this build (or may fail for a bad
 * setting): the monitor still watches and says plainly what it cannot do.
 */
export function tryPort<T>(factory: () => T): PortSlot<T> {
  try {
    return { port: factory() };
  } catch (error) {
    return { port: null, unavailable: messageOf(error) };
  }
}
