/**
 * The registry's error answers: HTTP status, `error_code` and message text as Confluent Schema
 * Registry sends them (core/.../rest/exceptions/Errors.java and the Rest*Exception classes).
 */

/** Thrown by the store, turned into `{error_code, message}` by the server. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

const f = (status: number, code: number, message: string) => new HttpFailure(status, code, message);

export const fail = {
  subjectNotFound: (s: string | null) => f(404, 40401, `Subject '${s}' not found.`),
  versionNotFound: (v: number) => f(404, 40402, `Version ${v} not found.`),
  schemaNotFound: (id?: number) => f(404, 40403, id === undefined ? 'Schema not found' : `Schema ${id} not found`),
  subjectSoftDeleted: (s: string) =>
    f(404, 40404, `Subject '${s}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (s: string) =>
    f(404, 40405, `Subject '${s}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (s: string, v: number) =>
    f(404, 40406, `Subject '${s}' Version ${v} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (s: string, v: number) =>
    f(404, 40407, `Subject '${s}' Version ${v} was not deleted first before being permanently deleted`),
  noSubjectConfig: (s: string) => f(404, 40408, `Subject '${s}' does not have subject-level compatibility configured`),
  noSubjectMode: (s: string) => f(404, 40409, `Subject '${s}' does not have subject-level mode configured`),
  incompatible: (s: string, messages: readonly string[]) =>
    f(
      409,
      40901,
      `Schema being registered is incompatible with an earlier schema for subject "${s}", details: [${messages.join(', ')}]`,
    ),
  invalidSchema: (detail: string) => f(422, 42201, detail),
  invalidVersion: (v: string) =>
    f(
      422,
      42202,
      `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibility: () =>
    f(
      422,
      42203,
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    ),
  invalidMode: (detail = 'Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.') => f(422, 42204, detail),
  notPermitted: (detail: string) => f(422, 42205, detail),
  referenceExists: (key: string) => f(422, 42206, `One or more references exist to the schema ${key}.`),
  invalidSubject: (s: string) => f(422, 42208, `The specified subject '${s}' is not a valid.`),
  badRequest: (detail: string) => f(400, 400, detail),
  notFound: (path: string) => f(404, 404, `HTTP 404 Not Found: ${path}`),
  methodNotAllowed: () => f(405, 405, 'HTTP 405 Method Not Allowed'),
  /** Guess: Confluent Cloud's body; self-managed Jetty may answer with HTML instead. */
  unauthorized: () => f(401, 401, 'Unauthorized'),
};
