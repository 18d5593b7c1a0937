"use strict";
(function (__dhashImportMetaUrl) {
return { id: 872, ids: [872], modules: {

/***/ 12872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_MARKER: () => (/* binding */ COMMENT_MARKER),
  premergeReportAction: () => (/* binding */ premergeReportAction)
});

// EXTERNAL MODULE: ./src/domain/messages/compose.ts
var compose = __webpack_require__(8969);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
;// CONCATENATED MODULE: ./src/report/legs-summary.ts

const ICON = { pass: '\u2705', warn: '\u26a0\ufe0f', fail: '\u274c', inconclusive: '\u2754' };
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** A leg's verdicts in words, worst first: failed gates, then alerts, then gates without data. */
function legVerdict(gates) {
    const words = { fail: 'failed', warn: 'alert', inconclusive: 'inconclusive' };
    const parts = [];
    for (const v of ['fail', 'warn', 'inconclusive']) {
        const hit = gates.filter((g) => g.verdict === v).map((g) => g.gate);
        if (hit.length)
            parts.push(`${ICON[v]} ${words[v]}: ${hit.join(', ')}`);
    }
    return parts.length ? parts.join(' \u00b7 ') : `${ICON.pass} every gate passed`;
}
/** Markdown: a verdict line per leg, then the gates \u00d7 legs table; '' when no leg probed. */
function legsGateTableMarkdown(legs) {
    const probed = legs.filter((l) => l.gates !== null && l.gates.length > 0);
    if (probed.length === 0)
        return '';
    // Each gate once, in order of first appearance, with its first evaluation (for the threshold).
    const firstEvaluation = new Map();
    for (const g of probed.flatMap((l) => l.gates))
        if (!firstEvaluation.has(g.gate))
            firstEvaluation.set(g.gate, g);
    const verdicts = probed.map((l) => `- **${cell(l.label)}**: ${cell(legVerdict(l.gates))}`);
    const head = `| gate | breach when | ${probed.map((l) => cell(l.label)).join(' | ')} |`;
    const rule = `| --- | --- | ${probed.map(() => '---').join(' | ')} |`;
    const rows = [...firstEvaluation].map(([gate, any]) => {
        const cells = probed.map((l) => {
            const g = l.gates.find((x) => x.gate === gate);
            return g ? `${ICON[g.verdict] ?? ''} ${g.verdict} ${cell((0,format/* formatValue */.Fl)(g.value, g.unit))}` : '\u2014';
        });
        return `| ${gate} | > ${cell((0,format/* formatValue */.Fl)(any.threshold, any.unit))} | ${cells.join(' | ')} |`;
    });
    const legsWithout = legs.filter((l) => !probed.includes(l));
    const note = legsWithout.length
        ? `\n\n_Not probed: ${legsWithout.map((l) => cell(l.label)).join(', ')}._`
        : '';
    return `### Quality gates per leg (one probe each)\n\n${verdicts.join('\n')}\n\n${[head, rule, ...rows].join('\n')}${note}`;
}

// EXTERNAL MODULE: ./src/commands/dry-run.ts + 1 modules
var dry_run = __webpack_require__(73405);
;// CONCATENATED MODULE: ./src/commands/premerge-report.ts




/** A rehearsal leg read as a manifest: its stages are the steps, with the statuses they ended in (it ran: "passed", never "planned"). */
function rehearsalAsManifest(record) {
    if (!Array.isArray(record.stages) || typeof record.environment !== 'string')
        throw new Error('not a rehearsal record (no stages or environment)');
    return {
        schema: dry_run/* MANIFEST_SCHEMA */.K,
        environment: record.environment,
        release: record.release,
        result: record.result === 'passed' ? 'passed' : 'failed',
        runner: { os: record.runner?.os ?? 'unknown', runner_os: record.runner?.runner_os ?? null },
        steps: record.stages.map((s) => ({
            step: s.stage,
            status: s.status,
            detail: s.detail,
            plan: null,
        })),
    };
}
function findManifests(dir, root, found) {
    for (const entry of (0,external_node_fs_.readdirSync)(dir).sort()) {
        const path = (0,external_node_path_.join)(dir, entry);
        if ((0,external_node_fs_.statSync)(path).isDirectory())
            findManifests(path, root, found);
        else if (/^(deployment-manifest|rehearsal)_.*\.json$/.test(entry))
            found.push(path);
    }
}
/** The monitor step's one-shot probe in a leg's manifest, when it probed. */
function probeOf(manifest) {
    const plan = manifest.steps.find((s) => s.step === 'monitor')?.plan;
    return Array.isArray(plan?.probe) ? plan.probe : null;
}
const premerge_report_ICON = {
    planned: '\u2705',
    passed: '\u2705',
    skipped: '\u23ed\ufe0f',
    failed: '\u274c',
    unavailable: '\u26a0\ufe0f',
    incomplete: '\u26a0\ufe0f',
    success: '\u2705',
    failure: '\u274c',
    cancelled: '\u26d4',
    skipped_job: '\u23ed\ufe0f',
};
function premerge_report_cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, ' ');
}
/** Shell-quotes a value for the copy-paste commands (single quotes survive any content). */
function quote(value) {
    return /^[A-Za-z0-9_./:=@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
/** Every leg's manifest (or rehearsal record) under the bundles directory, sorted; and those unreadable. */
function readLegs(bundlesDir) {
    const paths = [];
    if ((0,external_node_fs_.existsSync)(bundlesDir))
        findManifests(bundlesDir, bundlesDir, paths);
    const entries = [];
    const unreadable = [];
    for (const path of paths) {
        const origin = (0,external_node_path_.relative)(bundlesDir, path).split(/[\\/]/).join('/');
        try {
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
            const manifest = /(^|[\\/])rehearsal_[^\\/]*\.json$/.test(path) ? rehearsalAsManifest(parsed) : parsed;
            // The file is the user's: its schema is whatever it says until checked.
            const schema = manifest.schema;
            if (schema !== dry_run/* MANIFEST_SCHEMA */.K)
                throw new Error(`schema is "${String(schema)}", expected "${dry_run/* MANIFEST_SCHEMA */.K}"`);
            entries.push({ origin, manifest });
        }
        catch (error) {
            unreadable.push({ origin, error: error.message });
        }
    }
    entries.sort((a, b) => `${a.manifest.environment}/${a.manifest.runner.runner_os ?? a.manifest.runner.os}`.localeCompare(`${b.manifest.environment}/${b.manifest.runner.runner_os ?? b.manifest.runner.os}`));
    return { entries, unreadable };
}
/** The heading, the commit line and the jobs' table. */
function headerSections(options, ok) {
    const lines = [];
    lines.push(`## dhash-rollout premerge: ${ok ? '\u2705 ready' : '\u274c not ready'}`);
    if (options.sha)
        lines.push(`Commit \`${options.sha.slice(0, 12)}\`${options.runUrl ? ` \u00b7 [workflow run](${options.runUrl})` : ''}`);
    if (Object.keys(options.jobResults).length > 0) {
        lines.push([
            '| job | result |',
            '| --- | --- |',
            ...Object.entries(options.jobResults).map(([job, result]) => `| ${premerge_report_cell(job)} | ${premerge_report_ICON[result] ?? ''} ${premerge_report_cell(result)} |`),
        ].join('\n'));
    }
    return lines;
}
/** One row per leg with each step's status, what needs attention, and the legs' gate probes. */
function legSections(entries) {
    if (entries.length === 0)
        return ['No rehearsal record or deployment manifest was found: the legs produced no evidence.'];
    const lines = [];
    const steps = entries[0].manifest.steps.map((s) => s.step);
    const head = `| environment | runner | result | ${steps.join(' | ')} |`;
    const rule = `| --- | --- | --- | ${steps.map(() => '---').join(' | ')} |`;
    const rows = entries.map(({ manifest }) => {
        const byStep = new Map(manifest.steps.map((s) => [s.step, s.status]));
        return `| ${premerge_report_cell(manifest.environment)} | ${premerge_report_cell(manifest.runner.runner_os ?? manifest.runner.os)} | ${premerge_report_ICON[manifest.result] ?? ''} ${manifest.result} | ${steps.map((s) => `${premerge_report_ICON[byStep.get(s) ?? ''] ?? ''} ${byStep.get(s) ?? '\u2014'}`).join(' | ')} |`;
    });
    lines.push([head, rule, ...rows].join('\n'));
    const problems = entries.flatMap(({ manifest }) => manifest.steps
        .filter((s) => s.status === 'failed' || s.status === 'unavailable')
        .map((s) => `- **${premerge_report_cell(manifest.environment)} / ${premerge_report_cell(manifest.runner.runner_os ?? manifest.runner.os)} / ${s.step}** (${s.status}): ${premerge_report_cell(s.detail)}`));
    if (problems.length > 0)
        lines.push(`### What needs attention\n\n${[...new Set(problems)].join('\n')}`);
    // Each leg's probe of the quality gates, side by side, in the job summary's own words.
    const gates = legsGateTableMarkdown(entries.map(({ manifest }) => ({
        label: `${manifest.environment} / ${manifest.runner.runner_os ?? manifest.runner.os}`,
        gates: probeOf(manifest),
    })));
    if (gates)
        lines.push(gates);
    return lines;
}
/** The commands that deploy this commit and roll it back, per environment the legs covered. */
function commandSections(options, entries) {
    const environments = [...new Set(entries.map((e) => e.manifest.environment))];
    if (environments.length === 0)
        return [];
    const ref = options.sha ?? '<commit>';
    const deploy = environments.map((env) => `gh workflow run ${quote(options.deployWorkflow)} -f environment=${quote(env)} -f release=${quote(options.release ?? '<release>')} -f version=${quote(ref.slice(0, 12))}`);
    const rollback = environments.map((env) => `gh workflow run ${quote(options.rollbackWorkflow)} -f environment=${quote(env)} -f backup=latest -f reason='<why>'`);
    const cli = environments.map((env) => `dhash-rollout rollout --env ${quote(env)} --release <release-dir>\ndhash-rollout rollback --env ${quote(env)} --backup latest --reason '<why>'`);
    return [
        `### Deploy after merge\n\n\`\`\`sh\n${deploy.join('\n')}\n\`\`\``,
        `### Roll back\n\n\`\`\`sh\n${rollback.join('\n')}\n\`\`\``,
        `<details><summary>The same from a shell on the target host</summary>\n\n\`\`\`sh\n${cli.join('\n')}\n\`\`\`\n</details>`,
    ];
}
/**
 * `premerge-report`: reads every leg's deployment manifest and renders the pull request comment
 * and job summary: one row per leg with each step's actual status, then the commands that deploy
 * this commit and roll it back.
 */
function premergeReportCommand(options) {
    const { entries, unreadable } = readLegs(options.bundlesDir);
    const jobsOk = Object.values(options.jobResults).every((r) => r === 'success' || r === 'skipped');
    // A dry-run leg succeeds as "planned", a rehearsal leg as "passed" (a rehearsal record's result).
    const legsOk = entries.length > 0 &&
        entries.every((e) => e.manifest.result === 'planned' || e.manifest.result === 'passed') &&
        unreadable.length === 0;
    const ok = jobsOk && legsOk;
    const lines = [
        ...headerSections(options, ok),
        ...legSections(entries),
        ...unreadable.map((bad) => `- \u26a0\ufe0f \`${premerge_report_cell(bad.origin)}\` could not be read: ${premerge_report_cell(bad.error)}`),
        ...commandSections(options, entries),
    ];
    return { entries, unreadable, ok, markdown: `${lines.join('\n\n')}\n` };
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/action/github-inputs.ts + 5 modules
var github_inputs = __webpack_require__(2393);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
;// CONCATENATED MODULE: ./src/action/commands/premerge-report.ts






const COMMENT_MARKER = 'dhash-rollout:premerge';
/** The comment write was refused for want of permission (HTTP 403), as on a fork's pull request. */
function isCommentRefused(error) {
    const e = error;
    const status = e?.status ?? e?.cause?.status;
    return status === 403 || /\b403\b/.test(e?.message ?? '');
}
function parseJobResults(text) {
    if (!text)
        return {};
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new errors/* UsageError */.eb(`input "${github_inputs/* GitHubInputs */.Dq.jobResults}": expected JSON such as {"validate":"success"}, or toJSON(needs)`);
    }
    const out = {};
    for (const [job, value] of Object.entries(parsed)) {
        // Accepts toJSON(needs) directly: {"validate": {"result": "success", "outputs": {}}}.
        const result = typeof value === 'string' ? value : value?.result;
        out[job] =
            typeof result === 'string'
                ? result
                : result === undefined || result === null
                    ? 'unknown'
                    : JSON.stringify(result);
    }
    return out;
}
const premergeReportAction = async (ctx) => {
    const env = ctx.inputs.environmentVariables;
    const bundlesDir = (0,external_node_path_.resolve)(ctx.inputs.workingDirectory, (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.bundlesDir) ?? 'dhash-premerge-bundles');
    const event = (0,github_inputs/* eventPayload */.Z3)(env);
    const pull = event.pull_request;
    const report = premergeReportCommand({
        bundlesDir,
        deployWorkflow: (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.deployWorkflow) ?? 'deploy.yml',
        release: (0,inputs/* optionalInput */.$m)(ctx.core, 'release'),
        rollbackWorkflow: (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.rollbackWorkflow) ?? 'rollback.yml',
        sha: pull?.head?.sha ?? env.GITHUB_SHA,
        runUrl: (0,compose/* githubRunUrl */.Gk)(env),
        jobResults: parseJobResults((0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.jobResults)),
    });
    const outputs = {
        result: report.ok ? 'ready' : 'not_ready',
        legs: String(report.entries.length),
    };
    const wantComment = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.comment) === undefined
        ? true
        : (0,inputs/* booleanInput */.tE)(ctx.core, github_inputs/* GitHubInputs */.Dq.comment);
    const pullInput = (0,inputs/* optionalInput */.$m)(ctx.core, github_inputs/* GitHubInputs */.Dq.pullNumber);
    const pullNumber = pullInput !== undefined ? (0,github_inputs/* positiveInteger */.Cq)(github_inputs/* GitHubInputs */.Dq.pullNumber, pullInput) : pull?.number;
    let commentNote = '';
    if (wantComment && pullNumber) {
        const api = (0,github_inputs/* githubApi */.Mc)(ctx.core, env);
        try {
            const comment = await api.comments.upsert(pullNumber, COMMENT_MARKER, report.markdown, env.DHASH_COMMENT_AUTHOR || 'github-actions[bot]');
            outputs['comment-url'] = comment.url;
            ctx.core.info(`premerge comment ${comment.action}: ${comment.url}`);
        }
        catch (error) {
            // A pull request from a fork gets a read-only token: the comment is refused (403), and this
            // job summary is the report. Only that refusal is tolerated; any other API error fails.
            if (!isCommentRefused(error))
                throw error;
            outputs['comment-url'] = '';
            commentNote = `> The pull request comment could not be written (${error.message.split('\n')[0]}); a pull request from a fork gets a read-only token. This summary is the report.`;
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

/***/ 73405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ MANIFEST_SCHEMA),
  C: () => (/* binding */ dryRunCommand)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
;// CONCATENATED MODULE: ./src/commands/dry-run/step-types.ts
/** The commands a guarded rollout runs, in order; the dry-run plans each one. */
const ROLLOUT_STEPS = ['backup', 'migrate', 'deploy', 'smoke', 'monitor'];

// EXTERNAL MODULE: ./src/commands/validate.ts
var validate = __webpack_require__(30010);
;// CONCATENATED MODULE: ./src/commands/dry-run.ts




const MANIFEST_SCHEMA = 'dhash-rollout/deployment-manifest@1';
/**
 * `dry-run`: validates the config, then runs each rollout command's own dry-run in order and
 * keeps what each one actually returned. A failed step does not stop the rest: the operator
 * sees every problem at once. Nothing here writes; the caller stores the manifest.
 */
async function dryRunCommand(options, deps) {
    const validation = (0,validate/* validateCommand */.M)(options.config);
    const providers = { ...options.providers, ...options.steps };
    const logger = deps.logger.child({
        deployment_id: options.deploymentId,
        environment: options.config.envName,
        command: 'dry-run',
    });
    const steps = [];
    for (const step of ROLLOUT_STEPS) {
        options.onStep?.(step);
        const provider = providers[step];
        if (!provider) {
            steps.push({
                step,
                status: 'unavailable',
                detail: `this build has no "${step}" command, so nothing was planned for it`,
                plan: null,
            });
            logger.warn(`dry-run: ${step} is not available in this build`, { step });
            continue;
        }
        try {
            const output = await provider({
                config: options.config,
                deps,
                deploymentId: options.deploymentId,
                release: options.release,
                probe: options.probe,
                runUrl: options.runUrl,
                signal: options.signal,
            });
            steps.push({
                step,
                status: output.status,
                detail: options.config.redactor.text(output.detail),
                plan: options.config.redactor.value(output.plan),
            });
            logger.info(`dry-run: ${step} ${output.status}`, { step, detail: output.detail });
        }
        catch (error) {
            const detail = options.config.redactor.text((0,errors/* messageOf */.bD)(error));
            steps.push({ step, status: 'failed', detail, plan: null });
            logger.error(`dry-run: ${step} failed`, { step, error: detail });
        }
    }
    const result = steps.some((s) => s.status === 'failed')
        ? 'failed'
        : steps.some((s) => s.status === 'unavailable')
            ? 'incomplete'
            : 'planned';
    const env = deps.env;
    const manifest = {
        schema: MANIFEST_SCHEMA,
        generated_at: new Date(deps.clock.now()).toISOString(),
        tool_version: options.toolVersion,
        deployment_id: options.deploymentId,
        environment: options.config.envName,
        config_source: options.config.source,
        release: options.release ?? null,
        result,
        git: { sha: env.GITHUB_SHA ?? null, ref: env.GITHUB_REF ?? null, run_url: options.runUrl ?? null },
        runner: { os: (0,external_node_os_.platform)(), arch: (0,external_node_os_.arch)(), node: process.version, runner_os: env.RUNNER_OS ?? null },
        validation: { ok: true, environments: validation.environments, warnings: validation.warnings },
        steps,
    };
    logger.info(`dry-run: ${result}`, { result });
    return { manifest, validation };
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


/***/ }),

/***/ 12011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ formatWindow),
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   HB: () => (/* binding */ utcDate),
/* harmony export */   X: () => (/* binding */ escapeXml),
/* harmony export */   ZV: () => (/* binding */ formatNumber),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   qo: () => (/* binding */ clockTime)
/* harmony export */ });
/* unused harmony export clockTimeWithDate */
/**
 * How the report writes numbers, clock times and durations: one place, so the HTML page, the
 * chart labels and the job summary say the same thing the same way.
 */
/** A value for people: thousands grouped, at most two decimals, fewer as it grows. */
function formatNumber(value) {
    if (!Number.isFinite(value))
        return String(value);
    const abs = Math.abs(value);
    const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2;
    return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}
/** A value with its unit: `4,875 ms`, `3.45%`, `32 items`. */
function formatValue(value, unit) {
    if (value === null)
        return 'no data';
    const n = formatNumber(value);
    return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}
/** `23:45:55` (UTC). */
function clockTime(ms) {
    return new Date(ms).toISOString().slice(11, 19);
}
/** `2026-11-28` (UTC). */
function utcDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}
/** `23:45:55 UTC, 2026-11-28`: a moment named once with its date. */
function clockTimeWithDate(ms) {
    return `${clockTime(ms)} UTC, ${utcDate(ms)}`;
}
/** `6.7 s`, `42 s`, `2 min 5 s`, `1 h 3 min`. */
function formatDuration(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 10)
        return `${(Math.round(s * 10) / 10).toString()} s`;
    if (s < 60)
        return `${Math.round(s)} s`;
    const totalSeconds = Math.round(s);
    const minutes = Math.floor(totalSeconds / 60);
    if (minutes < 60) {
        const rest = totalSeconds % 60;
        return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    const restMinutes = minutes % 60;
    return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
}
/** A window length given in minutes: `30 s`, `5 min`. */
function formatWindow(minutes) {
    return formatDuration(minutes * 60_000);
}
function escapeXml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}


/***/ })

} };
})
