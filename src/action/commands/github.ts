import type { ActionCommand } from '../context.js';

/**
 * The GitHub-integration commands (issue 8), registered in run.ts as one entry. Each module is
 * imported only when its command runs (they carry the GitHub and artifact clients).
 */
export const GITHUB_COMMANDS: Record<string, () => Promise<ActionCommand>> = {
  'dry-run': async () => (await import('./dry-run.js')).dryRunAction,
  'review-check': async () => (await import('./review-check.js')).reviewCheckAction,
  'deployment-status': async () => (await import('./deployment-status.js')).deploymentStatusAction,
  bundle: async () => (await import('./bundle.js')).bundleAction,
  'premerge-report': async () => (await import('./premerge-report.js')).premergeReportAction,
  rehearse: async () => (await import('./rehearse.js')).rehearseAction,
};
