/** The value parsers and cross-option rules only `remove-orphans` needs. */
import type { OlderThan } from '../../iceberg/job/options.js';
import { DEFAULT_EQUIVALENCES, type Equivalences } from '../../iceberg/orphans/locations.js';
import { DEFAULT_ORPHAN_AGE_MS, MIN_ORPHAN_AGE_MS } from '../../iceberg/orphans/run.js';
import { UsageError } from '../errors.js';
import { InvalidValue, type Parser } from '../options/invalid-value.js';

export const COMMAND = 'remove-orphans';

export interface Equivalence {
  readonly from: readonly string[];
  readonly to: string;
}

/** `FROM[,FROM…]=TO`: names that count as TO, as Java's equalSchemes/equalAuthorities maps (keys may be comma lists). */
export function equivalenceValue(what: 'scheme' | 'authority'): Parser<Equivalence> {
  const example = what === 'scheme' ? 's3a,s3n=s3' : 'namenode-1:8020,namenode-2:8020=namenode:8020';
  const name = what === 'scheme' ? /^[a-zA-Z][a-zA-Z0-9+.-]*$/ : /^[^\s/=,]+$/;
  return (text) => {
    const at = text.lastIndexOf('=');
    const from = text.slice(0, Math.max(0, at)).split(',').map((s) => s.trim());
    const to = text.slice(at + 1).trim();
    if (at <= 0 || to === '' || from.some((f) => !name.test(f)) || !name.test(to)) {
      throw new InvalidValue(`is not FROM[,FROM…]=TO with ${what} names`, `e.g. ${example}`);
    }
    return { from: from.map((f) => f.toLowerCase()), to: to.toLowerCase() };
  };
}

/** Java's defaults (s3a, s3n → s3) with the user's maps merged over them. */
export function equivalences(schemes: readonly Equivalence[], authorities: readonly Equivalence[]): Equivalences {
  const merge = (base: Readonly<Record<string, string>>, extra: readonly Equivalence[]) => {
    const out: Record<string, string> = { ...base };
    for (const e of extra) for (const f of e.from) out[f] = e.to;
    return out;
  };
  return { schemes: merge(DEFAULT_EQUIVALENCES.schemes, schemes), authorities: merge(DEFAULT_EQUIVALENCES.authorities, authorities) };
}

function describeAge(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`;
}

/** The cutoff instant; a cutoff less than a day before `nowMs` is refused without `force` (exit 2). */
export function cutoffOf(olderThan: OlderThan | undefined, nowMs: number, force: boolean): number {
  const cutoff = olderThan === undefined ? nowMs - DEFAULT_ORPHAN_AGE_MS : olderThan.kind === 'age' ? nowMs - olderThan.ms : olderThan.ms;
  const age = nowMs - cutoff;
  if (age < MIN_ORPHAN_AGE_MS && !force) {
    const given = olderThan?.kind !== 'instant' ? describeAge(age) : age <= 0 ? 'an instant not before --now' : `an instant ${describeAge(age)} before --now`;
    throw new UsageError(`--older-than ${given} is less than 1 day: files of writes still in progress could be deleted; give 1d or more (default 3d), or add --force if no write can take that long`, COMMAND);
  }
  return cutoff;
}
