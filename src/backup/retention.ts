/**
 * Which backups to delete (pure): keep the newest N, or those younger than N days, or both (a
 * backup either rule keeps is kept). Only directories named by the default scheme
 * (`backup-YYYYMMDDTHHMMSSZ`) take part, so a backup given its own --name is never deleted; the
 * newest backup is always kept.
 */

export interface RetentionRule {
  readonly keepLast?: number;
  readonly keepDays?: number;
}

const NAME = /^backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function backupTime(name: string): Date | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

/** The names to delete among `names`, at time `now`. */
export function expiredBackups(names: readonly string[], rule: RetentionRule, now: Date): string[] {
  if (rule.keepLast === undefined && rule.keepDays === undefined) return [];
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== undefined)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const cutoff = rule.keepDays === undefined ? undefined : now.getTime() - rule.keepDays * 86_400_000;
  return dated
    .filter((b, index) => {
      if (index === 0) return false;
      const keptByCount = rule.keepLast !== undefined && index < rule.keepLast;
      const keptByAge = cutoff !== undefined && b.at.getTime() >= cutoff;
      return !keptByCount && !keptByAge;
    })
    .map((b) => b.name);
}
