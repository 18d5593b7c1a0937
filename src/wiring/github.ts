import {
  clientOptionsFrom,
  createOctokit,
  repositoryFrom,
  type Repository,
} from '../adapters/github/client.js';
import { GitHubComments } from '../adapters/github/comments.js';
import { GitHubDeployments } from '../adapters/github/deployments.js';
import { GitHubReviews } from '../adapters/github/reviews.js';

/** The run's repository on the GitHub API, as the workflow commands use it. */
export interface GitHubPorts {
  repository: Repository;
  /** Pull request reviews (review-check). */
  reviews: GitHubReviews;
  /** The pull request's report comment (premerge-report). */
  comments: GitHubComments;
  /** Deployments and their statuses (deployment-status). */
  deployments: GitHubDeployments;
}

/**
 * The GitHub clients of the run's repository (GITHUB_REPOSITORY, GITHUB_API_URL), authenticated
 * with the given token or GITHUB_TOKEN. Nothing is requested until a command uses them.
 */
export function githubPortsFor(env: NodeJS.ProcessEnv, token: string | undefined): GitHubPorts {
  const octokit = createOctokit(clientOptionsFrom(env, token));
  const repository = repositoryFrom(env);
  return {
    repository,
    reviews: new GitHubReviews(octokit, repository),
    comments: new GitHubComments(octokit, repository),
    deployments: new GitHubDeployments(octokit, repository),
  };
}
