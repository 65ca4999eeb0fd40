/** GET /healthz (200 while serving, 503 while shutting down) and GET /metrics (Prometheus text format 0.0.4). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SchedulerMetrics } from './metrics.js';

export interface StatusServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startStatusServer(port: number, metrics: SchedulerMetrics, state: () => 'running' | 'stopping'): Promise<StatusServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/healthz') {
      const status = state();
      res.writeHead(status === 'running' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status, jobs: metrics.healthSummary() }));
    } else if (req.method === 'GET' && path === '/metrics') {
      metrics.exposition().then(({ contentType, text }) => {
        res.writeHead(200, { 'content-type': contentType });
        res.end(text);
      }, (error: unknown) => {
        // Two runs' registries that disagree on a metric's type: say so rather than serve a broken exposition.
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`cannot render the metrics: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found: try /healthz or /metrics\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections?.();
      server.close(() => r());
    }),
  };
}
