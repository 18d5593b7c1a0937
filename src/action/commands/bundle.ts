import { DefaultArtifactClient } from '@actions/artifact';
import { join } from 'node:path';
import { logDir as resolveLogDir } from '../../config/state-dir.js';
import {
  artifactName,
  bundleCommand,
  parseRetentionDays,
  type ArtifactUploader,
} from '../../commands/bundle.js';
import type { ActionCommand } from '../context.js';
import { GitHubInputs } from '../github-inputs.js';
import { booleanInput, optionalInput } from '../inputs.js';
import { table } from '../markdown.js';

/** @actions/artifact: the runner hands JavaScript actions the token and URL it needs. */
const artifactUploader: ArtifactUploader = {
  async upload(name, files, rootDirectory, retentionDays) {
    const response = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, {
      retentionDays,
    });
    return { id: response.id ?? null, size: response.size ?? null, digest: response.digest ?? null };
  },
};

export const bundleAction: ActionCommand = async (ctx) => {
  const config = ctx.loadConfig();
  const env = ctx.inputs.environmentVariables;
  const cwd = ctx.inputs.workingDirectory;
  // Unique per matrix leg: environment, runner OS and job differ between legs; the attempt keeps re-runs apart.
  const name =
    optionalInput(ctx.core, GitHubInputs.bundleName) ??
    artifactName([
      'dhash-rollout',
      config.envName,
      env.RUNNER_OS ?? process.platform,
      env.GITHUB_JOB,
      env.GITHUB_RUN_ATTEMPT && `attempt${env.GITHUB_RUN_ATTEMPT}`,
    ]);
  const upload =
    optionalInput(ctx.core, GitHubInputs.upload) === undefined
      ? true
      : booleanInput(ctx.core, GitHubInputs.upload);
  const stageDir = join(env.RUNNER_TEMP ?? join(cwd, '.dhash-rollout'), 'bundles', artifactName([name]));
  const result = await bundleCommand(
    {
      config,
      logDir: resolveLogDir(cwd, optionalInput(ctx.core, 'log-dir')),
      stageDir,
      name,
      retentionDays: parseRetentionDays(optionalInput(ctx.core, GitHubInputs.retentionDays)),
      upload,
    },
    artifactUploader,
  );
  if (!result.manifestFound && !result.rehearsalFound) {
    ctx.core.warning(
      'neither a rehearsal record nor a deployment manifest in the log directory: run rehearse (or dry-run) first',
      {
        title: 'dhash-rollout bundle',
      },
    );
  }
  const summary = [
    `## dhash-rollout bundle \`${result.name}\`${result.uploaded ? ` uploaded (retention ${result.retentionDays} days)` : ' staged (not uploaded)'}`,
    table(
      ['file', 'kind', 'bytes'],
      result.files.map((f) => [
        f.path
          .slice(result.dir.length + 1)
          .split(/[\\/]/)
          .join('/'),
        f.kind,
        f.bytes,
      ]),
    ),
  ].join('\n\n');
  return {
    outputs: {
      result: result.uploaded ? 'uploaded' : 'staged',
      environment: config.envName,
      'artifact-name': result.name,
      'artifact-id': result.artifactId === null ? '' : String(result.artifactId),
      // The artifact's page; GitHub Enterprise Server serves the same path under its own GITHUB_SERVER_URL.
      'artifact-url':
        result.artifactId === null
          ? ''
          : `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${result.artifactId}`,
      'artifact-digest': result.artifactDigest ?? '',
      'bundle-dir': result.dir,
    },
    summary,
  };
};
