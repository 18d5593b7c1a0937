"use strict";
(function (__dhashImportMetaUrl) {
return { id: 928, ids: [928], modules: {

/***/ 7602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mF: () => (/* binding */ runSmokeChecks)
});

// UNUSED EXPORTS: INVALID_PAYLOAD_BODY, joinUrl

// EXTERNAL MODULE: ./src/domain/metrics/metric-names.ts
var metric_names = __webpack_require__(7361);
// EXTERNAL MODULE: ./src/domain/metrics/exposition.ts
var metrics_exposition = __webpack_require__(6654);
;// CONCATENATED MODULE: ./src/domain/smoke/families.ts
const SERIES_SUFFIXES = ['_bucket', '_sum', '_count', '_created'];
/**
 * Whether a family is exposed: declared by a TYPE line, or sampled under its own name or a
 * histogram/summary series name. Counters are matched under the name the config uses, which for
 * prom-client is the full `_total` name.
 */
function hasFamily(exposition, family) {
    if (exposition.types.has(family))
        return true;
    return exposition.samples.some((s) => s.name === family || SERIES_SUFFIXES.some((suffix) => s.name === family + suffix));
}

;// CONCATENATED MODULE: ./src/domain/smoke/checks.ts
/**
 * The smoke checks as pure judgements: each takes what the service answered (or how the request
 * failed) and says pass, warn or fail with a one-line reason. The I/O lives in
 * src/commands/smoke/; keeping the verdicts here lets every misbehaviour be unit tested.
 */



const SMOKE_CHECK_IDS = (/* unused pure expression or super */ null && ([
    'health',
    'metrics',
    'hash',
    'queue_status',
    'invalid_payload',
    'admin_protected',
    'health_latency',
]));
const SMOKE_CHECKS = [
    { id: 'health', title: 'GET health: JSON with status "ok"', critical: true },
    { id: 'metrics', title: 'GET metrics: parses, required families present', critical: true },
    { id: 'hash', title: 'POST /api/dhash sample image: known hash', critical: true },
    { id: 'queue_status', title: 'GET queue status: JSON with numeric queue_length', critical: false },
    { id: 'invalid_payload', title: 'POST /api/dhash invalid payload: 4xx', critical: false },
    { id: 'admin_protected', title: 'GET admin route: not open', critical: false },
    { id: 'health_latency', title: 'health latency within the limit', critical: false },
];
/** The families the default gates read (docs/architecture.md, "Contracts"). */
const REQUIRED_METRIC_FAMILIES = Object.values(metric_names/* METRIC_NAMES */.U);
function checksFor(quick) {
    return SMOKE_CHECKS.filter((c) => !quick || c.critical);
}
const pass = (detail) => ({ status: 'pass', detail });
const fail = (detail) => ({ status: 'fail', detail });
const warn = (detail) => ({ status: 'warn', detail });
function describeStatus(obs) {
    return `HTTP ${obs.status}`;
}
function parseJsonObject(body) {
    let value;
    try {
        value = JSON.parse(body);
    }
    catch {
        const start = body.trim().slice(0, 40).replace(/\s+/g, ' ');
        return `body is not JSON (starts "${start}")`;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return 'body is JSON but not an object';
    return value;
}
function judgeHealth(obs) {
    if (obs.kind === 'error')
        return fail(obs.error);
    if (obs.status < 200 || obs.status >= 300)
        return fail(`${describeStatus(obs)}, expected 2xx`);
    const json = parseJsonObject(obs.body);
    if (typeof json === 'string')
        return fail(json);
    if (json.status !== 'ok')
        return fail(`status is ${JSON.stringify(json.status ?? null)}, expected "ok"`);
    const version = typeof json.version === 'string' || typeof json.version === 'number' ? `, version ${json.version}` : '';
    return pass(`status ok${version}`);
}
function judgeMetrics(obs, required = REQUIRED_METRIC_FAMILIES) {
    if (obs.kind === 'error')
        return fail(obs.error);
    if (obs.status < 200 || obs.status >= 300)
        return fail(`${describeStatus(obs)}, expected 2xx`);
    let exposition;
    try {
        exposition = (0,metrics_exposition/* parseExposition */.gw)(obs.body);
    }
    catch (error) {
        if (error instanceof metrics_exposition/* ExpositionError */.zi || error?.name === 'ExpositionError')
            return fail(`not Prometheus text: ${error.message}`);
        throw error;
    }
    if (exposition.samples.length === 0)
        return fail('no samples in the exposition');
    const missing = required.filter((family) => !hasFamily(exposition, family));
    if (missing.length > 0)
        return fail(`missing famil${missing.length === 1 ? 'y' : 'ies'}: ${missing.join(', ')}`);
    return pass(`${exposition.samples.length} samples, all ${required.length} required families present`);
}
function judgeQueueStatus(obs) {
    if (obs.kind === 'error')
        return fail(obs.error);
    if (obs.status < 200 || obs.status >= 300)
        return fail(`${describeStatus(obs)}, expected 2xx`);
    const json = parseJsonObject(obs.body);
    if (typeof json === 'string')
        return fail(json);
    const length = json.queue_length;
    if (typeof length !== 'number' || !Number.isFinite(length) || length < 0) {
        return fail(`queue_length is ${JSON.stringify(length ?? null)}, expected a number of at least 0`);
    }
    return pass(`queue_length ${length}`);
}
/**
 * The hash check compares the hex the service returns with the sample's known value. Field names
 * vary between service versions, so the first hex string found under a known key is used.
 */
const HASH_FIELDS = ['hash', 'dhash', 'hash_hex', 'dhash_hex'];
function extractHash(json) {
    for (const key of HASH_FIELDS) {
        const value = json[key];
        if (typeof value === 'string')
            return value;
    }
    return null;
}
function judgeHash(obs, expectedHex) {
    if (obs.kind === 'error')
        return fail(obs.error);
    if (obs.status < 200 || obs.status >= 300)
        return fail(`${describeStatus(obs)}, expected 2xx`);
    const json = parseJsonObject(obs.body);
    if (typeof json === 'string')
        return fail(json);
    const hash = extractHash(json);
    if (hash === null)
        return fail(`no hash in the response (looked for ${HASH_FIELDS.join(', ')})`);
    if (hash.toLowerCase() !== expectedHex.toLowerCase())
        return fail(`hash ${hash}, expected ${expectedHex.toLowerCase()}`);
    return pass(`hash ${hash.toLowerCase()} matches the sample`);
}
function judgeInvalidPayload(obs) {
    if (obs.kind === 'error')
        return fail(obs.error);
    if (obs.status >= 400 && obs.status < 500)
        return pass(`rejected with ${describeStatus(obs)}`);
    if (obs.status >= 500)
        return fail(`${describeStatus(obs)}: the service errored instead of rejecting the payload`);
    return fail(`${describeStatus(obs)}: an invalid payload was accepted`);
}
/** 401/403/404 (and other refusals or redirects to a login) mean not open; 2xx means anyone can use it. */
function judgeAdmin(obs) {
    if (obs.kind === 'error')
        return fail(`${obs.error} (cannot tell whether the admin route is protected)`);
    if (obs.status >= 200 && obs.status < 300)
        return fail(`${describeStatus(obs)}: the admin route is open without credentials`);
    if (obs.status >= 300 && obs.status < 400)
        return pass(`${describeStatus(obs)}: redirected, not served`);
    if (obs.status >= 400 && obs.status < 500)
        return pass(`${describeStatus(obs)}: not open`);
    return fail(`${describeStatus(obs)}: the admin route errors (cannot tell whether it is protected)`);
}
/** Latency is reported, and a slow answer warns rather than fails: a slow service still serves. */
function judgeLatency(healthObs, limitMs) {
    if (healthObs.kind === 'error')
        return fail(`no health answer to time: ${healthObs.error}`);
    const ms = Math.round(healthObs.elapsedMs);
    if (healthObs.elapsedMs > limitMs)
        return warn(`${ms} ms, above the ${limitMs} ms limit`);
    return pass(`${ms} ms (limit ${limitMs} ms)`);
}

// EXTERNAL MODULE: ./src/domain/smoke/verdict.ts
var smoke_verdict = __webpack_require__(4539);
;// CONCATENATED MODULE: ./src/smoke-sample/sample-image.ts
/**
 * The smoke-test sample: a small PNG with real structure (interfering brightness waves under
 * translucent ellipses; synthetic seed 7 of examples/dhash-service, 45x40 RGB) and its dHash.
 * `dhash-rollout smoke` POSTs it to a deployed service and expects exactly SAMPLE_DHASH_HEX back;
 * test/service/smoke-sample.test.ts proves the value by an independent computation.
 */
const SAMPLE_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAC0AAAAoCAIAAADlteR+AAAO2klEQVR4ATXBS69l2yIA4PEec4wxn2vttXdVHbdy740EcePVoOdG' +
    'Q0hENOh4hEhEi/8jtEjEHxD8AoKgIYRLDlI5Z1ft2mvN53i/VG3xffCXf+EntNY5Z8ZY3/eXy+XN69dvvvji9etX5/Nd27aE4BDC' +
    'um5PT0+Pj49fffXV4+Pj9fq870dKiVLStt35fL6/v3/16uFyuZ+mSSlFCE4pW2u2bZ/neVmWbVu1NiGEWishmDEuXjQNJ4SSbdti' +
    'jJQSxljbtuM4jNM0DIOUilJaa7E2aq3nF8uyaK1TShgTpRTGSAjR9/30QggJADDGOOdyzt47Y6zW2lrrvYcQdV1LCOWccd5wziml' +
    'EIKUsveelFIopVLKcRymaRrHqes6zjmEwHtvrXXObdt2u92u1+txHCklxugw9AjhpmmUkm3bKtUKITBGztnjOELw1jprrfc+pQQh' +
    'oJQKIdu27T5rhRCE0FKytXZd121biVKyaZq+70+n893deRh6znmtRWuz74f3/jiOfd+2bddahxAopZxzxpgQQn4mGOMY41JKCF5r' +
    's3+2HYf23pdSGKWqbZtGDMNwf39/d3c3DEPTNLVWrfX1ep3ned8Pcrnct207DMM4Dl3XCyFrrcehY4zWWv3ZYYwNIdRSMCFd17Vt' +
    '2/fdJ1JKSlmt1Tm3bdtxHB8/e57n23HonDNjbBgGqeQn5/P5zZs3Dw8PwzBQSpzzAIB5vjnn13Ulb9++7T5rhZCUklqBtdZove37' +
    'tm3HsVvrcs6EECll23Xn8/lyuZzPp74fOOe1Fq1NzikEP8/L4+P7x8fH2+1qrcMY9X2vlKKUdV13Pp/v7+8fHh5E2wJQIdwQgiFE' +
    'Y8y+b+Tb3/62UopzDiHwPhzHsSzz8/P1+fl5WRatdc6ZMdZ/1vV9//Dw8ObNm8vl0nUtQtham1LOuRyHvt2uT08f3r9/vyxrSkAI' +
    'LKXCGAsh+r4bx+ET0baANiCHnIv33lprjLbWkm9965ucN7UWY6z3/jiOjx+fv/76qw8fnpZlCcETQvp+6PteCDlN0/39/evXr87n' +
    'OyFESinnXGt1zu37vizLPC/bthkDIARCQEqpEEIpJaVqGkEIAbWCEpI1x3Hs+6G19t6XUskXX3wfhNAY41+s6/r09PT4+P7Dhw/H' +
    'sddalWr7vuecd107juPpNI3j2HUdILiYklJyzmqtj+MwxoTgS6kYA0qBUqrrurZthRCEkFKKcw7vW631OPT1el3X1Vpba22ahpzP' +
    'J++D9z7GdBx6Webbi3Vdvc+UAoQQ51wp2bZd27ZCSEopAKCEaIw5jmPfD611CL6USilVSoomN0KcTqdxHJVShJCU0r7vEMJ1pTkn' +
    'rc2yLNu2pZQ456fTiTDGvQ8xBmP0vu/btmt9OOdKyQgBzhulVNt2bdsKIQghpRTnXM4lxriu6zzf9n3z3gMApRTTNAkhIYTlt3rW' +
    'cCPoO7k9yy//tfmaUYYxhgVWUHKT0136sXffRAgNw6BUS2KM1pp9P/b90FoH70uplFIpFUKo67rTaRqGQQiJMYox7vuWUkIIeh+2' +
    'bZvnm9a61iqlPJ/v2rZ9/HkLIcQYkxcQwhhiTtkgA8H/gxBB9Lc//D2MMcHku1/+CFmW+Xabl2U5jiPGABGSUpZS+r6nlLRtO01T' +
    '3/eU0hDisizee0JwKTXG6Jyz1oYQGGOn02kcx3/9qa/OQAIAAQC11lJLyTkEm3PKudRaAIQYY0YpbxpBRMO5EOJffvIr8vj4fnnh' +
    'nIUQtW2LEBrHEUJAKW2aRggphCilbNumtYYQ1v8HIUQIUUr7vuec/f13/vOM7gAEtZSYUvDeOhdCtNY672KIpRaMEOdcSkUZI4QI' +
    'IbquE0KQd+/emRc5FyklY6zWCiFELyAEtdaUsrV2XRYfQowh54IQZIwrpYZhaFt1Op3//jvfO7EJY1wriDFaa0vOpRTv3XEc2ugQ' +
    'AqiVUlpqZZwjCBmlQgillJCSvHv3rtaKEKKUKqU454wxSgkAMOdkrdv3fVnmdV1vt9u2bdbaWitjbBiG+/v7YRiUau8vl75/3zQN' +
    'wjjn7KxNOQEAU0zWOW20Po4QIkSwqZU3DQQQE8IY4y8YZeTrr79WSg1937Zqmk7jOCjVUkpyzsehb7ertcZad71eHx+/vl5vxhiE' +
    'UNd1EMLT6cQYG4b+7nL5PfUbfyb+CkEYYkwpQQBzyTEG/4lz3oeUEiYY1IogIgRT8gnFhECEAKjker0Sggk9j+P4+vXry+XSdR3G' +
    '2Dn3/Pystc65HMdxvT6/f//h+Xn3HjAGIITn8xljLIToun4YhmYYfhv+zp+WP04p1VpzzimmGNMnuZQKKkKQYEIpZYx+QghBCNZS' +
    'UoygVmKMqRVIKabp9PCCdS2ola3bvu+1VufccRzLsi7Lvm0gJfB/CCFN04gXnHMACQDg19Gv/kH6oxhijCGlWEqGAGCMGWMQAMa5' +
    'ELJpGkoZhCiLn/2fp/Lmq+/7zR8KpJTCGFOqHYZhmkbWjwAIAAPGRyklBG+tNcY452IEtQKMAedACKGUEkJwzhCCKSXgDCAhOftL' +
    '1+++e/fuyy+//IuHDxAiSpkUgjGGIOKcff+P/z5jjDNGGQN/248YO+j/8J8qoZQ2TSNfcN4AQACoAERrnXnhvUspQQg5B20LCAHT' +
    'JKdp6rquaRoAoHN+XdeUIgDAGHv77GqM/oG/vn96gssCraWlFErpw6/8LnvHX7DtiUcUEoQAgFoBkVIKIRhjEMIUI00GAOCOY1nm' +
    'dV2NsTlnSmnXdaWUlBJjbByHy+Wu6zqMsfd+nm8xRkpJKcU5dxzHum4hRM75+Xzuuq6UAiFA3/1lhCCECEKYS4kpgfp/AACVtG3L' +
    'GCulGGPmZbHO5ZyPY39+fl7X1XuPMen7vtY6DAOolTKmlOr7XkqRc17XxXtHCIUQlFJzzimlUgqEsOv6YRgxxgih+Ts/XSsoJaeU' +
    'QojXr1DOIefySQUVAkiEEABUY8zz87O1lhCcUrbW7vu273utVSmFEJymMecCIUAIE/wZRMhaY4wupZZSaq0QQkoJ51xK1bZt17VK' +
    'tUKI//7Gj061ppS898bYUlzKJYaYUsylAAAQQoQx6r2/Xq9aH4QQAGCtJeecUi6lMEbP5xOEd/BFrTXn5H2w1mp97PvxibU2xggA' +
    '4Jy1bXc+n5RSbdteLvfn00m17dwNOWfnXM6lAhNjTBGFGFJMpRQIISGY1FrXdVvXrb6AEGKMKGVCNFKq9oWUkjGGEIwxHoee5zmE' +
    'YK27Xq/Pz8/7voUQCSFd1wEAx3HknA/DcHnxj+obEoAQQowJgJpT8j6kRFJKOadaK0IYQEic88dxGGO8c7kUjLEQYhzHu7u7YRg/' +
    'uVwu4zg2TVNrNUY/P1+NMTmnfd+fn58/fHi/rlvOWQiBMc45U0qkVMMwTNM4DANDLOcCQCylxJhCiCGGXGAttQIAIUQYYYzJvu8f' +
    'n55u86y1LqU0TTNNE6X07u5OSnE6nR4eHk6nE+c8xjjPeNv2Uoq1bt+3ZVnmeTmOAiEgJEIIOWdSyrZtlVJNIwghNYOcc4wxBB+C' +
    'DyHklEDlEEKMMEKQUMooJeu6fnh6+vjxozEWQtB1XdPwWgtjrG3bcRxPp0mNI8AYW4MQSik557TWx6GNMSGUWgGloGkapVTbdm3b' +
    'CiEIIaUU55wv/hPzmXXOpxRrrQhBQjCAEGNMCWWMknVd58+sc4AxIJoIIWSMCSGUapWSTdMATAAoIURrjdaH1oe1JsYAAGAMElKV' +
    'kucX4zhKqQjBKcV9343RB6XOWa21Mdp7X0rBmHwCAEQIYYIJIZRQorW21oQASgEYA95wKZVSrZSSc44QTiljZ0MI8zzfbrdlWY7j' +
    'CCEihKSUGGNCSNd1l8vl/v4yDAPnLKW8bbsxNqU46n//t8sPWmudsyklCBHnvDKGPsGY4M8QwiSlBCHkHDQN6PtmmqZxHLuua5oG' +
    'AOCcW9cVQmiMud1uHz48zfNsrYMQKqUQwgCApmn6vp+m6Xw+ta0CABzHYYxJKTlnj0Ov7FWMMaVUQWWMYoyrbfALhBBEEABAKKVt' +
    '2zEWGGPjODw8vDqdTkophKBzbp7nfd9TSlofy7xcb7d13XJOTdOcz3cAAMaYEEK9EEJQSp3zWhvvnTHWGG2tC9/7HvmZX0EIEUI4' +
    'Z5w3d3f84zuAEIYQ1ApyyWQYesYYAKBpmmEYTp9NjLEY47LM+77nnL331hqttTHWe4cxGceRENI0jWiaRjSMMYRwKcV7b4zZ933b' +
    'tuM4rLUpJYSQ+Is/GX/xtxljQkoppBDNyjyEsNaac661koeHV7VWSknTNFIqKaUQAkKw78e2bTFG/yKEkHMGAFJKlZSqVW3btUo1' +
    'QlBKSqne+33frbW32+16vc7zfBxHjBFjrJT8hP/dXzY/92tSSKUk5/wHf6z7j3+ec86l1pwyefv2G5RSxhilDGMMIcgpe++NsVpr' +
    'Y4y1NqUEAGCMtW2rlBzG8Xw+T9PYth1jtJRqrU0phhC2bbter09PT8uyOOcghFJKjImUYhj6L97908PDq6+nnySEAAC/9UOdc/Y4' +
    '0n548s1vfqtpGkoIgCDGqLXZtnXfj9vtNs/zvu/eewhB0zTDMGKMlWpPp9P9/WWaTlIKCKG1zlrrfTiOfVmWeZ7XddVal1I4503D' +
    'u64dhnEcp77vpZQ/uv0XQigE/w/yrTGG/M2f+/fvydu3b5umgRB677dtM8Za65ZleXp6ut2ux6FzzpxzjAnGWEo5DMM0TeM49X1H' +
    'CI0xppSsNdu2Lcu6bas+jhAChJBz3vf9NJ3O57vz+TwMfdMICIFzLsa477u6/bv5+PHDx4/LspBXr15RSmOM2wvv/b7v82e3ZVmc' +
    '8xhj/qJt277vh2Houk4IgRDOORlj1nW9vViXRWuTcqaUcM6VUqfT6f7+8vBwP02TlBJCaK0NIez7Mc/z9Xq93W7btjnnyDAMAFSt' +
    'S87ZWrvv+7qu27ZpbUKIEALOedu24zhO0zSOY9u2jLFSirXWOTvPy9PT04cPT7fb9TiOnDNjrGkaKeU4jnefnafp1HUdxsR7Z63b' +
    'tu32Yp5nrY8QIsbofwFesxBYIN828wAAAABJRU5ErkJggg==';
/** The dHash of the sample (64 bits, 16 lowercase hex digits), as the reference service computes it. */
const SAMPLE_DHASH_HEX = '24d99a66653335c9';
const SAMPLE_WIDTH = 45;
const SAMPLE_HEIGHT = 40;
/**
 * How the service accepts an image (either works):
 *  - `POST /api/dhash` with `Content-Type: application/json` and body `{"image_base64": "<base64>"}`;
 *  - `POST /api/dhash` with `Content-Type: image/png` (or image/jpeg, application/octet-stream)
 *    and the raw bytes as the body.
 * A 200 response is JSON with at least `{"hash": "<16 hex digits>", "match": {...} | null,
 * "confidence": <0..1>, "queued": <boolean>}`; the smoke check compares `hash`.
 */
const SAMPLE_REQUEST = {
    method: 'POST',
    path: '/api/dhash',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ image_base64: SAMPLE_PNG_BASE64, filename: 'smoke-sample.png' }),
};
/** The response field that carries the hash. */
const SAMPLE_RESPONSE_HASH_FIELD = 'hash';

// EXTERNAL MODULE: ./src/runtime/http.ts
var http = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/commands/smoke/probe.ts

/** Smoke bodies are small; a service that answers megabytes to /health is misbehaving. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/**
 * One HTTP exchange turned into an Observation: a failed request is a result to judge, not an
 * exception, so one dead endpoint does not hide the verdicts of the others.
 */
async function observe(request) {
    const started = performance.now();
    try {
        const res = await (0,http/* httpRequest */.aj)({ maxBodyBytes: MAX_BODY_BYTES, ...request });
        return {
            kind: 'response',
            status: res.status,
            contentType: res.headers['content-type'] ?? '',
            body: res.text(),
            elapsedMs: res.elapsedMs,
        };
    }
    catch (error) {
        const elapsedMs = performance.now() - started;
        if (error instanceof http/* HttpError */.j$)
            return { kind: 'error', error: `${error.kind}: ${error.message}`, elapsedMs };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/commands/smoke/run-checks.ts




/**
 * A syntactically fine request whose payload is not an image: the service must refuse it with a
 * 4xx. It names no image field at all, so a correct service rejects it before attempting an
 * extraction and the smoke run does not add a failed extraction to the metrics the gates read.
 */
const INVALID_PAYLOAD_BODY = JSON.stringify({ smoke_test: 'not an image' });
function joinUrl(baseUrl, path) {
    return `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
/** Runs the checks in order, each with its own deadline; returns every outcome and the verdict. */
async function runSmokeChecks(target, options, logger) {
    const judge = checkJudges(target, options, requester(target, options));
    const checks = [];
    for (const definition of checksFor(options.quick)) {
        options.signal?.throwIfAborted();
        const { judgement, elapsedMs } = await judge[definition.id]();
        const outcome = {
            ...definition,
            status: judgement.status,
            detail: judgement.detail,
            elapsedMs,
        };
        checks.push(outcome);
        logCheck(logger, outcome, elapsedMs);
        options.onCheck?.(outcome);
    }
    const verdict = (0,smoke_verdict/* smokeVerdict */.F)(checks);
    logVerdict(logger, verdict);
    return { baseUrl: target.baseUrl, quick: options.quick, checks, verdict };
}
/** One request to the service under the run's deadlines. */
function requester(target, options) {
    return (path, extra = {}) => observe({
        url: joinUrl(target.baseUrl, path),
        method: extra.method ?? 'GET',
        headers: {
            accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
            ...extra.headers,
        },
        body: extra.body,
        timeoutMs: options.timeoutMs,
        connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
        signal: options.signal,
    });
}
/** Each check's exchange with the service and its judgement; the latency check reuses the health exchange. */
function checkJudges(target, options, request) {
    let healthObservation;
    return {
        health: async () => {
            healthObservation = await request(target.healthPath);
            return { judgement: judgeHealth(healthObservation), elapsedMs: healthObservation.elapsedMs };
        },
        metrics: async () => {
            const obs = await request(target.metricsPath, { headers: { accept: 'text/plain;version=0.0.4' } });
            return { judgement: judgeMetrics(obs), elapsedMs: obs.elapsedMs };
        },
        hash: async () => {
            const obs = await request(target.hashPath ?? SAMPLE_REQUEST.path, {
                method: 'POST',
                headers: { ...SAMPLE_REQUEST.headers },
                body: SAMPLE_REQUEST.body,
            });
            return { judgement: judgeHash(obs, SAMPLE_DHASH_HEX), elapsedMs: obs.elapsedMs };
        },
        queue_status: async () => {
            const obs = await request(target.queueStatusPath);
            return { judgement: judgeQueueStatus(obs), elapsedMs: obs.elapsedMs };
        },
        invalid_payload: async () => {
            const obs = await request(target.hashPath ?? SAMPLE_REQUEST.path, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: INVALID_PAYLOAD_BODY,
            });
            return { judgement: judgeInvalidPayload(obs), elapsedMs: obs.elapsedMs };
        },
        admin_protected: async () => {
            const obs = await request(target.adminPath);
            return { judgement: judgeAdmin(obs), elapsedMs: obs.elapsedMs };
        },
        health_latency: async () => {
            // Reuses the health exchange when it ran; otherwise times a fresh one.
            const obs = healthObservation ?? (await request(target.healthPath));
            return { judgement: judgeLatency(obs, options.latencyLimitMs), elapsedMs: obs.elapsedMs };
        },
    };
}
/** One log line per finished check: a critical failure is an error, any other failure or warning a warning. */
function logCheck(logger, outcome, elapsedMs) {
    const level = outcome.status === 'fail'
        ? outcome.critical
            ? 'ERROR'
            : 'WARN'
        : outcome.status === 'warn'
            ? 'WARN'
            : 'INFO';
    logger.log(level, `Smoke check ${outcome.id}: ${outcome.status.toUpperCase()} - ${outcome.detail}`, {
        check: outcome.id,
        status: outcome.status,
        critical: outcome.critical,
        elapsed_ms: elapsedMs === undefined ? undefined : Math.round(elapsedMs),
    });
}
function logVerdict(logger, verdict) {
    logger.log(verdict.status === 'failed' ? 'ERROR' : verdict.status === 'warned' ? 'WARN' : 'INFO', `Smoke tests ${verdict.status}: ${verdict.summary}`, {
        result: verdict.status,
        passed: verdict.passed,
        warned: verdict.warned,
        failed: verdict.failed,
        critical_failed: verdict.criticalFailed,
    });
}


/***/ }),

/***/ 7775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ DEFAULT_LATENCY_LIMIT_MS),
/* harmony export */   W: () => (/* binding */ smokeTargetOf)
/* harmony export */ });
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);

/** Health round-trips slower than this warn (the health gate itself times out at 5 s by default). */
const DEFAULT_LATENCY_LIMIT_MS = 1_000;
/** The service section of the config as a smoke target; `endpoint` (--endpoint) replaces base_url. */
function smokeTargetOf(service, endpoint) {
    let baseUrl = service.base_url;
    if (endpoint !== undefined) {
        let url;
        try {
            url = new URL(endpoint);
        }
        catch {
            url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--endpoint: expected an http(s) URL such as http://127.0.0.1:8080, got "${endpoint}"`);
        }
        baseUrl = endpoint;
    }
    return {
        baseUrl: baseUrl.replace(/\/+$/, ''),
        healthPath: service.health_path,
        metricsPath: service.metrics_path,
        queueStatusPath: service.queue_status_path,
        adminPath: service.admin_path,
    };
}


/***/ }),

/***/ 6654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gw: () => (/* binding */ parseExposition),
/* harmony export */   zi: () => (/* binding */ ExpositionError)
/* harmony export */ });
/* unused harmony export parseNumber */
class ExpositionError extends Error {
    line;
    constructor(line, detail) {
        super(`metrics text line ${line}: ${detail}`);
        this.line = line;
        this.name = 'ExpositionError';
    }
}
const HISTOGRAM_SUFFIXES = ['_bucket', '_count', '_sum', '_created', '_total', '_gcount', '_gsum'];
/** The family a sample name belongs to, given the families wanted (suffix-aware). */
function wantedFamily(name, wanted) {
    if (wanted.has(name))
        return true;
    for (const suffix of HISTOGRAM_SUFFIXES) {
        if (name.endsWith(suffix) && wanted.has(name.slice(0, -suffix.length)))
            return true;
    }
    return false;
}
function parseNumber(text) {
    switch (text) {
        case '+Inf':
        case 'Inf':
        case '+inf':
        case 'inf':
            return Infinity;
        case '-Inf':
        case '-inf':
            return -Infinity;
        case 'NaN':
        case 'nan':
            return NaN;
        default: {
            const n = Number(text);
            if (text === '' || (Number.isNaN(n) && text !== 'NaN'))
                return Number.NaN;
            return n;
        }
    }
}
/**
 * Parses exposition text. With `families`, samples of other families are skipped before their
 * labels are parsed. Malformed lines throw an ExpositionError naming the line, because a gate
 * judged on half a payload would be judged wrongly.
 */
function parseExposition(text, options = {}) {
    const samples = [];
    const types = new Map();
    const wanted = options.families;
    const length = text.length;
    let pos = 0;
    let lineNo = 0;
    while (pos < length) {
        lineNo++;
        let end = text.indexOf('\n', pos);
        if (end === -1)
            end = length;
        let lineEnd = end;
        if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13)
            lineEnd--; // \r
        const first = text.charCodeAt(pos);
        if (lineEnd === pos) {
            // blank line
        }
        else if (first === 35 /* # */) {
            const line = text.slice(pos, lineEnd);
            if (line.startsWith('# TYPE ')) {
                const parts = line.slice(7).trim().split(/\s+/);
                if (parts.length >= 2)
                    types.set(parts[0], parts[1]);
            }
        }
        else {
            const sample = parseSampleLine(text, pos, lineEnd, lineNo, wanted);
            if (sample)
                samples.push(sample);
        }
        pos = end + 1;
    }
    return { samples, types };
}
function isNameChar(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 58;
}
function parseSampleLine(text, start, end, lineNo, wanted) {
    let i = start;
    while (i < end && isNameChar(text.charCodeAt(i)))
        i++;
    if (i === start)
        throw new ExpositionError(lineNo, `expected a metric name, got "${text.slice(start, Math.min(end, start + 40))}"`);
    const name = text.slice(start, i);
    if (wanted && !wantedFamily(name, wanted))
        return null;
    const labels = {};
    if (text.charCodeAt(i) === 123 /* { */) {
        i++;
        for (;;) {
            while (i < end && text.charCodeAt(i) === 32)
                i++;
            if (text.charCodeAt(i) === 125 /* } */) {
                i++;
                break;
            }
            const labelStart = i;
            while (i < end && isNameChar(text.charCodeAt(i)))
                i++;
            if (i === labelStart)
                throw new ExpositionError(lineNo, `expected a label name in ${name}`);
            const label = text.slice(labelStart, i);
            while (i < end && text.charCodeAt(i) === 32)
                i++;
            if (text.charCodeAt(i) !== 61 /* = */)
                throw new ExpositionError(lineNo, `expected "=" after label ${label} in ${name}`);
            i++;
            while (i < end && text.charCodeAt(i) === 32)
                i++;
            if (text.charCodeAt(i) !== 34 /* " */)
                throw new ExpositionError(lineNo, `expected a quoted value for label ${label} in ${name}`);
            i++;
            let value = '';
            let chunkStart = i;
            for (;;) {
                if (i >= end)
                    throw new ExpositionError(lineNo, `unterminated value of label ${label} in ${name}`);
                const c = text.charCodeAt(i);
                if (c === 34)
                    break;
                if (c === 92 /* \ */) {
                    value += text.slice(chunkStart, i);
                    const next = text.charCodeAt(i + 1);
                    value += next === 110 ? '\n' : next === 34 ? '"' : next === 92 ? '\\' : `\\${text[i + 1] ?? ''}`;
                    i += 2;
                    chunkStart = i;
                    continue;
                }
                i++;
            }
            value += text.slice(chunkStart, i);
            i++; // closing quote
            labels[label] = value;
            while (i < end && text.charCodeAt(i) === 32)
                i++;
            const sep = text.charCodeAt(i);
            if (sep === 44 /* , */) {
                i++;
                continue;
            }
            if (sep === 125) {
                i++;
                break;
            }
            throw new ExpositionError(lineNo, `expected "," or "}" after label ${label} in ${name}`);
        }
    }
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9))
        i++;
    let valueEnd = i;
    while (valueEnd < end && text.charCodeAt(valueEnd) !== 32 && text.charCodeAt(valueEnd) !== 9)
        valueEnd++;
    const raw = text.slice(i, valueEnd);
    const value = parseNumber(raw);
    if (Number.isNaN(value) && raw !== 'NaN' && raw !== 'nan')
        throw new ExpositionError(lineNo, `expected a number as the value of ${name}, got "${raw}"`);
    return { name, labels, value };
}


/***/ }),

/***/ 4539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ smokeVerdict),
/* harmony export */   O: () => (/* binding */ renderSmokeTable)
/* harmony export */ });
/**
 * Any failed check fails the run (a service that accepts garbage or serves its admin route openly
 * is not fit, even if it hashes); a warning (slow health) alone does not.
 */
function smokeVerdict(outcomes) {
    const ran = outcomes.filter((o) => o.status !== 'skipped');
    const failed = ran.filter((o) => o.status === 'fail');
    const warned = ran.filter((o) => o.status === 'warn');
    const passed = ran.filter((o) => o.status === 'pass');
    const criticalFailed = failed.some((o) => o.critical);
    const status = failed.length > 0 ? 'failed' : warned.length > 0 ? 'warned' : 'passed';
    const parts = [`${passed.length}/${ran.length} smoke checks passed`];
    if (failed.length > 0)
        parts.push(`failed: ${failed.map((o) => `${o.id} (${o.detail})`).join('; ')}`);
    if (warned.length > 0)
        parts.push(`warnings: ${warned.map((o) => `${o.id} (${o.detail})`).join('; ')}`);
    return {
        status,
        criticalFailed,
        passed: passed.length,
        warned: warned.length,
        failed: failed.length,
        summary: parts.join('; '),
    };
}
const MARK = {
    pass: 'PASS',
    warn: 'WARN',
    fail: 'FAIL',
    skipped: 'SKIP',
};
/** A plain-text table for terminals and logs: one row per check, fixed-width columns. */
function renderSmokeTable(outcomes) {
    const rows = outcomes.map((o) => [
        MARK[o.status],
        o.critical ? 'critical' : '',
        o.id,
        o.elapsedMs === undefined ? '' : `${Math.round(o.elapsedMs)} ms`,
        o.detail,
    ]);
    const header = ['RESULT', 'LEVEL', 'CHECK', 'TIME', 'DETAIL'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = (r) => r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}


/***/ })

} };
})
