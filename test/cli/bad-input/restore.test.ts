/** The bad-input corpus of `guardrails restore`: refused with exit 2, one line, before any write. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const URL = ['--registry-url', '{fake}'];
/** A folder that looks like a backup but fails its checksums. */
const TAMPERED = { 'b/MANIFEST.json': '{}\n', 'b/SHA256SUMS': `${'0'.repeat(64)}  MANIFEST.json\n` };
const DIR = { 'b/SHA256SUMS': '' };

const RESTORE: BadInputCase[] = [
  { name: 'a --before that is not a date', argv: [...URL, '--from-git', 'HEAD', '--before', 'notadate', '--dry-run'], want: { exit: 2, stderr: /--before "notadate" is not an ISO 8601 date or date-time; use an ISO 8601 date/ } },
  { name: 'an impossible --before', argv: [...URL, '--from-git', 'HEAD', '--before', '2026-13-45', '--dry-run'], want: { exit: 2, stderr: /--before "2026-13-45" is not a real date or time/ } },
  { name: 'a --before without a zone', argv: [...URL, '--from-git', 'HEAD', '--before', '2026-11-20T02:00', '--dry-run'], want: { exit: 2, stderr: /--before "2026-11-20T02:00" has no time zone; add Z/ } },
  { name: '--before without --from-git', argv: [...URL, '--from', 'b', '--before', '2026-11-20'], files: DIR, want: { exit: 2, stderr: /--before needs --from-git/ } },
  { name: 'no source', argv: URL, want: { exit: 2, stderr: /give exactly one of --from DIR\|s3:\/\/…, --from-git REF or --schemas-at REF \(none was given\)/ } },
  { name: 'two sources', argv: [...URL, '--from', 'b', '--from-git', 'HEAD'], files: DIR, want: { exit: 2, stderr: /\(got --from and --from-git\)/ } },
  {
    name: 'credentials in --registry-url',
    argv: ['--registry-url', 'http://user:pw@registry.example:8081', '--from', 'b'],
    files: DIR,
    want: { exit: 2, stderr: /--registry-url "http:\/\/registry\.example:8081" holds credentials; put them in GUARDRAILS_REGISTRY_API_KEY/ },
  },
  {
    name: 'credentials in $GUARDRAILS_REGISTRY_URL',
    argv: ['--from', 'b'],
    files: DIR,
    env: { GUARDRAILS_REGISTRY_URL: 'https://key:secret@registry.example' },
    want: { exit: 2, stderr: /\$GUARDRAILS_REGISTRY_URL "https:\/\/registry\.example" holds credentials/ },
  },
  { name: 'a backup folder that fails its checksums', argv: [...URL, '--from', 'b'], files: TAMPERED, want: { exit: 2, stderr: /b fails its SHA256SUMS check \(1 problem: MANIFEST\.json: SHA-256 differs from SHA256SUMS\)/ } },
  { name: 'a folder that is no backup', argv: [...URL, '--from', 'b'], files: { 'b/notes.txt': 'x' }, want: { exit: 2, stderr: /b has no SHA256SUMS; it is incomplete or not a backup/ } },
  { name: 'a --from that does not exist', argv: [...URL, '--from', 'nowhere'], want: { exit: 2, stderr: /--from "nowhere" does not exist/ } },
  { name: 'a --from that is not s3://bucket/prefix', argv: [...URL, '--from', 's3://Bad'], want: { exit: 2, stderr: /--from "s3:\/\/Bad" is not s3:\/\/BUCKET\/PREFIX\/NAME\// } },
  { name: 'a --plan-out under a file', argv: [...URL, '--from', 'b', '--plan-out', 'a-file/plan.json'], files: { ...DIR, 'a-file': 'x' }, want: { exit: 2, stderr: /--plan-out "a-file\/plan\.json" cannot be created: .*a-file is a file, not a directory/ } },
  { name: 'a --plan-out that is a directory', argv: [...URL, '--from', 'b', '--plan-out', 'b'], files: DIR, want: { exit: 2, stderr: /--plan-out "b" is a directory, not a file/ } },
  { name: '--concurrency out of range', argv: [...URL, '--from', 'b', '--concurrency', '65'], files: DIR, want: { exit: 2, stderr: /--concurrency "65" is not a whole number from 1 to 64/ } },
  { name: 'a bad --target-context', argv: [...URL, '--from', 'b', '--target-context', 'no spaces'], files: DIR, want: { exit: 2, stderr: /--target-context "no spaces" is not a context name: invalid context name/ } },
  { name: 'a --from-git ref that is not a commit', argv: [...URL, '--from-git', 'schema-backups'], want: { exit: 2, stderr: /--from-git "schema-backups": 'schema-backups' is not a commit in/ } },
  { name: '--config without --schemas-at', argv: [...URL, '--from', 'b', '--config', 'g.yaml'], files: DIR, want: { exit: 2, stderr: /--config needs --schemas-at/ } },
  { name: '--s3-endpoint without an S3 source', argv: [...URL, '--from', 'b', '--s3-endpoint', 'http://minio.example:9000'], files: DIR, want: { exit: 2, stderr: /--s3-endpoint needs --from s3:\/\/…/ } },
  { name: '--reset-modes with --schemas-at', argv: [...URL, '--schemas-at', 'HEAD', '--reset-modes'], want: { exit: 2, stderr: /--reset-modes needs the backup the killed restore ran from/ } },
  { name: '--no-preserve-ids with --schemas-at', argv: [...URL, '--schemas-at', 'HEAD', '--no-preserve-ids'], want: { exit: 2, stderr: /--no-preserve-ids does not go with --schemas-at/ } },
  { name: 'an unknown option, with the nearest one', argv: [...URL, '--from', 'b', '--dryrun'], files: DIR, want: { exit: 2, stderr: /Unknown option '--dryrun'; did you mean --dry-run\?/ } },
  { name: 'an empty --subject', argv: [...URL, '--from', 'b', '--subject', ''], files: DIR, want: { exit: 2, stderr: /--subject "" is empty/ } },
];

let fake: StrictFake;
beforeAll(async () => (fake = await startStrictFake()));
afterAll(() => fake.close());

describe('guardrails restore: bad input', () => {
  it.each(RESTORE.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('restore', c, fake);
  });
});
