import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFromFlags } from '../../src/cli/common-options.js';
import { consoleLevel } from '../../src/cli/io.js';
import { httpRequest, setUserAgent } from '../../src/runtime/http.js';
import { captureIo } from '../helpers/cli-io.js';
import { reply, startWebhook } from '../helpers/loopback.js';

// global_settings.user_agent is honoured: the front end that loads the config sets it, and every
// request of the one HTTP client carries it (a real loopback server reads the header).
describe('global_settings.user_agent', () => {
  afterEach(() => {
    setUserAgent('dhash-rollout');
  });

  test('a loaded config sets the User-Agent of every request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-ua-'));
    const shipped = JSON.parse(readFileSync('quality-gates-config.json', 'utf8')) as Record<string, any>;
    shipped.global_settings = { ...(shipped.global_settings ?? {}), user_agent: 'acme-rollout-guard/7' };
    writeFileSync(join(dir, 'quality-gates-config.json'), JSON.stringify(shipped));
    shipped.global_settings.log_level = 'ERROR';
    writeFileSync(join(dir, 'quality-gates-config.json'), JSON.stringify(shipped));
    const io = captureIo(dir, { env: { PATH: process.env.PATH } });
    loadFromFlags({ env: 'staging' }, io);
    expect(io.logLevel).toBe('ERROR');

    const server = await startWebhook('', [reply.text(200, 'ok')]);
    try {
      await httpRequest({ url: `${server.url}/health` });
      await httpRequest({ url: `${server.url}/x`, headers: { 'user-agent': 'explicit' } });
    } finally {
      await server.close();
    }
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual(['acme-rollout-guard/7', 'explicit']);
  });
});

describe('global_settings.log_level', () => {
  test('the console shows what the config asks for; --verbose shows everything', () => {
    const io = captureIo(tmpdir());
    expect(consoleLevel(io, false, 'WARN')).toBe('WARN');
    io.logLevel = 'INFO';
    expect(consoleLevel(io, false, 'WARN')).toBe('WARN');
    io.logLevel = 'ERROR';
    expect(consoleLevel(io, false, 'INFO')).toBe('ERROR');
    io.logLevel = 'DEBUG';
    expect(consoleLevel(io, false, 'WARN')).toBe('DEBUG');
    io.logLevel = 'CRITICAL';
    expect(consoleLevel(io, true, 'WARN')).toBe('DEBUG');
  });
});
