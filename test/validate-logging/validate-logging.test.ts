import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { LineChecker } from '../../src/domain/log-validation/line-checker.js';
import { logRecordProblems, fallbackEntryProblems } from '../../src/domain/log-validation/log-record.js';
import { classifyLogName, selectLogs } from '../../src/domain/log-validation/selection.js';
import { loggingVerdict } from '../../src/domain/log-validation/findings.js';
import { captureIo } from '../helpers/cli-io.js';

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    timestamp: '2026-01-02T03:04:05.678Z',
    level: 'INFO',
    message: 'Quality gate p95_hash_time: pass',
    ...over,
  });
const fallbackLine = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'abc-1',
    recorded_at: '2026-01-02T03:04:05.000Z',
    channel: 'slack',
    target: 'https://hooks.slack.com',
    dedup_key: 'd:e',
    event: 'rollback_start',
    level: 'critical',
    environment: 'production',
    deployment_id: 'd',
    attempts: 4,
    last_error: 'HTTP 503',
    payload: { text: 'rolling back' },
    ...over,
  });

interface Fixture {
  cwd: string;
  dir: string;
}

/** A workspace whose monitor_logs/ holds one good file of each kind and a good fallback. */
function goodFixture(): Fixture {
  const cwd = mkdtempSync(join(tmpdir(), 'dhash-vlog-'));
  const dir = join(cwd, 'monitor_logs');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'dhash_production_20260102_030405.log'),
    `${line()}\n${line({ level: 'WARN', gate: 'memory_usage', value: 86 })}\n`,
  );
  writeFileSync(
    join(dir, 'deploy_production_20260102_020000.log'),
    `${line({ message: 'Deploy started' })}\n`,
  );
  writeFileSync(
    join(dir, 'smoke_tests_production_20260102_020100.log'),
    `${line({ message: 'Smoke tests passed' })}\n`,
  );
  writeFileSync(
    join(dir, 'notification_fallback.jsonl'),
    `${fallbackLine()}\n${fallbackLine({ id: 'abc-2', channel: 'email' })}\n`,
  );
  return { cwd, dir };
}

async function validateLogging(cwd: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const io = captureIo(cwd, { env });
  const code = await runCli(['validate-logging', '--env', 'production', ...flags], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

async function report(cwd: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const ran = await validateLogging(cwd, ['--json', ...flags], env);
  expect(ran.stderr).toBe('');
  return { code: ran.code, report: JSON.parse(ran.stdout) };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('log line contract (pure)', () => {
  test('timestamp, level and message are required and typed', () => {
    expect(logRecordProblems(line())).toEqual([]);
    expect(logRecordProblems(line({ level: 'NOTICE' }))).toEqual([
      '"level" "NOTICE" is not one of DEBUG, INFO, WARN, ERROR, CRITICAL',
    ]);
    expect(logRecordProblems(line({ timestamp: 'yesterday' }))).toEqual([
      '"timestamp" "yesterday" is not an ISO-8601 time',
    ]);
    expect(logRecordProblems(line({ timestamp: '2026-13-45T99:00:00Z' }))[0]).toContain(
      'is not an ISO-8601 time',
    );
    expect(logRecordProblems('{"level":"INFO"}')).toEqual(['no "timestamp"', 'no "message"']);
    expect(logRecordProblems(line({ message: 42 }))).toEqual(['"message" is not a string']);
    expect(logRecordProblems('[1,2]')).toEqual(['a JSON value but not an object']);
    expect(logRecordProblems('{"timestamp":')[0]).toMatch(/^not valid JSON/);
  });

  test('fallback lines must be replayable', () => {
    expect(fallbackEntryProblems(fallbackLine())).toEqual({ errors: [], warnings: [] });
    expect(fallbackEntryProblems(fallbackLine({ payload: 'x', id: undefined })).errors).toEqual([
      'no string "id" (cannot be replayed)',
      'no "payload" object (cannot be replayed)',
    ]);
    expect(fallbackEntryProblems(fallbackLine({ recorded_at: undefined })).warnings).toEqual([
      'no ISO-8601 "recorded_at"',
    ]);
  });

  test('a torn last line is an error; a valid last line without newline only warns; the listing is capped', () => {
    const torn = new LineChecker('f', 'log');
    torn.addLine(line());
    torn.addLine('{"timestamp":"2026-01-02T03:04');
    const tornSummary = torn.finish(false);
    expect(tornSummary).toMatchObject({ lines: 2, validLines: 1, invalidLines: 1 });
    expect(tornSummary.findings[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(tornSummary.findings[0].message).toMatch(/^torn last line \(incomplete write\): not valid JSON/);

    const unterminated = new LineChecker('f', 'log');
    unterminated.addLine(line());
    expect(unterminated.finish(false).findings).toEqual([
      {
        severity: 'warning',
        check: 'json_lines',
        file: 'f',
        line: 1,
        message: 'last line has no trailing newline (a write may be in progress)',
      },
    ]);

    const many = new LineChecker('f', 'log');
    for (let i = 0; i < 50; i++) many.addLine('garbage');
    const manySummary = many.finish(true);
    expect(manySummary.invalidLines).toBe(50);
    expect(manySummary.findings.filter((f) => f.severity === 'error')).toHaveLength(20);
    expect(manySummary.findings.at(-1)!.message).toBe('30 more invalid lines not listed');
  });

  test('file names: kind, environment (underscores allowed) and stamp; newest by stamp', () => {
    expect(classifyLogName('dhash_my_env_20260102_030405.log')).toEqual({
      kind: 'monitor',
      environment: 'my_env',
      stamp: '20260102_030405',
    });
    expect(classifyLogName('smoke_tests_staging_20260102_030405.log')).toEqual({
      kind: 'smoke',
      environment: 'staging',
      stamp: '20260102_030405',
    });
    expect(classifyLogName('dhash_production.log')).toEqual({
      kind: 'monitor',
      environment: null,
      stamp: null,
    });
    expect(classifyLogName('notification_fallback.jsonl')).toBeNull();
    const s = selectLogs(
      [
        { name: 'dhash_production_20260101_000000.log', bytes: 1, mtimeMs: 3 },
        { name: 'dhash_production_20260102_000000.log', bytes: 1, mtimeMs: 1 },
        { name: 'dhash_staging_20260103_000000.log', bytes: 1, mtimeMs: 2 },
      ],
      'production',
      1,
    );
    expect(s.newest.monitor.map((e) => e.name)).toEqual(['dhash_production_20260102_000000.log']);
    expect(s.allLogs).toHaveLength(3);
  });

  test('warnings pass unless strict', () => {
    expect(loggingVerdict({ errors: 0, warnings: 2 }, false)).toEqual({ status: 'warnings', ok: true });
    expect(loggingVerdict({ errors: 0, warnings: 2 }, true)).toEqual({ status: 'warnings', ok: false });
    expect(loggingVerdict({ errors: 1, warnings: 0 }, false)).toEqual({ status: 'errors', ok: false });
  });
});

describe('dhash-rollout validate-logging over fixture directories', () => {
  test('a good directory: exit 0, every file read, the probe file removed, fallback bytes unchanged', async () => {
    const { cwd, dir } = goodFixture();
    const fallback = join(dir, 'notification_fallback.jsonl');
    const before = { sha: sha(fallback), mtime: statSync(fallback).mtimeMs, names: readdirSync(dir).sort() };
    const { code, report: r } = await report(cwd);
    expect(code).toBe(0);
    expect(r).toMatchObject({
      ok: true,
      status: 'ok',
      environment: 'production',
      log_dir: dir,
      counts: { errors: 0, warnings: 0 },
    });
    expect(r.directory).toEqual({
      exists: true,
      writable: true,
      detail: 'writable (a temp file was created, synced and removed)',
    });
    expect(
      r.files.map((f: { kind: string; lines: number; invalid_lines: number }) => [
        f.kind,
        f.lines,
        f.invalid_lines,
      ]),
    ).toEqual([
      ['monitor', 2, 0],
      ['deploy', 1, 0],
      ['smoke', 1, 0],
      ['fallback', 2, 0],
    ]);
    expect(sha(fallback)).toBe(before.sha);
    expect(statSync(fallback).mtimeMs).toBe(before.mtime);
    expect(readdirSync(dir).sort()).toEqual(before.names);
  });

  test('the readable summary lists files and the verdict', async () => {
    const { cwd } = goodFixture();
    const ran = await validateLogging(cwd);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Logging validation for "production" in');
    expect(ran.stdout).toMatch(/monitor\s+dhash_production_20260102_030405\.log {2}2 lines, ok/);
    expect(ran.stdout).toContain('OK: 0 errors, 0 warnings');
  });

  test('a torn line in the newest monitor log is an error naming file and line (exit 1)', async () => {
    const { cwd, dir } = goodFixture();
    writeFileSync(
      join(dir, 'dhash_production_20260103_000000.log'),
      `${line()}\n{"timestamp":"2026-01-03T00:00:00.000Z","lev\n${line()}\n`,
    );
    const { code, report: r } = await report(cwd);
    expect(code).toBe(1);
    expect(r.status).toBe('errors');
    expect(r.files[0]).toMatchObject({
      name: 'dhash_production_20260103_000000.log',
      lines: 3,
      invalid_lines: 1,
    });
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        check: 'json_lines',
        file: 'dhash_production_20260103_000000.log',
        line: 2,
      }),
    );
    // The older monitor log is not the newest, so it was not read.
    expect(r.files.map((f: { name: string }) => f.name)).not.toContain(
      'dhash_production_20260102_030405.log',
    );
  });

  test('a bad level is an error', async () => {
    const { cwd, dir } = goodFixture();
    writeFileSync(join(dir, 'deploy_production_20260103_000000.log'), `${line({ level: 'info' })}\n`);
    const ran = await validateLogging(cwd);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      'ERROR [json_lines] deploy_production_20260103_000000.log:1: "level" "info" is not one of DEBUG, INFO, WARN, ERROR, CRITICAL',
    );
    expect(ran.stdout).toContain('FAILED: 1 error, 0 warnings');
  });

  test('an oversize file is a warning: exit 0, exit 1 with --strict', async () => {
    const { cwd, dir } = goodFixture();
    const big = join(dir, 'dhash_staging_20260101_000000.log');
    writeFileSync(big, `${line()}\n`.repeat(3000)); // ~330 KB, another environment: size is still checked
    const lenient = await report(cwd, ['--max-size-mb', '0.25']);
    expect(lenient.code).toBe(0);
    expect(lenient.report.status).toBe('warnings');
    expect(lenient.report.oversized).toEqual([
      { name: 'dhash_staging_20260101_000000.log', bytes: statSync(big).size },
    ]);
    expect(lenient.report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        check: 'size',
        file: 'dhash_staging_20260101_000000.log',
      }),
    );
    const strict = await report(cwd, ['--max-size-mb', '0.25', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.report).toMatchObject({ ok: false, strict: true, status: 'warnings' });
    expect((await validateLogging(cwd, ['--max-size-mb', '0.25', '--strict'])).stdout).toContain(
      '(warnings fail in --strict mode)',
    );
  });

  test('a broken fallback file is an error, and its bytes are left exactly as they were', async () => {
    const { cwd, dir } = goodFixture();
    const fallback = join(dir, 'notification_fallback.jsonl');
    writeFileSync(
      fallback,
      `${fallbackLine()}\nnot json at all\n${fallbackLine({ channel: undefined })}\n{"id":"x","chan`,
    );
    const past = new Date('2026-01-01T00:00:00Z');
    utimesSync(fallback, past, past);
    const before = sha(fallback);
    const { code, report: r } = await report(cwd);
    expect(code).toBe(1);
    const fallbackFindings = r.findings.filter((f: { check: string }) => f.check === 'fallback');
    expect(fallbackFindings.map((f: { line: number }) => f.line)).toEqual([2, 3, 4]);
    expect(fallbackFindings[1].message).toBe('no string "channel" (cannot be replayed)');
    expect(fallbackFindings[2].message).toMatch(/^torn last line/);
    expect(r.files.find((f: { kind: string }) => f.kind === 'fallback')).toMatchObject({
      lines: 4,
      valid_lines: 1,
      invalid_lines: 3,
    });
    expect(sha(fallback)).toBe(before);
    expect(statSync(fallback).mtimeMs).toBe(past.getTime());
  });

  test('an unredacted secret in a log is an error that does not quote the secret', async () => {
    const { cwd, dir } = goodFixture();
    const secret = 'https://hooks.slack.com/services/T000/B000/VerySecretToken123';
    writeFileSync(
      join(dir, 'dhash_production_20260104_000000.log'),
      `${line({ message: `posting to ${secret}` })}\n${line({ url: 'postgres://dhash:hunter22@db/dhash' })}\n`,
    );
    const { code, report: r } = await report(cwd, [], { SLACK_WEBHOOK_URL: secret });
    expect(code).toBe(1);
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        check: 'secrets',
        file: 'dhash_production_20260104_000000.log',
      }),
    );
    expect(r.findings.find((f: { check: string }) => f.check === 'secrets').message).toContain(
      '2 lines contain an unredacted secret',
    );
    expect(JSON.stringify(r)).not.toContain('VerySecretToken123');
    expect(JSON.stringify(r)).not.toContain('hunter22');
  });

  test('a missing directory warns (the first command creates it); a file in its place is an error', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dhash-vlog-'));
    const missing = await report(cwd);
    expect(missing.code).toBe(0);
    expect(missing.report.directory).toMatchObject({ exists: false, writable: null });
    expect(missing.report.findings[0]).toMatchObject({ severity: 'warning', check: 'directory' });
    expect(readdirSync(cwd)).toEqual([]);
    expect((await report(cwd, ['--strict'])).code).toBe(1);

    writeFileSync(join(cwd, 'logs-file'), 'x');
    const notDir = await report(cwd, ['--log-dir', 'logs-file']);
    expect(notDir.code).toBe(1);
    expect(notDir.report.findings[0]).toMatchObject({
      severity: 'error',
      check: 'directory',
      message: `${join(cwd, 'logs-file')} exists but is not a directory`,
    });
  });

  test('an empty directory warns that there are no logs for the environment', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dhash-vlog-'));
    mkdirSync(join(cwd, 'monitor_logs'));
    const { code, report: r } = await report(cwd);
    expect(code).toBe(0);
    expect(r.findings).toContainEqual({
      severity: 'warning',
      check: 'selection',
      message: `no logs at all for "production" in ${join(cwd, 'monitor_logs')}`,
    });
  });

  test('--report writes the same JSON to a file, and refuses to overwrite the fallback file', async () => {
    const { cwd, dir } = goodFixture();
    const ran = await validateLogging(cwd, ['--report', 'out/report.json']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(`Report: ${join(cwd, 'out', 'report.json')}`);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'report.json'), 'utf8'))).toMatchObject({
      ok: true,
      environment: 'production',
    });

    const fallback = join(dir, 'notification_fallback.jsonl');
    const before = sha(fallback);
    const refused = await validateLogging(cwd, ['--report', 'monitor_logs/notification_fallback.jsonl']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is one of the files being validated');
    expect(sha(fallback)).toBe(before);
  });

  test.each([
    [['--max-size-mb', 'big'], 'max-size-mb: expected a number'],
    [['--newest', '0'], 'newest: expected an integer of at least 1'],
    [['--env', 'qa'], 'environment: unknown environment "qa"'],
    [['--frobnicate'], "unknown option '--frobnicate'"],
  ])('bad flags %j exit 2', async (flags, message) => {
    const { cwd } = goodFixture();
    const ran = await validateLogging(cwd, flags);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });
});
