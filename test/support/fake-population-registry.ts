import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registryPerson } from './registry-extracts';

/** One scripted answer of the fake registry; `ids` is what this request asked for. */
export type Behaviour = (res: ServerResponse, ids: string[]) => void;
type Hit = { method: string; url: string; contentType: string | undefined; ids: string[] };

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour => (res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
/** The registry as it should be: it knows every id except those starting with 099. */
export const ok = (snapshot = 'snap-2026-11-23'): Behaviour => (res, ids) =>
  json(200, { snapshot, people: ids.filter((id) => !id.startsWith('099')).map((id) => registryPerson(id)) })(res, ids);
export class FakeRegistry {
  readonly hits: Hit[] = [];
  script: Behaviour[] = [];
  fallback: Behaviour = ok();
  private server: Server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const part of req) raw += String(part);
    const ids = (JSON.parse(raw) as { citizenIds: string[] }).citizenIds;
    this.hits.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], ids });
    (this.script.shift() ?? this.fallback)(res, ids);
  }
}
