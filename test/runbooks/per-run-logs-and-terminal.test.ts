import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supervisor } from '../../src/adapters/targets/supervisor.js';
import { runCli } from '../../src/cli/program.js';
import { RealClock } from '../../src/runtime/clock.js';
import { nullLogger } from '../../src/runtime/logger.js';
import { captureIo } from '../helpers/cli-io.js';
import { freePort } from '../helpers/net.js';
import { writeConfig } from '../helpers/reference-releases.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'dhash-runlogs-'));

describe('logs per run', () => {
  test('each start of the service has its own log files; a crash quotes only its own run, once', async () => {
    const dir = scratch();
    const supervisor = new Supervisor({
      runDir: join(dir, 'run'),
      stopTimeoutMs: 1000,
      clock: new RealClock(),
      logger: nullLogger,
      pollMs: 20,
    });
    try {
      const crash = (tag: string): string => {
        writeFileSync(
          join(dir, `${tag}.js`),
          `for (let i = 1; i <= 4; i++) console.error('${tag} line ' + i); process.exit(3);`,
        );
        return `node ${tag}.js`;
      };
      const first = supervisor.start({
        command: crash('first'),
        cwd: dir,
        env: process.env,
        release: '1.0.0',
      });
      await waitFor(() => supervisor.status().crashed);
      const second = supervisor.start({
        command: crash('second'),
        cwd: dir,
        env: process.env,
        release: '2.0.0',
      });
      await waitFor(() => supervisor.status().crashed && supervisor.lastErrorLines(10).length === 4);
      expect(second.stderr_log).not.toBe(first.stderr_log);
      expect(second.stderr_log).toMatch(/run\/dhash_2\.0\.0_\d{8}_\d{6}_[0-9a-f]{6}\.err\.log$/);
      const detail = supervisor.status().detail;
      expect(detail.match(/second line \d/g)).toEqual([
        'second line 1',
        'second line 2',
        'second line 3',
        'second line 4',
      ]);
      expect(detail).not.toContain('first line');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two migrate runs in the same second write two log files', async () => {
    const cwd = scratch();
    try {
      writeConfig(cwd, {
        service: { base_url: 'http://127.0.0.1:9' },
        target: { type: 'local', root: join(cwd, 't') },
      });
      mkdirSync(join(cwd, 'm'));
      writeFileSync(join(cwd, 'm', '001_a.up.sql'), 'CREATE TABLE a (id int);');
      const run = () =>
        runCli(['migrate', '--migrations-dir', 'm', '--dry-run'], captureIo(cwd, { env: {} }));
      expect(await Promise.all([run(), run()])).toEqual([0, 0]);
      const logs = readdirSync(join(cwd, 'monitor_logs'));
      expect(logs).toHaveLength(2);
      for (const name of logs) expect(name).toMatch(/^migrate_staging_\d{8}_\d{6}_[0-9a-f]{6}\.log$/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

/** stderr that says it is a terminal, as a pseudo-terminal would. */
function terminalIo(cwd: string) {
  const io = captureIo(cwd, { env: {}, stderrTerminal: true });
  return { io, err: io.err, out: io.out };
}

describe('deploy and migrate on a terminal', () => {
  test('migrate: one line per step, no JSON; without a terminal the log lines as before', async () => {
    const cwd = scratch();
    try {
      writeConfig(cwd, {
        service: { base_url: 'http://127.0.0.1:9' },
        target: { type: 'local', root: join(cwd, 't') },
      });
      mkdirSync(join(cwd, 'm'));
      writeFileSync(join(cwd, 'm', '001_a.up.sql'), 'CREATE TABLE a (id int);');
      writeFileSync(join(cwd, 'm', '002_b.up.sql'), 'CREATE TABLE b (id int);');
      const tty = terminalIo(cwd);
      expect(await runCli(['migrate', '--migrations-dir', 'm'], tty.io)).toBe(0);
      const lines = tty
        .err()
        // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is checked
        .replace(/\r\x1b\[2K/g, '\n')
        .split('\n')
        .filter(Boolean);
      expect(
        lines.filter((l) => / ✔ migrate /.test(l)).map((l) => l.replace(/^\d\d:\d\d:\d\d /, '')),
      ).toEqual([
        expect.stringMatching(
          /^✔ migrate plan: 2 step\(s\) up on embedded SQLite database .*, version 0 → 2$/,
        ),
        expect.stringMatching(/^✔ migrate 001_a up: applied$/),
        expect.stringMatching(/^✔ migrate 002_b up: applied$/),
      ]);
      expect(tty.err()).toMatch(
        /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] applying 2 migration\(s\) on embedded SQLite database .* · \d+\.\d s/,
      );
      expect(tty.err()).not.toContain('{"');
      expect(tty.out()).toMatch(/Migrations done/);

      const plain = captureIo(cwd, { env: {} });
      expect(await runCli(['migrate', '--migrations-dir', 'm', '--dry-run'], plain)).toBe(0);
      expect(plain.err()).toMatch(
        /^\d{4}-\d\d-\d\dT\S+Z INFO {5}migration plan: 0 step\(s\) up, version 2 → 2 \{"database"/m,
      );
      expect(plain.err()).not.toContain('\x1b[2K');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  test('deploy: a release that crashes at start shows step lines, waits with a spinner, quotes its stderr once', async () => {
    const cwd = scratch();
    try {
      writeConfig(cwd, {
        service: { base_url: `http://127.0.0.1:${await freePort()}` },
        target: {
          type: 'local',
          root: join(cwd, 't'),
          start_command: 'node server.js',
          health_timeout_seconds: 20,
          stop_timeout_seconds: 2,
        },
      });
      const r = join(cwd, 'r');
      mkdirSync(join(r, 'migrations'), { recursive: true });
      writeFileSync(join(r, 'release.json'), JSON.stringify({ version: '1.0.0' }));
      // Slow enough to crash after the first health attempts, so the spinner is seen waiting.
      writeFileSync(
        join(r, 'server.js'),
        "setTimeout(() => { for (let i = 1; i <= 3; i++) console.error('crash line ' + i); process.exit(1); }, 600);\n",
      );
      const tty = terminalIo(cwd);
      expect(await runCli(['deploy', '--release', 'r'], tty.io)).toBe(1);
      const err = tty.err();
      expect(err).toMatch(/✔ deploy stage: staged in/);
      expect(err).toMatch(/✔ deploy activate: release 1\.0\.0 is live \(was none\)/);
      expect(err).toMatch(
        /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] waiting up to 20 s for http:\/\/127\.0\.0\.1:\d+\/health · \d+\.\d s · attempt \d+: /,
      );
      expect(err).toMatch(/✘ deploy health: the service did not become healthy: the service crashed: .* …/);
      expect(err).not.toContain('{"');
      const everything = `${err}\n${tty.out()}`;
      expect(everything.match(/crash line 1/g)).toHaveLength(1);
      expect(tty.out()).toMatch(/ {2}\| crash line 1\n {2}\| crash line 2\n {2}\| crash line 3/);

      // Without a terminal (CI): the log's lines, and still the crash quoted once, from this run only.
      const plain = captureIo(cwd, { env: {} });
      expect(await runCli(['deploy', '--release', 'r'], plain)).toBe(1);
      const printed = `${plain.err()}\n${plain.out()}`;
      expect(printed.match(/crash line 1/g)).toHaveLength(1);
      expect(plain.err()).toMatch(/ERROR +step health failed: the service did not become healthy/);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

async function waitFor(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !predicate(); i++) await new Promise((r) => setTimeout(r, 20));
}
