import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';
import { VirtualClock } from '../../src/runtime/clock.js';
import { workspace } from './helpers/config.js';
import { reply, startWebhook, type LoopbackServer } from '../helpers/loopback.js';
import { captureIo, type CapturedIo } from '../helpers/cli-io.js';

// The CLI run in-process, as an operator would run it, against real loopback webhooks.
const TOKEN = 'CliSecretToken-5150';

function io(cwd: string, env: Record<string, string>): CapturedIo {
  return captureIo(cwd, { env, clock: new VirtualClock() });
}

function everythingWritten(dir: string): string {
  const logs = join(dir, 'monitor_logs');
  if (!existsSync(logs)) return '';
  return readdirSync(logs)
    .map((f) => readFileSync(join(logs, f), 'utf8'))
    .join('\n');
}

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function hook(path: string, ...replies: Parameters<typeof startWebhook>[1]) {
  const s = await startWebhook(path, replies);
  servers.push(s);
  return s;
}

describe('dhash-rollout notify', () => {
  it('exit 1 when a channel fails, the fallback holds it, replay delivers it (exit 0), nothing leaks', async () => {
    const slack = await hook(`/services/T0/B0/${TOKEN}`, reply.text(200, 'ok'));
    let discordUp = false;
    const discord = await hook(`/api/webhooks/1/${TOKEN}`, (_req, res) => {
      res.writeHead(discordUp ? 200 : 404, { 'content-type': 'application/json' });
      res.end(discordUp ? '{"id":"5"}' : '{"message":"Unknown Webhook","code":10015}');
    });
    const ws = workspace({ channels: ['slack', 'discord'] });
    const env = { SLACK_WEBHOOK_URL: slack.url, DISCORD_WEBHOOK_URL: discord.url };
    const args = [
      'notify',
      '--config',
      ws.configPath,
      '--env',
      'production',
      '--level',
      'warning',
      '--message',
      'P95 above 2 s',
      '--deployment-id',
      'prod-9',
    ];

    const first = io(ws.dir, env);
    expect(await runCli(args, first)).toBe(1);
    expect(first.out()).toMatch(/✔ slack +http:\/\/127\.0\.0\.1:\d+ delivered \(1 attempt\)/);
    expect(first.out()).toMatch(
      /✘ discord +http:\/\/127\.0\.0\.1:\d+ NOT delivered \(1 attempt\): HTTP 404: .*Unknown Webhook.*kept in the fallback file/,
    );
    expect(first.out()).toContain('notify --replay');
    const fallback = readFileSync(join(ws.dir, 'monitor_logs', 'notification_fallback.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(fallback).toHaveLength(1);
    expect(JSON.parse(fallback[0])).toMatchObject({
      channel: 'discord',
      attempts: 1,
      deployment_id: 'prod-9',
    });

    discordUp = true;
    const replay = io(ws.dir, env);
    expect(
      await runCli(['notify', '--replay', '--config', ws.configPath, '--env', 'production'], replay),
    ).toBe(0);
    expect(replay.out()).toMatch(/✔ discord .* delivered \(1 attempt\)/);
    expect(replay.out()).toContain('1 delivered, 0 skipped as duplicates, 0 dropped, 0 still pending');
    expect(discord.requests).toHaveLength(2);
    expect(discord.requests[1].body).toBe(discord.requests[0].body);

    const again = io(ws.dir, env);
    expect(
      await runCli(['notify', '--replay', '--config', ws.configPath, '--env', 'production'], again),
    ).toBe(0);
    expect(again.out()).toContain('Nothing to replay');
    expect(discord.requests).toHaveLength(2);

    for (const text of [first.out(), first.err(), replay.out(), replay.err(), everythingWritten(ws.dir)])
      expect(text).not.toContain(TOKEN);
  });

  it("--dry-run prints every channel's payload and sends nothing", async () => {
    const slack = await hook(`/services/T0/B0/${TOKEN}`, reply.text(200, 'ok'));
    const ws = workspace({ channels: ['slack', 'teams'] });
    const run = io(ws.dir, { SLACK_WEBHOOK_URL: slack.url });
    expect(
      await runCli(
        ['notify', '--config', ws.configPath, '--env', 'production', '--message', 'hello', '--dry-run'],
        run,
      ),
    ).toBe(0);
    expect(slack.requests).toHaveLength(0);
    expect(run.out()).toMatch(/^dry-run: would send "hello" \[info, gate_resolved\] to slack, teams/);
    expect(run.out()).toContain('--- slack → http://127.0.0.1:');
    expect(run.out()).toContain('--- teams → (TEAMS_WEBHOOK_URL not set)');
    expect(run.out()).toContain('"type": "AdaptiveCard"');
    expect(run.err()).toMatch(/warning: .*"teams" is enabled but TEAMS_WEBHOOK_URL is not set/);
    expect(run.out() + run.err()).not.toContain(TOKEN);
    expect(existsSync(join(ws.dir, 'monitor_logs', 'notification_fallback.jsonl'))).toBe(false);
  });

  it('exit 2 naming the variable when an enabled channel has no settings', async () => {
    const ws = workspace({ channels: ['slack', 'email'] });
    const run = io(ws.dir, { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/abcdefgh' });
    expect(
      await runCli(['notify', '--config', ws.configPath, '--env', 'production', '--message', 'x'], run),
    ).toBe(2);
    expect(run.err()).toMatch(/"email" is enabled but EMAIL_FROM, EMAIL_TO, SMTP_HOST are not set/);
  });

  it('exit 2 for a plain-http webhook that is not loopback, without printing its path', async () => {
    const ws = workspace({ channels: ['slack'] });
    const run = io(ws.dir, { SLACK_WEBHOOK_URL: `http://hooks.example.test/services/${TOKEN}` });
    expect(
      await runCli(['notify', '--config', ws.configPath, '--env', 'production', '--message', 'x'], run),
    ).toBe(2);
    expect(run.err()).toMatch(
      /SLACK_WEBHOOK_URL: expected an https:\/\/ URL; plain http is allowed only for loopback hosts \(got http:\/\/hooks\.example\.test\)/,
    );
    expect(run.err()).not.toContain(TOKEN);
  });

  it('exit 2 for a bad level or a missing message', async () => {
    const ws = workspace({ channels: [] });
    const bad = io(ws.dir, {});
    expect(
      await runCli(['notify', '--config', ws.configPath, '--level', 'loud', '--message', 'x'], bad),
    ).toBe(2);
    expect(bad.err()).toContain('level: expected one of info, warning, error, critical, got "loud"');
    const none = io(ws.dir, {});
    expect(await runCli(['notify', '--config', ws.configPath], none)).toBe(2);
    expect(none.err()).toContain('--message: required (or use --replay)');
  });
});

describe('dhash-rollout deploy-notify', () => {
  it('announces the event with version and deployment id; exit 0 when delivered', async () => {
    const teams = await hook(`/workflows/${TOKEN}`, reply.empty(202));
    const ws = workspace({ channels: ['teams'] });
    const run = io(ws.dir, {
      TEAMS_WEBHOOK_URL: teams.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'mobius/dhash',
      GITHUB_RUN_ID: '77',
    });
    const code = await runCli(
      [
        'deploy-notify',
        '--event',
        'deployment_success',
        '--config',
        ws.configPath,
        '--env',
        'production',
        '--version',
        '1.4.2',
        '--deployment-id',
        'prod-77',
      ],
      run,
    );
    expect({ code, err: run.err() }).toEqual({
      code: 0,
      err: 'sending deployment_success to teams (deadline 30 s) …\n',
    });
    const card = JSON.parse(teams.requests[0].body).attachments[0].content;
    expect(card.body[0].text).toBe('ℹ️ Deployment succeeded: dhash 1.4.2 on production');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Workflow run',
        url: 'https://github.com/mobius/dhash/actions/runs/77',
      },
    ]);
    expect(run.out()).toContain('(dedup key prod-77:deployment_success)');
  });

  it('exit 2 for an unknown event', async () => {
    const ws = workspace({ channels: [] });
    const run = io(ws.dir, {});
    expect(await runCli(['deploy-notify', '--event', 'deploy_ok', '--config', ws.configPath], run)).toBe(2);
    expect(run.err()).toContain('event: expected one of deployment_start, deployment_success');
  });
});
