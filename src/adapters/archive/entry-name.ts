import { hasRawBytes } from '../../domain/backup/raw-name.js';

/**
 * Entry names are the first line of defence of extraction. Everywhere a name must be a plain
 * relative path ("/"-separated, no empty, "." or ".." segment, no NUL), so it stays inside the
 * directory it is extracted into. Beyond that, any name Linux allows is accepted (colons, "?*|",
 * control characters, non-UTF-8 bytes); a name the platform doing the restore cannot hold is
 * refused there, with the reason, rather than restored under another name.
 */
export class UnsafeEntryError extends Error {}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Returns the name's segments, or throws saying why the name is refused. */
export function checkEntryName(name: string, platform: NodeJS.Platform = process.platform): string[] {
  if (name.length === 0) throw new UnsafeEntryError('an entry has an empty name');
  if (name.includes('\0'))
    throw new UnsafeEntryError(`entry "${printable(name)}" has a NUL byte in its name`);
  if (name.startsWith('/')) throw new UnsafeEntryError(`entry "${printable(name)}" has an absolute path`);
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const segments = trimmed.split('/');
  for (const segment of segments) {
    if (segment === '..')
      throw new UnsafeEntryError(`entry "${printable(name)}" climbs out of the target with ".."`);
    if (segment === '' || segment === '.')
      throw new UnsafeEntryError(`entry "${printable(name)}" has an empty or "." path segment`);
  }
  const reason = platformProblem(segments, platform);
  if (reason)
    throw new UnsafeEntryError(
      `entry "${printable(name)}" cannot be restored on ${platformName(platform)}: ${reason}`,
    );
  return segments;
}

function platformProblem(segments: string[], platform: NodeJS.Platform): string | null {
  if (platform === 'win32') {
    for (const segment of segments) {
      if (segment.includes('\\')) return '"\\" is a path separator there';
      if (/^[a-zA-Z]:/.test(segment) || segment.includes(':'))
        return '":" is reserved (drive letters, streams)';
      // eslint-disable-next-line no-control-regex
      if (/[\x00-\x1f]/.test(segment)) return 'control characters are not allowed in names';
      if (/[<>"|?*]/.test(segment)) return 'one of < > " | ? * is not allowed in names';
      if (WINDOWS_RESERVED.test(segment)) return `"${segment}" is a reserved device name`;
      if (/[. ]$/.test(segment)) return 'a name cannot end with "." or a space';
      if (hasRawBytes(segment)) return 'the name is not valid UTF-8';
    }
  }
  if (platform === 'darwin') {
    if (segments.some(hasRawBytes)) return 'the name is not valid UTF-8, which APFS refuses';
  }
  return null;
}

function platformName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'Windows' : platform === 'darwin' ? 'macOS' : platform;
}

/**
 * Key for duplicate detection. Linux file systems tell every byte string apart, so there two
 * names are duplicates only when equal; Windows and macOS fold case (and macOS Unicode
 * normalization), so there `README` and `readme`, or NFC and NFD `café`, would land on one file.
 */
export function duplicateKey(name: string, platform: NodeJS.Platform = process.platform): string {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  if (platform === 'win32' || platform === 'darwin') return trimmed.normalize('NFC').toLowerCase();
  return trimmed;
}

export function printable(name: string): string {
  return JSON.stringify(name).slice(1, -1).slice(0, 200);
}
