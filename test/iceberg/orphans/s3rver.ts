/** An s3rver in a child process (see s3rver-child.mjs for why), for the orphan tests and bench/orphans. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface S3rverProcess {
  readonly endpoint: string;
  /** s3rver's store on disk (bucket folders of `<name>._S3rver_object` files), for seeding large fixtures. */
  readonly directory: string;
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url));

export async function startS3rverProcess(buckets: readonly string[], childPath: string = CHILD): Promise<S3rverProcess> {
  const directory = mkdtempSync(join(tmpdir(), 'gr-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', childPath, directory, ...buckets], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const first = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${String(code)} before listening`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const { port } = JSON.parse(first) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
