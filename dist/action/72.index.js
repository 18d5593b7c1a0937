"use strict";
(function (__dhashImportMetaUrl) {
return { id: 72, ids: [72], modules: {

/***/ 96072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reviewCheckAction: () => (/* binding */ reviewCheckAction)
});

;// CONCATENATED MODULE: ./src/domain/reviews/approvals.ts
/**
 * Pure approval counting for the premerge review check. GitHub's own rule is followed: a
 * reviewer's standing is their latest review that carries a verdict (APPROVED,
 * CHANGES_REQUESTED or DISMISSED); a later COMMENTED or PENDING review does not withdraw an
 * approval, while a later change request or a dismissal does.
 */
const VERDICT_STATES = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);
/** Each reviewer's latest verdict-carrying review, by submission time then review id. */
function latestStandings(reviews, opsApprovers, author) {
    const byReviewer = new Map();
    const authorKey = author?.toLowerCase();
    for (const review of reviews) {
        if (!review.login || !review.submittedAt || !VERDICT_STATES.has(review.state))
            continue;
        const key = review.login.toLowerCase();
        if (key === authorKey)
            continue;
        const previous = byReviewer.get(key);
        const later = !previous ||
            review.submittedAt > previous.submittedAt ||
            (review.submittedAt === previous.submittedAt && review.id > previous.reviewId);
        if (later) {
            byReviewer.set(key, {
                login: review.login,
                state: review.state,
                reviewId: review.id,
                submittedAt: review.submittedAt,
                ops: opsApprovers.has(key),
                commitId: review.commitId ?? null,
            });
        }
    }
    return [...byReviewer.values()].sort((a, b) => a.login.localeCompare(b.login));
}
function evaluateApprovals(reviews, policy) {
    if (!Number.isInteger(policy.requiredApprovals) || policy.requiredApprovals < 0) {
        throw new RangeError(`requiredApprovals must be a non-negative integer, got ${policy.requiredApprovals}`);
    }
    const ops = new Set([...policy.opsApprovers].map((l) => l.toLowerCase()));
    const standings = latestStandings(reviews, ops, policy.author);
    const onHead = (s) => policy.headSha === undefined || s.commitId === policy.headSha;
    const approving = standings.filter((s) => s.state === 'APPROVED' && onHead(s));
    const staleApprovals = standings.filter((s) => s.state === 'APPROVED' && !onHead(s)).map((s) => s.login);
    const opsApproving = approving.filter((s) => s.ops);
    const changesRequested = standings.filter((s) => s.state === 'CHANGES_REQUESTED').map((s) => s.login);
    const opsRequired = policy.opsRequired ?? ops.size > 0;
    const missing = [];
    if (approving.length < policy.requiredApprovals) {
        missing.push(`${policy.requiredApprovals} distinct approvals required, ${approving.length} present`);
    }
    if (opsRequired && opsApproving.length === 0)
        missing.push('no approval from an Ops approver yet');
    if (changesRequested.length > 0)
        missing.push(`changes requested by ${changesRequested.join(', ')}`);
    if (staleApprovals.length > 0 && missing.length > 0)
        missing.push(`approvals on an older commit do not count (${staleApprovals.join(', ')}): approve the head commit ${policy.headSha?.slice(0, 12)}`);
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
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function parseOpsApprovers(text, repositoryOwner) {
    const value = (text ?? '').trim();
    if (value === '')
        return { kind: 'none' };
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
            throw new RangeError(`ops approvers: "${value}" needs the organisation; write it as "org/${teamOnly[1]}"`);
        return { kind: 'team', org: repositoryOwner, slug: teamOnly[1] };
    }
    const logins = value
        .split(/[\s,]+/)
        .map((l) => l.replace(/^@/, ''))
        .filter((l) => l !== '');
    const bad = logins.filter((l) => !LOGIN.test(l));
    if (bad.length > 0)
        throw new RangeError(`ops approvers: not GitHub logins: ${bad.map((b) => `"${b}"`).join(', ')} (expected "org/team" or logins separated by commas)`);
    return { kind: 'logins', logins: [...new Set(logins)] };
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/review-check.ts


/**
 * `review-check`: at least N distinct approving reviewers (each counted on their latest
 * review) and at least one of them an Ops approver. Team membership is asked only for
 * reviewers who approved, which keeps the calls few and never lists the team.
 */
async function reviewCheckCommand(options, source) {
    // Fail closed: without an Ops team or list, "two approvals from anyone" would pass.
    if (options.opsApprovers.kind === 'none')
        throw new errors/* UsageError */.eb('input "ops-approvers": required: the Ops team as "org/team-slug" or Ops logins separated by commas; the review check refuses to run without one');
    const pull = await source.pullRequest(options.pullNumber);
    const reviews = await source.reviews(options.pullNumber);
    const provisional = evaluateApprovals(reviews, {
        requiredApprovals: options.requiredApprovals,
        opsApprovers: new Set(),
        author: pull.author ?? undefined,
        headSha: pull.headSha,
    });
    const ops = new Set();
    let opsSource = 'not required';
    if (options.opsApprovers.kind === 'logins') {
        for (const login of options.opsApprovers.logins)
            ops.add(login.toLowerCase());
        opsSource = `logins: ${options.opsApprovers.logins.join(', ')}`;
    }
    else {
        // A team: its members among the approvers count.
        const { org, slug } = options.opsApprovers;
        await source.assertTeamVisible(org, slug);
        for (const login of provisional.approvers) {
            if (await source.isTeamMember(org, slug, login))
                ops.add(login.toLowerCase());
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

// EXTERNAL MODULE: ./src/action/github-inputs.ts + 5 modules
var github_inputs = __webpack_require__(2393);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
;// CONCATENATED MODULE: ./src/action/commands/review-check.ts






const reviewCheckAction = async (ctx) => {
    const env = ctx.inputs.environmentVariables;
    const api = (0,github_inputs/* githubApi */.Mc)(ctx.core, env);
    const required = (0,github_inputs/* positiveInteger */.Cq)(github_inputs/* GitHubInputs */.Dq.requiredApprovals, (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.requiredApprovals) ?? '2', 0);
    let ops;
    try {
        ops = parseOpsApprovers((0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.opsApprovers), api.repository.owner);
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`input "${github_inputs/* GitHubInputs */.Dq.opsApprovers}": ${error.message}`);
    }
    const pullNumber = (0,github_inputs/* pullNumberFrom */.h1)(ctx.core, env);
    const result = await reviewCheckCommand({ pullNumber, requiredApprovals: required, opsApprovers: ops }, api.reviews);
    const summary = [
        `## dhash-rollout: review check ${result.approved ? '\u2705 approved' : '\u23f3 not yet approved'} (#${result.pullNumber})`,
        `${result.approvals} of ${result.required} required distinct approvals \u00b7 Ops approvers (${result.opsSource}): ${result.opsApprovers.length > 0 ? result.opsApprovers.join(', ') : result.opsRequired ? 'none yet' : 'not required'}`,
        result.standings.length > 0
            ? (0,markdown/* table */.tp)(['reviewer', 'latest verdict', 'submitted', 'Ops'], result.standings.map((s) => [s.login, s.state, s.submittedAt, s.ops ? 'yes' : '']))
            : 'No reviews with a verdict yet.',
        result.missing.length > 0 ? `**Missing:**\n${result.missing.map((m) => `- ${m}`).join('\n')}` : '',
        'Each reviewer counts once, on their latest approving, change-requesting or dismissed review; this check re-runs when a review is submitted or dismissed.',
    ]
        .filter((s) => s !== '')
        .join('\n\n');
    if (!result.approved)
        ctx.core.error(result.missing.join('; '), { title: 'dhash-rollout review check' });
    return {
        outputs: {
            result: result.approved ? 'approved' : 'pending',
            approved: String(result.approved),
            approvals: String(result.approvals),
            approvers: result.approvers.join(','),
            'ops-approved-by': result.opsApprovers.join(','),
        },
        summary,
        failure: result.approved ? undefined : `review check: ${result.missing.join('; ')}`,
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


/***/ })

} };
})
