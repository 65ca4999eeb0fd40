/**
 * Which changes of one subject the window gates, and the subject's verdict (issue 4 §5). A breaking
 * change is an incompatibility at the subject's level, any removal or narrowing (even at NONE), or a
 * deleted subject. It is allowed only when every element it breaks has a mature marker (one whose
 * start is proven to have landed a whole window ago); a break that cannot be tied to an element of
 * the old schema (a field added without a default) never is. `commitsToProve` says which landings
 * the caller must date before calling `gateSubject`.
 */
import { ruleHasCategory, type ChangeElement, type SchemaChange } from '../../avro/diff/index.js';
import type { CompatibilityLevel } from '../../avro/compat/index.js';
import type { LandingFact } from './landing-proof.js';
import { markedElements } from './markers.js';
import { deprecationVerdict, markerRun, type DeprecationVerdict, type MarkedVersion } from './window.js';

/** One subject's facts from git and the check, before any landing is dated. */
export interface GateSubject {
  readonly level: CompatibilityLevel;
  /** Semantic diff from the latest base version to the PR's schema (empty for a deleted subject). */
  readonly changes: readonly SchemaChange[];
  /** Whether the level check failed. */
  readonly incompatible: boolean;
  /** The PR deletes the subject's file. */
  readonly deleted: boolean;
  /** Base-branch versions, oldest first. */
  readonly versions: readonly MarkedVersion[];
  /** Full name of each named type → the file defining it on the base commit, for the report. */
  readonly definers?: ReadonlyMap<string, string>;
}

export interface GateInput extends GateSubject {
  /** Landing facts by commit; must hold every commit `commitsToProve` named. */
  readonly landings: ReadonlyMap<string, LandingFact>;
  readonly now: Date;
  readonly windowDays: number;
}

export interface GateResult {
  readonly breaking: boolean;
  readonly allowed: boolean;
  /** Verdicts for the elements the breaking changes touch. */
  readonly elements: readonly DeprecationVerdict[];
  /** Breaking changes no deprecation can allow, in words. */
  readonly unattributed: readonly string[];
  /** For an allowed break the registry would reject: what it still needs. */
  readonly registryNeeds?: string;
  /** Every marker on the latest base version, with its countdown. */
  readonly markers: readonly DeprecationVerdict[];
}

/** The commits whose landing the gate needs: where the marker run of each element it looks at starts. */
export function commitsToProve(subject: GateSubject): string[] {
  const { elements } = consideredElements(subject);
  const starts = elements.map((e) => markerRun(subject.versions, e)?.start.commit);
  return [...new Set(starts.filter((c): c is string => c !== undefined))];
}

/**
 * Every element whose window the gate computes, from the latest version alone: older versions only
 * matter while one of these is still marked in them.
 */
export function elementsToDate(subject: GateSubject): ChangeElement[] {
  return [...consideredElements(subject).elements];
}

export function gateSubject(input: GateInput): GateResult {
  const { breaking, gated, unattributed, markers } = consideredElements(input);
  const clock = { landings: input.landings, now: input.now, windowDays: input.windowDays };
  const verdicts = gated.map((e) => deprecationVerdict(input.versions, e, clock, input.definers));
  const allowed = breaking && unattributed.length === 0 && verdicts.every((v) => v.status === 'mature');
  const needsRegistry = allowed && (input.incompatible || input.deleted);
  return {
    breaking,
    allowed,
    elements: verdicts,
    unattributed,
    markers: markers.map((e) => deprecationVerdict(input.versions, e, clock, input.definers)),
    ...(needsRegistry && { registryNeeds: registryNeeds(input) }),
  };
}

interface Considered {
  readonly breaking: boolean;
  /** Elements the breaking changes touch. */
  readonly gated: readonly ChangeElement[];
  readonly unattributed: readonly string[];
  /** Elements marked on the latest base version. */
  readonly markers: readonly ChangeElement[];
  /** Both lists: every element whose window the gate computes. */
  readonly elements: readonly ChangeElement[];
}

function consideredElements(input: GateSubject): Considered {
  const latest = input.versions[input.versions.length - 1];
  const markers = latest === undefined ? [] : markedElements(latest.schema);
  const gatedChanges = input.changes.filter((c) => ruleHasCategory(c.rule, 'REMOVAL') || ruleHasCategory(c.rule, 'NARROWING'));
  const severe = input.incompatible ? input.changes.filter((c) => c.severity === 'breaking') : [];
  const elements = new Map<string, ChangeElement>();
  const unattributed: string[] = [];
  for (const change of [...gatedChanges, ...severe]) {
    const element = change.element;
    if (element !== undefined && change.before !== undefined) elements.set(keyOf(element), element);
    else unattributed.push(change.message);
  }
  if (input.deleted) {
    // Only a named root type can carry a deprecation marker; anything else cannot prove a matured window.
    if (latest !== undefined && 'fullName' in latest.schema) elements.set('type:' + latest.schema.fullName, { kind: 'type', name: latest.schema.fullName });
    else unattributed.push(latest === undefined ? 'the subject is deleted and has no base history to prove a deprecation' : 'the subject is deleted and its root is not a named type, so it cannot carry a deprecation');
  }
  const breaking = input.incompatible || input.deleted || elements.size > 0 || unattributed.length > 0;
  if (input.incompatible && elements.size === 0 && unattributed.length === 0) {
    unattributed.push(`the schema is incompatible at ${input.level} and no removed or narrowed element explains it`);
  }
  const gated = [...elements.values()];
  return { breaking, gated, unattributed, markers, elements: [...gated, ...markers] };
}

function registryNeeds(input: GateSubject): string {
  if (input.deleted) return 'delete the subject in the registry (soft delete first) once no producer or consumer uses it';
  return `the registry rejects this at ${input.level}: register it in a new compatibility group (metadata property major_version bumped, compatibilityGroup: major_version) or override the subject's level for the deploy`;
}

function keyOf(element: ChangeElement): string {
  return `${element.kind}:${element.record ?? ''}:${element.name}`;
}
