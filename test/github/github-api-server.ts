import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  authorization: string | undefined;
}

export interface FakeReview {
  id: number;
  user: { login: string };
  state: string;
  submitted_at?: string;
  commit_id: string;
}

/**
 * A loopback server speaking the GitHub REST routes dhash-rollout uses, with state that the
 * calls change (deployments gain statuses, comments are created and edited). The real
 * Octokit client talks to it over HTTP, so URL building, pagination and errors are exercised.
 */
export class GitHubApiServer {
  readonly requests: Recorded[] = [];
  deployments: Array<{
    id: number;
    ref: string;
    environment: string;
    payload: any;
    statuses: Array<{ id: number; state: string; log_url?: string; description?: string }>;
  }> = [];
  pulls = new Map<number, { author: string; headSha: string; reviews: FakeReview[] }>();
  /** org/slug → member logins; a team absent here answers 404. */
  teams = new Map<string, string[]>();
  comments: Array<{ id: number; issue: number; body: string; author: string }> = [];
  /** Who the token comments as (GITHUB_TOKEN: github-actions[bot]). */
  commentAuthor = 'github-actions[bot]';
  /** Answer comment writes (create and edit) with 403, as GitHub does for a fork's pull request. */
  refuseCommentWrites = false;
  reviewsPerPage = 2;
  private nextId = 1000;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req as AsyncIterable<Buffer>) raw += chunk.toString();
    const url = new URL(req.url ?? '/', this.url);
    const body = raw ? JSON.parse(raw) : undefined;
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
    });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(data));
    };
    if (req.headers.authorization !== 'token test-token-123456') {
      send(401, { message: 'Bad credentials' });
      return;
    }
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/deployments$/.test(p)) {
      const d = {
        id: this.nextId++,
        ref: body.ref,
        environment: body.environment,
        payload: body.payload,
        statuses: [],
      };
      this.deployments.push(d);
      send(201, { id: d.id, ref: d.ref, environment: d.environment, payload: d.payload });
      return;
    }
    if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/deployments$/.test(p)) {
      const env = url.searchParams.get('environment');
      const list = this.deployments.filter((d) => !env || d.environment === env).reverse();
      send(
        200,
        list.map((d) => ({ id: d.id, ref: d.ref, environment: d.environment })),
      );
      return;
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/.exec(p))) {
      const d = this.deployments.find((x) => x.id === Number(m![1]));
      if (!d) {
        send(404, { message: 'Not Found' });
        return;
      }
      if (req.method === 'POST') {
        const s = {
          id: this.nextId++,
          state: body.state,
          log_url: body.log_url,
          description: body.description,
        };
        d.statuses.push(s);
        // GitHub's auto_inactive: a new success makes the environment's earlier live deployment inactive.
        if (body.auto_inactive && body.state === 'success') {
          for (const other of this.deployments)
            if (
              other !== d &&
              other.environment === d.environment &&
              other.statuses.at(-1)?.state === 'success'
            )
              other.statuses.push({ id: this.nextId++, state: 'inactive' });
        }
        send(201, s);
        return;
      }
      send(200, [...d.statuses].reverse());
      return;
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(p))) {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) {
        send(404, { message: 'Not Found' });
        return;
      }
      send(200, { number: Number(m[1]), user: { login: pull.author }, head: { sha: pull.headSha } });
      return;
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/.exec(p))) {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) {
        send(404, { message: 'Not Found' });
        return;
      }
      const page = Number(url.searchParams.get('page') ?? '1');
      const per = this.reviewsPerPage;
      const slice = pull.reviews.slice((page - 1) * per, page * per);
      const last = Math.max(1, Math.ceil(pull.reviews.length / per));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        const lastUrl = new URL(url);
        lastUrl.searchParams.set('page', String(last));
        headers.link = `<${next.href}>; rel="next", <${lastUrl.href}>; rel="last"`;
      }
      send(200, slice, headers);
      return;
    }
    if (req.method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)$/.exec(p))) {
      if (this.teams.has(`${m[1]}/${m[2]}`)) send(200, { slug: m[2] });
      else send(404, { message: 'Not Found' });
      return;
    }
    if (req.method === 'GET' && (m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(p))) {
      const members = this.teams.get(`${m[1]}/${m[2]}`);
      if (members?.includes(m[3])) send(200, { state: 'active', role: 'member' });
      else send(404, { message: 'Not Found' });
      return;
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const issue = Number(m[1]);
      if (req.method === 'POST') {
        if (this.refuseCommentWrites) {
          send(403, { message: 'Resource not accessible by integration' });
          return;
        }
        const c = { id: this.nextId++, issue, body: body.body as string, author: this.commentAuthor };
        this.comments.push(c);
        send(201, { id: c.id, body: c.body, html_url: `https://github.test/c/${c.id}` });
        return;
      }
      send(
        200,
        this.comments
          .filter((c) => c.issue === issue)
          .map((c) => ({ id: c.id, body: c.body, user: { login: c.author, type: 'Bot' } })),
      );
      return;
    }
    if (req.method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p))) {
      if (this.refuseCommentWrites) {
        send(403, { message: 'Resource not accessible by integration' });
        return;
      }
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) {
        send(404, { message: 'Not Found' });
        return;
      }
      c.body = body.body;
      send(200, { id: c.id, body: c.body, html_url: `https://github.test/c/${c.id}` });
      return;
    }
    send(404, { message: `no route ${req.method} ${p}` });
  }
}
