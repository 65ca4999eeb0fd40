/**
 * Checks HTTP exchanges against the official Iceberg REST OpenAPI description (../shared/specs, OpenAPI 3.1,
 * JSON Schema 2020-12 via ajv): the path and method exist, query parameters are declared and valid, required
 * ones present, the request body and the response body match their schemas, and the status is one the
 * operation declares. `discriminator` mappings (an annotation to JSON Schema) are enforced too, so a
 * requirement or update of an unknown kind, or one missing its fields, is caught.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';

export const SPEC_PATH = join(process.cwd(), '..', 'shared', 'specs', 'iceberg-rest-catalog-open-api.yaml');
export const SPEC_PRESENT = existsSync(SPEC_PATH);

const ID = 'https://iceberg.apache.org/rest-catalog.json';
type Json = Record<string, unknown>;

export interface Exchange {
  readonly method: string;
  /** The request path, still encoded, without the query. */
  readonly path: string;
  readonly query: ReadonlyMap<string, string>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly contentType: string | undefined;
  /** Parsed request body (JSON or form), or undefined. */
  readonly requestBody: unknown;
  readonly status: number;
  /** Parsed response body, or undefined for an empty one. */
  readonly responseBody: unknown;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/') ? `${ID}#/$defs/${v.slice('#/components/schemas/'.length)}` : rewriteRefs(v)]));
}

/** For a schema with a discriminator mapping but no oneOf: if the property says kind K, the mapped schema must hold. */
function enforceDiscriminators(defs: Record<string, Json>): void {
  for (const [name, schema] of Object.entries(defs)) {
    const d = schema['discriminator'] as { propertyName?: string; mapping?: Record<string, string> } | undefined;
    if (d?.propertyName === undefined || d.mapping === undefined || schema['oneOf'] !== undefined || schema['anyOf'] !== undefined) continue;
    const prop = d.propertyName;
    const rules: Json[] = [{ properties: { [prop]: { enum: Object.keys(d.mapping) } } }];
    for (const [kind, target] of Object.entries(d.mapping)) {
      const targetName = target.slice(target.lastIndexOf('/') + 1);
      const own = { ...(defs[targetName] ?? {}) };
      const selfRef = `${ID}#/$defs/${name}`;
      if (Array.isArray(own['allOf'])) {
        const rest = (own['allOf'] as Json[]).filter((s) => s['$ref'] !== selfRef);
        if (rest.length > 0) own['allOf'] = rest;
        else delete own['allOf'];
      }
      defs[`${targetName}__own`] = own;
      rules.push({ if: { properties: { [prop]: { const: kind } }, required: [prop] }, then: { $ref: `${ID}#/$defs/${targetName}__own` } });
    }
    schema['allOf'] = [...((schema['allOf'] as Json[] | undefined) ?? []), ...rules];
  }
}

interface Operation {
  readonly template: RegExp;
  readonly method: string;
  readonly id: string;
  readonly parameters: Json[];
  readonly requestBody: Json | undefined;
  readonly responses: Json;
}

export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<unknown, ValidateFunction>();
  private readonly components: Json;

  constructor(specText: string) {
    const spec = parseYaml(specText) as Json;
    this.components = rewriteRefs(spec['components']) as Json;
    const defs = { ...(this.components['schemas'] as Record<string, Json>) };
    enforceDiscriminators(defs);
    this.ajv.addSchema({ $id: ID, $defs: defs });
    for (const [path, item] of Object.entries(spec['paths'] as Record<string, Json>)) {
      const shared = (item['parameters'] as Json[] | undefined) ?? [];
      const pattern = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\/\{prefix\}/, '(?:/[^/]+)?').replace(/\{[^}]+\}/g, '[^/]+');
      for (const method of ['get', 'post', 'put', 'delete', 'head']) {
        const op = item[method] as Json | undefined;
        if (op === undefined) continue;
        this.operations.push({
          template: new RegExp(`^${pattern}$`),
          method: method.toUpperCase(),
          id: String(op['operationId']),
          parameters: [...shared, ...((op['parameters'] as Json[] | undefined) ?? [])].map((p) => this.deref(p, 'parameters')),
          requestBody: op['requestBody'] === undefined ? undefined : this.deref(op['requestBody'] as Json, 'requestBodies'),
          responses: op['responses'] as Json,
        });
      }
    }
  }

  static load(): OpenApiValidator {
    return new OpenApiValidator(readFileSync(SPEC_PATH, 'utf8'));
  }

  private deref(node: Json, kind: string): Json {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return rewriteRefs(node) as Json;
    return (this.components[kind] as Record<string, Json>)[ref.slice(ref.lastIndexOf('/') + 1)] as Json;
  }

  private check(schema: unknown, value: unknown, where: string): string[] {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile({ ...(schema as Json), $id: `${ID}/inline/${this.compiled.size}` });
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}${e.instancePath} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }

  /** Every way the exchange departs from the description; empty when it conforms. */
  violations(x: Exchange): string[] {
    const path = x.path;
    const op = this.operations.find((o) => o.method === x.method && o.template.test(path) && !this.operations.some((p) => p !== o && p.method === x.method && p.template.test(path) && p.template.source.length > o.template.source.length));
    const label = `${x.method} ${path}`;
    if (op === undefined) return [`${label}: no such operation in the description`];
    const out: string[] = [];
    const declared = new Set<string>();
    for (const p of op.parameters) {
      const name = String(p['name']);
      if (p['in'] === 'query') {
        declared.add(name);
        const value = x.query.get(name);
        if (value === undefined && p['required'] === true) out.push(`${label}: query parameter ${name} is required`);
        if (value !== undefined) out.push(...this.check(p['schema'], value, `${op.id} query ${name}`));
      }
      if (p['in'] === 'header') {
        const value = x.headers[name.toLowerCase()];
        // style: simple, the default for headers: an array travels comma-separated.
        const parsed = value !== undefined && (p['schema'] as Json | undefined)?.['type'] === 'array' ? value.split(',').map((v) => v.trim()) : value;
        if (parsed !== undefined) out.push(...this.check(p['schema'], parsed, `${op.id} header ${name}`));
      }
    }
    for (const name of x.query.keys()) if (!declared.has(name)) out.push(`${label}: query parameter ${name} is not declared for ${op.id}`);
    if (op.requestBody !== undefined) {
      const content = op.requestBody['content'] as Record<string, Json>;
      const type = (x.contentType ?? '').split(';')[0]?.trim() ?? '';
      const media = content[type];
      if (x.requestBody === undefined) {
        if (op.requestBody['required'] === true) out.push(`${label}: a request body is required`);
      } else if (media === undefined) out.push(`${label}: content type ${type || '(none)'} is not one of ${Object.keys(content).join(', ')}`);
      else out.push(...this.check(media['schema'], x.requestBody, `${op.id} request`));
    } else if (x.requestBody !== undefined) out.push(`${label}: ${op.id} takes no request body`);
    const statusKey = String(x.status);
    const declaredResponse = op.responses[statusKey] ?? op.responses[`${statusKey[0]}XX`] ?? op.responses['default'];
    if (declaredResponse === undefined) return [...out, `${label}: status ${x.status} is not declared for ${op.id}`];
    const response = this.deref(declaredResponse as Json, 'responses');
    const media = (response['content'] as Record<string, Json> | undefined)?.['application/json'];
    if (media !== undefined) {
      if (x.responseBody === undefined) out.push(`${label}: ${x.status} must have a JSON body`);
      else out.push(...this.check(media['schema'], x.responseBody, `${op.id} ${x.status} response`));
    }
    return out;
  }
}
