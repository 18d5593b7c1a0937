/**
 * What can go wrong while the files of a backup are read, as the use-cases see it: they turn
 * these into one-line operator messages, whichever archive code raised them.
 */

/** A configured path cannot be archived as it is (unreadable, nested too deep, a name no archive holds). */
export class SourceTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceTreeError';
  }
}

/** A file changed size or content while it was being archived; the archive would not match it. */
export class FileChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileChangedError';
  }
}
