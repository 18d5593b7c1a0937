import { UsageError } from '../runtime/errors.js';
import {
  evaluateApprovals,
  type ApprovalVerdict,
  type OpsApprovers,
  type Review,
} from '../domain/reviews/approvals.js';

/** What the review check needs from GitHub; GitHubReviews implements it. */
export interface ReviewSource {
  pullRequest(number: number): Promise<{ number: number; author: string | null; headSha: string }>;
  reviews(number: number): Promise<Review[]>;
  isTeamMember(org: string, slug: string, login: string): Promise<boolean>;
  assertTeamVisible(org: string, slug: string): Promise<void>;
}

export interface ReviewCheckOptions {
  pullNumber: number;
  requiredApprovals: number;
  opsApprovers: OpsApprovers;
}

export interface ReviewCheckResult extends ApprovalVerdict {
  pullNumber: number;
  headSha: string;
  /** How the Ops approvers were resolved, for the summary. */
  opsSource: string;
}

/**
 * `review-check`: at least N distinct approving reviewers (each counted on their latest
 * review) and at least one of them an Ops approver. Team membership is asked only for
 * reviewers who approved, which keeps the calls few and never lists the team.
 */
export async function reviewCheckCommand(
  options: ReviewCheckOptions,
  source: ReviewSource,
): Promise<ReviewCheckResult> {
  // Fail closed: without an Ops team or list, "two approvals from anyone" would pass.
  if (options.opsApprovers.kind === 'none')
    throw new UsageError(
      'input "ops-approvers": required: the Ops team as "org/team-slug" or Ops logins separated by commas; the review check refuses to run without one',
    );
  const pull = await source.pullRequest(options.pullNumber);
  const reviews = await source.reviews(options.pullNumber);
  const provisional = evaluateApprovals(reviews, {
    requiredApprovals: options.requiredApprovals,
    opsApprovers: new Set(),
    author: pull.author ?? undefined,
    headSha: pull.headSha,
  });

  const ops = new Set<string>();
  let opsSource = 'not required';
  if (options.opsApprovers.kind === 'logins') {
    for (const login of options.opsApprovers.logins) ops.add(login.toLowerCase());
    opsSource = `logins: ${options.opsApprovers.logins.join(', ')}`;
  } else {
    // A team: its members among the approvers count.
    const { org, slug } = options.opsApprovers;
    await source.assertTeamVisible(org, slug);
    for (const login of provisional.approvers) {
      if (await source.isTeamMember(org, slug, login)) ops.add(login.toLowerCase());
    }
    opsSource = `team: ${org}/${slug}`;
  }
  const verdict = evaluateApprovals(reviews, {
    requiredApprovals: options.requiredApprovals,
    opsApprovers: ops,
    author: pull.author ?? undefined,
    // A team none of whose members approved yet still requires an Ops approval.
    opsRequired: true,
    headSha: pull.headSha,
  });
  return { ...verdict, pullNumber: pull.number, headSha: pull.headSha, opsSource };
}
