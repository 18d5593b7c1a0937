import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Optional signing of backups. The `.sha256` sidecar only proves a file is intact: anyone who can
 * write to the backups folder can make an archive and its sidecar. With a secret key (from the
 * environment, never the config file), each backup also gets `<zip>.sig`, an HMAC-SHA256 of its
 * SHA-256, and a restore with the key refuses an archive without a valid one.
 */
export const SIGNATURE_SUFFIX = '.sig';
const PREFIX = 'hmac-sha256 ';

function mac(key: Buffer, archiveSha256: string): Buffer {
  return createHmac('sha256', key).update(`dhash-backup/1\n${archiveSha256}\n`).digest();
}

export function signatureLine(key: Buffer, archiveSha256: string): string {
  return `${PREFIX}${mac(key, archiveSha256).toString('hex')}\n`;
}

/** True when `text` is a valid signature of an archive with this SHA-256 under `key`. */
export function signatureMatches(key: Buffer, archiveSha256: string, text: string): boolean {
  const line = text.split('\n')[0] ?? '';
  if (!line.startsWith(PREFIX) || !/^[0-9a-f]{64}$/.test(line.slice(PREFIX.length))) return false;
  return timingSafeEqual(Buffer.from(line.slice(PREFIX.length), 'hex'), mac(key, archiveSha256));
}
