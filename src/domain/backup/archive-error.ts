/** Why an archive is refused; `kind` lets callers and tests tell the cases apart. */
export type ArchiveProblem =
  | 'not-zip'
  | 'corrupt'
  | 'unsafe-name'
  | 'duplicate'
  | 'size-mismatch'
  | 'checksum'
  | 'unsupported'
  | 'changed';

export class ArchiveError extends Error {
  constructor(
    readonly kind: ArchiveProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}
