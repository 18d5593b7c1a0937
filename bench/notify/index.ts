// `npm run bench -- notify`: one message to five channels — Slack, Teams, Discord and a generic
// webhook on loopback HTTP servers plus e-mail through a real smtp-server — where the generic
// webhook hangs. Reports when the other four were delivered, when the call ended against the
// configured deadline, and that the hung channel is in the fallback; beside a baseline measured in
// the same run: one plain POST round-trip to the same kind of server.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createNotifier } from '../../src/adapters/notify/factory.js';
import { FallbackStore } from '../../src/adapters/notify/fallback-store.js';
import { loadConfig } from '../../src/config/load.js';
import type { NotificationMessage } from '../../src/ports.js';
import { RealClock } from '../../src/runtime/clock.js';
import { closeHttpAgents, httpRequest } from '../../src/runtime/http.js';
import { JsonLinesLogger } from '../../src/runtime/logger.js';

const DEADLINE_S = 2;
const ATTEMPT_TIMEOUT_S = 0.75;
const RUNS = 3;

async function listenHttp(status: number, body: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook/secret-path-abcdef`,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => {
          r();
        });
      }),
  };
}

async function listenHanging(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook/hang-secret-abcdef`,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          r();
        });
      }),
  };
}

async function listenSmtp(): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => {
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () =>
      new Promise((r) => {
        server.close(() => {
          r();
        });
      }),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const slack = await listenHttp(200, 'ok');
  const teams = await listenHttp(202, '');
  const discord = await listenHttp(200, '{"id":"1"}');
  const hang = await listenHanging();
  const smtp = await listenSmtp();
  const dir = mkdtempSync(join(tmpdir(), 'dhash-bench-notify-'));
  try {
    const config = JSON.parse(readFileSync(join(process.cwd(), 'quality-gates-config.json'), 'utf8'));
    delete config.$schema;
    config.environments.production.notifications = {
      ...config.environments.production.notifications,
      channels: Object.fromEntries(
        ['slack', 'teams', 'discord', 'email', 'webhook'].map((c) => [c, { enabled: true }]),
      ),
      escalation: { escalation_levels: [] },
      deadline_seconds: DEADLINE_S,
      attempt_timeout_seconds: ATTEMPT_TIMEOUT_S,
      max_attempts: 4,
      allow_insecure_loopback: true,
    };
    writeFileSync(join(dir, 'quality-gates-config.json'), JSON.stringify(config));
    const loaded = loadConfig({
      configPath: join(dir, 'quality-gates-config.json'),
      envName: 'production',
      cwd: dir,
      environment: {
        SLACK_WEBHOOK_URL: slack.url,
        TEAMS_WEBHOOK_URL: teams.url,
        DISCORD_WEBHOOK_URL: discord.url,
        GENERIC_WEBHOOK_URL: hang.url,
        EMAIL_FROM: 'dhash@example.test',
        EMAIL_TO: 'oncall@example.test',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
      },
    });

    // Baseline: one plain POST round-trip to a loopback server, warm connection, median of 50.
    const rtts: number[] = [];
    for (let i = 0; i < 51; i++) {
      const t0 = performance.now();
      await httpRequest({
        url: slack.url,
        method: 'POST',
        body: '{"text":"x"}',
        headers: { 'content-type': 'application/json' },
      });
      if (i > 0) rtts.push(performance.now() - t0);
    }
    console.log(`baseline: plain POST round-trip to loopback (median of 50)      ${fmt(median(rtts))}`);
    // The channels open fresh connections, so also a POST on a new connection, and one SMTP send.
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      await closeHttpAgents();
      const t0 = performance.now();
      await httpRequest({
        url: teams.url,
        method: 'POST',
        body: '{"text":"x"}',
        headers: { 'content-type': 'application/json' },
      });
      cold.push(performance.now() - t0);
    }
    console.log(`baseline: POST on a new connection (median of 5)                ${fmt(median(cold))}`);
    const mails: number[] = [];
    for (let i = 0; i < 5; i++) {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false });
      const t0 = performance.now();
      await transport.sendMail({ from: 'a@example.test', to: 'b@example.test', subject: 'x', text: 'x' });
      mails.push(performance.now() - t0);
      transport.close();
    }
    console.log(`baseline: one plain nodemailer send to smtp-server (median of 5) ${fmt(median(mails))}`);

    const clock = new RealClock();
    const message: NotificationMessage = {
      event: 'monitoring_alert',
      level: 'critical',
      title: 'bench',
      text: 'five channels, one hangs',
      environment: 'production',
      deploymentId: 'bench-1',
    };
    console.log(
      `config: deadline_seconds=${DEADLINE_S}, attempt_timeout_seconds=${ATTEMPT_TIMEOUT_S}, max_attempts=4; webhook channel hangs`,
    );
    const fourDelivered: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const logDir = join(dir, `run${run}`);
      const notifier = createNotifier(loaded, {
        clock,
        logger: new JsonLinesLogger(clock, [], loaded.redactor),
        logDir,
      });
      const t0 = performance.now();
      const report = await notifier.send({ ...message, dedupKey: `bench-1:run${run}` });
      const total = performance.now() - t0;
      const delivered = report.deliveries.filter((d) => d.delivered);
      const others = Math.max(...delivered.map((d) => d.elapsedMs ?? NaN));
      fourDelivered.push(others);
      const hung = report.deliveries.find((d) => d.channel === 'webhook')!;
      const inFallback = new FallbackStore(logDir).entries().entries.filter((e) => e.channel === 'webhook');
      console.log(
        `run ${run}: ${delivered.map((d) => `${d.channel} ${d.elapsedMs} ms`).join(', ')}; all four by ${fmt(others)} (goal < 1000 ms)` +
          ` | whole call ${fmt(total)} vs deadline ${DEADLINE_S * 1000} ms (${total <= DEADLINE_S * 1000 + 100 ? 'within' : 'OVER'})` +
          ` | webhook: ${hung.attempts} attempts, ${hung.delivered ? 'DELIVERED?!' : 'not delivered'}, fallback lines ${inFallback.length} (${inFallback.length === 1 ? 'ok' : 'MISSING'})`,
      );
    }
    console.log(
      `summary: four channels delivered in ${fmt(median(fourDelivered))} (median of ${RUNS}) vs ${fmt(median(mails))} for the slowest channel's plain send alone` +
        ` (${(median(fourDelivered) / median(mails)).toFixed(2)}×): concurrency costs little and the hung channel costs nothing`,
    );
  } finally {
    await closeHttpAgents();
    await Promise.all([slack.close(), teams.close(), discord.close(), hang.close(), smtp.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
