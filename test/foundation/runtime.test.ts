import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../src/runtime/clock.js';
import { httpRequest, HttpError, closeHttpAgents } from '../../src/runtime/http.js';
import { JsonFileSink, JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { Redactor } from '../../src/runtime/redact.js';
import { fileStamp, parseFileStamp } from '../../src/domain/time/file-stamp.js';

describe('VirtualClock', () => {
  test('wakes sleepers in deadline order and moves time only as far as needed', async () => {
    const clock = new VirtualClock(0);
    const woke: Array<[string, number]> = [];
    await Promise.all([
      clock.sleep(30_000).then(() => woke.push(['a', clock.now()])),
      clock.sleep(10_000).then(() => woke.push(['b', clock.now()])),
      (async () => {
        await clock.sleep(5_000);
        woke.push(['c1', clock.now()]);
        await clock.sleep(20_000);
        woke.push(['c2', clock.now()]);
      })(),
    ]);
    expect(woke).toEqual([
      ['c1', 5_000],
      ['b', 10_000],
      ['c2', 25_000],
      ['a', 30_000],
    ]);
  });

  test('an hour of 30-second sleeps takes no real time and ends exactly an hour later', async () => {
    const clock = new VirtualClock(1_000);
    for (let i = 0; i < 120; i++) await clock.sleep(30_000);
    expect(clock.now()).toBe(1_000 + 3_600_000);
  });

  test('abort rejects the sleeper and removes its timer', async () => {
    const clock = new VirtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    await clock.sleep(1_000);
    expect(clock.now()).toBe(1_000);
  });
});

describe('Redactor and logger', () => {
  test('masks known secrets, secret-named fields, and URL credentials', () => {
    const r = new Redactor();
    r.add('https://hooks.slack.com/services/T1/B2/abcdefSECRET');
    const out = r.value({
      message: 'sent to https://hooks.slack.com/services/T1/B2/abcdefSECRET ok',
      smtp_pass: 'hunter22',
      nested: { db: 'postgres://user:pw123456@host/db', list: ['/services/T1/B2/abcdefSECRET'] },
    });
    expect(out).toEqual({
      message: 'sent to *** ok',
      smtp_pass: '***',
      nested: { db: 'postgres://***@host/db', list: ['***'] },
    });
  });

  test('writes JSON lines with timestamp, level, message and fields, redacted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-log-'));
    const path = join(dir, 'dhash_production_20260101_000000.log');
    const clock = new VirtualClock(Date.UTC(2026, 10, 27, 12, 0, 0));
    const redactor = new Redactor();
    redactor.add('tok-1234567890');
    const memory = new MemorySink();
    const logger = new JsonLinesLogger(clock, [new JsonFileSink(path), memory], redactor).child({
      environment: 'production',
    });
    logger.info('Quality gate p95_hash_time: pass', { value: 812, token: 'tok-1234567890' });
    logger.critical('rolling back with tok-1234567890');
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        timestamp: '2026-11-27T12:00:00.000Z',
        level: 'INFO',
        message: 'Quality gate p95_hash_time: pass',
        environment: 'production',
        value: 812,
        token: '***',
      },
      {
        timestamp: '2026-11-27T12:00:00.000Z',
        level: 'CRITICAL',
        message: 'rolling back with ***',
        environment: 'production',
      },
    ]);
    expect(memory.records).toHaveLength(2);
  });

  test('file stamps are UTC YYYYMMDD_HHMMSS and round-trip', () => {
    const ms = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(fileStamp(ms)).toBe('20260102_030405');
    expect(parseFileStamp('20260102_030405')).toBe(ms);
    expect(parseFileStamp('2026-01-02')).toBeNull();
  });
});

describe('httpRequest', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/json') return res.end(JSON.stringify({ status: 'ok' }));
      if (req.url === '/big') {
        res.write(Buffer.alloc(64 * 1024, 97));
        return res.end(Buffer.alloc(64 * 1024, 97));
      }
      if (req.url === '/hang') return; // never answers
      res.statusCode = 404;
      res.end('nope');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await closeHttpAgents();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test('returns status, headers and body', async () => {
    const res = await httpRequest({ url: `${base}/json` });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const missing = await httpRequest({ url: `${base}/x` });
    expect(missing.status).toBe(404);
    expect(missing.text()).toBe('nope');
  });

  test('caps the body size', async () => {
    await expect(httpRequest({ url: `${base}/big`, maxBodyBytes: 1000 })).rejects.toMatchObject({
      kind: 'too_large',
    });
  });

  test('enforces the total timeout', async () => {
    const error = await httpRequest({ url: `${base}/hang`, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).kind).toBe('timeout');
  });

  test('reports a refused connection without leaking the path', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const error = (await httpRequest({ url: `http://127.0.0.1:${port}/services/SECRET` }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.kind).toBe('connect');
    expect(error.message).not.toContain('SECRET');
  });
});
