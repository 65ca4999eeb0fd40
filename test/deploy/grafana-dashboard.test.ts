/**
 * deploy/grafana/guardrails.json and deploy/prometheus/guardrails-rules.yaml read only metrics the code
 * registers: every PromQL expression is parsed with Prometheus's own grammar and each vector selector's
 * metric name is looked up among the names the job and scheduler registries export. Plus the lint a
 * dashboard needs to import anywhere: the `${datasource}` variable on every panel and query variable,
 * unique panel ids, and a layout inside Grafana's 24 columns.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { JOB_METRIC_NAMES } from '../../src/scheduler/job-metric-catalogue.js';
import { SchedulerMetrics } from '../../src/scheduler/metrics.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DASHBOARD_PATH = 'deploy/grafana/guardrails.json';
const RULES_PATH = 'deploy/prometheus/guardrails-rules.yaml';

interface Datasource { type?: string; uid?: string }
interface Target { refId: string; expr?: string; datasource?: Datasource }
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: Datasource;
  targets?: Target[];
  panels?: Panel[];
}
interface Variable { name: string; type: string; query?: string | { query?: string }; definition?: string; datasource?: Datasource }
interface Dashboard { uid: string; title: string; id: null; schemaVersion: number; templating: { list: Variable[] }; panels: Panel[] }
interface RuleGroup { name: string; rules: Array<{ alert?: string; record?: string; expr: string }> }

const dashboard = JSON.parse(readFileSync(`${ROOT}${DASHBOARD_PATH}`, 'utf8')) as Dashboard;
const ruleGroups = (parse(readFileSync(`${ROOT}${RULES_PATH}`, 'utf8')) as { groups: RuleGroup[] }).groups;

/** Every panel, those inside collapsed rows included. */
function allPanels(panels: readonly Panel[]): Panel[] {
  return panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);
}

/** The names a prom-client registry exposes: a histogram or summary is read as its `_bucket`/`_sum`/`_count` series. */
function exposedNames(metrics: ReadonlyArray<{ name: string; type: unknown }>): string[] {
  return metrics.flatMap(({ name, type }) => {
    if (String(type) === 'histogram') return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
    if (String(type) === 'summary') return [name, `${name}_sum`, `${name}_count`];
    return [name];
  });
}

/** What the code registers: the jobs' metric catalogue, and the registry of a scheduler with one job. */
async function registeredMetricNames(): Promise<Set<string>> {
  const scheduler = new SchedulerMetrics([{ name: 'backup', timeoutSeconds: 60 }]);
  return new Set([...JOB_METRIC_NAMES, ...exposedNames(await scheduler.registry.getMetricsAsJSON())]);
}

/** Series that other programs expose and the rules and dashboard may read. */
const FOREIGN_METRICS = new Set(['up', 'push_time_seconds', 'push_failure_time_seconds']);
const FOREIGN_PREFIXES = ['node_textfile_'];

/** Grafana's variables replaced by values that keep the expression's shape: a duration, or text inside a string. */
function substituteVariables(expr: string): string {
  return expr
    .replace(/\$\{?__(rate_interval|interval|range)\}?/g, '5m')
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(:[a-z]+)?\}|\$[A-Za-z_][A-Za-z0-9_]*/g, 'value');
}

/** A variable's query: PromQL, or Grafana's `label_values(selector, label)` whose selector is PromQL. */
function variableExpr(variable: Variable): string | undefined {
  const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
  if (query === undefined || variable.type !== 'query') return undefined;
  const labelValues = /^\s*label_values\((.*),\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*$/.exec(query);
  return labelValues ? labelValues[1] : query;
}

interface Selectors { errors: string[]; names: string[] }

/** Parses PromQL and returns the metric name of every vector selector, or where it does not parse. */
function vectorSelectorNames(expr: string): Selectors {
  const tree = parser.parse(expr);
  const result: Selectors = { errors: [], names: [] };
  tree.iterate({
    enter(node) {
      if (node.type.isError) result.errors.push(`parse error at ${node.from}: ${JSON.stringify(expr.slice(Math.max(0, node.from - 20), node.from + 20))}`);
      if (node.name !== 'VectorSelector') return;
      const identifier = node.node.getChild('Identifier');
      if (identifier) {
        result.names.push(expr.slice(identifier.from, identifier.to));
        return;
      }
      const byName = /__name__\s*=\s*"([^"]+)"/.exec(expr.slice(node.from, node.to));
      if (byName) result.names.push(byName[1]!);
      else result.errors.push(`a selector without a metric name: ${expr.slice(node.from, node.to)}`);
    },
  });
  return result;
}

interface Query { where: string; expr: string }

function dashboardQueries(): Query[] {
  const panels = allPanels(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? []).filter((t) => t.expr !== undefined).map((t) => ({ where: `panel ${panel.id} "${panel.title}" ${t.refId}`, expr: t.expr! })));
  const variables = dashboard.templating.list.flatMap((v) => {
    const expr = variableExpr(v);
    return expr === undefined ? [] : [{ where: `variable $${v.name}`, expr }];
  });
  return [...panels, ...variables];
}

function ruleQueries(): Query[] {
  return ruleGroups.flatMap((group) => group.rules.map((rule) => ({ where: `${group.name}/${rule.alert ?? rule.record}`, expr: rule.expr })));
}

const registered = await registeredMetricNames();
const recorded = new Set(ruleGroups.flatMap((g) => g.rules.flatMap((r) => (r.record ? [r.record] : []))));

function isEmitted(name: string): boolean {
  return registered.has(name) || recorded.has(name) || FOREIGN_METRICS.has(name) || FOREIGN_PREFIXES.some((p) => name.startsWith(p));
}

/** Every metric name a file reads, each with the first query that reads it. */
function metricsRead(queries: readonly Query[]): Map<string, string> {
  const read = new Map<string, string>();
  for (const { where, expr } of queries) {
    for (const name of vectorSelectorNames(substituteVariables(expr)).names) if (!read.has(name)) read.set(name, where);
  }
  return read;
}

describe('the PromQL reader of this test', () => {
  it('reports a query that does not parse, and the names of the selectors one reads', () => {
    expect(vectorSelectorNames('sum(rate(a_total[5m]').errors).not.toEqual([]);
    expect(vectorSelectorNames('sum by (job) (rate(a_total{job="x"}[5m])) / on (job) b or {__name__="c"}')).toEqual({ errors: [], names: ['a_total', 'b', 'c'] });
    expect(vectorSelectorNames('{job="x"}').errors).toEqual(['a selector without a metric name: {job="x"}']);
  });
});

for (const [file, queries] of [[DASHBOARD_PATH, dashboardQueries()], [RULES_PATH, ruleQueries()]] as const) {
  describe(`${file}: PromQL`, () => {
    it('has queries, and every one parses as PromQL once Grafana variables are substituted', () => {
      expect(queries.length).toBeGreaterThan(0);
      for (const { where, expr } of queries) {
        expect(vectorSelectorNames(substituteVariables(expr)).errors, `${where}: ${expr}`).toEqual([]);
      }
    });

    it('reads only metrics the code registers, or that Prometheus, the Pushgateway or node_exporter expose', () => {
      const read = metricsRead(queries);
      expect(read.size).toBeGreaterThan(0);
      const unknown = [...read].filter(([name]) => !isEmitted(name)).map(([name, where]) => `${where} reads ${name}`);
      expect(unknown, 'metrics nothing emits').toEqual([]);
    });
  });
}

describe(`${DASHBOARD_PATH}: lint`, () => {
  const panels = allPanels(dashboard.panels);

  it('is a Classic dashboard ready for import: a stable uid, no id, an integer schemaVersion', () => {
    expect(dashboard.uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(dashboard.id).toBeNull();
    expect(Number.isInteger(dashboard.schemaVersion)).toBe(true);
  });

  it('has a Prometheus datasource variable, and query variables for job, table and incident_severity that use it', () => {
    const variables = new Map(dashboard.templating.list.map((v) => [v.name, v]));
    expect(variables.get('datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    for (const name of ['job', 'table', 'incident_severity']) {
      expect(variables.get(name), name).toMatchObject({ type: 'query', datasource: { type: 'prometheus', uid: '${datasource}' } });
    }
  });

  it('gives every panel but rows, and every target, the ${datasource} variable', () => {
    for (const panel of panels.filter((p) => p.type !== 'row')) {
      expect(panel.datasource, `panel ${panel.id} "${panel.title}"`).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length, `panel ${panel.id} "${panel.title}" has queries`).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) {
        expect(target.datasource, `panel ${panel.id} ${target.refId}`).toEqual({ type: 'prometheus', uid: '${datasource}' });
      }
    }
  });

  it('gives every panel a unique id and every target of a panel a unique refId', () => {
    const ids = panels.map((p) => p.id);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of panels) {
      const refIds = (panel.targets ?? []).map((t) => t.refId);
      expect(new Set(refIds).size, `panel ${panel.id}`).toBe(refIds.length);
    }
  });

  it('lays every panel out inside 24 columns', () => {
    for (const { id, gridPos } of panels) {
      expect(Number.isInteger(gridPos.x) && Number.isInteger(gridPos.w) && Number.isInteger(gridPos.y) && Number.isInteger(gridPos.h), `panel ${id}`).toBe(true);
      expect(gridPos.x, `panel ${id}`).toBeGreaterThanOrEqual(0);
      expect(gridPos.w, `panel ${id}`).toBeGreaterThan(0);
      expect(gridPos.h, `panel ${id}`).toBeGreaterThan(0);
      expect(gridPos.x + gridPos.w, `panel ${id}`).toBeLessThanOrEqual(24);
    }
  });

  it('documents every variable in docs/observability.md', () => {
    const doc = readFileSync(`${ROOT}docs/observability.md`, 'utf8');
    const start = doc.indexOf('\n## Dashboard\n');
    expect(start, 'a ## Dashboard section').toBeGreaterThan(-1);
    const section = doc.slice(start);
    for (const variable of dashboard.templating.list) expect(section, variable.name).toContain(`\`${variable.name}\``);
  });
});

function hasPromtool(): boolean {
  return spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
}

describe.skipIf(!hasPromtool())(`${DASHBOARD_PATH}: Prometheus's own parser (skipped: no promtool here; .ci/run installs Debian's prometheus package)`, () => {
  it('accepts every dashboard query, variables substituted, as the expression of a recording rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardrails-dashboard-'));
    try {
      const rules = dashboardQueries().map(({ expr }, i) => ({ record: `dashboard:query_${i}`, expr: substituteVariables(expr) }));
      writeFileSync(join(dir, 'dashboard-rules.yaml'), stringify({ groups: [{ name: 'dashboard', rules }] }));
      const check = spawnSync('promtool', ['check', 'rules', 'dashboard-rules.yaml'], { cwd: dir, encoding: 'utf8' });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toContain(`SUCCESS: ${rules.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
