import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { CLI, ROOT, runAction, runNode } from '../helpers/run-bundle.js';

// The start-up cache of validated config files (src/config/config-cache.ts), through the built
// bundle as users run it: a later run of the same file reads the cache and prints exactly what a
// full validation printed; the cache holds no value of the file; anything else validates again.
const shipped = readFileSync(join(ROOT, 'quality-gates-config.json'), 'utf8');
const SECRET_URL = 'https://hooks.slack.com/services/T0SECRET/B0SECRET/literalSecretValue42';
const SECRET_PASSWORD = 'pa55-literal-in-url';

describe('start-up cache of validated config files (dist/)', () => {
  let work: string;
  let cache: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'dhash-config-cache-'));
    cache = join(work, 'cache');
    writeFileSync(join(work, 'quality-gates-config.json'), shipped);
  });
  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
  });

  const validate = (env: Record<string, string> = {}, args: string[] = []) =>
    runNode(CLI, ['validate', '--env', 'production', ...args], {
      cwd: work,
      env: { DHASH_CODE_CACHE_DIR: cache, ...env },
    });
  const entries = () => readdirSync(cache).filter((f) => f.startsWith('config-'));

  test('the first run writes one private entry; a later run reads it and prints the same', async () => {
    const first = await validate();
    expect(first.code).toBe(0);
    expect(entries()).toHaveLength(1);
    const [entry] = entries();
    expect(statSync(join(cache, entry)).mode & 0o777).toBe(0o600);
    const written = readFileSync(join(cache, entry), 'utf8');

    const second = await validate();
    expect(second).toEqual(first);
    expect(readFileSync(join(cache, entry), 'utf8')).toBe(written);

    // Proof that the second kind of run reads the entry: a default changed in it shows up.
    writeFileSync(join(cache, entry), written.replace('"/admin"', '"/from-the-cache"'));
    const third = await validate();
    expect(third.stdout).toContain('"admin_path": "/from-the-cache"');
  });

  test('a file starting with a byte-order mark is read back from the cache as it was validated', async () => {
    writeFileSync(join(work, 'quality-gates-config.json'), `\ufeff${shipped}`);
    const first = await validate();
    expect(first.code).toBe(0);
    expect(entries()).toHaveLength(1);
    const [entry] = entries();
    writeFileSync(
      join(cache, entry),
      readFileSync(join(cache, entry), 'utf8').replace('"/admin"', '"/cached"'),
    );
    const second = await validate();
    expect(second.stdout).toBe(first.stdout.replace('"admin_path": "/admin"', '"admin_path": "/cached"'));
  });

  test('the action entry shares the cache and gives the same result', async () => {
    const inputs = { command: 'validate', environment: 'production' };
    const env = { DHASH_CODE_CACHE_DIR: cache };
    const first = await runAction(inputs, { cwd: work, env });
    const second = await runAction(inputs, { cwd: work, env });
    expect(first.code).toBe(0);
    expect(second.outputs).toEqual(first.outputs);
    expect(entries()).toHaveLength(1);
  });

  test('no value written in the file reaches the cache (literal webhook URL, password in a URL)', async () => {
    const config = JSON.parse(shipped) as Record<string, any>;
    config.environments.production.notifications.channels.slack.webhook_url = SECRET_URL;
    config.environments.production.service.base_url = `http://ops:${SECRET_PASSWORD}@127.0.0.1:8080`;
    writeFileSync(join(work, 'quality-gates-config.json'), JSON.stringify(config, null, 2));
    const first = await validate();
    expect(first.code).toBe(0);
    expect(entries()).toHaveLength(1);
    for (const file of readdirSync(cache)) {
      const bytes = readFileSync(join(cache, file), 'latin1');
      expect(bytes).not.toContain('literalSecretValue42');
      expect(bytes).not.toContain(SECRET_PASSWORD);
    }
    expect(await validate()).toEqual(first);
  });

  test('an edited file is validated again; an invalid one is refused and leaves no entry', async () => {
    await validate();
    const edited = shipped.replace('"max_time_ms": 2000', '"max_time_ms": 2500');
    expect(edited).not.toBe(shipped);
    writeFileSync(join(work, 'quality-gates-config.json'), edited);
    const run = await validate();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"threshold": 2500');
    expect(entries()).toHaveLength(2);

    writeFileSync(
      join(work, 'quality-gates-config.json'),
      edited.replace('"max_time_ms": 2500', '"max_time_ms": -1'),
    );
    const refused = await validate();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('max_time_ms');
    expect(entries()).toHaveLength(2);
  });

  test('a damaged entry is ignored and rewritten; DHASH_CODE_CACHE=off writes none', async () => {
    const first = await validate();
    const [entry] = entries();
    writeFileSync(join(cache, entry), '["object", [["oops"');
    expect(await validate()).toEqual(first);
    expect(readFileSync(join(cache, entry), 'utf8')).toMatch(/^\["object"/);

    rmSync(cache, { recursive: true, force: true });
    expect(await validate({ DHASH_CODE_CACHE: 'off' })).toEqual(first);
    expect(() => readdirSync(cache)).toThrow();
  });

  test('the cache keeps at most 64 entries (the oldest go first)', async () => {
    await validate();
    const [entry] = entries();
    const old = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < 70; i++) {
      const name = entry.replace(/-[0-9a-f]{16}-/, `-${i.toString(16).padStart(16, '0')}-`);
      writeFileSync(join(cache, name), '["file"]');
      utimesSync(join(cache, name), old, old);
    }
    writeFileSync(join(work, 'quality-gates-config.json'), shipped.replace('2000', '2001'));
    expect((await validate()).code).toBe(0);
    expect(entries()).toHaveLength(64);
    expect(entries().some((f) => readFileSync(join(cache, f), 'utf8') !== '["file"]')).toBe(true);
  });
});
