import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredArtifact {
  id: number;
  name: string;
  /** The zip as the client uploaded it. */
  bytes: Buffer;
  /** What FinalizeArtifact reported: "sha256:<hex>". */
  hash: string;
  size: number;
}

/**
 * A loopback stand-in for the service a runner gives JavaScript actions for artifacts
 * (ACTIONS_RESULTS_URL): the Twirp calls CreateArtifact / FinalizeArtifact, and the signed blob
 * URL the zip is put to in blocks (Azure Blob "Put Block" / "Put Block List"). The real
 * @actions/artifact client in the action bundle talks to it over HTTP, so the bundle step's
 * upload, its artifact id and its digest are the client's own, not assumed.
 */
export class ArtifactService {
  readonly artifacts: StoredArtifact[] = [];
  private readonly pending = new Map<string, { blocks: Map<string, Buffer>; body: Buffer | null }>();
  private nextId = 4200;
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

  /**
   * The runtime token a runner hands a job: a JWT whose scp claim carries the run and job backend
   * ids (@actions/artifact reads them from it; the signature is not checked by the client).
   */
  runtimeToken(job: string): string {
    const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead Actions.Results:run-1:${job}` })}.sig`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    const json = (status: number, data: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(url.pathname);
    if (req.method === 'POST' && twirp) {
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, string>;
      if (twirp[1] === 'CreateArtifact') {
        this.pending.set(body.name, { blocks: new Map(), body: null });
        json(200, {
          ok: true,
          signed_upload_url: `${this.url}/blob/${encodeURIComponent(body.name)}.zip?sig=replay-signature`,
        });
        return;
      }
      if (twirp[1] === 'FinalizeArtifact') {
        const upload = this.pending.get(body.name);
        if (!upload?.body) {
          json(404, { code: 'not_found', msg: `no upload for ${body.name}` });
          return;
        }
        const actual = `sha256:${createHash('sha256').update(upload.body).digest('hex')}`;
        if (body.hash && body.hash !== actual) {
          json(400, { code: 'invalid_argument', msg: `hash ${body.hash} != ${actual}` });
          return;
        }
        const artifact = {
          id: this.nextId++,
          name: body.name,
          bytes: upload.body,
          hash: actual,
          size: Number(body.size),
        };
        this.artifacts.push(artifact);
        json(200, { ok: true, artifact_id: String(artifact.id) });
        return;
      }
      json(404, { code: 'bad_route', msg: `no method ${twirp[1]}` });
      return;
    }
    const blob = /^\/blob\/(.+)\.zip$/.exec(url.pathname);
    if (req.method === 'PUT' && blob) {
      const upload = this.pending.get(decodeURIComponent(blob[1]));
      if (!upload || url.searchParams.get('sig') !== 'replay-signature') {
        res.writeHead(403).end();
        return;
      }
      const comp = url.searchParams.get('comp');
      if (comp === 'block') upload.blocks.set(url.searchParams.get('blockid') ?? '', raw);
      else if (comp === 'blocklist') {
        const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
          (m) => m[1],
        );
        upload.body = Buffer.concat(ids.map((id) => upload.blocks.get(id) ?? Buffer.alloc(0)));
      } else upload.body = raw;
      res.writeHead(201, {
        etag: '"0x1"',
        'last-modified': new Date().toUTCString(),
        'x-ms-request-id': 'replay',
        'x-ms-version': '2024-11-04',
        'x-ms-request-server-encrypted': 'true',
      });
      res.end();
      return;
    }
    res.writeHead(404).end();
  }
}
