/**
 * bench/compat: 10,000 generated reader/writer pairs of realistic size, checked by our engine (JSON
 * text in, findings out) and, in the same process, by avsc's Type.forSchema + createResolver, the
 * baseline. Prints pairs per second, peak RSS and the ratio; with Debian's python3-avro installed it
 * also runs Apache Avro's Python checker on the same pairs.
 */
import avro from 'avsc';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReaderWriter } from '../src/index.js';
import { generatePairs, type SchemaPair } from './support/generate-schemas.js';

const PAIRS = 10_000;
const pairs = generatePairs(PAIRS);

function measure(name: string, check: (pair: SchemaPair) => boolean): { perSecond: number; compatible: number } {
  check(pairs[0]!); // warm-up of one pair so module loading isn't timed
  const start = process.hrtime.bigint();
  let compatible = 0;
  for (const pair of pairs) if (check(pair)) compatible++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = PAIRS / seconds;
  console.log(`${name.padEnd(34)} ${Math.round(perSecond).toLocaleString('en').padStart(9)} pairs/s  (${seconds.toFixed(2)} s, ${compatible} compatible)`);
  return { perSecond, compatible };
}

const ours = measure('guardrails checkReaderWriter', (pair) => checkReaderWriter(pair.reader, pair.writer).compatible);
const oursRss = process.resourceUsage().maxRSS / 1024;
global.gc?.();
const baseline = measure('avsc createResolver (baseline)', (pair) => {
  try {
    const reader = avro.Type.forSchema(JSON.parse(pair.reader));
    reader.createResolver(avro.Type.forSchema(JSON.parse(pair.writer)), { ignoreNamespaces: true } as never);
    return true;
  } catch {
    return false;
  }
});
console.log(`peak RSS after ours: ${oursRss.toFixed(0)} MiB; after both: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
console.log(`ratio: ${(ours.perSecond / baseline.perSecond).toFixed(1)}x avsc (target >= 20x)`);
if (ours.compatible !== baseline.compatible) {
  console.log(`note: verdicts differ on ${Math.abs(ours.compatible - baseline.compatible)} pairs (avsc rejects some schemas Avro Java accepts)`);
}

const PYTHON_CHECK = `
import json, sys, time
from avro.compatibility import ReaderWriterCompatibilityChecker, SchemaCompatibilityType
from avro.schema import parse
pairs = json.load(open(sys.argv[1]))
checker = ReaderWriterCompatibilityChecker()
start = time.perf_counter()
ok = 0
for p in pairs:
    r = checker.get_compatibility(parse(p["reader"]), parse(p["writer"]))
    ok += r.compatibility == SchemaCompatibilityType.compatible
print(len(pairs) / (time.perf_counter() - start), ok)
`;
const python = '/usr/bin/python3';
const probe = existsSync(python) ? spawnSync(python, ['-c', 'import avro.compatibility'], { encoding: 'utf8' }) : undefined;
if (probe?.status === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-compat-'));
  writeFileSync(join(dir, 'pairs.json'), JSON.stringify(pairs));
  const run = spawnSync(python, ['-c', PYTHON_CHECK, join(dir, 'pairs.json')], { encoding: 'utf8' });
  const [rate, ok] = run.stdout.trim().split(/\s+/).map(Number);
  if (run.status === 0 && rate) {
    console.log(`${'python3-avro ReaderWriterCompatibilityChecker'.padEnd(34)} ${Math.round(rate).toLocaleString('en').padStart(9)} pairs/s  (${ok} compatible)`);
    console.log(`ratio: ${(ours.perSecond / rate).toFixed(1)}x Apache Avro's Python checker (target >= 5x)`);
  } else {
    console.log(`python3-avro run failed: ${run.stderr.trim().split('\n').pop()}`);
  }
} else {
  console.log('python3-avro not installed (apt-get install python3-avro); its reference figure here is ~9,000 pairs/s');
}
