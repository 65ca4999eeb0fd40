/**
 * Conformance against the 733-case Avro compatibility corpus (../shared/corpus/avro-compat): schemas
 * and expectations taken from the Avro Java/Python/Ruby and Confluent Schema Registry test suites,
 * with Avro Java 1.12.1's own findings recorded per case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLevel, checkReaderWriterSchemas, parseCompatibilityLevel } from '../../src/avro/compat/index.js';
import type { LevelResult, PairResult } from '../../src/avro/compat/index.js';
import type { Schema } from '../../src/avro/model.js';
import { parseSchema } from '../../src/avro/parse.js';

interface Expected {
  readonly type: string;
  readonly location?: string;
  readonly message?: string;
}

interface CorpusCase {
  readonly id: string;
  readonly reader?: unknown;
  readonly writer?: unknown;
  readonly level?: string;
  readonly history?: readonly unknown[];
  readonly candidate?: unknown;
  readonly compatible: boolean;
  readonly note?: string;
  readonly expectedIncompatibilities?: readonly Expected[];
  readonly results: {
    readonly avroJava_1_12_1: { compatible: boolean; incompatibilities?: readonly Expected[]; error?: string };
  };
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS_FILE = join(PROJECT_ROOT, '../shared/corpus/avro-compat/avro-compat-cases.json');
const present = existsSync(CORPUS_FILE);
const cases: readonly CorpusCase[] = present ? (JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as CorpusCase[]) : [];

/** Ruby-only rules (decimal bytes↔fixed, fixed names ignored for decimals, namespaces in union branch matching). */
const RUBY_ONLY = ['avro-ruby-126', 'avro-ruby-128', 'avro-ruby-133', 'avro-ruby-134', 'avro-ruby-141', 'avro-ruby-142', 'avro-ruby-143', 'avro-ruby-144', 'avro-ruby-148'];
/** Avro's grammar-based SchemaValidator ignores record names and reflect AllowNull unions; the registry does not use it. */
const VALIDATOR_ONLY = ['avro-java-validator-266', 'avro-java-validator-267'];
const DEVIATIONS = new Set([...RUBY_ONLY, ...VALIDATOR_ONLY]);

/**
 * The corpus holds registry-stored schemas (e.g. the empty union), so defaults and logical types are
 * read leniently like the registry; names stay strict, since every corpus schema has names Avro Java accepts.
 */
function parse(json: unknown): Schema {
  return parseSchema(json, { strict: false }).root;
}

type Outcome = { kind: 'pair'; result: PairResult } | { kind: 'level'; result: LevelResult };

function run(testCase: CorpusCase): Outcome {
  if (testCase.level !== undefined) {
    const history = (testCase.history ?? []).map(parse);
    const result = checkLevel(parse(testCase.candidate), history, parseCompatibilityLevel(testCase.level));
    return { kind: 'level', result };
  }
  return { kind: 'pair', result: checkReaderWriterSchemas(parse(testCase.reader), parse(testCase.writer)) };
}

/**
 * Avro Java's triples for the case. For a sequence the corpus records the findings of the first failing
 * reader/writer check in Confluent's order (newest version first; FULL: the old schema reading new data
 * first). Confluent's own message list appends the other direction of that version too; ours has all.
 */
function reported(outcome: Outcome): Expected[] {
  let findings: readonly Expected[];
  if (outcome.kind === 'pair') {
    findings = outcome.result.incompatibilities;
  } else {
    const first = outcome.result.findings[0];
    findings = outcome.result.findings.filter((f) => f.version === first?.version && f.direction === first.direction);
  }
  return findings.map(({ type, location, message }) => ({ type, location, message }));
}

/** Keeps only the facts the test asserted (some record no location or message). */
function asserted(actual: Expected, expected: Expected): Expected {
  return {
    type: actual.type,
    ...(expected.location !== undefined ? { location: actual.location } : {}),
    ...(expected.message !== undefined ? { message: actual.message } : {}),
  };
}

function expectTestAssertions(testCase: CorpusCase, actual: Expected[]): void {
  const expected = testCase.expectedIncompatibilities;
  if (expected === undefined) return;
  // Two Java tests assert only the first incompatibility / location ("note" says so).
  const firstOnly = testCase.note?.includes('only the first') ?? false;
  const compared = firstOnly ? actual.slice(0, expected.length) : actual;
  expect(compared.map((a, i) => asserted(a, expected[i] ?? a))).toEqual(expected);
}

function expectAvroJavaFindings(testCase: CorpusCase, outcome: Outcome): void {
  const java = testCase.results.avroJava_1_12_1;
  if (java.incompatibilities !== undefined) expect(reported(outcome)).toEqual(java.incompatibilities);
  if (java.error !== undefined) {
    // Java prints the writer record's JSON at the end; we name it (see CheckFailure.message).
    const failure = outcome.kind === 'pair' ? outcome.result.failure : undefined;
    expect(failure?.code).toBe('AMBIGUOUS_FIELD_MATCH');
    const stem = (failure?.message ?? '').replace(/schema \S+$/, 'schema ');
    expect(java.error).toContain(stem);
  }
}

describe.skipIf(!present)('Avro compatibility corpus (needs ../shared/corpus/avro-compat; skipped when it is absent)', () => {
  it('has the 733 documented cases', () => {
    expect(cases).toHaveLength(733);
  });

  const parity = cases.filter((c) => !DEVIATIONS.has(c.id));

  it.each(parity)('$id gives the expected verdict and Avro Java 1.12.1 findings', (testCase) => {
    const outcome = run(testCase);
    expect(outcome.result.compatible).toBe(testCase.compatible);
    expect(testCase.results.avroJava_1_12_1.compatible).toBe(testCase.compatible);
    const actual = reported(outcome);
    expectTestAssertions(testCase, actual);
    expectAvroJavaFindings(testCase, outcome);
  });

  const deviationCases = (ids: readonly string[]) => cases.filter((c) => ids.includes(c.id));

  // Avro Ruby resolves decimals across bytes/fixed and matches union branches ignoring namespaces;
  // Avro Java (and so the registry) does not. We follow the registry on purpose.
  it.each(deviationCases(RUBY_ONLY))(
    '$id: Ruby-only decimal/union-name rule, we give the Avro Java / Confluent verdict instead',
    (testCase) => {
      const outcome = run(testCase);
      const java = testCase.results.avroJava_1_12_1;
      expect(java.compatible).not.toBe(testCase.compatible);
      expect(outcome.result.compatible).toBe(java.compatible);
      expectAvroJavaFindings(testCase, outcome);
    },
  );

  // Avro's SchemaValidator (ResolvingGrammarGenerator) ignores record names; Confluent runs
  // SchemaCompatibility, which reports NAME_MISMATCH. We follow the registry on purpose.
  it.each(deviationCases(VALIDATOR_ONLY))(
    '$id: SchemaValidator-only verdict, we give the Avro Java SchemaCompatibility / Confluent verdict instead',
    (testCase) => {
      const outcome = run(testCase);
      const java = testCase.results.avroJava_1_12_1;
      expect(java.compatible).not.toBe(testCase.compatible);
      expect(outcome.result.compatible).toBe(java.compatible);
      expectAvroJavaFindings(testCase, outcome);
    },
  );

  it('lists every deviation once and nothing else', () => {
    expect(deviationCases([...DEVIATIONS]).map((c) => c.id).sort()).toEqual([...DEVIATIONS].sort());
    const disagreeing = cases.filter((c) => c.results.avroJava_1_12_1.compatible !== c.compatible).map((c) => c.id);
    expect(disagreeing.sort()).toEqual([...DEVIATIONS].sort());
  });
});
