/**
 * Subject name strategies of Confluent's serializers (io.confluent.kafka.serializers.subject.*):
 *
 * | Strategy                | Subject                                 |
 * |-------------------------|-----------------------------------------|
 * | TopicNameStrategy       | `<topic>-value` / `<topic>-key` (default) |
 * | RecordNameStrategy      | `<record full name>`                     |
 * | TopicRecordNameStrategy | `<topic>-<record full name>`             |
 *
 * A context puts the subject under `:.ctx:`. Pure functions.
 */
import { RegistryError } from './errors.js';
import { qualifySubject } from './qualified-subject.js';

export const SUBJECT_NAME_STRATEGIES = ['TopicNameStrategy', 'RecordNameStrategy', 'TopicRecordNameStrategy'] as const;

export type SubjectNameStrategy = (typeof SUBJECT_NAME_STRATEGIES)[number];

export interface SubjectNameInput {
  readonly strategy: SubjectNameStrategy;
  /** Required by TopicNameStrategy and TopicRecordNameStrategy. */
  readonly topic?: string;
  /** The record's full name (`namespace.Name`); required by the record strategies. */
  readonly recordFullName?: string;
  /** Key schema instead of value schema (TopicNameStrategy only). */
  readonly isKey?: boolean;
  /** Schema context, e.g. `.staging`; the default context when absent. */
  readonly context?: string;
}

/** The subject a serializer configured with `input.strategy` would register under. */
export function subjectName(input: SubjectNameInput): string {
  switch (input.strategy) {
    case 'TopicNameStrategy':
      return topicNameSubject(required(input.topic, 'topic', input.strategy), input.isKey ?? false, input.context);
    case 'RecordNameStrategy':
      return recordNameSubject(required(input.recordFullName, 'recordFullName', input.strategy), input.context);
    case 'TopicRecordNameStrategy':
      return topicRecordNameSubject(
        required(input.topic, 'topic', input.strategy),
        required(input.recordFullName, 'recordFullName', input.strategy),
        input.context,
      );
  }
}

/** `<topic>-value`, or `<topic>-key` for a key schema. */
export function topicNameSubject(topic: string, isKey = false, context?: string): string {
  return qualifySubject(context, `${topic}-${isKey ? 'key' : 'value'}`);
}

/** The record's full name. */
export function recordNameSubject(recordFullName: string, context?: string): string {
  return qualifySubject(context, recordFullName);
}

/** `<topic>-<record full name>`. */
export function topicRecordNameSubject(topic: string, recordFullName: string, context?: string): string {
  return qualifySubject(context, `${topic}-${recordFullName}`);
}

/**
 * Reads a strategy name as users write it: the class name (with or without the
 * `io.confluent.kafka.serializers.subject.` package) or `topic`, `record`, `topic-record`.
 */
export function parseSubjectNameStrategy(text: string): SubjectNameStrategy {
  const bare = text.trim().replace(/^io\.confluent\.kafka\.serializers\.subject\./, '');
  const aliases: Record<string, SubjectNameStrategy> = {
    topic: 'TopicNameStrategy',
    record: 'RecordNameStrategy',
    'topic-record': 'TopicRecordNameStrategy',
  };
  const found = aliases[bare.toLowerCase()] ?? SUBJECT_NAME_STRATEGIES.find((s) => s === bare);
  if (found) return found;
  throw new RegistryError(`unknown subject name strategy '${text}'`, {
    kind: 'invalid-request',
    hint: `Use one of ${SUBJECT_NAME_STRATEGIES.join(', ')} (or topic, record, topic-record).`,
  });
}

function required(value: string | undefined, what: string, strategy: SubjectNameStrategy): string {
  if (value !== undefined && value.trim() !== '') return value;
  throw new RegistryError(`${strategy} needs a ${what}`, {
    kind: 'invalid-request',
    hint: `Give the ${what === 'topic' ? 'Kafka topic' : "record's full name (namespace.Name)"} to name the subject.`,
  });
}
