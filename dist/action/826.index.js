"use strict";
(function (__dhashImportMetaUrl) {
return { id: 826, ids: [826], modules: {

/***/ 826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rehearseAction: () => (/* binding */ rehearseAction)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/adapters/migrations/embedded-driver.ts
var embedded_driver = __webpack_require__(16223);
// EXTERNAL MODULE: ./src/adapters/targets/health.ts + 1 modules
var targets_health = __webpack_require__(95580);
// EXTERNAL MODULE: ./src/config/channel-settings.ts
var channel_settings = __webpack_require__(1747);
// EXTERNAL MODULE: ./src/config/load.ts + 12 modules
var load = __webpack_require__(87941);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/adapters/embedded-db/embedded-db.ts
var embedded_db = __webpack_require__(5583);
// EXTERNAL MODULE: ./src/config/channels.ts
var channels = __webpack_require__(51792);
// EXTERNAL MODULE: ./src/wiring/deploy-deps.ts + 5 modules
var deploy_deps = __webpack_require__(72919);
// EXTERNAL MODULE: ./src/commands/deploy.ts
var deploy = __webpack_require__(93839);
// EXTERNAL MODULE: ./src/commands/rollout.ts
var rollout = __webpack_require__(40051);
// EXTERNAL MODULE: ./src/wiring/rollout-deps.ts
var rollout_deps = __webpack_require__(81742);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/exit-codes.ts
var exit_codes = __webpack_require__(98313);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/runtime/free-port.ts

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
function free_port_freePort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const port = server.address().port;
            server.close(() => {
                resolve(port);
            });
        });
    });
}

// EXTERNAL MODULE: ./src/runtime/package-root.ts
var package_root = __webpack_require__(1713);
// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./src/adapters/archive/zip-reader.ts + 1 modules
var zip_reader = __webpack_require__(4761);
// EXTERNAL MODULE: ./src/domain/backup/manifest.ts
var backup_manifest = __webpack_require__(81114);
;// CONCATENATED MODULE: ./src/demo/backup-database.ts




/**
 * Copies the embedded database snapshot out of a backup archive (read and CRC-checked by the
 * product's own verifying reader), so the demo can compare it with the live database.
 */
async function extractDatabaseFromBackup(backupPath, outPath) {
    const directory = await (0,zip_reader/* readZipDirectory */.x5)(backupPath);
    const read = {};
    await (0,zip_reader/* scanZip */.xn)(backupPath, directory, {
        wantWhole: (e) => e.name === backup_manifest/* MANIFEST_NAME */.ir,
        onSmallEntry: (_e, content) => {
            read.manifest = content.toString('utf8');
        },
    });
    if (read.manifest === undefined)
        throw new Error(`${backupPath} has no ${backup_manifest/* MANIFEST_NAME */.ir}`);
    const manifest = (0,backup_manifest/* parseManifest */.Ng)(read.manifest);
    if (!manifest.database)
        throw new Error(`${backupPath} holds no database snapshot`);
    const wanted = manifest.database.path;
    await (0,zip_reader/* scanZip */.xn)(backupPath, directory, {
        sinkFor: (entry) => {
            if (entry.name !== wanted)
                return null;
            const stream = (0,external_node_fs_.createWriteStream)(outPath);
            return {
                write: async (chunk) => {
                    if (!stream.write(chunk))
                        await (0,external_node_events_.once)(stream, 'drain');
                },
                end: async () => {
                    stream.end();
                    await (0,external_node_events_.once)(stream, 'finish');
                },
                abort: () => {
                    stream.destroy();
                },
            };
        },
    });
    // The scan offers every entry of the directory to sinkFor.
    if (!directory.entries.some((e) => e.name === wanted))
        throw new Error(`${backupPath} has no entry ${wanted}`);
}

;// CONCATENATED MODULE: ./src/demo/run-demo.ts





















/** Story lines: what happened, when. Prints as it goes. */
class Story {
    clock;
    out;
    constructor(clock, out) {
        this.clock = clock;
        this.out = out;
    }
    tell(text) {
        this.out(`${new Date(this.clock.now()).toISOString().slice(11, 23)}  ${text}`);
    }
}
/** Only what a person watching the demo needs from the logs: gate verdict changes and trouble. */
class StorySink {
    story;
    lastVerdict = new Map();
    constructor(story) {
        this.story = story;
    }
    write(record) {
        const gate = /^Quality gate (\w+): (\w+)/.exec(record.message);
        if (gate) {
            if (this.lastVerdict.get(gate[1]) !== gate[2]) {
                this.lastVerdict.set(gate[1], gate[2]);
                this.story.tell(`    ${record.message}`);
            }
            return;
        }
        if (record.level === 'ERROR' ||
            record.level === 'CRITICAL' ||
            /^step \w+: done|^undo|rollback|Rollback/.test(record.message)) {
            this.story.tell(`    [${record.level}] ${record.message}`);
        }
    }
    reset() {
        this.lastVerdict.clear();
    }
}
function run(command, args, cwd) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (d) => (output += d.toString()));
        child.stderr.on('data', (d) => (output += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
            resolve({ code, output });
        });
    });
}
function tableDigest(dbPath, table) {
    return EmbeddedDatabase.open(dbPath, { create: false }).then((db) => {
        try {
            const result = db.read((d) => d.exec(`SELECT * FROM ${table} ORDER BY 1`));
            const rows = result[0]?.values ?? [];
            return {
                rows: rows.length,
                sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16),
            };
        }
        finally {
            db.close();
        }
    });
}
function startStory(options) {
    const story = new Story(options.clock, options.out);
    const sink = new StorySink(story);
    const checks = [];
    const check = (what, ok, detail) => {
        checks.push({ what, ok, detail });
        story.tell(`${ok ? '\u2714' : '\u2718'} ${what}: ${detail}`);
    };
    const root = packageRoot();
    const builder = join(root, 'examples', 'dhash-service', 'build-releases.mjs');
    if (!existsSync(builder))
        throw new OperationError(`the demo needs its release builder (missing ${builder}); reinstall dhash-rollout or use a checkout`);
    const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'dhash-demo-'));
    mkdirSync(workspace, { recursive: true });
    story.tell(`workspace ${workspace}`);
    return { options, story, sink, checks, check, workspace };
}
// 1. Release bundles of the reference service, and a local target.
async function prepareTarget(start) {
    const { options, story, workspace } = start;
    const root = packageRoot();
    const builder = join(root, 'examples', 'dhash-service', 'build-releases.mjs');
    let releases = options.releases;
    if (!releases) {
        story.tell('building release bundles 1.0.0, 2.0.0 and 3.0.0 of the reference service \u2026');
        releases = join(workspace, 'releases-src');
        const built = await run(process.execPath, [builder, '--out', releases], root);
        if (built.code !== 0)
            throw new OperationError(`building the releases failed:\n${built.output}`);
    }
    const releaseDir = releases;
    const port = await freePort();
    // Only the channels whose required variables are all set: the demo's deploys send, and a
    // sending command refuses a channel it cannot build.
    const userChannels = ['slack', 'teams', 'discord', 'email'].filter((c) => missingVariables(c, options.env).length === 0);
    const configPath = join(workspace, 'quality-gates-config.json');
    writeFileSync(configPath, `${JSON.stringify(demoConfig({ port, targetRoot: join(workspace, 'target'), userChannels, windowSeconds: options.windowSeconds }), null, 2)}\n`);
    // Without a configured generic webhook, notifications go to a closed loopback port: delivery
    // really fails, and each message lands in the replayable fallback file.
    const deadPort = await freePort();
    const channelVariables = new Set(NOTIFICATION_VARIABLES);
    const environment = Object.fromEntries(Object.entries(options.env).filter(([name, value]) => value !== undefined || !channelVariables.has(name)));
    environment.GENERIC_WEBHOOK_URL ??= `http://127.0.0.1:${deadPort}/demo-webhook`;
    const config = loadConfig({ configPath, envName: 'demo', cwd: workspace, environment });
    const logDir = join(workspace, 'monitor_logs');
    story.tell(`local target ${join(workspace, 'target')}, service on http://127.0.0.1:${port}, notifications \u2192 ${userChannels.length ? `${userChannels.join(', ')} and ` : ''}the fallback file`);
    const runtime = { clock: options.clock, cwd: workspace, env: environment, interactive: false, logDir };
    const target = createReleaseTargetFor(config, {
        ...runtime,
        logger: openOperationLog('deploy', config, logDir, options.clock).logger,
    });
    return { ...start, releaseDir, userChannels, configPath, config, logDir, runtime, target };
}
// 2. v1 (then the load).
async function deployFirstRelease(d) {
    const { options, story, config, logDir, runtime } = d;
    story.tell('deploying 1.0.0 (first release: schema 1) \u2026');
    const v1Log = openOperationLog('deploy', config, logDir, options.clock, [d.sink]);
    const v1 = await deployCommand({
        config,
        release: join(d.releaseDir, '1.0.0'),
        backupFirst: false,
        dryRun: false,
        skipHealthCheck: false,
        deploymentId: `demo-v1-${options.clock.now()}`,
    }, buildDeployDeps({ ...runtime, config, log: v1Log, dryRun: false }));
    d.check('1.0.0 deployed and healthy', v1.ok, v1.ok ? `live release ${v1.liveRelease}` : (v1.error ?? 'failed'));
    return v1.ok;
}
/** Starts the load generator; its output is collected for the story's last line. */
function startLoad(d) {
    const { options } = d;
    d.story.tell(`starting the load generator: ${options.rate} req/s of known, near-duplicate, unfamiliar and corrupt images`);
    const loadProcess = spawn(process.execPath, [
        join(d.releaseDir, 'loadgen.js'),
        '--url',
        d.config.env.service.base_url,
        '--rate',
        String(options.rate),
        '--duration',
        '0',
    ], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    d.load = loadProcess;
    let loadOutput = '';
    loadProcess.stdout.on('data', (data) => (loadOutput += data.toString()));
    loadProcess.stderr.on('data', (data) => (loadOutput += data.toString()));
    return { process: loadProcess, output: () => loadOutput };
}
function gateProgressLine(p) {
    const gates = p.gates
        .map((g) => `${g.gate}=${g.value === null ? '\u2013' : `${Math.round(g.value * 10) / 10}${g.unit === '%' ? '%' : g.unit === 'ms' ? 'ms' : ''}`}(${g.verdict})`)
        .join(' ');
    return `    ${Math.ceil(p.remainingMs / 1000)} s left \u00b7 ${gates}`;
}
async function demoRollout(d, release) {
    const { options, story, sink, config, runtime } = d;
    sink.reset();
    story.tell(`guarded rollout of ${release}: backup \u2192 migrate \u2192 deploy \u2192 smoke \u2192 monitor (${options.windowSeconds} s window) \u2026`);
    const deps = buildRolloutDeps({ ...runtime, config, dryRun: false, sinks: [sink] });
    let lastProgress = 0;
    const result = await rolloutCommand({
        config,
        release: join(d.releaseDir, release),
        dryRun: false,
        deploymentId: `demo-${release}-${options.clock.now()}`,
        logDir: d.logDir,
        cwd: runtime.cwd,
    }, {
        ...deps,
        signal: options.signal,
        onStage: (s) => {
            story.tell(`  ${s.stage}: ${s.status} \u2014 ${s.detail}`);
        },
        onProgress: (p) => {
            if (p.elapsedMs - lastProgress < 10_000)
                return;
            lastProgress = p.elapsedMs;
            story.tell(gateProgressLine(p));
        },
    });
    story.tell(`rollout of ${release}: ${result.outcome} \u2014 ${result.reason}`);
    for (const g of result.monitor?.gates ?? [])
        story.tell(`    ${g.gate}: ${g.verdict} \u2014 ${g.reason}`);
    return result;
}
// 4. v3 regresses; a gate catches it and the rollout restores the backup taken just before.
async function checkRegressionRolledBack(d, v3, dbPath) {
    const caughtBy = v3.failedGates.filter((g) => g !== 'health');
    d.check('3.0.0 regression caught by a quality gate and rolled back', v3.outcome === 'rolled_back' && caughtBy.length > 0, `${v3.outcome}; failed gates: ${v3.failedGates.join(', ') || 'none'}`);
    if (v3.backupPath) {
        const manifestDb = await restoredLibraryMatches(v3.backupPath, dbPath, d.workspace);
        d.check('the data is as it was before 3.0.0', manifestDb.ok, manifestDb.detail);
    }
    else {
        d.check('the data is as it was before 3.0.0', false, 'the v3 rollout reported no backup');
    }
}
// 5. v2 healthy again.
async function checkPreviousLive(d) {
    const { config } = d;
    const health = await checkHealthOnce(`${config.env.service.base_url}${config.env.service.health_path}`, 5_000);
    d.check('2.0.0 is live and healthy again', health.ok && health.version === '2.0.0', `${health.detail}${health.version ? ` (version ${health.version})` : ''}`);
}
// 6. Notifications: each went to the configured channels or into the fallback file.
function checkNotifications(d, v2, v3) {
    const fallback = join(d.logDir, 'notification_fallback.jsonl');
    const lines = existsSync(fallback) ? readFileSync(fallback, 'utf8').trim().split('\n').filter(Boolean) : [];
    const ours = lines.filter((l) => l.includes(v2.deploymentId) || l.includes(v3.deploymentId));
    d.check('notifications recorded in the fallback file', d.userChannels.length > 0 || ours.length > 0, `${ours.length} undelivered message(s) in ${fallback}; replay with: dhash-rollout notify --replay --config ${d.configPath} --env demo`);
}
/** Where the reports, evidence and logs are. */
function tellWhereThingsAre(d, v2, v3) {
    const { story } = d;
    const reportPath = v3.monitor?.reportPath ?? undefined;
    const reports = [];
    for (const [release, r] of [
        ['2.0.0', v2],
        ['3.0.0', v3],
    ])
        if (r.monitor?.reportPath)
            reports.push({ release, result: r.outcome, path: r.monitor.reportPath });
    if (v2.monitor?.reportPath)
        story.tell(`HTML report of the 2.0.0 window: ${v2.monitor.reportPath}`);
    story.tell(`HTML report of the 3.0.0 window: ${reportPath}`);
    story.tell(`evidence: ${v3.monitor?.evidencePath}; logs: ${d.logDir}`);
    return { ok: d.checks.every((c) => c.ok), workspace: d.workspace, checks: d.checks, reportPath, reports };
}
/** Steps 2 to 6, under load from after the first release. */
async function tellStory(d) {
    if (!(await deployFirstRelease(d)))
        return { ok: false, workspace: d.workspace, checks: d.checks };
    const load = startLoad(d);
    // 3. v2 passes.
    const v2 = await demoRollout(d, '2.0.0');
    d.check('2.0.0 rollout passed its gates', v2.outcome === 'passed', `${v2.outcome}: ${v2.reason}`);
    const dbPath = join(d.workspace, 'target', 'shared', 'data', 'dhash.sqlite');
    const schemaV2 = await tableDigest(dbPath, 'schema_migrations');
    d.check('migration 002 applied by the v2 rollout', schemaV2.rows === 2, `${schemaV2.rows} migrations recorded`);
    const v3 = await demoRollout(d, '3.0.0');
    await checkRegressionRolledBack(d, v3, dbPath);
    await checkPreviousLive(d);
    checkNotifications(d, v2, v3);
    load.process.kill('SIGTERM');
    await new Promise((r) => load.process.once('close', r));
    const loadLine = load.output().trim().split('\n').pop();
    if (loadLine)
        d.story.tell(`load generator: ${loadLine}`);
    return tellWhereThingsAre(d, v2, v3);
}
async function runDemo(options) {
    const d = await prepareTarget(startStory(options));
    const stopEverything = async () => {
        if (d.load && d.load.exitCode === null)
            d.load.kill('SIGTERM');
        await d.target?.stop().catch(() => undefined);
    };
    const onAbort = () => void stopEverything();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        return await tellStory(d);
    }
    catch (error) {
        d.check('demo ran to the end', false, messageOf(error));
        return { ok: false, workspace: d.workspace, checks: d.checks };
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
        await stopEverything();
    }
}
/**
 * "With the data as it was": the live database, after the rollback, holds exactly the backup's
 * hash library and every review-queue row the backup had (the load generator keeps adding new
 * rows afterwards, so only the backup's rows are compared).
 */
async function restoredLibraryMatches(backupPath, liveDbPath, workspace) {
    const copy = (0,external_node_path_.join)(workspace, 'backup-db-check.sqlite');
    await extractDatabaseFromBackup(backupPath, copy);
    const backupDb = await embedded_db/* EmbeddedDatabase */._3.open(copy, { create: false });
    const liveDb = await embedded_db/* EmbeddedDatabase */._3.open(liveDbPath, { create: false });
    try {
        const rows = (db, sql) => JSON.stringify(db.read((d) => d.exec(sql)[0]?.values ?? []));
        const maxId = Number(backupDb.read((d) => d.exec('SELECT coalesce(max(id), 0) FROM review_queue')[0].values[0][0]));
        const library = rows(backupDb, 'SELECT * FROM hash_library ORDER BY id') ===
            rows(liveDb, 'SELECT * FROM hash_library ORDER BY id');
        const queueSql = `SELECT * FROM review_queue WHERE id <= ${maxId} ORDER BY id`;
        const queue = rows(backupDb, queueSql) === rows(liveDb, queueSql);
        const count = (db, t) => Number(db.read((d) => d.exec(`SELECT count(*) FROM ${t}`)[0].values[0][0]));
        return {
            ok: library && queue,
            detail: `hash_library ${library ? 'identical' : 'DIFFERENT'} (${count(liveDb, 'hash_library')} rows); the backup's ${count(backupDb, 'review_queue')} review-queue rows ${queue ? 'all present, unchanged' : 'DIFFER'}`,
        };
    }
    finally {
        backupDb.close();
        liveDb.close();
    }
}
const DEMO_EXIT = { ok: exit_codes/* ExitCode */.y.ok, failed: exit_codes/* ExitCode */.y.failed };

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./node_modules/jpeg-js/index.js
var jpeg_js = __webpack_require__(83598);
var jpeg_js_default = /*#__PURE__*/__webpack_require__.n(jpeg_js);
// EXTERNAL MODULE: ./node_modules/pngjs/lib/png.js
var lib_png = __webpack_require__(10359);
;// CONCATENATED MODULE: ./examples/dhash-service/src/images/encode.ts


function encodePng(image) {
    const png = new lib_png/* PNG */.O({ width: image.width, height: image.height });
    png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    return lib_png/* PNG */.O.sync.write(png, { colorType: 2 });
}
function encodeJpeg(image, quality = 85) {
    return jpeg_js_default().encode({ width: image.width, height: image.height, data: image.data }, quality).data;
}

;// CONCATENATED MODULE: ./examples/dhash-service/src/images/random.ts
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

;// CONCATENATED MODULE: ./examples/dhash-service/src/images/synthetic.ts

function wave(random, amplitude) {
    const frequency = () => (0.8 + random() * 2.4) * (random() < 0.5 ? -1 : 1);
    return { amplitude, fx: frequency(), fy: frequency(), phase: random() * Math.PI * 2 };
}
function syntheticImage(seed, width = 128, height = width) {
    const random = seededRandom(seed * 7919 + 17);
    const waves = [wave(random, 60), wave(random, 45), wave(random, 30)];
    const tint = [random() * 40 - 20, random() * 40 - 20, random() * 40 - 20];
    const ellipses = Array.from({ length: 3 }, () => ({
        cx: random(),
        cy: random(),
        rx: 0.08 + random() * 0.2,
        ry: 0.08 + random() * 0.2,
        rgb: [random() * 255, random() * 255, random() * 255],
    }));
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
        const v = (y + 0.5) / height;
        for (let x = 0; x < width; x++) {
            const u = (x + 0.5) / width;
            let base = 128;
            for (const w of waves)
                base += w.amplitude * Math.sin(2 * Math.PI * (w.fx * u + w.fy * v) + w.phase);
            const rgb = [base + tint[0], base + tint[1], base + tint[2]];
            for (const e of ellipses) {
                const dx = (u - e.cx) / e.rx;
                const dy = (v - e.cy) / e.ry;
                if (dx * dx + dy * dy <= 1)
                    for (let c = 0; c < 3; c++)
                        rgb[c] = rgb[c] * 0.5 + e.rgb[c] * 0.5;
            }
            const p = (y * width + x) * 4;
            for (let c = 0; c < 3; c++)
                data[p + c] = Math.max(0, Math.min(255, Math.round(rgb[c])));
            data[p + 3] = 255;
        }
    }
    return { width, height, data };
}
/**
 * A near-duplicate: the same picture re-captured \u2014 brightness shifted and per-pixel noise added.
 * Area averaging washes the noise out, so the hash moves by a few bits at most.
 */
function nearDuplicate(image, seed, noise = 10, brightness = 8) {
    const random = seededRandom(seed * 104729 + 3);
    const data = new Uint8Array(image.data.length);
    for (let p = 0; p < data.length; p += 4) {
        for (let c = 0; c < 3; c++) {
            const value = image.data[p + c] + brightness + (random() * 2 - 1) * noise;
            data[p + c] = Math.max(0, Math.min(255, Math.round(value)));
        }
        data[p + 3] = image.data[p + 3];
    }
    return { width: image.width, height: image.height, data };
}

;// CONCATENATED MODULE: ./examples/dhash-service/loadgen/image-mix.ts



const IMAGE_KINDS = ['known', 'near', 'unfamiliar', 'corrupt'];
const DEFAULT_MIX = { known: 0.5, near: 0.3, unfamiliar: 0.18, corrupt: 0.02 };
const KNOWN_SEEDS = Array.from({ length: 24 }, (_, i) => i);
const UNFAMILIAR_SEEDS = Array.from({ length: 32 }, (_, i) => 1000 + i);
/** Parses "known=0.5,near=0.3,unfamiliar=0.18,corrupt=0.02" (shares are normalised). */
function parseMix(text) {
    const mix = { known: 0, near: 0, unfamiliar: 0, corrupt: 0 };
    for (const part of text.split(',')) {
        const [key, value] = part.split('=').map((s) => s.trim());
        if (!IMAGE_KINDS.includes(key))
            throw new Error(`--mix: unknown kind "${key}"; use ${IMAGE_KINDS.join(', ')}`);
        const share = Number(value);
        if (!Number.isFinite(share) || share < 0)
            throw new Error(`--mix: ${key} needs a non-negative number, got "${value}"`);
        mix[key] = share;
    }
    const total = IMAGE_KINDS.reduce((sum, k) => sum + mix[k], 0);
    if (total <= 0)
        throw new Error('--mix: at least one share must be above 0');
    for (const k of IMAGE_KINDS)
        mix[k] /= total;
    return mix;
}
function corruptFiles(random, validPng) {
    const truncated = validPng.subarray(0, Math.floor(validPng.length / 3));
    const garbage = Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256)));
    const flipped = Buffer.from(validPng);
    for (let i = 40; i < flipped.length; i += 7)
        flipped[i] = flipped[i] ^ 0xff;
    return [truncated, garbage, flipped, Buffer.from('this is not an image')];
}
/** Encodes every image once, up front, so sending costs no CPU in the generator. */
function buildImagePool(size = 128) {
    const random = seededRandom(99);
    const known = KNOWN_SEEDS.map((seed) => ({
        kind: 'known',
        contentType: 'image/png',
        bytes: encodePng(syntheticImage(seed, size)),
    }));
    const near = KNOWN_SEEDS.map((seed) => ({
        kind: 'near',
        contentType: 'image/jpeg',
        bytes: encodeJpeg(nearDuplicate(syntheticImage(seed, size), seed + 5000), 85),
    }));
    const unfamiliar = UNFAMILIAR_SEEDS.map((seed) => ({
        kind: 'unfamiliar',
        contentType: 'image/png',
        bytes: encodePng(syntheticImage(seed, size)),
    }));
    const corrupt = corruptFiles(random, known[0].bytes).map((bytes) => ({
        kind: 'corrupt',
        contentType: 'image/png',
        bytes,
    }));
    return { known, near, unfamiliar, corrupt };
}
/** Picks images in the mix's proportions: evenly spread (deterministic), not drawn by chance. */
class MixPicker {
    mix;
    pool;
    credit = { known: 0, near: 0, unfamiliar: 0, corrupt: 0 };
    next = { known: 0, near: 0, unfamiliar: 0, corrupt: 0 };
    constructor(mix, pool) {
        this.mix = mix;
        this.pool = pool;
    }
    pick() {
        // Smooth weighted round-robin: every kind earns its share, the richest is sent and pays 1.
        let best = 'known';
        for (const kind of IMAGE_KINDS) {
            this.credit[kind] += this.mix[kind];
            if (this.credit[kind] > this.credit[best])
                best = kind;
        }
        this.credit[best] -= 1;
        const images = this.pool[best];
        const image = images[this.next[best] % images.length];
        this.next[best]++;
        return image;
    }
}

;// CONCATENATED MODULE: ./examples/dhash-service/loadgen/loadgen.ts


/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return null;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
function summarise(latencies) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
    return {
        p50_ms: round(percentile(sorted, 50)),
        p90_ms: round(percentile(sorted, 90)),
        p95_ms: round(percentile(sorted, 95)),
        p99_ms: round(percentile(sorted, 99)),
        max_ms: round(sorted.length ? sorted[sorted.length - 1] : null),
    };
}
function send(agent, target, image, asJson, timeoutMs) {
    const body = asJson
        ? Buffer.from(JSON.stringify({ image_base64: image.bytes.toString('base64') }))
        : image.bytes;
    return new Promise((resolve, reject) => {
        const req = (0,external_node_http_.request)(target, {
            method: 'POST',
            agent,
            headers: {
                'content-type': asJson ? 'application/json' : image.contentType,
                'content-length': body.length,
            },
            timeout: timeoutMs,
        }, (res) => {
            res.resume();
            res.on('end', () => {
                resolve(res.statusCode ?? 0);
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end(body);
    });
}
async function runLoad(options) {
    if (!(options.rate > 0))
        throw new Error('rate must be above 0 requests per second');
    if (!(options.durationSeconds >= 0))
        throw new Error('duration must be 0 (until stopped) or more seconds');
    const target = new URL('/api/dhash', options.url);
    const picker = new MixPicker(options.mix ?? DEFAULT_MIX, buildImagePool());
    const agent = new external_node_http_.Agent({ keepAlive: true, maxSockets: 256 });
    const timeoutMs = options.timeoutMs ?? 30_000;
    const maxInFlight = options.maxInFlight ?? 1000;
    const jsonEvery = options.jsonEvery ?? 4;
    const latencies = [];
    const statusCounts = {};
    const byKind = Object.fromEntries(IMAGE_KINDS.map((k) => [k, 0]));
    let sent = 0;
    let completed = 0;
    let skipped = 0;
    let transportErrors = 0;
    const inFlight = new Set();
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const report = () => {
        const seconds = elapsed();
        return {
            offered_rate: options.rate,
            elapsed_seconds: Math.round(seconds * 100) / 100,
            sent,
            completed,
            achieved_rate: seconds > 0 ? Math.round((completed / seconds) * 100) / 100 : 0,
            skipped_over_max_in_flight: skipped,
            transport_errors: transportErrors,
            status_counts: Object.fromEntries(Object.entries(statusCounts).map(([s, n]) => [s, n ?? 0])),
            by_kind: { ...byKind },
            latency: summarise(latencies),
        };
    };
    const onProgress = options.onProgress;
    const progress = onProgress
        ? setInterval(() => {
            onProgress(report());
        }, options.progressIntervalMs ?? 5000)
        : undefined;
    progress?.unref();
    const endAt = options.durationSeconds > 0 ? options.durationSeconds : Infinity;
    try {
        for (let i = 0;; i++) {
            const due = i / options.rate;
            if (due >= endAt || options.signal?.aborted)
                break;
            const waitMs = (due - elapsed()) * 1000;
            if (waitMs > 0) {
                const stopped = await new Promise((resolve) => {
                    const timer = setTimeout(() => {
                        options.signal?.removeEventListener('abort', onAbort);
                        resolve(false);
                    }, waitMs);
                    const onAbort = () => {
                        clearTimeout(timer);
                        resolve(true);
                    };
                    options.signal?.addEventListener('abort', onAbort, { once: true });
                });
                if (stopped)
                    break;
            }
            if (inFlight.size >= maxInFlight) {
                skipped++;
                continue;
            }
            const image = picker.pick();
            byKind[image.kind]++;
            sent++;
            const t0 = performance.now();
            const job = send(agent, target, image, jsonEvery > 0 && i % jsonEvery === jsonEvery - 1, timeoutMs).then((status) => {
                latencies.push(performance.now() - t0);
                completed++;
                statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            }, () => {
                transportErrors++;
            });
            const tracked = job.finally(() => inFlight.delete(tracked));
            inFlight.add(tracked);
        }
        await Promise.all(inFlight);
    }
    finally {
        if (progress)
            clearInterval(progress);
        agent.destroy();
    }
    return report();
}

// EXTERNAL MODULE: ./src/runtime/logger.ts
var logger = __webpack_require__(38118);
// EXTERNAL MODULE: ./src/domain/time/file-stamp.ts
var file_stamp = __webpack_require__(36002);
// EXTERNAL MODULE: ./src/commands/migrate-core.ts + 1 modules
var migrate_core = __webpack_require__(78992);
// EXTERNAL MODULE: ./src/adapters/migrations/read-files.ts
var read_files = __webpack_require__(61460);
// EXTERNAL MODULE: ./src/wiring/migration-mechanics.ts + 2 modules
var migration_mechanics = __webpack_require__(50355);
// EXTERNAL MODULE: ./src/commands/migrate.ts
var migrate = __webpack_require__(50223);
;// CONCATENATED MODULE: ./src/rehearse/environments.ts



function hostOnlyChecks(env) {
    const checks = [];
    const target = env.target;
    if (target?.type === 'local') {
        checks.push(`target root ${target.root} exists and is writable`);
        checks.push((0,external_node_path_.isAbsolute)(env.backup.dir)
            ? `backup directory ${env.backup.dir}`
            : `backup directory ${env.backup.dir} (under the target root)`);
    }
    else if (target?.type === 'command') {
        checks.push('the target commands (deploy, restart, rollback, status) run on the host');
    }
    else {
        checks.push('no target configured: deploy, backup and rollback are unavailable for this environment');
    }
    if (env.migrations.driver === 'postgres')
        checks.push(`database reachable through ${env.migrations.database_url_env}`);
    else if (env.migrations.database_path)
        checks.push(`database file ${env.migrations.database_path} under the target root`);
    checks.push(`service answers at ${env.service.base_url}`);
    return checks;
}
function checkEveryEnvironment(configPath, cwd, environment, names) {
    return names.map((name) => {
        try {
            const loaded = (0,load/* loadConfig */.Z9)({ configPath, envName: name, cwd, environment });
            return { name, ok: true, checkedByDeploy: hostOnlyChecks(loaded.env) };
        }
        catch (error) {
            return { name, ok: false, error: (0,errors/* messageOf */.bD)(error), checkedByDeploy: [] };
        }
    });
}

;// CONCATENATED MODULE: ./src/rehearse/schema-digest.ts


/**
 * The shape of an embedded database, independent of how SQLite happens to spell its CREATE
 * statements after ALTERs: every table's columns (name, type, not-null, key) and every index's
 * name and columns, without the tracking table. Two databases with the same digest have the same schema.
 */
async function embeddedSchemaDigest(path) {
    const db = await embedded_db/* EmbeddedDatabase */._3.open(path, { create: false });
    try {
        return db.read((d) => {
            const names = (d
                .exec("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' AND type IN ('table','index') ORDER BY type, name")
                .at(0)?.values ?? []);
            const shape = names.map(([name, type]) => {
                const quoted = `"${name.replace(/"/g, '""')}"`;
                const info = type === 'table'
                    ? d
                        .exec(`PRAGMA table_info(${quoted})`)
                        .at(0)
                        ?.values.map((r) => [r[1], r[2], r[3], r[5]])
                    : d
                        .exec(`PRAGMA index_info(${quoted})`)
                        .at(0)
                        ?.values.map((r) => r[2]);
                return [type, name, info ?? []];
            });
            let version = 0;
            try {
                version = Number(d.exec('SELECT coalesce(max(version), 0) FROM schema_migrations').at(0)?.values.at(0)?.[0] ?? 0);
            }
            catch {
                version = 0;
            }
            return {
                digest: (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16),
                version,
            };
        });
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./src/rehearse/scratch-config.ts

/**
 * A windowed gate needs min_sample_size observations before it has a verdict; a rehearsal window
 * of seconds under a modest load cannot give a production-sized sample, and a gate without a
 * verdict for half the window ends the rollout inconclusive. So the sample size is capped at what
 * a tenth of the window's load provides (never raised); thresholds and actions stay the user's.
 */
function rehearsalSampleSize(original, rate, windowSeconds) {
    return Math.min(original, Math.max(5, Math.floor((rate * windowSeconds) / 10)));
}
function isObject(value) {
    return typeof value === 'object' && value !== null;
}
/** The object at `value`, or an empty one when the user left the section out. */
function section(value) {
    return isObject(value) ? value : {};
}
function capSampleSizes(gates, cap) {
    for (const gate of Object.values(section(gates))) {
        if (!isObject(gate))
            continue;
        // The seed's shape keeps it under threshold: {...}; the flat shape beside threshold.
        for (const holder of [gate, gate.threshold])
            if (isObject(holder) && typeof holder.min_sample_size === 'number')
                holder.min_sample_size = cap(holder.min_sample_size);
    }
}
const SCRATCH_ENVIRONMENT = 'rehearsal';
function scratchConfig(input) {
    if (!Object.hasOwn(input.file.environments, input.envName))
        throw new errors/* UsageError */.eb(`environment: unknown environment ${JSON.stringify(input.envName)}`);
    const source = input.file.environments[input.envName];
    const env = structuredClone(source);
    const userTarget = (source.target ?? {});
    env.description = `Rehearsal of ${input.envName} on a scratch local target`;
    env.service = { ...section(env.service), base_url: `http://127.0.0.1:${input.port}` };
    env.target = {
        type: 'local',
        root: input.targetRoot,
        keep_releases: 5,
        start_command: userTarget.type === 'local' && typeof userTarget.start_command === 'string'
            ? userTarget.start_command
            : 'node server.js',
        stop_timeout_seconds: 10,
        health_timeout_seconds: 60,
    };
    env.backup = { ...section(env.backup), dir: input.backupDir };
    const migrations = section(env.migrations);
    if (migrations.driver === 'postgres') {
        if (!input.scratchDatabaseSet)
            throw new errors/* UsageError */.eb(`migrations.driver of "${input.envName}" is postgres: set ${input.scratchDatabaseVariable} to a scratch PostgreSQL database for the rehearsal (never the environment's own)`);
        env.migrations = { ...migrations, database_url_env: input.scratchDatabaseVariable };
    }
    env.metrics_source = { type: 'scrape' };
    const seconds = input.windowMinutes * 60;
    const poll = Math.max(1, Math.min(5, Math.floor(seconds / 6)));
    env.monitoring = {
        ...section(env.monitoring),
        window_minutes: input.windowMinutes,
        poll_intervals: {
            initial_minutes: input.windowMinutes,
            initial_interval_seconds: poll,
            normal_interval_seconds: poll,
        },
    };
    capSampleSizes(env.quality_gates, (n) => rehearsalSampleSize(n, input.rate, seconds));
    // A rehearsal pages nobody: no channels, so no escalation either.
    if (env.notifications)
        env.notifications = { channels: {} };
    env.auto_rollback = { ...section(env.auto_rollback), enabled: true, confirmation_required: false };
    return {
        version: input.file.version,
        default_environment: SCRATCH_ENVIRONMENT,
        // Endpoints, timeouts and the user agent apply to the rehearsal as to the real host.
        ...(input.file.global_settings
            ? { global_settings: input.file.global_settings }
            : {}),
        environments: { [SCRATCH_ENVIRONMENT]: env },
    };
}

;// CONCATENATED MODULE: ./src/rehearse/database-variable.ts
// Its own module so the CLI's help can name it without loading the rehearsal (and its load
// generator) at start-up.
/** The variable naming a scratch PostgreSQL database for a rehearsal's migrations. */
const REHEARSAL_DATABASE_VARIABLE = 'DHASH_REHEARSAL_DATABASE_URL';

;// CONCATENATED MODULE: ./src/rehearse/rehearse.ts


























/**
 * `rehearse`: the real rollout of a candidate release, on this machine, in a scratch `local`
 * target, without the target host: the previous release live under generated load \u2192 the guarded
 * rollout of the candidate (backup \u2192 migrate \u2192 deploy \u2192 smoke \u2192 a short monitoring window) \u2192 the
 * candidate's down migrations proven to bring the schema back to the previous release's \u2192 a
 * deliberate rollback to the backup, with the previous release and its data verified back \u2192 the
 * candidate rolled out again. It passes only when every one of those was observed.
 *
 * Platform note (the one place it is said): everything here is Node APIs, paths built with
 * node:path, processes started and stopped by the local target adapter; it has run on Linux in
 * this repository's tests. Windows and macOS behaviour (process-group stop, file replacement
 * while a service runs) is observed on GitHub by ci.yml's macOS and Windows legs, not here.
 */


function defaultWorkspace(env) {
    const base = env.RUNNER_TEMP && (0,external_node_fs_.existsSync)(env.RUNNER_TEMP) ? env.RUNNER_TEMP : (0,external_node_os_.tmpdir)();
    return (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(base, 'dhash-rehearsal-'));
}
function releaseVersion(dir) {
    try {
        // release.json is where the local target reads the version too.
        const manifest = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'release.json'), 'utf8'));
        return typeof manifest.version === 'string' ? manifest.version : null;
    }
    catch {
        return null;
    }
}
function highestMigration(releaseDir, migrationsDir) {
    const dir = (0,external_node_path_.resolve)(releaseDir, migrationsDir);
    if (!(0,external_node_fs_.existsSync)(dir))
        return 0;
    return (0,migrate_core/* loadMigrations */.Y$)(read_files/* readMigrationFiles */.I, dir).reduce((max, m) => Math.max(max, m.version), 0);
}
function checkReleaseDirs(options) {
    const candidateDir = (0,external_node_path_.resolve)(options.cwd, options.release);
    const previousDir = options.previousRelease ? (0,external_node_path_.resolve)(options.cwd, options.previousRelease) : null;
    for (const [flag, dir] of [
        ['--release', candidateDir],
        ['--previous-release', previousDir],
    ]) {
        if (dir && !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'release.json')))
            throw new errors/* UsageError */.eb(`${flag}: ${dir} is not a release directory (no release.json)`);
    }
    return { candidateDir, previousDir };
}
function writeRecord(run) {
    (0,external_node_fs_.writeFileSync)(run.recordPath, `${run.userConfig.redactor.text(JSON.stringify(run.result, null, 2))}\n`);
}
// 1. The user's config, every environment: what this machine can check, it checks.
function startRehearsal(options, deps) {
    const { clock } = deps;
    const stages = [];
    const stage = (name, status, detail) => {
        const record = { stage: name, status, detail, endedAt: new Date(clock.now()).toISOString() };
        stages.push(record);
        deps.onStage?.(record);
        return status !== 'failed';
    };
    const { candidateDir, previousDir } = checkReleaseDirs(options);
    const userConfig = (0,load/* loadConfig */.Z9)({
        configPath: options.configPath,
        envName: options.envName,
        cwd: options.cwd,
        environment: deps.env,
    });
    const environments = checkEveryEnvironment(options.configPath, options.cwd, deps.env, Object.keys(userConfig.file.environments));
    const workspace = options.workspace ? (0,external_node_path_.resolve)(options.cwd, options.workspace) : defaultWorkspace(deps.env);
    (0,external_node_fs_.mkdirSync)(workspace, { recursive: true });
    const logDir = options.logDir;
    (0,external_node_fs_.mkdirSync)(logDir, { recursive: true });
    const recordPath = (0,external_node_path_.join)(logDir, `rehearsal_${userConfig.envName}.json`);
    const result = {
        result: 'failed',
        exitCode: exit_codes/* ExitCode */.y.failed,
        environment: userConfig.envName,
        release: releaseVersion(candidateDir) ?? candidateDir,
        previousRelease: previousDir ? (releaseVersion(previousDir) ?? previousDir) : null,
        workspace,
        runner: {
            os: process.platform,
            arch: process.arch,
            node: process.version,
            runner_os: deps.env.RUNNER_OS ?? null,
        },
        environments,
        stages,
        rollouts: [],
        recordPath,
    };
    const run = {
        options,
        deps,
        candidateDir,
        previousDir,
        userConfig,
        environments,
        workspace,
        logDir,
        recordPath,
        stages,
        result,
        stage,
        finish: () => {
            const ok = stages.every((s) => s.status !== 'failed');
            result.result = ok ? 'passed' : 'failed';
            result.exitCode = ok ? exit_codes/* ExitCode */.y.ok : exit_codes/* ExitCode */.y.failed;
            writeRecord(run);
            return result;
        },
    };
    return run;
}
function validateStage(run) {
    const { environments } = run;
    const invalid = environments.filter((e) => !e.ok);
    return run.stage('validate', invalid.length ? 'failed' : 'passed', invalid.length
        ? invalid.map((e) => `${e.name}: ${e.error}`).join('; ')
        : `${environments.length} environment(s) valid: ${environments.map((e) => e.name).join(', ')}; what only their target hosts can check is listed as checked by the deploy`);
}
// 2. The scratch target: the environment's own gates, on this machine.
async function prepareScratchTarget(run) {
    const { options, deps, userConfig, workspace, logDir } = run;
    const { clock } = deps;
    const port = await free_port_freePort();
    const rawWindow = options.windowSeconds / 60;
    const file = scratchConfig({
        file: userConfig.file,
        envName: userConfig.envName,
        targetRoot: (0,external_node_path_.join)(workspace, 'target'),
        backupDir: (0,external_node_path_.join)(workspace, 'backups'),
        port,
        windowMinutes: rawWindow,
        scratchDatabaseVariable: REHEARSAL_DATABASE_VARIABLE,
        scratchDatabaseSet: !!deps.env[REHEARSAL_DATABASE_VARIABLE],
        rate: options.rate,
    });
    const configPath = (0,external_node_path_.join)(workspace, 'quality-gates-config.json');
    (0,external_node_fs_.writeFileSync)(configPath, `${JSON.stringify(file, null, 2)}\n`);
    // The real channels and the environment's own database are never reached from a rehearsal.
    const withheld = new Set([...channel_settings/* NOTIFICATION_VARIABLES */.k3, userConfig.env.migrations.database_url_env]);
    const environment = Object.fromEntries(Object.entries(deps.env).filter(([name]) => !withheld.has(name)));
    const config = (0,load/* loadConfig */.Z9)({
        configPath,
        envName: SCRATCH_ENVIRONMENT,
        cwd: workspace,
        environment,
    });
    const runtime = { clock, cwd: workspace, env: environment, interactive: false, logDir };
    const target = (0,wiring/* createReleaseTargetFor */._7)(config, {
        ...runtime,
        logger: (0,deploy_deps/* openOperationLog */.aG)('deploy', config, logDir, clock).logger,
    });
    const embeddedPath = config.env.migrations.driver === 'embedded' ? config.env.migrations.database_path : undefined;
    const dbPath = embeddedPath ? (0,external_node_path_.join)(workspace, 'target', embeddedPath) : null;
    return { config, runtime, target, dbPath, rawWindow, previousSchema: null, loadRun: null };
}
async function rolloutCandidate(run, scratch, label) {
    const { deps, logDir } = run;
    const { config, runtime } = scratch;
    const built = (0,rollout_deps/* buildRolloutDeps */.a)({ ...runtime, config, dryRun: false, sinks: deps.sinks ?? [] });
    const outcome = await (0,rollout/* rolloutCommand */.t)({
        config,
        release: run.candidateDir,
        dryRun: false,
        deploymentId: `rehearsal-${label}-${deps.clock.now()}`,
        logDir,
        windowMinutes: scratch.rawWindow,
    }, { ...built, signal: deps.signal });
    run.result.rollouts.push({
        outcome: outcome.outcome,
        reason: outcome.reason,
        failedGates: outcome.failedGates,
        backupPath: outcome.backupPath,
        evidencePath: outcome.monitor?.evidencePath ?? undefined,
        reportPath: outcome.monitor?.reportPath ?? undefined,
    });
    return outcome;
}
// 3. The previous release live (the load starts after it).
async function deployPrevious(run, scratch) {
    const { deps, logDir, previousDir, result } = run;
    const { config, dbPath } = scratch;
    if (!previousDir) {
        run.stage('previous', 'skipped', 'no --previous-release: the candidate goes onto an empty target, and the rollback cannot be rehearsed');
        return true;
    }
    const log = (0,deploy_deps/* openOperationLog */.aG)('deploy', config, logDir, deps.clock, deps.sinks ?? []);
    const deployed = await (0,deploy/* deployCommand */.Jp)({
        config,
        release: previousDir,
        backupFirst: false,
        dryRun: false,
        skipHealthCheck: false,
        deploymentId: `rehearsal-previous-${deps.clock.now()}`,
    }, (0,deploy_deps/* buildDeployDeps */.IC)({ ...scratch.runtime, config, log, dryRun: false }));
    if (!run.stage('previous', deployed.ok ? 'passed' : 'failed', deployed.ok
        ? `${result.previousRelease} live on ${config.env.service.base_url}`
        : `deploying ${result.previousRelease} failed: ${deployed.error}`))
        return false;
    if (dbPath && (0,external_node_fs_.existsSync)(dbPath))
        scratch.previousSchema = await embeddedSchemaDigest(dbPath);
    return true;
}
// 5. The candidate's down migrations bring the schema back to the previous release's.
async function checkDownMigrations(run, scratch, previousDir) {
    const { deps, logDir, workspace, result } = run;
    const { config, dbPath, previousSchema } = scratch;
    const previousVersion = highestMigration(previousDir, config.env.migrations.dir);
    const candidateMigrations = (0,external_node_path_.resolve)(run.candidateDir, config.env.migrations.dir);
    if (!dbPath) {
        run.stage('down-migrations', 'skipped', `the ${config.env.migrations.driver} database is checked by the rollback below`);
        return true;
    }
    const copy = (0,external_node_path_.join)(workspace, 'down-migrations-check.sqlite');
    (0,external_node_fs_.copyFileSync)(dbPath, copy);
    const migrated = await (0,migrate/* migrateCommand */.vu)({
        config,
        direction: 'down',
        to: previousVersion,
        dryRun: false,
        force: true,
        migrationsDir: candidateMigrations,
    }, {
        clock: deps.clock,
        logger: (0,deploy_deps/* openOperationLog */.aG)('migrate', config, logDir, deps.clock, deps.sinks ?? []).logger,
        cwd: workspace,
        migrations: (0,migration_mechanics/* migrationMechanics */.m)(config, workspace),
        interactive: false,
        driver: new embedded_driver/* EmbeddedMigrationDriver */.t(copy),
    });
    const after = migrated.ok ? await embeddedSchemaDigest(copy) : null;
    const same = !!after &&
        !!previousSchema &&
        after.digest === previousSchema.digest &&
        after.version === previousSchema.version;
    return run.stage('down-migrations', same ? 'passed' : 'failed', !migrated.ok
        ? `down migrations to version ${previousVersion} failed: ${migrated.error}`
        : same
            ? `${migrated.steps.length} down migration(s) ${migrated.currentVersion} \u2192 ${migrated.targetVersion}: the schema equals ${result.previousRelease}'s`
            : `after ${migrated.steps.length} down migration(s) the schema (version ${after?.version}, ${after?.digest}) differs from ${result.previousRelease}'s (version ${previousSchema?.version}, ${previousSchema?.digest})`);
}
// 6. The deliberate rollback to the backup the rollout took.
async function rollBackDeliberately(run, scratch, backupPath) {
    const { deps, logDir } = run;
    const { config, runtime } = scratch;
    const rollbackLogger = new logger/* JsonLinesLogger */.Qk(deps.clock, [
        new logger/* JsonFileSink */.m7((0,external_node_path_.join)(logDir, `rollback_${config.envName}_${(0,file_stamp/* fileStamp */.a)(deps.clock.now())}.log`)),
        ...(deps.sinks ?? []),
    ], config.redactor);
    const rolledBack = await (0,wiring/* createRollbackRunnerFor */.Q4)(config, { ...runtime, logger: rollbackLogger }).rollback({
        environment: config.envName,
        backup: backupPath,
        reason: `rehearsal: deliberate rollback of ${run.result.release}`,
        deploymentId: `rehearsal-rollback-${deps.clock.now()}`,
        signal: deps.signal,
    });
    return run.stage('rollback', rolledBack.ok ? 'passed' : 'failed', rolledBack.ok
        ? `restored ${rolledBack.restored ?? backupPath}; ${rolledBack.validation?.detail ?? ''}`
        : `rollback failed: ${rolledBack.error}`);
}
// After the rollback: the previous release answers, with its schema and data back.
async function verifyPrevious(run, scratch, backupPath) {
    const { result, workspace } = run;
    const { config, dbPath, previousSchema } = scratch;
    const health = await (0,targets_health/* checkHealthOnce */.i4)((0,targets_health/* serviceUrl */.Rs)(config.env.service.base_url, config.env.service.health_path), 10_000);
    const problems = [];
    if (!health.ok || health.version !== result.previousRelease)
        problems.push(`health: ${health.detail} (expected version ${result.previousRelease})`);
    let dataDetail = 'data not compared (no embedded database)';
    if (dbPath) {
        const schema = await embeddedSchemaDigest(dbPath);
        if (previousSchema &&
            (schema.digest !== previousSchema.digest || schema.version !== previousSchema.version))
            problems.push(`schema version ${schema.version} (${schema.digest}), expected ${previousSchema.version} (${previousSchema.digest})`);
        const data = await restoredLibraryMatches(backupPath, dbPath, workspace);
        if (!data.ok)
            problems.push(data.detail);
        dataDetail = `schema version ${schema.version}; ${data.detail}`;
    }
    return run.stage('verify-previous', problems.length ? 'failed' : 'passed', problems.length ? problems.join('; ') : `${result.previousRelease} live and healthy; ${dataDetail}`);
}
/** Legs 3 to 7, each stopping the rehearsal when it fails; the load runs from after leg 3. */
async function rehearseLegs(run, scratch, load) {
    const { options, previousDir } = run;
    if (!(await deployPrevious(run, scratch)))
        return;
    scratch.loadRun = runLoad({
        url: scratch.config.env.service.base_url,
        rate: options.rate,
        durationSeconds: 0,
        signal: load.signal,
    });
    // 4. The guarded rollout of the candidate.
    const first = await rolloutCandidate(run, scratch, 'candidate');
    const firstOk = first.outcome === 'passed' || first.outcome === 'alerted';
    if (!run.stage('rollout', firstOk ? 'passed' : 'failed', `${first.outcome}: ${first.reason}`))
        return;
    if (!previousDir || !first.backupPath) {
        run.stage('down-migrations', 'skipped', 'no previous release to migrate down to');
        run.stage('rollback', 'skipped', 'no previous release to roll back to');
        return;
    }
    if (!(await checkDownMigrations(run, scratch, previousDir)))
        return;
    if (!(await rollBackDeliberately(run, scratch, first.backupPath)))
        return;
    if (!(await verifyPrevious(run, scratch, first.backupPath)))
        return;
    // 7. The candidate again, as the real deploy will run it.
    const again = await rolloutCandidate(run, scratch, 'candidate-again');
    const againOk = again.outcome === 'passed' || again.outcome === 'alerted';
    run.stage('rollout-again', againOk ? 'passed' : 'failed', `${again.outcome}: ${again.reason}`);
}
/** The load's figures join the record once it has stopped. */
async function recordLoad(run, scratch) {
    const report = await scratch.loadRun?.catch(() => null);
    if (report) {
        run.result.load = {
            sent: report.sent,
            completed: report.completed,
            status_counts: report.status_counts,
            transport_errors: report.transport_errors,
        };
        writeRecord(run);
    }
}
async function rehearseCommand(options, deps) {
    const run = startRehearsal(options, deps);
    if (!validateStage(run))
        return run.finish();
    const scratch = await prepareScratchTarget(run);
    const load = new AbortController();
    const onAbort = () => {
        load.abort();
    };
    deps.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        await rehearseLegs(run, scratch, load);
        return run.finish();
    }
    catch (error) {
        run.stage(run.stages.length <= 1 ? 'previous' : 'rollout', 'failed', `rehearsal stopped: ${(0,errors/* messageOf */.bD)(error)}`);
        return run.finish();
    }
    finally {
        deps.signal?.removeEventListener('abort', onAbort);
        load.abort();
        await recordLoad(run, scratch);
        await scratch.target?.stop().catch(() => undefined);
    }
}

// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(86309);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(81729);
// EXTERNAL MODULE: ./src/action/log-sink.ts
var log_sink = __webpack_require__(2990);
// EXTERNAL MODULE: ./src/action/markdown.ts
var markdown = __webpack_require__(38037);
// EXTERNAL MODULE: ./src/options/values.ts
var values = __webpack_require__(62262);
;// CONCATENATED MODULE: ./src/action/commands/rehearse.ts






const ICON = { passed: '\u2705', failed: '\u274c', skipped: '\u23ed\ufe0f' };
/** Inputs: release, previous-release, environment, config, window-seconds, log-dir. */
const rehearseAction = async (ctx) => {
    const release = (0,values/* rehearsalReleaseOption */.kr)((0,inputs/* optionalInput */.$m)(ctx.core, 'release'));
    const cwd = ctx.inputs.workingDirectory;
    const env = ctx.inputs.environmentVariables;
    const result = await rehearseCommand({
        configPath: ctx.inputs.config,
        envName: ctx.inputs.environment,
        release,
        previousRelease: (0,inputs/* optionalInput */.$m)(ctx.core, 'previous-release'),
        cwd,
        windowSeconds: (0,values/* rehearsalWindowSecondsOption */.wf)((0,inputs/* optionalInput */.$m)(ctx.core, 'window-seconds')) ?? 30,
        rate: 10,
        logDir: (0,state_dir/* logDir */.mw)(cwd, (0,inputs/* optionalInput */.$m)(ctx.core, 'log-dir')),
    }, {
        clock: ctx.clock,
        env,
        sinks: [new log_sink/* ActionLogSink */.s(ctx.core, 'dhash rehearse')],
        onStage: (s) => {
            ctx.core.info(`rehearse ${s.stage}: ${s.status} \u2014 ${s.detail}`);
        },
    });
    const summary = [
        `## dhash-rollout rehearsal of \`${result.release}\`${result.previousRelease ? ` after \`${result.previousRelease}\`` : ''} (gates of \`${result.environment}\`): ${result.result === 'passed' ? '\u2705 passed' : '\u274c failed'}`,
        `A scratch local target on this runner (${env.RUNNER_OS ?? process.platform}); nothing was sent and no real host or database was touched.`,
        (0,markdown/* table */.tp)(['stage', 'status', 'detail'], result.stages.map((s) => [s.stage, `${ICON[s.status] ?? ''} ${s.status}`, s.detail])),
        '### Checked by the deploy, on the target host',
        (0,markdown/* table */.tp)(['environment', 'config', 'what only the host can check'], result.environments.map((e) => [
            e.name,
            e.ok ? 'valid' : `invalid: ${e.error}`,
            e.checkedByDeploy.join('; '),
        ])),
        result.load
            ? `Generated load: ${result.load.completed}/${result.load.sent} requests answered (${Object.entries(result.load.status_counts)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')}).`
            : '',
        `Record: \`${result.recordPath}\``,
    ]
        .filter(Boolean)
        .join('\n\n');
    const failed = result.stages.filter((s) => s.status === 'failed');
    return {
        outputs: {
            result: result.result,
            environment: result.environment,
            'record-path': result.recordPath,
            'evidence-path': result.rollouts.at(-1)?.evidencePath ?? '',
            'report-path': result.rollouts.at(-1)?.reportPath ?? '',
        },
        summary,
        failure: failed.length
            ? `rehearsal of ${result.release} failed: ${failed.map((s) => `${s.stage}: ${s.detail}`).join('; ')}`
            : undefined,
        exitCode: result.exitCode,
    };
};


/***/ }),

/***/ 50223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vu: () => (/* binding */ migrateCommand)
/* harmony export */ });
/* unused harmony exports confirmProduction, assertMigrated */
/* harmony import */ var _config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86309);
/* harmony import */ var _runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6931);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60482);
/* harmony import */ var _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82266);
/* harmony import */ var _migrate_core_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(78992);






/** Production changes need a human's typed "yes, this environment" unless --force. */
async function confirmProduction(config, what, force, deps) {
    if (config.envName !== 'production' || force)
        return;
    if (!deps.interactive || !deps.ask) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk(`${what} in production needs confirmation: run it on a terminal and type the environment name, or pass --force`);
    }
    const answer = (await deps.ask(`${what} in production. Type "production" to continue: `)).trim();
    if (answer !== 'production')
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RefusedError */ .fk(`not confirmed (got "${answer}"); nothing was changed`);
}
/**
 * `migrate`: applies (or reverts) SQL migrations with the tracking table, one transaction per
 * migration, under the environment lock and the database's own lock. A dry-run runs the pending
 * steps inside a transaction that is rolled back, so it proves they apply and changes nothing.
 */
async function migrateCommand(options, deps) {
    const { config } = options;
    const { logger } = deps;
    const progress = deps.progress ?? _runtime_step_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .silentProgress */ .R;
    const migrationsDir = (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .migrationsDirFor */ .MS)(config, deps.cwd, options);
    const lockRoot = (0,_config_state_dir_js__WEBPACK_IMPORTED_MODULE_0__/* .lockDir */ .JK)(config.env, deps.cwd);
    const driver = deps.driver ?? deps.migrations.openDriver();
    const planOptions = { direction: options.direction, to: options.to };
    let releaseLock;
    try {
        // Planned, checked and confirmed before the lock is taken: a refusal, a dry-run and "nothing
        // to do" create nothing (not the target root the lock lives in, not the database file).
        let prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigrations */ .N_)(deps.migrations.readFiles, driver, migrationsDir, planOptions);
        for (const warning of prepared.plan.warnings)
            logger.warn(warning);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        const base = describePlan(options, driver, migrationsDir, prepared);
        logger.info(`migration plan: ${base.steps.length} step(s) ${base.direction}, version ${base.currentVersion} \u2192 ${base.targetVersion}`, { database: driver.description, steps: base.steps, dry_run: options.dryRun });
        progress.step({ step: 'plan', status: 'done', detail: planLine(base) });
        const appliedAt = new Date(deps.clock.now()).toISOString();
        if (options.dryRun) {
            const owner = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .readLockOwner */ .Dh)((0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentLockPath */ .s)(lockRoot, config.envName));
            if (owner)
                base.lockHeldBy = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .describeOwner */ .$S)(owner);
            if (base.steps.length === 0)
                return base;
            const result = await runWithProgress(progress, base, true, () => driver.dryRun(prepared.plan.steps, appliedAt));
            return finish(base, result, logger, true);
        }
        if (base.steps.length === 0) {
            logger.info(base.migrationCount
                ? 'the database is up to date; nothing to do'
                : `no migration files in ${migrationsDir}`);
            return base;
        }
        await confirmProduction(config, `${base.direction === 'up' ? 'Applying' : 'Reverting'} ${base.steps.length} migration(s) on ${driver.description}`, options.force, deps);
        releaseLock = (0,_runtime_env_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .acquireEnvironmentLock */ .D)(lockRoot, config.envName, 'migrate', new Date(deps.clock.now()));
        // Under the lock, read again: another run may have moved the database since the plan.
        prepared = await (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareMigrations */ .N_)(deps.migrations.readFiles, driver, migrationsDir, planOptions);
        (0,_migrate_core_js__WEBPACK_IMPORTED_MODULE_5__/* .refuseUnsafePlan */ .Ab)(prepared.plan);
        const locked = describePlan(options, driver, migrationsDir, prepared);
        if (locked.steps.length === 0) {
            logger.info('another run applied the plan meanwhile; nothing to do');
            return locked;
        }
        const result = await runWithProgress(progress, locked, false, () => driver.run(prepared.plan.steps, appliedAt));
        return finish(locked, result, logger, false);
    }
    finally {
        await driver.close();
        releaseLock?.();
    }
}
function describePlan(options, driver, migrationsDir, prepared) {
    const { plan } = prepared;
    return {
        ok: true,
        dryRun: options.dryRun,
        environment: options.config.envName,
        database: driver.description,
        migrationsDir,
        migrationCount: prepared.migrations.length,
        direction: plan.direction,
        currentVersion: plan.currentVersion,
        targetVersion: plan.targetVersion,
        steps: plan.steps.map((s) => ({ version: s.version, name: s.name, direction: s.direction })),
        outcomes: [],
        warnings: plan.warnings,
    };
}
function planLine(base) {
    if (base.steps.length)
        return `${base.steps.length} step(s) ${base.direction} on ${base.database}, version ${base.currentVersion} \u2192 ${base.targetVersion}`;
    return base.migrationCount
        ? `nothing to do: ${base.migrationCount} migration file(s), schema version ${base.currentVersion}`
        : `no migration files in ${base.migrationsDir}`;
}
async function runWithProgress(progress, base, dryRun, work) {
    const handle = progress.wait(`${dryRun ? 'proving' : 'applying'} ${base.steps.length} migration(s) on ${base.database}${dryRun ? ' (rolled back)' : ''}`);
    let result;
    try {
        result = await work();
    }
    finally {
        handle.end();
    }
    for (const o of result.outcomes)
        progress.step({
            step: `${String(o.version).padStart(3, '0')}_${o.name} ${o.direction}`,
            status: o.status === 'failed' ? 'failed' : o.status === 'skipped' ? 'skipped' : 'done',
            detail: o.status === 'failed' ? (o.detail ?? 'failed') : dryRun ? `${o.status} (rolled back)` : o.status,
        });
    return result;
}
function finish(base, result, logger, dryRun) {
    for (const note of result.notes ?? [])
        logger.info(note);
    if (result.notes?.length)
        base = { ...base, notes: result.notes };
    for (const outcome of result.outcomes) {
        logger.log(outcome.status === 'failed' ? 'ERROR' : 'INFO', `${dryRun ? '[dry-run] ' : ''}migration ${outcome.version} (${outcome.name}) ${outcome.direction}: ${outcome.status}`, {
            ...(outcome.detail ? { detail: outcome.detail } : {}),
        });
    }
    if (result.error) {
        const done = result.outcomes.filter((o) => o.status === 'applied' || o.status === 'reverted').length;
        const error = dryRun
            ? `${result.error} (dry-run: nothing was changed)`
            : `${result.error}; ${done} step(s) before it were committed, it and the rest were not`;
        return { ...base, ok: false, outcomes: result.outcomes, error };
    }
    return { ...base, outcomes: result.outcomes };
}
function assertMigrated(result) {
    if (!result.ok)
        throw new OperationError(result.error ?? 'migration failed');
}


/***/ })

} };
})
