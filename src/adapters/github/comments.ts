import { apiError, type Octokit, type Repository } from './client.js';

export interface UpsertedComment {
  id: number;
  action: 'created' | 'updated';
  url: string;
}

/**
 * One comment per pull request and purpose, found again by a hidden marker, so re-runs update
 * it instead of piling up new ones.
 */
export class GitHubComments {
  constructor(
    private readonly octokit: Octokit,
    private readonly repository: Repository,
  ) {}

  /**
   * `author` is the login the token comments as (github-actions[bot] for GITHUB_TOKEN): a comment
   * carrying the marker written by anyone else is never edited or trusted as ours.
   */
  async upsert(
    issueNumber: number,
    marker: string,
    body: string,
    author = 'github-actions[bot]',
  ): Promise<UpsertedComment> {
    const tag = `<!-- ${marker} -->`;
    const text = `${tag}\n${body}`;
    try {
      const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...this.repository,
        issue_number: issueNumber,
        per_page: 100,
      });
      const existing = comments.find(
        (c) =>
          typeof c.body === 'string' &&
          c.body.startsWith(tag) &&
          c.user?.login.toLowerCase() === author.toLowerCase(),
      );
      if (existing) {
        const { data } = await this.octokit.rest.issues.updateComment({
          ...this.repository,
          comment_id: existing.id,
          body: text,
        });
        return { id: data.id, action: 'updated', url: data.html_url };
      }
      const { data } = await this.octokit.rest.issues.createComment({
        ...this.repository,
        issue_number: issueNumber,
        body: text,
      });
      return { id: data.id, action: 'created', url: data.html_url };
    } catch (error) {
      throw apiError(`commenting on pull request #${issueNumber}`, error, 'pull-requests: write');
    }
  }
}
