import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { JOB_METRIC_NAMES } from '../../src/scheduler/job-metrics.js';
import { SCHEDULER_METRIC } from '../../src/scheduler/metrics.js';

const DIR = fileURLToPath(new URL('../../deploy/prometheus/', import.meta.url));
const RULES = `${DIR}guardrails-rules.yaml`;
const TESTS = `${DIR}guardrails-rules.test.yaml`;
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const RUNBOOK_BASE = 'https://github.com/acme/guardrails/blob/main/docs/';

interface AlertRule {
  alert: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RuleTest {
  alert_rule_test?: Array<{ alertname: string; exp_alerts: unknown[] }>;
}

const alerts: AlertRule[] = (parse(readFileSync(RULES, 'utf8')) as { groups: Array<{ rules: AlertRule[] }> }).groups.flatMap((g) => g.rules);
const ruleTests: RuleTest[] = (parse(readFileSync(TESTS, 'utf8')) as { tests: RuleTest[] }).tests;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
  return new Set(headings.map((h) => h.replace(/^#+ /, '').trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
}

describe('deploy/prometheus/guardrails-rules.yaml', () => {
  it('gives every alert a routing severity, a summary, a description and a runbook_url', () => {
    expect(alerts.length).toBeGreaterThan(0);
    for (const rule of alerts) {
      expect(rule.alert, rule.alert).toMatch(/^Guardrails[A-Z][A-Za-z]+$/);
      expect(['critical', 'warning', 'info'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toMatch(/^[A-Z].*\.$/);
      expect(rule.annotations?.description?.trim(), rule.alert).not.toBe('');
      expect(rule.annotations?.runbook_url, rule.alert).toMatch(new RegExp(`^${RUNBOOK_BASE.replace(/[./]/g, '\\$&')}`));
    }
  });

  it('points every runbook_url at a section of the docs that exists', () => {
    for (const rule of alerts) {
      const [file, anchor] = rule.annotations!.runbook_url!.slice(RUNBOOK_BASE.length).split('#');
      expect(anchor, rule.alert).toBeTruthy();
      expect([...anchors(readFileSync(`${DOCS}${file}`, 'utf8'))], `${rule.alert}: ${file}#${anchor}`).toContain(anchor);
    }
  });

  it('links only to docs sections that exist from docs/observability.md', () => {
    const doc = readFileSync(`${DOCS}observability.md`, 'utf8');
    for (const [, file, anchor] of doc.matchAll(/\]\(([a-z-]*\.md)?#([^)]+)\)/g)) {
      expect([...anchors(readFileSync(`${DOCS}${file ?? 'observability.md'}`, 'utf8'))], `${file ?? ''}#${anchor}`).toContain(anchor);
    }
  });

  it('reads only metrics that docs/observability.md lists in the contract the jobs emit', () => {
    const doc = readFileSync(`${DOCS}observability.md`, 'utf8');
    const contract = new Set([...doc.matchAll(/^\| `(guardrails_[a-z0-9_]+)`/gm)].map((m) => m[1]));
    for (const rule of alerts) {
      for (const [name] of rule.expr.matchAll(/\bguardrails_[a-z0-9_]+(?=[{)\s])/g)) {
        expect([...contract], `${rule.alert} reads ${name}`).toContain(name);
      }
    }
  });

  it('reads only metrics the code registers: the jobs\' catalogue and the scheduler\'s own', () => {
    const emitted = new Set([...JOB_METRIC_NAMES, ...Object.values(SCHEDULER_METRIC)]);
    const read = alerts.flatMap((rule) => [...rule.expr.matchAll(/\bguardrails_[a-z0-9_]+(?=[{)\s])/g)].map(([name]) => [rule.alert, name] as const));
    expect(read.length).toBeGreaterThan(0);
    for (const [alert, name] of read) expect([...emitted], `${alert} reads ${name}`).toContain(name);
  });

  it('has promtool tests in which every alert both fires and stays silent', () => {
    const cases = ruleTests.flatMap((t) => t.alert_rule_test ?? []);
    for (const rule of alerts) {
      const mine = cases.filter((c) => c.alertname === rule.alert);
      expect(mine.some((c) => c.exp_alerts.length > 0), `${rule.alert} fires in a test`).toBe(true);
      expect(mine.some((c) => c.exp_alerts.length === 0), `${rule.alert} stays silent in a test`).toBe(true);
    }
  });

  it('documents every alert in docs/observability.md', () => {
    const doc = readFileSync(`${DOCS}observability.md`, 'utf8');
    for (const rule of alerts) expect(doc).toContain(`### ${rule.alert}`);
  });
});

function hasPromtool(): boolean {
  return spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
}

describe.skipIf(!hasPromtool())('promtool on the rules (skipped: no promtool here; .ci/run installs Debian\'s prometheus package)', () => {
  const promtool = (args: string[]) => execFileSync('promtool', args, { cwd: DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('accepts the rules with every lint fatal', () => {
    expect(promtool(['check', 'rules', '--lint=all', '--lint-fatal', 'guardrails-rules.yaml'])).toContain(`SUCCESS: ${alerts.length} rules found`);
  });

  it('passes the rule unit tests', () => {
    const run = spawnSync('promtool', ['test', 'rules', 'guardrails-rules.test.yaml'], { cwd: DIR, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});
