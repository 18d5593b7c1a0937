import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../runtime/atomic-file.js';

/**
 * `<root>/deploy-history.json`: which release was made live when. It is how the `local` target
 * knows the previous release, since directory times say nothing about what was live. A release
 * that was abandoned (its deploy failed, or it was rolled back) is marked, so a later code-only
 * rollback never goes back to it.
 */
export interface Activation {
  release: string;
  at: string;
  deployment_id?: string;
  /** How it became live: a deploy, the undo of a failed deploy, or a code-only rollback. */
  via: 'deploy' | 'revert' | 'rollback';
  abandoned?: boolean;
}

export const HISTORY_FILE = 'deploy-history.json';

export function readHistory(root: string): Activation[] {
  try {
    const parsed = JSON.parse(readFileSync(join(root, HISTORY_FILE), 'utf8')) as {
      activations?: Activation[];
    };
    return Array.isArray(parsed.activations) ? parsed.activations : [];
  } catch {
    return [];
  }
}

function writeHistory(root: string, activations: Activation[]): void {
  // Bounded: a long-lived host must not grow this file forever.
  const kept = activations.slice(-200);
  writeFileAtomic(
    join(root, HISTORY_FILE),
    Buffer.from(`${JSON.stringify({ activations: kept }, null, 2)}\n`),
  );
}

export function recordActivation(root: string, activation: Activation, abandon?: string): void {
  const activations = readHistory(root).map((a) =>
    abandon !== undefined && a.release === abandon ? { ...a, abandoned: true } : a,
  );
  activations.push(activation);
  writeHistory(root, activations);
}

/** The most recent release, other than `current`, that was live and not abandoned and still exists. */
export function previousFromHistory(
  activations: Activation[],
  current: string | null,
  exists: (id: string) => boolean,
): string | null {
  for (let i = activations.length - 1; i >= 0; i--) {
    const a = activations[i];
    if (a.release === current || a.abandoned) continue;
    if (exists(a.release)) return a.release;
  }
  return null;
}

/** Release ids ordered most recently live first; ids never activated come last. */
export function recencyOrder(activations: Activation[], ids: string[]): string[] {
  const last = new Map<string, number>();
  activations.forEach((a, i) => last.set(a.release, i));
  return [...ids].sort((a, b) => (last.get(b) ?? -1) - (last.get(a) ?? -1));
}
