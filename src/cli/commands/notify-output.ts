import type { ReplayReport } from '../../adapters/notify/replay.js';
import type { NotifyResult } from '../../commands/notify.js';
import { print, type CliIo } from '../io.js';

/** Human output of notify and deploy-notify; everything here has already been redacted. */
export function printNotifyResult(io: CliIo, result: NotifyResult, logPath: string): void {
  for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
  const m = result.message;
  if (result.dryRun) {
    print(
      io,
      `dry-run: would send "${m.title}" [${m.level}, ${m.event}] to ${result.channels.length ? result.channels.join(', ') : 'no channel'} (dedup key ${result.dedupKey}); nothing sent`,
    );
    for (const r of result.rendered) {
      print(io, `\n--- ${r.channel} → ${r.target}`);
      print(
        io,
        r.payload === null
          ? '(nothing: this channel does not send this event)'
          : JSON.stringify(r.payload, null, 2),
      );
    }
    return;
  }
  const report = result.report;
  print(io, `"${m.title}" [${m.level}, ${m.event}] to ${m.environment} (dedup key ${result.dedupKey}):`);
  for (const d of report.deliveries) {
    const tries = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
    if (d.delivered) print(io, `  ✔ ${d.channel.padEnd(8)} ${d.target ?? ''} delivered (${tries})`);
    else
      print(
        io,
        `  ✘ ${d.channel.padEnd(8)} ${d.target ?? ''} NOT delivered (${tries}): ${d.error}${d.fellBack ? ' → kept in the fallback file' : ' → the fallback file could not be written either: printed whole on stderr'}`,
      );
  }
  if (report.fallbackPath)
    print(
      io,
      `Undelivered messages are in ${report.fallbackPath}; send them later with: dhash-rollout notify --replay`,
    );
  print(io, `log: ${logPath}`);
}

export function printReplayReport(io: CliIo, report: ReplayReport): void {
  for (const n of report.unreadable)
    io.stderr.write(`warning: ${report.fallbackPath} line ${n} is not a fallback record; left alone\n`);
  if (report.lines.length === 0) {
    print(
      io,
      `Nothing to replay: every line of ${report.fallbackPath} has been delivered (or the file is empty).`,
    );
    return;
  }
  for (const l of report.lines) {
    const mark = { delivered: '✔', skipped_duplicate: '↷', dropped: '⌫', failed: '✘' }[l.status];
    const what = {
      delivered: `delivered (${l.attempts} attempt${l.attempts === 1 ? '' : 's'})`,
      skipped_duplicate: 'skipped: the same message was already delivered',
      dropped: `given up on: ${l.reason ?? 'dropped'}`,
      failed: `still undelivered: ${l.error}`,
    }[l.status];
    print(io, `  ${mark} ${l.channel.padEnd(8)} ${l.dedup_key} (recorded ${l.recorded_at}): ${what}`);
  }
  const delivered = report.lines.filter((l) => l.status === 'delivered').length;
  const skipped = report.lines.filter((l) => l.status === 'skipped_duplicate').length;
  print(
    io,
    `${delivered} delivered, ${skipped} skipped as duplicates, ${report.dropped} dropped, ${report.pending} still pending. Outcomes recorded in ${report.ledgerPath}.`,
  );
  if (report.deadlineReached)
    io.stderr.write(
      'warning: the replay deadline was reached; the lines not tried stay pending for the next replay\n',
    );
  if (report.unrecorded > 0)
    io.stderr.write(
      `warning: ${report.unrecorded} outcome(s) could not be written to ${report.ledgerPath}; a later replay will send them again (receivers drop repeats by dedup key)\n`,
    );
}
