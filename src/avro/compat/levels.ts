/**
 * Confluent Schema Registry's seven compatibility levels over a subject's history
 * (CompatibilityChecker.java, SchemaValidatorBuilder.java). Confluent compares newest → oldest and
 * stops at the first failing version; we compare every version the level covers and report all of
 * them, so the verdict is Confluent's and the findings are a superset of its messages.
 */
import type { Schema, SourceRef } from '../model.js';
import { describeFailure, describeIncompatibility, rolesFor } from './messages.js';
import { checkReaderWriterSchemas } from './reader-writer.js';
import { COMPATIBILITY_LEVELS } from './types.js';
import type { CompatibilityLevel, Direction, LevelFinding, LevelResult } from './types.js';

/** A compatibility level name that is not one of Confluent's seven. */
export class InvalidCompatibilityLevelError extends Error {
  override readonly name = 'InvalidCompatibilityLevelError';
  constructor(readonly value: unknown) {
    super(
      `Unknown compatibility level ${JSON.stringify(value) ?? String(value)}: ` +
        `expected one of ${COMPATIBILITY_LEVELS.join(', ')} (any case).`,
    );
  }
}

/** Reads a level name in any case (surrounding blanks ignored); throws InvalidCompatibilityLevelError. */
export function parseCompatibilityLevel(text: string): CompatibilityLevel {
  const upper = typeof text === 'string' ? text.trim().toUpperCase() : undefined;
  const level = COMPATIBILITY_LEVELS.find((candidate) => candidate === upper);
  if (level === undefined) throw new InvalidCompatibilityLevelError(text);
  return level;
}

interface LevelPlan {
  /** In Confluent's order: mutualRead checks the old schema reading new data first. */
  readonly directions: readonly Direction[];
  readonly transitive: boolean;
}

const PLANS: Readonly<Record<CompatibilityLevel, LevelPlan>> = {
  NONE: { directions: [], transitive: false },
  BACKWARD: { directions: ['backward'], transitive: false },
  BACKWARD_TRANSITIVE: { directions: ['backward'], transitive: true },
  FORWARD: { directions: ['forward'], transitive: false },
  FORWARD_TRANSITIVE: { directions: ['forward'], transitive: true },
  FULL: { directions: ['forward', 'backward'], transitive: false },
  FULL_TRANSITIVE: { directions: ['forward', 'backward'], transitive: true },
};

/**
 * Whether `candidate` may follow `history` (oldest first) under `level`, with every finding.
 * BACKWARD: the candidate reads the latest version's data; FORWARD: the latest reads the candidate's;
 * FULL: both; the transitive levels check every version instead of the latest.
 */
export function checkLevel(candidate: Schema, history: readonly Schema[], level: CompatibilityLevel): LevelResult {
  if (!Object.hasOwn(PLANS, level)) throw new InvalidCompatibilityLevelError(level);
  const plan = PLANS[level];
  const checkedVersions = versionsToCheck(history.length, plan);
  const findings: LevelFinding[] = [];
  for (const version of checkedVersions) {
    for (const direction of plan.directions) {
      findings.push(...checkDirection(candidate, history[version] as Schema, version, direction));
    }
  }
  const result: LevelResult = { level, compatible: findings.length === 0, findings, checkedVersions };
  return findings.length === 0 ? result : { ...result, confluentVersion: (findings[0] as LevelFinding).version };
}

/** History indexes in Confluent's comparison order, newest first. */
function versionsToCheck(length: number, plan: LevelPlan): number[] {
  if (plan.directions.length === 0 || length === 0) return [];
  if (!plan.transitive) return [length - 1];
  return Array.from({ length }, (_, i) => length - 1 - i);
}

function checkDirection(candidate: Schema, old: Schema, version: number, direction: Direction): LevelFinding[] {
  const backward = direction === 'backward';
  const result = backward ? checkReaderWriterSchemas(candidate, old) : checkReaderWriterSchemas(old, candidate);
  const roles = rolesFor(direction);
  const locate = (readerNode: SourceRef, writerNode: SourceRef) => ({
    readerNode,
    writerNode,
    newNode: backward ? readerNode : writerNode,
    oldNode: backward ? writerNode : readerNode,
  });
  if (result.failure !== undefined) {
    const { message, location, readerNode, writerNode } = result.failure;
    const description = describeFailure(result.failure);
    return [{ version, direction, type: 'UNEXPECTED_EXCEPTION', location, message, description, ...locate(readerNode, writerNode) }];
  }
  return result.incompatibilities.map(({ type, location, message, readerNode, writerNode }) => ({
    version,
    direction,
    type,
    location,
    message,
    description: describeIncompatibility({ type, location, message }, roles.reader, roles.writer),
    ...locate(readerNode, writerNode),
  }));
}
