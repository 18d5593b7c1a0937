/**
 * Entry names are the first line of defence of extraction: a name is accepted only when it is a
 * plain relative path that stays inside the directory it is extracted into on every OS.
 */
export class UnsafeEntryError extends Error {}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Returns the name's segments, or throws saying why the name is refused. */
export function checkEntryName(name: string): string[] {
  if (name.length === 0) throw new UnsafeEntryError('an entry has an empty name');
  if (name.includes('\0'))
    throw new UnsafeEntryError(`entry "${printable(name)}" has a NUL byte in its name`);
  if (name.includes('\\'))
    throw new UnsafeEntryError(
      `entry "${printable(name)}" uses "\\" (zip names use "/"; on Windows it would be a path separator)`,
    );
  if (name.startsWith('/')) throw new UnsafeEntryError(`entry "${printable(name)}" has an absolute path`);
  if (/^[a-zA-Z]:/.test(name))
    throw new UnsafeEntryError(`entry "${printable(name)}" has a drive-letter path`);
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const segments = trimmed.split('/');
  for (const segment of segments) {
    if (segment === '..')
      throw new UnsafeEntryError(`entry "${printable(name)}" climbs out of the target with ".."`);
    if (segment === '' || segment === '.')
      throw new UnsafeEntryError(`entry "${printable(name)}" has an empty or "." path segment`);
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f]/.test(segment))
      throw new UnsafeEntryError(`entry "${printable(name)}" has control characters in its name`);
    if (WINDOWS_RESERVED.test(segment) || /[<>:"|?*]/.test(segment) || /[. ]$/.test(segment)) {
      throw new UnsafeEntryError(`entry "${printable(name)}" is not a valid file name on Windows`);
    }
  }
  return segments;
}

/** Key for duplicate detection: case-folded, because Windows and macOS file systems fold case. */
export function duplicateKey(name: string): string {
  return (name.endsWith('/') ? name.slice(0, -1) : name).normalize('NFC').toLowerCase();
}

/**
 * True when a symlink at `linkName` with `target` resolves inside the extraction root. Only
 * relative targets are accepted; the check is lexical, and links are created after every file
 * is written, so no write ever goes through a link.
 */
export function linkStaysInside(linkName: string, target: string): boolean {
  if (target.length === 0 || target.includes('\0') || target.includes('\\')) return false;
  if (target.startsWith('/') || /^[a-zA-Z]:/.test(target)) return false;
  const parts = linkName.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return false;
      parts.pop();
    } else parts.push(segment);
  }
  return true;
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\x00-\x1f]/g, '?').slice(0, 200);
}
