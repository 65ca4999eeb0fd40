/**
 * deploy/kubernetes: the PrometheusRule holds exactly the plain rules file's groups, the ServiceMonitor scrapes
 * the scheduler's Service as the scrape job the rules read, every manifest is listed by a kustomization or
 * documented as applied on its own, and every container of the image runs a guardrails command that exists with
 * options that exist. With kubectl here, `kubectl kustomize` builds the base and the monitoring component.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { guardrailsCommandLines, invocationProblems, jobArgsProblems } from '../package/cli-invocation.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const K8S = join(ROOT, 'deploy/kubernetes');
const MONITORING = join(K8S, 'monitoring');
const GRAFANA = join(ROOT, 'deploy/grafana');
const IMAGE = /^ghcr\.io\/acme\/guardrails:\d+\.\d+\.\d+$/;

interface Manifest { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: Record<string, unknown>; data?: Record<string, string> }
interface Container { name: string; image: string; command?: string[]; args?: string[] }
interface Kustomization { kind?: string; resources?: string[]; components?: string[]; configMapGenerator?: Array<{ name: string; namespace?: string; files?: string[]; options?: { labels?: Record<string, string>; disableNameSuffixHash?: boolean } }> }

const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;
const manifestsOf = (path: string): Manifest[] => parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS() as Manifest).filter((m) => m !== null);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

const manifestFiles = yamlFiles(K8S).filter((f) => !f.endsWith('kustomization.yaml'));
const allManifests = manifestFiles.flatMap((file) => manifestsOf(file).map((manifest) => ({ file: relative(ROOT, file), manifest })));
const byKind = (kind: string) => allManifests.filter(({ manifest }) => manifest.kind === kind).map(({ manifest }) => manifest);

/** Every container of a workload, wherever its pod template sits (Deployment, Job, CronJob). */
function containersOf(manifest: Manifest): Container[] {
  const found: Container[] = [];
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      if (key === 'containers' || key === 'initContainers') found.push(...(node as Container[]));
      else for (const item of node) visit(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) visit(v, k);
    }
  };
  visit(manifest.spec);
  return found;
}

describe('deploy/kubernetes/monitoring', () => {
  it('holds in the PrometheusRule exactly the groups of deploy/prometheus/guardrails-rules.yaml', () => {
    const [rule] = manifestsOf(join(MONITORING, 'prometheusrule.yaml'));
    const plain = readYaml<{ groups: unknown[] }>(join(ROOT, 'deploy/prometheus/guardrails-rules.yaml'));
    expect(rule).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
    expect(Object.keys(rule!.spec!)).toEqual(['groups']);
    expect(rule!.spec!.groups, 'edit prometheusrule.yaml with guardrails-rules.yaml: its spec.groups are that file\'s groups').toEqual(plain.groups);
  });

  it('scrapes the scheduler Service with honorLabels as the scrape job guardrails_scheduler that the rules read', () => {
    const [monitor] = manifestsOf(join(MONITORING, 'servicemonitor.yaml'));
    expect(monitor).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor' });
    const spec = monitor!.spec as { jobLabel: string; selector: { matchLabels: Record<string, string> }; namespaceSelector: { matchNames: string[] }; endpoints: Array<{ port: string; path: string; honorLabels: boolean }> };
    const services = byKind('Service').filter((s) => Object.entries(spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v));
    expect(services.map((s) => s.metadata.name)).toEqual(['guardrails-scheduler']);
    const service = services[0]!;
    expect(spec.namespaceSelector.matchNames).toContain(service.metadata.namespace);
    expect(service.metadata.labels?.[spec.jobLabel]).toBe('guardrails_scheduler');
    const rules = readFileSync(join(ROOT, 'deploy/prometheus/guardrails-rules.yaml'), 'utf8');
    expect(rules).toContain('up{job="guardrails_scheduler"}');
    const ports = (service.spec as { ports: Array<{ name: string }> }).ports.map((p) => p.name);
    expect(spec.endpoints.length).toBeGreaterThan(0);
    for (const endpoint of spec.endpoints) {
      expect(ports).toContain(endpoint.port);
      expect(endpoint).toMatchObject({ path: '/metrics', honorLabels: true });
    }
  });

  it('generates the dashboard ConfigMap from deploy/grafana/guardrails.json with the grafana_dashboard label', () => {
    const grafana = readYaml<Kustomization>(join(GRAFANA, 'kustomization.yaml'));
    expect(grafana.kind).toBe('Component');
    expect(grafana.configMapGenerator).toEqual([expect.objectContaining({ name: 'guardrails-dashboard', files: ['guardrails.json'] })]);
    expect(grafana.configMapGenerator![0]!.options?.labels).toEqual({ grafana_dashboard: '1' });
  });

  it('lists every file of the component, and the dashboard component, in its kustomization', () => {
    const component = readYaml<Kustomization>(join(MONITORING, 'kustomization.yaml'));
    expect(component.kind).toBe('Component');
    const files = readdirSync(MONITORING).filter((f) => f !== 'kustomization.yaml');
    expect([...(component.resources ?? [])].sort()).toEqual(files.sort());
    expect(component.components).toEqual(['../../grafana']);
  });
});

describe('deploy/kubernetes', () => {
  it('lists every manifest in a kustomization, or in the README as applied on its own, and lists only files that exist', () => {
    const base = readYaml<Kustomization>(join(K8S, 'kustomization.yaml'));
    const readme = readFileSync(join(K8S, 'README.md'), 'utf8');
    const listed = new Set([...(base.resources ?? []).map((r) => join(K8S, r)), ...(readYaml<Kustomization>(join(MONITORING, 'kustomization.yaml')).resources ?? []).map((r) => join(MONITORING, r))]);
    for (const path of listed) expect(manifestFiles, relative(ROOT, path)).toContain(path);
    for (const file of manifestFiles) {
      const name = relative(K8S, file);
      expect(listed.has(file) || readme.includes(`| \`${name}\` |`), `${name} is in no kustomization and not in deploy/kubernetes/README.md`).toBe(true);
      expect(readme, `deploy/kubernetes/README.md describes ${name}`).toContain(`\`${name}\``);
    }
  });

  it('runs the one guardrails image, pinned to the release of package.json, in every container that is not a helper', () => {
    const { version } = readYaml<{ version: string }>(join(ROOT, 'package.json'));
    const workloads = allManifests.filter(({ manifest }) => containersOf(manifest).length > 0);
    expect(workloads.length).toBeGreaterThan(0);
    for (const { file, manifest } of workloads) {
      for (const container of containersOf(manifest).filter((c) => c.image.includes('guardrails'))) {
        expect(container.image, `${file} ${manifest.metadata.name}/${container.name}`).toBe(`ghcr.io/acme/guardrails:${version}`);
      }
    }
  });

  it('runs only guardrails commands and options that exist', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { file, manifest } of allManifests) {
      for (const container of containersOf(manifest).filter((c) => IMAGE.test(c.image))) {
        const where = `${file} ${manifest.metadata.name}/${container.name}`;
        // No command: the image's ENTRYPOINT ["guardrails"] gets args. A shell command: its script's guardrails lines.
        const lines = container.command === undefined ? [container.args ?? []] : guardrailsCommandLines([...container.command, ...(container.args ?? [])].slice(2).join('\n'));
        expect(lines.length, `${where} runs guardrails`).toBeGreaterThan(0);
        for (const argv of lines) {
          checked += 1;
          problems.push(...invocationProblems(where, argv));
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });

  it('gives each scheduled job of the ConfigMap arguments its command accepts', () => {
    const [config] = manifestsOf(join(K8S, 'configmap.yaml')).filter((m) => m.metadata.name === 'guardrails-config');
    const guardrails = parse(config!.data!['guardrails.yaml']!) as { schedule: { jobs: Record<string, { args?: string[] }> } };
    const jobs = Object.entries(guardrails.schedule.jobs);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.flatMap(([job, { args }]) => jobArgsProblems(`configmap.yaml schedule.jobs.${job}.args`, job, args ?? []))).toEqual([]);
  });

  it('gives every CronJob and Job the metrics ConfigMap, whose variables are the options of the push', () => {
    const [metrics] = manifestsOf(join(K8S, 'configmap.yaml')).filter((m) => m.metadata.name === 'guardrails-metrics');
    expect(Object.keys(metrics!.data!).sort()).toEqual(['GUARDRAILS_METRICS_INSTANCE', 'GUARDRAILS_PUSHGATEWAY_URL']);
    const batch = allManifests.filter(({ manifest }) => manifest.kind === 'CronJob' || manifest.kind === 'Job');
    expect(batch.length).toBeGreaterThan(0);
    for (const { file, manifest } of batch) {
      for (const container of containersOf(manifest).filter((c) => IMAGE.test(c.image))) {
        const envFrom = (container as { envFrom?: Array<{ configMapRef?: { name: string } }> }).envFrom ?? [];
        expect(envFrom.map((e) => e.configMapRef?.name), `${file} ${manifest.metadata.name}`).toContain('guardrails-metrics');
      }
    }
  });
});

function hasKubectl(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
}

describe.skipIf(!hasKubectl())('kubectl kustomize (skipped: no kubectl here)', () => {
  const overlay = mkdtempSync(join(tmpdir(), 'guardrails-overlay-'));
  afterAll(() => rmSync(overlay, { recursive: true, force: true }));
  const build = (dir: string) => parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })).map((d) => d.toJS() as Manifest);

  it('builds the base', () => {
    const kinds = build(K8S).map((m) => `${m.kind}/${m.metadata.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Namespace/guardrails', 'Deployment/guardrails-scheduler', 'Service/guardrails-scheduler', 'ConfigMap/guardrails-metrics']));
  });

  it('builds an overlay with the monitoring component: the rule, the ServiceMonitor and the dashboard, byte for byte', () => {
    writeFileSync(join(overlay, 'kustomization.yaml'), `resources: [${JSON.stringify(relative(overlay, K8S))}]\ncomponents: [${JSON.stringify(relative(overlay, MONITORING))}]\n`);
    const built = build(overlay);
    const names = built.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(names).toEqual(expect.arrayContaining(['PrometheusRule/guardrails', 'ServiceMonitor/guardrails-scheduler', 'ConfigMap/guardrails-dashboard']));
    const dashboard = built.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'guardrails-dashboard')!;
    expect(dashboard.metadata).toMatchObject({ namespace: 'guardrails', labels: { grafana_dashboard: '1' } });
    expect(dashboard.data!['guardrails.json']).toBe(readFileSync(join(GRAFANA, 'guardrails.json'), 'utf8'));
  });
});
