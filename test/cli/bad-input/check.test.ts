/** The bad-input corpus of `guardrails check` and `guardrails compat`. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runBadInputCase, startStrictFake, type BadInputCase, type StrictFake } from './harness.js';

const AVRO = JSON.stringify({ type: 'record', name: 'Tick', fields: [{ name: 'price', type: 'double' }] });

const CHECK: BadInputCase[] = [
  { name: 'an unknown option, with the nearest one', argv: ['--formt', 'json'], want: { exit: 2, stderr: /Unknown option '--formt'; did you mean --format\?/ } },
  { name: 'a positional argument', argv: ['extra'], want: { exit: 2, stderr: /unexpected argument "extra"/ } },
  { name: 'an unknown format', argv: ['--format', 'xml'], want: { exit: 2, stderr: /--format "xml" is not one of text, json, github/ } },
  { name: 'a missing option value', argv: ['--against'], want: { exit: 2, stderr: /Option '--against <value>' argument missing/ } },
  { name: 'a --cwd that does not exist', argv: ['--cwd', 'nowhere'], want: { exit: 2, stderr: /--cwd "nowhere" does not exist/ } },
  { name: 'a --cwd that is a file', argv: ['--cwd', 'a-file'], files: { 'a-file': 'x' }, want: { exit: 2, stderr: /--cwd "a-file" is a file, not a directory/ } },
  { name: 'an empty --against', argv: ['--against', ''], want: { exit: 2, stderr: /--against "" is empty/ } },
  {
    name: 'credentials in --registry-url',
    argv: ['--registry-url', 'http://user:pw@registry.example:8081'],
    want: { exit: 2, stderr: /--registry-url "http:\/\/registry\.example:8081" holds credentials; put them in GUARDRAILS_REGISTRY_API_KEY/ },
  },
  {
    name: 'credentials in $GUARDRAILS_REGISTRY_URL',
    argv: [],
    env: { GUARDRAILS_REGISTRY_URL: 'https://key:secret@registry.example' },
    want: { exit: 2, stderr: /\$GUARDRAILS_REGISTRY_URL "https:\/\/registry\.example" holds credentials/ },
  },
  { name: 'a registry URL that is not http', argv: ['--registry-url', 'ftp://registry.example'], want: { exit: 2, stderr: /is not http or https/ } },
  { name: 'a registry URL with a query', argv: ['--registry-url', '{fake}?token=abc'], want: { exit: 2, stderr: /has a query or fragment/ } },
  { name: 'concurrency out of range', argv: ['--registry-concurrency', '0'], want: { exit: 2, stderr: /--registry-concurrency "0" is not a whole number from 1 to 64/ } },
  { name: 'a timeout that is not a number', argv: ['--registry-timeout-ms', '10s'], want: { exit: 2, stderr: /--registry-timeout-ms "10s" is not a whole number/ } },
  { name: 'an unknown fallback', argv: ['--on-registry-unavailable', 'maybe'], want: { exit: 2, stderr: /"maybe" is not one of fail, offline/ } },
  { name: 'outside a git repository', argv: [], want: { exit: 2, stderr: /git/i } },
];

const COMPAT: BadInputCase[] = [
  { name: 'no schema file', argv: [], want: { exit: 2, stderr: /compat needs at least one schema file/ } },
  { name: 'an unknown level', argv: ['--level', 'SIDEWAYS', 'a.avsc'], want: { exit: 2, stderr: /--level "SIDEWAYS" is not one of NONE, BACKWARD/ } },
  { name: 'a file that does not exist', argv: ['missing.avsc'], want: { exit: 2, stderr: /missing\.avsc/ } },
  { name: 'a file that is not JSON', argv: ['bad.avsc'], files: { 'bad.avsc': '{"type": "record",' }, want: { exit: 2, report: /error: bad\.avsc:1:\d+: unexpected end of input/ } },
  { name: 'an invalid record name', argv: ['bad.avsc'], files: { 'bad.avsc': JSON.stringify({ type: 'record', name: 'my-record', fields: [] }) }, want: { exit: 2, report: /error: bad\.avsc:1:\d+: "my-record" is not a valid Avro name/ } },
  { name: 'an unknown format', argv: ['--format', 'yaml', 'a.avsc'], files: { 'a.avsc': AVRO }, want: { exit: 2, stderr: /--format "yaml" is not one of/ } },
  { name: 'an unknown option', argv: ['--levle', 'FULL', 'a.avsc'], want: { exit: 2, stderr: /Unknown option '--levle'; did you mean --level\?/ } },
  { name: 'a directory as a schema', argv: ['dir'], files: { 'dir/x.avsc': AVRO }, want: { exit: 2, stderr: /dir/ } },
  { name: 'a missing --level value', argv: ['a.avsc', '--level'], want: { exit: 2, stderr: /Option '--level <value>' argument missing/ } },
  { name: 'an empty schema file', argv: ['empty.avsc'], files: { 'empty.avsc': '' }, want: { exit: 2, report: /error: empty\.avsc/ } },
  { name: 'a schema file that is not UTF-8', argv: ['latin1.avsc'], files: { 'latin1.avsc': Buffer.from('{"type":"enum","name":"E","symbols":["caf\xe9"]}', 'latin1') }, want: { exit: 2, report: /error: latin1\.avsc/ } },
  { name: 'an unknown type', argv: ['t.avsc'], files: { 't.avsc': JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'decimalish' }] }) }, want: { exit: 2, report: /error: t\.avsc:1:\d+/ } },
];

let fake: StrictFake;
beforeAll(async () => (fake = await startStrictFake()));
afterAll(() => fake.close());

describe('guardrails check: bad input', () => {
  it.each(CHECK.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('check', c, fake);
  });
});

describe('guardrails compat: bad input', () => {
  it.each(COMPAT.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await runBadInputCase('compat', c, fake);
  });
});
