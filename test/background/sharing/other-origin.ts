/**
 * A tiny HTTP server on 127.0.0.1 standing for "another origin": it records what reached it
 * (the Authorization header above all), so a test can prove that credentials never leave
 * the share's origin. `/hang` never answers (for timeouts), `/chunked/<bytes>` streams that
 * many bytes without a Content-Length (for the size cap). It stops by itself: after
 * MAX_REQUESTS requests, after its lifetime, and it never keeps the test process alive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const MAX_REQUESTS = 50;
const LIFETIME_MS = 60_000;

export interface OtherOrigin {
  origin: string;
  /** Every request received, in order. */
  received: { method: string; path: string; authorization: string | null; cookie: string | null }[];
  close(): Promise<void>;
}

export async function startOtherOrigin(): Promise<OtherOrigin> {
  const received: OtherOrigin['received'] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    received.push({
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: request.headers.authorization ?? null,
      cookie: request.headers.cookie ?? null,
    });
    if (received.length >= MAX_REQUESTS) void close();
    const path = request.url ?? '/';
    if (path.startsWith('/hang')) return;
    const chunked = /^\/chunked\/(\d+)$/.exec(path);
    if (chunked) {
      response.writeHead(200, { 'Content-Type': 'application/json', ETag: '"big"' });
      const chunk = Buffer.alloc(1024, 0x20);
      for (let left = Number(chunked[1]); left > 0; left -= chunk.length) {
        response.write(chunk.subarray(0, Math.min(chunk.length, left)));
      }
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('another origin');
  });
  server.unref();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const lifetime = setTimeout(() => void close(), LIFETIME_MS);
  lifetime.unref();
  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closing ??= new Promise<void>((done) => {
      clearTimeout(lifetime);
      server.close(() => done());
      server.closeAllConnections();
    });
    return closing;
  }
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, received, close };
}
