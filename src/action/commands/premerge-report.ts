import { githubRunUrl } from '../../domain/messages/compose.js';
import { premergeReportCommand } from '../../commands/premerge-report.js';
import { UsageError } from '../../runtime/errors.js';
import type { ActionCommand } from '../context.js';
import { GitHubInputs, eventPayload, githubApi, positiveInteger } from '../github-inputs.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { resolve } from 'node:path';

export const COMMENT_MARKER = 'dhash-rollout:premerge';

/** The comment write was refused for want of permission (HTTP 403), as on a fork's pull request. */
function isCommentRefused(error: unknown): boolean {
  const e = error as { status?: number; cause?: { status?: number }; message?: string } | null | undefined;
  const status = e?.status ?? e?.cause?.status;
  return status === 403 || /\b403\b/.test(e?.message ?? '');
}

function parseJobResults(text: string | undefined): Record<string, string> {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `input "${GitHubInputs.jobResults}": expected JSON such as {"validate":"success"}, or toJSON(needs)`,
    );
  }
  const out: Record<string, string> = {};
  for (const [job, value] of Object.entries(parsed as Record<string, unknown>)) {
    // Accepts toJSON(needs) directly: {"validate": {"result": "success", "outputs": {}}}.
    const result: unknown =
      typeof value === 'string' ? value : (value as { result?: unknown } | null)?.result;
    out[job] =
      typeof result === 'string'
        ? result
        : result === undefined || result === null
          ? 'unknown'
          : JSON.stringify(result);
  }
  return out;
}

export const premergeReportAction: ActionCommand = async (ctx) => {
  const env = ctx.inputs.environmentVariables;
  const bundlesDir = resolve(
    ctx.inputs.workingDirectory,
    optionalInput(ctx.core, GitHubInputs.bundlesDir) ?? 'dhash-premerge-bundles',
  );
  const event = eventPayload(env);
  const pull = event.pull_request as { number?: number; head?: { sha?: string } } | undefined;
  const report = premergeReportCommand({
    bundlesDir,
    deployWorkflow: optionalInput(ctx.core, GitHubInputs.deployWorkflow) ?? 'deploy.yml',
    release: optionalInput(ctx.core, 'release'),
    rollbackWorkflow: optionalInput(ctx.core, GitHubInputs.rollbackWorkflow) ?? 'rollback.yml',
    sha: pull?.head?.sha ?? env.GITHUB_SHA,
    runUrl: githubRunUrl(env),
    jobResults: parseJobResults(optionalInput(ctx.core, GitHubInputs.jobResults)),
  });
  const outputs: Record<string, string> = {
    result: report.ok ? 'ready' : 'not_ready',
    legs: String(report.entries.length),
  };
  const wantComment =
    optionalInput(ctx.core, GitHubInputs.comment) === undefined
      ? true
      : booleanInput(ctx.core, GitHubInputs.comment);
  const pullInput = optionalInput(ctx.core, GitHubInputs.pullNumber);
  const pullNumber =
    pullInput !== undefined ? positiveInteger(GitHubInputs.pullNumber, pullInput) : pull?.number;
  let commentNote = '';
  if (wantComment && pullNumber) {
    const api = githubApi(ctx.core, env);
    try {
      const comment = await api.comments.upsert(
        pullNumber,
        COMMENT_MARKER,
        report.markdown,
        env.DHASH_COMMENT_AUTHOR || 'github-actions[bot]',
      );
      outputs['comment-url'] = comment.url;
      ctx.core.info(`premerge comment ${comment.action}: ${comment.url}`);
    } catch (error) {
      // A pull request from a fork gets a read-only token: the comment is refused (403), and this
      // job summary is the report. Only that refusal is tolerated; any other API error fails.
      if (!isCommentRefused(error)) throw error;
      outputs['comment-url'] = '';
      commentNote = `> The pull request comment could not be written (${(error as Error).message.split('\n')[0]}); a pull request from a fork gets a read-only token. This summary is the report.`;
      ctx.core.warning(commentNote.slice(2), { title: 'dhash-rollout premerge: comment not written' });
    }
  }
  for (const bad of report.unreadable)
    ctx.core.error(`${bad.origin}: ${bad.error}`, { title: 'dhash-rollout premerge: unreadable manifest' });
  return {
    outputs,
    summary: commentNote ? `${report.markdown}\n${commentNote}\n` : report.markdown,
    failure: report.ok ? undefined : 'premerge is not ready: see the summary for the failed legs and jobs',
  };
};
