/** A real Prometheus Pushgateway (Debian's prometheus-pushgateway) on 127.0.0.1, started per test file. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const PUSHGATEWAY_BINARY = '/usr/bin/prometheus-pushgateway';

export interface Pushgateway {
  readonly url: string;
  metrics(): Promise<string>;
  close(): Promise<void>;
}

export function pushgatewayAvailable(): boolean {
  return existsSync(PUSHGATEWAY_BINARY);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPushgateway(): Promise<Pushgateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(PUSHGATEWAY_BINARY, [`--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (attempt >= 200 || child.exitCode !== null) {
      child.kill();
      throw new Error(`the Pushgateway did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    metrics: async () => (await fetch(`${url}/metrics`)).text(),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
