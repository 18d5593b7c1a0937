import type { Review } from '../../domain/reviews/approvals.js';
import { apiError, type Octokit, type Repository } from './client.js';

export interface PullRequestInfo {
  number: number;
  author: string | null;
  headSha: string;
}

/** Pull request reviews and Ops team membership, as the review check reads them. */
export class GitHubReviews {
  constructor(
    private readonly octokit: Octokit,
    private readonly repository: Repository,
  ) {}

  async pullRequest(number: number): Promise<PullRequestInfo> {
    try {
      const { data } = await this.octokit.rest.pulls.get({ ...this.repository, pull_number: number });
      return { number, author: data.user.login, headSha: data.head.sha };
    } catch (error) {
      throw apiError(`reading pull request #${number}`, error, 'pull-requests: read');
    }
  }

  /** Every review of the pull request, across pages. */
  async reviews(number: number): Promise<Review[]> {
    try {
      const data = await this.octokit.paginate(this.octokit.rest.pulls.listReviews, {
        ...this.repository,
        pull_number: number,
        per_page: 100,
      });
      return data.map((r) => ({
        id: r.id,
        login: r.user?.login ?? null,
        state: r.state,
        submittedAt: r.submitted_at ?? null,
        commitId: r.commit_id ?? null,
      }));
    } catch (error) {
      throw apiError(`listing reviews of pull request #${number}`, error, 'pull-requests: read');
    }
  }

  /**
   * Active membership of `login` in org/team. Needs a token that can read the organisation's
   * teams (the workflow GITHUB_TOKEN cannot; use a GitHub App token or a PAT with read:org).
   */
  async isTeamMember(org: string, slug: string, login: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.rest.teams.getMembershipForUserInOrg({
        org,
        team_slug: slug,
        username: login,
      });
      return data.state === 'active';
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        // 404 is both "not a member" and "team invisible to this token"; the team probe below tells them apart.
        return false;
      }
      throw apiError(
        `reading membership of ${login} in ${org}/${slug}`,
        error,
        'members: read (organisation)',
      );
    }
  }

  /** Fails clearly when the team cannot be seen, so a 404 membership is never mistaken for "not a member". */
  async assertTeamVisible(org: string, slug: string): Promise<void> {
    try {
      await this.octokit.rest.teams.getByName({ org, team_slug: slug });
    } catch (error) {
      throw apiError(
        `reading team ${org}/${slug}`,
        error,
        'members: read (organisation); GITHUB_TOKEN cannot read teams',
      );
    }
  }
}
