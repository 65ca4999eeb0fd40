/** The write endpoints of RegistryClient over a Transport. */
import type { DeleteOptions, ModeOptions, RegistryClient } from './client.js';
import { paths } from './paths.js';
import { schemaBody } from './read-ops.js';
import { configUpdateShape, ignoredShape, intListShape, intShape, modeShape, registerResultShape } from './responses.js';
import type { Transport } from './transport.js';
import type { ConfigUpdate, RegisterInput, RegistryMode } from './types.js';

type WriteOps = Pick<
  RegistryClient,
  | 'register'
  | 'setGlobalConfig'
  | 'setSubjectConfig'
  | 'deleteSubjectConfig'
  | 'setGlobalMode'
  | 'setSubjectMode'
  | 'deleteSubjectMode'
  | 'deleteSubject'
  | 'deleteVersion'
>;

export function writeOps(t: Transport): WriteOps {
  return { ...schemaWrites(t), ...settingWrites(t) };
}

function schemaWrites(t: Transport): Pick<WriteOps, 'register' | 'deleteSubject' | 'deleteVersion'> {
  return {
    register: async (subject, schema: RegisterInput, options = {}) =>
      t.send(
        {
          method: 'POST',
          path: paths.versions(subject),
          endpoint: 'POST /subjects/{subject}/versions',
          query: { normalize: options.normalize },
          body: registerBody(schema),
          subject,
          version: schema.version,
        },
        registerResultShape,
      ),
    deleteSubject: async (subject, options: DeleteOptions = {}) =>
      t.send(
        {
          method: 'DELETE',
          path: paths.subject(subject),
          endpoint: 'DELETE /subjects/{subject}',
          query: { permanent: options.permanent || undefined },
          subject,
        },
        intListShape,
      ),
    deleteVersion: async (subject, version, options: DeleteOptions = {}) =>
      t.send(
        {
          method: 'DELETE',
          path: paths.version(subject, version),
          endpoint: 'DELETE /subjects/{subject}/versions/{version}',
          query: { permanent: options.permanent || undefined },
          subject,
          version,
        },
        intShape,
      ),
  };
}

type SettingWrites = Exclude<keyof WriteOps, 'register' | 'deleteSubject' | 'deleteVersion'>;

function settingWrites(t: Transport): Pick<WriteOps, SettingWrites> {
  const remove = async (kind: 'config' | 'mode', subject: string) => {
    const path = kind === 'config' ? paths.config(subject) : paths.mode(subject);
    await t.send({ method: 'DELETE', path, endpoint: `DELETE /${kind}/{subject}`, subject }, ignoredShape);
  };
  return {
    setGlobalConfig: async (update) => putConfig(t, undefined, update),
    setSubjectConfig: async (subject, update) => putConfig(t, subject, update),
    deleteSubjectConfig: async (subject) => remove('config', subject),
    setGlobalMode: async (mode, options) => putMode(t, undefined, mode, options),
    setSubjectMode: async (subject, mode, options) => putMode(t, subject, mode, options),
    deleteSubjectMode: async (subject) => remove('mode', subject),
  };
}

function registerBody(schema: RegisterInput): Record<string, unknown> {
  const body = schemaBody(schema);
  if (schema.id !== undefined) body['id'] = schema.id;
  if (schema.version !== undefined) body['version'] = schema.version;
  return body;
}

async function putConfig(t: Transport, subject: string | undefined, update: ConfigUpdate): Promise<ConfigUpdate> {
  const echoed = await t.send(
    {
      method: 'PUT',
      path: paths.config(subject),
      endpoint: subject === undefined ? 'PUT /config' : 'PUT /config/{subject}',
      body: update,
      subject,
    },
    configUpdateShape,
  );
  return echoed as ConfigUpdate;
}

async function putMode(t: Transport, subject: string | undefined, mode: RegistryMode, options: ModeOptions = {}): Promise<RegistryMode> {
  return t.send(
    {
      method: 'PUT',
      path: paths.mode(subject),
      endpoint: subject === undefined ? 'PUT /mode' : 'PUT /mode/{subject}',
      query: { force: options.force || undefined },
      body: { mode },
      subject,
    },
    modeShape,
  );
}
