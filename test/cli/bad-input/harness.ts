/**
 * The bad-input corpus: each case runs the real CLI in-process in a fresh folder, with a strict
 * HTTP fake standing in for every dependency, and asserts the contract for bad input:
 * - the exit code;
 * - one stderr line that names the input and the fix;
 * - no stack trace, and no secret echoed;
 * - no side effect: no mutating request reached the fake, and the folder is byte-for-byte unchanged.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { run } from '../../../src/cli/main.js';

/** Values no output may contain; the corpus puts them in the environment of every case. */
export const SECRETS = {
  GUARDRAILS_REGISTRY_API_KEY: 'corpus-api-key-7f3a',
  GUARDRAILS_REGISTRY_API_SECRET: 'corpus-api-secret-91be',
  GITHUB_TOKEN: 'ghp_corpusTokenDoNotPrint0123456789',
  AWS_SECRET_ACCESS_KEY: 'corpus-aws-secret-55d1',
} as const;

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
}

/** An HTTP server that answers reads with a fixed response and records every request. */
export interface StrictFake {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  readonly mutating: () => RecordedRequest[];
  close(): Promise<void>;
}

export type FakeHandler = (request: IncomingMessage) => { status: number; body: unknown; contentType?: string };

const notFound: FakeHandler = () => ({ status: 404, body: { error_code: 40401, message: 'Subject not found' } });

export async function startStrictFake(handler: FakeHandler = notFound): Promise<StrictFake> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/' });
    req.resume();
    const answer = handler(req);
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    mutating: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface BadInputCase {
  readonly name: string;
  /** The command line after `guardrails`; `{dir}` is the case's folder, `{fake}` the fake's URL. */
  readonly argv: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Files to create first, relative to the case's folder; a `Buffer` is written as is. */
  readonly files?: Readonly<Record<string, string | Buffer>>;
  readonly want: {
    readonly exit: number;
    /** Matched against the single stderr line. */
    readonly stderr?: RegExp;
    /**
     * For the schema checks, whose reports carry a schema's error (`file:line:col`) on stdout:
     * matched against the report, and stderr must be empty.
     */
    readonly report?: RegExp;
  };
}

export interface CaseResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function expand(text: string, dir: string, fake: string): string {
  return text.replaceAll('{dir}', dir).replaceAll('{fake}', fake);
}

async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const key = path.slice(root.length + 1);
      if (entry.isDirectory()) {
        out.set(`${key}/`, 'dir');
        await walk(path);
      } else {
        out.set(key, createHash('sha256').update(await readFile(path)).digest('hex'));
      }
    }
  };
  await walk(root);
  return out;
}

/** Runs one case and asserts the bad-input contract; returns what it printed for further checks. */
export async function runBadInputCase(command: string, c: BadInputCase, fake: StrictFake): Promise<CaseResult> {
  const dir = await mkdtemp(join(tmpdir(), 'guardrails-bad-input-'));
  try {
    for (const [path, content] of Object.entries(c.files ?? {})) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const before = await snapshot(dir);
    const seen = fake.requests.length;
    let stdout = '';
    let stderr = '';
    const env: Record<string, string> = { ...SECRETS };
    for (const [k, v] of Object.entries(c.env ?? {})) env[k] = expand(v, dir, fake.url);
    const code = await run(
      [command, ...c.argv.map((a) => expand(a, dir, fake.url))],
      { cwd: dir, env, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    );
    const result = { code, stdout, stderr };
    const lines = stderr.split('\n').filter((l) => l.trim() !== '');
    if (c.want.report) {
      expect({ code, lines }, `${command} ${c.name}: ${stderr}`).toEqual({ code: c.want.exit, lines: [] });
      expect(stdout).toMatch(c.want.report);
    } else {
      expect({ code, lines }, `${command} ${c.name}: ${stderr}`).toMatchObject({ code: c.want.exit, lines: [expect.stringMatching(c.want.stderr ?? /./)] });
      expect(stderr).toMatch(/^error: /);
    }
    expect(`${stdout}${stderr}`).not.toMatch(/^\s+at .+[:(]\d+/m);
    for (const secret of Object.values(SECRETS)) expect(`${stdout}${stderr}`).not.toContain(secret);
    expect(fake.requests.slice(seen).filter((r) => r.method !== 'GET' && r.method !== 'HEAD'), 'mutating requests').toEqual([]);
    expect(await snapshot(dir), 'the folder is unchanged').toEqual(before);
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
