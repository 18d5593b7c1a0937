/**
 * Where a symbolic link really leads, step by step, the way the kernel walks a path: every
 * component is looked up, and a component that is itself a link is replaced by its target
 * (relative to the directory it sits in, or from the top for an absolute target). A lexical check
 * ("a/b/../.." stays inside") is not enough: with `x -> ..`, "x/.." is the parent of the parent.
 * The walk is refused the moment any step leaves the tree. Pure: the caller says what each path
 * is (the archive's entries, the staged files on disk, the live target), so the same walk serves
 * `backup verify` and the restore's checks on the real file system.
 */
export type PathKind =
  { kind: 'link'; target: string } | { kind: 'dir' } | { kind: 'file' } | { kind: 'missing' };

/** Looks up a path relative to the tree's top ("/"-separated, "" is the top itself). */
export type PathLookup = (relative: string) => PathKind;

export type LinkResolution = { ok: true; resolved: string } | { ok: false; reason: string };

/** Links followed in one walk before giving up (Linux's limit is 40). */
export const MAX_LINK_HOPS = 40;

/**
 * Resolves the link at `linkPath` (relative to the top). `absoluteTop` is where the top is on
 * this host: an absolute target is inside only when it starts there.
 */
export function resolveLink(
  linkPath: string,
  target: string,
  lookup: PathLookup,
  absoluteTop: string | null,
): LinkResolution {
  const stack = linkPath.split('/').slice(0, -1);
  const pending: string[] = [];
  let hops = 0;
  const enter = (linkTarget: string, at: string): LinkResolution | null => {
    if (linkTarget.length === 0) return { ok: false, reason: `${at} has an empty target` };
    if (linkTarget.includes('\0')) return { ok: false, reason: `${at} has a NUL byte in its target` };
    let text = linkTarget;
    if (text.startsWith('/')) {
      const top = absoluteTop?.replace(/\/+$/, '');
      if (!top || (text !== top && !text.startsWith(`${top}/`)))
        return { ok: false, reason: `${at} points to ${linkTarget}, outside the target` };
      text = text.slice(top.length);
      stack.length = 0;
    }
    pending.unshift(...text.split('/'));
    return null;
  };
  const first = enter(target, `"${linkPath}"`);
  if (first) return first;
  // Every component is looked up, even below one that does not exist: "missing/../x" must not
  // pass if "x" is a link out, since "missing" may be created later.
  while (pending.length > 0) {
    const part = pending.shift() ?? '';
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (stack.length === 0)
        return { ok: false, reason: `"${linkPath}" -> ${target} leaves the target (".." above its top)` };
      stack.pop();
      continue;
    }
    stack.push(part);
    const here = stack.join('/');
    const found = lookup(here);
    if (found.kind === 'link') {
      if (++hops > MAX_LINK_HOPS)
        return { ok: false, reason: `"${linkPath}" passes more than ${MAX_LINK_HOPS} links (a loop?)` };
      stack.pop();
      const refused = enter(found.target, `"${linkPath}" (through "${here}")`);
      if (refused) return refused;
    }
  }
  return { ok: true, resolved: stack.join('/') };
}
