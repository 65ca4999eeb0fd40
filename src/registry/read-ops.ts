/** The read endpoints of RegistryClient over a Transport. */
import type { CompatibilityResult, ListSchemasOptions, ListSubjectsOptions, RegistryClient } from './client.js';
import { parseCompatibilityMessages } from './compat-messages.js';
import { RegistryError, RegistryErrorCodes } from './errors.js';
import { collectPages } from './paging.js';
import { paths, type VersionRef } from './paths.js';
import {
  compatibilityShape,
  configShape,
  intListShape,
  modeShape,
  registeredSchemaShape,
  schemaByIdShape,
  stringListShape,
} from './responses.js';
import type { Transport } from './transport.js';
import type { RegisteredSchema } from './types.js';
import { z } from 'zod';

type ReadOps = Pick<
  RegistryClient,
  | 'listContexts'
  | 'listSubjects'
  | 'listVersions'
  | 'getVersion'
  | 'getSchemaById'
  | 'listSchemas'
  | 'getGlobalConfig'
  | 'getSubjectConfig'
  | 'getGlobalMode'
  | 'getSubjectMode'
  | 'checkCompatibility'
  | 'lookupSchema'
>;

const schemaListShape = z.array(registeredSchemaShape);

export function readOps(t: Transport, pageSize: number): ReadOps {
  return { ...subjectReads(t, pageSize), ...schemaReads(t, pageSize), ...settingReads(t), ...checks(t) };
}

function subjectReads(t: Transport, pageSize: number): Pick<ReadOps, 'listContexts' | 'listSubjects' | 'listVersions' | 'getVersion'> {
  return {
    listContexts: async () => t.send({ method: 'GET', path: paths.contexts(), endpoint: 'GET /contexts' }, stringListShape),
    listSubjects: async (options: ListSubjectsOptions = {}) => listSubjects(t, pageSize, options),
    listVersions: async (subject, options = {}) =>
      t.send(
        {
          method: 'GET',
          path: paths.versions(subject),
          endpoint: 'GET /subjects/{subject}/versions',
          query: { deleted: options.deleted || undefined },
          subject,
        },
        intListShape,
      ),
    getVersion: async (subject, version, options = {}) =>
      t.send(
        {
          method: 'GET',
          path: paths.version(subject, version),
          endpoint: 'GET /subjects/{subject}/versions/{version}',
          query: { deleted: options.deleted || undefined },
          subject,
          version,
        },
        registeredSchemaShape,
      ),
  };
}

function schemaReads(t: Transport, pageSize: number): Pick<ReadOps, 'getSchemaById' | 'listSchemas'> {
  return {
    getSchemaById: async (id, options = {}) => {
      const found = await t.send(
        {
          method: 'GET',
          path: paths.schemaById(id),
          endpoint: 'GET /schemas/ids/{id}',
          query: { subject: options.subject, fetchMaxId: options.fetchMaxId || undefined },
          subject: options.subject,
        },
        schemaByIdShape,
      );
      return { id, ...found };
    },
    listSchemas: async (options: ListSchemasOptions = {}) => listSchemas(t, pageSize, options),
  };
}

function settingReads(t: Transport): Pick<ReadOps, 'getGlobalConfig' | 'getSubjectConfig' | 'getGlobalMode' | 'getSubjectMode'> {
  const scoped = <T>(kind: 'config' | 'mode', subject: string, defaultToGlobal: boolean | undefined, shape: z.ZodType<T>) =>
    t.send(
      {
        method: 'GET',
        path: kind === 'config' ? paths.config(subject) : paths.mode(subject),
        endpoint: `GET /${kind}/{subject}`,
        query: { defaultToGlobal: defaultToGlobal || undefined },
        subject,
      },
      shape,
    );
  return {
    getGlobalConfig: async () => t.send({ method: 'GET', path: paths.config(), endpoint: 'GET /config' }, configShape),
    getSubjectConfig: async (subject, options = {}) =>
      unlessAbsent(scoped('config', subject, options.defaultToGlobal, configShape), [
        RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        RegistryErrorCodes.SUBJECT_NOT_FOUND,
      ]),
    getGlobalMode: async () => t.send({ method: 'GET', path: paths.mode(), endpoint: 'GET /mode' }, modeShape),
    getSubjectMode: async (subject, options = {}) =>
      unlessAbsent(scoped('mode', subject, options.defaultToGlobal, modeShape), [
        RegistryErrorCodes.SUBJECT_MODE_NOT_CONFIGURED,
        RegistryErrorCodes.SUBJECT_NOT_FOUND,
      ]),
  };
}

function checks(t: Transport): Pick<ReadOps, 'checkCompatibility' | 'lookupSchema'> {
  return {
    checkCompatibility: async (subject, schema, options = {}): Promise<CompatibilityResult> => {
      const version: VersionRef | undefined = options.version;
      const result = await t.send(
        {
          method: 'POST',
          path: version === undefined ? paths.compatibility(subject) : paths.compatibilityWith(subject, version),
          endpoint: `POST /compatibility/subjects/{subject}/versions${version === undefined ? '' : '/{version}'}`,
          query: { verbose: options.verbose ?? true, normalize: options.normalize },
          body: schemaBody(schema),
          subject,
          version,
        },
        compatibilityShape,
      );
      const parsed = parseCompatibilityMessages(result.messages);
      const level = parsed.compatibility !== undefined ? { compatibility: parsed.compatibility } : {};
      return { compatible: result.compatible, messages: result.messages, incompatibilities: parsed.incompatibilities, ...level };
    },
    lookupSchema: async (subject, schema, options = {}) =>
      unlessAbsent(
        t.send(
          {
            method: 'POST',
            path: paths.subject(subject),
            endpoint: 'POST /subjects/{subject}',
            query: { normalize: options.normalize, deleted: options.deleted || undefined },
            body: schemaBody(schema),
            subject,
          },
          registeredSchemaShape,
        ),
        [RegistryErrorCodes.SUBJECT_NOT_FOUND, RegistryErrorCodes.SCHEMA_NOT_FOUND],
      ),
  };
}

/** The request body of register, lookup and compatibility: only the fields that are set. */
export function schemaBody(schema: {
  readonly schema: string;
  readonly schemaType?: string;
  readonly references?: readonly unknown[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
}): Record<string, unknown> {
  const body: Record<string, unknown> = { schema: schema.schema };
  if (schema.schemaType !== undefined && schema.schemaType !== 'AVRO') body['schemaType'] = schema.schemaType;
  if (schema.references?.length) body['references'] = schema.references;
  if (schema.metadata !== undefined) body['metadata'] = schema.metadata;
  if (schema.ruleSet !== undefined) body['ruleSet'] = schema.ruleSet;
  return body;
}

/** A 404 with one of `codes` means "nothing there", which callers get as undefined. */
async function unlessAbsent<T>(pending: Promise<T>, codes: readonly number[]): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404 && error.code !== undefined && codes.includes(error.code)) {
      return undefined;
    }
    throw error;
  }
}

async function listSubjects(t: Transport, pageSize: number, options: ListSubjectsOptions): Promise<string[]> {
  const { rows } = await collectPages(
    ({ offset, limit }) =>
      t.send(
        {
          method: 'GET',
          path: paths.subjects(),
          endpoint: 'GET /subjects',
          query: {
            subjectPrefix: options.subjectPrefix,
            deleted: options.deleted || undefined,
            deletedOnly: options.deletedOnly || undefined,
            offset,
            limit,
          },
        },
        stringListShape,
      ),
    (subject) => subject,
    pageSize,
  );
  return rows;
}

async function listSchemas(t: Transport, pageSize: number, options: ListSchemasOptions): Promise<RegisteredSchema[]> {
  const { rows } = await collectPages(
    ({ offset, limit }) =>
      t.send(
        {
          method: 'GET',
          path: paths.schemas(),
          endpoint: 'GET /schemas',
          query: {
            subjectPrefix: options.subjectPrefix,
            deleted: options.deleted || undefined,
            latestOnly: options.latestOnly || undefined,
            offset,
            limit,
          },
        },
        schemaListShape,
      ),
    (s) => `${s.subject}\u0000${s.version}`,
    Math.min(pageSize, 1000),
    { confirmShortFirstPage: !options.trustShortFirstPage },
  );
  return rows;
}
