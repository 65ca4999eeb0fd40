/**
 * One subject's entry in a registry check: the registry's verdict is the authority; the local engine,
 * run on the registry's own versions at the registry's level, is the cross-check. A disagreement is a
 * warning naming both. Findings point into the file exactly as in the offline check. Pure.
 */
import type { CompatibilityLevel, Direction } from '../../avro/compat/index.js';
import type { CompatibilityIncompatibility } from '../../registry/index.js';
import type { Incompatibility, RegistryVerdict, SentReference, SubjectReport } from '../report/model.js';
import { evaluateSubject, type ParsedVersion, type SubjectBase } from './evaluate.js';
import type { ParsedCandidate } from './load-candidate.js';
import { positionOfNode } from './positions.js';
import type { RegistryAnswer } from './registry-facts.js';

export type SubjectAnswer = RegistryAnswer | { readonly kind: 'unchecked'; readonly problems: readonly string[] };

export interface RegistrySubjectInput extends SubjectBase {
  /** The registry's live versions, parsed, oldest first. */
  readonly history: readonly ParsedVersion[];
  readonly candidate: ParsedCandidate;
  readonly answer: SubjectAnswer;
  readonly references: readonly SentReference[];
  /** The level the config gives the subject; `level` is the registry's. */
  readonly configLevel: CompatibilityLevel;
}

export function registrySubjectReport(input: RegistrySubjectInput): SubjectReport {
  const local = evaluateSubject({ ...input, audit: false });
  const localVerdict = local.status === 'incompatible' ? 'incompatible' : local.status === 'new' ? 'new' : 'compatible';
  const { answer } = input;
  const warnings = [...local.warnings, ...levelWarning(input)];
  const verdict = (v: RegistryVerdict['verdict'], messages: readonly string[] = []): RegistryVerdict => ({ verdict: v, messages, local: localVerdict, references: input.references });
  if (answer.kind === 'unchecked') {
    const why = `the registry was not asked because ${answer.problems.join('; ')}; the verdict is the local engine's on the registry's ${input.history.length} version(s)`;
    return { ...local, warnings: [...warnings, why], registry: verdict('unchecked') };
  }
  if (answer.kind === 'new' || (input.history.length === 0 && answer.result.compatible)) {
    return { ...local, status: 'new', compatible: true, incompatibilities: [], warnings, registry: verdict('new', answer.kind === 'new' ? [] : answer.result.messages) };
  }
  const { result } = answer;
  if (input.history.length === 0) {
    const message = `${input.file}: the registry rejects the schema: ${result.messages.join('; ') || 'no reason given'}`;
    return { ...local, status: 'error', compatible: false, warnings, error: { code: 'REGISTRY_REJECTED', message, file: input.file }, registry: verdict('incompatible', result.messages) };
  }
  const registryVerdict = verdict(result.compatible ? 'compatible' : 'incompatible', result.messages);
  const agree = result.compatible === (localVerdict !== 'incompatible');
  const crossCheck = agree ? [] : [disagreement(input, result.compatible, local.incompatibilities)];
  if (result.compatible) {
    return { ...local, status: 'compatible', compatible: true, incompatibilities: [], warnings: [...warnings, ...crossCheck], registry: registryVerdict };
  }
  const findings = localVerdict === 'incompatible' ? local.incompatibilities : result.incompatibilities.map((found) => fromRegistry(found, input));
  return { ...local, status: 'incompatible', compatible: false, incompatibilities: findings, warnings: [...warnings, ...crossCheck], registry: registryVerdict };
}

function levelWarning(input: RegistrySubjectInput): string[] {
  if (input.configLevel === input.level) return [];
  return [`the config gives this subject ${input.configLevel} but the registry applies ${input.level}; the registry's level is used (align the config, or change the subject's level in the registry)`];
}

function disagreement(input: RegistrySubjectInput, registryCompatible: boolean, localFindings: readonly Incompatibility[]): string {
  const registry = registryCompatible ? 'compatible' : 'incompatible';
  const local = registryCompatible ? `incompatible (${[...new Set(localFindings.map((f) => f.type))].join(', ')})` : 'compatible';
  return `cross-check disagreement: the registry says ${registry} but the local engine says ${local} on the same ${input.history.length} registered version(s) at ${input.level}; the registry's verdict stands. Please report this with both schemas.`;
}

/** A registry message as a finding: its pointer is in the reader schema, which is the candidate when reading backward. */
function fromRegistry(found: CompatibilityIncompatibility, input: RegistrySubjectInput): Incompatibility {
  const direction = directionOf(found, input.level);
  const index = input.history.findIndex((v) => v.meta.registry?.version === found.oldSchemaVersion);
  const pointer = found.location === '/' ? '' : found.location;
  const node = direction === 'backward' && found.location !== '' ? { pointer, file: input.candidate.documents.file } : undefined;
  return {
    type: found.type,
    location: found.location,
    message: found.message,
    description: found.description ?? found.message,
    version: index >= 0 ? index : input.history.length - 1,
    direction,
    ...positionOfNode(input.candidate.documents, node),
  };
}

/** CP ≥ 7.4 descriptions say which side the path is in; otherwise the level decides (FULL: backward first). */
function directionOf(found: CompatibilityIncompatibility, level: CompatibilityLevel): Direction {
  const side = /path '[^']*'\)? (?:of a field )?in the (new|old) schema/.exec(found.description ?? '')?.[1];
  if (side !== undefined) return side === 'new' ? 'backward' : 'forward';
  return level.startsWith('FORWARD') ? 'forward' : 'backward';
}
