import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  LineChecker,
  type LineContract,
  type LinesSummary,
} from '../../domain/log-validation/line-checker.js';

/**
 * Streams a file through the LineChecker (read-only: the file is opened for reading only, so the
 * fallback file's bytes cannot change). Memory stays flat however large the log is.
 */
export async function checkFileLines(
  path: string,
  displayName: string,
  contract: LineContract,
  containsSecret: (text: string) => boolean,
): Promise<LinesSummary> {
  const checker = new LineChecker(displayName, contract, containsSecret);
  const input = createReadStream(path, { encoding: 'utf8', flags: 'r' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) checker.addLine(line);
  return checker.finish(await endsWithNewline(path));
}

async function endsWithNewline(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
