import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFromFlags } from '../../src/cli/common-options.js';
import { httpRequest, setUserAgent } from '../../src/runtime/http.js';
import { captureIo } from '../helpers/cli-io.js';

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
    loadFromFlags({ env: 'staging' }, captureIo(dir, { env: { PATH: process.env.PATH } }));

    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers['user-agent']));
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      await httpRequest({ url: `http://127.0.0.1:${port}/health` });
      await httpRequest({ url: `http://127.0.0.1:${port}/x`, headers: { 'user-agent': 'explicit' } });
    } finally {
      server.close();
    }
    expect(seen).toEqual(['acme-rollout-guard/7', 'explicit']);
  });
});
