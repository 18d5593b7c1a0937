import { relative } from 'node:path';
import { TestEnvironment } from 'jest-environment-node';

/** How long a test file's handles may take to close after its last hook. */
const GRACE_MS = 3000;

/** What keeps the event loop alive (servers, sockets, child processes, ref'd timers), by type. */
function resources() {
  const counts = new Map();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function extra(now, before) {
  return [...now]
    .filter(([type, n]) => n > (before.get(type) ?? 0))
    .map(([type, n]) => [type, n - (before.get(type) ?? 0)]);
}

/** Names the handles the file added, as far as Node lets us see them. */
function describeHandles(before) {
  return process
    ._getActiveHandles()
    .filter((h) => !before.has(h) && (typeof h.hasRef !== 'function' || h.hasRef()))
    .map((h) => {
      const kind = h?.constructor?.name ?? typeof h;
      if (kind === 'ChildProcess') return `child process ${h.pid} (${h.spawnargs.join(' ').slice(0, 80)})`;
      if (typeof h.address === 'function' && h.listening)
        return `server listening on ${JSON.stringify(h.address())}`;
      if (kind === 'Socket' && h.remotePort) return `socket to ${h.remoteAddress}:${h.remotePort}`;
      return kind;
    });
}

/**
 * jest's node environment, plus one check: a test file must leave nothing running. A server, socket,
 * child process or timer a file leaves open keeps its jest worker alive after the run, and jest
 * then kills the worker ("A worker process has failed to exit gracefully and has been force
 * exited"), without saying which file of the hundreds it ran was the cause. Here the file that
 * left it fails, naming what it left, once GRACE_MS has passed without it closing.
 */
export default class OpenHandleCheckingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    this.resourcesBefore = resources();
    this.handlesBefore = new Set(process._getActiveHandles());
  }

  async teardown() {
    await super.teardown();
    // Only in a worker (a forked process): run in band (one test file), tests share jest's own
    // process with the global setup's PostgreSQL server, and a leak there delays jest's exit
    // instead of force-exiting a worker.
    if (typeof process.send !== 'function') return;
    const deadline = Date.now() + GRACE_MS;
    let left = extra(resources(), this.resourcesBefore);
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25).unref());
      left = extra(resources(), this.resourcesBefore);
    }
    if (left.length === 0) return;
    const named = describeHandles(this.handlesBefore);
    throw new Error(
      `${relative(process.cwd(), this.testPath)} left ${left.map(([type, n]) => `${n} ${type}`).join(', ')} open ` +
        `${GRACE_MS / 1000} s after its last test${named.length > 0 ? ` (${named.join('; ')})` : ''}: ` +
        'close it in afterAll/afterEach, or unref() a timer that may outlive the file',
    );
  }
}
