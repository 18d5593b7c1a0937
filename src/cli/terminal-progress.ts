import type { Clock } from '../runtime/clock.js';
import { LOG_LEVELS, type LogLevel, type LogRecord, type LogSink } from '../runtime/logger.js';
import type { StepEvent, StepProgress, WaitHandle } from '../runtime/step-progress.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const MARKS: Record<StepEvent['status'], string> = { started: '…', done: '✔', failed: '✘', skipped: '-' };

/**
 * Deploy and migrate on a terminal, in the style of `rollout`: one line per finished step with
 * its time, and one redrawn spinner line (elapsed seconds, latest news) while a step or a wait is
 * running. Warnings and errors from the log come through `sink`, printed above the spinner.
 * Only for a TTY: in CI the log's lines are printed as they are.
 */
export class TerminalProgress implements StepProgress {
  private readonly running = new Map<string, number>();
  private waiting: { label: string; detail: string; since: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private frame = 0;
  private drawn = false;

  constructor(
    private readonly command: string,
    private readonly stream: NodeJS.WritableStream,
    private readonly clock: Clock,
    private readonly minLevel: LogLevel = 'WARN',
  ) {}

  /**
   * Log records at `minLevel` and above, printed as plain lines above the spinner; records of a
   * step (they carry a `step` field) are already shown by the step lines.
   */
  readonly sink: LogSink = {
    write: (record: LogRecord) => {
      if (LOG_LEVELS.indexOf(record.level) < LOG_LEVELS.indexOf(this.minLevel)) return;
      if (record.step !== undefined && this.minLevel !== 'DEBUG') return;
      const mark =
        record.level === 'WARN' ? '⚠' : record.level === 'DEBUG' || record.level === 'INFO' ? ' ' : '✘';
      this.printLine(`${this.time()} ${mark} ${record.message}`);
    },
  };

  step(event: StepEvent): void {
    if (event.status === 'started') {
      this.running.set(event.step, this.clock.now());
      this.animate();
      return;
    }
    const since = this.running.get(event.step);
    this.running.delete(event.step);
    if (!this.running.size && !this.waiting) this.stopAnimation();
    const took = since === undefined ? '' : ` (${seconds(this.clock.now() - since)})`;
    const detail = event.detail ? ` ${event.detail}` : '';
    this.printLine(`${this.time()} ${MARKS[event.status]} ${this.command} ${event.step}:${detail}${took}`);
  }

  wait(label: string): WaitHandle {
    const entry = { label, detail: '', since: this.clock.now() };
    this.waiting = entry;
    this.animate();
    return {
      update: (detail) => {
        entry.detail = detail;
      },
      end: () => {
        if (this.waiting === entry) this.waiting = null;
        this.clear();
        if (!this.running.size && !this.waiting) this.stopAnimation();
      },
    };
  }

  /** Removes the spinner line for good (before the final summary is printed). */
  close(): void {
    this.stopAnimation();
  }

  private animate(): void {
    if (!this.timer) {
      this.timer = setInterval(() => {
        this.draw();
      }, 100);
      this.timer.unref();
    }
    this.draw();
  }

  private stopAnimation(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }

  private draw(): void {
    const spinner = FRAMES[this.frame++ % FRAMES.length];
    const now = this.clock.now();
    let text: string;
    if (this.waiting) {
      const news = this.waiting.detail ? ` · ${this.waiting.detail}` : '';
      text = `${spinner} ${this.waiting.label} · ${seconds(now - this.waiting.since)}${news}`;
    } else {
      const [step, since] = [...this.running.entries()].at(-1) ?? ['', now];
      text = `${spinner} ${this.command} ${step} · ${seconds(now - since)}`;
    }
    const width = (this.stream as { columns?: number }).columns ?? 120;
    this.stream.write(`\r\x1b[2K${text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text}`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  private printLine(text: string): void {
    this.clear();
    this.stream.write(`${text}\n`);
    if (this.timer) this.draw();
  }

  private time(): string {
    return new Date(this.clock.now()).toISOString().slice(11, 19);
  }
}

/**
 * One status line redrawn in place (monitor and rollout on a terminal); `end` moves below it, if
 * anything was drawn, so the next line does not overwrite it.
 */
export class RedrawnLine {
  private drawn = false;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  draw(text: string): void {
    this.stream.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }

  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}
