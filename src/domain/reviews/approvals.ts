/**
 * Pure approval counting for the premerge review check. GitHub's own rule is followed: a
 * reviewer's standing is their latest review that carries a verdict (APPROVED,
 * CHANGES_REQUESTED or DISMISSED); a later COMMENTED or PENDING review does not withdraw an
 * approval, while a later change request or a dismissal does.
 */

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface Review {
  id: number;
  login: string | null;
  /** A ReviewState, or a state GitHub may add later (kept as given, never counted). */
  state: string;
  /** ISO time; reviews without one (PENDING) never count. */
  submittedAt: string | null;
  /** The commit the review was made on. */
  commitId?: string | null;
}

export interface ApprovalPolicy {
  /** Distinct approving reviewers needed. */
  requiredApprovals: number;
  /** Logins whose approval satisfies the Ops requirement (lower-case compare). Empty: not required. */
  opsApprovers: ReadonlySet<string>;
  /** The pull request author never counts, even if the API reports a review by them. */
  author?: string;
  /** Require an Ops approval even when no approver is known (a team none of whose members approved). Default: opsApprovers is non-empty. */
  opsRequired?: boolean;
  /** The pull request's head commit: an approval counts only when made on it. Absent: any commit. */
  headSha?: string;
}

export interface ReviewerStanding {
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';
  reviewId: number;
  submittedAt: string;
  ops: boolean;
  /** The commit the review was made on, when GitHub reported it. */
  commitId: string | null;
}

export interface ApprovalVerdict {
  approved: boolean;
  approvals: number;
  required: number;
  approvers: string[];
  opsApprovers: string[];
  opsRequired: boolean;
  /** Reviewers whose latest verdict is a change request: they block the merge in GitHub too. */
  changesRequested: string[];
  /** Reviewers whose approval was made on an older commit than the head: it does not count. */
  staleApprovals: string[];
  standings: ReviewerStanding[];
  /** One sentence per unmet requirement. */
  missing: string[];
}

const VERDICT_STATES = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** Each reviewer's latest verdict-carrying review, by submission time then review id. */
export function latestStandings(
  reviews: readonly Review[],
  opsApprovers: ReadonlySet<string>,
  author?: string,
): ReviewerStanding[] {
  const byReviewer = new Map<string, ReviewerStanding>();
  const authorKey = author?.toLowerCase();
  for (const review of reviews) {
    if (!review.login || !review.submittedAt || !VERDICT_STATES.has(review.state)) continue;
    const key = review.login.toLowerCase();
    if (key === authorKey) continue;
    const previous = byReviewer.get(key);
    const later =
      !previous ||
      review.submittedAt > previous.submittedAt ||
      (review.submittedAt === previous.submittedAt && review.id > previous.reviewId);
    if (later) {
      byReviewer.set(key, {
        login: review.login,
        state: review.state as ReviewerStanding['state'],
        reviewId: review.id,
        submittedAt: review.submittedAt,
        ops: opsApprovers.has(key),
        commitId: review.commitId ?? null,
      });
    }
  }
  return [...byReviewer.values()].sort((a, b) => a.login.localeCompare(b.login));
}

export function evaluateApprovals(reviews: readonly Review[], policy: ApprovalPolicy): ApprovalVerdict {
  if (!Number.isInteger(policy.requiredApprovals) || policy.requiredApprovals < 0) {
    throw new RangeError(`requiredApprovals must be a non-negative integer, got ${policy.requiredApprovals}`);
  }
  const ops = new Set([...policy.opsApprovers].map((l) => l.toLowerCase()));
  const standings = latestStandings(reviews, ops, policy.author);
  const onHead = (s: ReviewerStanding): boolean =>
    policy.headSha === undefined || s.commitId === policy.headSha;
  const approving = standings.filter((s) => s.state === 'APPROVED' && onHead(s));
  const staleApprovals = standings.filter((s) => s.state === 'APPROVED' && !onHead(s)).map((s) => s.login);
  const opsApproving = approving.filter((s) => s.ops);
  const changesRequested = standings.filter((s) => s.state === 'CHANGES_REQUESTED').map((s) => s.login);
  const opsRequired = policy.opsRequired ?? ops.size > 0;
  const missing: string[] = [];
  if (approving.length < policy.requiredApprovals) {
    missing.push(`${policy.requiredApprovals} distinct approvals required, ${approving.length} present`);
  }
  if (opsRequired && opsApproving.length === 0) missing.push('no approval from an Ops approver yet');
  if (changesRequested.length > 0) missing.push(`changes requested by ${changesRequested.join(', ')}`);
  if (staleApprovals.length > 0 && missing.length > 0)
    missing.push(
      `approvals on an older commit do not count (${staleApprovals.join(', ')}): approve the head commit ${policy.headSha?.slice(0, 12)}`,
    );
  return {
    approved: missing.length === 0,
    approvals: approving.length,
    required: policy.requiredApprovals,
    approvers: approving.map((s) => s.login),
    opsApprovers: opsApproving.map((s) => s.login),
    opsRequired,
    changesRequested,
    staleApprovals,
    standings,
    missing,
  };
}

/**
 * Parses the "ops approvers" setting: a team as "@org/team" or "org/team" (or a bare team slug,
 * whose org is the repository owner), or a comma/space/newline separated list of logins.
 */
export type OpsApprovers =
  { kind: 'team'; org: string; slug: string } | { kind: 'logins'; logins: string[] } | { kind: 'none' };

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function parseOpsApprovers(text: string | undefined, repositoryOwner?: string): OpsApprovers {
  const value = (text ?? '').trim();
  if (value === '') return { kind: 'none' };
  const team = /^@?([^/\s,]+)\/([^/\s,]+)$/.exec(value);
  if (team) {
    const [, org, slug] = team;
    if (!LOGIN.test(org) || !SLUG.test(slug))
      throw new RangeError(`ops approvers: "${value}" is not a valid "org/team-slug"`);
    return { kind: 'team', org: org, slug: slug };
  }
  const teamOnly = /^team:([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(value);
  if (teamOnly) {
    if (!repositoryOwner)
      throw new RangeError(
        `ops approvers: "${value}" needs the organisation; write it as "org/${teamOnly[1]}"`,
      );
    return { kind: 'team', org: repositoryOwner, slug: teamOnly[1] };
  }
  const logins = value
    .split(/[\s,]+/)
    .map((l) => l.replace(/^@/, ''))
    .filter((l) => l !== '');
  const bad = logins.filter((l) => !LOGIN.test(l));
  if (bad.length > 0)
    throw new RangeError(
      `ops approvers: not GitHub logins: ${bad.map((b) => `"${b}"`).join(', ')} (expected "org/team" or logins separated by commas)`,
    );
  return { kind: 'logins', logins: [...new Set(logins)] };
}
