/** The test registry's REST routes: method + path template → handler over the state. */
import { contextOf } from './state.js';
import type { RegistryState } from './state.js';
import type { CompatibilityEngine } from './engine.js';
import { HttpFailure, fail } from './failures.js';
import { deleteSubject, deleteVersion } from './deletes.js';
import {
  entity,
  filterOf,
  getVersion,
  listContexts,
  listSchemas,
  listVersions,
  lookup,
  matchingSubjects,
  rawSchemaById,
  referencedBy,
  subjectsOfId,
  page,
  parseVersion,
  schemaById,
  testCompatibility,
  type PageLimits,
} from './reads.js';
import { register } from './register.js';
import { readSubject } from './request-body.js';
import { deleteConfig, deleteMode, getConfig, getMode, setConfig, setMode } from './settings-ops.js';
import { scopeOf } from './state.js';

export interface RouteInput {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface RouteContext {
  readonly state: RegistryState;
  readonly engine: CompatibilityEngine;
  readonly limits: { readonly schemas: PageLimits; readonly subjects: PageLimits };
}

export interface Route {
  readonly method: string;
  /** e.g. `/subjects/{subject}/versions/{version}`; also the request-count key. */
  readonly template: string;
  readonly handle: (ctx: RouteContext, input: RouteInput) => unknown;
}

const bool = (q: URLSearchParams, name: string) => q.get(name)?.toLowerCase() === 'true';
const int = (q: URLSearchParams, name: string) => {
  const raw = q.get(name);
  return raw !== null && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
};
const opt = (q: URLSearchParams, name: string) => q.get(name) ?? undefined;

export const ROUTES: readonly Route[] = [
  { method: 'GET', template: '/', handle: () => ({}) },
  { method: 'GET', template: '/contexts', handle: ({ state }) => listContexts(state) },
  {
    method: 'GET',
    template: '/subjects',
    handle: ({ state, limits }, { query: q }) =>
      page(
        matchingSubjects(state, opt(q, 'subjectPrefix'), filterOf(bool(q, 'deleted'), bool(q, 'deletedOnly'))),
        int(q, 'offset'),
        int(q, 'limit'),
        limits.subjects,
      ),
  },
  {
    method: 'GET',
    template: '/subjects/{subject}/versions',
    handle: ({ state }, { params, query: q }) =>
      listVersions(state, readSubject(params['subject'] ?? ''), filterOf(bool(q, 'deleted'), bool(q, 'deletedOnly'))),
  },
  {
    method: 'POST',
    template: '/subjects/{subject}/versions',
    handle: ({ state, engine }, { params, query: q, body }) =>
      register(state, engine, params['subject'] ?? '', body, { normalize: bool(q, 'normalize'), force: bool(q, 'force') }),
  },
  {
    method: 'GET',
    template: '/subjects/{subject}/versions/{version}',
    handle: ({ state }, { params, query: q }) => entity(versionOf(state, params, bool(q, 'deleted'))),
  },
  {
    method: 'GET',
    template: '/subjects/{subject}/versions/{version}/schema',
    handle: ({ state }, { params, query: q }) => JSON.parse(versionOf(state, params, bool(q, 'deleted')).schema) as unknown,
  },
  {
    method: 'GET',
    template: '/subjects/{subject}/versions/{version}/referencedby',
    handle: ({ state }, { params, query: q }) =>
      referencedBy(state, readSubject(params['subject'] ?? ''), parseVersion(params['version'] ?? ''), bool(q, 'deleted')),
  },
  {
    method: 'DELETE',
    template: '/subjects/{subject}/versions/{version}',
    handle: ({ state }, { params, query: q }) =>
      deleteVersion(state, params['subject'] ?? '', params['version'] ?? '', bool(q, 'permanent')),
  },
  {
    method: 'POST',
    template: '/subjects/{subject}',
    handle: ({ state, engine }, { params, query: q, body }) => entity(lookup(state, engine, params['subject'] ?? '', body, bool(q, 'deleted'))),
  },
  {
    method: 'DELETE',
    template: '/subjects/{subject}',
    handle: ({ state }, { params, query: q }) => deleteSubject(state, params['subject'] ?? '', bool(q, 'permanent')),
  },
  {
    method: 'GET',
    template: '/schemas',
    handle: ({ state, limits }, { query: q }) =>
      page(
        listSchemas(state, opt(q, 'subjectPrefix'), bool(q, 'deleted'), bool(q, 'latestOnly')).map(entity),
        int(q, 'offset'),
        int(q, 'limit'),
        limits.schemas,
      ),
  },
  { method: 'GET', template: '/schemas/types', handle: () => ['JSON', 'PROTOBUF', 'AVRO'] },
  {
    method: 'GET',
    template: '/schemas/ids/{id}',
    handle: ({ state }, { params, query: q }) => schemaById(state, idOf(params), opt(q, 'subject'), bool(q, 'fetchMaxId')),
  },
  {
    method: 'GET',
    template: '/schemas/ids/{id}/versions',
    handle: ({ state }, { params, query: q }) => versionsOfId(state, idOf(params), opt(q, 'subject'), bool(q, 'deleted')),
  },
  {
    method: 'GET',
    template: '/schemas/ids/{id}/subjects',
    handle: ({ state }, { params, query: q }) => subjectsOfId(state, idOf(params), opt(q, 'subject'), bool(q, 'deleted')),
  },
  {
    method: 'GET',
    template: '/schemas/ids/{id}/schema',
    handle: ({ state }, { params, query: q }) => rawSchemaById(state, idOf(params), opt(q, 'subject')),
  },
  ...compatibilityRoutes(),
  ...scopedRoutes('config'),
  ...scopedRoutes('mode'),
];

function compatibilityRoutes(): Route[] {
  const handle = (version: (p: Readonly<Record<string, string>>) => string | undefined) => (ctx: RouteContext, input: RouteInput) => {
    const verbose = bool(input.query, 'verbose');
    try {
      const messages = testCompatibility(ctx.state, ctx.engine, input.params['subject'] ?? '', version(input.params), input.body);
      return verbose ? { is_compatible: messages.length === 0, messages } : { is_compatible: messages.length === 0 };
    } catch (error) {
      // With verbose, an unparsable schema is an incompatible answer carrying the parse error.
      if (verbose && error instanceof HttpFailure && error.errorCode === 42201) return { is_compatible: false, messages: [error.message] };
      throw error;
    }
  };
  return [
    { method: 'POST', template: '/compatibility/subjects/{subject}/versions', handle: handle(() => undefined) },
    { method: 'POST', template: '/compatibility/subjects/{subject}/versions/{version}', handle: handle((p) => p['version']) },
  ];
}

function scopedRoutes(kind: 'config' | 'mode'): Route[] {
  const get = (ctx: RouteContext, subject: string | undefined, q: URLSearchParams) =>
    kind === 'config'
      ? getConfig(ctx.state, scopeOf(subject), bool(q, 'defaultToGlobal'))
      : { mode: getMode(ctx.state, scopeOf(subject), bool(q, 'defaultToGlobal')) };
  const put = (ctx: RouteContext, subject: string | undefined, q: URLSearchParams, body: unknown) =>
    kind === 'config' ? setConfig(ctx.state, scopeOf(subject), body) : { mode: setMode(ctx.state, scopeOf(subject), body, bool(q, 'force')) };
  const del = (ctx: RouteContext, subject: string | undefined) =>
    kind === 'config' ? deleteConfig(ctx.state, scopeOf(subject)) : { mode: deleteMode(ctx.state, scopeOf(subject)) };
  const base = `/${kind}`;
  const subjectTemplate = `${base}/{subject}`;
  return [
    { method: 'GET', template: base, handle: (ctx, i) => get(ctx, undefined, i.query) },
    { method: 'PUT', template: base, handle: (ctx, i) => put(ctx, undefined, i.query, i.body) },
    { method: 'DELETE', template: base, handle: (ctx) => del(ctx, undefined) },
    { method: 'GET', template: subjectTemplate, handle: (ctx, i) => get(ctx, i.params['subject'], i.query) },
    { method: 'PUT', template: subjectTemplate, handle: (ctx, i) => put(ctx, i.params['subject'], i.query, i.body) },
    { method: 'DELETE', template: subjectTemplate, handle: (ctx, i) => del(ctx, i.params['subject']) },
  ];
}

function versionOf(state: RegistryState, params: Readonly<Record<string, string>>, deleted: boolean) {
  const subject = readSubject(params['subject'] ?? '');
  return getVersion(state, subject, parseVersion(params['version'] ?? ''), deleted);
}

function idOf(params: Readonly<Record<string, string>>): number {
  const raw = params['id'] ?? '';
  if (!/^\d+$/.test(raw)) throw fail.notFound(`/schemas/ids/${raw}`);
  return Number(raw);
}

function versionsOfId(state: RegistryState, id: number, subject: string | undefined, deleted: boolean) {
  const context = subject === undefined ? '.' : contextOf(subject);
  const rows = [...state.everyVersion()].filter((v) => v.id === id && contextOf(v.subject) === context && (deleted || !v.deleted));
  if (rows.length === 0) throw fail.schemaNotFound(id);
  return rows.map((v) => ({ subject: v.subject, version: v.version }));
}

/** Finds the route for a method and decoded path segments; 404/405 as Jersey answers. */
export function matchRoute(method: string, segments: readonly string[]): { route: Route; params: Record<string, string> } {
  let pathMatched = false;
  for (const route of ROUTES) {
    const params = matchTemplate(route.template, segments);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  throw pathMatched ? fail.methodNotAllowed() : fail.notFound(`/${segments.join('/')}`);
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] as string;
    if (part.startsWith('{')) params[part.slice(1, -1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}
