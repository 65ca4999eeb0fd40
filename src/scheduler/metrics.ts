/** Per-job run statistics (hand-written until prom-client replaces them), rendered for /healthz (JSON) and /metrics (Prometheus text format 0.0.4). */

export interface JobStats {
  lastSuccess?: Date;
  lastFailure?: Date;
  lastDurationSeconds?: number;
  running: boolean;
  runs: Record<'succeeded' | 'failed' | 'claimed-elsewhere' | 'overlap', number>;
  durationSum: number;
  durationCount: number;
}

export class SchedulerMetrics {
  readonly jobs = new Map<string, JobStats>();

  constructor(jobNames: readonly string[]) {
    for (const name of jobNames) {
      this.jobs.set(name, { running: false, runs: { succeeded: 0, failed: 0, 'claimed-elsewhere': 0, overlap: 0 }, durationSum: 0, durationCount: 0 });
    }
  }

  private stats(job: string): JobStats {
    const s = this.jobs.get(job);
    if (!s) throw new Error(`unknown job ${job}`);
    return s;
  }

  started(job: string): void {
    this.stats(job).running = true;
  }

  finished(job: string, ok: boolean, seconds: number, at: Date): void {
    const s = this.stats(job);
    s.running = false;
    s.runs[ok ? 'succeeded' : 'failed'] += 1;
    s.lastDurationSeconds = seconds;
    s.durationSum += seconds;
    s.durationCount += 1;
    if (ok) s.lastSuccess = at;
    else s.lastFailure = at;
  }

  skipped(job: string, reason: 'claimed-elsewhere' | 'overlap'): void {
    this.stats(job).runs[reason] += 1;
  }

  prometheus(): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, rows: Array<[Record<string, string>, number]>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, v] of rows) {
        const l = Object.entries(labels).map(([k, val]) => `${k}="${val.replace(/["\\\n]/g, '_')}"`).join(',');
        lines.push(`${name}{${l}} ${v}`);
      }
    };
    const all = [...this.jobs.entries()];
    metric('guardrails_job_last_success_timestamp_seconds', 'gauge', 'Unix time of the last successful run on this replica (0: none).',
      all.map(([job, s]) => [{ job }, s.lastSuccess ? s.lastSuccess.getTime() / 1000 : 0]));
    metric('guardrails_job_last_duration_seconds', 'gauge', 'Duration of the last run on this replica.',
      all.filter(([, s]) => s.lastDurationSeconds !== undefined).map(([job, s]) => [{ job }, s.lastDurationSeconds!]));
    metric('guardrails_job_duration_seconds_sum', 'counter', 'Total seconds spent running the job on this replica.', all.map(([job, s]) => [{ job }, s.durationSum]));
    metric('guardrails_job_duration_seconds_count', 'counter', 'Runs timed on this replica.', all.map(([job, s]) => [{ job }, s.durationCount]));
    metric('guardrails_job_running', 'gauge', '1 while the job runs on this replica.', all.map(([job, s]) => [{ job }, s.running ? 1 : 0]));
    metric('guardrails_job_runs_total', 'counter', 'Scheduled slots by outcome on this replica.',
      all.flatMap(([job, s]) => Object.entries(s.runs).map(([result, n]): [Record<string, string>, number] => [{ job, result }, n])));
    return `${lines.join('\n')}\n`;
  }

  health(): Record<string, unknown> {
    return Object.fromEntries([...this.jobs.entries()].map(([job, s]) => [job, {
      running: s.running, lastSuccess: s.lastSuccess?.toISOString() ?? null, lastFailure: s.lastFailure?.toISOString() ?? null,
      lastDurationSeconds: s.lastDurationSeconds ?? null,
    }]));
  }
}
