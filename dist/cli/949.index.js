"use strict";
(function (__dhashImportMetaUrl) {
return { id: 949, ids: [949], modules: {

/***/ 8917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ prepareArchiveBytesWorker),
/* harmony export */   Yp: () => (/* binding */ readArchiveBytes),
/* harmony export */   k: () => (/* binding */ discardArchiveBytesWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);

/**
 * One pass over an archive's bytes in a worker thread reading the caller's open descriptor (the
 * same file, even if its path were replaced meanwhile), beside the main thread's own work on it:
 * the file's SHA-256 and, when given ranges (ascending, not overlapping), each range's CRC-32
 * compared with the expected one. A restore's scan takes the hash while it inflates the entries
 * (zip-reader.ts); a backup takes both to prove the archive it just wrote (written-archive.ts).
 *
 * The first range that differs is reported and the CRCs stop there (the hash goes on: it is cheap,
 * and the answer is an error anyway). Progress is posted after each block. Inline source (eval) so
 * that it survives bundling.
 */
const ARCHIVE_BYTES_WORKER = `
const { parentPort } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { crc32 } = require('node:zlib');
parentPort.once('message', ({ fd, size, starts, ends, crcs, blockBytes }) => {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(blockBytes, size)));
  let k = 0;
  let crc = 0;
  let mismatch = null;
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - at), at);
    if (n === 0) break;
    const block = buffer.subarray(0, n);
    hash.update(block);
    const blockEnd = at + n;
    while (mismatch === null && k < starts.length && starts[k] < blockEnd) {
      const from = Math.max(starts[k], at);
      const to = Math.min(ends[k], blockEnd);
      if (to > from) crc = crc32(block.subarray(from - at, to - at), crc);
      if (ends[k] > blockEnd) break;
      if (crc >>> 0 !== crcs[k]) mismatch = { index: k, crc: crc >>> 0 };
      else k++;
      crc = 0;
    }
    at = blockEnd;
    parentPort.postMessage({ progress: at });
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), bytes: at, checked: k, mismatch });
});
`;
const BLOCK_BYTES = 1024 * 1024;
/** A booted worker waiting for its file (see prepareArchiveBytesWorker). */
let spare = null;
function startWorker() {
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(ARCHIVE_BYTES_WORKER, { eval: true });
    // An idle spare must not keep the process alive.
    worker.unref();
    return worker;
}
/**
 * Boots the worker of the next pass now (50-100 ms for an isolate and Node's bootstrap), so that a
 * writer has it ready by the time its archive is finished. Idempotent.
 */
function prepareArchiveBytesWorker() {
    if (spare)
        return;
    const worker = startWorker();
    const forget = () => {
        if (spare === worker)
            spare = null;
    };
    worker.once('error', forget);
    worker.once('exit', forget);
    spare = worker;
}
/** Stops the booted worker, when no pass will take it (a writer closed unfinished). */
function discardArchiveBytesWorker() {
    const worker = spare;
    spare = null;
    void worker?.terminate();
}
const NO_RANGES = {
    starts: new Float64Array(0),
    ends: new Float64Array(0),
    crcs: new Uint32Array(0),
};
/** Reads `size` bytes of `fd` in a worker: the SHA-256, and the ranges' CRC-32s checked. */
function readArchiveBytes(fd, size, ranges = NO_RANGES, onProgress) {
    const worker = spare ?? startWorker();
    spare = null;
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.ref();
    const exited = new Promise((resolve) => {
        worker.once('exit', () => {
            resolve();
        });
    });
    const result = new Promise((resolve, reject) => {
        worker.on('message', (message) => {
            if ('progress' in message)
                onProgress?.(message.progress, size);
            else
                resolve(message);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
            reject(new Error(`the pass over the archive's bytes stopped early (exit code ${code})`));
        });
    });
    result.catch(() => undefined);
    worker.postMessage({ fd, size, ...ranges, blockBytes: BLOCK_BYTES });
    return {
        result,
        stop: async () => {
            await worker.terminate();
            await exited;
        },
    };
}


/***/ }),

/***/ 9773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ve: () => (/* binding */ duplicateKey),
/* harmony export */   _$: () => (/* binding */ checkEntryName),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   vF: () => (/* binding */ UnsafeEntryError)
/* harmony export */ });
/* harmony import */ var _domain_backup_raw_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7769);

/**
 * Entry names are the first line of defence of extraction. Everywhere a name must be a plain
 * relative path ("/"-separated, no empty, "." or ".." segment, no NUL), so it stays inside the
 * directory it is extracted into. Beyond that, any name Linux allows is accepted (colons, "?*|",
 * control characters, non-UTF-8 bytes); a name the platform doing the restore cannot hold is
 * refused there, with the reason, rather than restored under another name.
 */
class UnsafeEntryError extends Error {
}
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
/** Returns the name's segments, or throws saying why the name is refused. */
function checkEntryName(name, platform = process.platform) {
    if (name.length === 0)
        throw new UnsafeEntryError('an entry has an empty name');
    if (name.includes('\0'))
        throw new UnsafeEntryError(`entry "${printable(name)}" has a NUL byte in its name`);
    if (name.startsWith('/'))
        throw new UnsafeEntryError(`entry "${printable(name)}" has an absolute path`);
    const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
    const segments = trimmed.split('/');
    for (const segment of segments) {
        if (segment === '..')
            throw new UnsafeEntryError(`entry "${printable(name)}" climbs out of the target with ".."`);
        if (segment === '' || segment === '.')
            throw new UnsafeEntryError(`entry "${printable(name)}" has an empty or "." path segment`);
    }
    const reason = platformProblem(segments, platform);
    if (reason)
        throw new UnsafeEntryError(`entry "${printable(name)}" cannot be restored on ${platformName(platform)}: ${reason}`);
    return segments;
}
function platformProblem(segments, platform) {
    if (platform === 'win32') {
        for (const segment of segments) {
            if (segment.includes('\\'))
                return '"\\" is a path separator there';
            if (/^[a-zA-Z]:/.test(segment) || segment.includes(':'))
                return '":" is reserved (drive letters, streams)';
            // eslint-disable-next-line no-control-regex
            if (/[\x00-\x1f]/.test(segment))
                return 'control characters are not allowed in names';
            if (/[<>"|?*]/.test(segment))
                return 'one of < > " | ? * is not allowed in names';
            if (WINDOWS_RESERVED.test(segment))
                return `"${segment}" is a reserved device name`;
            if (/[. ]$/.test(segment))
                return 'a name cannot end with "." or a space';
            if ((0,_domain_backup_raw_name_js__WEBPACK_IMPORTED_MODULE_0__/* .hasRawBytes */ .Cb)(segment))
                return 'the name is not valid UTF-8';
        }
    }
    if (platform === 'darwin') {
        if (segments.some(_domain_backup_raw_name_js__WEBPACK_IMPORTED_MODULE_0__/* .hasRawBytes */ .Cb))
            return 'the name is not valid UTF-8, which APFS refuses';
    }
    return null;
}
function platformName(platform) {
    return platform === 'win32' ? 'Windows' : platform === 'darwin' ? 'macOS' : platform;
}
/**
 * Key for duplicate detection. Linux file systems tell every byte string apart, so there two
 * names are duplicates only when equal; Windows and macOS fold case (and macOS Unicode
 * normalization), so there `README` and `readme`, or NFC and NFD `caf\u00e9`, would land on one file.
 */
function duplicateKey(name, platform = process.platform) {
    const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
    if (platform === 'win32' || platform === 'darwin')
        return trimmed.normalize('NFC').toLowerCase();
    return trimmed;
}
function printable(name) {
    return JSON.stringify(name).slice(1, -1).slice(0, 200);
}


/***/ }),

/***/ 4264:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ METHOD_DEFLATE),
/* harmony export */   CZ: () => (/* binding */ EXTRA_TIMESTAMP),
/* harmony export */   Cn: () => (/* binding */ U16_MAX),
/* harmony export */   FC: () => (/* binding */ EXTRA_UNICODE_PATH),
/* harmony export */   GM: () => (/* binding */ typeFromAttributes),
/* harmony export */   GV: () => (/* binding */ externalAttributes),
/* harmony export */   Kc: () => (/* binding */ fromDosDateTime),
/* harmony export */   SX: () => (/* binding */ SIG_LOCAL),
/* harmony export */   Tq: () => (/* binding */ FLAG_UTF8),
/* harmony export */   Y3: () => (/* binding */ ZIP64_EOCD_SIZE),
/* harmony export */   Zi: () => (/* binding */ SIG_ZIP64_LOCATOR),
/* harmony export */   _0: () => (/* binding */ LOCAL_HEADER_SIZE),
/* harmony export */   c: () => (/* binding */ METHOD_STORE),
/* harmony export */   cd: () => (/* binding */ U32_MAX),
/* harmony export */   dn: () => (/* binding */ EXTRA_ZIP64),
/* harmony export */   iM: () => (/* binding */ SIG_EOCD),
/* harmony export */   iV: () => (/* binding */ EOCD_SIZE),
/* harmony export */   ny: () => (/* binding */ MADE_BY_UNIX),
/* harmony export */   sL: () => (/* binding */ readExtraFields),
/* harmony export */   st: () => (/* binding */ SIG_CENTRAL),
/* harmony export */   uM: () => (/* binding */ FLAG_ENCRYPTED),
/* harmony export */   uj: () => (/* binding */ SIG_ZIP64_EOCD),
/* harmony export */   wR: () => (/* binding */ FLAG_DATA_DESCRIPTOR),
/* harmony export */   y8: () => (/* binding */ dosDateTime),
/* harmony export */   yX: () => (/* binding */ CENTRAL_HEADER_SIZE),
/* harmony export */   zV: () => (/* binding */ ZIP64_LOCATOR_SIZE)
/* harmony export */ });
/* unused harmony exports S_IFMT, S_IFREG, S_IFDIR, S_IFLNK, timestampExtra */
/**
 * The bytes of the zip format (APPNOTE 6.3) that our writer emits and our reader accepts:
 * local headers without data descriptors (the writer patches sizes in place, so every local
 * header is true), central directory, end record, and zip64 records when sizes or offsets pass
 * 4 GiB. Kept apart from the streaming code so both sides agree on one definition.
 */
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_UTF8 = 0x0800;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_ENCRYPTED = 0x0001;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const EOCD_SIZE = 22;
const ZIP64_EOCD_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;
const EXTRA_ZIP64 = 0x0001;
const EXTRA_TIMESTAMP = 0x5455;
const EXTRA_UNICODE_PATH = 0x7075;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
/** Unix file type bits in the high half of external attributes ("version made by" = Unix). */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = (3 << 8) | 45;
/** MS-DOS date and time (local time, 2-second resolution), as every unzip expects. */
function dosDateTime(ms) {
    const d = new Date(ms);
    const year = Math.max(1980, Math.min(2107, d.getFullYear()));
    return {
        time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
        date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    };
}
function fromDosDateTime(date, time) {
    return new Date(1980 + (date >> 9), ((date >> 5) & 0xf) - 1, date & 0x1f, time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2).getTime();
}
function externalAttributes(type, mode) {
    const kind = type === 'dir' ? S_IFDIR : type === 'symlink' ? S_IFLNK : S_IFREG;
    const dosDir = type === 'dir' ? 0x10 : 0;
    return (((kind | (mode & 0o7777)) << 16) | dosDir) >>> 0;
}
function typeFromAttributes(madeBy, external, name) {
    const unix = madeBy >> 8 === 3;
    const high = (external >>> 16) & 0xffff;
    if (unix && high !== 0) {
        const kind = high & S_IFMT;
        const mode = high & 0o7777;
        if (kind === S_IFLNK)
            return { type: 'symlink', mode };
        if (kind === S_IFDIR || name.endsWith('/'))
            return { type: 'dir', mode };
        return { type: 'file', mode };
    }
    return { type: name.endsWith('/') || (external & 0x10) !== 0 ? 'dir' : 'file', mode: null };
}
/** Extended-timestamp extra field with the modification time (UTC seconds). */
function timestampExtra(mtimeMs) {
    const b = Buffer.alloc(9);
    b.writeUInt16LE(EXTRA_TIMESTAMP, 0);
    b.writeUInt16LE(5, 2);
    b.writeUInt8(1, 4);
    b.writeUInt32LE(Math.max(0, Math.min(U32_MAX, Math.floor(mtimeMs / 1000))), 5);
    return b;
}
function readExtraFields(extra) {
    const fields = new Map();
    let i = 0;
    while (i + 4 <= extra.length) {
        const id = extra.readUInt16LE(i);
        const size = extra.readUInt16LE(i + 2);
        if (i + 4 + size > extra.length)
            break;
        fields.set(id, extra.subarray(i + 4, i + 4 + size));
        i += 4 + size;
    }
    return fields;
}


/***/ }),

/***/ 4761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  di: () => (/* reexport */ archive_error/* ArchiveError */.d),
  Un: () => (/* binding */ readEntryContent),
  x5: () => (/* binding */ readZipDirectory),
  xn: () => (/* binding */ scanZip)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/adapters/archive/entry-name.ts
var entry_name = __webpack_require__(9773);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/runtime/collect-garbage.ts
var collect_garbage = __webpack_require__(4184);
;// CONCATENATED MODULE: ./src/adapters/archive/inflate-once.ts



/**
 * `inflateRawSync` whose engine lets go of the output it returns, on a Node that needs it.
 *
 * Each call builds a zlib engine (a stream object with a native handle), and the engine keeps its
 * last output buffer (`_outBuffer`: the whole output, when it fits in one chunk as the restore
 * asks). In Node 20 the dead engine is freed by the next young-generation collection; in Node 24
 * it survives those and is freed only by a full collection (measured: 10,000 one-shot inflates
 * with a scavenge every 500 left 12.6 MB of their outputs held; with the buffer let go, 0.8 MB).
 * A restore inflates one small entry after the other, 40,000 of them for a node_modules, and the
 * outputs piled up between full collections: the small tree's restore peaked at 187\u2013218 MB on
 * Node 24, 174\u2013179 MB with this.
 *
 * Only where the engines outlive a scavenge (found out once, below): on Node 20 letting go of the
 * buffer made each engine itself outlive its scavenge (measured: old space +3.3 MB per 10,000
 * inflates, and the small tree's restore 188 \u2192 212 MB), so there the call is left as it is.
 * `_outBuffer` is Node's own field (Node 20 and 24 alike); a Node without it is left as it is.
 * `info: true` is the documented way to get the engine.
 */
function inflateRawOnce(input, options) {
    releaseOutputs ??= enginesOutliveScavenges();
    if (!releaseOutputs)
        return (0,external_node_zlib_.inflateRawSync)(input, options);
    const { buffer, engine } = (0,external_node_zlib_.inflateRawSync)(input, { ...options, info: true });
    if ('_outBuffer' in engine)
        engine._outBuffer = null;
    return buffer;
}
let releaseOutputs;
/** Whether the outputs of dropped one-shot inflates are still held after a scavenge (16 \u00d7 64 KiB). */
function enginesOutliveScavenges() {
    const size = 64 * 1024;
    const sample = (0,external_node_zlib_.deflateRawSync)(Buffer.alloc(size));
    (0,collect_garbage/* collectGarbage */.i)('young');
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 16; i++)
        (0,external_node_zlib_.inflateRawSync)(sample, { chunkSize: size + 1 });
    (0,collect_garbage/* collectGarbage */.i)('young');
    return process.memoryUsage().arrayBuffers - before >= 8 * size;
}
function nativeOf(engine) {
    const handle = engine._handle;
    const state = engine._writeState;
    if (typeof handle !== 'object' ||
        handle === null ||
        !('writeSync' in handle) ||
        typeof handle.writeSync !== 'function' ||
        !('onerror' in handle) ||
        // Not instanceof: the array is made in Node's own realm, which a test's realm does not share.
        !external_node_util_.types.isUint32Array(state) ||
        state.length < 2)
        return null;
    return { handle: handle, state };
}
/**
 * Inflates small entries one after the other with one zlib engine, reset between entries, into
 * one output buffer that it reuses: a scan of 40,000 small files builds no engine and allocates no
 * output buffer per file.
 *
 * A one-shot inflate (`inflateRawSync`) builds an engine (a stream object, a native handle, zlib's
 * state and 32 KiB window) and allocates its output, each time. Dead, the outputs wait outside the
 * JavaScript heap for the next young-generation collection, which on Node 20 (2 \u00d7 16 MiB) comes
 * every ~2,000 entries: 15-25 MB of dead outputs at any time, and the C heap grew to hold them; on
 * Node 24 the engines outlive young-generation collections and filled the old generation (+20 MB
 * during the scan). Measured on the bench's small tree (40,717 files), restore peak RSS 187-212 MB
 * \u2192 170-172 MB on Node 20 with the reused output alone; 40,000 inflates of a 6 KB file take
 * 90-105 ms instead of 255-265 ms.
 *
 * Node has no public way to give an inflate its output buffer or to run one engine synchronously
 * more than once (`inflateRawSync` closes it), so this calls the engine's native `writeSync`, as
 * Node's own one-shot inflate does; `reset()` is public. A Node whose engine lacks those gets the
 * one-shot inflate.
 */
class SmallInflater {
    capacity;
    output;
    engine = new external_node_zlib_.InflateRaw({ chunkSize: 64 });
    native = nativeOf(this.engine);
    failure = null;
    /** `capacity`: the largest output inflated into the reused buffer; larger ones get their own. */
    constructor(capacity) {
        this.capacity = capacity;
        this.output = Buffer.allocUnsafe(capacity + 1);
        if (this.native)
            this.native.handle.onerror = (message, _errno, code) => {
                this.failure = { message, code };
            };
    }
    /**
     * The inflated bytes of `input`, at most `size`: more throws ERR_BUFFER_TOO_LARGE (as
     * `maxOutputLength` does), bytes that are not a whole deflate stream throw zlib's error. The
     * result may be a view of the reused buffer: valid until the next call, so a caller that keeps
     * it copies it.
     */
    inflate(input, size) {
        const native = this.native;
        if (!native || size + 1 > this.output.length) {
            const own = inflateRawOnce(input, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) });
            if (own.length > size)
                throw tooLarge(size);
            return own;
        }
        this.failure = null;
        this.engine.reset();
        // Room for one byte more than declared: a full buffer means the entry holds more.
        native.handle.writeSync(external_node_zlib_.constants.Z_FINISH, input, 0, input.length, this.output, 0, size + 1);
        const failure = this.failure;
        if (failure)
            throw Object.assign(new Error(failure.message), { code: failure.code });
        const outputLeft = native.state[0];
        if (outputLeft === 0)
            throw tooLarge(size);
        return this.output.subarray(0, size + 1 - outputLeft);
    }
    /** Frees the engine (also freed by the collector if not called). */
    close() {
        this.engine.close();
    }
}
function tooLarge(size) {
    return Object.assign(new Error(`the output is larger than ${size} bytes`), {
        code: 'ERR_BUFFER_TOO_LARGE',
    });
}

// EXTERNAL MODULE: ./src/adapters/archive/archive-bytes.ts
var archive_bytes = __webpack_require__(8917);
// EXTERNAL MODULE: ./src/domain/backup/archive-error.ts
var archive_error = __webpack_require__(4038);
// EXTERNAL MODULE: ./src/domain/backup/raw-name.ts
var raw_name = __webpack_require__(7769);
// EXTERNAL MODULE: ./src/adapters/archive/zip-format.ts
var zip_format = __webpack_require__(4264);
;// CONCATENATED MODULE: ./src/adapters/archive/zip-reader.ts












/** Reads and checks the central directory and every local header. Refuses what it cannot trust. */
async function readZipDirectory(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        return await readDirectoryFrom(handle);
    }
    finally {
        await handle.close();
    }
}
async function readAt(handle, position, length) {
    const buffer = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
        const { bytesRead } = await handle.read(buffer, offset, length - offset, position + offset);
        if (bytesRead === 0)
            break;
        offset += bytesRead;
    }
    return buffer.subarray(0, offset);
}
function readAtSync(handle, position, length) {
    const buffer = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
        const bytesRead = (0,external_node_fs_.readSync)(handle.fd, buffer, offset, length - offset, position + offset);
        if (bytesRead === 0)
            break;
        offset += bytesRead;
    }
    return buffer.subarray(0, offset);
}
/** Finds the end-of-central-directory record (and the zip64 one it points to, if any). */
async function locateDirectory(handle, fileSize) {
    const tailLength = Math.min(fileSize, zip_format/* EOCD_SIZE */.iV + zip_format/* U16_MAX */.Cn);
    const tail = await readAt(handle, fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - zip_format/* EOCD_SIZE */.iV; i >= 0; i--) {
        if (tail.readUInt32LE(i) === zip_format/* SIG_EOCD */.iM && i + zip_format/* EOCD_SIZE */.iV + tail.readUInt16LE(i + 20) === tail.length) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new archive_error/* ArchiveError */.d('not-zip', 'not a zip archive (no end-of-central-directory record; truncated or another format)');
    const eocdOffset = fileSize - tailLength + eocd;
    if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0)
        throw new archive_error/* ArchiveError */.d('unsupported', 'multi-disk zip archives are not supported');
    const location = {
        count: tail.readUInt16LE(eocd + 10),
        cdSize: tail.readUInt32LE(eocd + 12),
        cdOffset: tail.readUInt32LE(eocd + 16),
        cdEnd: eocdOffset,
    };
    const { count, cdSize, cdOffset } = location;
    if (count === zip_format/* U16_MAX */.Cn || cdSize === zip_format/* U32_MAX */.cd || cdOffset === zip_format/* U32_MAX */.cd)
        await readZip64Location(handle, eocdOffset, location);
    return location;
}
/** Replaces the saturated 16/32-bit values with the zip64 end record's, when there is one. */
async function readZip64Location(handle, eocdOffset, location) {
    const locatorAt = eocdOffset - zip_format/* ZIP64_LOCATOR_SIZE */.zV;
    const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, zip_format/* ZIP64_LOCATOR_SIZE */.zV) : Buffer.alloc(0);
    if (locator.length === zip_format/* ZIP64_LOCATOR_SIZE */.zV && locator.readUInt32LE(0) === zip_format/* SIG_ZIP64_LOCATOR */.Zi) {
        const zip64At = Number(locator.readBigUInt64LE(8));
        const record = await readAt(handle, zip64At, 56);
        if (record.length < 56 || record.readUInt32LE(0) !== zip_format/* SIG_ZIP64_EOCD */.uj)
            throw new archive_error/* ArchiveError */.d('corrupt', 'zip64 end record is missing or damaged');
        location.count = Number(record.readBigUInt64LE(32));
        location.cdSize = Number(record.readBigUInt64LE(40));
        location.cdOffset = Number(record.readBigUInt64LE(48));
        location.cdEnd = zip64At;
    }
}
/** The 64-bit sizes and offset of an entry whose 32-bit fields are saturated. */
function applyZip64Extra(z64, name, fields) {
    let q = 0;
    const next = () => {
        if (q + 8 > z64.length)
            throw new archive_error/* ArchiveError */.d('corrupt', `entry "${name}": zip64 field too short`);
        const v = Number(z64.readBigUInt64LE(q));
        q += 8;
        return v;
    };
    if (fields.usize === zip_format/* U32_MAX */.cd)
        fields.usize = next();
    if (fields.csize === zip_format/* U32_MAX */.cd)
        fields.csize = next();
    if (fields.offset === zip_format/* U32_MAX */.cd)
        fields.offset = next();
}
/** Refuses an unsafe name, or one that lands on the same file as an earlier entry. */
function checkNameOnce(name, seen) {
    try {
        (0,entry_name/* checkEntryName */._$)(name);
    }
    catch (error) {
        if (error instanceof entry_name/* UnsafeEntryError */.vF)
            throw new archive_error/* ArchiveError */.d('unsafe-name', `refused: ${error.message}`);
        throw error;
    }
    const key = (0,entry_name/* duplicateKey */.Ve)(name);
    if (seen.has(key))
        throw new archive_error/* ArchiveError */.d('duplicate', process.platform === 'linux'
            ? `refused: entry "${(0,entry_name/* printable */.g$)(name)}" appears more than once`
            : `refused: entry "${(0,entry_name/* printable */.g$)(name)}" appears more than once (this platform's file systems fold case and Unicode forms, so two names would land on one file)`);
    seen.add(key);
}
/** Parses and checks central directory entry `i` at `p`; returns it and where the next one starts. */
function readCentralEntry(cd, p, i, count, seen) {
    if (p + zip_format/* CENTRAL_HEADER_SIZE */.yX > cd.length || cd.readUInt32LE(p) !== zip_format/* SIG_CENTRAL */.st)
        throw new archive_error/* ArchiveError */.d('corrupt', `central directory entry ${i + 1} of ${count} is damaged`);
    const madeBy = cd.readUInt16LE(p + 4);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const time = cd.readUInt16LE(p + 12);
    const date = cd.readUInt16LE(p + 14);
    const crc = cd.readUInt32LE(p + 16);
    const fields = {
        csize: cd.readUInt32LE(p + 20),
        usize: cd.readUInt32LE(p + 24),
        offset: cd.readUInt32LE(p + 42),
    };
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const external = cd.readUInt32LE(p + 38);
    const nameBytes = cd.subarray(p + zip_format/* CENTRAL_HEADER_SIZE */.yX, p + zip_format/* CENTRAL_HEADER_SIZE */.yX + nameLength);
    const extra = (0,zip_format/* readExtraFields */.sL)(cd.subarray(p + zip_format/* CENTRAL_HEADER_SIZE */.yX + nameLength, p + zip_format/* CENTRAL_HEADER_SIZE */.yX + nameLength + extraLength));
    const next = p + zip_format/* CENTRAL_HEADER_SIZE */.yX + nameLength + extraLength + commentLength;
    if (next > cd.length)
        throw new archive_error/* ArchiveError */.d('corrupt', `central directory entry ${i + 1} runs past the directory`);
    // The name field's bytes are the name, whatever the UTF-8 flag says: our writer stores raw
    // bytes for non-UTF-8 names (with a Unicode Path extra field for other tools).
    const name = (0,raw_name/* decodeName */.e4)(nameBytes);
    const z64 = extra.get(zip_format/* EXTRA_ZIP64 */.dn);
    if (z64)
        applyZip64Extra(z64, name, fields);
    const { csize, usize, offset } = fields;
    if (flags & zip_format/* FLAG_ENCRYPTED */.uM)
        throw new archive_error/* ArchiveError */.d('unsupported', `entry "${name}" is encrypted`);
    if (method !== zip_format/* METHOD_STORE */.c && method !== zip_format/* METHOD_DEFLATE */.An)
        throw new archive_error/* ArchiveError */.d('unsupported', `entry "${name}" uses compression method ${method} (only stored and deflated are supported)`);
    checkNameOnce(name, seen);
    const { type, mode } = (0,zip_format/* typeFromAttributes */.GM)(madeBy, external, name);
    if (method === zip_format/* METHOD_STORE */.c && csize !== usize)
        throw new archive_error/* ArchiveError */.d('size-mismatch', `entry "${name}" is stored but declares ${csize} bytes stored and ${usize} bytes of content`);
    const stamp = extra.get(zip_format/* EXTRA_TIMESTAMP */.CZ);
    const mtimeMs = stamp && stamp.length >= 5 && stamp[0] & 1 ? stamp.readUInt32LE(1) * 1000 : (0,zip_format/* fromDosDateTime */.Kc)(date, time);
    const entry = {
        name,
        type,
        mode,
        method,
        crc32: crc,
        compressedSize: csize,
        size: usize,
        headerOffset: offset,
        dataOffset: -1,
        mtimeMs,
    };
    return { entry, next };
}
/** Checks one entry's local header against the directory and sets where its data starts. */
function checkLocalHeader(handle, entry, header, names, index) {
    if (header.length < zip_format/* LOCAL_HEADER_SIZE */._0 || header.readUInt32LE(0) !== zip_format/* SIG_LOCAL */.SX)
        throw new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}": local header missing at offset ${entry.headerOffset}`);
    const expectedStart = names.starts[index];
    const expectedNameLength = names.lengths[index];
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const localName = nameLength === expectedNameLength
        ? header.subarray(zip_format/* LOCAL_HEADER_SIZE */._0)
        : readAtSync(handle, entry.headerOffset + zip_format/* LOCAL_HEADER_SIZE */._0, nameLength);
    if (localName.length !== expectedNameLength ||
        names.cd.compare(localName, 0, localName.length, expectedStart, expectedStart + expectedNameLength) !== 0)
        throw new archive_error/* ArchiveError */.d('corrupt', `entry "${(0,entry_name/* printable */.g$)(entry.name)}": local header names "${(0,entry_name/* printable */.g$)((0,raw_name/* decodeName */.e4)(localName))}"`);
    if (header.readUInt16LE(8) !== entry.method)
        throw new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}": local header and directory disagree on the method`);
    // Without a data descriptor, the local header's CRC and sizes must equal the directory's:
    // unzip and other readers trust the local header, so a disagreement is a damaged archive.
    if ((header.readUInt16LE(6) & zip_format/* FLAG_DATA_DESCRIPTOR */.wR) === 0) {
        const localCrc = header.readUInt32LE(14);
        const localC = header.readUInt32LE(18);
        const localU = header.readUInt32LE(22);
        const sizesAgree = (localC === zip_format/* U32_MAX */.cd && localU === zip_format/* U32_MAX */.cd) ||
            (localC === entry.compressedSize && localU === entry.size);
        if (localCrc !== entry.crc32 >>> 0 || !sizesAgree) {
            throw new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}": local header and directory disagree on CRC or sizes (the archive is damaged)`);
        }
    }
    entry.dataOffset = entry.headerOffset + zip_format/* LOCAL_HEADER_SIZE */._0 + nameLength + extraLength;
}
/**
 * Local headers: each must agree with the directory, and data ranges must not overlap
 * (overlapping entries are the classic way to make a small archive inflate enormously).
 */
function checkLocalHeaders(handle, entries, names, cdOffset) {
    const order = Array.from(entries.keys()).sort((a, b) => entries[a].headerOffset - entries[b].headerOffset);
    let end = 0;
    const headers = new HeaderWindow(handle, entries, order, names.lengths);
    for (let k = 0; k < order.length; k++) {
        const entry = entries[order[k]];
        if (entry.headerOffset < end)
            throw new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}" overlaps another entry`);
        checkLocalHeader(handle, entry, headers.read(k), names, order[k]);
        end = entry.dataOffset + entry.compressedSize;
        if (end > cdOffset)
            throw new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}" runs past the end of the data (the archive is truncated or altered)`);
    }
}
async function readDirectoryFrom(handle) {
    const stat = await handle.stat();
    const fileSize = stat.size;
    if (fileSize < zip_format/* EOCD_SIZE */.iV)
        throw new archive_error/* ArchiveError */.d('not-zip', `not a zip archive (${fileSize} bytes, too short for one)`);
    const { count, cdSize, cdOffset, cdEnd } = await locateDirectory(handle, fileSize);
    if (cdOffset + cdSize !== cdEnd)
        throw new archive_error/* ArchiveError */.d('corrupt', `central directory does not end where the end record starts (offset ${cdOffset} + ${cdSize} \u2260 ${cdEnd}); the archive is truncated or has been altered`);
    const cd = await readAt(handle, cdOffset, cdSize);
    if (cd.length !== cdSize)
        throw new archive_error/* ArchiveError */.d('corrupt', 'central directory is truncated');
    const entries = [];
    const seen = new Set();
    // A central directory record is at least CENTRAL_HEADER_SIZE bytes: no more entries than that fit.
    const capacity = Math.min(count, Math.floor(cd.length / zip_format/* CENTRAL_HEADER_SIZE */.yX));
    const names = { cd, starts: new Uint32Array(capacity), lengths: new Uint16Array(capacity) };
    let p = 0;
    for (let i = 0; i < count; i++) {
        const { entry, next } = readCentralEntry(cd, p, i, count, seen);
        entries.push(entry);
        names.starts[i] = p + zip_format/* CENTRAL_HEADER_SIZE */.yX;
        names.lengths[i] = cd.readUInt16LE(p + 28);
        p = next;
    }
    if (p !== cd.length)
        throw new archive_error/* ArchiveError */.d('corrupt', 'central directory holds more than its entry count says');
    checkLocalHeaders(handle, entries, names, cdOffset);
    return { entries, fileSize, identity: { dev: stat.dev, ino: stat.ino, mtimeMs: stat.mtimeMs } };
}
/**
 * The local headers, read synchronously (a thread-pool round trip per entry costs more than the
 * whole check) and several at a time: one read covers every following header that lies within
 * HEADER_WINDOW bytes, so an archive of small files costs a read per hundred entries or so, not
 * one per entry, while the headers of large entries are read alone (their data is not read here).
 */
const HEADER_WINDOW = 256 * 1024;
class HeaderWindow {
    handle;
    entries;
    order;
    nameLengths;
    window = Buffer.alloc(0);
    start = 0;
    buffer = Buffer.allocUnsafe(HEADER_WINDOW);
    constructor(handle, entries, 
    /** Indices into entries, by header offset. */
    order, nameLengths) {
        this.handle = handle;
        this.entries = entries;
        this.order = order;
        this.nameLengths = nameLengths;
    }
    /** The local header of entries[order[k]], with as many bytes of name as the directory's name has. */
    read(k) {
        const entry = this.entries[this.order[k]];
        const length = zip_format/* LOCAL_HEADER_SIZE */._0 + this.nameLengths[this.order[k]];
        const from = entry.headerOffset - this.start;
        if (from >= 0 && from + length <= this.window.length)
            return this.window.subarray(from, from + length);
        if (length > HEADER_WINDOW)
            return readAtSync(this.handle, entry.headerOffset, length);
        let last = entry.headerOffset + length;
        for (let i = k + 1; i < this.order.length; i++) {
            const next = this.entries[this.order[i]];
            const nextEnd = next.headerOffset + zip_format/* LOCAL_HEADER_SIZE */._0 + this.nameLengths[this.order[i]];
            if (nextEnd - entry.headerOffset > HEADER_WINDOW)
                break;
            last = nextEnd;
        }
        const size = last - entry.headerOffset;
        let offset = 0;
        while (offset < size) {
            const n = (0,external_node_fs_.readSync)(this.handle.fd, this.buffer, offset, size - offset, entry.headerOffset + offset);
            if (n === 0)
                break;
            offset += n;
        }
        this.window = this.buffer.subarray(0, offset);
        this.start = entry.headerOffset;
        return this.window.subarray(0, Math.min(length, offset));
    }
}
const BLOCK_BYTES = 1024 * 1024;
/** Entries stored or deflated in at most this many bytes (and up to 4\u00d7 that inflated) are read whole. */
const SMALL_ENTRY_BYTES = 256 * 1024;
/** The largest output of an entry inflated in one call (see SMALL_ENTRY_BYTES). */
const SMALL_ENTRY_OUTPUT_BYTES = 4 * SMALL_ENTRY_BYTES;
const WHOLE_LIMIT = 16 * 1024 * 1024;
/**
 * Reads the archive once, front to back (and once more, in parallel, for the archive's SHA-256:
 * see readArchiveBytes), and every entry is inflated, counted, CRC-checked and hashed. Output beyond an entry's declared size stops
 * the scan at once (a declared size far below the real size is how zip bombs get past checks).
 */
async function scanZip(path, directory, options = {}) {
    const handle = await (0,promises_.open)(path, 'r');
    // The archive's SHA-256, taken by a worker reading the same descriptor while the entries are
    // inflated and checked here: the two passes are the bulk of a verification.
    let archiveHash = null;
    const inflater = new SmallInflater(SMALL_ENTRY_OUTPUT_BYTES);
    const streamed = new StreamedOutput();
    try {
        const before = await handle.stat();
        const identity = directory.identity;
        if (before.size !== directory.fileSize ||
            (identity &&
                (before.dev !== identity.dev || before.ino !== identity.ino || before.mtimeMs !== identity.mtimeMs)))
            throw new archive_error/* ArchiveError */.d('changed', 'the archive changed while it was being read');
        archiveHash = (0,archive_bytes/* readArchiveBytes */.Yp)(handle.fd, directory.fileSize);
        const reader = new SequentialReader(handle, directory.fileSize);
        const ordered = [...directory.entries].sort((a, b) => a.headerOffset - b.headerOffset);
        const scanned = [];
        let bytesOut = 0;
        for (const entry of ordered) {
            reader.skipTo(entry.dataOffset);
            const hash = options.hashEntries === false ? null : new ContentHash();
            const sink = options.sinkFor ? await options.sinkFor(entry) : null;
            const whole = options.wantWhole?.(entry) && entry.size <= WHOLE_LIMIT ? [] : null;
            try {
                const produced = await inflateEntry(reader, entry, hash, inflater, streamed, async (chunk) => {
                    // Copied: the reader reuses its blocks (see SequentialReader).
                    if (whole)
                        whole.push(Buffer.from(chunk));
                    if (sink)
                        await sink.write(chunk);
                });
                bytesOut += produced;
                if (sink)
                    await sink.end();
            }
            catch (error) {
                if (sink)
                    await sink.abort();
                throw error;
            }
            if (whole)
                options.onSmallEntry?.(entry, Buffer.concat(whole));
            const sha256 = hash ? hash.digest() : '';
            const expected = options.expectedSha256?.(entry);
            scanned.push({ entry, sha256: expected === sha256 ? expected : sha256 });
            options.onProgress?.(reader.position, directory.fileSize);
        }
        reader.skipTo(directory.fileSize);
        const after = await handle.stat();
        if (after.size !== before.size || after.mtimeMs !== before.mtimeMs)
            throw new archive_error/* ArchiveError */.d('changed', 'the archive changed while it was being read');
        const whole = await archiveHash.result;
        if (whole.bytes !== directory.fileSize)
            throw new archive_error/* ArchiveError */.d('changed', 'the archive became shorter while it was being read');
        return { archiveSha256: whole.sha256, entries: scanned, bytesOut };
    }
    finally {
        // The worker reads through this descriptor: it must have stopped before the descriptor closes.
        if (archiveHash)
            await archiveHash.stop();
        inflater.close();
        await handle.close();
    }
}
/**
 * SHA-256 of one entry's content. Most entries of a tree of small files arrive in one piece: those
 * are hashed in one call, without a Hash object (and its native context, freed only when the
 * collector gets to it) per file; content in several pieces goes through a Hash object.
 */
class ContentHash {
    first = null;
    hash = null;
    /** `chunk` may be a view into a reused block: it is hashed before the block is reused. */
    update(chunk) {
        if (this.hash) {
            this.hash.update(chunk);
        }
        else if (this.first === null) {
            this.first = chunk;
        }
        else {
            this.hash = (0,external_node_crypto_.createHash)('sha256').update(this.first).update(chunk);
            this.first = null;
        }
    }
    digest() {
        return this.hash ? this.hash.digest('hex') : (0,external_node_crypto_.hash)('sha256', this.first ?? Buffer.alloc(0), 'hex');
    }
}
async function inflateEntry(reader, entry, hash, inflater, streamed, emit) {
    let produced = 0;
    let crc = 0;
    const accept = async (chunk) => {
        produced += chunk.length;
        if (produced > entry.size) {
            throw new archive_error/* ArchiveError */.d('size-mismatch', `refused: entry "${entry.name}" holds more than the ${entry.size} bytes it declares (a zip bomb, or a damaged archive)`);
        }
        hash?.update(chunk);
        crc = (0,external_node_zlib_.crc32)(chunk, crc);
        await emit(chunk);
    };
    const small = entry.compressedSize <= SMALL_ENTRY_BYTES && entry.size <= SMALL_ENTRY_OUTPUT_BYTES;
    if (entry.method === zip_format/* METHOD_STORE */.c && small) {
        await accept(reader.takeWhole(entry.compressedSize));
    }
    else if (entry.method === zip_format/* METHOD_STORE */.c) {
        for (const slice of reader.take(entry.compressedSize))
            await accept(slice);
    }
    else if (small) {
        // Small entries: one synchronous inflate is cheaper than a stream; capped at the declared size,
        // by one reused engine into one reused output buffer (no 16 KiB pieces joined afterwards, no
        // engine or output buffer per entry: see SmallInflater).
        let out;
        try {
            out = inflater.inflate(reader.takeWhole(entry.compressedSize), entry.size);
        }
        catch (error) {
            if (error.code === 'ERR_BUFFER_TOO_LARGE') {
                throw new archive_error/* ArchiveError */.d('size-mismatch', `refused: entry "${entry.name}" holds more than the ${entry.size} bytes it declares (a zip bomb, or a damaged archive)`);
            }
            throw new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}" does not inflate: ${error.message}`);
        }
        await accept(out);
    }
    else {
        await inflateStreaming(reader.take(entry.compressedSize), entry, async (chunk) => {
            await accept(chunk);
            streamed.add(chunk.length);
        });
    }
    if (produced !== entry.size)
        throw new archive_error/* ArchiveError */.d('size-mismatch', `entry "${entry.name}" holds ${produced} bytes, not the ${entry.size} it declares (the archive is damaged)`);
    if (crc >>> 0 !== entry.crc32 >>> 0)
        throw new archive_error/* ArchiveError */.d('checksum', `entry "${entry.name}" fails its CRC-32 check (the archive is damaged or altered)`);
    return produced;
}
/** Streamed output between two young-generation collections (see StreamedOutput). */
const STREAMED_BYTES_PER_SCAVENGE = 4 * 1024 * 1024;
/**
 * A streamed inflate (an entry larger than SMALL_ENTRY_BYTES) hands out a fresh 256 KiB buffer per
 * chunk. Dead once checked and written, they are freed only by a collection, and the stream makes
 * too few JavaScript objects for V8 to run one soon: a restore of a tree of small files ends with
 * manifest.json (9.5 MB for 40,000 files), whose chunks were all still held at the peak (+9 MB);
 * a tree of large files piles up far more. A young-generation collection every
 * STREAMED_BYTES_PER_SCAVENGE bytes (a millisecond or less: few objects are alive) frees them.
 */
class StreamedOutput {
    since = 0;
    add(bytes) {
        this.since += bytes;
        if (this.since < STREAMED_BYTES_PER_SCAVENGE)
            return;
        this.since = 0;
        (0,collect_garbage/* collectGarbage */.i)('young');
    }
}
async function inflateStreaming(input, entry, accept) {
    const inflater = (0,external_node_zlib_.createInflateRaw)({ chunkSize: 256 * 1024 });
    // Whatever stopped the entry first: an inflate error, a read error, or `accept`'s own throw.
    let failure = null;
    inflater.on('error', (error) => {
        failure ??= {
            error: new archive_error/* ArchiveError */.d('corrupt', `entry "${entry.name}" does not inflate: ${error.message}`),
        };
    });
    // A call, not a read of `failure`: the compiler takes the IIFE below as inline code and would
    // keep `failure` at its initial null across the awaits.
    const failed = () => failure !== null;
    const feeding = (async () => {
        try {
            for (const slice of input) {
                if (failed())
                    break;
                if (!inflater.write(slice)) {
                    // Whichever comes first; the other listener is removed, or they pile up over a long entry.
                    await new Promise((resolve) => {
                        const done = () => {
                            inflater.off('drain', done).off('close', done);
                            resolve();
                        };
                        inflater.once('drain', done).once('close', done);
                    });
                }
            }
            inflater.end();
        }
        catch (error) {
            failure ??= { error };
            inflater.destroy();
        }
    })();
    try {
        for await (const chunk of inflater) {
            await accept(chunk);
        }
    }
    catch (error) {
        failure ??= { error };
    }
    finally {
        if (failure)
            inflater.destroy();
        await feeding;
    }
    if (failure)
        throw failure.error;
}
/**
 * Reads a file front to back in large blocks. The blocks are a ring of
 * BLOCK_RING reused buffers (fresh 4 MiB buffers cost a page fault per 4 KiB and garbage-collector
 * work): a slice yielded by take() stays valid until two more blocks have been read, which covers
 * a slice queued in an inflate stream while the next block is read. Anything kept longer is copied.
 */
const BLOCK_RING = 3;
class SequentialReader {
    handle;
    size;
    position = 0;
    block = Buffer.alloc(0);
    blockStart = 0;
    ring = [];
    blocksRead = 0;
    constructor(handle, size) {
        this.handle = handle;
        this.size = size;
    }
    /**
     * Synchronous on purpose: the blocks come from the page cache or read-ahead, and a thread-pool
     * round trip per block costs more than the copy, most of all on a loaded runner.
     */
    advanceBlock() {
        const start = this.blockStart + this.block.length;
        if (start >= this.size)
            throw new archive_error/* ArchiveError */.d('corrupt', 'unexpected end of archive');
        const length = Math.min(BLOCK_BYTES, this.size - start);
        const slot = this.blocksRead++ % BLOCK_RING;
        // A small archive does not need full-size blocks.
        this.ring[slot] ??= Buffer.allocUnsafe(Math.min(BLOCK_BYTES, this.size));
        const buffer = this.ring[slot];
        let offset = 0;
        while (offset < length) {
            const n = (0,external_node_fs_.readSync)(this.handle.fd, buffer, offset, length - offset, start + offset);
            if (n === 0)
                break;
            offset += n;
        }
        if (offset === 0)
            throw new archive_error/* ArchiveError */.d('changed', 'the archive became shorter while it was being read');
        this.block = buffer.subarray(0, offset);
        this.blockStart = start;
    }
    /** The next at most `max` bytes: a view into the current block. */
    nextSlice(max) {
        if (this.position >= this.blockStart + this.block.length)
            this.advanceBlock();
        const from = this.position - this.blockStart;
        const n = Math.min(this.block.length - from, max);
        this.position += n;
        return this.block.subarray(from, from + n);
    }
    *take(length) {
        let remaining = length;
        while (remaining > 0) {
            const slice = this.nextSlice(remaining);
            remaining -= slice.length;
            yield slice;
        }
    }
    /**
     * `length` bytes in one buffer, without a generator and its promises (small entries, tens of
     * thousands of them): a view into the current block when they lie within it, else a copy.
     */
    takeWhole(length) {
        const first = length === 0 ? Buffer.alloc(0) : this.nextSlice(length);
        if (first.length === length)
            return first;
        const whole = Buffer.allocUnsafe(length);
        first.copy(whole);
        for (let at = first.length; at < length;) {
            const slice = this.nextSlice(length - at);
            slice.copy(whole, at);
            at += slice.length;
        }
        return whole;
    }
    /** Moves to `offset`; bytes skipped past are not read (the archive-bytes worker reads them, see archive-bytes.ts). */
    skipTo(offset) {
        if (offset < this.position)
            throw new archive_error/* ArchiveError */.d('corrupt', 'entries overlap');
        if (offset > this.blockStart + this.block.length) {
            // Beyond the current block: the next block is read from there.
            this.block = Buffer.alloc(0);
            this.blockStart = offset;
        }
        this.position = offset;
    }
}
/**
 * Inflates one small entry on its own (the manifest, read before anything is staged), checking
 * its size and CRC-32. The full scan later proves it again with the rest of the archive.
 */
async function readEntryContent(path, entry, limit) {
    if (entry.size > limit || entry.compressedSize > limit)
        throw new archive_error/* ArchiveError */.d('size-mismatch', `entry "${(0,entry_name/* printable */.g$)(entry.name)}" is larger than ${limit} bytes`);
    const handle = await (0,promises_.open)(path, 'r');
    let body;
    try {
        body = await readAt(handle, entry.dataOffset, entry.compressedSize);
    }
    finally {
        await handle.close();
    }
    if (body.length !== entry.compressedSize)
        throw new archive_error/* ArchiveError */.d('corrupt', `entry "${(0,entry_name/* printable */.g$)(entry.name)}" is truncated`);
    let out;
    try {
        out = entry.method === zip_format/* METHOD_STORE */.c ? body : (0,external_node_zlib_.inflateRawSync)(body, { maxOutputLength: entry.size + 1 });
    }
    catch (error) {
        throw new archive_error/* ArchiveError */.d('corrupt', `entry "${(0,entry_name/* printable */.g$)(entry.name)}" does not inflate: ${error.message}`);
    }
    if (out.length !== entry.size || (0,external_node_zlib_.crc32)(out) >>> 0 !== entry.crc32 >>> 0)
        throw new archive_error/* ArchiveError */.d('checksum', `entry "${(0,entry_name/* printable */.g$)(entry.name)}" fails its size or CRC-32 check`);
    return out;
}


/***/ }),

/***/ 7345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZD: () => (/* binding */ readCurrentRelease),
/* harmony export */   bD: () => (/* binding */ releasePath),
/* harmony export */   eN: () => (/* binding */ CURRENT),
/* harmony export */   "in": () => (/* binding */ removeCurrent),
/* harmony export */   m1: () => (/* binding */ switchCurrent),
/* harmony export */   pH: () => (/* binding */ RELEASES)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * `<root>/current` names the live release. On POSIX it is a relative symlink to `releases/<id>`,
 * switched atomically by creating a temporary link and renaming it over `current` (rename(2)
 * replaces the old link in one step, so a reader sees the old or the new release, never neither).
 * On Windows it is a directory junction, which needs no symlink privilege; junctions cannot be
 * renamed over one another, so there the switch is remove-then-create, with a gap of microseconds.
 */
const CURRENT = 'current';
const RELEASES = 'releases';
function releasePath(root, id) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, RELEASES, id);
}
/** The release `current` points at, or null when there is none. A plain directory (for example
 * one a backup restored) is identified by its release.json. */
function readCurrentRelease(root) {
    const link = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, CURRENT);
    let stat;
    try {
        stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(link);
    }
    catch {
        return null;
    }
    if (stat.isSymbolicLink()) {
        try {
            const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(link);
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(link))
                return null; // dangling
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(target.replace(/[\\/]+$/, ''));
        }
        catch {
            return null;
        }
    }
    if (stat.isDirectory()) {
        try {
            const manifest = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(link, 'release.json'), 'utf8'));
            return typeof manifest.version === 'string' ? manifest.version : null;
        }
        catch {
            return null;
        }
    }
    return null;
}
/** Points `current` at `releases/<id>`. */
function switchCurrent(root, id, platform = process.platform) {
    const link = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, CURRENT);
    if (platform === 'win32') {
        removeCurrent(root);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)(releasePath(root, id), link, 'junction');
        return;
    }
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, `.${CURRENT}.${process.pid}.${Date.now()}.tmp`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temporary, { force: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(RELEASES, id), temporary, 'dir');
    try {
        // A restored backup may have left `current` as a real directory; rename cannot replace a
        // directory with a link, so that one case is removed first.
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(link, { throwIfNoEntry: false });
        if (stat && stat.isDirectory() && !stat.isSymbolicLink())
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(link, { recursive: true, force: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temporary, link);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temporary, { force: true });
        throw error;
    }
}
/** Removes `current` (the link only, never the release it points at). */
function removeCurrent(root) {
    const link = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, CURRENT);
    const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(link, { throwIfNoEntry: false });
    if (!stat)
        return;
    if (stat.isSymbolicLink()) {
        // A junction on Windows is removed with rmdir, which never touches what it points at.
        if (process.platform === 'win32')
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmdirSync)(link);
        else
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(link);
        return;
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(link, { recursive: true, force: true });
}


/***/ }),

/***/ 7489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   M5: () => (/* binding */ recordActivation),
/* harmony export */   Wb: () => (/* binding */ recencyOrder),
/* harmony export */   Yn: () => (/* binding */ previousFromHistory)
/* harmony export */ });
/* unused harmony export HISTORY_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9034);



const HISTORY_FILE = 'deploy-history.json';
function readHistory(root) {
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, HISTORY_FILE), 'utf8'));
        return Array.isArray(parsed.activations) ? parsed.activations : [];
    }
    catch {
        return [];
    }
}
function writeHistory(root, activations) {
    // Bounded: a long-lived host must not grow this file forever.
    const kept = activations.slice(-200);
    (0,_runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Z)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, HISTORY_FILE), Buffer.from(`${JSON.stringify({ activations: kept }, null, 2)}\n`));
}
function recordActivation(root, activation, abandon) {
    const activations = readHistory(root).map((a) => abandon !== undefined && a.release === abandon ? { ...a, abandoned: true } : a);
    activations.push(activation);
    writeHistory(root, activations);
}
/** The most recent release, other than `current`, that was live and not abandoned and still exists. */
function previousFromHistory(activations, current, exists) {
    for (let i = activations.length - 1; i >= 0; i--) {
        const a = activations[i];
        if (a.release === current || a.abandoned)
            continue;
        if (exists(a.release))
            return a.release;
    }
    return null;
}
/** Release ids ordered most recently live first; ids never activated come last. */
function recencyOrder(activations, ids) {
    const last = new Map();
    activations.forEach((a, i) => last.set(a.release, i));
    return [...ids].sort((a, b) => (last.get(b) ?? -1) - (last.get(a) ?? -1));
}


/***/ }),

/***/ 6934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dB: () => (/* binding */ createBackup),
  W6: () => (/* binding */ planBackup),
  eJ: () => (/* binding */ refuseHalfRestoredTree)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/domain/backup/raw-name.ts
var raw_name = __webpack_require__(7769);
// EXTERNAL MODULE: ./src/domain/backup/source-errors.ts
var source_errors = __webpack_require__(5024);
// EXTERNAL MODULE: ./src/config/state-dir.ts
var state_dir = __webpack_require__(6309);
// EXTERNAL MODULE: ./src/domain/backup/manifest.ts
var backup_manifest = __webpack_require__(1114);
// EXTERNAL MODULE: ./src/domain/backup/naming.ts
var naming = __webpack_require__(5379);
;// CONCATENATED MODULE: ./src/domain/backup/retention.ts
function chooseRetention(candidates, keepLast, retentionHours, nowMs) {
    const newestFirst = [...candidates].sort((a, b) => b.createdMs - a.createdMs || b.name.localeCompare(a.name));
    const newestVerified = newestFirst.find((c) => c.verified)?.name;
    const cutoff = nowMs - retentionHours * 3_600_000;
    const decision = { keep: [], remove: [] };
    newestFirst.forEach((c, index) => {
        if (index < keepLast)
            decision.keep.push({ name: c.name, reason: `among the newest ${keepLast}` });
        else if (c.name === newestVerified)
            decision.keep.push({ name: c.name, reason: 'the newest verified backup' });
        else if (c.inUse)
            decision.keep.push({ name: c.name, reason: 'in use by a rollback' });
        else if (c.createdMs >= cutoff)
            decision.keep.push({ name: c.name, reason: `younger than ${retentionHours} h` });
        else
            decision.remove.push({
                name: c.name,
                reason: `older than ${retentionHours} h and beyond the newest ${keepLast}`,
            });
    });
    return decision;
}

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/file-lock.ts
var file_lock = __webpack_require__(482);
// EXTERNAL MODULE: ./src/domain/backup/signature.ts
var signature = __webpack_require__(9657);
// EXTERNAL MODULE: ./src/commands/restore/journal.ts
var journal = __webpack_require__(332);
// EXTERNAL MODULE: ./src/commands/restore/restore.ts + 3 modules
var restore = __webpack_require__(7135);
// EXTERNAL MODULE: ./src/commands/restore/layout.ts
var layout = __webpack_require__(5661);
// EXTERNAL MODULE: ./src/runtime/package-root.ts
var package_root = __webpack_require__(1713);
// EXTERNAL MODULE: ./src/domain/time/file-stamp.ts
var file_stamp = __webpack_require__(6002);
// EXTERNAL MODULE: ./src/commands/restore/backup-files.ts
var backup_files = __webpack_require__(3131);
// EXTERNAL MODULE: ./src/commands/restore/verify-archive.ts
var verify_archive = __webpack_require__(3241);
// EXTERNAL MODULE: ./src/domain/backup/archive-error.ts
var archive_error = __webpack_require__(4038);
// EXTERNAL MODULE: ./src/runtime/collect-garbage.ts
var collect_garbage = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/runtime/young-generation.ts
var young_generation = __webpack_require__(7679);
;// CONCATENATED MODULE: ./src/commands/backup.ts





















function toPosix(p) {
    return p.split(external_node_path_.sep).join('/');
}
function checkConfiguredPath(p, field) {
    const norm = toPosix(p).replace(/\/+$/, '');
    if ((0,external_node_path_.isAbsolute)(p) ||
        /^[a-zA-Z]:/.test(p) ||
        norm.split('/').some((s) => s === '..' || s === '' || s === '.')) {
        throw new errors/* UsageError */.eb(`${field}: "${p}" must be a path inside the target root (relative, without "..")`);
    }
    return norm;
}
/** The local target root a backup reads from; a usage error when there is none on this host. */
function existingTargetRoot(config, cwd) {
    const root = (0,state_dir/* targetRoot */.u6)(config.env, cwd);
    if (!root) {
        throw new errors/* UsageError */.eb(`environment "${config.envName}": backups need a "local" target (target.type "local" with a root); the configured target's files are not on this host`);
    }
    if (!(0,external_node_fs_.existsSync)(root))
        throw new errors/* UsageError */.eb(`target root ${root} does not exist (target.root of environment "${config.envName}" in ${config.source}); check target.root, or deploy a release there first`);
    return root;
}
/** What no backup holds: the database (archived separately), its lock and temp files, restore and lock files. */
function backupExclusion(dbAbs) {
    return (abs) => {
        if (dbAbs && (abs === dbAbs || abs.startsWith(`${dbAbs}.`)))
            return true; // the DB, its lock and temp files
        const name = (0,external_node_path_.basename)(abs);
        return (name === '.dhash-restore' || name.startsWith(layout/* STAGE_PREFIX */.av) || /^\.dhash-rollout-.*\.lock$/.test(name));
    };
}
function noteMissingPath(s, p, what) {
    if (!s.optional.has(p) && s.deployed)
        throw new errors/* OperationError */.OK(`backup path "${p}" does not exist under ${s.root} (${what}); no backup was written. Restore it (a pending rollback?), or list it in backup.optional_paths if it may be absent`);
    s.warnings.push(`${s.deployed ? 'optional ' : ''}backup path "${p}" does not exist under ${s.root}${s.deployed ? '' : ' (no release deployed yet)'}; skipped`);
}
/** Where one configured path's files really are (links followed), or null when it is missing. */
function resolveConfiguredPath(s, p) {
    let abs = (0,external_node_path_.join)(s.root, p);
    if (p === backup_manifest/* CURRENT_PATH */.SI) {
        if (!(0,external_node_fs_.existsSync)(abs)) {
            noteMissingPath(s, p, 'no current release');
            return null;
        }
        s.release = s.storage.currentRelease(s.root);
        abs = (0,external_node_fs_.realpathSync)(abs);
    }
    else if (!(0,external_node_fs_.existsSync)(abs)) {
        noteMissingPath(s, p, 'missing');
        return null;
    }
    else if ((0,external_node_fs_.lstatSync)(abs).isSymbolicLink()) {
        abs = (0,external_node_fs_.realpathSync)(abs);
    }
    return abs;
}
function collectConfiguredPath(s, p) {
    const abs = resolveConfiguredPath(s, p);
    if (abs === null)
        return;
    s.trees.push({ path: p, abs });
    s.archivedPaths.push(p);
}
/**
 * One collected tree's entries, listed as they are iterated: a backup lists while it compresses
 * (see ZipFileWriter.addAll). A tree that cannot be backed up is an operation error.
 */
function* treeSources(c, storage, tree) {
    try {
        yield* storage.walkTree(tree.abs, tree.path, { exclude: c.exclude, inside: c.root });
    }
    catch (error) {
        if (error instanceof source_errors/* SourceTreeError */.K)
            throw new errors/* OperationError */.OK(error.message);
        throw error;
    }
}
/** Every collected tree's entries, in the order of the configured paths. */
function* listSources(c, storage) {
    for (const tree of c.trees)
        yield* treeSources(c, storage, tree);
}
function collectDatabase(s, dbRel, dbAbs) {
    if ((0,external_node_fs_.existsSync)(dbAbs))
        return { path: dbRel, abs: dbAbs, bytes: (0,external_node_fs_.statSync)(dbAbs).size };
    if (s.optional.has(dbRel) || !s.deployed)
        s.warnings.push(`optional database "${dbRel}" does not exist under ${s.root}; no database snapshot`);
    else
        throw new errors/* OperationError */.OK(`database "${dbRel}" (backup.database_path) does not exist under ${s.root}; no backup was written. List it in backup.optional_paths if it may be absent`);
    return null;
}
/** Resolves what a backup of this environment holds, without reading any content. */
function collect(config, cwd, storage) {
    const root = existingTargetRoot(config, cwd);
    const dbRel = config.env.backup.database_path
        ? checkConfiguredPath(config.env.backup.database_path, 'backup.database_path')
        : null;
    const dbAbs = dbRel ? (0,external_node_path_.join)(root, dbRel) : null;
    const s = {
        root,
        storage,
        exclude: backupExclusion(dbAbs),
        optional: new Set(config.env.backup.optional_paths.map((p) => checkConfiguredPath(p, 'backup.optional_paths'))),
        // A target with no live release yet (a first deploy's --backup-first) has nothing to lose:
        // what is missing there is noted, not an error.
        deployed: (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, backup_manifest/* CURRENT_PATH */.SI)),
        trees: [],
        archivedPaths: [],
        warnings: [],
        release: null,
    };
    const seen = new Set();
    for (const configured of config.env.backup.paths) {
        const p = checkConfiguredPath(configured, 'backup.paths');
        if (seen.has(p))
            continue;
        seen.add(p);
        collectConfiguredPath(s, p);
    }
    const database = dbRel && dbAbs ? collectDatabase(s, dbRel, dbAbs) : null;
    const { release, trees, exclude, archivedPaths, warnings } = s;
    return { root, release, trees, exclude, archivedPaths, database, warnings };
}
function destination(config, options, nowMs) {
    const dir = options.outputDir
        ? (0,external_node_path_.resolve)(options.cwd, options.outputDir)
        : (0,state_dir/* backupDir */.su)(config.env, options.cwd);
    const folder = options.kind === 'pre-rollback' ? (0,external_node_path_.join)(dir, naming/* PRE_ROLLBACK_DIR */.l$) : dir;
    const stamp = (0,file_stamp/* fileStamp */.a)(nowMs);
    const name = (s) => options.kind === 'pre-rollback'
        ? (0,naming/* preRollbackFileName */.LM)(config.envName, s)
        : (0,naming/* backupFileName */.iP)(config.envName, s);
    let path = (0,external_node_path_.join)(folder, name(stamp));
    // Two backups in one second: suffix, still sorting after the first under `sort -r`.
    for (let n = 2; (0,external_node_fs_.existsSync)(path); n++)
        path = (0,external_node_path_.join)(folder, name(`${stamp}_${n}`));
    return path;
}
function retentionFor(config, dir, nowMs, kind, extra) {
    const files = (0,backup_files/* listBackupFiles */.aL)(dir, config.envName, kind);
    const candidates = files.map((f) => ({
        name: f.name,
        createdMs: f.createdMs,
        verified: f.hasSidecar,
        inUse: f.inUse,
    }));
    if (extra)
        candidates.push({ ...extra, verified: true, inUse: false });
    return chooseRetention(candidates, config.env.backup.keep_last, config.env.auto_rollback.backup_retention_hours, nowMs);
}
/** Dry-run: what would be archived, how much, and what retention would delete. Writes nothing. */
function planBackup(options, deps) {
    const { config } = options;
    const c = collect(config, options.cwd, deps.storage);
    const nowMs = deps.clock.now();
    const path = destination(config, options, nowMs);
    const dir = options.outputDir
        ? (0,external_node_path_.resolve)(options.cwd, options.outputDir)
        : (0,state_dir/* backupDir */.su)(config.env, options.cwd);
    const retention = retentionFor(config, dir, nowMs, options.kind ?? 'backup', {
        name: (0,external_node_path_.basename)(path),
        createdMs: nowMs,
    });
    const perPath = c.trees.map((tree) => {
        const counted = { path: tree.path, files: 0, bytes: 0 };
        for (const e of treeSources(c, deps.storage, tree))
            if (e.type === 'file') {
                counted.files++;
                counted.bytes += e.size;
            }
        return counted;
    });
    const files = perPath.reduce((n, p) => n + p.files, 0) + (c.database ? 1 : 0);
    const bytes = perPath.reduce((n, p) => n + p.bytes, 0) + (c.database?.bytes ?? 0);
    return {
        path,
        root: c.root,
        release: c.release,
        paths: perPath,
        database: c.database ? { path: c.database.path, bytes: c.database.bytes } : null,
        files,
        bytes,
        retention,
        warnings: c.warnings,
    };
}
function fsyncDirectory(dir) {
    if (process.platform === 'win32')
        return;
    const fd = (0,external_node_fs_.openSync)(dir, 'r');
    try {
        (0,external_node_fs_.fsyncSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function writeSmallFileDurably(path, text, mode) {
    const fd = (0,external_node_fs_.openSync)(path, 'wx', mode);
    try {
        if (process.platform !== 'win32')
            (0,external_node_fs_.fchmodSync)(fd, mode);
        (0,external_node_fs_.writeSync)(fd, text);
        (0,external_node_fs_.fsyncSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
let temporarySequence = 0;
/**
 * A rollback killed after its commit leaves the tree half old, half new: backing that up (or
 * deploying over it) would make the mix permanent. Exit 4, saying how to finish the rollback.
 */
function refuseHalfRestoredTree(config, cwd) {
    const root = (0,state_dir/* targetRoot */.u6)(config.env, cwd);
    const pending = root ? (0,journal/* pendingRestore */.oU)(root) : null;
    if (pending)
        throw new errors/* RefusedError */.fk(`refused: a rollback of "${pending.environment}" to ${pending.backup} was interrupted after it committed, so ${root} is half restored; run the rollback again (dhash-rollout rollback --env ${config.envName} --backup ${pending.backup}) to complete it first`);
}
/** The backups folder (and pre-rollback/ inside it) exists with the configured private mode. */
function makePrivateFolder(folder, mode, nested) {
    const folders = nested ? [(0,external_node_path_.dirname)(folder), folder] : [folder];
    for (const f of folders) {
        (0,external_node_fs_.mkdirSync)(f, { recursive: true, mode });
        if (process.platform !== 'win32')
            (0,external_node_fs_.chmodSync)(f, mode);
    }
}
/**
 * Temporary files of backups that were killed (their process is gone) are removed by the next
 * backup of the same environment; those of a backup still running are left alone.
 */
function removeLeftoverTemporaries(folder, environment) {
    const removed = [];
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(folder);
    }
    catch {
        return removed;
    }
    const mine = new RegExp(`^\\.(?:pre-rollback_)?dhash_${environment}_.*\\.(\\d+)(?:-\\d+)?\\.tmp$`);
    for (const name of names) {
        const m = mine.exec(name);
        if (!m)
            continue;
        const pid = Number(m[1]);
        if (pid === process.pid || (0,file_lock/* isAlive */._n)(pid))
            continue;
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(folder, name), { force: true });
        removed.push((0,external_node_path_.join)(folder, name));
    }
    return removed;
}
/**
 * Publishes under the first free name, claimed with link(2), which fails rather than replace a
 * file: two backups in the same second get distinct names, and none overwrites another (a
 * rename would, silently). Sidecar (and signature) first, the zip last, so `ls backups/dhash_*.zip`
 * never sees a zip without its checksum. Returns the zip's path.
 */
function publish(r) {
    const stem = r.firstPath.replace(/\.zip$/, '');
    for (let n = 1; n < 1000; n++) {
        const path = n === 1 ? r.firstPath : `${stem}_${n}.zip`;
        const relativePath = (0,external_node_path_.relative)(r.cwd, path);
        const shown = (0,external_node_path_.isAbsolute)(relativePath) ? path : toPosix(relativePath);
        (0,external_node_fs_.rmSync)(r.tmpSidecar, { force: true });
        writeSmallFileDurably(r.tmpSidecar, (0,naming/* sidecarLine */.Q_)(r.sha256, shown), r.fileMode);
        const claimed = [];
        const claim = (from, to) => {
            try {
                (0,external_node_fs_.linkSync)(from, to);
            }
            catch (error) {
                if (error.code === 'EEXIST')
                    return false;
                throw error;
            }
            claimed.push(to);
            r.published.push(to);
            return true;
        };
        let ok = claim(r.tmpSidecar, `${path}${naming/* SIDECAR_SUFFIX */.S}`);
        if (ok && r.tmpSignature && r.signature) {
            (0,external_node_fs_.rmSync)(r.tmpSignature, { force: true });
            writeSmallFileDurably(r.tmpSignature, r.signature, r.fileMode);
            ok = claim(r.tmpSignature, `${path}${signature/* SIGNATURE_SUFFIX */.VV}`);
        }
        if (ok)
            ok = claim(r.tmpZip, path);
        if (!ok) {
            for (const c of claimed) {
                (0,external_node_fs_.unlinkSync)(c);
                r.published.splice(r.published.indexOf(c), 1);
            }
            continue;
        }
        for (const t of [r.tmpZip, r.tmpSidecar, r.tmpSignature])
            if (t)
                (0,external_node_fs_.rmSync)(t, { force: true });
        fsyncDirectory(r.folder);
        return path;
    }
    throw new errors/* OperationError */.OK(`could not find a free backup name in ${r.folder} after 999 attempts`);
}
function isDiskFull(error) {
    const code = error?.code;
    return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG';
}
/**
 * Builds the manifest's file records as the writer reports each entry (in the order of the
 * sources), so no second per-entry structure (a map of every written entry) is held beside them.
 */
class ManifestRecords {
    databaseSource;
    files = [];
    /** The database snapshot's entry, once written. */
    database = null;
    /** Bytes of the files listed so far (all of them once the listing is complete). */
    bytesListed = 0;
    /** Sources handed to the writer and not reported yet, in order (from `head`). */
    queued = [];
    head = 0;
    listed = false;
    constructor(databaseSource) {
        this.databaseSource = databaseSource;
    }
    /** The sources, each remembered here as the writer takes it (the listing happens as it does). */
    *track(sources) {
        for (const s of sources) {
            if (s.type === 'file')
                this.bytesListed += s.size;
            this.queued.push(s);
            yield s;
        }
        this.listed = true;
    }
    add(w) {
        const s = this.head < this.queued.length ? this.queued[this.head] : undefined;
        // The writer reports every entry it wrote, in order; addAll throws rather than skip one.
        if (!s || s.name !== w.name)
            throw new Error(`${w.name}: the archive writer reported an entry out of order or not asked for`);
        if (++this.head >= 4096) {
            this.queued = this.queued.slice(this.head);
            this.head = 0;
        }
        const record = {
            path: s.type === 'dir' ? s.name.slice(0, -1) : s.name,
            type: s.type,
            size: s.type === 'dir' ? 0 : w.size,
            mode: s.mode & 0o7777,
        };
        if (s.type !== 'dir')
            record.sha256 = w.sha256;
        if (s.type === 'symlink') {
            // The source tree reads a link's target into its data.
            if (!s.data)
                throw new Error(`${s.name}: a link without its target`);
            record.target = (0,raw_name/* decodeName */.e4)(s.data);
        }
        this.files.push(record);
        if (s === this.databaseSource)
            this.database = w;
    }
    /** After the writer is done: every source was listed and reported. */
    complete() {
        if (!this.listed || this.head !== this.queued.length)
            throw new Error(`${this.queued[this.head]?.name ?? '?'}: the archive writer did not report this entry`);
        this.queued = [];
        this.head = 0;
        return this.files;
    }
}
/** The manifest of what was written: every entry's type, size, mode and SHA-256, and the totals. */
function manifestOf(a) {
    const { config, options, c, files, db, startedMs } = a;
    if (c.database && !db)
        throw new Error(`${c.database.path}: the archive writer did not report this entry`);
    return {
        format: backup_manifest/* MANIFEST_FORMAT */.Sn,
        kind: options.kind ?? 'backup',
        environment: config.envName,
        created_at: new Date(startedMs).toISOString(),
        tool_version: (0,package_root/* toolVersion */.f)(),
        release: c.release,
        target_root: c.root,
        paths: c.archivedPaths,
        database: db && c.database ? { path: c.database.path, size: db.size, sha256: db.sha256 } : null,
        files,
        totals: {
            files: files.filter((f) => f.type === 'file').length,
            bytes: files.reduce((n, f) => n + (f.type === 'file' ? f.size : 0), 0),
        },
    };
}
/**
 * What killed runs of this environment left: temporaries of backups and snapshots, and the
 * staging of rollbacks that never committed (their process is gone; the live tree is untouched).
 */
function cleanUpKilledRuns(options, folder, root, log, storage) {
    const backupsFolder = options.kind === 'pre-rollback' ? (0,external_node_path_.dirname)(folder) : folder;
    const removedLeftovers = [
        ...removeLeftoverTemporaries(backupsFolder, options.config.envName),
        ...removeLeftoverTemporaries((0,external_node_path_.join)(backupsFolder, naming/* PRE_ROLLBACK_DIR */.l$), options.config.envName),
    ];
    for (const line of (0,restore/* abandonStaleRestores */.QX)(root, log, storage))
        log.warn(`restore staging cleaned up: ${line}`);
    for (const r of removedLeftovers)
        log.warn('removed a temporary file a killed backup left', { path: r });
}
/** Collects the sources, prepares the private folder, clears what killed runs left, names the temporaries. */
function startBackupRun(options, deps) {
    const { config } = options;
    const log = deps.logger.child({
        step: options.kind === 'pre-rollback' ? 'pre-rollback-snapshot' : 'backup',
        environment: config.envName,
    });
    refuseHalfRestoredTree(config, options.cwd);
    deps.storage.prepareWriter?.();
    const c = collect(config, options.cwd, deps.storage);
    for (const w of c.warnings)
        log.warn(w);
    const startedMs = deps.clock.now();
    const firstPath = destination(config, options, startedMs);
    const folder = (0,external_node_path_.dirname)(firstPath);
    const fileMode = parseInt(config.env.backup.file_mode, 8);
    const dirMode = parseInt(config.env.backup.dir_mode, 8);
    makePrivateFolder(folder, dirMode, options.kind === 'pre-rollback');
    cleanUpKilledRuns(options, folder, c.root, log, deps.storage);
    const unique = `${process.pid}-${++temporarySequence}`;
    const keyText = (deps.env ?? process.env)[config.env.backup.signing_key_env];
    return {
        options,
        config,
        deps,
        log,
        c,
        startedMs,
        firstPath,
        folder,
        fileMode,
        tmpZip: (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(firstPath)}.${unique}.tmp`),
        tmpSidecar: (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(firstPath)}${naming/* SIDECAR_SUFFIX */.S}.${unique}.tmp`),
        tmpSignature: (0,external_node_path_.join)(folder, `.${(0,external_node_path_.basename)(firstPath)}${signature/* SIGNATURE_SUFFIX */.VV}.${unique}.tmp`),
        signingKey: keyText ? Buffer.from(keyText, 'utf8') : null,
        published: [],
        dbFd: null,
        writer: null,
    };
}
/** The database's entry, read through a descriptor opened now (null without a database). */
function databaseSnapshot(run) {
    const { c } = run;
    if (!c.database)
        return null;
    // The database is published whole by rename; the handle opened here keeps the snapshot it
    // saw even if a writer publishes a newer file meanwhile, so the copy is never torn.
    const fd = (0,external_node_fs_.openSync)(c.database.abs, 'r');
    run.dbFd = fd;
    const entry = run.deps.storage.fileEntry(c.database.path, c.database.abs, (0,external_node_fs_.fstatSync)(fd));
    return {
        ...entry,
        path: undefined, // read through the snapshot's descriptor only, never by path
        open: () => {
            run.dbFd = null; // from here on the writer closes it
            return fd;
        },
    };
}
/** The collected trees' entries, listed as the writer takes them, then the database's. */
function* sourcesWithDatabase(run, database) {
    yield* listSources(run.c, run.deps.storage);
    if (database)
        yield database;
}
/** Reports progress at most every two seconds. */
function progressReporter(deps, startedMs) {
    let lastReport = startedMs;
    return (phase, done, total) => {
        const now = deps.clock.now();
        if (now - lastReport < 2_000)
            return;
        lastReport = now;
        deps.onProgress?.({ phase, bytesDone: done, bytesTotal: total, elapsedMs: now - startedMs });
    };
}
/** Writes every source and then the manifest into the temporary zip; returns the manifest written. */
async function writeArchive(run, report) {
    const { config, options, c, startedMs } = run;
    const database = databaseSnapshot(run);
    const records = new ManifestRecords(database);
    const writer = await run.deps.storage.createWriter(run.tmpZip, {
        level: 1,
        mode: run.fileMode,
        roundTrip: config.env.backup.round_trip,
        onProgress: (n) => {
            // The total grows while the tree is still being listed (done early: see ListAhead).
            report('archiving', n, records.bytesListed);
        },
    });
    run.writer = writer;
    await writer.addAll(records.track(sourcesWithDatabase(run, database)), (e) => {
        records.add(e);
    });
    const files = records.complete();
    // The sources (an object, a path and an opener per file) are not needed past this point: let
    // them go before the manifest text and the verification's directory are built.
    (0,collect_garbage/* collectGarbage */.i)('all');
    // Built of plain strings, numbers and lists, serialised, and checked in place with the checks
    // any restore applies to a parsed one (one manifest of 40,000 files in memory, not two, and
    // no text copy of it beside the bytes).
    const built = manifestOf({ config, options, c, files, db: records.database, startedMs });
    const manifestBytes = Buffer.from((0,backup_manifest/* manifestText */.$2)(built));
    // Deflated and inflated back in the thread pool while it is checked here.
    const adding = writer.addDeflated({
        name: backup_manifest/* MANIFEST_NAME */.ir,
        type: 'file',
        mode: 0o644,
        mtimeMs: startedMs,
        size: manifestBytes.length,
        data: manifestBytes,
    });
    let manifest;
    try {
        manifest = (0,backup_manifest/* checkManifest */.K7)(built);
    }
    catch (error) {
        await adding.catch(() => undefined);
        throw error;
    }
    await adding;
    await writer.finish();
    run.writer = null;
    // The manifest's text and its compressed bytes are garbage now; the verification's directory
    // of every entry is built next.
    (0,collect_garbage/* collectGarbage */.i)('all');
    return { manifest, writer };
}
/** Applies retention after a successful backup; never removes the backup just written. */
function applyRetention(run, path) {
    const { options, config, log } = run;
    let retention = null;
    const removed = [];
    if (options.retention ?? true) {
        const dir = options.outputDir
            ? (0,external_node_path_.resolve)(options.cwd, options.outputDir)
            : (0,state_dir/* backupDir */.su)(config.env, options.cwd);
        retention = retentionFor(config, dir, run.deps.clock.now(), options.kind ?? 'backup');
        for (const r of retention.remove) {
            const victim = (0,external_node_path_.join)(run.folder, r.name);
            if (victim === path)
                continue;
            try {
                (0,external_node_fs_.rmSync)(victim, { force: true });
                (0,external_node_fs_.rmSync)(`${victim}${naming/* SIDECAR_SUFFIX */.S}`, { force: true });
                removed.push(victim);
                log.info('retention removed a backup', { path: victim, reason: r.reason });
            }
            catch (error) {
                log.warn('retention could not remove a backup', { path: victim, error: (0,errors/* messageOf */.bD)(error) });
            }
        }
    }
    return { retention, removed };
}
/** Writes, verifies and publishes the backup, then applies retention. */
async function writeVerifyAndPublish(run) {
    const { deps, log, startedMs } = run;
    const report = progressReporter(deps, startedMs);
    const { manifest, writer } = await writeArchive(run, report);
    // Prove what is on disk before calling it good: every deflated entry was inflated back as it
    // was written; here the file is re-read, its directory and local headers checked, each entry's
    // bytes matched to what was written, and its SHA-256 taken (see written-archive.ts).
    let written;
    try {
        written = await writer.verifyWritten((done, total) => {
            report('verifying', done, total);
        });
    }
    catch (error) {
        if (error instanceof archive_error/* ArchiveError */.d)
            throw new verify_archive/* BackupRejectedError */.tK('corrupt', `${run.tmpZip}: ${error.message}`);
        throw error;
    }
    (0,verify_archive/* checkDirectoryAgainstManifest */.CI)(run.tmpZip, manifest, written.directory, written.links);
    const verified = { archiveSha256: written.sha256, sizeBytes: written.sizeBytes };
    const path = publish({
        folder: run.folder,
        firstPath: run.firstPath,
        cwd: run.options.cwd,
        sha256: verified.archiveSha256,
        tmpZip: run.tmpZip,
        tmpSidecar: run.tmpSidecar,
        tmpSignature: run.signingKey ? run.tmpSignature : null,
        signature: run.signingKey ? (0,signature/* signatureLine */.Zp)(run.signingKey, verified.archiveSha256) : null,
        fileMode: run.fileMode,
        published: run.published,
    });
    const sidecarPath = `${path}${naming/* SIDECAR_SUFFIX */.S}`;
    log.info('backup written and verified', {
        path,
        sha256: verified.archiveSha256,
        bytes: verified.sizeBytes,
        files: manifest.totals.files,
        elapsed_ms: deps.clock.now() - startedMs,
    });
    const { retention, removed } = applyRetention(run, path);
    return {
        path,
        sidecarPath,
        sha256: verified.archiveSha256,
        sizeBytes: verified.sizeBytes,
        manifest,
        retention,
        removed,
    };
}
/** The error a failed backup reports, once its temporaries and anything published are removed. */
function backupFailure(error, folder) {
    if (isDiskFull(error))
        return new errors/* OperationError */.OK(`disk full while writing the backup in ${folder}: no backup was written, and the partial file was removed (${error.message})`);
    if (error instanceof source_errors/* FileChangedError */.j)
        return new errors/* OperationError */.OK(`${error.message}; no backup was written \u2014 run it again`);
    if (error instanceof archive_error/* ArchiveError */.d)
        return new errors/* OperationError */.OK(`the backup failed its checks while being written, so it was deleted: ${error.message}`);
    if (error instanceof verify_archive/* BackupRejectedError */.tK)
        return new errors/* OperationError */.OK(`the backup failed its verification after writing, so it was deleted: ${error.message}`);
    return error;
}
/**
 * Makes one verified backup. Called by `backup`, by `deploy --backup-first`, by `rollout`, and by
 * rollback (pre-rollback snapshot). On any failure nothing is left behind: no partial zip, no sidecar.
 */
function createBackup(options, deps) {
    // Node 24 would otherwise give ~100 MB more to the young generation (see young-generation.ts).
    return (0,young_generation/* withYoungGenerationHeld */.I)(() => backupHeld(options, deps));
}
async function backupHeld(options, deps) {
    const run = startBackupRun(options, deps);
    try {
        return await writeVerifyAndPublish(run);
    }
    catch (error) {
        if (run.writer)
            await run.writer.close().catch(() => undefined);
        for (const p of [run.tmpZip, run.tmpSidecar, run.tmpSignature, ...run.published])
            (0,external_node_fs_.rmSync)(p, { force: true });
        throw backupFailure(error, run.folder);
    }
    finally {
        const unclaimed = run.dbFd;
        if (unclaimed !== null)
            (0,external_node_fs_.closeSync)(unclaimed);
    }
}


/***/ }),

/***/ 3131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aL: () => (/* binding */ listBackupFiles),
/* harmony export */   o2: () => (/* binding */ markInUse)
/* harmony export */ });
/* unused harmony exports inUseMarkerPath, isInUse */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5379);
/* harmony import */ var _runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(482);






function listBackupFiles(dir, environment, kind = 'backup') {
    const folder = kind === 'backup' ? dir : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, _domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .PRE_ROLLBACK_DIR */ .l$);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(folder))
        return [];
    const out = [];
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(folder)) {
        const parsed = (0,_domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBackupFileName */ .Hs)(name);
        if (!parsed)
            continue;
        if ((kind === 'pre-rollback') !== name.startsWith('pre-rollback_'))
            continue;
        if (environment && parsed.environment !== environment)
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(folder, name);
        let sizeBytes;
        try {
            sizeBytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).size;
        }
        catch {
            continue;
        }
        out.push({
            name,
            path,
            environment: parsed.environment,
            createdMs: parsed.createdMs,
            sizeBytes,
            hasSidecar: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(`${path}${_domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .SIDECAR_SUFFIX */ .S}`),
            inUse: isInUse(path),
        });
    }
    // Same order as `ls -1 backups/dhash_*.zip | sort -r`.
    return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}
function inUseMarkerPath(backupPath) {
    return `${backupPath}.in-use`;
}
function isInUse(backupPath) {
    const marker = inUseMarkerPath(backupPath);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(marker))
        return false;
    const owner = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .readLockOwner */ .Dh)(marker);
    if (!owner)
        return true;
    return owner.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)() || (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._n)(owner.pid);
}
/** Marks a backup as used by a rollback so retention leaves it alone. */
function markInUse(backupPath, purpose) {
    const attempt = (0,_runtime_file_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .tryLock */ .bh)(inUseMarkerPath(backupPath), purpose);
    // Two rollbacks of one environment cannot run (environment lock); a second holder is another
    // environment restoring the same file, which is harmless to share.
    return attempt.acquired ? attempt.release : () => undefined;
}


/***/ }),

/***/ 332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ transactionDir),
/* harmony export */   Be: () => (/* binding */ RESTORE_DIR),
/* harmony export */   fY: () => (/* binding */ writeJournal),
/* harmony export */   oU: () => (/* binding */ pendingRestore),
/* harmony export */   rZ: () => (/* binding */ readJournals),
/* harmony export */   uj: () => (/* binding */ crashPoint)
/* harmony export */ });
/* unused harmony export CRASH_POINTS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9034);



/**
 * The restore journal: `<root>/.dhash-restore/<txid>/journal.json`, rewritten atomically at each
 * step. Its `state` is the commit point of a restore. Before "committed" nothing live has been
 * touched, and recovery throws the staging away (the target stays wholly old). From "committed"
 * on, recovery finishes the remaining renames (the target becomes wholly new). Staging happens
 * while the service still runs; it is stopped only from the commit to the end of the renames.
 * A committed journal left by a killed run is a half-restored tree: backups, deploys and
 * rollouts refuse until a rollback completes it.
 */
const RESTORE_DIR = '.dhash-restore';
/** True when a restore committed and was not completed: the live tree is half old, half new. */
function pendingRestore(root) {
    for (const { journal } of readJournals(root))
        if (journal?.state === 'committed')
            return journal;
    return null;
}
function transactionDir(root, txid) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, RESTORE_DIR, txid);
}
function writeJournal(root, journal) {
    (0,_runtime_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Z)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(transactionDir(root, journal.txid), 'journal.json'), Buffer.from(JSON.stringify(journal, null, 1)));
}
function readJournals(root) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, RESTORE_DIR);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir))
        return [];
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir)
        .sort()
        .map((txid) => {
        try {
            return {
                txid,
                journal: JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, txid, 'journal.json'), 'utf8')),
            };
        }
        catch {
            return { txid, journal: null };
        }
    });
}
/** Where tests stop a restore with SIGKILL: DHASH_ROLLOUT_CRASH_AT=<point>. Read only here. */
const CRASH_POINTS = (/* unused pure expression or super */ null && ([
    'extracting',
    'staged',
    'committed',
    'swap-old-moved',
    'swap-new-placed',
    'switched',
    'applied',
]));
function crashPoint(point, env = process.env) {
    if (env.DHASH_ROLLOUT_CRASH_AT === point)
        process.kill(process.pid, 'SIGKILL');
}


/***/ }),

/***/ 5661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M2: () => (/* binding */ describeLayout),
/* harmony export */   Rd: () => (/* binding */ LayoutError),
/* harmony export */   av: () => (/* binding */ STAGE_PREFIX),
/* harmony export */   tR: () => (/* binding */ freeSpaceProblems),
/* harmony export */   u: () => (/* binding */ planLayout)
/* harmony export */ });
/* unused harmony exports mountPoints, isMountPoint */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Where a restore stages each path. Real hosts put the database on its own volume, or mount a
 * config share: a rename cannot cross file systems (EXDEV), and a mount point cannot be renamed
 * at all (EBUSY). So each restored path is staged beside itself, on its own file system \u2014
 * `<parent>/.dhash-restore-<txid>/` \u2014 and swapped by renames within that one device. A path that
 * is itself a mount point is swapped by its contents instead: its entries are staged inside it
 * and renamed one by one. A path holding a separate mount further down cannot be replaced whole
 * without moving or deleting that mount, so it is refused with a clear message.
 */
const STAGE_PREFIX = '.dhash-restore-';
class LayoutError extends Error {
}
/** Mount points of this host (Linux: /proc/self/mountinfo; elsewhere none are known). */
function mountPoints() {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/self/mountinfo', 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => line.split(' ')[4].replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8))));
    }
    catch {
        return [];
    }
}
function real(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    }
}
/** The nearest existing directory at or above `path`. */
function existingAncestor(path) {
    let p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(p) !== p)
        p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(p);
    return p;
}
function mountOf(path, mounts) {
    const r = real(existingAncestor(path));
    let best = '/';
    for (const m of mounts)
        if ((r === m || r.startsWith(m === '/' ? '/' : m + node_path__WEBPACK_IMPORTED_MODULE_1__.sep)) && m.length > best.length)
            best = m;
    return best;
}
function isMountPoint(path, mounts) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return false;
    const r = real(path);
    if (mounts.includes(r))
        return true;
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).dev !== (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path)).dev;
    }
    catch {
        return false;
    }
}
function planLayout(request, mounts = mountPoints()) {
    const { root, txid } = request;
    const out = [];
    for (const item of request.items) {
        const live = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, ...item.live.split('/'));
        const contents = item.isDir && isMountPoint(live, mounts);
        if (item.isDir && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(live)) {
            const top = real(live);
            const nested = mounts.filter((m) => m.startsWith(top + node_path__WEBPACK_IMPORTED_MODULE_1__.sep));
            if (nested.length > 0)
                throw new LayoutError(`"${item.live}" holds a separate file system mounted at ${nested.join(', ')}; it cannot be replaced whole without moving that mount: list the paths on each file system separately in backup.paths`);
        }
        const stageDir = contents
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(live, `${STAGE_PREFIX}${txid}`)
            : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(live), `${STAGE_PREFIX}${txid}`);
        const name = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(live);
        const mount = mountOf(contents ? live : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(live), mounts);
        let device = -1;
        try {
            device = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(existingAncestor(contents ? live : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(live))).dev;
        }
        catch {
            /* unknown */
        }
        out.push({
            archived: item.archived,
            live: item.live,
            kind: contents ? 'contents' : 'whole',
            stageDir,
            staged: contents ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'new') : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'new', name),
            old: contents ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'old') : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stageDir, 'old', name),
            mount,
            device,
            bytes: item.bytes,
            entries: item.entries,
        });
    }
    return out;
}
/** Per file system: what staging needs against what is free; one line per shortfall. */
function freeSpaceProblems(items) {
    const byDevice = new Map();
    for (const item of items) {
        const need = item.bytes + item.entries * 4096;
        const seen = byDevice.get(item.device);
        if (seen)
            seen.need += need;
        else
            byDevice.set(item.device, { mount: item.mount, need, probe: existingAncestor((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(item.stageDir)) });
    }
    const problems = [];
    for (const { mount, need, probe } of byDevice.values()) {
        let free;
        try {
            const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(probe);
            free = s.bavail * s.bsize;
        }
        catch {
            continue;
        }
        if (free < need)
            problems.push(`not enough free space on ${mount} to stage the restore: it needs ${(need / 1e6).toFixed(1)} MB, ${(free / 1e6).toFixed(1)} MB are free`);
    }
    return problems;
}
function describeLayout(items) {
    return items.map((i) => `${i.live}: ${i.kind === 'contents' ? 'a mount point, swapped entry by entry' : 'swapped whole by rename'} on ${i.mount} (device ${i.device}), staged in ${i.stageDir}`);
}


/***/ }),

/***/ 7135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HI: () => (/* binding */ RestoreRefusedError),
  QX: () => (/* binding */ abandonStaleRestores),
  q8: () => (/* binding */ planRestore),
  cW: () => (/* binding */ prepareRestore),
  ue: () => (/* binding */ recoverInterruptedRestores),
  Oz: () => (/* binding */ restoreDatabaseFromBackup)
});

// UNUSED EXPORTS: restoreBackup

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/domain/backup/raw-name.ts
var raw_name = __webpack_require__(7769);
// EXTERNAL MODULE: ./src/domain/backup/archive-error.ts
var archive_error = __webpack_require__(4038);
// EXTERNAL MODULE: ./src/domain/backup/manifest.ts
var backup_manifest = __webpack_require__(1114);
// EXTERNAL MODULE: ./src/runtime/file-lock.ts
var file_lock = __webpack_require__(482);
// EXTERNAL MODULE: ./src/domain/time/file-stamp.ts
var file_stamp = __webpack_require__(6002);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/runtime/json-in-worker.ts

/**
 * Parses a large JSON document in a short-lived worker thread and returns the value, cloned into
 * this thread. The document's bytes (handed over, not copied) and its text never live here: in
 * this thread they would stay resident, dead, until the next full garbage collection, which during
 * a restore comes only at its end (for a tree of 40,000 files: two 9.5 MB blocks at the peak).
 * Inline source (eval) so that it survives bundling.
 */
const JSON_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', ({ body }) => {
  let value = null;
  let error = null;
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  parentPort.postMessage({ value, error });
});
`;
/** Thrown with the parser's own message when the bytes are not JSON. */
class JsonSyntaxError extends Error {
}
/**
 * `bytes` is given away: its memory moves to the worker. A small one, or one that shares a larger
 * block (Node's pool of small buffers, which cannot be handed over), is copied instead.
 */
async function parseJsonInWorker(bytes) {
    const whole = bytes.byteLength > 64 * 1024 && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const body = whole ? bytes.buffer : Uint8Array.prototype.slice.call(bytes).buffer;
    const worker = new external_node_worker_threads_.Worker(JSON_WORKER, { eval: true });
    try {
        const reply = await new Promise((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => {
                reject(new Error(`the JSON-parsing worker stopped (exit code ${code})`));
            });
            worker.postMessage({ body }, [body]);
        });
        if (reply.error !== null)
            throw new JsonSyntaxError(reply.error);
        return reply.value;
    }
    finally {
        await worker.terminate();
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/commands/restore/staged-file-pool.ts


/**
 * Writes small staged files in worker threads, a batch at a time.
 *
 * Restoring tens of thousands of small files is bound by creating them (open with O_CREAT|O_EXCL,
 * write, fchmod, futimes, close: each a trip into the file system, which waits on its journal when
 * the machine is busy), not by inflating them. The main thread goes on reading, inflating and
 * checking the archive while the workers create the files of the previous batches, several at once.
 * A file joins a batch only once its content passed its size and CRC checks.
 *
 * Inline source (eval) so that it survives bundling, like the archive's workers.
 */
const STAGED_FILE_WORKER = `
const { parentPort } = require('node:worker_threads');
const { openSync, writeSync, fchmodSync, futimesSync, closeSync, rmSync } = require('node:fs');
parentPort.on('message', ({ id, files, body, chmod }) => {
  const data = Buffer.from(body);
  let error = null;
  for (const f of files) {
    const path = typeof f.path === 'string' ? f.path : Buffer.from(f.path);
    let fd;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (e) {
      error = { message: e.message, code: e.code };
      break;
    }
    try {
      let at = 0;
      while (at < f.length) at += writeSync(fd, data, f.offset + at, f.length - at);
      // Created 0600 so nothing is readable while it is written; now the (masked) archived mode.
      if (chmod) fchmodSync(fd, f.mode);
      futimesSync(fd, f.mtime, f.mtime);
    } catch (e) {
      error = { message: e.message, code: e.code };
    } finally {
      closeSync(fd);
    }
    if (error) {
      rmSync(path, { force: true });
      break;
    }
  }
  parentPort.postMessage({ id, error, body }, [body]);
});
`;
/** Batches in flight per worker before `add` waits. */
const IN_FLIGHT_PER_WORKER = 2;
class StagedFilePool {
    capacity;
    workers = [];
    pending = new Map();
    spare = [];
    nextId = 0;
    failure = null;
    inFlight = new Set();
    constructor(capacity, 
    // One core is the main thread's (reading, inflating, checking): on 2 cores one writer did
    // better than two (5.2 s against 6.3 s for 40,000 files on ext4; 10-15 MB less memory).
    size = Math.max(1, Math.min(2, (0,external_node_os_.availableParallelism)() - 1))) {
        this.capacity = capacity;
        for (let i = 0; i < size; i++) {
            const worker = new external_node_worker_threads_.Worker(STAGED_FILE_WORKER, { eval: true });
            const entry = { worker, busy: 0 };
            worker.on('message', (message) => {
                entry.busy--;
                if (entry.busy === 0)
                    worker.unref();
                this.spare.push(message.body);
                if (message.error) {
                    const error = new Error(message.error.message);
                    if (message.error.code)
                        error.code = message.error.code;
                    this.failure ??= error;
                }
                const job = this.pending.get(message.id);
                this.pending.delete(message.id);
                job?.resolve();
            });
            worker.on('error', (error) => {
                this.fail(error);
            });
            worker.on('exit', (code) => {
                if (code !== 0)
                    this.fail(new Error(`a file-writing worker stopped (exit code ${code})`));
            });
            // Referenced only while it has work (see write): an idle pool left open (a run that failed
            // part-way) must not keep the process alive at exit. After the listeners, because a
            // 'message' listener refs the worker's port again.
            worker.unref();
            this.workers.push(entry);
        }
    }
    /** A buffer of `capacity` bytes to fill with a batch's content (handed over by `write`). */
    takeBuffer() {
        return this.spare.pop() ?? new ArrayBuffer(this.capacity);
    }
    /** Hands a batch to the least busy worker; waits while every worker has enough queued. */
    async write(files, body, chmod) {
        this.throwIfFailed();
        const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
        const id = this.nextId++;
        if (target.busy === 0)
            target.worker.ref();
        target.busy++;
        const done = new Promise((resolve) => {
            this.pending.set(id, { resolve, worker: target });
        });
        this.inFlight.add(done);
        void done.then(() => this.inFlight.delete(done));
        target.worker.postMessage({ id, files, body, chmod }, [body]);
        while (this.pending.size >= this.workers.length * IN_FLIGHT_PER_WORKER)
            await Promise.race(this.inFlight);
        this.throwIfFailed();
    }
    /** Waits for every batch; throws the first failure. */
    async drain() {
        await Promise.all(this.inFlight);
        this.throwIfFailed();
    }
    /** Waits for what is in flight (whatever its outcome) and stops the workers. */
    async close() {
        await Promise.all(this.inFlight);
        await Promise.all(this.workers.map((w) => w.worker.terminate()));
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure;
    }
    fail(error) {
        this.failure ??= error;
        for (const [id, job] of this.pending) {
            this.pending.delete(id);
            job.resolve();
        }
    }
}

;// CONCATENATED MODULE: ./src/commands/restore/extract.ts






/** Files up to this size are written by the pool's workers, a batch at a time. */
const POOLED_FILE_BYTES = 256 * 1024;
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 256;
class StagingExtractor {
    options;
    links = [];
    dirModes = [];
    createdDirs = new Set();
    fileMask;
    dirMask;
    filesWritten = 0;
    bytesWritten = 0;
    pool = null;
    batch = null;
    /** The staging directories, resolved once, each with a trailing separator. */
    stageTops;
    constructor(options) {
        this.options = options;
        this.stageTops = options.stageDirs.map((d) => (0,external_node_path_.resolve)(d) + external_node_path_.sep);
        const setid = options.allowSetid ? 0o6000 : 0;
        this.fileMask = 0o777 | setid;
        this.dirMask = 0o1777 | setid;
    }
    pathOf(name) {
        const bare = name.replace(/\/$/, '');
        const path = this.options.placeOf(bare);
        if (path === null)
            return null;
        const inside = this.stageTops.some((top) => path.startsWith(top));
        if (!inside)
            throw new archive_error/* ArchiveError */.d('unsafe-name', `refused: entry "${name}" resolves outside the staging area`);
        return path;
    }
    ensureDir(path) {
        if (this.createdDirs.has(path))
            return;
        (0,external_node_fs_.mkdirSync)((0,raw_name/* fsPath */.Jk)(path), { recursive: true, mode: 0o700 });
        this.createdDirs.add(path);
    }
    sinkFor = async (entry) => {
        const path = this.pathOf(entry.name);
        if (path === null)
            return null;
        if (entry.type === 'dir') {
            this.ensureDir(path);
            this.dirModes.push({ path, mode: (entry.mode ?? 0o755) & this.dirMask, mtimeMs: entry.mtimeMs });
            return null;
        }
        this.ensureDir((0,external_node_path_.dirname)(path));
        const mode = (entry.mode ?? 0o644) & this.fileMask;
        if (entry.type === 'symlink') {
            const parts = [];
            return {
                // Copied: the reader reuses its read buffers.
                write: (chunk) => void parts.push(Buffer.from(chunk)),
                end: () => void this.links.push({ name: entry.name, target: Buffer.concat(parts), path }),
                abort: () => undefined,
            };
        }
        const done = () => {
            this.filesWritten++;
            this.bytesWritten += entry.size;
            if (this.filesWritten === 1)
                this.options.afterFirstFile?.();
        };
        if (entry.size <= POOLED_FILE_BYTES)
            return this.pooledSink(entry, path, mode, done);
        // Written as the chunks arrive, synchronously (page cache: a thread-pool round trip per write
        // costs more than the copy), so memory stays flat and no chunk is held after the reader moves on.
        const fd = (0,external_node_fs_.openSync)((0,raw_name/* fsPath */.Jk)(path), 'wx', 0o600);
        let closed = false;
        const close = () => {
            if (!closed)
                (0,external_node_fs_.closeSync)(fd);
            closed = true;
        };
        return {
            write: (chunk) => {
                let off = 0;
                while (off < chunk.length)
                    off += (0,external_node_fs_.writeSync)(fd, chunk, off);
            },
            end: () => {
                finishFile(fd, mode, entry.mtimeMs);
                close();
                // Made durable before the journal commits (flush): one syncfs per file system there,
                // instead of one fsync per file, which costs more than the extraction on small files.
                done();
            },
            abort: () => {
                close();
                (0,external_node_fs_.rmSync)((0,raw_name/* fsPath */.Jk)(path), { force: true });
            },
        };
    };
    /**
     * A small file's content is copied into the current batch as it arrives; once the entry passed
     * its checks (end), the file joins the batch, which the pool's workers create when it is full.
     */
    async pooledSink(entry, path, mode, done) {
        if (this.batch && this.batch.used + entry.size > BATCH_BYTES + POOLED_FILE_BYTES)
            await this.sendBatch();
        this.pool ??= new StagedFilePool(BATCH_BYTES + POOLED_FILE_BYTES);
        if (!this.batch) {
            const body = this.pool.takeBuffer();
            this.batch = { files: [], body, buffer: Buffer.from(body), used: 0 };
        }
        const batch = this.batch;
        const start = batch.used;
        let at = start;
        return {
            // The reader never passes more than the entry's declared size, which was made room for.
            write: (chunk) => {
                chunk.copy(batch.buffer, at);
                at += chunk.length;
            },
            end: async () => {
                batch.files.push({
                    path: (0,raw_name/* fsPath */.Jk)(path),
                    mode,
                    mtime: entry.mtimeMs / 1000,
                    offset: start,
                    length: at - start,
                });
                batch.used = at;
                done();
                if (batch.used >= BATCH_BYTES || batch.files.length >= BATCH_FILES)
                    await this.sendBatch();
            },
            // Nothing was written: the batch's mark did not move past this entry.
            abort: () => undefined,
        };
    }
    async sendBatch() {
        const batch = this.batch;
        this.batch = null;
        if (!batch || batch.files.length === 0 || !this.pool)
            return;
        await this.pool.write(batch.files, batch.body, process.platform !== 'win32');
    }
    /** Every pooled file written (or the first failure thrown). */
    async drain() {
        await this.sendBatch();
        await this.pool?.drain();
    }
    /** Stops the file-writing workers once what they were given is done; safe to call twice. */
    async close() {
        const pool = this.pool;
        this.pool = null;
        this.batch = null;
        await pool?.close();
    }
    /**
     * Puts every staged file and folder on disk: a power loss after the journal commits must not
     * leave a restored file empty. On Linux one `sync -f` (syncfs(2)) per staging file system, as
     * `unzip && sync` would; elsewhere, or if that is not available, each file and folder fsynced,
     * found by walking the staging areas and `moved` (what was renamed out of them: the release),
     * so no list of tens of thousands of paths is kept while extracting.
     */
    async flush(moved = []) {
        if (process.platform === 'linux' && syncFileSystems(this.options.stageDirs))
            return;
        const withDirs = process.platform !== 'win32';
        const queue = [];
        for (const top of [...this.options.stageDirs, ...moved]) {
            collectTree((0,external_node_path_.resolve)(top), queue, withDirs);
            if (withDirs)
                queue.push((0,external_node_path_.dirname)((0,external_node_path_.resolve)(top)));
        }
        const syncNext = async () => {
            for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
                let fd;
                try {
                    fd = (0,external_node_fs_.openSync)((0,raw_name/* fsPath */.Jk)(path), 'r');
                }
                catch {
                    continue; // gone since
                }
                try {
                    await new Promise((resolvePromise, reject) => {
                        (0,external_node_fs_.fsync)(fd, (error) => {
                            if (error)
                                reject(error);
                            else
                                resolvePromise();
                        });
                    });
                }
                finally {
                    (0,external_node_fs_.closeSync)(fd);
                }
            }
        };
        await Promise.all(Array.from({ length: Math.min(MAX_FLUSHING, queue.length) }, syncNext));
    }
    /**
     * Waits for every file to be written, then creates the deferred links (no write can pass
     * through them) and applies directory modes. Call after verification passed.
     */
    async finish() {
        await this.drain();
        await this.close();
        for (const link of this.links)
            createLink(link.target, link.path);
        for (const d of this.dirModes.reverse()) {
            try {
                if (process.platform !== 'win32')
                    (0,external_node_fs_.chmodSync)((0,raw_name/* fsPath */.Jk)(d.path), d.mode);
                (0,external_node_fs_.utimesSync)((0,raw_name/* fsPath */.Jk)(d.path), d.mtimeMs / 1000, d.mtimeMs / 1000);
            }
            catch {
                /* best effort: modes where the OS has them */
            }
        }
    }
}
/** Every regular file and (with `withDirs`) folder under `dir`, the folder itself included; links are not followed. */
function collectTree(dir, into, withDirs) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)((0,raw_name/* fsPath */.Jk)(dir), { withFileTypes: true, encoding: 'buffer' });
    }
    catch {
        return; // gone since
    }
    for (const entry of entries) {
        const path = (0,external_node_path_.join)(dir, (0,raw_name/* decodeName */.e4)(entry.name));
        if (entry.isDirectory())
            collectTree(path, into, withDirs);
        else if (entry.isFile())
            into.push(path);
    }
    if (withDirs)
        into.push(dir);
}
/** fsyncs allowed in flight at once (each holds a file descriptor). */
const MAX_FLUSHING = 32;
/** syncfs(2) of each file system holding one of `paths`, through coreutils `sync -f`; false if it failed. */
function syncFileSystems(paths) {
    const result = (0,external_node_child_process_.spawnSync)('sync', ['-f', ...new Set(paths)], { stdio: 'ignore' });
    return result.status === 0;
}
function finishFile(fd, mode, mtimeMs) {
    // Created 0600 so nothing is readable while it is written; now the (masked) archived mode.
    if (process.platform !== 'win32')
        (0,external_node_fs_.fchmodSync)(fd, mode);
    (0,external_node_fs_.futimesSync)(fd, mtimeMs / 1000, mtimeMs / 1000);
}
/** A symlink where the OS allows it; on Windows without the privilege, a junction or a copy. */
function createLink(target, path) {
    try {
        (0,external_node_fs_.symlinkSync)(target, (0,raw_name/* fsPath */.Jk)(path));
    }
    catch (error) {
        if (process.platform !== 'win32' || error.code !== 'EPERM')
            throw error;
        const absolute = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(path), (0,raw_name/* decodeName */.e4)(target));
        if ((0,external_node_fs_.statSync)(absolute).isDirectory())
            (0,external_node_fs_.symlinkSync)(absolute, path, 'junction');
        else
            (0,external_node_fs_.copyFileSync)(absolute, path);
    }
}
function stagePath(stageRoot, relPosix) {
    return join(stageRoot, ...relPosix.split('/'));
}

// EXTERNAL MODULE: ./src/commands/restore/journal.ts
var restore_journal = __webpack_require__(332);
// EXTERNAL MODULE: ./src/commands/restore/layout.ts
var restore_layout = __webpack_require__(5661);
// EXTERNAL MODULE: ./src/commands/restore/tree-view.ts + 1 modules
var tree_view = __webpack_require__(1185);
// EXTERNAL MODULE: ./src/commands/restore/verify-archive.ts
var verify_archive = __webpack_require__(3241);
// EXTERNAL MODULE: ./src/runtime/young-generation.ts
var young_generation = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/runtime/collect-garbage.ts
var collect_garbage = __webpack_require__(4184);
;// CONCATENATED MODULE: ./src/commands/restore/restore.ts

















/** Refused before anything changed (archive or host layout); the front ends exit 4. */
class RestoreRefusedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RestoreRefusedError';
    }
}
function toNative(root, rel) {
    return (0,external_node_path_.join)(root, ...rel.split('/'));
}
function exists(path) {
    try {
        (0,external_node_fs_.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
}
function removeStaging(root, journal, links) {
    // The journal is read back from disk, where one written by an older version lacks stage_dirs.
    for (const dir of journal.stage_dirs ?? [])
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    if (journal.created_release &&
        links.currentRelease(root) !== journal.created_release &&
        journal.state !== 'committed' &&
        journal.state !== 'applied')
        (0,external_node_fs_.rmSync)(links.releasePath(root, journal.created_release), { recursive: true, force: true });
    (0,external_node_fs_.rmSync)((0,restore_journal/* transactionDir */.AA)(root, journal.txid), { recursive: true, force: true });
    cleanupRestoreDir(root);
}
function ownerAlive(journal) {
    // This process's own staging (a rollback taking its snapshot) is alive too.
    return Boolean(journal && journal.host === (0,external_node_os_.hostname)() && (journal.pid === process.pid || (0,file_lock/* isAlive */._n)(journal.pid)));
}
/**
 * Throws away restores that did not commit and whose process is gone (their staging and any
 * release directory they created). Safe while the service runs: nothing live is touched.
 */
function abandonStaleRestores(root, logger, links) {
    const done = [];
    for (const { txid, journal } of (0,restore_journal/* readJournals */.rZ)(root)) {
        if (journal && (journal.state === 'committed' || journal.state === 'applied'))
            continue;
        if (ownerAlive(journal))
            continue;
        if (journal)
            removeStaging(root, journal, links);
        else
            (0,external_node_fs_.rmSync)((0,restore_journal/* transactionDir */.AA)(root, txid), { recursive: true, force: true });
        logger.warn('abandoned an interrupted restore that had not committed; the target was left as it was', {
            txid,
        });
        done.push(`${txid}: abandoned (not committed; target unchanged)`);
    }
    cleanupRestoreDir(root);
    return done;
}
/**
 * Finishes or abandons any restore a crash interrupted. Completing a committed one renames live
 * paths, so the service must be stopped. Returns what it did, one line per transaction.
 */
function recoverInterruptedRestores(root, logger, links) {
    const done = abandonStaleRestores(root, logger, links);
    for (const { txid, journal } of (0,restore_journal/* readJournals */.rZ)(root)) {
        if (!journal)
            continue;
        if (journal.state === 'committed') {
            applySwaps(root, journal, {}, links);
            journal.state = 'applied';
            (0,restore_journal/* writeJournal */.fY)(root, journal);
            logger.warn('completed an interrupted restore that had committed', { txid, backup: journal.backup });
            done.push(`${txid}: completed (had committed)`);
        }
        else if (journal.state === 'applied') {
            done.push(`${txid}: completed earlier (had applied); cleaned up`);
        }
        else
            continue;
        removeStaging(root, journal, links);
    }
    return done;
}
function syncDir(path) {
    if (process.platform === 'win32')
        return;
    try {
        const fd = (0,external_node_fs_.openSync)(path, 'r');
        try {
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        /* best effort */
    }
}
/** Idempotent: run again after a crash at any point, it finishes what is left. */
function applySwaps(root, journal, env, links) {
    for (const swap of journal.swaps) {
        const live = toNative(root, swap.path);
        if (swap.kind === 'contents') {
            if (!exists(swap.staged))
                continue;
            if (!swap.emptied) {
                (0,external_node_fs_.mkdirSync)(swap.old, { recursive: true, mode: 0o700 });
                for (const name of (0,external_node_fs_.readdirSync)(live)) {
                    if (name.startsWith(restore_layout/* STAGE_PREFIX */.av))
                        continue;
                    (0,external_node_fs_.renameSync)((0,external_node_path_.join)(live, name), (0,external_node_path_.join)(swap.old, name));
                }
                swap.emptied = true;
                (0,restore_journal/* writeJournal */.fY)(root, journal);
            }
            (0,restore_journal/* crashPoint */.uj)('swap-old-moved', env);
            for (const name of (0,external_node_fs_.readdirSync)(swap.staged))
                (0,external_node_fs_.renameSync)((0,external_node_path_.join)(swap.staged, name), (0,external_node_path_.join)(live, name));
            (0,external_node_fs_.rmSync)(swap.staged, { recursive: true, force: true });
            syncDir(live);
            (0,restore_journal/* crashPoint */.uj)('swap-new-placed', env);
            continue;
        }
        if (!exists(swap.staged))
            continue; // this swap already finished
        if (exists(live)) {
            if (!exists(swap.old)) {
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(swap.old), { recursive: true, mode: 0o700 });
                (0,external_node_fs_.renameSync)(live, swap.old);
            }
            else
                (0,external_node_fs_.rmSync)(live, { recursive: true, force: true });
        }
        (0,restore_journal/* crashPoint */.uj)('swap-old-moved', env);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(live), { recursive: true });
        (0,external_node_fs_.renameSync)(swap.staged, live);
        syncDir((0,external_node_path_.dirname)(live));
        (0,restore_journal/* crashPoint */.uj)('swap-new-placed', env);
    }
    if (journal.switch_current_to) {
        if (links.currentRelease(root) !== journal.switch_current_to ||
            !exists((0,external_node_path_.join)(root, backup_manifest/* CURRENT_PATH */.SI)) ||
            !(0,external_node_fs_.lstatSync)((0,external_node_path_.join)(root, backup_manifest/* CURRENT_PATH */.SI)).isSymbolicLink()) {
            links.switchCurrent(root, journal.switch_current_to);
            links.recordActivation(root, {
                release: journal.switch_current_to,
                at: new Date().toISOString(),
                via: 'rollback',
                deployment_id: `restore-${journal.txid}`,
            });
        }
        (0,restore_journal/* crashPoint */.uj)('switched', env);
    }
}
/** SHA-256 of a file's content, read synchronously through `buffer` (one call for a file that fits). */
function fileSha256(path, buffer) {
    const fd = (0,external_node_fs_.openSync)((0,raw_name/* fsPath */.Jk)(path), 'r');
    try {
        let hash = null;
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null);
            if (n < buffer.length && hash === null)
                return (0,external_node_crypto_.hash)('sha256', buffer.subarray(0, n), 'hex');
            hash ??= (0,external_node_crypto_.createHash)('sha256');
            hash.update(buffer.subarray(0, n));
            if (n < buffer.length)
                return hash.digest('hex');
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * True when `dir` holds exactly the manifest's `current/` content (names, types, bytes). Read
 * synchronously through one buffer: a stream per file cost several event-loop turns and thread-pool
 * reads each, 8 s for a release of 40,000 small files.
 */
function releaseMatches(dir, manifest) {
    const expected = new Map();
    for (const f of manifest.files)
        if (f.path.startsWith(`${backup_manifest/* CURRENT_PATH */.SI}/`))
            expected.set(f.path.slice(backup_manifest/* CURRENT_PATH */.SI.length + 1), f);
    let seen = 0;
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    const walk = (abs, rel) => {
        for (const name of (0,external_node_fs_.readdirSync)((0,raw_name/* fsPath */.Jk)(abs), { encoding: 'buffer' }).map(raw_name/* decodeName */.e4)) {
            const childRel = rel ? `${rel}/${name}` : name;
            const child = (0,external_node_path_.join)(abs, name);
            const want = expected.get(childRel);
            if (!want)
                return false;
            seen++;
            const st = (0,external_node_fs_.lstatSync)((0,raw_name/* fsPath */.Jk)(child));
            if (st.isSymbolicLink()) {
                if (want.type !== 'symlink' ||
                    (0,raw_name/* decodeName */.e4)((0,external_node_fs_.readlinkSync)((0,raw_name/* fsPath */.Jk)(child), { encoding: 'buffer' })) !== want.target)
                    return false;
            }
            else if (st.isDirectory()) {
                if (want.type !== 'dir' || !walk(child, childRel))
                    return false;
            }
            else {
                if (want.type !== 'file' || st.size !== want.size || (st.mode & 0o7777) !== want.mode)
                    return false;
                if (fileSha256(child, buffer) !== want.sha256)
                    return false;
            }
        }
        return true;
    };
    return walk(dir, '') && seen === expected.size;
}
/**
 * Gives each file and link entry of the directory its manifest record's path string, which is
 * equal to its name: one copy of 40,000 names is kept instead of two (5 MB for a node_modules).
 * The directory's own copies are garbage from then on (see prepareHeld).
 */
function shareNames(directory, manifest) {
    const records = (0,backup_manifest/* recordsOf */.M$)(manifest);
    for (const entry of directory.entries) {
        if (entry.type === 'dir')
            continue; // "a/b/" in the archive, "a/b" in the manifest
        const path = records.get(entry.name)?.path;
        if (path !== undefined)
            entry.name = path;
    }
}
/** Reads and checks the manifest alone, before anything is written. */
async function readManifestFirst(options) {
    if (!(0,external_node_fs_.existsSync)(options.archivePath))
        throw new verify_archive/* BackupRejectedError */.tK('not-found', `backup not found: ${options.archivePath}`);
    try {
        const directory = await options.storage.readDirectory(options.archivePath);
        const entry = directory.entries.find((e) => e.name === backup_manifest/* MANIFEST_NAME */.ir);
        if (!entry)
            throw new verify_archive/* BackupRejectedError */.tK('manifest', `${options.archivePath} has no ${backup_manifest/* MANIFEST_NAME */.ir}; it is not a dhash backup`);
        const bytes = await options.storage.readEntry(options.archivePath, entry, 256 * 1024 * 1024);
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
        let value;
        try {
            value = await parseJsonInWorker(bytes);
        }
        catch (error) {
            if (error instanceof JsonSyntaxError)
                throw new backup_manifest/* ManifestError */.Sh(`manifest.json is not valid JSON: ${error.message}`);
            throw error;
        }
        const manifest = (0,backup_manifest/* manifestFromJson */.I0)(value);
        shareNames(directory, manifest);
        return { manifest, sha256, directory };
    }
    catch (error) {
        if (error instanceof backup_manifest/* ManifestError */.Sh)
            throw new verify_archive/* BackupRejectedError */.tK('manifest', `${options.archivePath}: ${error.message}`);
        if (error instanceof archive_error/* ArchiveError */.d)
            throw new verify_archive/* BackupRejectedError */.tK('corrupt', `${options.archivePath}: ${error.message}`);
        throw error;
    }
}
/** The plan alone: a caller that keeps it (rollback, for its dry run) holds no copy of the directory. */
async function planRestore(options) {
    const { directory: _unused, ...plan } = await planWithDirectory(options);
    return plan;
}
async function planWithDirectory(options) {
    const { root } = options;
    const { manifest, sha256: manifestSha256, directory } = await readManifestFirst(options);
    const txid = `${(0,file_stamp/* fileStamp */.a)(options.clock.now())}-${process.pid}`;
    const problems = [];
    const done = (layout, restoredPaths) => ({
        txid,
        manifest,
        manifestSha256,
        directory,
        layout,
        restoredPaths,
        problems,
    });
    if (manifest.environment !== options.environment)
        problems.push(`it is a backup of "${manifest.environment}", not of "${options.environment}"`);
    if (options.scope)
        problems.push(...(0,backup_manifest/* manifestScopeProblems */.g1)(manifest, options.scope));
    if (options.databaseOnly && !manifest.database)
        problems.push('it holds no database snapshot');
    if (problems.length > 0)
        return done([], []);
    const records = (0,backup_manifest/* recordsOf */.M$)(manifest);
    const sizeUnder = (top) => {
        let bytes = 0;
        let entries = 0;
        for (const f of manifest.files)
            if (f.path === top || f.path.startsWith(`${top}/`)) {
                entries++;
                if (f.type === 'file')
                    bytes += f.size;
            }
        return { bytes, entries };
    };
    const requests = [];
    const db = manifest.database;
    const restoredPaths = [];
    if (options.databaseOnly && db) {
        requests.push({ archived: db.path, live: db.path, ...sizeUnder(db.path), isDir: false });
    }
    else {
        for (const p of manifest.paths) {
            if (p === backup_manifest/* CURRENT_PATH */.SI)
                continue;
            requests.push({ archived: p, live: p, ...sizeUnder(p), isDir: records.get(p)?.type === 'dir' });
            restoredPaths.push(p);
        }
        if (db && !manifest.paths.some((p) => p !== backup_manifest/* CURRENT_PATH */.SI && db.path.startsWith(`${p}/`)))
            requests.push({ archived: db.path, live: db.path, ...sizeUnder(db.path), isDir: false });
        if (manifest.paths.includes(backup_manifest/* CURRENT_PATH */.SI)) {
            // Staged under releases/ (its own file system), renamed to releases/<id> once the id is chosen.
            requests.push({
                archived: backup_manifest/* CURRENT_PATH */.SI,
                live: `${tree_view/* RELEASES_DIR */.Dy}/${backup_manifest/* CURRENT_PATH */.SI}`,
                ...sizeUnder(backup_manifest/* CURRENT_PATH */.SI),
                isDir: false,
            });
            restoredPaths.push(backup_manifest/* CURRENT_PATH */.SI);
        }
    }
    let layout;
    try {
        layout = (0,restore_layout/* planLayout */.u)({ root, txid, items: requests });
    }
    catch (error) {
        if (error instanceof restore_layout/* LayoutError */.Rd) {
            problems.push(error.message);
            return done([], restoredPaths);
        }
        throw error;
    }
    // Where every link leads, judged before anything is written: the backup's entries over the live tree.
    const release = manifest.release ?? `restored-${txid}`;
    const escapes = (0,tree_view/* linksLeavingTarget */.Fj)(manifest, release, (0,tree_view/* manifestView */.HH)(manifest, release, (0,tree_view/* liveView */.AM)(root)), root);
    problems.push(...escapes.slice(0, 5));
    problems.push(...(0,restore_layout/* freeSpaceProblems */.tR)(layout));
    return done(layout, restoredPaths);
}
function refuseRestore(options, why) {
    throw new RestoreRefusedError(`refused: ${options.archivePath}: ${why}; nothing was changed`);
}
/** The journal of a restore about to stage, written before anything else is. */
function startJournal(options, plan) {
    const { root, storage } = options;
    const journal = {
        txid: plan.txid,
        state: 'staging',
        backup: options.archivePath,
        archive_sha256: options.expectedSha256 ?? '',
        environment: options.environment,
        started_at: new Date(options.clock.now()).toISOString(),
        created_release: null,
        switch_current_to: null,
        previous_current: storage.currentRelease(root),
        swaps: [],
        stage_dirs: plan.layout.map((i) => i.stageDir),
        pid: process.pid,
        host: (0,external_node_os_.hostname)(),
    };
    (0,external_node_fs_.mkdirSync)((0,restore_journal/* transactionDir */.AA)(root, plan.txid), { recursive: true, mode: 0o700 });
    (0,restore_journal/* writeJournal */.fY)(root, journal);
    return journal;
}
function makeStageDirs(layout) {
    for (const item of layout) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(item.stageDir), { recursive: true });
        (0,external_node_fs_.mkdirSync)(item.stageDir, { mode: 0o700 });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(item.stageDir, 'new'), { mode: 0o700 });
    }
}
/** Where an archive entry is staged, or null when the restore does not take it. */
function stagedPlaceOf(byLength) {
    return (name) => {
        if (name === backup_manifest/* MANIFEST_NAME */.ir)
            return null;
        const item = byLength.find((i) => name === i.archived || name.startsWith(`${i.archived}/`));
        if (!item)
            return null;
        return name === item.archived
            ? item.staged
            : (0,external_node_path_.join)(item.staged, ...name.slice(item.archived.length + 1).split('/'));
    };
}
/** Verifies the whole archive while its entries are written into the staging. */
async function extractVerified(s) {
    const { options, plan } = s;
    makeStageDirs(plan.layout);
    const extractor = new StagingExtractor({
        placeOf: stagedPlaceOf(s.byLength),
        stageDirs: plan.layout.map((i) => i.stageDir),
        allowSetid: options.allowSetid,
        afterFirstFile: () => {
            (0,restore_journal/* crashPoint */.uj)('extracting', s.env);
        },
    });
    s.extractor = extractor;
    const verified = await (0,verify_archive/* verifyArchive */.w8)(options.archivePath, {
        archives: options.storage,
        knownManifest: { sha256: plan.manifestSha256, manifest: plan.manifest },
        directory: plan.directory,
        expectedSha256: options.expectedSha256,
        hmacKey: options.hmacKey,
        targetRoot: options.root,
        sinkFor: extractor.sinkFor,
        onProgress: options.onProgress,
    });
    // The same object only when manifest.json's bytes are the ones read first (see knownManifest).
    if (verified.manifest !== plan.manifest)
        throw new verify_archive/* BackupRejectedError */.tK('mismatch', `${options.archivePath} changed while it was being restored`);
    await extractor.finish();
    s.journal.archive_sha256 = verified.archiveSha256;
    return { verified, extractor };
}
/** Where a live path's file is now: in the staging when an item (other than `skip`) covers it. */
function stagedPhysical(s, skip) {
    return (rel) => {
        for (const item of s.byLength) {
            if (item === skip)
                continue;
            if (rel === item.live || rel.startsWith(`${item.live}/`))
                return (0,external_node_path_.join)(item.staged, ...rel.slice(item.live.length).split('/').filter(Boolean));
        }
        return toNative(s.options.root, rel);
    };
}
/** The release id the staged release takes: the backup's own, unless that id holds different files. */
function chooseReleaseId(s) {
    const { root, storage } = s.options;
    const { manifest, txid } = s.plan;
    const id = manifest.release ?? `restored-${txid}`;
    if ((0,external_node_fs_.existsSync)(storage.releasePath(root, id)) && !releaseMatches(storage.releasePath(root, id), manifest))
        return `${id}-restored-${txid}`;
    return id;
}
/**
 * Moves the staged release into releases/ (recorded in the journal first), then walks the links
 * again on the staged files themselves, as the kernel will walk them. Returns the release directory.
 */
function placeStagedRelease(s, releaseItem) {
    const { options, journal } = s;
    const { root, storage } = options;
    const chosen = chooseReleaseId(s);
    if (!(0,external_node_fs_.existsSync)(storage.releasePath(root, chosen))) {
        journal.created_release = chosen;
        (0,restore_journal/* writeJournal */.fY)(root, journal);
        (0,external_node_fs_.renameSync)(releaseItem.staged, storage.releasePath(root, chosen));
    }
    journal.switch_current_to = chosen;
    const releaseDir = storage.releasePath(root, chosen);
    const onDisk = (0,tree_view/* diskView */.B6)(stagedPhysical(s, releaseItem));
    const view = (rel) => rel === backup_manifest/* CURRENT_PATH */.SI ? { kind: 'link', target: `${tree_view/* RELEASES_DIR */.Dy}/${chosen}` } : onDisk(rel);
    const real = (0,tree_view/* linksLeavingTarget */.Fj)(s.plan.manifest, chosen, view, root);
    if (real.length > 0)
        refuseRestore(options, real.slice(0, 5).join('; '));
    return releaseDir;
}
/** Without a release: the links, walked on the staged files, must stay inside the target. */
function checkStagedLinks(s) {
    const { manifest, txid } = s.plan;
    const guessRelease = manifest.release ?? `restored-${txid}`;
    const real = (0,tree_view/* linksLeavingTarget */.Fj)(manifest, guessRelease, (0,tree_view/* diskView */.B6)(stagedPhysical(s, null)), s.options.root);
    if (real.length > 0)
        refuseRestore(s.options, real.slice(0, 5).join('; '));
}
/** Records the swaps the commit will make; the journal says `staged`. */
function markStaged(s) {
    const swaps = s.plan.layout
        .filter((i) => i !== s.releaseItem)
        .map((i) => ({ path: i.live, kind: i.kind, staged: i.staged, old: i.old }));
    s.journal.swaps = swaps;
    s.journal.state = 'staged';
    (0,restore_journal/* writeJournal */.fY)(s.options.root, s.journal);
    (0,restore_journal/* crashPoint */.uj)('staged', s.env);
    return swaps;
}
/** The staged restore's commit, cleanup, quiesce and abandon. */
function stagedRestore(s, verified, releaseDir, swaps) {
    const { options, plan, journal, env } = s;
    const { root, logger, storage } = options;
    const { txid, manifest, layout, restoredPaths } = plan;
    const db = manifest.database;
    const databaseRestored = swaps.some((w) => w.path === db?.path) ||
        Boolean(db && restoredPaths.some((p) => db.path.startsWith(`${p}/`)));
    let committed = false;
    return {
        txid,
        manifest,
        archiveSha256: verified.archiveSha256,
        layout,
        commit: () => {
            journal.state = 'committed';
            (0,restore_journal/* writeJournal */.fY)(root, journal);
            committed = true;
            (0,restore_journal/* crashPoint */.uj)('committed', env);
            applySwaps(root, journal, env, storage);
            journal.state = 'applied';
            (0,restore_journal/* writeJournal */.fY)(root, journal);
            (0,restore_journal/* crashPoint */.uj)('applied', env);
            logger.info('restore applied', {
                txid,
                backup: options.archivePath,
                release: journal.switch_current_to,
                paths: restoredPaths,
                database: databaseRestored,
            });
            return {
                txid,
                archiveSha256: verified.archiveSha256,
                release: manifest.release,
                releaseDir,
                previousRelease: journal.previous_current,
                restoredPaths,
                databaseRestored,
                recovered: [],
            };
        },
        cleanup: () => {
            removeStaging(root, journal, storage);
        },
        quiesce: () => {
            if (process.platform === 'linux')
                syncFileSystems([root, ...layout.map((i) => i.stageDir)]);
        },
        abandon: () => {
            if (!committed)
                removeStaging(root, journal, storage);
        },
    };
}
function prepareRestore(options) {
    // Node 24 would otherwise give ~100 MB more to the young generation (see young-generation.ts).
    return (0,young_generation/* withYoungGenerationHeld */.I)(() => prepareHeld(options));
}
async function prepareHeld(options) {
    const { root, logger, storage } = options;
    const env = options.env ?? process.env;
    abandonStaleRestores(root, logger, storage);
    const plan = await planWithDirectory(options);
    if (plan.problems.length > 0)
        refuseRestore(options, plan.problems.join('; '));
    // The plan's garbage (the directory's copies of the names, the manifest's views of the tree)
    // lies in the old generation, which V8 would collect only after the scan added its own to it.
    (0,collect_garbage/* collectGarbage */.i)('all');
    const journal = startJournal(options, plan);
    const s = {
        options,
        plan,
        journal,
        byLength: [...plan.layout].sort((a, b) => b.archived.length - a.archived.length),
        releaseItem: plan.layout.find((i) => i.archived === backup_manifest/* CURRENT_PATH */.SI) ?? null,
        env,
        extractor: null,
    };
    try {
        const { verified, extractor } = await extractVerified(s);
        let releaseDir = null;
        if (s.releaseItem)
            releaseDir = placeStagedRelease(s, s.releaseItem);
        else
            checkStagedLinks(s);
        await extractor.flush(releaseDir && s.journal.created_release ? [releaseDir] : []);
        return stagedRestore(s, verified, releaseDir, markStaged(s));
    }
    catch (error) {
        // Its file-writing workers stop before the staging they write into is removed.
        await s.extractor?.close();
        removeStaging(root, journal, storage);
        throw error;
    }
}
/** The whole restore in one go (the service, if any, is the caller's to stop around it). */
async function restoreBackup(options) {
    const recovered = recoverInterruptedRestores(options.root, options.logger, options.storage);
    const prepared = await prepareRestore(options);
    let result;
    try {
        result = prepared.commit();
    }
    catch (error) {
        options.logger.critical('restore failed after it committed; run the rollback again to complete it', {
            txid: prepared.txid,
            error: error.message,
        });
        throw error;
    }
    prepared.cleanup();
    return { ...result, recovered };
}
function cleanupRestoreDir(root) {
    try {
        const dir = (0,external_node_path_.join)(root, restore_journal/* RESTORE_DIR */.Be);
        if ((0,external_node_fs_.readdirSync)(dir).length === 0)
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
    catch {
        /* absent */
    }
}
/** Restores only the embedded database from a backup (used by deploy's undo). */
async function restoreDatabaseFromBackup(options) {
    return restoreBackup({ ...options, databaseOnly: true });
}


/***/ }),

/***/ 1185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dy: () => (/* binding */ RELEASES_DIR),
  jz: () => (/* binding */ UNKNOWN_OUTSIDE),
  B6: () => (/* binding */ diskView),
  Fj: () => (/* binding */ linksLeavingTarget),
  AM: () => (/* binding */ liveView),
  HH: () => (/* binding */ manifestView),
  CA: () => (/* binding */ releaseDirOf)
});

// UNUSED EXPORTS: kindOnDisk, liveNameOf

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/domain/backup/raw-name.ts
var raw_name = __webpack_require__(7769);
// EXTERNAL MODULE: ./src/domain/backup/manifest.ts
var backup_manifest = __webpack_require__(1114);
;// CONCATENATED MODULE: ./src/domain/backup/link-resolution.ts
/** Links followed in one walk before giving up (Linux's limit is 40). */
const MAX_LINK_HOPS = 40;
/**
 * Resolves the link at `linkPath` (relative to the top). `absoluteTop` is where the top is on
 * this host: an absolute target is inside only when it starts there.
 */
function resolveLink(linkPath, target, lookup, absoluteTop) {
    const stack = linkPath.split('/').slice(0, -1);
    const pending = [];
    let hops = 0;
    const enter = (linkTarget, at) => {
        if (linkTarget.length === 0)
            return { ok: false, reason: `${at} has an empty target` };
        if (linkTarget.includes('\0'))
            return { ok: false, reason: `${at} has a NUL byte in its target` };
        let text = linkTarget;
        if (text.startsWith('/')) {
            const top = absoluteTop?.replace(/\/+$/, '');
            if (!top || (text !== top && !text.startsWith(`${top}/`)))
                return { ok: false, reason: `${at} points to ${linkTarget}, outside the target` };
            text = text.slice(top.length);
            stack.length = 0;
        }
        pending.unshift(...text.split('/'));
        return null;
    };
    const first = enter(target, `"${linkPath}"`);
    if (first)
        return first;
    // Every component is looked up, even below one that does not exist: "missing/../x" must not
    // pass if "x" is a link out, since "missing" may be created later.
    while (pending.length > 0) {
        const part = pending.shift() ?? '';
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (stack.length === 0)
                return { ok: false, reason: `"${linkPath}" -> ${target} leaves the target (".." above its top)` };
            stack.pop();
            continue;
        }
        stack.push(part);
        const here = stack.join('/');
        const found = lookup(here);
        if (found.kind === 'link') {
            if (++hops > MAX_LINK_HOPS)
                return { ok: false, reason: `"${linkPath}" passes more than ${MAX_LINK_HOPS} links (a loop?)` };
            stack.pop();
            const refused = enter(found.target, `"${linkPath}" (through "${here}")`);
            if (refused)
                return refused;
        }
    }
    return { ok: true, resolved: stack.join('/') };
}

;// CONCATENATED MODULE: ./src/commands/restore/tree-view.ts





/**
 * The target as it will be once a backup is restored, seen from its root: the restored paths
 * hold the backup's content, `current` is a link to releases/<release> which holds the archived
 * release, and everything else is the live tree (or, for `backup verify`, unknown). Every link the
 * backup holds is walked through this view, component by component (see resolveLink).
 */
const RELEASES_DIR = 'releases';
/** Where an archived name lives under the root after the restore (current/x \u2192 releases/<id>/x). */
function liveNameOf(archivedPath, releaseDir) {
    if (archivedPath === backup_manifest/* CURRENT_PATH */.SI)
        return `${RELEASES_DIR}/${releaseDir}`;
    if (archivedPath.startsWith(`${backup_manifest/* CURRENT_PATH */.SI}/`))
        return `${RELEASES_DIR}/${releaseDir}/${archivedPath.slice(backup_manifest/* CURRENT_PATH */.SI.length + 1)}`;
    return archivedPath;
}
/** Returns the archived name a live name comes from, or null when the backup does not cover it. */
function archivedNameOf(manifest, rel, releaseDir) {
    const release = `${RELEASES_DIR}/${releaseDir}`;
    if (manifest.paths.includes(backup_manifest/* CURRENT_PATH */.SI) && (rel === release || rel.startsWith(`${release}/`)))
        return backup_manifest/* CURRENT_PATH */.SI + rel.slice(release.length);
    const covered = manifest.paths.some((p) => p !== backup_manifest/* CURRENT_PATH */.SI && (rel === p || rel.startsWith(`${p}/`)));
    if (covered || rel === manifest.database?.path)
        return rel;
    return null;
}
/** The view from the manifest's records; `outside` answers for what the backup does not cover. */
function manifestView(manifest, releaseDir, outside) {
    return (rel) => {
        const records = (0,backup_manifest/* recordsOf */.M$)(manifest);
        if (rel === backup_manifest/* CURRENT_PATH */.SI && manifest.paths.includes(backup_manifest/* CURRENT_PATH */.SI))
            return { kind: 'link', target: `${RELEASES_DIR}/${releaseDir}` };
        const archived = archivedNameOf(manifest, rel, releaseDir);
        if (archived === null)
            return outside(rel);
        const f = records.get(archived);
        if (!f)
            return { kind: 'missing' };
        if (f.type === 'symlink')
            return { kind: 'link', target: f.target ?? '' };
        return { kind: f.type };
    };
}
/** The view from files on disk: `physical` maps a name under the root to where it is now. */
function diskView(physical) {
    return (rel) => kindOnDisk(physical(rel));
}
function kindOnDisk(path) {
    try {
        const st = (0,external_node_fs_.lstatSync)((0,raw_name/* fsPath */.Jk)(path));
        if (st.isSymbolicLink())
            return { kind: 'link', target: (0,raw_name/* decodeName */.e4)((0,external_node_fs_.readlinkSync)((0,raw_name/* fsPath */.Jk)(path), { encoding: 'buffer' })) };
        return st.isDirectory() ? { kind: 'dir' } : { kind: 'file' };
    }
    catch {
        return { kind: 'missing' };
    }
}
/** The live tree under `root`, for what a backup does not cover. */
function liveView(root) {
    return (rel) => kindOnDisk(rel === '' ? root : (0,external_node_path_.join)(root, ...rel.split('/')));
}
const UNKNOWN_OUTSIDE = () => ({ kind: 'missing' });
/** Walks every link of the backup through `view`; returns one line per link that leaves the target. */
function linksLeavingTarget(manifest, releaseDir, view, absoluteRoot) {
    const problems = [];
    for (const f of manifest.files) {
        if (f.type !== 'symlink')
            continue;
        const target = view(liveNameOf(f.path, releaseDir));
        const text = target.kind === 'link' ? target.target : (f.target ?? '');
        const walk = resolveLink(liveNameOf(f.path, releaseDir), text, view, absoluteRoot);
        if (!walk.ok)
            problems.push(walk.reason);
    }
    return problems;
}
function releaseDirOf(manifest) {
    return manifest.release ?? 'restored';
}


/***/ }),

/***/ 3241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CI: () => (/* binding */ checkDirectoryAgainstManifest),
/* harmony export */   tK: () => (/* binding */ BackupRejectedError),
/* harmony export */   w8: () => (/* binding */ verifyArchive)
/* harmony export */ });
/* unused harmony export readSidecar */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _domain_backup_archive_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4038);
/* harmony import */ var _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1114);
/* harmony import */ var _domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5379);
/* harmony import */ var _domain_backup_signature_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9657);
/* harmony import */ var _domain_backup_raw_name_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7769);
/* harmony import */ var _tree_view_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1185);








/**
 * The one verification every path uses (after writing, `backup verify`, before and during a
 * restore): the archive's SHA-256 against its sidecar, the central directory and local headers,
 * every entry inflated, size- and CRC-checked and hashed, and the result compared with the manifest.
 */
class BackupRejectedError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
        this.name = 'BackupRejectedError';
    }
}
function readSidecar(archivePath) {
    const path = `${archivePath}${_domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .SIDECAR_SUFFIX */ .S}`;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(path))
        return { present: false };
    const parsed = (0,_domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSidecar */ .L0)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8'));
    if (!parsed)
        throw new BackupRejectedError('sidecar', `${path} is not in sha256sum format ("<64 hex>  <file>")`);
    return { present: true, sha256: parsed.sha256, path: parsed.path };
}
function sidecarOrRefuse(path, options) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(path))
        throw new BackupRejectedError('not-found', `backup not found: ${path}`);
    const sidecar = readSidecar(path);
    if (!sidecar.present && options.requireSidecar !== false) {
        throw new BackupRejectedError('sidecar', `${path} has no ${_domain_backup_naming_js__WEBPACK_IMPORTED_MODULE_6__/* .SIDECAR_SUFFIX */ .S} sidecar, so its integrity cannot be proven; refusing it`);
    }
    return sidecar;
}
/** An archive error as the rejection it is reported as. */
function rejectionOf(error, path) {
    const reason = error.kind === 'not-zip'
        ? 'not-zip'
        : error.kind === 'unsafe-name' || error.kind === 'duplicate'
            ? 'unsafe'
            : error.kind === 'checksum'
                ? 'checksum'
                : 'corrupt';
    return new BackupRejectedError(reason, `${path}: ${error.message}`);
}
/** The manifest's hash of each file entry, by name: the scan keeps these strings (see ScanOptions). */
function expectedHashes(manifest) {
    if (!manifest)
        return undefined;
    const records = (0,_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .recordsOf */ .M$)(manifest);
    return (entry) => (entry.type === 'file' ? records.get(entry.name)?.sha256 : undefined);
}
/** Reads the central directory and every entry (checked, inflated, hashed; into the sinks if any). */
async function scanArchive(path, options) {
    const read = {};
    const links = new Map();
    const knownByHash = Boolean(options.knownManifest) && options.entryHashes !== false;
    try {
        const directory = options.directory ?? (await options.archives.readDirectory(path));
        if (!directory.entries.some((e) => e.name === _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir))
            throw new BackupRejectedError('manifest', `${path} has no ${_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir}; it is not a dhash backup`);
        const scan = await options.archives.scan(path, directory, {
            sinkFor: options.sinkFor,
            onProgress: options.onProgress,
            hashEntries: options.entryHashes !== false,
            expectedSha256: expectedHashes(options.knownManifest?.manifest),
            // With a known manifest and entry hashes, manifest.json's own hash says whether its bytes
            // are the known ones: it is not held whole (tens of MB for a tree of 40,000 files).
            wantWhole: (e) => (e.name === _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir && !knownByHash) || e.type === 'symlink',
            onSmallEntry: (e, content) => {
                if (e.name === _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir)
                    read.manifest = content;
                else
                    links.set(e.name, content);
            },
        });
        return { directory, scan, manifestBytes: read.manifest, links };
    }
    catch (error) {
        if (error instanceof _domain_backup_archive_error_js__WEBPACK_IMPORTED_MODULE_2__/* .ArchiveError */ .d)
            throw rejectionOf(error, path);
        throw error;
    }
}
/** The archive's manifest: the known one when the bytes are the same, else parsed and validated. */
function manifestOf(path, scanned, options) {
    const known = options.knownManifest;
    const bytes = scanned.manifestBytes;
    if (!bytes && known) {
        // Not read whole (see scanArchive): its hash decides.
        const entry = scanned.scan.entries.find((e) => e.entry.name === _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir);
        if (entry?.sha256 === known.sha256)
            return known.manifest;
        throw new BackupRejectedError('mismatch', `${path}: ${_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir} is not the one read before`);
    }
    if (!bytes)
        throw new BackupRejectedError('manifest', `${path}: ${_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir} is missing or too large`);
    try {
        return known && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') === known.sha256
            ? known.manifest
            : (0,_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(bytes.toString('utf8'));
    }
    catch (error) {
        if (error instanceof _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .ManifestError */ .Sh)
            throw new BackupRejectedError('manifest', `${path}: ${error.message}`);
        throw error;
    }
}
/** Every entry (type, size, mode, hash) and every link's target must be what the manifest says. */
function checkEntriesAgainstManifest(path, manifest, scanned, options) {
    const archived = new Map();
    for (const one of scanned.scan.entries)
        if (one.entry.name !== _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir)
            archived.set(one.entry.name, one);
    const comparison = (0,_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .compareWithManifest */ .bF)(manifest, archived, { hashes: options.entryHashes !== false });
    if (!comparison.ok)
        throw new BackupRejectedError('manifest', `${path} does not match its manifest:\n  - ${comparison.problems.join('\n  - ')}`);
    for (const f of manifest.files) {
        if (f.type !== 'symlink')
            continue;
        const content = scanned.links.get(f.path);
        if (!content || (0,_domain_backup_raw_name_js__WEBPACK_IMPORTED_MODULE_7__/* .decodeName */ .e4)(content) !== f.target)
            throw new BackupRejectedError('manifest', `${path}: link "${f.path}" does not point where its manifest says`);
    }
}
/** No link of the archive may lead outside the target root. */
function checkLinksStayInside(path, manifest, options) {
    const escapes = (0,_tree_view_js__WEBPACK_IMPORTED_MODULE_5__/* .linksLeavingTarget */ .Fj)(manifest, (0,_tree_view_js__WEBPACK_IMPORTED_MODULE_5__/* .releaseDirOf */ .CA)(manifest), (0,_tree_view_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestView */ .HH)(manifest, (0,_tree_view_js__WEBPACK_IMPORTED_MODULE_5__/* .releaseDirOf */ .CA)(manifest), _tree_view_js__WEBPACK_IMPORTED_MODULE_5__/* .UNKNOWN_OUTSIDE */ .jz), options.targetRoot ?? manifest.target_root);
    if (escapes.length > 0)
        throw new BackupRejectedError('unsafe', `${path}: refused: ${escapes.slice(0, 5).join('; ')}`);
}
/**
 * The checks of verifyArchive that read no entry content, for an archive whose bytes were proven
 * another way (a backup just written: see ZipFileWriter.verifyWritten): it holds a manifest, every
 * entry's type, size and mode are the manifest's, every link's target is, and no link leaves the target.
 */
function checkDirectoryAgainstManifest(path, manifest, directory, links) {
    if (!directory.entries.some((e) => e.name === _domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir))
        throw new BackupRejectedError('manifest', `${path} has no ${_domain_backup_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_NAME */ .ir}; it is not a dhash backup`);
    const scanned = {
        directory,
        scan: {
            archiveSha256: '',
            entries: directory.entries.map((entry) => ({ entry, sha256: '' })),
            bytesOut: 0,
        },
        links,
    };
    const options = { entryHashes: false };
    checkEntriesAgainstManifest(path, manifest, scanned, options);
    checkLinksStayInside(path, manifest, options);
}
async function verifyArchive(path, options) {
    const sidecar = sidecarOrRefuse(path, options);
    const expected = options.expectedSha256 ?? sidecar.sha256;
    const scanned = await scanArchive(path, options);
    const { directory, scan } = scanned;
    if (expected && scan.archiveSha256 !== expected) {
        throw new BackupRejectedError('checksum', `${path}: SHA-256 is ${scan.archiveSha256}, but its sidecar says ${expected}; the file was altered or damaged`);
    }
    const manifest = manifestOf(path, scanned, options);
    checkEntriesAgainstManifest(path, manifest, scanned, options);
    checkLinksStayInside(path, manifest, options);
    if (options.hmacKey)
        checkSignature(path, scan.archiveSha256, options.hmacKey);
    return {
        path,
        sizeBytes: directory.fileSize,
        archiveSha256: scan.archiveSha256,
        manifest,
        sidecar,
        directory,
    };
}
function checkSignature(path, archiveSha256, key) {
    const sigPath = `${path}${_domain_backup_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .SIGNATURE_SUFFIX */ .VV}`;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(sigPath))
        throw new BackupRejectedError('signature', `${path} is not signed (no ${_domain_backup_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .SIGNATURE_SUFFIX */ .VV}) and a signing key is set: it was not made by this tool with this key`);
    if (!(0,_domain_backup_signature_js__WEBPACK_IMPORTED_MODULE_4__/* .signatureMatches */ .wI)(key, archiveSha256, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(sigPath, 'utf8')))
        throw new BackupRejectedError('signature', `${path}: its signature ${sigPath} does not match (made with another key, or the archive was replaced)`);
}


/***/ }),

/***/ 4038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ ArchiveError)
/* harmony export */ });
class ArchiveError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'ArchiveError';
    }
}


/***/ }),

/***/ 1114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ manifestText),
/* harmony export */   I0: () => (/* binding */ manifestFromJson),
/* harmony export */   K7: () => (/* binding */ checkManifest),
/* harmony export */   M$: () => (/* binding */ recordsOf),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   SI: () => (/* binding */ CURRENT_PATH),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   Sn: () => (/* binding */ MANIFEST_FORMAT),
/* harmony export */   bF: () => (/* binding */ compareWithManifest),
/* harmony export */   g1: () => (/* binding */ manifestScopeProblems),
/* harmony export */   ir: () => (/* binding */ MANIFEST_NAME)
/* harmony export */ });
/* unused harmony exports RELEASE_ID, relativePathProblem, entryNameOf */
/**
 * `manifest.json`, the last entry of every backup: what was archived, from where, and the size
 * and SHA-256 of every file, so a restore can prove each byte before it replaces anything.
 */
const MANIFEST_NAME = 'manifest.json';
const MANIFEST_FORMAT = 'dhash-backup/1';
/** Archive folder that holds the content `current` pointed at. */
const CURRENT_PATH = 'current';
class ManifestError extends Error {
}
/**
 * The manifest as it is stored: the header indented, then one file record per line. A record per
 * line is what a person greps for, and smaller than JSON.stringify(m, null, 1) (the bench's
 * 40,719-file tree: 9.5 \u2192 8.3 MB), which a backup serialises, deflates and proves, and a restore
 * parses. The records are serialised in one call (twice as fast as one call per record)
 * and cut into lines where one record ends and the next begins: `},{"path":` can occur nowhere
 * else, since a quote inside a JSON string is escaped (a record whose first key is not `path`
 * would only share a line).
 */
function manifestText(m) {
    const { files, totals, ...head } = m;
    const headText = JSON.stringify(head, null, 1);
    const records = files.length === 0 ? '' : JSON.stringify(files).slice(1, -1).replaceAll('},{"path":', '},\n  {"path":');
    return `${headText.slice(0, -2)},\n "files": [${records ? `\n  ${records}\n ` : ''}],\n "totals": ${JSON.stringify(totals)}\n}\n`;
}
/** A release id as deploy names them: a plain directory name under releases/. */
const RELEASE_ID = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
/**
 * Why `path` is not a normalized relative path ("/"-separated, no empty, "." or ".." segment,
 * no NUL, not absolute), or null when it is one. Manifest paths are treated like user input.
 */
function relativePathProblem(path) {
    if (typeof path !== 'string' || path.length === 0)
        return 'is not a non-empty string';
    if (path.includes('\0'))
        return 'holds a NUL byte';
    if (path.startsWith('/'))
        return 'is absolute';
    if (path.split('/').some((s) => s === '' || s === '.' || s === '..'))
        return 'is not a normalized relative path (empty, "." or ".." segment)';
    return null;
}
/** A value from the manifest, quoted and cut short for a message. */
function shown(value, max) {
    return (value === undefined ? 'undefined' : JSON.stringify(value)).slice(0, max);
}
function isWithin(path, top) {
    return path === top || path.startsWith(`${top}/`);
}
const recordsByManifest = new WeakMap();
/**
 * The manifest's records by path, built once per manifest (parseManifest hands over the one its
 * checks built): a restore's plan and link checks share it instead of building their own.
 */
function recordsOf(manifest) {
    let records = recordsByManifest.get(manifest);
    if (!records) {
        records = new Map();
        for (const f of manifest.files)
            records.set(f.path, f);
        recordsByManifest.set(manifest, records);
    }
    return records;
}
/** Parses and checks a manifest as untrusted input; every problem names what is wrong. */
function parseManifest(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new ManifestError(`manifest.json is not valid JSON: ${error.message}`);
    }
    return manifestFromJson(value);
}
/** checkManifest on a value parsed from untrusted JSON (parseManifest, or a parse done elsewhere). */
function manifestFromJson(value) {
    const manifest = checkManifest(value);
    // The shared literals instead of the parser's own copy of the word, one per record.
    for (const f of manifest.files)
        f.type = f.type === 'file' ? 'file' : f.type === 'dir' ? 'dir' : 'symlink';
    return manifest;
}
/**
 * The checks of parseManifest on a value already in memory (what JSON.parse gives, or a manifest
 * a backup has just built from plain strings, numbers and lists: checking it in place spares a
 * second copy of a manifest of tens of thousands of files).
 */
function checkManifest(value) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new ManifestError('manifest.json is not an object');
    const m = value;
    if (m.format !== MANIFEST_FORMAT)
        throw new ManifestError(`manifest.json has format ${JSON.stringify(m.format)}, expected "${MANIFEST_FORMAT}"`);
    if (m.kind !== 'backup' && m.kind !== 'pre-rollback')
        throw new ManifestError('manifest.json: "kind" must be "backup" or "pre-rollback"');
    if (typeof m.environment !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(m.environment))
        throw new ManifestError('manifest.json: "environment" is missing or not an environment name');
    if (typeof m.created_at !== 'string' || Number.isNaN(Date.parse(m.created_at)))
        throw new ManifestError('manifest.json: "created_at" is not a timestamp');
    if (m.release !== null && (typeof m.release !== 'string' || !RELEASE_ID.test(m.release)))
        throw new ManifestError(`manifest.json: "release" ${shown(m.release, 100)} is not a plain release id (letters, digits, ".", "_", "+", "-"; not starting with ".")`);
    if (!Array.isArray(m.paths))
        throw new ManifestError('manifest.json: "paths" is not a list');
    for (const p of m.paths) {
        const problem = relativePathProblem(p);
        if (problem)
            throw new ManifestError(`manifest.json: path ${shown(p, 200)} ${problem}`);
    }
    for (const p of m.paths)
        for (const q of m.paths)
            if (p !== q && isWithin(p, q))
                throw new ManifestError(`manifest.json: path "${p}" lies inside path "${q}"`);
    if (new Set(m.paths).size !== m.paths.length)
        throw new ManifestError('manifest.json: "paths" repeats a path');
    const db = m.database;
    if (db !== null) {
        if (!db || typeof db !== 'object')
            throw new ManifestError('manifest.json: "database" is malformed');
        const problem = relativePathProblem(db.path);
        if (problem)
            throw new ManifestError(`manifest.json: database path ${JSON.stringify(db.path)} ${problem}`);
        if (typeof db.sha256 !== 'string' ||
            !/^[0-9a-f]{64}$/.test(db.sha256) ||
            !Number.isSafeInteger(db.size) ||
            db.size < 0)
            throw new ManifestError('manifest.json: "database" has no valid size and sha256');
        if (m.paths.some((p) => isWithin(p, db.path) && p !== db.path))
            throw new ManifestError(`manifest.json: a path lies inside the database file "${db.path}"`);
    }
    if (!Array.isArray(m.files))
        throw new ManifestError('manifest.json: "files" is not a list');
    const byPath = new Map();
    for (const raw of m.files) {
        const f = raw;
        if (!raw || typeof raw !== 'object' || !['file', 'dir', 'symlink'].includes(f.type))
            throw new ManifestError(`manifest.json: a file record is malformed: ${shown(raw, 200)}`);
        const problem = relativePathProblem(f.path);
        if (problem)
            throw new ManifestError(`manifest.json: file ${shown(f.path, 200)} ${problem}`);
        if (!m.paths.some((p) => isWithin(f.path, p)) && f.path !== db?.path)
            throw new ManifestError(`manifest.json: file "${f.path}" is not under any archived path`);
        if (byPath.has(f.path))
            throw new ManifestError(`manifest.json: file "${f.path}" is listed twice`);
        if (!Number.isInteger(f.mode) || f.mode < 0 || f.mode > 0o7777)
            throw new ManifestError(`manifest.json: file "${f.path}" has no valid mode`);
        if (!Number.isSafeInteger(f.size) || f.size < 0)
            throw new ManifestError(`manifest.json: file "${f.path}" has no valid size`);
        if (f.type !== 'dir' && !/^[0-9a-f]{64}$/.test(f.sha256 ?? ''))
            throw new ManifestError(`manifest.json: "${f.path}" has no valid sha256`);
        if (f.type === 'symlink' && (typeof f.target !== 'string' || f.target.length === 0))
            throw new ManifestError(`manifest.json: link "${f.path}" has no target`);
        byPath.set(f.path, f);
    }
    // Nothing may sit below a link: it would be written through the link. Walking up from each
    // record, the nearest listed folder ends the walk: its own walk covers what lies above it.
    for (const f of m.files) {
        for (let cut = f.path.lastIndexOf('/'); cut > 0; cut = f.path.lastIndexOf('/', cut - 1)) {
            const above = byPath.get(f.path.slice(0, cut));
            if (!above)
                continue;
            if (above.type !== 'dir')
                throw new ManifestError(`manifest.json: "${f.path}" lies below "${above.path}", which is a ${above.type}`);
            break;
        }
    }
    recordsByManifest.set(m, byPath);
    return m;
}
function manifestScopeProblems(manifest, scope) {
    const problems = [];
    if (manifest.environment !== scope.environment)
        problems.push(`it is a backup of "${manifest.environment}", not of "${scope.environment}"`);
    for (const p of manifest.paths)
        if (!scope.paths.includes(p))
            problems.push(`its path "${p}" is not one of the environment's backup.paths (${scope.paths.join(', ')})`);
    if (manifest.database && manifest.database.path !== scope.databasePath)
        problems.push(`its database "${manifest.database.path}" is not the environment's backup.database_path (${scope.databasePath ?? 'none'})`);
    return problems;
}
/** Zip entry name of a manifest record (directories end with "/"). */
function entryNameOf(file) {
    return file.type === 'dir' ? `${file.path}/` : file.path;
}
/**
 * Compares what an archive holds (name \u2192 type, size, mode, sha256) with what its manifest
 * promises: every promised entry present with the same bytes, and nothing extra.
 */
function compareWithManifest(manifest, archived, options = {}) {
    const hashes = options.hashes !== false;
    const problems = [];
    let found = archived.has(MANIFEST_NAME) ? 1 : 0;
    for (const file of manifest.files) {
        const name = entryNameOf(file);
        const scanned = archived.get(name);
        if (!scanned) {
            problems.push(`"${file.path}" is in the manifest but not in the archive`);
            continue;
        }
        found++;
        const got = scanned.entry;
        if (got.type !== file.type)
            problems.push(`"${file.path}" is a ${got.type} in the archive, a ${file.type} in the manifest`);
        else if (got.mode !== null && (got.mode & 0o7777) !== file.mode)
            problems.push(`"${file.path}" has mode ${(got.mode & 0o7777).toString(8)} in the archive, ${file.mode.toString(8)} in the manifest`);
        else if (file.type !== 'dir' && (got.size !== file.size || (hashes && scanned.sha256 !== file.sha256))) {
            problems.push(`"${file.path}" does not match its manifest hash (${got.size} bytes, sha256 ${scanned.sha256.slice(0, 12)}\u2026; expected ${file.size} bytes, ${file.sha256?.slice(0, 12)}\u2026)`);
        }
    }
    // Names are unique on both sides, so extra entries exist exactly when fewer were found than the
    // archive holds; only then is the set of promised names built (40,000 strings otherwise kept).
    if (found < archived.size) {
        const promised = new Set([MANIFEST_NAME, ...manifest.files.map(entryNameOf)]);
        for (const name of archived.keys())
            if (!promised.has(name))
                problems.push(`"${name}" is in the archive but not in the manifest`);
    }
    const database = manifest.database;
    if (database) {
        const db = manifest.files.find((f) => f.path === database.path);
        if (!db || db.sha256 !== database.sha256)
            problems.push(`the database snapshot "${database.path}" is not among the manifest's files`);
    }
    return {
        ok: problems.length === 0,
        problems: problems.slice(0, 20).concat(problems.length > 20 ? [`\u2026and ${problems.length - 20} more`] : []),
    };
}


/***/ }),

/***/ 5379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hs: () => (/* binding */ parseBackupFileName),
/* harmony export */   L0: () => (/* binding */ parseSidecar),
/* harmony export */   LM: () => (/* binding */ preRollbackFileName),
/* harmony export */   Q_: () => (/* binding */ sidecarLine),
/* harmony export */   S: () => (/* binding */ SIDECAR_SUFFIX),
/* harmony export */   iP: () => (/* binding */ backupFileName),
/* harmony export */   l$: () => (/* binding */ PRE_ROLLBACK_DIR)
/* harmony export */ });
/* harmony import */ var _time_file_stamp_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6002);

/**
 * Backup file names (docs/architecture.md, "Contracts"): `dhash_<env>_<YYYYMMDD>_<HHMMSS>.zip`, UTC. Pre-rollback
 * snapshots live in a subfolder, so `ls backups/dhash_*.zip` never lists them.
 */
const PRE_ROLLBACK_DIR = 'pre-rollback';
const SIDECAR_SUFFIX = '.sha256';
function backupFileName(environment, stamp) {
    return `dhash_${environment}_${stamp}.zip`;
}
function preRollbackFileName(environment, stamp) {
    return `pre-rollback_dhash_${environment}_${stamp}.zip`;
}
const NAME = /^(?:pre-rollback_)?dhash_([a-z][a-z0-9_-]*)_(\d{8}_\d{6})(?:_(\d+))?\.zip$/;
function parseBackupFileName(name) {
    const m = NAME.exec(name);
    if (!m)
        return null;
    const createdMs = (0,_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_0__/* .parseFileStamp */ .D)(m[2]);
    if (createdMs === null)
        return null;
    return { environment: m[1], stamp: m[3] ? `${m[2]}_${m[3]}` : m[2], createdMs };
}
/** One line in `sha256sum` format: hash, two spaces, the path as it will be given to -c. */
function sidecarLine(sha256, pathForSha256sum) {
    return `${sha256}  ${pathForSha256sum}\n`;
}
function parseSidecar(text) {
    const m = /^([0-9a-fA-F]{64}) [ *](.+?)\r?\n?$/.exec(text.split('\n')[0] ?? '');
    return m ? { sha256: m[1].toLowerCase(), path: m[2] } : null;
}


/***/ }),

/***/ 7769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cb: () => (/* binding */ hasRawBytes),
/* harmony export */   Jk: () => (/* binding */ fsPath),
/* harmony export */   aA: () => (/* binding */ encodeName),
/* harmony export */   e4: () => (/* binding */ decodeName)
/* harmony export */ });
/**
 * File names are bytes on Linux, and not every byte string is UTF-8 (a Latin-1 name from an old
 * upload, say). To carry any name through JavaScript strings, JSON and zip, invalid bytes are kept
 * as lone surrogates U+DC80..U+DCFF, one per byte (Python's "surrogateescape"): valid UTF-8 never
 * decodes to a lone surrogate, so the mapping is exact both ways. At every file-system call a name
 * with such a byte is turned back into a Buffer path, because Node would write U+FFFD instead.
 */
const ESCAPE_BASE = 0xdc00;
/** True when `name` holds escaped (non-UTF-8) bytes. */
function hasRawBytes(name) {
    return /[\udc80-\udcff]/.test(name);
}
function decodeName(bytes) {
    const fast = bytes.toString('utf8');
    if (!fast.includes('\ufffd'))
        return fast;
    let out = '';
    let i = 0;
    while (i < bytes.length) {
        const length = validSequenceLength(bytes, i);
        if (length === 0) {
            out += String.fromCharCode(ESCAPE_BASE + bytes[i]);
            i += 1;
        }
        else {
            out += bytes.toString('utf8', i, i + length);
            i += length;
        }
    }
    return out;
}
function encodeName(name) {
    if (!/[\ud800-\udfff]/.test(name))
        return Buffer.from(name, 'utf8');
    const parts = [];
    let run = '';
    for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < name.length) {
            const d = name.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff) {
                run += name[i] + name[i + 1];
                i++;
                continue;
            }
        }
        if (c >= 0xdc80 && c <= 0xdcff) {
            if (run)
                parts.push(Buffer.from(run, 'utf8'));
            run = '';
            parts.push(Buffer.from([c - ESCAPE_BASE]));
            continue;
        }
        if (c >= 0xd800 && c <= 0xdfff)
            throw new Error(`name holds an unpaired surrogate U+${c.toString(16)}`);
        run += name[i];
    }
    if (run)
        parts.push(Buffer.from(run, 'utf8'));
    return Buffer.concat(parts);
}
/** The path to hand to node:fs: the string itself, or its bytes when it holds non-UTF-8 bytes. */
function fsPath(path) {
    return hasRawBytes(path) ? encodeName(path) : path;
}
/** Length of the valid UTF-8 sequence at `i` (shortest form, no surrogates, \u2264 U+10FFFF), or 0. */
function validSequenceLength(b, i) {
    const c = b[i];
    if (c < 0x80)
        return 1;
    const cont = (k) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
    if (c >= 0xc2 && c <= 0xdf)
        return cont(1) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if (!cont(1) || !cont(2))
            return 0;
        const c1 = b[i + 1];
        if (c === 0xe0 && c1 < 0xa0)
            return 0; // overlong
        if (c === 0xed && c1 >= 0xa0)
            return 0; // surrogate
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        const c1 = b[i + 1];
        if (c === 0xf0 && c1 < 0x90)
            return 0;
        if (c === 0xf4 && c1 >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}


/***/ }),

/***/ 9657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VV: () => (/* binding */ SIGNATURE_SUFFIX),
/* harmony export */   Zp: () => (/* binding */ signatureLine),
/* harmony export */   wI: () => (/* binding */ signatureMatches)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Optional signing of backups. The `.sha256` sidecar only proves a file is intact: anyone who can
 * write to the backups folder can make an archive and its sidecar. With a secret key (from the
 * environment, never the config file), each backup also gets `<zip>.sig`, an HMAC-SHA256 of its
 * SHA-256, and a restore with the key refuses an archive without a valid one.
 */
const SIGNATURE_SUFFIX = '.sig';
const PREFIX = 'hmac-sha256 ';
function mac(key, archiveSha256) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(`dhash-backup/1\n${archiveSha256}\n`).digest();
}
function signatureLine(key, archiveSha256) {
    return `${PREFIX}${mac(key, archiveSha256).toString('hex')}\n`;
}
/** True when `text` is a valid signature of an archive with this SHA-256 under `key`. */
function signatureMatches(key, archiveSha256, text) {
    const line = text.split('\n')[0] ?? '';
    if (!line.startsWith(PREFIX) || !/^[0-9a-f]{64}$/.test(line.slice(PREFIX.length)))
        return false;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(Buffer.from(line.slice(PREFIX.length), 'hex'), mac(key, archiveSha256));
}


/***/ }),

/***/ 5024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ SourceTreeError),
/* harmony export */   j: () => (/* binding */ FileChangedError)
/* harmony export */ });
/**
 * What can go wrong while the files of a backup are read, as the use-cases see it: they turn
 * these into one-line operator messages, whichever archive code raised them.
 */
/** A configured path cannot be archived as it is (unreadable, nested too deep, a name no archive holds). */
class SourceTreeError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SourceTreeError';
    }
}
/** A file changed size or content while it was being archived; the archive would not match it. */
class FileChangedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileChangedError';
    }
}


/***/ }),

/***/ 9034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Writes bytes to `path` atomically: temporary file beside it, fsync, rename. */
function writeFileAtomic(path, bytes) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(tmp, 'w');
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, bytes);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fsyncSync)(fd);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, path);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(tmp, { force: true });
        throw error;
    }
}


/***/ }),

/***/ 4184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ collectGarbage)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);


let collector;
function theCollector() {
    if (collector === undefined) {
        try {
            (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)('--expose-gc');
            const gc = (0,node_vm__WEBPACK_IMPORTED_MODULE_1__.runInNewContext)('typeof gc === "function" ? gc : null');
            collector = typeof gc === 'function' ? gc : null;
        }
        catch {
            collector = null; // no collector: memory is only higher, nothing is wrong
        }
    }
    return collector;
}
/**
 * `young`: a scavenge of the young generation only (a millisecond or two; frees the buffers of
 * objects that died young); `all`: a full collection (tens of milliseconds for a backup's heap);
 * `shrink`: V8's collection for memory pressure (repeated full collections, 10-50 ms on a small
 * heap), the one after which V8 also shrinks the young generation to what is alive in it.
 */
function collectGarbage(what) {
    const gc = theCollector();
    if (!gc)
        return;
    // Without options: Node 20's V8 took { type: 'major' } for much less than a full collection
    // (measured: 2 of 28 MB of garbage freed, against all of it without).
    if (what === 'young')
        gc({ type: 'minor' });
    else if (what === 'shrink')
        gc({ type: 'major', flavor: 'last-resort' });
    else
        gc();
}


/***/ }),

/***/ 2729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ promised)
/* harmony export */ });
/**
 * `work` run now, with its value or its throw as a promise: what an `async` function without an
 * `await` does, for a port method whose implementation happens to be synchronous (a throw still
 * reaches the caller's `.catch` as a rejection).
 */
function promised(work) {
    return new Promise((resolve) => {
        resolve(work());
    });
}


/***/ }),

/***/ 7679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ withYoungGenerationHeld)
/* harmony export */ });
/* unused harmony export holdYoungGeneration */
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _collect_garbage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4184);


/**
 * Keeps the main thread's young generation (V8's nursery of new objects) small while a backup or a
 * restore runs, so that Node 24 does not spend ~100 MB more on it than Node 20.
 *
 * V8 grows the young generation each time more objects survive a collection than it holds, up to
 * a maximum fixed when the process starts: 2 \u00d7 16 MiB in Node 20, 2 \u00d7 64 MiB in Node 24 (V8 13).
 * A backup of 40,000 files keeps a record per file, so they survive collections and grow the young
 * generation to that maximum, all of it touched: on the bench's small tree Node 24 peaked at
 * 227\u2013234 MB against Node 20's 166\u2013168 MB, 128 MB of it the young generation. The maximum cannot
 * be lowered after start-up (--max-semi-space-size is read once), but the growth factor is read at
 * each growth: set to 1, the young generation stays at the size it has. Loading the configuration
 * has already grown it (2 \u00d7 8 MiB), so it is first shrunk, by the collection V8 runs under memory
 * pressure (the only one after which it shrinks the young generation; 10-50 ms, once). Running the
 * whole command with V8 told to favour memory (--optimize-for-size) took 4\u201310 % more CPU time.
 * Node 20's V8 still grows it to its 2 \u00d7 16 MiB: there it changes nothing.
 *
 * Process-wide, like every V8 flag, so it is held while any backup or restore runs and V8's default
 * growth factor (2) is put back when the last one ends; V8 then grows the young generation again as
 * it needs. Flags given on the command line or in NODE_OPTIONS are the user's and left alone.
 */
let holders = 0;
const givenFlags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ');
const chosenByUser = /semi[-_]space/.test(givenFlags);
function setFlag(flag) {
    try {
        (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)(flag);
    }
    catch {
        // Not a flag of this V8: only memory is higher, nothing is wrong.
    }
}
function hold() {
    (0,_collect_garbage_js__WEBPACK_IMPORTED_MODULE_1__/* .collectGarbage */ .i)('shrink');
    setFlag('--semi-space-growth-factor=1');
}
/** Holds the young generation at its size until the returned function is called (once). */
function holdYoungGeneration() {
    if (holders++ === 0 && !chosenByUser)
        hold();
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        if (--holders === 0 && !chosenByUser)
            setFlag('--semi-space-growth-factor=2');
    };
}
/** Runs `work` with the young generation held (see holdYoungGeneration). */
async function withYoungGenerationHeld(work) {
    const release = holdYoungGeneration();
    try {
        return await work();
    }
    finally {
        release();
    }
}


/***/ }),

/***/ 3462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ backupArchiveReader),
  y: () => (/* binding */ backupStorage)
});

// EXTERNAL MODULE: ./src/domain/backup/manifest.ts
var manifest = __webpack_require__(1114);
// EXTERNAL MODULE: ./src/adapters/archive/zip-reader.ts + 1 modules
var zip_reader = __webpack_require__(4761);
;// CONCATENATED MODULE: ./src/adapters/archive/manifest-reader.ts


/** A backup's manifest.json, read without hashing the rest of the archive (fast listings). */
async function readArchiveManifest(path) {
    const directory = await (0,zip_reader/* readZipDirectory */.x5)(path);
    const manifestEntry = directory.entries.find((e) => e.name === manifest/* MANIFEST_NAME */.ir);
    if (!manifestEntry)
        throw new Error('no manifest.json');
    let text = '';
    // Only the manifest is read: its entry is the last data before the central directory.
    await (0,zip_reader/* scanZip */.xn)(path, { entries: [manifestEntry], fileSize: directory.fileSize }, { wantWhole: () => true, onSmallEntry: (_e, c) => (text = c.toString('utf8')) });
    return (0,manifest/* parseManifest */.Ng)(text);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/adapters/archive/entry-name.ts
var entry_name = __webpack_require__(9773);
// EXTERNAL MODULE: ./src/domain/backup/raw-name.ts
var raw_name = __webpack_require__(7769);
// EXTERNAL MODULE: ./src/domain/backup/source-errors.ts
var source_errors = __webpack_require__(5024);
;// CONCATENATED MODULE: ./src/adapters/archive/source-tree.ts






function listTree(absoluteRoot, entryPrefix, options = {}) {
    return [...walkTree(absoluteRoot, entryPrefix, options)];
}
/**
 * The same entries as listTree, in the same order, listed as they are iterated: a backup lists
 * its tree while the first files are already being compressed (see ZipFileWriter.addAll).
 * Depth-first with a stack of folders (a recursive generator would resume every enclosing
 * generator for each entry).
 */
function* walkTree(absoluteRoot, entryPrefix, options = {}) {
    const rootStat = (0,external_node_fs_.statSync)((0,raw_name/* fsPath */.Jk)(absoluteRoot));
    if (!rootStat.isDirectory()) {
        yield fileEntry(entryPrefix, absoluteRoot, rootStat);
        return;
    }
    const inside = realRoot(options.inside ?? absoluteRoot);
    yield dirEntry(entryPrefix, rootStat);
    const stack = [folder(absoluteRoot, entryPrefix, 0)];
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next === top.names.length) {
            stack.pop();
            continue;
        }
        const name = top.names[top.next++];
        const path = (0,external_node_path_.join)(top.dir, name);
        if (options.exclude?.(path))
            continue;
        const entryName = `${top.prefix}/${name}`;
        const stat = (0,external_node_fs_.lstatSync)((0,raw_name/* fsPath */.Jk)(path));
        if (stat.isSymbolicLink()) {
            yield linkEntry(path, entryName, stat, inside);
        }
        else if (stat.isDirectory()) {
            yield dirEntry(entryName, stat);
            stack.push(folder(path, entryName, top.depth + 1));
        }
        else if (stat.isFile()) {
            yield fileEntry(entryName, path, stat);
        }
        // Sockets, FIFOs and devices are not content; they are skipped.
    }
}
function folder(dir, prefix, depth) {
    if (depth > 64)
        throw new source_errors/* SourceTreeError */.K(`${dir}: directories nested more than 64 deep (a link loop?)`);
    // Sorted by bytes, so the order is the same whatever the names' encoding.
    const names = (0,external_node_fs_.readdirSync)((0,raw_name/* fsPath */.Jk)(dir), { encoding: 'buffer' })
        .sort((a, b) => Buffer.compare(a, b))
        .map(raw_name/* decodeName */.e4);
    return { dir, prefix, depth, names, next: 0 };
}
/** A link leading inside the target stays a link; one leading out is archived as the file it points at. */
function linkEntry(path, entryName, stat, inside) {
    const targetBytes = (0,external_node_fs_.readlinkSync)((0,raw_name/* fsPath */.Jk)(path), { encoding: 'buffer' });
    if (linkLeadsInside(path, (0,raw_name/* decodeName */.e4)(targetBytes), inside)) {
        checkName(entryName, path);
        return {
            name: entryName,
            type: 'symlink',
            mode: 0o777,
            mtimeMs: stat.mtimeMs,
            size: targetBytes.length,
            data: targetBytes,
        };
    }
    let followed;
    try {
        followed = (0,external_node_fs_.statSync)((0,raw_name/* fsPath */.Jk)(path));
    }
    catch {
        throw new source_errors/* SourceTreeError */.K(`${path} is a dangling link to ${(0,raw_name/* decodeName */.e4)(targetBytes)}, outside the target`);
    }
    if (!followed.isFile())
        throw new source_errors/* SourceTreeError */.K(`${path} links to a directory outside the backed-up tree (${(0,raw_name/* decodeName */.e4)(targetBytes)}); back up that directory instead`);
    return fileEntry(entryName, path, followed);
}
function realRoot(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return (0,external_node_path_.resolve)(path);
    }
}
function isInside(path, root) {
    return path === root || path.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`);
}
/** Where the kernel takes the link (if it leads anywhere); a dangling one is judged by its text. */
function linkLeadsInside(path, target, inside) {
    try {
        return isInside((0,raw_name/* decodeName */.e4)((0,external_node_fs_.realpathSync)((0,raw_name/* fsPath */.Jk)(path), { encoding: 'buffer' })), inside);
    }
    catch {
        const base = target.startsWith('/') ? target : (0,external_node_path_.join)(path, '..', target);
        return isInside((0,external_node_path_.resolve)(base), inside);
    }
}
function checkName(entryName, path) {
    try {
        (0,entry_name/* checkEntryName */._$)(entryName, 'linux');
        (0,raw_name/* encodeName */.aA)(entryName);
    }
    catch (error) {
        if (error instanceof entry_name/* UnsafeEntryError */.vF)
            throw new source_errors/* SourceTreeError */.K(`cannot back up ${path}: ${error.message}`);
        throw error;
    }
}
function dirEntry(name, stat) {
    checkName(`${name}/`, name);
    return { name: `${name}/`, type: 'dir', mode: stat.mode & 0o7777, mtimeMs: stat.mtimeMs, size: 0 };
}
function fileEntry(name, path, stat) {
    checkName(name, path);
    return {
        name,
        type: 'file',
        mode: stat.mode & 0o7777,
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        path: (0,raw_name/* fsPath */.Jk)(path),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/adapters/archive/compressibility.ts

/**
 * Deflating data that is already compressed (PNG, JPEG, zip...) costs most of a backup's time and
 * saves nothing; `zip -r` spends it anyway. These are stored as they are. Files of other kinds are
 * deflated, and stored instead when that barely shrinks them: a file of one chunk is simply deflated
 * and compared; a larger one is probed first (a sample deflated at the fast level, synchronously:
 * 32 KiB costs less than a thread-pool round trip).
 */
const ALREADY_COMPRESSED = new Set([
    '.png',
    '.jpg',
    '.jpeg',
    '.gif',
    '.webp',
    '.avif',
    '.heic',
    '.jp2',
    '.jxl',
    '.zip',
    '.gz',
    '.tgz',
    '.bz2',
    '.xz',
    '.zst',
    '.7z',
    '.rar',
    '.br',
    '.lz4',
    '.jar',
    '.whl',
    '.mp3',
    '.mp4',
    '.m4a',
    '.mov',
    '.mkv',
    '.webm',
    '.ogg',
    '.opus',
    '.woff',
    '.woff2',
]);
function isAlreadyCompressedName(name) {
    const dot = name.lastIndexOf('.');
    if (dot < 0 || dot < name.lastIndexOf('/'))
        return false;
    return ALREADY_COMPRESSED.has(name.slice(dot).toLowerCase());
}
/** Below this, deflating cannot save enough to matter and the header costs more than the probe. */
const PROBE_BYTES = 32 * 1024;
/** Store when the sample's deflated size is above this share of its size. */
const STORE_RATIO = 0.92;
function looksCompressible(sample) {
    if (sample.length < 64)
        return sample.length > 0 && false;
    const probe = sample.subarray(0, PROBE_BYTES);
    const out = (0,external_node_zlib_.deflateRawSync)(probe, { level: 1 });
    return out.length < probe.length * STORE_RATIO;
}

;// CONCATENATED MODULE: ./src/adapters/archive/central-directory.ts
/**
 * The central directory of an archive being written, kept as the bytes it will be written as,
 * in 1 MiB blocks, instead of an object per entry: 40,000 entries cost about 5 MB here, against
 * several times that as JavaScript objects (a Buffer for each name, numbers boxed in objects).
 */
const BLOCK_BYTES = 1024 * 1024;
class CentralDirectoryBytes {
    full = [];
    block = Buffer.allocUnsafe(BLOCK_BYTES);
    used = 0;
    total = 0;
    entries = 0;
    /** Per entry, in order: the CRC-32 of the data bytes written for it (see ZipFileWriter.verifyWritten). */
    crcs = new Uint32Array(1024);
    /** Per entry, in order: where its data starts in the archive, and where it ends. */
    starts = new Float64Array(1024);
    ends = new Float64Array(1024);
    get count() {
        return this.entries;
    }
    get size() {
        return this.total;
    }
    /**
     * Appends one entry's header (built by the caller, copied here), its data's CRC-32 and where
     * that data lies in the archive ([dataStart, dataEnd)).
     */
    add(header, dataCrc, dataStart, dataEnd) {
        if (this.entries === this.crcs.length) {
            const crcs = new Uint32Array(this.crcs.length * 2);
            crcs.set(this.crcs);
            this.crcs = crcs;
            const starts = new Float64Array(this.starts.length * 2);
            starts.set(this.starts);
            this.starts = starts;
            const ends = new Float64Array(this.ends.length * 2);
            ends.set(this.ends);
            this.ends = ends;
        }
        this.crcs[this.entries] = dataCrc;
        this.starts[this.entries] = dataStart;
        this.ends[this.entries] = dataEnd;
        this.entries++;
        this.total += header.length;
        let from = 0;
        while (from < header.length) {
            if (this.used === this.block.length) {
                this.full.push(this.block);
                this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, header.length));
                this.used = 0;
            }
            const n = header.copy(this.block, this.used, from);
            this.used += n;
            from += n;
        }
    }
    /** The data CRC-32 of every entry, in the order they were added. */
    dataCrcs() {
        return this.crcs.subarray(0, this.entries);
    }
    /** Where every entry's data starts, in the order they were added. */
    dataStarts() {
        return this.starts.subarray(0, this.entries);
    }
    /** Where every entry's data ends, in the order they were added. */
    dataEnds() {
        return this.ends.subarray(0, this.entries);
    }
    /** The bytes, in order (views of the blocks; valid until the next add). */
    parts() {
        return [...this.full, this.block.subarray(0, this.used)];
    }
}

// EXTERNAL MODULE: ./src/domain/backup/archive-error.ts
var archive_error = __webpack_require__(4038);
;// CONCATENATED MODULE: ./src/adapters/archive/inflate-check.ts


/**
 * The round trip of one deflated entry as it is written: every piece of compressed data that goes
 * into the archive is also fed, in order, to an inflater (in the thread pool, beside the writing),
 * and at the entry's end what came out must have the size and CRC-32 of the bytes read from the
 * source. Chunks deflated in parallel and joined by sync flushes are proven here to decode as
 * one stream, exactly as a restore will decode them.
 */
/** Compressed bytes the inflater may have queued before the writer waits for it. */
const QUEUE_LIMIT = 1024 * 1024;
class InflateCheck {
    expectedSize;
    inflater;
    crc = 0;
    size = 0;
    failure = null;
    ended;
    constructor(expectedSize) {
        this.expectedSize = expectedSize;
        this.inflater = (0,external_node_zlib_.createInflateRaw)({ chunkSize: 64 * 1024 });
        this.inflater.on('data', (chunk) => {
            this.crc = (0,external_node_zlib_.crc32)(chunk, this.crc);
            this.size += chunk.length;
            // More than the source held: stop at once rather than inflate a runaway stream.
            if (this.size > this.expectedSize)
                this.inflater.destroy(new Error('inflates past the size read'));
        });
        this.ended = new Promise((resolve) => {
            this.inflater.once('end', resolve);
            this.inflater.once('close', resolve);
            this.inflater.once('error', (error) => {
                this.failure ??= error;
                resolve();
            });
        });
    }
    /**
     * Feeds the next piece; when the inflater has fallen QUEUE_LIMIT behind, returns a promise that
     * settles once it caught up (the writer waits, so compressed data does not pile up in memory).
     */
    push(compressed) {
        if (compressed.length === 0 || this.inflater.destroyed)
            return null;
        if (this.inflater.write(compressed) || this.inflater.writableLength <= QUEUE_LIMIT)
            return null;
        return new Promise((resolve) => {
            const done = () => {
                this.inflater.off('drain', done);
                this.inflater.off('close', done);
                resolve();
            };
            this.inflater.on('drain', done);
            this.inflater.on('close', done);
        });
    }
    /** Waits for the inflater and throws unless it gave back `size` bytes with CRC-32 `crc`. */
    async expect(name, size, crc) {
        if (!this.inflater.destroyed)
            this.inflater.end();
        await this.ended;
        if (this.failure || this.size !== size || this.crc >>> 0 !== crc >>> 0)
            throw new archive_error/* ArchiveError */.d('checksum', `${name}: its compressed data did not inflate back to the bytes read (${this.failure ? this.failure.message : `${this.size} bytes, CRC ${(this.crc >>> 0).toString(16)}; expected ${size}, ${(crc >>> 0).toString(16)}`}); a compressor fault, no backup was written`);
    }
    abort() {
        this.inflater.destroy();
    }
}

// EXTERNAL MODULE: ./src/adapters/archive/archive-bytes.ts
var archive_bytes = __webpack_require__(8917);
;// CONCATENATED MODULE: ./src/adapters/archive/written-archive.ts



/** The entries' data ranges, then the tail's, each with the CRC-32 taken as it was written. */
function rangesOf(expected) {
    const count = expected.dataCrcs.length;
    const starts = new Float64Array(count + 1);
    const ends = new Float64Array(count + 1);
    const crcs = new Uint32Array(count + 1);
    starts.set(expected.dataStarts);
    ends.set(expected.dataEnds);
    crcs.set(expected.dataCrcs);
    starts[count] = expected.tailOffset;
    ends[count] = expected.size;
    crcs[count] = expected.tailCrc;
    return { starts, ends, crcs };
}
/** The directory places each entry's data where the writer put it. */
function checkPlacement(directory, expected) {
    const { entries } = directory;
    if (entries.length !== expected.dataCrcs.length)
        throw new zip_reader/* ArchiveError */.di('corrupt', `holds ${entries.length} entries where ${expected.dataCrcs.length} were written`);
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        if (e.dataOffset !== expected.dataStarts[i] || e.dataOffset + e.compressedSize !== expected.dataEnds[i])
            throw new zip_reader/* ArchiveError */.di('corrupt', `entry "${e.name}": the directory places its data at ${e.dataOffset}-${e.dataOffset + e.compressedSize}, where ${expected.dataStarts[i]}-${expected.dataEnds[i]} was written`);
    }
}
/** Each link entry's stored bytes, read back (a link is a few bytes; archives hold few). */
function linkContents(fd, directory) {
    const links = new Map();
    for (const e of directory.entries) {
        if (e.type !== 'symlink')
            continue;
        const bytes = Buffer.alloc(e.compressedSize);
        for (let got = 0; got < bytes.length;) {
            const n = (0,external_node_fs_.readSync)(fd, bytes, got, bytes.length - got, e.dataOffset + got);
            if (n === 0)
                throw new zip_reader/* ArchiveError */.di('changed', 'the archive became shorter while it was being read');
            got += n;
        }
        links.set(e.name, bytes);
    }
    return links;
}
async function verifyWrittenArchive(path, expected, onProgress) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const opened = (0,external_node_fs_.fstatSync)(fd);
        if (opened.size !== expected.size)
            throw new zip_reader/* ArchiveError */.di('changed', `is ${opened.size} bytes where ${expected.size} were written`);
        const bytes = (0,archive_bytes/* readArchiveBytes */.Yp)(fd, expected.size, rangesOf(expected), onProgress);
        try {
            const directory = await (0,zip_reader/* readZipDirectory */.x5)(path);
            const same = directory.identity;
            if (directory.fileSize !== expected.size ||
                (same && (same.dev !== opened.dev || same.ino !== opened.ino)))
                throw new zip_reader/* ArchiveError */.di('changed', 'the archive changed while it was being read');
            checkPlacement(directory, expected);
            const { sha256, bytes: read, checked, mismatch } = await bytes.result;
            if (mismatch) {
                const what = mismatch.index < directory.entries.length
                    ? `entry "${directory.entries[mismatch.index].name}"`
                    : 'the central directory';
                const written = expected.dataCrcs[mismatch.index] ?? expected.tailCrc;
                throw new zip_reader/* ArchiveError */.di('checksum', `${what}: the bytes read back are not the bytes written (CRC-32 ${mismatch.crc.toString(16)}, written ${(written >>> 0).toString(16)})`);
            }
            if (read !== expected.size || checked !== expected.dataCrcs.length + 1)
                throw new zip_reader/* ArchiveError */.di('changed', 'the archive became shorter while it was being read');
            return { sha256, sizeBytes: expected.size, directory, links: linkContents(fd, directory) };
        }
        finally {
            await bytes.stop();
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/adapters/archive/small-file-pool.ts


/**
 * One deflate and one inflate engine kept for a worker's life and reset between files, instead of
 * deflateRawSync / inflateRawSync per file: those build a stream object and a fresh zlib state
 * (about 300 KiB, allocated and cleared) for every call, which on a tree of 40,000 small files
 * cost 0.8 s of CPU of the backup's 6 (measured: deflate 2.38 s \u2192 1.91 s, the round trip's
 * inflate 0.72 s \u2192 0.39 s; identical streams but for block boundaries). Node has no public
 * synchronous API over a reused engine, so this drives the zlib handle behind a stream object
 * (`_handle.writeSync` into a caller's buffer, `_writeState` for what is left, `reset`), as Node
 * 20 and 24 both have it; it first proves itself on a sample (deflate, inflate, compare) and
 * otherwise gives null, and the worker falls back to the public one-shot calls.
 *
 * deflate(data, room): the deflated length, or -1 when the output does not fit in `room`.
 * inflate(input, into): the inflated length, or -1 when the input is not one complete deflate
 * stream whose output fits in `into`.
 * Source text (not a function) because it runs inside the eval'd worker; exported for its test.
 */
const REUSABLE_ZLIB_ENGINES = `
// zlib's largest hash table (memLevel 9, 128 KiB more per engine than the default 8): fewer hash
// collisions on a node_modules' text, measured 2-3 % less deflate time at level 4 for 0.1 % more
// output (the default trades speed for memory that two engines do not need to save).
const MEM_LEVEL = 9;
function reusableEngines(level) {
  const { createDeflateRaw, createInflateRaw, constants } = require('node:zlib');
  try {
    const deflater = createDeflateRaw({ level, memLevel: MEM_LEVEL });
    const inflater = createInflateRaw();
    const d = deflater._handle;
    const i = inflater._handle;
    const dState = deflater._writeState;
    const iState = inflater._writeState;
    if (!d || !i || typeof d.writeSync !== 'function' || typeof i.writeSync !== 'function') return null;
    if (typeof d.reset !== 'function' || typeof i.reset !== 'function') return null;
    const isState = (s) => Object.prototype.toString.call(s) === '[object Uint32Array]' && s.length >= 2;
    if (!isState(dState) || !isState(iState)) return null;
    let fault = false;
    // Errors reach the handle's onerror; the stream's own handler would close the handle.
    d.onerror = () => { fault = true; };
    i.onerror = () => { fault = true; };
    const run = (handle, state, input, into) => {
      fault = false;
      handle.reset();
      handle.writeSync(constants.Z_FINISH, input, 0, input.length, into, 0, into.length);
      // Done when zlib left output room (Z_FINISH fills the room until the stream is complete)
      // and took all the input.
      if (fault || state[1] !== 0 || state[0] === 0) return -1;
      return into.length - state[0];
    };
    const engines = {
      deflater,
      inflater,
      deflate: (data, room) => run(d, dState, data, room),
      inflate: (input, into) => run(i, iState, input, into),
    };
    // Proven on a short repetitive sample and on 256 KiB of varied text (several deflate blocks,
    // matches across the whole window), each twice (the second time after a reset), and on an
    // output that does not fit.
    const repetitive = Buffer.from('a sample that proves the reused engines: '.repeat(64));
    const varied = Buffer.alloc(256 * 1024);
    for (let i = 0, x = 1; i < varied.length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      varied[i] = x >>> 27 < 6 ? 32 : 97 + ((x >>> 16) % 26);
    }
    for (const sample of [repetitive, varied]) {
      const room = Buffer.alloc(sample.length);
      const back = Buffer.alloc(sample.length + 1);
      for (let n = 0; n < 2; n++) {
        const length = engines.deflate(sample, room);
        if (length <= 0) return null;
        if (engines.inflate(room.subarray(0, length), back) !== sample.length) return null;
        if (!back.subarray(0, sample.length).equals(sample)) return null;
      }
    }
    if (engines.deflate(repetitive, Buffer.alloc(8)) !== -1) return null;
    return engines;
  } catch {
    return null;
  }
}
// The public one-shot calls, where the reused engines are not available.
function deflateInto(data, room, level) {
  const out = require('node:zlib').deflateRawSync(data, { level, memLevel: MEM_LEVEL });
  if (out.length >= room.length) return -1;
  out.copy(room);
  return out.length;
}
function inflateInto(input, into) {
  try {
    const back = require('node:zlib').inflateRawSync(input, { maxOutputLength: into.length, chunkSize: into.length });
    if (back.length >= into.length) return -1;
    back.copy(into);
    return back.length;
  } catch {
    return -1;
  }
}
`;
/**
 * The contents the workers have seen, shared by them (a SharedArrayBuffer): for each content that
 * is deflated, 128 bits of its SHA-256 and the sequence number of the first file that had it. A
 * tree of packages holds many identical files (a node_modules: the same file in several packages'
 * copies of a dependency, in a package's esm/ and cjs/ builds; 16 % of the bytes of this
 * checkout's own); each is read and hashed as usual, but deflated (and inflated back) only once:
 * the writer copies the first one's compressed bytes from the archive (see ContentLocations).
 *
 * Open addressing, a slot written once: [key0..key3, sequence, state] as Int32, state 0 empty,
 * 1 being written, 2 ready. seen() returns the sequence number of an earlier file with the same
 * content, or CLAIMED when this file is now the one others will refer to, or UNKNOWN (the slot is
 * being written by the other worker, the content was first seen in a later file, or the table is
 * full): then the file is deflated as usual.
 */
const SEEN_CONTENTS = `
const SLOT_INTS = 6;
const CLAIMED = -1;
const UNKNOWN = -2;
function seen(table, digest, sequence) {
  const mask = table.length / SLOT_INTS - 1;
  const k0 = digest.readInt32LE(0);
  const k1 = digest.readInt32LE(4);
  const k2 = digest.readInt32LE(8);
  const k3 = digest.readInt32LE(12);
  let slot = (k0 >>> 0) & mask;
  for (let probes = 0; probes < 64; probes++) {
    const at = slot * SLOT_INTS;
    let state = Atomics.load(table, at + 5);
    if (state === 0) {
      if (Atomics.compareExchange(table, at + 5, 0, 1) === 0) {
        Atomics.store(table, at, k0);
        Atomics.store(table, at + 1, k1);
        Atomics.store(table, at + 2, k2);
        Atomics.store(table, at + 3, k3);
        Atomics.store(table, at + 4, sequence);
        Atomics.store(table, at + 5, 2);
        return CLAIMED;
      }
      state = Atomics.load(table, at + 5);
    }
    if (state !== 2) return UNKNOWN;
    if (
      Atomics.load(table, at) === k0 &&
      Atomics.load(table, at + 1) === k1 &&
      Atomics.load(table, at + 2) === k2 &&
      Atomics.load(table, at + 3) === k3
    ) {
      const first = Atomics.load(table, at + 4);
      return first < sequence ? first : UNKNOWN;
    }
    slot = (slot + 1) & mask;
  }
  return UNKNOWN;
}
`;
/** Slots of the table of contents seen (a power of two; 1.5 MiB): room for ~40,000 contents. */
const SEEN_CONTENTS_SLOTS = 1 << 16;
/**
 * Reads, deflates, CRCs and hashes small files in worker threads, a batch at a time.
 *
 * A tree of tens of thousands of small files (a node_modules) spends its time per file, not per
 * byte: an async deflate per file costs a thread-pool round trip, a stream object and a 256 KiB
 * zlib state, and the main thread pays for each. Here a worker takes a batch (about 1 MiB or a few
 * hundred files), reads each file whole with one read (asking for one byte more than the listed
 * size, so a file that grew is noticed without an fstat), deflates it straight into the batch's
 * buffer with an engine reused from file to file (REUSABLE_ZLIB_ENGINES), inflates the result of
 * a sample of files back (it must give the very bytes read; see RoundTrip), keeps the stored bytes
 * when deflate does not pay, and sends back that one buffer with every entry's data and a small
 * record per file. The main thread only writes. With one worker per core (two at most) the
 * compression of a batch overlaps the writing of the previous one.
 *
 * Inline source (eval) so that it survives bundling, like the archive-bytes worker (archive-bytes.ts).
 */
const SMALL_FILE_WORKER = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { crc32 } = require('node:zlib');
const { createHash, hash: hashOnce } = require('node:crypto');
// One-shot SHA-256 (no Hash object per file) where Node has it (20.12+), else a Hash object.
const sha256Of = typeof hashOnce === 'function'
  ? (data) => hashOnce('sha256', data, 'buffer')
  : (data) => createHash('sha256').update(data).digest();
// The collector of this thread, to run a young-generation collection after each batch (see below;
// how and why: src/runtime/collect-garbage.ts, which an eval'd worker cannot import).
let collect = null;
try {
  require('node:v8').setFlagsFromString('--expose-gc');
  collect = require('node:vm').runInNewContext('typeof gc === "function" ? gc : null');
} catch {}
${REUSABLE_ZLIB_ENGINES}
${SEEN_CONTENTS}
// Reused: one read buffer, one for the round trip, and a batch buffer the main thread hands back once written.
let readBuffer = Buffer.allocUnsafeSlow(0);
let backBuffer = Buffer.allocUnsafeSlow(0);
let engines = null;
let enginesLevel = -1;
// Files this worker has deflated: which ones are inflated back (see roundTripEvery).
let deflatedFiles = 0;
parentPort.on('message', ({ id, files, level, storeRatio, capacity, recycled, seen: seenContents, roundTripFirst, roundTripEvery }) => {
  const seenTable = new Int32Array(seenContents);
  if (enginesLevel !== level) {
    engines = reusableEngines(level);
    enginesLevel = level;
  }
  const body = Buffer.from(recycled && recycled.byteLength >= capacity ? recycled : new ArrayBuffer(capacity));
  const records = [];
  let total = 0;
  for (const file of files) {
    let fd;
    try {
      fd = openSync(typeof file.path === 'string' ? file.path : Buffer.from(file.path), 'r');
    } catch (error) {
      records.push({ error: { message: error.message, code: error.code } });
      continue;
    }
    if (readBuffer.length < file.size + 1) readBuffer = Buffer.allocUnsafeSlow(Math.max(file.size + 1, 64 * 1024));
    const raw = readBuffer.subarray(0, file.size + 1);
    let read = 0;
    try {
      for (;;) {
        const want = raw.length - read;
        const n = readSync(fd, raw, read, want, read);
        read += n;
        // A short read of a regular file is its end; a full one means it grew.
        if (n === 0 || n < want || read === raw.length) break;
      }
    } catch (error) {
      records.push({ error: { message: error.message, code: error.code } });
      continue;
    } finally {
      closeSync(fd);
    }
    if (read !== file.size) {
      records.push({ changedTo: read });
      continue;
    }
    const data = raw.subarray(0, read);
    const crc = crc32(data) >>> 0;
    const digest = sha256Of(data);
    const sha256 = digest.toString('hex');
    const deflatable = !file.store && read >= 64;
    const first = deflatable ? seen(seenTable, digest, file.sequence) : UNKNOWN;
    if (first >= 0) {
      records.push({ duplicateOf: first, crc, sha256 });
      continue;
    }
    if (total + read > body.length) throw new Error('batch larger than its buffer');
    // Deflated straight into the batch, given room only for an output that pays (under storeRatio
    // of the input): one that does not fit is stored instead.
    let length = -1;
    if (deflatable) {
      const room = body.subarray(total, total + Math.ceil(read * storeRatio));
      length = engines ? engines.deflate(data, room) : deflateInto(data, room, level);
    }
    let method = 0;
    let dataCrc = crc;
    if (length > 0) {
      const out = body.subarray(total, total + length);
      // Round trip (the first files, then one in roundTripEvery): what goes into the archive must
      // inflate back to these very bytes.
      const checked = deflatedFiles < roundTripFirst || deflatedFiles % roundTripEvery === 0;
      deflatedFiles++;
      if (checked) {
        if (backBuffer.length < read + 1) backBuffer = Buffer.allocUnsafeSlow(Math.max(read + 1, 64 * 1024));
        const back = backBuffer.subarray(0, read + 1);
        const got = engines ? engines.inflate(out, back) : inflateInto(out, back);
        if (got !== read || !back.subarray(0, read).equals(data)) {
          records.push({ error: { message: 'its compressed data did not inflate back to the file (a compressor fault); no backup was written' } });
          continue;
        }
      }
      method = 8;
      dataCrc = crc32(out) >>> 0;
    } else {
      length = read;
      data.copy(body, total);
    }
    total += length;
    records.push({ method, crc, dataCrc, sha256, compressedSize: length, claimed: first === CLAIMED });
  }
  parentPort.postMessage({ id, records, body: body.buffer, length: total }, [body.buffer]);
  // Each file leaves its deflated and inflated-back bytes as garbage outside the heap (about
  // 1.3 MiB a batch), and this thread allocates so few objects that V8, going by heap allocation,
  // collected them only every 30-40 MiB: that much memory per worker, measured. A scavenge of a
  // heap this small takes about half a millisecond (collecting every 4 MiB of garbage instead
  // cost as much CPU and 10 MB more, measured).
  if (typeof collect === 'function') collect({ type: 'minor' });
});
`;
const SAMPLED_ROUND_TRIP = { first: 64, every: 16 };
const FULL_ROUND_TRIP = { first: 0, every: 1 };
/**
 * At most two workers: each costs 12-16 MB of memory (its own V8 heap, its buffers; measured with
 * one and two), so four would take a 40,000-file backup (~190 MB) over its 200 MB budget.
 */
function poolSize() {
    return Math.max(1, Math.min(2, (0,external_node_os_.availableParallelism)()));
}
function startWorker() {
    return new external_node_worker_threads_.Worker(SMALL_FILE_WORKER, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
}
/**
 * Workers started ahead of need (startSmallFileWorkers), each with what stops watching it, taken
 * by the next pool.
 */
const spares = [];
/**
 * Starts the next pool's workers now: a worker takes 50-100 ms to boot (an isolate and Node's
 * bootstrap), time a backup's listing of its tree can hide. Idempotent; a spare that fails or
 * exits before a pool takes it is forgotten, and spares never keep the process alive.
 */
function startSmallFileWorkers() {
    while (spares.length < poolSize()) {
        const worker = startWorker();
        const forget = () => {
            const at = spares.findIndex((s) => s.worker === worker);
            if (at >= 0)
                spares.splice(at, 1);
        };
        worker.on('error', forget);
        worker.on('exit', forget);
        worker.unref();
        spares.push({
            worker,
            adopt: () => {
                worker.off('error', forget);
                worker.off('exit', forget);
            },
        });
    }
}
/** A spare worker if there is one (no longer watched as a spare), or a new one. */
function takeWorker() {
    const spare = spares.shift();
    if (!spare)
        return startWorker();
    spare.adopt();
    return spare.worker;
}
class SmallFilePool {
    level;
    storeRatio;
    capacity;
    roundTrip;
    workers = [];
    pending = new Map();
    nextId = 0;
    failure = null;
    recycled = [];
    seen = new SharedArrayBuffer(SEEN_CONTENTS_SLOTS * 6 * Int32Array.BYTES_PER_ELEMENT);
    /**
     * `capacity`: the most output bytes a batch may produce (its input bytes bound it: a file is
     * deflated only when that makes it smaller).
     */
    constructor(level, storeRatio, capacity, roundTrip = SAMPLED_ROUND_TRIP, size = poolSize()) {
        this.level = level;
        this.storeRatio = storeRatio;
        this.capacity = capacity;
        this.roundTrip = roundTrip;
        for (let i = 0; i < size; i++) {
            const worker = takeWorker();
            const entry = { worker, busy: 0 };
            worker.on('message', (message) => {
                const job = this.pending.get(message.id);
                if (!job)
                    return;
                this.pending.delete(message.id);
                entry.busy--;
                if (entry.busy === 0)
                    worker.unref();
                const { body } = message;
                job.resolve({
                    records: message.records,
                    body: Buffer.from(body, 0, message.length),
                    release: () => {
                        this.recycled.push(body);
                    },
                });
            });
            worker.on('error', (error) => {
                this.fail(error);
            });
            worker.on('exit', (code) => {
                if (code !== 0)
                    this.fail(new Error(`a compression worker stopped (exit code ${code})`));
            });
            // Referenced only while it has work (see run): an idle pool left open (a run that failed
            // part-way) must not keep the process alive at exit. After the listeners, because a
            // 'message' listener refs the worker's port again.
            worker.unref();
            this.workers.push(entry);
        }
    }
    /** Runs a batch on the least busy worker; results come back in the order of `files`. */
    run(files) {
        if (this.failure)
            return Promise.reject(this.failure);
        const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
        const id = this.nextId++;
        if (target.busy === 0)
            target.worker.ref();
        target.busy++;
        // One buffer for the one batch: a worker given every free buffer kept them while the other
        // allocated new ones (measured: ten idle 1.25 MiB buffers in one worker by the end).
        const recycled = this.recycled.pop() ?? null;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject, worker: target });
            target.worker.postMessage({
                id,
                files,
                level: this.level,
                storeRatio: this.storeRatio,
                capacity: this.capacity,
                roundTripFirst: this.roundTrip.first,
                roundTripEvery: this.roundTrip.every,
                recycled,
                seen: this.seen,
            }, recycled ? [recycled] : []);
        });
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.worker.terminate()));
        this.fail(new Error('the compression workers were stopped'));
    }
    fail(error) {
        this.failure ??= error;
        for (const [id, job] of this.pending) {
            this.pending.delete(id);
            job.reject(error);
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/archive/content-locations.ts
const FIELDS = 4;
class ContentLocations {
    offsets = new Float64Array(1024);
    /** compressedSize, dataCrc, crc, size per sequence number. */
    fields = new Uint32Array(1024 * FIELDS);
    /** method + 1 (0: nothing recorded). */
    methods = new Uint8Array(1024);
    set(sequence, at) {
        while (sequence >= this.methods.length)
            this.grow();
        this.offsets[sequence] = at.offset;
        const f = sequence * FIELDS;
        this.fields[f] = at.compressedSize;
        this.fields[f + 1] = at.dataCrc >>> 0;
        this.fields[f + 2] = at.crc >>> 0;
        this.fields[f + 3] = at.size;
        this.methods[sequence] = at.method + 1;
    }
    get(sequence) {
        if (sequence < 0 || sequence >= this.methods.length || this.methods[sequence] === 0)
            return null;
        const f = sequence * FIELDS;
        return {
            offset: this.offsets[sequence],
            compressedSize: this.fields[f],
            dataCrc: this.fields[f + 1],
            crc: this.fields[f + 2],
            size: this.fields[f + 3],
            method: this.methods[sequence] - 1,
        };
    }
    grow() {
        const offsets = new Float64Array(this.offsets.length * 2);
        offsets.set(this.offsets);
        const fields = new Uint32Array(this.fields.length * 2);
        fields.set(this.fields);
        const methods = new Uint8Array(this.methods.length * 2);
        methods.set(this.methods);
        this.offsets = offsets;
        this.fields = fields;
        this.methods = methods;
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/adapters/archive/list-ahead.ts

/**
 * The sources of an archive, listed ahead of their turn while the writer would otherwise wait.
 *
 * A tree of 40,000 small files takes 0.3 s to list (a stat per file) on one core; listed before
 * the writing starts, the compression workers wait that long for their first batch. Given a
 * lazily listed tree (walkTree), the writer takes the first few batches' files, and then, each
 * time it waits for a worker, lists the next ones here (a few hundred at a time, letting the
 * event loop deliver the worker's answer in between): the listing is done on a core that is
 * otherwise idle, and done early, so the caller knows the total for its progress long before
 * the end.
 */
const STEP = 256;
class ListAhead {
    source;
    listed = [];
    head = 0;
    done = false;
    constructor(source) {
        this.source = source[Symbol.iterator]();
    }
    /** Resolves with `work`, listing ahead meanwhile until it settles or the listing is complete. */
    async whileWaiting(work) {
        if (this.done)
            return work;
        const state = { settled: false };
        const mark = () => {
            state.settled = true;
        };
        work.then(mark, mark);
        while (!state.settled && this.pull())
            await (0,promises_.setImmediate)();
        return work;
    }
    [Symbol.iterator]() {
        return {
            next: () => {
                if (this.head < this.listed.length) {
                    const value = this.listed[this.head++];
                    if (this.head === this.listed.length) {
                        this.listed.length = 0;
                        this.head = 0;
                    }
                    return { value, done: false };
                }
                if (this.done)
                    return { value: undefined, done: true };
                const next = this.source.next();
                if (next.done)
                    this.done = true;
                return next;
            },
        };
    }
    /** Lists up to STEP more sources; false once the listing is complete. */
    pull() {
        for (let n = 0; n < STEP; n++) {
            const next = this.source.next();
            if (next.done) {
                this.done = true;
                return false;
            }
            this.listed.push(next.value);
        }
        return true;
    }
}

// EXTERNAL MODULE: ./src/runtime/promised.ts
var promised = __webpack_require__(2729);
// EXTERNAL MODULE: ./src/runtime/collect-garbage.ts
var collect_garbage = __webpack_require__(4184);
// EXTERNAL MODULE: ./src/adapters/archive/zip-format.ts
var zip_format = __webpack_require__(4264);
;// CONCATENATED MODULE: ./src/adapters/archive/zip-writer.ts


















const deflateRawAsync = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
const inflateRawAsync = (0,external_node_util_.promisify)(external_node_zlib_.inflateRaw);
const fdatasyncAsync = (0,external_node_util_.promisify)(external_node_fs_.fdatasync);
/**
 * A streaming zip writer built for backups of large trees:
 *  - files are cut into 1 MiB chunks; chunks of compressible files are deflated in the libuv
 *    thread pool in parallel, each primed with the previous chunk's last 32 KiB as dictionary and
 *    ended with a sync flush, so their concatenation is one valid deflate stream (what pigz does);
 *  - already-compressed files (by extension, or because deflate did not shrink them) are stored;
 *  - file reads and archive writes are synchronous (page cache): a thread-pool round trip per
 *    open, read, stat, close and write cost more CPU in context switches than the copies
 *    themselves; only deflate (real work) goes to the pool, one call per chunk;
 *  - stored chunks are read when their turn comes into one reused buffer, and chunks to deflate
 *    are read ahead into a bounded pool of reused buffers, so memory stays flat however large the
 *    tree is and the garbage collector has little to do;
 *  - each entry's SHA-256 and CRC-32 are computed as its bytes pass, for the manifest;
 *  - local headers are patched in place once sizes are known, so no data descriptors are needed.
 */
const CHUNK_BYTES = 1024 * 1024;
const DICTIONARY_BYTES = 32 * 1024;
const MAX_JOBS_AHEAD = 32;
/** Bytes read ahead for deflate (each in a pooled CHUNK_BYTES buffer). */
const MAX_DEFLATE_JOBS_AHEAD = 6;
/** Flush to disk in the background every this many bytes, so the final fsync is short. */
const SYNC_EVERY_BYTES = 64 * 1024 * 1024;
/** Local headers of entries this large carry zip64 sizes: deflate may grow data slightly. */
const ZIP64_LOCAL_THRESHOLD = 0xf0000000;
/**
 * Files up to this size go through the small-file workers, read and deflated whole (larger ones
 * are cut into chunks deflated in parallel). 1 MiB: a node_modules holds a few hundred files of
 * 256 KiB to 1 MiB (bundles, source maps, type declarations), a third of its bytes; handled on the
 * main thread, with a thread-pool round trip per chunk and a streaming inflater for the round
 * trip, they made the main thread the bottleneck once the workers got fast.
 */
const SMALL_FILE_BYTES = 1024 * 1024;
/** Links and other entries held in memory ride in a batch up to this size. */
const INLINE_BYTES = 256 * 1024;
/** Default deflate level of small files (see ZipWriterOptions.smallFileLevel). */
const SMALL_FILE_LEVEL = 4;
/** A batch closes at this many input bytes or files. */
const BATCH_BYTES = 1024 * 1024;
/**
 * The most input bytes a batch holds (and so the size of its buffer): a file that would take a
 * batch past it starts the next one.
 */
const BATCH_CAPACITY = BATCH_BYTES + 256 * 1024;
const BATCH_FILES = 256;
/** Batches in flight: enough to keep every worker busy while the main thread writes. */
const MAX_BATCHES_AHEAD = 4;
/** Batches between two young-generation collections (see writeBatch). */
const COLLECT_EVERY_BATCHES = 4;

class ZipFileWriter {
    path;
    fd;
    options;
    position = 0;
    central = new CentralDirectoryBytes();
    bytesIn = 0;
    closed = false;
    syncedUpTo = 0;
    syncing = null;
    /** The first failure of a background sync, rethrown by the next call that waits for it. */
    syncFailure = null;
    /** Reused CHUNK_BYTES buffers: one for stored chunks, the rest for chunks read ahead to deflate. */
    storeBuffer = Buffer.allocUnsafe(CHUNK_BYTES);
    freeBuffers = [];
    openFiles = new Set();
    pool = null;
    batchesWritten = 0;
    /** Small files sent to the pool so far (the next one's sequence number). */
    smallFiles = 0;
    /** Where files that later files may repeat were written (see SEEN_CONTENTS). */
    contents = new ContentLocations();
    /** A batch's repeated files' bytes, read back from the archive (reused from batch to batch). */
    repeatedBytes = null;
    repeated = 0;
    /** What verifyWritten checks the file against, known once `finish` wrote the directory. */
    expected = null;
    constructor(path, fd, options) {
        this.path = path;
        this.fd = fd;
        this.options = options;
    }
    static create(path, options = {}) {
        return (0,promised/* promised */.C)(() => {
            const mode = options.mode ?? 0o600;
            // Read as well as written: the bytes of a file that repeats an earlier one are read back.
            const fd = (0,external_node_fs_.openSync)(path, 'wx+', mode);
            if (process.platform !== 'win32')
                (0,external_node_fs_.fchmodSync)(fd, mode); // the umask may have narrowed it
            return new ZipFileWriter(path, fd, options);
        });
    }
    get bytesWritten() {
        return this.position;
    }
    /** Files whose content an earlier file had: written with its compressed bytes, not deflated again. */
    get repeatedFiles() {
        return this.repeated;
    }
    /** Writes every source in order; `onEntry` sees each entry as soon as it is complete. */
    // eslint-disable-next-line max-lines-per-function -- kept whole: the hot loop of every backup (read-ahead, deflate, write) keeps its shared state in locals; split it only with npm run bench -- backup beside it
    async addAll(sources, onEntry) {
        // A lazily listed tree is listed further while the writer waits for its workers.
        const listing = new ListAhead(sources);
        const jobs = this.jobs(listing);
        const ahead = [];
        let deflatesAhead = 0;
        let batchesAhead = 0;
        const fill = () => {
            while (ahead.length < MAX_JOBS_AHEAD &&
                deflatesAhead < MAX_DEFLATE_JOBS_AHEAD &&
                batchesAhead < MAX_BATCHES_AHEAD) {
                const next = jobs.next();
                if (next.done)
                    return;
                const job = next.value;
                // Never leave a rejection unobserved while the job waits its turn.
                if ('batch' in job) {
                    job.result.catch(() => undefined);
                    batchesAhead++;
                }
                else {
                    job.deflated?.catch(() => undefined);
                    if (job.deflated)
                        deflatesAhead++;
                }
                ahead.push(job);
            }
        };
        let entry = null;
        try {
            fill();
            for (let job = ahead.shift(); job !== undefined; job = ahead.shift()) {
                if ('batch' in job) {
                    batchesAhead--;
                    const result = await listing.whileWaiting(job.result);
                    fill();
                    this.writeBatch(job, result, onEntry);
                    continue;
                }
                let raw;
                let out;
                let method;
                let pooled = null;
                if (job.deflated) {
                    deflatesAhead--;
                    ({ raw, out, method, pooled } = await listing.whileWaiting(job.deflated));
                }
                else {
                    raw = job.file
                        ? this.readChunk(job.file, job.index, job.length, this.storeBuffer)
                        : (job.source.data ?? Buffer.alloc(0));
                    out = raw;
                    method = zip_format/* METHOD_STORE */.c;
                }
                fill();
                if (job.index === 0) {
                    const { name, utf8 } = entryName(job.source.name);
                    const zip64 = job.source.size >= ZIP64_LOCAL_THRESHOLD;
                    const headerOffset = this.position;
                    this.write(localHeader(name, utf8, method, job.source.mtimeMs, zip64));
                    entry = {
                        headerOffset,
                        dataOffset: this.position,
                        method,
                        hash: (0,external_node_crypto_.createHash)('sha256'),
                        crc: 0,
                        dataCrc: 0,
                        check: method === zip_format/* METHOD_DEFLATE */.An ? new InflateCheck(job.source.size) : null,
                        usize: 0,
                        csize: 0,
                        zip64,
                        name,
                        utf8,
                    };
                }
                if (!entry)
                    throw new Error(`${job.source.name}: a chunk after the first came without its entry`);
                const current = entry;
                current.hash.update(raw);
                current.crc = (0,external_node_zlib_.crc32)(raw, current.crc);
                current.dataCrc = out === raw ? current.crc : (0,external_node_zlib_.crc32)(out, current.dataCrc);
                current.usize += raw.length;
                current.csize += out.length;
                const caughtUp = current.check?.push(out);
                if (out.length > 0)
                    this.write(out);
                if (pooled)
                    this.freeBuffers.push(pooled);
                if (caughtUp)
                    await caughtUp;
                this.bytesIn += raw.length;
                this.options.onProgress?.(this.bytesIn);
                this.backgroundSync();
                if (job.last) {
                    const src = job.source;
                    if (job.file)
                        this.closeFile(job.file, true);
                    if (current.usize !== src.size)
                        throw new source_errors/* FileChangedError */.j(`${src.name} changed size while being archived (${src.size} \u2192 ${current.usize} bytes)`);
                    if (current.check)
                        await current.check.expect(src.name, current.usize, current.crc);
                    if (!current.zip64 && current.csize >= zip_format/* U32_MAX */.cd)
                        throw new Error(`${src.name}: compressed size passed 4 GiB without zip64`);
                    this.patchSizes(current.headerOffset, current.name.length, current.crc, current.csize, current.usize, current.zip64);
                    this.recordCentral(current.name, current.utf8, current.method, current.crc, current.csize, current.usize, current.headerOffset, current.dataOffset, src, current.dataCrc);
                    onEntry?.({
                        name: src.name,
                        type: src.type,
                        size: current.usize,
                        compressedSize: current.csize,
                        method: current.method,
                        sha256: current.hash.digest('hex'),
                        crc32: current.crc,
                        mode: src.mode & 0o7777,
                    });
                    entry = null;
                }
            }
            if (this.syncFailure)
                throw this.syncFailure.error;
            // Booted while the caller adds the last entries and finishes: verifyWritten's worker.
            (0,archive_bytes/* prepareArchiveBytesWorker */.DM)();
        }
        catch (error) {
            entry?.check?.abort();
            // Let in-flight work finish before the caller closes and removes files.
            await Promise.allSettled(ahead.map((j) => ('batch' in j ? j.result : (j.deflated ?? Promise.resolve(null)))));
            for (const file of this.openFiles)
                this.closeFile(file, false);
            throw error;
        }
        finally {
            await this.pool?.close();
            this.pool = null;
        }
    }
    /**
     * Adds one entry held in memory (the manifest), deflated whole and inflated back whole in the
     * thread pool, where neither step needs the main thread: it stays free to do other work
     * meanwhile (the backup checks the manifest). addAll would cut it into chunks whose round trip
     * (InflateCheck) runs on the main thread's events: a 40,000-file backup's 8 MB manifest then
     * waited 50-60 ms for the main thread after its check. The inflated copy must equal the data.
     */
    async addDeflated(src, onEntry) {
        const data = src.data;
        if (data.length >= ZIP64_LOCAL_THRESHOLD)
            throw new Error(`${src.name}: too large to add from memory`);
        const level = this.options.level ?? 1;
        // Output room for all of it at once: with the default 16 KiB, each piece of output is an event
        // on the main thread, and the work waited for it.
        const out = await deflateRawAsync(data, { level, chunkSize: data.length + 64 * 1024 });
        const back = await inflateRawAsync(out, {
            maxOutputLength: data.length + 1,
            chunkSize: data.length + 64 * 1024,
        }).catch(() => null);
        if (!back?.equals(data))
            throw new archive_error/* ArchiveError */.d('checksum', `${src.name}: its compressed data did not inflate back to the bytes given; a compressor fault, no backup was written`);
        const crc = (0,external_node_zlib_.crc32)(data) >>> 0;
        const { name, utf8 } = entryName(src.name);
        const header = localHeader(name, utf8, zip_format/* METHOD_DEFLATE */.An, src.mtimeMs, false);
        header.writeUInt32LE(crc, 14);
        header.writeUInt32LE(out.length, 18);
        header.writeUInt32LE(data.length, 22);
        const at = this.position;
        this.writeParts([header, out], header.length + out.length);
        this.recordCentral(name, utf8, zip_format/* METHOD_DEFLATE */.An, crc, out.length, data.length, at, at + header.length, src, (0,external_node_zlib_.crc32)(out) >>> 0);
        this.bytesIn += data.length;
        onEntry?.({
            name: src.name,
            type: src.type,
            size: data.length,
            compressedSize: out.length,
            method: zip_format/* METHOD_DEFLATE */.An,
            sha256: (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex'),
            crc32: crc,
            mode: src.mode & 0o7777,
        });
    }
    /**
     * Writes a batch of small files (headers already true: sizes and CRC are known) with one write,
     * and records them for the central directory.
     */
    writeBatch(job, result, onEntry) {
        const parts = [];
        let at = this.position;
        let bytesIn = 0;
        let next = 0;
        const cursor = { bodyAt: 0, repeatedAt: 0, claimedHere: new Map() };
        for (const src of job.batch) {
            if (isInlineInBatch(src)) {
                const length = this.writeInline(src, at, parts, onEntry);
                at += length;
                bytesIn += src.data?.length ?? 0;
                continue;
            }
            const sequence = job.firstSequence + next;
            const record = result.records[next++];
            if ('error' in record) {
                const error = new Error(`${src.name}: ${record.error.message}`);
                if (record.error.code)
                    error.code = record.error.code;
                throw error;
            }
            if ('changedTo' in record)
                throw new source_errors/* FileChangedError */.j(record.changedTo > src.size
                    ? `${src.name} grew while being archived (listed at ${src.size} bytes)`
                    : `${src.name} changed size while being archived (${src.size} \u2192 ${record.changedTo} bytes)`);
            const written = this.batchEntryData(src, record, result.body, cursor);
            const { name, utf8 } = entryName(src.name);
            const header = localHeader(name, utf8, written.method, src.mtimeMs, false);
            header.writeUInt32LE(record.crc, 14);
            header.writeUInt32LE(written.compressedSize, 18);
            header.writeUInt32LE(src.size, 22);
            parts.push(header, written.data);
            if ('claimed' in record && record.claimed) {
                cursor.claimedHere.set(sequence, written.data);
                this.contents.set(sequence, {
                    offset: at + header.length,
                    compressedSize: written.compressedSize,
                    method: written.method,
                    dataCrc: written.dataCrc,
                    crc: record.crc,
                    size: src.size,
                });
            }
            this.recordCentral(name, utf8, written.method, record.crc, written.compressedSize, src.size, at, at + header.length, src, written.dataCrc);
            at += header.length + written.data.length;
            bytesIn += src.size;
            onEntry?.({
                name: src.name,
                type: src.type,
                size: src.size,
                compressedSize: written.compressedSize,
                method: written.method,
                sha256: record.sha256,
                crc32: record.crc,
                mode: src.mode & 0o7777,
            });
        }
        this.writeParts(parts, at - this.position);
        result.release();
        // Each entry's headers come from slabs of Node's buffer pool, freed only when the young
        // generation is collected; the tree listing made that generation large, so V8 would collect
        // it rarely, letting tens of MB of slabs pile up (measured). A scavenge every few batches
        // keeps them down for a millisecond or two.
        if (++this.batchesWritten % COLLECT_EVERY_BATCHES === 0)
            (0,collect_garbage/* collectGarbage */.i)('young');
        this.bytesIn += bytesIn;
        this.options.onProgress?.(this.bytesIn);
        this.backgroundSync();
    }
    /**
     * A batch entry's data as it goes into the archive: the next bytes of the batch's body, or, for
     * a file that repeats an earlier one, that one's compressed bytes (from this batch, or read back
     * from the archive).
     */
    batchEntryData(src, record, body, cursor) {
        if (!('duplicateOf' in record)) {
            const data = body.subarray(cursor.bodyAt, cursor.bodyAt + record.compressedSize);
            cursor.bodyAt += record.compressedSize;
            return { method: record.method, compressedSize: record.compressedSize, dataCrc: record.dataCrc, data };
        }
        const first = this.contents.get(record.duplicateOf);
        if (!first || first.crc !== record.crc || first.size !== src.size)
            throw new Error(`${src.name}: the earlier file with its content was not written (an internal fault)`);
        this.repeated++;
        let data = cursor.claimedHere.get(record.duplicateOf);
        if (!data) {
            this.repeatedBytes ??= Buffer.allocUnsafe(BATCH_CAPACITY);
            data = this.readBack(first.offset, first.compressedSize, this.repeatedBytes.subarray(cursor.repeatedAt));
            cursor.repeatedAt += data.length;
        }
        return { method: first.method, compressedSize: first.compressedSize, dataCrc: first.dataCrc, data };
    }
    /** A folder, link or empty file riding in a batch: its header and content, stored. Returns its length. */
    writeInline(src, at, parts, onEntry) {
        const raw = src.data ?? EMPTY;
        const crc = (0,external_node_zlib_.crc32)(raw) >>> 0;
        const { name, utf8 } = entryName(src.name);
        const header = localHeader(name, utf8, zip_format/* METHOD_STORE */.c, src.mtimeMs, false);
        header.writeUInt32LE(crc, 14);
        header.writeUInt32LE(raw.length, 18);
        header.writeUInt32LE(raw.length, 22);
        parts.push(header, raw);
        this.recordCentral(name, utf8, zip_format/* METHOD_STORE */.c, crc, raw.length, raw.length, at, at + header.length, src, crc);
        onEntry?.({
            name: src.name,
            type: src.type,
            size: raw.length,
            compressedSize: raw.length,
            method: zip_format/* METHOD_STORE */.c,
            sha256: raw.length === 0 ? EMPTY_SHA256 : (0,external_node_crypto_.createHash)('sha256').update(raw).digest('hex'),
            crc32: crc,
            mode: src.mode & 0o7777,
        });
        return header.length + raw.length;
    }
    recordCentral(name, utf8, method, crc, csize, usize, offset, dataOffset, src, dataCrc) {
        const { time, date } = dosTime(src.mtimeMs);
        this.central.add(centralHeader({
            name,
            utf8,
            method,
            time,
            date,
            crc,
            csize,
            usize,
            offset,
            external: (0,zip_format/* externalAttributes */.GV)(src.type, src.mode),
            mtimeMs: src.mtimeMs,
        }), dataCrc, dataOffset, dataOffset + csize);
    }
    /**
     * After `finish`: re-reads the archive from the file system and proves it is the one written
     * (see written-archive.ts for exactly what that proves); returns its SHA-256 and directory.
     */
    verifyWritten(onProgress) {
        if (!this.expected)
            return Promise.reject(new Error('verifyWritten before finish'));
        return verifyWrittenArchive(this.path, this.expected, onProgress);
    }
    /** Writes the central directory and end records, fsyncs and closes. Returns the archive size. */
    async finish() {
        const cdStart = this.position;
        const cdSize = this.central.size;
        const count = this.central.count;
        // The directory and end records, as one tail whose CRC-32 verifyWritten checks on disk.
        const tail = this.central.parts();
        if (count >= zip_format/* U16_MAX */.Cn || cdStart >= zip_format/* U32_MAX */.cd || cdSize >= zip_format/* U32_MAX */.cd) {
            const zip64Start = cdStart + cdSize;
            tail.push(zip64End(count, cdSize, cdStart), zip64Locator(zip64Start));
        }
        tail.push(endOfCentralDirectory(count, cdSize, cdStart));
        let tailCrc = 0;
        let tailSize = 0;
        for (const part of tail) {
            tailCrc = (0,external_node_zlib_.crc32)(part, tailCrc);
            tailSize += part.length;
        }
        this.writeParts(tail, tailSize);
        this.expected = {
            tailOffset: cdStart,
            size: this.position,
            tailCrc: tailCrc >>> 0,
            dataCrcs: this.central.dataCrcs(),
            dataStarts: this.central.dataStarts(),
            dataEnds: this.central.dataEnds(),
        };
        await this.syncing;
        if (this.syncFailure)
            throw this.syncFailure.error;
        (0,external_node_fs_.fsyncSync)(this.fd);
        await this.close();
        return this.position;
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        // Closed before `finish` (a failed backup): no verification will take the booted worker.
        if (!this.expected)
            (0,archive_bytes/* discardArchiveBytesWorker */.k)();
        await this.syncing;
        for (const file of this.openFiles)
            this.closeFile(file, false);
        (0,external_node_fs_.closeSync)(this.fd);
    }
    /** Appends synchronously: the page cache takes it at memory speed; durability comes from the syncs. */
    write(buffer) {
        this.writeAt(buffer, this.position);
        this.position += buffer.length;
    }
    /** Appends several buffers with one writev (no copy into one buffer). */
    writeParts(parts, length) {
        let written = (0,external_node_fs_.writevSync)(this.fd, parts, this.position);
        while (written < length) {
            // A short write (rare): finish it buffer by buffer.
            let skip = written;
            for (const part of parts) {
                if (skip >= part.length) {
                    skip -= part.length;
                    continue;
                }
                this.writeAt(part.subarray(skip), this.position + written);
                written += part.length - skip;
                skip = 0;
            }
        }
        this.position += length;
    }
    /** Bytes already written to the archive, read back into `into`. */
    readBack(position, length, into) {
        const buffer = into.subarray(0, length);
        let offset = 0;
        while (offset < length) {
            const n = (0,external_node_fs_.readSync)(this.fd, buffer, offset, length - offset, position + offset);
            if (n === 0)
                throw new Error(`the archive is shorter than what was written to it (${position + offset})`);
            offset += n;
        }
        return buffer;
    }
    writeAt(buffer, position) {
        let offset = 0;
        while (offset < buffer.length)
            offset += (0,external_node_fs_.writeSync)(this.fd, buffer, offset, buffer.length - offset, position + offset);
    }
    /** Starts a background data flush when enough was written since the last one. */
    backgroundSync() {
        if (this.syncing || this.position - this.syncedUpTo < SYNC_EVERY_BYTES)
            return;
        const upTo = this.position;
        this.syncing = fdatasyncAsync(this.fd)
            .then(() => {
            this.syncedUpTo = upTo;
        })
            .catch((error) => {
            this.syncFailure ??= { error };
        })
            .finally(() => {
            this.syncing = null;
        });
    }
    patchSizes(offset, nameLength, crc, csize, usize, zip64) {
        const fields = Buffer.alloc(12);
        fields.writeUInt32LE(crc >>> 0, 0);
        fields.writeUInt32LE(zip64 ? zip_format/* U32_MAX */.cd : csize, 4);
        fields.writeUInt32LE(zip64 ? zip_format/* U32_MAX */.cd : usize, 8);
        this.writeAt(fields, offset + 14);
        if (zip64) {
            const sizes = Buffer.alloc(16);
            sizes.writeBigUInt64LE(BigInt(usize), 0);
            sizes.writeBigUInt64LE(BigInt(csize), 8);
            this.writeAt(sizes, offset + zip_format/* LOCAL_HEADER_SIZE */._0 + nameLength + 4);
        }
    }
    readChunk(file, index, length, into) {
        if (file.fd === null) {
            file.fd = file.open();
            this.openFiles.add(file);
        }
        const buffer = into.subarray(0, length);
        const position = index * CHUNK_BYTES;
        let offset = 0;
        while (offset < length) {
            const bytesRead = (0,external_node_fs_.readSync)(file.fd, buffer, offset, length - offset, position + offset);
            if (bytesRead === 0)
                throw new source_errors/* FileChangedError */.j(`${file.source.name} shrank while being archived`);
            offset += bytesRead;
        }
        return buffer;
    }
    /** Closes a source file; after its last chunk, checks nothing was appended meanwhile. */
    closeFile(file, check) {
        if (file.fd === null)
            return;
        const fd = file.fd;
        file.fd = null;
        this.openFiles.delete(file);
        try {
            if (check) {
                const { size } = (0,external_node_fs_.fstatSync)(fd);
                if (size !== file.source.size)
                    throw new source_errors/* FileChangedError */.j(`${file.source.name} changed size while being archived (${file.source.size} \u2192 ${size} bytes)`);
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    takeBuffer() {
        return this.freeBuffers.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    }
    /** Turns sources into chunk jobs; a job to deflate reads its chunk and starts deflating when created. */
    // eslint-disable-next-line max-lines-per-function -- kept whole: one generator yields every job in archive order (entry kinds interleave); splitting it splits that order
    *jobs(sources) {
        const level = this.options.level ?? 1;
        let batch = [];
        let requests = [];
        let batchBytes = 0;
        const sendBatch = () => {
            this.pool ??= new SmallFilePool(this.options.smallFileLevel ?? SMALL_FILE_LEVEL, STORE_RATIO, BATCH_CAPACITY, this.options.roundTrip === 'every_file' ? FULL_ROUND_TRIP : SAMPLED_ROUND_TRIP);
            const sent = batch;
            const firstSequence = requests.length > 0 ? requests[0].sequence : this.smallFiles;
            const result = this.pool.run(requests);
            batch = [];
            requests = [];
            batchBytes = 0;
            return { batch: sent, result, firstSequence };
        };
        for (const source of sources) {
            if (batch.length > 0 && isInlineInBatch(source)) {
                // A folder, link or empty file between small files: written in its place by the main
                // thread with the batch, instead of closing it (a node_modules has a folder every ten
                // files, and batches of two or three files cost a worker round trip each).
                batch.push(source);
                continue;
            }
            if (source.type === 'file' &&
                source.data === undefined &&
                source.path !== undefined &&
                source.size > 0 &&
                source.size <= SMALL_FILE_BYTES) {
                if (batchBytes + source.size > BATCH_CAPACITY)
                    yield sendBatch();
                batch.push(source);
                requests.push({
                    path: source.path,
                    size: source.size,
                    store: source.method === 'store' ||
                        (source.method === undefined && isAlreadyCompressedName(source.name)),
                    sequence: this.smallFiles++,
                });
                batchBytes += source.size;
                if (batchBytes >= BATCH_BYTES || batch.length >= BATCH_FILES)
                    yield sendBatch();
                continue;
            }
            if (batch.length > 0)
                yield sendBatch();
            if (source.type !== 'file' || source.data !== undefined || source.size === 0) {
                // Held in memory: stored here (links, empty files); deflated only by addDeflated.
                if (source.data !== undefined && source.method === 'deflate')
                    throw new Error(`${source.name}: content held in memory is deflated by addDeflated, not addAll`);
                const raw = source.data ?? Buffer.alloc(0);
                yield {
                    source: { ...source, size: raw.length },
                    index: 0,
                    last: true,
                    length: raw.length,
                    file: null,
                    store: true,
                    deflated: null,
                };
                continue;
            }
            const byPath = source.path;
            const open = source.open ?? (byPath !== undefined ? () => (0,external_node_fs_.openSync)(byPath, 'r') : undefined);
            if (!open)
                throw new Error(`${source.name}: no content source`);
            const file = { fd: null, source, open };
            const count = Math.max(1, Math.ceil(source.size / CHUNK_BYTES));
            const byName = source.method === 'store' || (source.method === undefined && isAlreadyCompressedName(source.name));
            if (byName) {
                for (let index = 0; index < count; index++) {
                    const length = Math.min(CHUNK_BYTES, source.size - index * CHUNK_BYTES);
                    yield { source, index, last: index === count - 1, length, file, store: true, deflated: null };
                }
                continue;
            }
            let dictionary = null;
            let decided = source.method === 'deflate' ? zip_format/* METHOD_DEFLATE */.An : null;
            for (let index = 0; index < count; index++) {
                const length = Math.min(CHUNK_BYTES, source.size - index * CHUNK_BYTES);
                const last = index === count - 1;
                if (decided === zip_format/* METHOD_STORE */.c) {
                    yield { source, index, last, length, file, store: true, deflated: null };
                    continue;
                }
                const pooled = this.takeBuffer();
                const raw = this.readChunk(file, index, length, pooled);
                if (decided === null) {
                    // Tiny: not worth a deflate. One chunk: deflate it and store instead if that did not pay. Larger: probe the start.
                    decided =
                        length < 64
                            ? zip_format/* METHOD_STORE */.c
                            : count === 1
                                ? -1
                                : looksCompressible(raw)
                                    ? zip_format/* METHOD_DEFLATE */.An
                                    : zip_format/* METHOD_STORE */.c;
                    if (decided === zip_format/* METHOD_STORE */.c) {
                        // Read again when its turn comes, into the store buffer.
                        this.freeBuffers.push(pooled);
                        yield { source, index, last, length, file, store: true, deflated: null };
                        continue;
                    }
                }
                const options = {
                    level,
                    finishFlush: last ? external_node_zlib_.constants.Z_FINISH : external_node_zlib_.constants.Z_SYNC_FLUSH,
                    // Room for the whole output of compressible data in one call (zlib grows it if needed).
                    chunkSize: Math.max(1024, Math.min(length + 1024, 256 * 1024)),
                };
                if (dictionary)
                    options.dictionary = dictionary;
                // Copied: the buffer it comes from goes back to the pool before the next chunk is read.
                dictionary = last ? null : Buffer.from(raw.subarray(Math.max(0, raw.length - DICTIONARY_BYTES)));
                const single = decided === -1;
                const deflated = deflateRawAsync(raw, options).then((out) => {
                    if (single && out.length >= raw.length * STORE_RATIO)
                        return { raw, out: raw, method: zip_format/* METHOD_STORE */.c, pooled };
                    return { raw, out, method: zip_format/* METHOD_DEFLATE */.An, pooled };
                });
                yield { source, index, last, length, file, store: false, deflated };
            }
        }
        if (batch.length > 0)
            yield sendBatch();
    }
}
const EMPTY = Buffer.alloc(0);
const EMPTY_SHA256 = (0,external_node_crypto_.createHash)('sha256').digest('hex');
/** Entries with nothing to read or compress (folders, links, empty files): they may ride in a batch. */
function isInlineInBatch(source) {
    if (source.method === 'deflate')
        return false;
    if (source.data !== undefined)
        return source.data.length <= INLINE_BYTES;
    return source.type !== 'file' || source.size === 0;
}
/** The name field's bytes: UTF-8 (flagged), or the raw bytes of a name that is not UTF-8. */
function entryName(text) {
    const utf8 = !(0,raw_name/* hasRawBytes */.Cb)(text);
    return { name: utf8 ? Buffer.from(text, 'utf8') : (0,raw_name/* encodeName */.aA)(text), utf8 };
}
/**
 * Info-ZIP Unicode Path extra field, for names that are not UTF-8: the name field keeps the exact
 * bytes (what our restore uses), and this carries a UTF-8 rendering for other tools to show.
 */
function unicodePathExtra(name) {
    const shown = Buffer.from(name.toString('utf8'), 'utf8');
    const b = Buffer.alloc(9 + shown.length);
    b.writeUInt16LE(zip_format/* EXTRA_UNICODE_PATH */.FC, 0);
    b.writeUInt16LE(5 + shown.length, 2);
    b.writeUInt8(1, 4);
    b.writeUInt32LE((0,external_node_zlib_.crc32)(name) >>> 0, 5);
    shown.copy(b, 9);
    return b;
}
/** The UT extra field (modification time) is this long, in local and central headers alike. */
const TIMESTAMP_EXTRA_BYTES = 9;
const ZIP64_LOCAL_EXTRA_BYTES = 20;
/** Writes the UT extra field (what timestampExtra builds) at `at`; returns where it ends. */
function writeTimestampExtra(b, at, mtimeMs) {
    b.writeUInt16LE(zip_format/* EXTRA_TIMESTAMP */.CZ, at);
    b.writeUInt16LE(5, at + 2);
    b.writeUInt8(1, at + 4);
    b.writeUInt32LE(Math.max(0, Math.min(zip_format/* U32_MAX */.cd, Math.floor(mtimeMs / 1000))), at + 5);
    return at + TIMESTAMP_EXTRA_BYTES;
}
let dosSecond = Number.NaN;
let dosStamp = { time: 0, date: 0 };
/** dosDateTime, remembered for the last second seen: files of a tree mostly share a few seconds. */
function dosTime(mtimeMs) {
    const second = Math.floor(mtimeMs / 1000);
    if (second !== dosSecond) {
        dosSecond = second;
        dosStamp = (0,zip_format/* dosDateTime */.y8)(mtimeMs);
    }
    return dosStamp;
}
// Headers are built with allocUnsafe (small ones come from Node's shared pool) and every byte
// written: tens of thousands of entries each allocating zeroed buffers of their own kept the
// collector busy and the process's memory high.
function localHeader(name, utf8, method, mtimeMs, zip64) {
    const unicode = utf8 ? null : unicodePathExtra(name);
    const extraLength = (zip64 ? ZIP64_LOCAL_EXTRA_BYTES : 0) + TIMESTAMP_EXTRA_BYTES + (unicode?.length ?? 0);
    const b = Buffer.allocUnsafe(zip_format/* LOCAL_HEADER_SIZE */._0 + name.length + extraLength);
    const { time, date } = dosTime(mtimeMs);
    b.writeUInt32LE(zip_format/* SIG_LOCAL */.SX, 0);
    b.writeUInt16LE(zip64 ? 45 : 20, 4);
    b.writeUInt16LE(utf8 ? zip_format/* FLAG_UTF8 */.Tq : 0, 6);
    b.writeUInt16LE(method, 8);
    b.writeUInt16LE(time, 10);
    b.writeUInt16LE(date, 12);
    // crc and sizes (14..25) are patched when the entry is complete.
    b.fill(0, 14, 26);
    b.writeUInt16LE(name.length, 26);
    b.writeUInt16LE(extraLength, 28);
    name.copy(b, zip_format/* LOCAL_HEADER_SIZE */._0);
    let at = zip_format/* LOCAL_HEADER_SIZE */._0 + name.length;
    if (zip64) {
        // zip64 first: patchSizes finds its sizes right after the name.
        b.writeUInt16LE(zip_format/* EXTRA_ZIP64 */.dn, at);
        b.writeUInt16LE(16, at + 2);
        b.fill(0, at + 4, at + ZIP64_LOCAL_EXTRA_BYTES);
        at += ZIP64_LOCAL_EXTRA_BYTES;
    }
    at = writeTimestampExtra(b, at, mtimeMs);
    if (unicode)
        unicode.copy(b, at);
    return b;
}
function zip64Extra(values) {
    const b = Buffer.alloc(4 + values.length * 8);
    b.writeUInt16LE(zip_format/* EXTRA_ZIP64 */.dn, 0);
    b.writeUInt16LE(values.length * 8, 2);
    values.forEach((v, i) => b.writeBigUInt64LE(v, 4 + i * 8));
    return b;
}
function centralHeader(r) {
    const big = [];
    if (r.usize >= zip_format/* U32_MAX */.cd)
        big.push(BigInt(r.usize));
    if (r.csize >= zip_format/* U32_MAX */.cd)
        big.push(BigInt(r.csize));
    if (r.offset >= zip_format/* U32_MAX */.cd)
        big.push(BigInt(r.offset));
    const zip64 = big.length ? zip64Extra(big) : null;
    const unicode = r.utf8 ? null : unicodePathExtra(r.name);
    const extraLength = (zip64?.length ?? 0) + TIMESTAMP_EXTRA_BYTES + (unicode?.length ?? 0);
    const b = Buffer.allocUnsafe(zip_format/* CENTRAL_HEADER_SIZE */.yX + r.name.length + extraLength);
    b.writeUInt32LE(zip_format/* SIG_CENTRAL */.st, 0);
    b.writeUInt16LE(zip_format/* MADE_BY_UNIX */.ny, 4);
    b.writeUInt16LE(big.length ? 45 : 20, 6);
    b.writeUInt16LE(r.utf8 ? zip_format/* FLAG_UTF8 */.Tq : 0, 8);
    b.writeUInt16LE(r.method, 10);
    b.writeUInt16LE(r.time, 12);
    b.writeUInt16LE(r.date, 14);
    b.writeUInt32LE(r.crc >>> 0, 16);
    b.writeUInt32LE(Math.min(r.csize, zip_format/* U32_MAX */.cd), 20);
    b.writeUInt32LE(Math.min(r.usize, zip_format/* U32_MAX */.cd), 24);
    b.writeUInt16LE(r.name.length, 28);
    b.writeUInt16LE(extraLength, 30);
    b.writeUInt16LE(0, 32);
    b.writeUInt16LE(0, 34);
    b.writeUInt16LE(0, 36);
    b.writeUInt32LE(r.external, 38);
    b.writeUInt32LE(Math.min(r.offset, zip_format/* U32_MAX */.cd), 42);
    r.name.copy(b, zip_format/* CENTRAL_HEADER_SIZE */.yX);
    let at = zip_format/* CENTRAL_HEADER_SIZE */.yX + r.name.length;
    if (zip64)
        at += zip64.copy(b, at);
    at = writeTimestampExtra(b, at, r.mtimeMs);
    if (unicode)
        unicode.copy(b, at);
    return b;
}
function zip64End(count, cdSize, cdStart) {
    const b = Buffer.alloc(zip_format/* ZIP64_EOCD_SIZE */.Y3);
    b.writeUInt32LE(zip_format/* SIG_ZIP64_EOCD */.uj, 0);
    b.writeBigUInt64LE(BigInt(zip_format/* ZIP64_EOCD_SIZE */.Y3 - 12), 4);
    b.writeUInt16LE(zip_format/* MADE_BY_UNIX */.ny, 12);
    b.writeUInt16LE(45, 14);
    b.writeUInt32LE(0, 16);
    b.writeUInt32LE(0, 20);
    b.writeBigUInt64LE(BigInt(count), 24);
    b.writeBigUInt64LE(BigInt(count), 32);
    b.writeBigUInt64LE(BigInt(cdSize), 40);
    b.writeBigUInt64LE(BigInt(cdStart), 48);
    return b;
}
function zip64Locator(zip64Start) {
    const b = Buffer.alloc(zip_format/* ZIP64_LOCATOR_SIZE */.zV);
    b.writeUInt32LE(zip_format/* SIG_ZIP64_LOCATOR */.Zi, 0);
    b.writeUInt32LE(0, 4);
    b.writeBigUInt64LE(BigInt(zip64Start), 8);
    b.writeUInt32LE(1, 16);
    return b;
}
function endOfCentralDirectory(count, cdSize, cdStart) {
    const b = Buffer.alloc(zip_format/* EOCD_SIZE */.iV);
    b.writeUInt32LE(zip_format/* SIG_EOCD */.iM, 0);
    b.writeUInt16LE(Math.min(count, zip_format/* U16_MAX */.Cn), 8);
    b.writeUInt16LE(Math.min(count, zip_format/* U16_MAX */.Cn), 10);
    b.writeUInt32LE(Math.min(cdSize, zip_format/* U32_MAX */.cd), 12);
    b.writeUInt32LE(Math.min(cdStart, zip_format/* U32_MAX */.cd), 16);
    b.writeUInt16LE(0, 20);
    return b;
}

// EXTERNAL MODULE: ./src/adapters/targets/current-link.ts
var current_link = __webpack_require__(7345);
// EXTERNAL MODULE: ./src/adapters/targets/release-history.ts
var release_history = __webpack_require__(7489);
;// CONCATENATED MODULE: ./src/wiring/backup-archives.ts







/** The zip-backed archive reader the backup use-cases are handed. */
function backupArchiveReader() {
    return {
        readManifest: readArchiveManifest,
        readDirectory: zip_reader/* readZipDirectory */.x5,
        scan: zip_reader/* scanZip */.xn,
        readEntry: zip_reader/* readEntryContent */.Un,
    };
}
/** The backup, verify and restore ports: zip archives and the local target's release links. */
function backupStorage() {
    return {
        ...backupArchiveReader(),
        walkTree: walkTree,
        fileEntry: fileEntry,
        createWriter: (path, options) => ZipFileWriter.create(path, options),
        prepareWriter: startSmallFileWorkers,
        currentRelease: current_link/* readCurrentRelease */.ZD,
        releasePath: current_link/* releasePath */.bD,
        switchCurrent: (root, id) => {
            (0,current_link/* switchCurrent */.m1)(root, id);
        },
        recordActivation: release_history/* recordActivation */.M5,
    };
}


/***/ })

} };
})
