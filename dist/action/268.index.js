"use strict";
(function (__dhashImportMetaUrl) {
return { id: 268, ids: [268], modules: {

/***/ 40268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploymentStatusAction: () => (/* binding */ deploymentStatusAction)
});

// EXTERNAL MODULE: ./src/domain/messages/compose.ts
var compose = __webpack_require__(8969);
;// CONCATENATED MODULE: ./src/domain/github/deployment-states.ts
/** The states a GitHub deployment status can take, as the Deployments API spells them. */
const DEPLOYMENT_STATES = [
    'in_progress',
    'queued',
    'success',
    'failure',
    'error',
    'inactive',
];

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/deployment-status.ts


function parseDeploymentState(value) {
    const state = value.trim().toLowerCase().replace(/-/g, '_');
    if (!DEPLOYMENT_STATES.includes(state)) {
        throw new errors/* UsageError */.eb(`input "state": expected one of ${DEPLOYMENT_STATES.join(', ')}, got "${value}"`);
    }
    return state;
}
/**
 * `deployment-status`: the Deployments API as a guarded rollout reports itself.
 * - in_progress/queued without an id creates the deployment first, so one step starts it;
 * - success/failure/error need the id the first step returned;
 * - inactive without an id marks the environment's live deployment, which is what a manual
 *   rollback replaces.
 */
async function deploymentStatusCommand(options, api) {
    const state = parseDeploymentState(options.state);
    const update = {
        state,
        description: options.description,
        logUrl: options.logUrl,
        environmentUrl: options.environmentUrl,
    };
    let id = options.githubDeploymentId ?? null;
    let created = false;
    let ref = options.ref;
    if (id === null) {
        if (state === 'in_progress' || state === 'queued') {
            id = await api.create({
                ref: options.ref,
                environment: options.environment,
                description: options.description,
                payload: options.payload,
                productionEnvironment: options.environment === 'production',
            });
            created = true;
        }
        else if (state === 'inactive') {
            const live = await api.active(options.environment);
            if (!live)
                return { githubDeploymentId: null, state, created: false, statusId: null, ref: null };
            id = live.id;
            ref = live.ref;
        }
        else {
            throw new errors/* UsageError */.eb(`input "github-deployment-id": required for state "${state}" (the id the in_progress step returned)`);
        }
    }
    const statusId = await api.setStatus(id, update);
    return { githubDeploymentId: id, state, created, statusId, ref };
}

// EXTERNAL MODULE: ./src/action/github-inputs.ts + 5 modules
var github_inputs = __webpack_require__(2393);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
;// CONCATENATED MODULE: ./src/action/commands/deployment-status.ts






const deploymentStatusAction = async (ctx) => {
    const env = ctx.inputs.environmentVariables;
    const state = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.state);
    if (!state)
        throw new errors/* UsageError */.eb(`input "${github_inputs/* GitHubInputs */.Dq.state}": required (in_progress, success, failure, error, inactive or queued)`);
    const environment = ctx.inputs.environment;
    if (!environment)
        throw new errors/* UsageError */.eb('input "environment": required for deployment-status (the GitHub environment name)');
    const idInput = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.githubDeploymentId);
    const ref = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.ref) ?? env.GITHUB_SHA;
    if (!ref)
        throw new errors/* UsageError */.eb(`input "${github_inputs/* GitHubInputs */.Dq.ref}": required when GITHUB_SHA is not set`);
    const api = (0,github_inputs/* githubApi */.Mc)(ctx.core, env);
    const logUrl = (0,compose/* githubRunUrl */.Gk)(env);
    const result = await deploymentStatusCommand({
        state,
        environment,
        githubDeploymentId: idInput === undefined ? undefined : (0,github_inputs/* positiveInteger */.Cq)(github_inputs/* GitHubInputs */.Dq.githubDeploymentId, idInput),
        ref,
        description: (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.description),
        logUrl,
        environmentUrl: (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.environmentUrl),
        payload: {
            tool: 'dhash-rollout',
            deployment_id: (0,inputs/* optionalInput */.$m)(ctx.core, 'deployment-id') ?? null,
            version: (0,inputs/* optionalInput */.$m)(ctx.core, 'version') ?? null,
            release: (0,inputs/* optionalInput */.$m)(ctx.core, 'release') ?? null,
        },
    }, api.deployments);
    const id = result.githubDeploymentId;
    const summary = [
        `## dhash-rollout: deployment status \`${result.state}\` for \`${environment}\``,
        id === null
            ? `No live deployment of \`${environment}\` was found, so nothing was marked inactive.`
            : (0,markdown/* table */.tp)(['deployment', 'ref', 'state', 'created now', 'log'], [[id, result.ref ?? '', result.state, result.created ? 'yes' : 'no', logUrl ?? '']]),
    ].join('\n\n');
    if (id === null)
        ctx.core.notice(`no live deployment of ${environment} to mark inactive`, {
            title: 'dhash-rollout deployment status',
        });
    return {
        outputs: {
            result: id === null ? 'none' : result.state,
            environment,
            'github-deployment-id': id === null ? '' : String(id),
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

/***/ 8969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ githubRunUrl),
/* harmony export */   vT: () => (/* binding */ deploymentEventMessage)
/* harmony export */ });
/* unused harmony export EVENT_LEVELS */
/* harmony import */ var _content_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41768);

/** The level an event is announced at unless the caller says otherwise. */
const EVENT_LEVELS = {
    deployment_start: 'info',
    deployment_success: 'info',
    deployment_failure: 'error',
    rollback_start: 'warning',
    rollback_success: 'warning',
    rollback_failure: 'critical',
    monitoring_alert: 'warning',
    gate_resolved: 'info',
    escalation: 'critical',
};
const DEFAULT_TEXT = {
    deployment_start: 'A deployment of the dhash service has started.',
    deployment_success: 'The deployment completed and passed its checks.',
    deployment_failure: 'The deployment failed; see the logs for the failing step.',
    rollback_start: 'A rollback of the dhash service has started.',
    rollback_success: 'The rollback completed and the service validated.',
    rollback_failure: 'The rollback did not complete or did not validate. Manual action is needed.',
    monitoring_alert: 'A quality gate breached its threshold.',
    gate_resolved: 'A quality gate that was breached is back within its threshold.',
    escalation: 'A breach has lasted past its escalation time.',
};
/** The workflow run's URL from the variables GitHub sets, or undefined outside Actions. */
function githubRunUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, GITHUB_RUN_ATTEMPT: attempt, } = env;
    if (!server || !repo || !run)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}`;
}
/** `deploy-notify`: the seed's event announcements, with a headline that reads well in a channel list. */
function deploymentEventMessage(input) {
    const what = input.version ? `dhash ${input.version}` : 'dhash';
    const message = {
        event: input.event,
        level: input.level ?? EVENT_LEVELS[input.event],
        title: `${_content_js__WEBPACK_IMPORTED_MODULE_0__/* .EVENT_LABELS */ .XU[input.event]}: ${what} on ${input.environment}`,
        text: input.text ?? DEFAULT_TEXT[input.event],
        environment: input.environment,
        deploymentId: input.deploymentId,
    };
    if (input.version)
        message.version = input.version;
    if (input.gates)
        message.gates = input.gates;
    if (input.links && Object.keys(input.links).length > 0)
        message.links = input.links;
    if (input.mention)
        message.mention = input.mention;
    return message;
}


/***/ })

} };
})
