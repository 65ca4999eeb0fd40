/** The bad-input corpus of `guardrails backup`: refused with exit 2, one line, before any request or file. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const URL = ['--registry-url', '{fake}'];

const BACKUP: BadInputCase[] = [
  {
    name: 'credentials in --registry-url',
    argv: ['--registry-url', 'http://user:pw@registry.example:8081', '--out', 'out'],
    want: { exit: 2, stderr: /--registry-url "http:\/\/registry\.example:8081" holds credentials; put them in GUARDRAILS_REGISTRY_API_KEY/ },
  },
  {
    name: 'credentials in $GUARDRAILS_REGISTRY_URL',
    argv: ['--out', 'out'],
    env: { GUARDRAILS_REGISTRY_URL: 'https://key:secret@registry.example' },
    want: { exit: 2, stderr: /\$GUARDRAILS_REGISTRY_URL "https:\/\/registry\.example" holds credentials/ },
  },
  { name: 'no registry URL', argv: ['--out', 'out'], want: { exit: 2, stderr: /--registry-url URL is required \(or set GUARDRAILS_REGISTRY_URL\)/ } },
  { name: 'no --out', argv: URL, want: { exit: 2, stderr: /--out DIR is required/ } },
  { name: '--out under a file', argv: [...URL, '--out', 'a-file/sub'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--out "a-file\/sub" cannot be created: .*a-file is a file, not a directory/ } },
  { name: '--out is a file', argv: [...URL, '--out', 'a-file'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--out "a-file" is a file, not a directory/ } },
  { name: 'a backup of that name exists', argv: [...URL, '--out', 'out', '--name', 'b'], files: { 'out/b/MANIFEST.json': '{}' }, want: { exit: 2, stderr: /out\/b already exists; choose another --name/ } },
  { name: 'a bad --name', argv: [...URL, '--out', 'out', '--name', '../up'], want: { exit: 2, stderr: /--name "\.\.\/up" is not letters, digits, "\.", "_" or "-"/ } },
  { name: '--concurrency out of range', argv: [...URL, '--out', 'out', '--concurrency', '0'], want: { exit: 2, stderr: /--concurrency "0" is not a whole number from 1 to 64/ } },
  { name: 'a timeout with a unit', argv: [...URL, '--out', 'out', '--registry-timeout-ms', '10s'], want: { exit: 2, stderr: /--registry-timeout-ms "10s" is not a whole number from 1 to 600000/ } },
  { name: 'an unknown --listing', argv: [...URL, '--out', 'out', '--listing', 'fast'], want: { exit: 2, stderr: /--listing "fast" is not one of auto, bulk, walk/ } },
  { name: 'an unknown --progress', argv: [...URL, '--out', 'out', '--progress', 'dots'], want: { exit: 2, stderr: /--progress "dots" is not one of auto, bar, lines, none/ } },
  { name: 'an unknown --format', argv: [...URL, '--out', 'out', '--format', 'yaml'], want: { exit: 2, stderr: /--format "yaml" is not one of text, json/ } },
  { name: 'the retired --json', argv: [...URL, '--out', 'out', '--json'], want: { exit: 2, stderr: /Unknown option '--json'/ } },
  { name: '--keep 0', argv: [...URL, '--out', 'out', '--keep', '0'], want: { exit: 2, stderr: /--keep "0" is not a whole number from 1 to 100000/ } },
  { name: '--push without --git-branch', argv: [...URL, '--out', 'out', '--push', 'origin'], want: { exit: 2, stderr: /--push needs --git-branch/ } },
  { name: '--git-branch outside a git repository', argv: [...URL, '--out', 'out', '--git-branch', 'schema-backups'], want: { exit: 2, stderr: /--git-repo ".*" is not a git repository/ } },
  { name: 'a bad S3 bucket name', argv: [...URL, '--out', 'out', '--s3-bucket', 'Bad_Bucket'], want: { exit: 2, stderr: /--s3-bucket "Bad_Bucket" is not an S3 bucket name/ } },
  { name: '--s3-prefix without --s3-bucket', argv: [...URL, '--out', 'out', '--s3-prefix', 'prod/'], want: { exit: 2, stderr: /--s3-prefix needs --s3-bucket/ } },
  {
    name: 'credentials in --s3-endpoint',
    argv: [...URL, '--out', 'out', '--s3-bucket', 'backups', '--s3-endpoint', 'http://AKIA:secret@minio.example:9000'],
    want: { exit: 2, stderr: /--s3-endpoint "http:\/\/minio\.example:9000" holds credentials; put them in AWS_ACCESS_KEY_ID/ },
  },
  {
    name: 'half of the registry credentials',
    argv: [...URL, '--out', 'out'],
    env: { GUARDRAILS_REGISTRY_API_SECRET: '' },
    want: { exit: 2, stderr: /set both GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or neither/ },
  },
];

let fake: StrictFake;
beforeAll(async () => (fake = await startStrictFake()));
afterAll(() => fake.close());

describe('guardrails backup: bad input', () => {
  it.each(BACKUP.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('backup', c, fake);
  });
});
