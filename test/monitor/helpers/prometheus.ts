import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../helpers/net.js';
import { requireTool } from '../../helpers/tools.js';

/** Prometheus on PATH (or at $PROMETHEUS_BIN); suites gate on `prometheusTool.describe`. */
export const prometheusTool = requireTool('prometheus', 'apt-get install -y prometheus', {
  envVar: 'PROMETHEUS_BIN',
});
export const PROMETHEUS_BIN = prometheusTool.path ?? 'prometheus';

export function prometheusAvailable(): boolean {
  return prometheusTool.path !== null;
}

/** A real Prometheus server on a free loopback port, scraping `targets` every `scrapeSeconds`. */
export class PrometheusServer {
  private child: ChildProcess | undefined;
  url = '';
  log = '';

  /** `jobs`: extra scrape jobs with their own metrics path (e.g. one per malformed payload). */
  async start(
    targets: string[],
    scrapeSeconds = 1,
    jobs: Array<{ job: string; path: string; target: string }> = [],
  ): Promise<this> {
    const dir = mkdtempSync(join(tmpdir(), 'dhash-prom-'));
    const config = join(dir, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global:',
        `  scrape_interval: ${scrapeSeconds}s`,
        `  evaluation_interval: ${scrapeSeconds}s`,
        'scrape_configs:',
        '  - job_name: dhash',
        '    static_configs:',
        `      - targets: [${targets.map((t) => `"${t}"`).join(', ')}]`,
        ...jobs.flatMap((j) => [
          `  - job_name: ${j.job}`,
          `    metrics_path: ${j.path}`,
          '    static_configs:',
          `      - targets: ["${j.target}"]`,
        ]),
        '',
      ].join('\n'),
    );
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(
      PROMETHEUS_BIN,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    this.child.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    return this;
  }

  async query(promql: string): Promise<{
    status: string;
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  }> {
    const res = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    return (await res.json()) as never;
  }

  /** Waits (real time: this is a real server) until `promql` returns a non-empty result. */
  async waitFor(promql: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const r = await this.query(promql);
        if (r.status === 'success' && r.data.result.length > 0) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline)
        throw new Error(`Prometheus never answered ${promql}; its log:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child!.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}
