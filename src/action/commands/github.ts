import type { ActionCommand } from '../context.js';
import { bundleAction } from './bundle.js';
import { deploymentStatusAction } from './deployment-status.js';
import { dryRunAction } from './dry-run.js';
import { premergeReportAction } from './premerge-report.js';
import { rehearseAction } from './rehearse.js';
import { reviewCheckAction } from './review-check.js';

/** The GitHub-integration commands (issue 8), registered in run.ts as one entry. */
export const GITHUB_COMMANDS: Record<string, ActionCommand> = {
  'dry-run': dryRunAction,
  'review-check': reviewCheckAction,
  'deployment-status': deploymentStatusAction,
  bundle: bundleAction,
  'premerge-report': premergeReportAction,
  rehearse: rehearseAction,
};
