import { existsSync, readFileSync, realpathSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * Where a restore stages each path. Real hosts put the database on its own volume, or mount a
 * config share: a rename cannot cross file systems (EXDEV), and a mount point cannot be renamed
 * at all (EBUSY). So each restored path is staged beside itself, on its own file system —
 * `<parent>/.dhash-restore-<txid>/` — and swapped by renames within that one device. A path that
 * is itself a mount point is swapped by its contents instead: its entries are staged inside it
 * and renamed one by one. A path holding a separate mount further down cannot be replaced whole
 * without moving or deleting that mount, so it is refused with a clear message.
 */
export const STAGE_PREFIX = '.dhash-restore-';

export interface LayoutItem {
  /** The archived name it comes from ("current", "shared/config", the database file). */
  archived: string;
  /** The live path under the root ("/"-separated); for the release, releases/<id> once chosen. */
  live: string;
  /** "whole": renamed as one; "contents": a mount point, its entries renamed one by one. */
  kind: 'whole' | 'contents';
  /** The staging directory (removed when the restore is done). */
  stageDir: string;
  /** Where the archived content is extracted. */
  staged: string;
  /** Where the live content is moved aside. */
  old: string;
  /** The file system it is on: the mount point and device number. */
  mount: string;
  device: number;
  /** Bytes of file content staged there. */
  bytes: number;
  entries: number;
}

export class LayoutError extends Error {}

/** Mount points of this host (Linux: /proc/self/mountinfo; elsewhere none are known). */
export function mountPoints(): string[] {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) =>
        line.split(' ')[4].replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))),
      );
  } catch {
    return [];
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The nearest existing directory at or above `path`. */
function existingAncestor(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

function mountOf(path: string, mounts: string[]): string {
  const r = real(existingAncestor(path));
  let best = '/';
  for (const m of mounts)
    if ((r === m || r.startsWith(m === '/' ? '/' : m + sep)) && m.length > best.length) best = m;
  return best;
}

export function isMountPoint(path: string, mounts: string[]): boolean {
  if (!existsSync(path)) return false;
  const r = real(path);
  if (mounts.includes(r)) return true;
  try {
    return statSync(path).dev !== statSync(dirname(path)).dev;
  } catch {
    return false;
  }
}

export interface LayoutRequest {
  root: string;
  txid: string;
  /** Archived name → live name under the root; "whole" or by contents decided here. */
  items: Array<{ archived: string; live: string; bytes: number; entries: number; isDir: boolean }>;
}

export function planLayout(request: LayoutRequest, mounts: string[] = mountPoints()): LayoutItem[] {
  const { root, txid } = request;
  const out: LayoutItem[] = [];
  for (const item of request.items) {
    const live = join(root, ...item.live.split('/'));
    const contents = item.isDir && isMountPoint(live, mounts);
    if (item.isDir && existsSync(live)) {
      const top = real(live);
      const nested = mounts.filter((m) => m.startsWith(top + sep));
      if (nested.length > 0)
        throw new LayoutError(
          `"${item.live}" holds a separate file system mounted at ${nested.join(', ')}; it cannot be replaced whole without moving that mount: list the paths on each file system separately in backup.paths`,
        );
    }
    const stageDir = contents
      ? join(live, `${STAGE_PREFIX}${txid}`)
      : join(dirname(live), `${STAGE_PREFIX}${txid}`);
    const name = basename(live);
    const mount = mountOf(contents ? live : dirname(live), mounts);
    let device = -1;
    try {
      device = statSync(existingAncestor(contents ? live : dirname(live))).dev;
    } catch {
      /* unknown */
    }
    out.push({
      archived: item.archived,
      live: item.live,
      kind: contents ? 'contents' : 'whole',
      stageDir,
      staged: contents ? join(stageDir, 'new') : join(stageDir, 'new', name),
      old: contents ? join(stageDir, 'old') : join(stageDir, 'old', name),
      mount,
      device,
      bytes: item.bytes,
      entries: item.entries,
    });
  }
  return out;
}

/** Per file system: what staging needs against what is free; one line per shortfall. */
export function freeSpaceProblems(items: LayoutItem[]): string[] {
  const byDevice = new Map<number, { mount: string; need: number; probe: string }>();
  for (const item of items) {
    const need = item.bytes + item.entries * 4096;
    const seen = byDevice.get(item.device);
    if (seen) seen.need += need;
    else
      byDevice.set(item.device, { mount: item.mount, need, probe: existingAncestor(dirname(item.stageDir)) });
  }
  const problems: string[] = [];
  for (const { mount, need, probe } of byDevice.values()) {
    let free: number;
    try {
      const s = statfsSync(probe);
      free = s.bavail * s.bsize;
    } catch {
      continue;
    }
    if (free < need)
      problems.push(
        `not enough free space on ${mount} to stage the restore: it needs ${(need / 1e6).toFixed(1)} MB, ${(free / 1e6).toFixed(1)} MB are free`,
      );
  }
  return problems;
}

export function describeLayout(items: LayoutItem[]): string[] {
  return items.map(
    (i) =>
      `${i.live}: ${i.kind === 'contents' ? 'a mount point, swapped entry by entry' : 'swapped whole by rename'} on ${i.mount} (device ${i.device}), staged in ${i.stageDir}`,
  );
}
