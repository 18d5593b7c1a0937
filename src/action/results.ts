/**
 * The one vocabulary of the `result` output, shared by every command of the action, every
 * sub-action and every reusable workflow, and documented in docs/github.md (Results), which a
 * test keeps equal to this table. Each value says which commands produce it.
 */
export const RESULTS = {
  valid: ['validate', 'the configuration of the environment is valid'],
  planned: ['every command with dry-run: true, dry-run', 'the plan is complete; nothing was changed or sent'],
  incomplete: ['dry-run', 'some step could not be planned (it says which)'],
  passed: ['rollout, monitor, rehearse, smoke', 'every gate, stage or check passed'],
  warned: ['smoke', 'only non-critical checks failed'],
  alerted: ['rollout, monitor', 'alert-only gates were breached; nothing was rolled back'],
  rolled_back: [
    'rollout, monitor, deploy',
    'a gate or step failed and the service is back on what ran before, validated',
  ],
  rollback_failed: ['rollout, monitor, deploy', 'a gate or step failed and the rollback did NOT complete'],
  interrupted: ['monitor', 'the window was stopped by a signal; evidence kept, no rollback started'],
  preempted: ['monitor', 'a manual rollback of the environment took over the window'],
  failed: ['dry-run, rehearse, smoke, rollback', 'the command ran and did not succeed'],
  deployed: ['deploy', 'the release is live and healthy'],
  created: ['backup', 'a verified backup archive and its checksum were written'],
  migrated: ['migrate', 'the migrations ran'],
  restored: ['rollback', 'the backup was restored (and validated unless skipped)'],
  delivered: ['notify, notify-replay, deploy-notify', 'every channel took the message'],
  fallback: [
    'notify, notify-replay, deploy-notify',
    'some channel did not; the message is in the fallback file',
  ],
  ok: ['validate-logging', 'the logs are well-formed'],
  warnings: ['validate-logging', 'the logs have warnings'],
  errors: ['validate-logging', 'the logs have errors'],
  uploaded: ['bundle', 'the bundle was uploaded as an artifact'],
  staged: ['bundle', 'the bundle was staged, not uploaded (upload: false)'],
  approved: ['review-check', 'the approval rule is met'],
  pending: ['review-check', 'approvals are missing (it says which)'],
  ready: ['premerge-report, premerge.yml', 'every leg and job passed'],
  not_ready: ['premerge-report', 'a leg or job did not pass'],
  in_progress: ['deployment-status', 'the deployment state that was set'],
  queued: ['deployment-status', 'the deployment state that was set'],
  success: ['deployment-status', 'the deployment state that was set'],
  failure: ['deployment-status', 'the deployment state that was set'],
  inactive: ['deployment-status', 'the deployment state that was set'],
  none: ['deployment-status', 'inactive: no live deployment was found'],
  error: [
    'every command',
    'the command could not run: see exit-code (2 input/config, 3 internal, 4 refused)',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type ResultValue = keyof typeof RESULTS;

export function markdownResultsTable(): string {
  return [
    '| result | from | meaning |',
    '| --- | --- | --- |',
    ...Object.entries(RESULTS).map(([value, [from, meaning]]) => `| \`${value}\` | ${from} | ${meaning} |`),
  ].join('\n');
}
