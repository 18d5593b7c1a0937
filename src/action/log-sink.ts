import type { LogRecord, LogSink } from '../runtime/logger.js';
import type { ActionCore } from './core.js';

/** Log records into the run log; WARN and above also become annotations with the given title. */
export class ActionLogSink implements LogSink {
  constructor(
    private readonly core: ActionCore,
    private readonly title: string,
  ) {}
  write(record: LogRecord): void {
    if (record.level === 'ERROR' || record.level === 'CRITICAL')
      this.core.error(record.message, { title: this.title });
    else if (record.level === 'WARN') this.core.warning(record.message, { title: this.title });
    else if (record.level === 'INFO') this.core.info(record.message);
    else this.core.debug(record.message);
  }
}
