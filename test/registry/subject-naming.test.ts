import { describe, expect, it } from 'vitest';
import {
  canonicalSubject,
  contextSubject,
  normalizeContext,
  parseQualifiedSubject,
  qualifySubject,
  resolveReferenceSubject,
} from '../../src/registry/qualified-subject.js';
import {
  parseSubjectNameStrategy,
  recordNameSubject,
  subjectName,
  topicNameSubject,
  topicRecordNameSubject,
} from '../../src/registry/subject-naming.js';
import { RegistryError } from '../../src/registry/errors.js';

describe('subject name strategies', () => {
  it('TopicNameStrategy names value and key subjects after the topic', () => {
    expect(topicNameSubject('orders')).toBe('orders-value');
    expect(topicNameSubject('orders', true)).toBe('orders-key');
    expect(subjectName({ strategy: 'TopicNameStrategy', topic: 'orders', isKey: true })).toBe('orders-key');
  });

  it('RecordNameStrategy uses the record full name', () => {
    expect(recordNameSubject('com.acme.Order')).toBe('com.acme.Order');
    expect(subjectName({ strategy: 'RecordNameStrategy', recordFullName: 'com.acme.Order', topic: 'ignored' })).toBe(
      'com.acme.Order',
    );
  });

  it('TopicRecordNameStrategy joins topic and record full name', () => {
    expect(topicRecordNameSubject('orders', 'com.acme.Order')).toBe('orders-com.acme.Order');
  });

  it('puts the subject in a context when one is given', () => {
    expect(topicNameSubject('orders', false, '.staging')).toBe(':.staging:orders-value');
    expect(subjectName({ strategy: 'RecordNameStrategy', recordFullName: 'a.B', context: 'staging' })).toBe(':.staging:a.B');
    expect(topicRecordNameSubject('t', 'a.B', ':.eu:')).toBe(':.eu:t-a.B');
    expect(topicNameSubject('orders', false, '.')).toBe('orders-value');
  });

  it('refuses a strategy without the name it needs, saying what to give', () => {
    expect(() => subjectName({ strategy: 'TopicRecordNameStrategy', topic: 'orders' })).toThrow(/needs a recordFullName.*full name/);
    expect(() => subjectName({ strategy: 'TopicNameStrategy', topic: ' ' })).toThrow(RegistryError);
  });

  it('reads strategy names as users write them', () => {
    expect(parseSubjectNameStrategy('io.confluent.kafka.serializers.subject.TopicRecordNameStrategy')).toBe(
      'TopicRecordNameStrategy',
    );
    expect(parseSubjectNameStrategy('record')).toBe('RecordNameStrategy');
    expect(parseSubjectNameStrategy('TopicNameStrategy')).toBe('TopicNameStrategy');
    expect(() => parseSubjectNameStrategy('SubjectStrategy')).toThrow(/unknown subject name strategy 'SubjectStrategy'.*Use one of/);
  });
});

describe('qualified subjects', () => {
  it('splits context and subject as the registry does', () => {
    expect(parseQualifiedSubject(':.staging:orders-value')).toEqual({ context: '.staging', subject: 'orders-value' });
    expect(parseQualifiedSubject('orders-value')).toEqual({ context: '.', subject: 'orders-value' });
    expect(parseQualifiedSubject(':.:orders-value')).toEqual({ context: '.', subject: 'orders-value' });
    expect(parseQualifiedSubject(':.staging:')).toEqual({ context: '.staging', subject: '' });
    expect(parseQualifiedSubject(':.staging')).toEqual({ context: '.staging', subject: '' });
    expect(parseQualifiedSubject(':*:orders')).toEqual({ context: '*', subject: 'orders' });
    expect(parseQualifiedSubject(':.a:b:c')).toEqual({ context: '.a', subject: 'b:c' });
  });

  it('qualifies and normalises', () => {
    expect(qualifySubject('.staging', 'x')).toBe(':.staging:x');
    expect(qualifySubject(undefined, 'x')).toBe('x');
    expect(canonicalSubject(':.:x')).toBe('x');
    expect(contextSubject('staging')).toBe(':.staging:');
    expect(normalizeContext(':.eu:')).toBe('.eu');
    expect(() => normalizeContext('.bad:name')).toThrow(/invalid context name/);
  });

  it('resolves a reference in the referrer context unless it names its own', () => {
    expect(resolveReferenceSubject(':.staging:orders-value', 'customer')).toBe(':.staging:customer');
    expect(resolveReferenceSubject('orders-value', 'customer')).toBe('customer');
    expect(resolveReferenceSubject(':.staging:orders-value', ':.prod:customer')).toBe(':.prod:customer');
  });
});
