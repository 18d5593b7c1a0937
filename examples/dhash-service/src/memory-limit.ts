import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';

/**
 * The memory the service may use: the configured limit, else the cgroup's (v2 memory.max, then
 * v1 memory.limit_in_bytes; "max" or the v1 "no limit" sentinel mean none), else total memory.
 */
export type MemoryLimitSource = 'configured' | 'cgroup' | 'total_memory';

function readCgroupLimit(read: (path: string) => string): number | null {
  for (const path of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    let text: string;
    try {
      text = read(path).trim();
    } catch {
      continue;
    }
    if (text === 'max') return null;
    const value = Number(text);
    // cgroup v1 reports "unlimited" as a huge page-aligned number near 2^63.
    if (Number.isFinite(value) && value > 0 && value < 2 ** 60) return value;
    return null;
  }
  return null;
}

export function memoryLimit(
  configured: number | undefined,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  total: number = totalmem(),
): { bytes: number; source: MemoryLimitSource } {
  if (configured !== undefined) return { bytes: configured, source: 'configured' };
  const cgroup = readCgroupLimit(read);
  if (cgroup !== null && cgroup < total) return { bytes: cgroup, source: 'cgroup' };
  return { bytes: total, source: 'total_memory' };
}
