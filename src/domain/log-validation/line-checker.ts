import type { Finding } from './findings.js';
import { fallbackEntryProblems, logRecordProblems, replayRecordProblems } from './log-record.js';

const CONTRACTS: Record<LineContract, (text: string) => { errors: string[]; warnings: string[] }> = {
  log: (text) => ({ errors: logRecordProblems(text), warnings: [] }),
  fallback: fallbackEntryProblems,
  replay_ledger: replayRecordProblems,
};

export type LineContract = 'log' | 'fallback' | 'replay_ledger';

export interface LinesSummary {
  lines: number;
  validLines: number;
  invalidLines: number;
  findings: Finding[];
}

/** Listing every bad line of a million-line file helps nobody; the count is kept exact. */
export const MAX_LINE_FINDINGS_PER_FILE = 20;

/**
 * Checks a file line by line as it streams past (no I/O here): feed each line without its newline,
 * then `finish` with whether the file ended in a newline. A last line without one that does not
 * parse is a torn write; one that parses is only missing its newline.
 */
export class LineChecker {
  private lines = 0;
  private valid = 0;
  private invalid = 0;
  private blank = 0;
  private readonly findings: Finding[] = [];
  private last: { text: string; lineNo: number } | null = null;

  private secretLines = 0;

  /** `containsSecret` tells whether a line carries a secret the redactor should have masked. */
  constructor(
    private readonly file: string,
    private readonly contract: LineContract,
    private readonly containsSecret: (text: string) => boolean = () => false,
  ) {}

  addLine(text: string): void {
    if (this.last) this.judge(this.last.text, this.last.lineNo, false);
    this.lines += 1;
    this.last = { text: text.endsWith('\r') ? text.slice(0, -1) : text, lineNo: this.lines };
  }

  finish(endsWithNewline: boolean): LinesSummary {
    if (this.last) this.judge(this.last.text, this.last.lineNo, !endsWithNewline);
    this.last = null;
    const findings = [...this.findings];
    const listed = findings.filter((f) => f.line !== undefined && f.severity === 'error').length;
    if (this.invalid > listed) {
      findings.push({
        severity: 'info',
        check: this.check,
        file: this.file,
        message: `${this.invalid - listed} more invalid lines not listed`,
      });
    }
    if (this.secretLines > 0) {
      findings.push({
        severity: 'error',
        check: 'secrets',
        file: this.file,
        message: `${this.secretLines} line${this.secretLines === 1 ? '' : 's'} contain an unredacted secret (webhook URL, password or database URL); first at line ${this.firstSecretLine}`,
      });
    }
    if (this.blank > 0) {
      findings.push({
        severity: 'warning',
        check: this.check,
        file: this.file,
        message: `${this.blank} blank line${this.blank === 1 ? '' : 's'}`,
      });
    }
    return { lines: this.lines, validLines: this.valid, invalidLines: this.invalid, findings };
  }

  private get check(): string {
    return this.contract === 'log' ? 'json_lines' : 'fallback';
  }

  private firstSecretLine = 0;

  private judge(text: string, lineNo: number, unterminatedLast: boolean): void {
    if (text.trim() !== '' && this.containsSecret(text)) {
      // Never quote the line: the finding would leak what it reports.
      this.secretLines += 1;
      if (this.firstSecretLine === 0) this.firstSecretLine = lineNo;
    }
    if (text.trim() === '') {
      // A trailing split artefact is not a line; a blank line between records is sloppy, not corrupt.
      if (!unterminatedLast) this.blank += 1;
      else this.lines -= 1;
      return;
    }
    const { errors, warnings } = CONTRACTS[this.contract](text);
    if (errors.length === 0) {
      this.valid += 1;
      if (unterminatedLast)
        this.note('warning', lineNo, 'last line has no trailing newline (a write may be in progress)');
      if (warnings.length > 0) this.note('warning', lineNo, warnings.join('; '));
      return;
    }
    this.invalid += 1;
    const torn = unterminatedLast ? 'torn last line (incomplete write): ' : '';
    if (this.findings.filter((f) => f.severity === 'error').length < MAX_LINE_FINDINGS_PER_FILE) {
      this.note('error', lineNo, `${torn}${errors.join('; ')}`);
    }
  }

  private note(severity: Finding['severity'], line: number, message: string): void {
    if (
      severity === 'warning' &&
      this.findings.filter((f) => f.severity === 'warning').length >= MAX_LINE_FINDINGS_PER_FILE
    )
      return;
    this.findings.push({ severity, check: this.check, file: this.file, line, message });
  }
}
