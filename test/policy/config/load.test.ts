import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/policy/config/errors.js';
import { DEFAULT_SETTINGS, loadConfig, parseConfigText } from '../../../src/policy/config/load.js';
import { DEFAULT_APPROVALS, DEFAULT_DEPRECATION } from '../../../src/policy/config/policy-sections.js';

function problems(text: string): string[] {
  try {
    parseConfigText(text, 'guardrails.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.problem}`);
  }
  throw new Error('expected a ConfigError');
}

const LEVELS = 'NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE';

describe('parseConfigText', () => {
  it('reads a full config into settings with defaults filled in', () => {
    const { settings, warnings } = parseConfigText(
      [
        'version: 1',
        'defaults:',
        '  compatibility: FULL',
        'subjects:',
        '  - files: schemas/ticks.avsc',
        '    topic: market.ticks.asx',
        '  - files: ["schemas/{a,b}.avsc", schemas/c.avsc]',
        '    subject: shared-value',
        '    context: staging',
        '    compatibility: NONE',
        '  - files: schemas/keys/*.avsc',
        '    topic: market.ticks.asx',
        '    key: true',
      ].join('\n'),
      'guardrails.yaml',
    );
    expect(warnings).toEqual([]);
    expect(settings).toEqual({
      version: 1,
      source: 'guardrails.yaml',
      schemas: { paths: ['schemas/**/*.avsc'] },
      defaults: { compatibility: 'FULL', strategy: 'TopicNameStrategy' },
      subjects: [
        {
          files: ['schemas/ticks.avsc'],
          target: { kind: 'strategy', strategy: 'TopicNameStrategy', topic: 'market.ticks.asx', key: false },
          location: { file: 'guardrails.yaml', line: 5, column: 5 },
        },
        {
          files: ['schemas/{a,b}.avsc', 'schemas/c.avsc'],
          target: { kind: 'explicit', subject: 'shared-value' },
          context: '.staging',
          compatibility: 'NONE',
          location: { file: 'guardrails.yaml', line: 7, column: 5 },
        },
        {
          files: ['schemas/keys/*.avsc'],
          target: { kind: 'strategy', strategy: 'TopicNameStrategy', topic: 'market.ticks.asx', key: true },
          location: { file: 'guardrails.yaml', line: 11, column: 5 },
        },
      ],
      approvals: DEFAULT_APPROVALS,
      deprecation: DEFAULT_DEPRECATION,
      onRegistryUnavailable: 'fail',
    });
  });

  it('gives the embedded default for a bare version', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      schemas: { paths: ['schemas/**/*.avsc'] },
      defaults: { compatibility: 'BACKWARD', strategy: 'TopicNameStrategy' },
      subjects: [],
    });
  });

  it('points at a bad value with its path, the value and the expected form', () => {
    expect(problems('version: 1\nsubjects:\n  - files: a.avsc\n    topic: t\n    compatibility: BACKWRD\n')).toEqual([
      `5:20 subjects[0].compatibility: got "BACKWRD"; expected one of ${LEVELS}`,
    ]);
  });

  it('points at unknown keys and lists the allowed ones', () => {
    expect(problems('version: 1\nschemas:\n  path: x\n')).toEqual(['3:3 schemas.path: unknown key "path"; expected one of: paths']);
    expect(problems('version: 1\nsubject: []\n')[0]).toMatch(/^2:1 subject: unknown key "subject"; expected one of: version, schemas, defaults, subjects, registry/);
  });

  it('reports several problems at once, each at its own line', () => {
    const text = [
      'version: 2',
      'defaults:',
      '  strategy: TopicStrategy',
      'subjects:',
      '  - files: 7',
      '    topic: "bad topic"',
      '  - topic: t',
      '    key: "yes"',
    ].join('\n');
    expect(problems(text)).toEqual([
      '1:10 version: got 2; expected 1 (the only config format version)',
      '3:13 defaults.strategy: got "TopicStrategy"; expected one of TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy',
      '5:12 subjects[0].files: got 7; expected a glob string such as "schemas/**/*.avsc", or a list of them',
      '6:12 subjects[0].topic: got "bad topic"; expected a Kafka topic name: 1 to 249 of the characters a-z A-Z 0-9 . _ -',
      '7:5 subjects[1].files: is missing; expected a glob string such as "schemas/**/*.avsc", or a list of them',
      '8:10 subjects[1].key: got "yes"; expected true or false',
    ]);
  });

  it('checks the mapping rules across fields', () => {
    const text = [
      'version: 1',
      'subjects:',
      '  - files: a.avsc',
      '  - files: b.avsc',
      '    subject: b-value',
      '    topic: b',
      '  - files: c.avsc',
      '    strategy: RecordNameStrategy',
      '    topic: c',
      '    key: true',
      '  - files: "d/{x.avsc"',
      '    topic: d',
    ].join('\n');
    expect(problems(text)).toEqual([
      '3:5 subjects[0]: TopicNameStrategy (from defaults.strategy) needs a topic; add `topic: <kafka topic>` or an explicit `subject`',
      '6:5 subjects[1].topic: has no effect because `subject` names the subject explicitly; remove `topic` or `subject`',
      '9:5 subjects[2].topic: RecordNameStrategy names subjects after the record alone; remove `topic` or use TopicRecordNameStrategy',
      '10:5 subjects[2].key: only TopicNameStrategy distinguishes key and value subjects, not RecordNameStrategy; remove `key`',
      `11:12 subjects[3].files[0]: got "d/{x.avsc": a '{' has no matching '}'`,
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their position', () => {
    expect(problems('version: 1\nversion: 1\n')).toEqual(['2:1 : invalid YAML: Map keys must be unique']);
    expect(problems('version: 1\nschemas: [a\n')[0]).toMatch(/^\d+:\d+ : invalid YAML: /);
  });

  it('requires the version and a mapping at the top', () => {
    expect(problems('')).toEqual(['1:1 version: is missing; expected 1 (the only config format version)']);
    expect(problems('- a\n')).toEqual(['1:1 : got ["a"]; expected a mapping with `version: 1` and the sections schemas, defaults, subjects']);
  });

  it('reads the once-reserved sections as real ones, without warnings', () => {
    const { settings, warnings } = parseConfigText('version: 1\napprovals:\n  required:\n    platform-lead: 2\non-registry-unavailable: offline\n', 'g.yaml');
    expect(warnings).toEqual([]);
    expect([settings.approvals.required.platformLead, settings.onRegistryUnavailable]).toEqual([2, 'offline']);
  });

  it('leaves the followups and schedule sections to the jobs that read them', () => {
    const text = 'version: 1\nfollowups:\n  folder: postmortems\nschedule:\n  timezone: Australia/Sydney\n';
    expect(parseConfigText(text, 'g.yaml').warnings).toEqual([]);
  });

  it('formats the error message on one line with file:line:column', () => {
    expect(() => parseConfigText('version: 1\ndefaults:\n  compatibility: 3\n', 'cfg/g.yaml')).toThrow(
      `cfg/g.yaml:3:18: defaults.compatibility: got 3; expected one of ${LEVELS}`,
    );
  });

  it('refuses alias bombs', () => {
    const lines = ['version: 1', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    expect(problems(lines.join('\n'))[0]).toMatch(/cannot expand YAML aliases|unknown key/);
  });
});

describe('loadConfig', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardrails-config-'));
    dirs.push(dir);
    return dir;
  };

  it('uses the embedded default when the root has no guardrails.yaml', async () => {
    const root = tempDir();
    expect(await loadConfig({ cwd: root, root })).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
  });

  it('reads guardrails.yaml at the root, and an explicit path relative to cwd', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'guardrails.yaml'), 'version: 1\ndefaults:\n  compatibility: FULL\n');
    writeFileSync(join(root, 'other.yaml'), 'version: 1\ndefaults:\n  compatibility: NONE\n');
    expect((await loadConfig({ cwd: '/', root })).settings.defaults.compatibility).toBe('FULL');
    expect((await loadConfig({ cwd: root, root: '/', path: 'other.yaml' })).settings).toMatchObject({
      source: 'other.yaml',
      defaults: { compatibility: 'NONE' },
    });
  });

  it('fails when an explicit path is missing', async () => {
    const root = tempDir();
    await expect(loadConfig({ cwd: root, root, path: 'nope.yaml' })).rejects.toThrow('nope.yaml: config file not found; check the --config path');
  });
});
