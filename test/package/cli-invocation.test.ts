/** The reader of guardrails command lines that the workflow, image and manifest tests use. */
import { describe, expect, it } from 'vitest';
import { guardrailsCommandLines, invocationProblems, jobArgsProblems } from './cli-invocation.js';

describe('guardrailsCommandLines', () => {
  it('finds node dist/cli.js, guardrails and npx guardrails lines, without redirections, pipes or assignments', () => {
    const script = [
      'set -o pipefail',
      'node dist/cli.js backup \\',
      '  --out "$RUNNER_TEMP/b" --format json > "$RUNNER_TEMP/report.json" 2> >(tee "$RUNNER_TEMP/log" >&2)',
      'X="a-${I}" exec guardrails schedule --run expire-snapshots -- --shard "${I}/4" # a comment',
      "npx guardrails check --format 'github' 2>&1 | tee out.txt > expire-${{ matrix.shard }}.json || status=$?",
      'echo guardrails is not run here',
    ].join('\n');
    expect(guardrailsCommandLines(script)).toEqual([
      ['backup', '--out', '$RUNNER_TEMP/b', '--format', 'json'],
      ['schedule', '--run', 'expire-snapshots', '--', '--shard', '${I}/4'],
      ['check', '--format', 'github'],
    ]);
  });
});

describe('invocationProblems', () => {
  it('accepts declared options, the metrics options of a job, flags, = values and global flags', () => {
    expect(invocationProblems('t', ['backup', '--out', 'dir', '--pushgateway-url=http://gw:9091', '--metrics-instance', 'x'])).toEqual([]);
    expect(invocationProblems('t', ['--version'])).toEqual([]);
    expect(invocationProblems('t', ['compat', 'a.avsc', 'b.avsc'])).toEqual([]);
  });

  it('names an unknown command, an unknown option, a missing value and a value given to a flag', () => {
    expect(invocationProblems('t', ['bakup'])).toEqual([expect.stringMatching(/^t: "bakup" is not a guardrails command/)]);
    expect(invocationProblems('t', ['backup', '--outt', 'dir'])).toEqual(['t: guardrails backup: --outt is not an option of backup']);
    expect(invocationProblems('t', ['backup', '--out', '--format', 'json'])).toEqual(['t: guardrails backup: --out needs a value']);
    expect(invocationProblems('t', ['schedule', '--list=yes'])).toEqual(['t: guardrails schedule: --list is a flag and takes no value']);
  });

  it("checks the arguments after -- against the job that schedule --run runs", () => {
    expect(invocationProblems('t', ['schedule', '--run', 'expire-snapshots', '--', '--shard', '1/4'])).toEqual([]);
    expect(invocationProblems('t', ['schedule', '--run', 'backup', '--', '--shard', '1/4'])).toEqual(['t: guardrails schedule --run backup --: backup: --shard is not an option of backup']);
    expect(jobArgsProblems('c', 'expire-snapshots', ['--catalog-name', 'market'])).toEqual([]);
  });
});
