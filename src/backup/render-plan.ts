/** The restore plan and outcome as text for the terminal and the job summary (pure). */
import type { ApplyResult } from './apply.js';
import type { RestorePlan, SettingChange } from './plan.js';

const LIMIT = 50;

export function renderPlan(plan: RestorePlan, options: { readonly dryRun: boolean; readonly all?: boolean }): string {
  const subjects = new Set(plan.register.map((r) => r.record.subject)).size;
  const forced = plan.imports.filter((i) => i.force).length;
  const lines = [
    `Restore plan${options.dryRun ? ' (dry run: nothing will be written)' : ''}; ids and versions ${plan.preserveIds ? 'preserved (IMPORT mode)' : 'NOT preserved'}`,
    `  create     ${plan.register.length} version(s) in ${subjects} subject(s)`,
    `  identical  ${plan.skip.length} version(s), skipped`,
    `  conflicts  ${plan.conflicts.length}`,
    `  delete     ${plan.softDeletes.length} soft delete(s) to re-apply`,
    `  import     ${plan.imports.length} subject(s) enter IMPORT mode${forced ? ` (${forced} with force: they already have versions)` : ''}`,
    `  settings   ${plan.settings.length} config/mode change(s)`,
  ];
  const limit = options.all ? Number.POSITIVE_INFINITY : LIMIT;
  section(lines, 'Conflicts (nothing is written while any remain):', plan.conflicts.map((c) => `! ${c.subject}${c.version ? ` v${c.version}` : ''}: ${c.message}`), limit);
  section(lines, 'Left in IMPORT by an earlier run (will be reset):', plan.imports.filter((i) => i.leftInImport).map((i) => `~ ${i.subject}`), limit);
  section(lines, 'Create:', plan.register.map(({ record: v }) => `+ ${v.subject} v${v.version} (id ${v.id}${v.deleted ? ', then soft-deleted' : ''})`), limit);
  section(lines, 'Soft delete:', plan.softDeletes.map((d) => `- ${d.subject} v${d.version}`), limit);
  section(lines, 'Settings:', plan.settings.map(describeSetting), limit);
  return `${lines.join('\n')}\n`;
}

export function renderOutcome(applied: ApplyResult, differences: readonly string[], warnings: readonly string[] = []): string {
  const lines = [
    `Restored: ${applied.registered} version(s) registered, ${applied.softDeleted} soft delete(s), ${applied.settingsChanged} setting(s).`,
    differences.length === 0 ? 'Verified: the target matches the backup.' : `Verification found ${differences.length} difference(s):`,
    ...differences.slice(0, LIMIT).map((d) => `  ≠ ${d}`),
    ...(differences.length > LIMIT ? [`  … and ${differences.length - LIMIT} more`] : []),
    ...warnings.map((w) => `Warning: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], title: string, items: readonly string[], limit: number): void {
  if (items.length === 0) return;
  lines.push(title, ...items.slice(0, limit).map((i) => `  ${i}`));
  if (items.length > limit) lines.push(`  … and ${items.length - limit} more (--plan-out writes them all)`);
}

function describeSetting(c: SettingChange): string {
  const where = c.scope === 'global' ? 'global' : c.scope === 'context' ? `context ${c.name}` : c.name;
  if (c.action === 'remove') return `${where}: remove the ${c.kind} override`;
  const value = c.kind === 'mode' ? c.mode : JSON.stringify(c.config);
  return `${where}: ${c.kind} := ${value}${c.replace ? ' (replacing the whole override)' : ''}`;
}
