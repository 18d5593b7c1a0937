import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { checkNotificationChannels, createNotifier } from '../../src/adapters/notify/factory.js';
import { FallbackStore } from '../../src/adapters/notify/fallback-store.js';
import { messageIdFor } from '../../src/domain/channels/email.js';
import type { NotificationMessage } from '../../src/ports.js';
import { ConfigError } from '../../src/runtime/errors.js';
import { JsonLinesLogger, MemorySink } from '../../src/runtime/logger.js';
import { RecordingClock } from './helpers/clock.js';
import { workspace } from './helpers/config.js';

// A real SMTP server (the smtp-server package) answering each RCPT TO with the code a test
// scripts: 250 accepts, 451 is "try again later", 550 "no such mailbox".
const PASSWORD = 'smtp-PaSsWoRd-9876';
const message: NotificationMessage = {
  event: 'rollback_failure',
  level: 'critical',
  title: 'Rollback failed <on> production',
  text: 'Restore of backup did not validate.',
  environment: 'production',
  deploymentId: 'prod-7',
  links: { run: 'https://github.com/mobius/dhash/actions/runs/1' },
};

interface Received {
  from: string;
  to: string[];
  data: string;
}

async function smtp(rcptCodes: number[], options: { dataCode?: number; password?: string } = {}) {
  const received: Received[] = [];
  let rcpt = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.password !== undefined && auth.password !== options.password) {
        callback(new Error('Invalid username or password'));
        return;
      }
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      const code = rcptCodes[Math.min(rcpt++, rcptCodes.length - 1)];
      if (code === 250) {
        callback();
        return;
      }
      callback(
        Object.assign(new Error(code === 451 ? 'Greylisted, try again later' : 'No such mailbox'), {
          responseCode: code,
        }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.dataCode) {
          callback(Object.assign(new Error('Local error in processing'), { responseCode: options.dataCode }));
          return;
        }
        received.push({
          from: String(session.envelope.mailFrom && session.envelope.mailFrom.address),
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    rcptCount: () => rcpt,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

function setup(port: number, extra: Record<string, string> = {}) {
  const ws = workspace({ channels: ['email'], max_attempts: 3 });
  const config = ws.load({
    EMAIL_FROM: 'dhash@example.test',
    EMAIL_TO: 'oncall@example.test',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    ...extra,
  });
  const clock = new RecordingClock();
  const sink = new MemorySink();
  const logDir = join(ws.dir, 'monitor_logs');
  const notifier = createNotifier(config, {
    clock,
    logger: new JsonLinesLogger(clock, [sink], config.redactor),
    logDir,
    random: () => 0.5,
  });
  const store = new FallbackStore(logDir);
  return {
    clock,
    sink,
    notifier,
    store,
    everything: () =>
      JSON.stringify(sink.records) + (existsSync(store.path) ? readFileSync(store.path, 'utf8') : ''),
  };
}

describe('e-mail through SMTP', () => {
  it('250: delivers text and HTML with a Message-ID derived from the dedup key', async () => {
    const server = await smtp([250]);
    closers.push(server.close);
    const t = setup(server.port);
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({
      channel: 'email',
      delivered: true,
      attempts: 1,
      target: `smtp://127.0.0.1:${server.port}`,
    });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0];
    expect(mail.to).toEqual(['oncall@example.test']);
    expect(mail.data).toMatch(/^Subject: \[dhash production\] \[CRITICAL\] Rollback failed <on> production/m);
    expect(mail.data).toContain(`Message-ID: ${messageIdFor('prod-7:rollback_failure')}`);
    expect(mail.data).toContain('X-Dhash-Dedup-Key: prod-7:rollback_failure');
    expect(mail.data).toContain('Content-Type: text/plain');
    expect(mail.data).toContain('Content-Type: text/html');
    expect(mail.data).toContain('&lt;on&gt; production</h2>'); // escaped in HTML (quoted-printable may wrap before it)
  });

  it('451 is transient: retried after a backoff, then delivered', async () => {
    const server = await smtp([451, 250]);
    closers.push(server.close);
    const t = setup(server.port);
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ delivered: true, attempts: 2 });
    expect(t.clock.sleeps).toEqual([250]);
    expect(server.received).toHaveLength(1);
  });

  it('451 after DATA is transient too', async () => {
    const server = await smtp([250], { dataCode: 451 });
    closers.push(server.close);
    const t = setup(server.port);
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 3, fellBack: true });
    expect(report.deliveries[0].error).toMatch(/SMTP 451/);
  });

  it('550 is permanent: one attempt, then the fallback', async () => {
    const server = await smtp([550]);
    closers.push(server.close);
    const t = setup(server.port);
    const report = await t.notifier.send(message);
    expect(server.rcptCount()).toBe(1);
    expect(t.clock.sleeps).toEqual([]);
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 1, fellBack: true });
    expect(report.deliveries[0].error).toMatch(/^SMTP 550: .*No such mailbox.*\(permanent, not retried\)$/);
    const [line] = t.store.entries().entries;
    expect(line).toMatchObject({ channel: 'email', attempts: 1, dedup_key: 'prod-7:rollback_failure' });
    expect(Object.keys(line.payload).sort()).toEqual(['html', 'subject', 'text']);
  });

  it('a failed login is permanent, and the password appears nowhere', async () => {
    const server = await smtp([250], { password: 'the-right-one' });
    closers.push(server.close);
    const t = setup(server.port, { SMTP_USER: 'dhash', SMTP_PASS: PASSWORD });
    const report = await t.notifier.send(message);
    expect(report.deliveries[0]).toMatchObject({ delivered: false, attempts: 1, fellBack: true });
    expect(report.deliveries[0].error).toMatch(/SMTP authentication failed/);
    expect(t.everything()).not.toContain(PASSWORD);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  });

  it('a bad SMTP_PORT or a missing EMAIL_TO is a config error naming the variable', () => {
    const ws = workspace({ channels: ['email'] });
    const base = { EMAIL_FROM: 'a@example.test', EMAIL_TO: 'b@example.test', SMTP_HOST: '127.0.0.1' };
    // Commands that send check their channels when they load (exit 2); the notifier itself never throws.
    const build = (vars: Record<string, string>) => () => {
      checkNotificationChannels(ws.load(vars));
    };
    expect(build({ ...base, SMTP_PORT: 'twenty-five' })).toThrow(ConfigError);
    expect(build({ ...base, SMTP_PORT: 'twenty-five' })).toThrow(/SMTP_PORT: expected a port number/);
    const { EMAIL_TO: _omit, ...noTo } = base;
    expect(build(noTo)).toThrow(/"email" is enabled but EMAIL_TO is not set/);
  });
});
