"use strict";
(function (__dhashImportMetaUrl) {
return { id: 805, ids: [805], modules: {

/***/ 64805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bundleAction: () => (/* binding */ bundleAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 318 modules
var artifact = __webpack_require__(35690);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/commands/validate.ts
var validate = __webpack_require__(30010);
;// CONCATENATED MODULE: ./src/commands/bundle.ts




/** Characters the artifact service refuses in names. */
const NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/g;
function artifactName(parts) {
    return parts
        .filter((p) => !!p && p.trim() !== '')
        .map((p) => p.trim().replace(NAME_FORBIDDEN, '-'))
        .join('-');
}
function parseRetentionDays(value) {
    if (value === undefined || value.trim() === '')
        return 14;
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1 || days > 90)
        throw new errors/* UsageError */.eb(`input "retention-days": expected an integer from 1 to 90, got "${value}"`);
    return days;
}
const LOG_FILE = /\.(log|jsonl|json|html)$/;
/**
 * `bundle`: the premerge artifact of one matrix leg: the dry-run's deployment manifest, the
 * validation report, the resolved config (secrets redacted) and the logs. Every text file
 * passes through the config's redactor once more on the way in, so a secret that reached a
 * log by some other path still never reaches the artifact.
 */
async function bundleCommand(options, uploader) {
    const { config, stageDir } = options;
    (0,external_node_fs_.rmSync)(stageDir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(stageDir, 'logs'), { recursive: true });
    const files = [];
    const put = (relative, text, kind) => {
        const path = (0,external_node_path_.join)(stageDir, relative);
        const redacted = config.redactor.text(text);
        (0,external_node_fs_.writeFileSync)(path, redacted);
        files.push({ path, bytes: Buffer.byteLength(redacted), kind });
    };
    const env = config.envName;
    const validation = (0,validate/* validateCommand */.M)(config);
    put(`validation-report_${env}.json`, `${JSON.stringify(validation, null, 2)}\n`, 'validation-report');
    put(`resolved-config_${env}.json`, `${JSON.stringify({ source: config.source, environment: env, config: validation.effective }, null, 2)}\n`, 'resolved-config');
    let manifestFound = false;
    let rehearsalFound = false;
    if ((0,external_node_fs_.existsSync)(options.logDir)) {
        for (const entry of (0,external_node_fs_.readdirSync)(options.logDir).sort()) {
            const source = (0,external_node_path_.join)(options.logDir, entry);
            if (!(0,external_node_fs_.statSync)(source).isFile())
                continue;
            if (entry === `deployment-manifest_${env}.json`) {
                put(entry, (0,external_node_fs_.readFileSync)(source, 'utf8'), 'manifest');
                manifestFound = true;
            }
            else if (LOG_FILE.test(entry) && !/^deployment-manifest_/.test(entry)) {
                put((0,external_node_path_.join)('logs', (0,external_node_path_.basename)(entry)), (0,external_node_fs_.readFileSync)(source, 'utf8'), 'log');
                if (entry === `rehearsal_${env}.json`)
                    rehearsalFound = true;
            }
        }
    }
    let uploaded = false;
    let artifactId = null;
    let artifactSize = null;
    let artifactDigest = null;
    if (options.upload) {
        if (!uploader)
            throw new errors/* UsageError */.eb('bundle: no artifact uploader is available here');
        const result = await uploader.upload(options.name, files.map((f) => f.path), stageDir, options.retentionDays);
        uploaded = true;
        artifactId = result.id;
        artifactSize = result.size;
        artifactDigest = result.digest ?? null;
    }
    return {
        name: options.name,
        dir: stageDir,
        files,
        manifestFound,
        rehearsalFound,
        uploaded,
        artifactId,
        artifactSize,
        artifactDigest,
        retentionDays: options.retentionDays,
    };
}

// EXTERNAL MODULE: ./src/action/github-inputs.ts + 5 modules
var github_inputs = __webpack_require__(2393);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
;// CONCATENATED MODULE: ./src/action/commands/bundle.ts







/** @actions/artifact: the runner hands JavaScript actions the token and URL it needs. */
const artifactUploader = {
    async upload(name, files, rootDirectory, retentionDays) {
        const response = await new artifact/* DefaultArtifactClient */.t9().uploadArtifact(name, files, rootDirectory, {
            retentionDays,
        });
        return { id: response.id ?? null, size: response.size ?? null, digest: response.digest ?? null };
    },
};
const bundleAction = async (ctx) => {
    const config = ctx.loadConfig();
    const env = ctx.inputs.environmentVariables;
    const cwd = ctx.inputs.workingDirectory;
    // Unique per matrix leg: environment, runner OS and job differ between legs; the attempt keeps re-runs apart.
    const name = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.bundleName) ??
        artifactName([
            'dhash-rollout',
            config.envName,
            env.RUNNER_OS ?? process.platform,
            env.GITHUB_JOB,
            env.GITHUB_RUN_ATTEMPT && `attempt${env.GITHUB_RUN_ATTEMPT}`,
        ]);
    const upload = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.upload) === undefined
        ? true
        : (0,inputs/* booleanInput */.tE)(ctx.core, github_inputs/* GitHubInputs */.Dq.upload);
    const stageDir = (0,external_node_path_.join)(env.RUNNER_TEMP ?? (0,external_node_path_.join)(cwd, '.dhash-rollout'), 'bundles', artifactName([name]));
    const result = await bundleCommand({
        config,
        logDir: (0,state_dir/* logDir */.mw)(cwd, (0,inputs/* optionalInput */.$m)(ctx.core, 'log-dir')),
        stageDir,
        name,
        retentionDays: parseRetentionDays((0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.retentionDays)),
        upload,
    }, artifactUploader);
    if (!result.manifestFound && !result.rehearsalFound) {
        ctx.core.warning('neither a rehearsal record nor a deployment manifest in the log directory: run rehearse (or dry-run) first', {
            title: 'dhash-rollout bundle',
        });
    }
    const summary = [
        `## dhash-rollout bundle \`${result.name}\`${result.uploaded ? ` uploaded (retention ${result.retentionDays} days)` : ' staged (not uploaded)'}`,
        (0,markdown/* table */.tp)(['file', 'kind', 'bytes'], result.files.map((f) => [
            f.path
                .slice(result.dir.length + 1)
                .split(/[\\/]/)
                .join('/'),
            f.kind,
            f.bytes,
        ])),
    ].join('\n\n');
    return {
        outputs: {
            result: result.uploaded ? 'uploaded' : 'staged',
            environment: config.envName,
            'artifact-name': result.name,
            'artifact-id': result.artifactId === null ? '' : String(result.artifactId),
            // The artifact's page; GitHub Enterprise Server serves the same path under its own GITHUB_SERVER_URL.
            'artifact-url': result.artifactId === null
                ? ''
                : `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${result.artifactId}`,
            'artifact-digest': result.artifactDigest ?? '',
            'bundle-dir': result.dir,
        },
        summary,
    };
};


/***/ }),

/***/ 2393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dq: () => (/* binding */ GitHubInputs),
  Z3: () => (/* binding */ eventPayload),
  Mc: () => (/* binding */ githubApi),
  Cq: () => (/* binding */ positiveInteger),
  h1: () => (/* binding */ pullNumberFrom)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/adapters/github/client.ts


/** The environment a runner gives an action; injected so tests can point it at a loopback server. */
function clientOptionsFrom(env, token) {
    const resolved = token || env.GITHUB_TOKEN || '';
    if (!resolved)
        throw new errors/* UsageError */.eb('input "github-token": a token is required for the GitHub API (the default is github.token)');
    return { token: resolved, apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') };
}
function repositoryFrom(env) {
    const full = env.GITHUB_REPOSITORY ?? '';
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(full);
    if (!match)
        throw new errors/* UsageError */.eb(`GITHUB_REPOSITORY: expected "owner/repo", got "${full}"`);
    return { owner: match[1], repo: match[2] };
}
function createOctokit(options) {
    return (0,github/* getOctokit */.Q)(options.token, { baseUrl: options.apiUrl, userAgent: 'dhash-rollout' });
}
/**
 * Turns an Octokit failure into one operator-facing line. 401/403/404 usually mean the token
 * lacks a permission, so the message says which one the call needs.
 */
function apiError(what, error, permission) {
    const e = error;
    const status = e?.status;
    const detail = e?.message ?? String(error);
    const hint = status === 401 || status === 403 || status === 404
        ? ` (HTTP ${status}: the token needs "${permission}")`
        : status
            ? ` (HTTP ${status})`
            : '';
    return new errors/* OperationError */.OK(`GitHub API: ${what} failed${hint}: ${detail}`, { cause: error });
}

;// CONCATENATED MODULE: ./src/adapters/github/comments.ts

/**
 * One comment per pull request and purpose, found again by a hidden marker, so re-runs update
 * it instead of piling up new ones.
 */
class GitHubComments {
    octokit;
    repository;
    constructor(octokit, repository) {
        this.octokit = octokit;
        this.repository = repository;
    }
    /**
     * `author` is the login the token comments as (github-actions[bot] for GITHUB_TOKEN): a comment
     * carrying the marker written by anyone else is never edited or trusted as ours.
     */
    async upsert(issueNumber, marker, body, author = 'github-actions[bot]') {
        const tag = `<!-- ${marker} -->`;
        const text = `${tag}\n${body}`;
        try {
            const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
                ...this.repository,
                issue_number: issueNumber,
                per_page: 100,
            });
            const existing = comments.find((c) => typeof c.body === 'string' &&
                c.body.startsWith(tag) &&
                c.user?.login.toLowerCase() === author.toLowerCase());
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
        }
        catch (error) {
            throw apiError(`commenting on pull request #${issueNumber}`, error, 'pull-requests: write');
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/github/deployments.ts


const WRITE = 'deployments: write';
const READ = 'deployments: read';
/** The Deployments API, as a deploy workflow uses it: create, report statuses, find what is live. */
class GitHubDeployments {
    octokit;
    repository;
    constructor(octokit, repository) {
        this.octokit = octokit;
        this.repository = repository;
    }
    async create(deployment) {
        try {
            const response = await this.octokit.rest.repos.createDeployment({
                ...this.repository,
                ref: deployment.ref,
                environment: deployment.environment,
                description: deployment.description?.slice(0, 140),
                payload: deployment.payload ?? {},
                // The workflow has already run its own checks; GitHub's commit-status gate would only
                // repeat them (and refuse refs whose checks are still running, such as this one).
                required_contexts: [],
                auto_merge: false,
                transient_environment: false,
                production_environment: deployment.productionEnvironment,
            });
            if (response.status !== 201 || !('id' in response.data)) {
                throw new Error(`unexpected response ${response.status}: ${JSON.stringify(response.data).slice(0, 200)}`);
            }
            return response.data.id;
        }
        catch (error) {
            throw apiError(`creating a deployment of ${deployment.ref} to ${deployment.environment}`, error, WRITE);
        }
    }
    async setStatus(deploymentId, update) {
        try {
            const response = await this.octokit.rest.repos.createDeploymentStatus({
                ...this.repository,
                deployment_id: deploymentId,
                state: update.state,
                description: update.description?.slice(0, 140),
                log_url: update.logUrl,
                environment_url: update.environmentUrl,
                // A new success makes earlier deployments of the environment inactive, as GitHub shows them.
                auto_inactive: update.state === 'success',
            });
            return response.data.id;
        }
        catch (error) {
            throw apiError(`setting deployment ${deploymentId} to ${update.state}`, error, WRITE);
        }
    }
    async latestState(deploymentId) {
        try {
            const response = await this.octokit.rest.repos.listDeploymentStatuses({
                ...this.repository,
                deployment_id: deploymentId,
                per_page: 1,
            });
            return response.data[0]?.state ?? null;
        }
        catch (error) {
            throw apiError(`reading statuses of deployment ${deploymentId}`, error, READ);
        }
    }
    /** The environment's live deployment: the newest one whose latest status is success. */
    async active(environment, scanLimit = 30) {
        let deployments;
        try {
            const response = await this.octokit.rest.repos.listDeployments({
                ...this.repository,
                environment,
                per_page: scanLimit,
            });
            deployments = response.data;
        }
        catch (error) {
            throw apiError(`listing deployments of ${environment}`, error, READ);
        }
        for (const deployment of deployments) {
            const latestState = await this.latestState(deployment.id);
            if (latestState === 'success')
                return { id: deployment.id, ref: deployment.ref, environment, latestState };
        }
        return null;
    }
}

;// CONCATENATED MODULE: ./src/adapters/github/reviews.ts

/** Pull request reviews and Ops team membership, as the review check reads them. */
class GitHubReviews {
    octokit;
    repository;
    constructor(octokit, repository) {
        this.octokit = octokit;
        this.repository = repository;
    }
    async pullRequest(number) {
        try {
            const { data } = await this.octokit.rest.pulls.get({ ...this.repository, pull_number: number });
            return { number, author: data.user.login, headSha: data.head.sha };
        }
        catch (error) {
            throw apiError(`reading pull request #${number}`, error, 'pull-requests: read');
        }
    }
    /** Every review of the pull request, across pages. */
    async reviews(number) {
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
        }
        catch (error) {
            throw apiError(`listing reviews of pull request #${number}`, error, 'pull-requests: read');
        }
    }
    /**
     * Active membership of `login` in org/team. Needs a token that can read the organisation's
     * teams (the workflow GITHUB_TOKEN cannot; use a GitHub App token or a PAT with read:org).
     */
    async isTeamMember(org, slug, login) {
        try {
            const { data } = await this.octokit.rest.teams.getMembershipForUserInOrg({
                org,
                team_slug: slug,
                username: login,
            });
            return data.state === 'active';
        }
        catch (error) {
            if (error.status === 404) {
                // 404 is both "not a member" and "team invisible to this token"; the team probe below tells them apart.
                return false;
            }
            throw apiError(`reading membership of ${login} in ${org}/${slug}`, error, 'members: read (organisation)');
        }
    }
    /** Fails clearly when the team cannot be seen, so a 404 membership is never mistaken for "not a member". */
    async assertTeamVisible(org, slug) {
        try {
            await this.octokit.rest.teams.getByName({ org, team_slug: slug });
        }
        catch (error) {
            throw apiError(`reading team ${org}/${slug}`, error, 'members: read (organisation); GITHUB_TOKEN cannot read teams');
        }
    }
}

;// CONCATENATED MODULE: ./src/wiring/github.ts




/**
 * The GitHub clients of the run's repository (GITHUB_REPOSITORY, GITHUB_API_URL), authenticated
 * with the given token or GITHUB_TOKEN. Nothing is requested until a command uses them.
 */
function githubPortsFor(env, token) {
    const octokit = createOctokit(clientOptionsFrom(env, token));
    const repository = repositoryFrom(env);
    return {
        repository,
        reviews: new GitHubReviews(octokit, repository),
        comments: new GitHubComments(octokit, repository),
        deployments: new GitHubDeployments(octokit, repository),
    };
}

// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
;// CONCATENATED MODULE: ./src/action/github-inputs.ts




/** Input names of the GitHub-facing commands, as in action.yml and actions/<name>/action.yml. */
const GitHubInputs = {
    token: 'github-token',
    state: 'state',
    githubDeploymentId: 'github-deployment-id',
    ref: 'ref',
    environmentUrl: 'environment-url',
    description: 'message',
    requiredApprovals: 'required-approvals',
    opsApprovers: 'ops-approvers',
    pullNumber: 'pull-number',
    bundleName: 'bundle-name',
    retentionDays: 'retention-days',
    upload: 'upload',
    bundlesDir: 'bundles-dir',
    deployWorkflow: 'deploy-workflow',
    rollbackWorkflow: 'rollback-workflow',
    jobResults: 'job-results',
    comment: 'comment',
};
/** The REST client for the run's repository, with the token masked before anything can print it. */
function githubApi(core, env) {
    const token = (0,inputs/* optionalInput */.$m)(core, GitHubInputs.token);
    if (token)
        core.setSecret(token);
    return githubPortsFor(env, token);
}
/** The webhook payload of the triggering event (GITHUB_EVENT_PATH), or {} when there is none. */
function eventPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`GITHUB_EVENT_PATH: cannot parse ${path}: ${error.message}`);
    }
}
/** The pull request number: the input, else the pull_request / pull_request_review event's. */
function pullNumberFrom(core, env) {
    const input = (0,inputs/* optionalInput */.$m)(core, GitHubInputs.pullNumber);
    if (input !== undefined)
        return positiveInteger(GitHubInputs.pullNumber, input);
    const pull = eventPayload(env).pull_request?.number;
    if (typeof pull === 'number' && Number.isInteger(pull) && pull > 0)
        return pull;
    throw new errors/* UsageError */.eb(`input "${GitHubInputs.pullNumber}": required outside pull_request and pull_request_review events (event: ${env.GITHUB_EVENT_NAME ?? 'unknown'})`);
}
function positiveInteger(name, value, min = 1) {
    const n = Number(value.trim());
    if (!Number.isInteger(n) || n < min)
        throw new errors/* UsageError */.eb(`input "${name}": expected an integer of at least ${min}, got "${value}"`);
    return n;
}


/***/ }),

/***/ 38037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export escapeCell */
/** Small Markdown builders for job summaries; cells are escaped so values cannot break tables. */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const head = `| ${headers.map(escapeCell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`)].join('\n');
}
function codeBlock(text, lang = '') {
    return `\`\`\`${lang}\n${text}\n\`\`\``;
}


/***/ }),

/***/ 30010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ validateCommand)
/* harmony export */ });
/* unused harmony export invalidResult */
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);

/**
 * `validate`: the config has already been parsed and checked by the loader (which throws on any
 * problem); this use-case assembles what an operator needs to see to trust it.
 */
function validateCommand(config) {
    const settings = {};
    for (const channel of config.env.notifications.channels)
        settings[channel] = config.warnings.some((w) => w.includes(`"${channel}"`)) ? 'missing' : 'set';
    return {
        ok: true,
        source: config.source,
        environment: config.envName,
        environments: Object.keys(config.file.environments),
        effective: config.redactor.value(config.env),
        notification_settings: settings,
        warnings: config.warnings,
    };
}
/** What `validate --json` prints for a file (or flags) it cannot accept. */
function invalidResult(error) {
    return {
        ok: false,
        exit_code: error.exitCode,
        problems: error instanceof ConfigError ? error.problems : [error.message],
    };
}


/***/ })

} };
})
