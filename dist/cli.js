#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/@octokit/request/node_modules/content-type/dist/index.js
var require_dist = __commonJS({
  "node_modules/@octokit/request/node_modules/content-type/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.format = format;
    exports.parse = parse5;
    var TEXT_REGEXP = /^[\u0009\u0020-\u007e\u0080-\u00ff]*$/;
    var TOKEN_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var QUOTE_REGEXP = /[\\"]/g;
    var TYPE_REGEXP = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    var NullObject = /* @__PURE__ */ (() => {
      const C = function() {
      };
      C.prototype = /* @__PURE__ */ Object.create(null);
      return C;
    })();
    function format(obj) {
      const { type, parameters } = obj;
      if (!type || !TYPE_REGEXP.test(type)) {
        throw new TypeError(`Invalid type: ${type}`);
      }
      let result = type;
      if (parameters) {
        for (const param of Object.keys(parameters)) {
          if (!TOKEN_REGEXP.test(param)) {
            throw new TypeError(`Invalid parameter name: ${param}`);
          }
          result += `; ${param}=${qstring(parameters[param])}`;
        }
      }
      return result;
    }
    function parse5(header2, options6) {
      const stopChar = options6?.comma === true ? COMMA : 65536;
      const len = header2.length;
      let index = skipOWS(header2, options6?.start ?? 0, len);
      const valueStart = index;
      index = skipValue(header2, index, len, stopChar);
      const valueEnd = trailingOWS(header2, valueStart, index);
      const type = header2.slice(valueStart, valueEnd).toLowerCase();
      if (options6?.parameters === false) {
        return { type, index, parameters: new NullObject() };
      }
      return parseParameters(header2, type, index, len, stopChar);
    }
    var SP = 32;
    var HTAB = 9;
    var SEMI = 59;
    var EQ = 61;
    var DQUOTE = 34;
    var BSLASH = 92;
    var COMMA = 44;
    function parseParameters(header2, type, index, len, stopChar) {
      const parameters = new NullObject();
      parameter: while (index < len) {
        if (header2.charCodeAt(index) === stopChar)
          break;
        index = skipOWS(header2, index + 1, len);
        const keyStart = index;
        while (index < len) {
          const code = header2.charCodeAt(index);
          if (code === stopChar)
            break parameter;
          if (code === SEMI)
            continue parameter;
          if (code === EQ) {
            const keyEnd = trailingOWS(header2, keyStart, index);
            const key = header2.slice(keyStart, keyEnd).toLowerCase();
            index = skipOWS(header2, index + 1, len);
            if (index < len && header2.charCodeAt(index) === DQUOTE) {
              index++;
              let value = "";
              while (index < len) {
                const code2 = header2.charCodeAt(index++);
                if (code2 === DQUOTE) {
                  index = skipValue(header2, index, len, stopChar);
                  if (parameters[key] === void 0)
                    parameters[key] = value;
                  break;
                }
                if (code2 === BSLASH && index < len) {
                  value += header2[index++];
                  continue;
                }
                value += String.fromCharCode(code2);
              }
              continue parameter;
            }
            const valueStart = index;
            index = skipValue(header2, index, len, stopChar);
            if (parameters[key] === void 0) {
              const valueEnd = trailingOWS(header2, valueStart, index);
              parameters[key] = header2.slice(valueStart, valueEnd);
            }
            continue parameter;
          }
          index++;
        }
      }
      return { type, index, parameters };
    }
    function skipValue(str, index, len, stopChar) {
      while (index < len) {
        const code = str.charCodeAt(index);
        if (code === SEMI || code === stopChar)
          break;
        index++;
      }
      return index;
    }
    function skipOWS(header2, index, len) {
      while (index < len) {
        const char = header2.charCodeAt(index);
        if (char !== SP && char !== HTAB)
          break;
        index++;
      }
      return index;
    }
    function trailingOWS(header2, start, end) {
      while (end > start) {
        const char = header2.charCodeAt(end - 1);
        if (char !== SP && char !== HTAB)
          break;
        end--;
      }
      return end;
    }
    function qstring(str) {
      if (TOKEN_REGEXP.test(str))
        return str;
      if (TEXT_REGEXP.test(str))
        return `"${str.replace(QUOTE_REGEXP, "\\$&")}"`;
      throw new TypeError(`Invalid parameter value: ${str}`);
    }
  }
});

// src/cli/commands/backup.ts
import { stat as stat4 } from "node:fs/promises";
import { join as join7 } from "node:path";

// src/backup/backup-job.ts
import { basename as basename2 } from "node:path";

// src/registry/compat-messages.ts
var CP74 = /^\{errorType:'([A-Z_]+)', description:'([\s\S]*?)', additionalInfo:'([\s\S]*)'\}$/;
var LEGACY = /^Incompatibility\{type:([A-Z_]+), location:(\S*?), message:([\s\S]*?), reader:/;
var OLD_VERSION = /^\{oldSchemaVersion: (-?\d+)\}$/;
var OLD_SCHEMA = /^\{oldSchema: (<truncated> )?'([\s\S]*)'\}$/;
var CONFIG = /^\{validateFields: '(true|false)', compatibility: '([A-Z_]+)'\}$/;
var PATH = /path '([^']*)'/;
var DIFFERENT_TYPE = "Incompatible because of different schema type";
var CHECKER_EXCEPTION = "Unexpected exception during compatibility check: ";
var MESSAGE_START = /(?:\{errorType:'|Incompatibility\{type:|\{oldSchemaVersion: |\{oldSchema: |\{validateFields: |Incompatible because of different schema type|Unexpected exception during compatibility check: )/g;
function parseCompatibilityMessages(messages) {
  return collect(messages.flatMap(splitJoinedMessages).map(parseLine));
}
function parseIncompatibleRegistration(message) {
  const at2 = message.indexOf("details: [");
  const details = at2 >= 0 ? message.slice(at2 + "details: [".length).replace(/\]\s*$/, "") : message;
  return collect(splitJoinedMessages(details).map(parseLine));
}
function splitJoinedMessages(text) {
  const starts = [...text.matchAll(MESSAGE_START)].map((m) => m.index ?? 0);
  if (starts.length === 0) return text.trim() ? [text.trim()] : [];
  if (starts[0] !== 0 && text.slice(0, starts[0]).trim()) starts.unshift(0);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).replace(/,\s*$/, "").trim());
}
function parseLine(line2) {
  const cp74 = CP74.exec(line2);
  if (cp74) {
    const [, type = "", description = "", message = ""] = cp74;
    const location = PATH.exec(description)?.[1] ?? "";
    return { kind: "incompatibility", value: { type, location, message, description, format: "cp-7.4" } };
  }
  const legacy = LEGACY.exec(line2);
  if (legacy) {
    const [, type = "", location = "", message = ""] = legacy;
    return { kind: "incompatibility", value: { type, location, message, format: "pre-7.4" } };
  }
  const version = OLD_VERSION.exec(line2);
  if (version) return { kind: "oldSchemaVersion", version: Number(version[1]) };
  const schema = OLD_SCHEMA.exec(line2);
  if (schema) return { kind: "oldSchema", schema: (schema[2] ?? "").replace(/\.\.\.$/, ""), truncated: !!schema[1] };
  const config2 = CONFIG.exec(line2);
  if (config2) return { kind: "config", validateFields: config2[1] === "true", compatibility: config2[2] ?? "" };
  return { kind: "incompatibility", value: textLine(line2) };
}
function textLine(line2) {
  if (line2.startsWith(DIFFERENT_TYPE)) return { type: "DIFFERENT_SCHEMA_TYPE", location: "", message: line2, format: "text" };
  if (line2.startsWith(CHECKER_EXCEPTION)) {
    return { type: "CHECKER_EXCEPTION", location: "", message: line2.slice(CHECKER_EXCEPTION.length), format: "text" };
  }
  if (/^Invalid schema\b/.test(line2)) return { type: "INVALID_SCHEMA", location: "", message: line2, format: "text" };
  return { type: "UNKNOWN", location: "", message: line2, format: "text" };
}
function collect(lines2) {
  const done = [];
  let pending = [];
  let result = {};
  for (const line2 of lines2) {
    if (line2.kind === "incompatibility") pending.push(line2.value);
    else if (line2.kind === "oldSchemaVersion") {
      done.push(...pending.map((p) => ({ ...p, oldSchemaVersion: line2.version })));
      pending = [];
    } else if (line2.kind === "oldSchema") result = { ...result, oldSchema: line2.schema, oldSchemaTruncated: line2.truncated };
    else result = { ...result, validateFields: line2.validateFields, compatibility: line2.compatibility };
  }
  return { incompatibilities: [...done, ...pending], ...result };
}
var MAX_QUOTED_SCHEMA = 10 * 1024;

// src/registry/error-codes.ts
var RegistryErrorCodes = {
  SUBJECT_NOT_FOUND: 40401,
  VERSION_NOT_FOUND: 40402,
  SCHEMA_NOT_FOUND: 40403,
  SUBJECT_SOFT_DELETED: 40404,
  SUBJECT_NOT_SOFT_DELETED: 40405,
  VERSION_SOFT_DELETED: 40406,
  VERSION_NOT_SOFT_DELETED: 40407,
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED: 40408,
  SUBJECT_MODE_NOT_CONFIGURED: 40409,
  ASSOCIATION_NOT_FOUND: 40410,
  /** Up to CP 8.0.3/8.1.1 the incompatible-schema code was the bare HTTP status. */
  INCOMPATIBLE_SCHEMA_LEGACY: 409,
  INCOMPATIBLE_SCHEMA: 40901,
  INVALID_SCHEMA: 42201,
  INVALID_VERSION: 42202,
  INVALID_COMPATIBILITY_LEVEL: 42203,
  INVALID_MODE: 42204,
  OPERATION_NOT_PERMITTED: 42205,
  REFERENCE_EXISTS: 42206,
  ID_DOES_NOT_MATCH: 42207,
  INVALID_SUBJECT: 42208,
  SCHEMA_TOO_LARGE: 42209,
  INVALID_RULESET: 42210,
  CONTEXT_NOT_EMPTY: 42211,
  INVALID_ASSOCIATION: 42212,
  STORE_ERROR: 50001,
  OPERATION_TIMEOUT: 50002,
  REQUEST_FORWARDING_FAILED: 50003,
  UNKNOWN_LEADER: 50004,
  /** Used by Confluent's own client for a response it could not parse; we do the same. */
  JSON_PARSE_ERROR: 50005
};
var RETRY_LATER = "The registry is unhealthy; retry later or check its logs.";
var CODE_INFO = {
  40401: {
    problem: "subject not found",
    hint: "Check the subject name and its :.context: prefix; soft-deleted subjects are only listed with deleted=true."
  },
  40402: { problem: "version not found", hint: "Check the version; soft-deleted versions are only listed with deleted=true." },
  40403: { problem: "schema not found", hint: "The schema is not registered (under this subject, or with this id)." },
  40404: {
    problem: "subject is soft-deleted",
    hint: "Delete it with permanent=true, or register a schema to bring it back."
  },
  40405: { problem: "subject was not soft-deleted first", hint: "Soft-delete the subject, then delete it with permanent=true." },
  40406: { problem: "version is soft-deleted", hint: "Delete it with permanent=true to remove it for good." },
  40407: { problem: "version was not soft-deleted first", hint: "Soft-delete the version, then delete it with permanent=true." },
  40408: {
    problem: "no subject-level compatibility configured",
    hint: "Read it with defaultToGlobal=true to get the effective level."
  },
  40409: { problem: "no subject-level mode configured", hint: "Read it with defaultToGlobal=true to get the effective mode." },
  40410: { problem: "association not found", hint: "Check the resource and subject of the association." },
  409: {
    problem: "schema is incompatible with an earlier version",
    hint: "The change breaks the subject's compatibility level; see the listed incompatibilities."
  },
  40901: {
    problem: "schema is incompatible with an earlier version",
    hint: "The change breaks the subject's compatibility level; see the listed incompatibilities."
  },
  42201: {
    problem: "invalid schema",
    hint: "Fix the schema text and schemaType; every reference must already be registered."
  },
  42202: { problem: "invalid version", hint: 'Use a version between 1 and 2^31-1, or "latest".' },
  42203: {
    problem: "invalid compatibility level",
    hint: "Use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE."
  },
  42204: { problem: "invalid mode", hint: "Use READWRITE, READONLY or IMPORT (FORWARD only globally)." },
  42205: {
    problem: "operation not permitted",
    hint: "The mode forbids it (READONLY; an explicit id outside IMPORT; IMPORT into a non-empty subject without force; an id already used by other content). Check GET /mode."
  },
  42206: { problem: "other schemas reference this schema", hint: "Delete the referring versions first." },
  42207: { problem: "id does not match the registered schema", hint: "Send the id the schema is registered under, or none." },
  42208: { problem: "invalid subject name", hint: "Use a non-empty subject name without control characters." },
  42209: { problem: "schema too large", hint: "The schema exceeds the registry size limit; split it with references." },
  42210: { problem: "invalid rule set", hint: "Fix the ruleSet of the request." },
  42211: { problem: "context not empty", hint: "Delete the subjects of the context first." },
  42212: { problem: "invalid association", hint: "Fix the association of the request." },
  50001: { problem: "registry store error", hint: RETRY_LATER },
  50002: { problem: "registry operation timed out", hint: RETRY_LATER },
  50003: { problem: "registry could not forward the request to its leader", hint: RETRY_LATER },
  50004: { problem: "registry leader unknown", hint: RETRY_LATER },
  50005: {
    problem: "response could not be parsed",
    hint: "Check that the URL points at a Schema Registry (not a proxy or login page)."
  }
};

// src/registry/redact.ts
function sanitizeUrl(url2) {
  try {
    const parsed = new URL(url2);
    const path2 = parsed.pathname.replace(/\/+$/, "");
    return `${parsed.protocol}//${parsed.host}${path2}`;
  } catch {
    return url2.replace(/\/\/[^/@]*@/, "//");
  }
}
function secretVariants(secrets, username) {
  const found = /* @__PURE__ */ new Set();
  for (const secret of secrets) {
    if (!secret) continue;
    found.add(secret);
    found.add(encodeURIComponent(secret));
    if (username !== void 0) {
      const pair = `${username}:${secret}`;
      found.add(pair);
      found.add(Buffer.from(pair, "utf8").toString("base64"));
    }
  }
  return [...found].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}
function redact(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join("***");
  }
  return out.replace(/\/\/[^/\s@]*:[^/\s@]*@/g, "//");
}
function excerpt(text, max = 200) {
  const line2 = text.replace(/\s+/g, " ").trim();
  return line2.length > max ? `${line2.slice(0, max)}\u2026` : line2;
}

// src/registry/errors.ts
var RegistryError = class _RegistryError extends Error {
  name = "RegistryError";
  /** The bare problem, without location or hint; `message` is the full one-line text. */
  problem;
  kind;
  code;
  httpStatus;
  endpoint;
  baseUrl;
  subject;
  version;
  serverMessage;
  attempts;
  hint;
  incompatibilities;
  issues;
  causeCode;
  constructor(problem, fields) {
    super(formatMessage(problem, fields));
    this.problem = problem;
    this.kind = fields.kind;
    this.code = fields.code;
    this.httpStatus = fields.httpStatus;
    this.endpoint = fields.endpoint;
    this.baseUrl = fields.baseUrl;
    this.subject = fields.subject;
    this.version = fields.version;
    this.serverMessage = fields.serverMessage;
    this.attempts = fields.attempts;
    this.hint = fields.hint;
    this.incompatibilities = fields.incompatibilities;
    this.issues = fields.issues;
    this.causeCode = fields.causeCode;
  }
  /** True for an error the server could answer differently if asked again. */
  get retryable() {
    return ["rate-limited", "timeout", "server", "network"].includes(this.kind);
  }
  /** A copy with a longer problem text and more fields, e.g. after the last retry. */
  with(problemSuffix, fields = {}) {
    const own = { ...this.#fields(), ...fields };
    return new _RegistryError(`${this.problem}${problemSuffix}`, own);
  }
  #fields() {
    const { kind, code, httpStatus, endpoint: endpoint2, baseUrl, subject: subject2, version, serverMessage, attempts, hint } = this;
    return { kind, code, httpStatus, endpoint: endpoint2, baseUrl, subject: subject2, version, serverMessage, attempts, hint, ...this.#lists() };
  }
  #lists() {
    return { incompatibilities: this.incompatibilities, issues: this.issues, causeCode: this.causeCode };
  }
  toJSON() {
    return { name: this.name, message: this.message, ...fieldsOf(this) };
  }
};
function fieldsOf(e) {
  const { kind, code, httpStatus, endpoint: endpoint2, baseUrl, subject: subject2, version, serverMessage, attempts, hint, issues, causeCode } = e;
  const all = { kind, code, httpStatus, endpoint: endpoint2, baseUrl, subject: subject2, version, serverMessage, attempts, hint, issues, causeCode };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== void 0));
}
function formatMessage(problem, f) {
  const code = f.code !== void 0 ? ` (${f.code})` : f.httpStatus !== void 0 ? ` (HTTP ${f.httpStatus})` : "";
  const where2 = [f.endpoint, f.baseUrl && `on ${f.baseUrl}`].filter(Boolean).join(" ");
  const about = [f.subject !== void 0 && `subject '${f.subject}'`, f.version !== void 0 && `version ${f.version}`].filter(Boolean).join(", ");
  const quote = f.serverMessage && !(f.kind === "incompatible" && summarisable(f.incompatibilities));
  const server = quote ? `: ${excerpt(f.serverMessage ?? "", 300)}` : "";
  const tail = [where2 && ` \u2014 ${where2}`, about && ` [${about}]`].join("");
  const head = `Schema Registry: ${problem}${code}${tail}${server}`;
  const sentence = /[.!?…]$/.test(head) ? head : `${head}.`;
  return f.hint ? `${sentence} ${f.hint}` : sentence;
}
function errorFromResponse(status3, body, ctx) {
  const parsed = parseErrorBody(body);
  const code = parsed?.code;
  const serverMessage = parsed?.message ?? (body.trim() ? excerpt(body) : void 0);
  const kind = kindOf(status3, code);
  const info = code !== void 0 ? CODE_INFO[code] : void 0;
  const hint = info?.hint ?? statusHint(kind);
  const incompatibilities = kind === "incompatible" && serverMessage ? parseIncompatibleRegistration(parsed?.message ?? body).incompatibilities : void 0;
  const problem = summarisable(incompatibilities) ? summarise(incompatibilities) : info?.problem ?? statusProblem(status3, kind);
  return new RegistryError(problem, { kind, code, httpStatus: status3, serverMessage, hint, incompatibilities, ...ctx });
}
function summarisable(list) {
  return !!list && list.some((i) => i.type !== "UNKNOWN");
}
function summarise(incompatibilities) {
  const version = incompatibilities.find((i) => i.oldSchemaVersion !== void 0)?.oldSchemaVersion;
  const shown2 = incompatibilities.slice(0, 3).map((i) => `${i.type}${i.location ? ` at ${i.location}` : ""} (${excerpt(i.message, 80)})`);
  const more = incompatibilities.length > 3 ? `; and ${incompatibilities.length - 3} more` : "";
  return `schema is incompatible with ${version !== void 0 ? `version ${version}` : "an earlier version"}: ${shown2.join("; ")}${more}`;
}
function parseErrorBody(body) {
  try {
    const value = JSON.parse(body);
    if (typeof value !== "object" || value === null) return void 0;
    const { error_code: code, message } = value;
    return {
      code: typeof code === "number" && Number.isInteger(code) ? code : void 0,
      message: typeof message === "string" ? message : void 0
    };
  } catch {
    return void 0;
  }
}
function kindOf(status3, code) {
  if (status3 === 409 && (code === void 0 || code === 409 || code === RegistryErrorCodes.INCOMPATIBLE_SCHEMA)) return "incompatible";
  if (status3 === 401) return "unauthorized";
  if (status3 === 403) return "forbidden";
  if (status3 === 404) return "not-found";
  if (status3 === 400 || status3 === 422) return "invalid-request";
  if (status3 === 429) return "rate-limited";
  if (status3 === 408 || status3 === 504 || code === RegistryErrorCodes.OPERATION_TIMEOUT) return "timeout";
  if (status3 >= 500) return "server";
  return "http";
}
function statusProblem(status3, kind) {
  if (status3 === 409) return "conflict";
  const problems = {
    unauthorized: "credentials rejected",
    forbidden: "permission denied",
    "not-found": "not found",
    "invalid-request": "request refused",
    "rate-limited": "rate limit exceeded",
    timeout: "request timed out",
    server: "server error"
  };
  return problems[kind] ?? `unexpected HTTP status ${status3}`;
}
function statusHint(kind) {
  const hints = {
    unauthorized: "Check the API key/secret (basic auth) or the bearer token, and that they belong to this Schema Registry.",
    forbidden: "The credentials are valid but lack a role on this resource; ask for read (or write) access to the subject.",
    "not-found": "Check the URL: it must be the Schema Registry root (e.g. https://psrc-xxxx.region.aws.confluent.cloud).",
    "rate-limited": "The registry kept rate-limiting; lower the concurrency or retry later.",
    timeout: "Raise --registry-timeout-ms (registry.timeout-ms in guardrails.yaml) or retry later.",
    server: "The registry is unhealthy; retry later or check its logs."
  };
  return hints[kind];
}
var TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|EPROTO$|ERR_OSSL)/;
var TIMEOUT_CODES = /* @__PURE__ */ new Set(["ETIMEDOUT", "ECONNABORTED", "ESOCKETTIMEDOUT", "ERR_SOCKET_CONNECTION_TIMEOUT"]);
function errorFromNetwork(causeCode, timeoutMs, ctx) {
  const code = causeCode ?? "UNKNOWN";
  if (TIMEOUT_CODES.has(code)) {
    return new RegistryError(`no response within ${timeoutMs} ms`, {
      kind: "timeout",
      causeCode: code,
      hint: "The registry did not answer in time; raise --registry-timeout-ms (registry.timeout-ms in guardrails.yaml) or check the network path.",
      ...ctx
    });
  }
  if (TLS_CODES.test(code)) {
    return new RegistryError(`TLS failure (${code})`, {
      kind: "tls",
      causeCode: code,
      hint: "Check tls.ca (the registry's certificate authority), the client certificate and key, and the host name.",
      ...ctx
    });
  }
  return new RegistryError(`connection failed (${code})`, {
    kind: "network",
    causeCode: code,
    hint: "Check the registry URL, DNS, proxy and firewall; the connection was refused, reset or dropped.",
    ...ctx
  });
}
function malformedResponse(detail, ctx, status3) {
  return new RegistryError(`unexpected response (${detail})`, {
    kind: "malformed-response",
    code: RegistryErrorCodes.JSON_PARSE_ERROR,
    httpStatus: status3,
    hint: CODE_INFO[RegistryErrorCodes.JSON_PARSE_ERROR]?.hint,
    ...ctx
  });
}

// src/registry/env.ts
var REGISTRY_ENV = {
  /** Base URL, comma-separated for several; a command's --registry-url wins. */
  url: "GUARDRAILS_REGISTRY_URL",
  /** Basic auth user, or Confluent Cloud API key. */
  apiKey: "GUARDRAILS_REGISTRY_API_KEY",
  /** Basic auth password, or Confluent Cloud API secret. */
  apiSecret: "GUARDRAILS_REGISTRY_API_SECRET",
  /** OAuth bearer token, instead of key and secret. */
  bearerToken: "GUARDRAILS_REGISTRY_BEARER_TOKEN",
  /** Confluent Cloud OAuth headers `target-sr-cluster` and `Confluent-Identity-Pool-Id`. */
  logicalCluster: "GUARDRAILS_REGISTRY_LOGICAL_CLUSTER",
  identityPoolId: "GUARDRAILS_REGISTRY_IDENTITY_POOL_ID",
  /** TLS and mutual TLS, as PEM files. */
  caFile: "GUARDRAILS_REGISTRY_CA_FILE",
  certFile: "GUARDRAILS_REGISTRY_CERT_FILE",
  keyFile: "GUARDRAILS_REGISTRY_KEY_FILE",
  keyPassphrase: "GUARDRAILS_REGISTRY_KEY_PASSPHRASE"
};
function authFromEnv(env, bearerDefaults = {}) {
  const key = nonEmpty(env[REGISTRY_ENV.apiKey]);
  const secret = nonEmpty(env[REGISTRY_ENV.apiSecret]);
  const token = nonEmpty(env[REGISTRY_ENV.bearerToken]);
  if (key === void 0 !== (secret === void 0)) invalid(`set both ${REGISTRY_ENV.apiKey} and ${REGISTRY_ENV.apiSecret}, or neither`);
  if (key !== void 0 && token !== void 0) invalid(`set either ${REGISTRY_ENV.apiKey}/${REGISTRY_ENV.apiSecret} or ${REGISTRY_ENV.bearerToken}, not both`);
  if (key !== void 0 && secret !== void 0) return { type: "basic", username: key, password: secret };
  if (token === void 0) return void 0;
  const logicalCluster = nonEmpty(env[REGISTRY_ENV.logicalCluster]) ?? bearerDefaults.logicalCluster;
  const identityPoolId = nonEmpty(env[REGISTRY_ENV.identityPoolId]) ?? bearerDefaults.identityPoolId;
  return {
    type: "bearer",
    token,
    ...logicalCluster !== void 0 && { logicalCluster },
    ...identityPoolId !== void 0 && { identityPoolId }
  };
}
function nonEmpty(value) {
  return value === void 0 || value.trim() === "" ? void 0 : value;
}
function invalid(problem) {
  throw new RegistryError(`invalid client settings: ${problem}`, { kind: "invalid-settings", issues: [problem] });
}

// src/registry/paging.ts
async function collectPages(fetchPage, keyOf3, limit, { confirmShortFirstPage = true } = {}) {
  const rows = [];
  const seen = /* @__PURE__ */ new Set();
  let pageSize;
  let pages = 0;
  for (; ; ) {
    const page = await fetchPage({ offset: rows.length, limit });
    pages++;
    if (page.length === 0) break;
    const fresh = page.filter((row3) => !seen.has(keyOf3(row3)));
    if (fresh.length === 0) break;
    if (fresh.length < page.length) throw listingShifted(rows.length);
    for (const row3 of fresh) {
      seen.add(keyOf3(row3));
      rows.push(row3);
    }
    if (page.length > limit) break;
    if (pageSize !== void 0 && page.length < pageSize) break;
    if (pageSize === void 0 && !confirmShortFirstPage && page.length < limit) break;
    pageSize ??= page.length;
  }
  return { rows, pages };
}
function listingShifted(offset) {
  return new RegistryError(`the registry changed during the listing (the page at offset ${offset} repeats rows of earlier pages); run again`, {
    kind: "malformed-response",
    hint: "Run again when no schemas are being registered or deleted"
  });
}

// src/registry/paths.ts
function encodeSegment(value) {
  if (value === "." || value === "..") {
    throw new RegistryError(`subject '${value}' cannot be addressed in a URL path`, {
      kind: "invalid-request",
      hint: 'Rename the subject; "." and ".." are removed from URL paths by every HTTP stack.'
    });
  }
  return encodeURIComponent(value).replace(/%3A/gi, ":").replace(/%40/g, "@");
}
function versionSegment(version) {
  return version === "latest" ? "latest" : String(version);
}
var paths = {
  subjects: () => "/subjects",
  subject: (subject2) => `/subjects/${encodeSegment(subject2)}`,
  versions: (subject2) => `/subjects/${encodeSegment(subject2)}/versions`,
  version: (subject2, version) => `/subjects/${encodeSegment(subject2)}/versions/${versionSegment(version)}`,
  schemas: () => "/schemas",
  schemaById: (id2) => `/schemas/ids/${id2}`,
  compatibility: (subject2) => `/compatibility/subjects/${encodeSegment(subject2)}/versions`,
  compatibilityWith: (subject2, version) => `/compatibility/subjects/${encodeSegment(subject2)}/versions/${versionSegment(version)}`,
  config: (subject2) => subject2 === void 0 ? "/config" : `/config/${encodeSegment(subject2)}`,
  mode: (subject2) => subject2 === void 0 ? "/mode" : `/mode/${encodeSegment(subject2)}`,
  contexts: () => "/contexts"
};

// src/registry/responses.ts
import { z } from "zod";

// src/avro/compat/types.ts
var COMPATIBILITY_LEVELS = [
  "NONE",
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE"
];

// src/registry/types.ts
var REGISTRY_MODES = ["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT", "FORWARD"];
function isCompatibilityLevel(value) {
  return typeof value === "string" && COMPATIBILITY_LEVELS.includes(value);
}
function configToUpdate(config2) {
  const { compatibilityLevel, ...rest } = config2.raw;
  return compatibilityLevel === void 0 ? { ...rest } : { ...rest, compatibility: compatibilityLevel };
}

// src/registry/responses.ts
var int = z.number().int();
var reference = z.object({ name: z.string(), subject: z.string(), version: int });
var references = z.array(reference).nullish().transform((r) => r ?? []);
var registeredSchemaShape = z.looseObject({
  subject: z.string(),
  version: int,
  id: int,
  schemaType: z.string().nullish(),
  schema: z.string(),
  references,
  metadata: z.unknown().optional(),
  ruleSet: z.unknown().optional(),
  guid: z.string().optional(),
  ts: z.number().optional(),
  deleted: z.boolean().nullish()
}).transform((s) => ({
  subject: s.subject,
  version: s.version,
  id: s.id,
  schemaType: s.schemaType ?? "AVRO",
  schema: s.schema,
  references: s.references,
  ...s.metadata !== void 0 ? { metadata: s.metadata } : {},
  ...s.ruleSet !== void 0 ? { ruleSet: s.ruleSet } : {},
  ...s.guid !== void 0 ? { guid: s.guid } : {},
  ...s.ts !== void 0 ? { ts: s.ts } : {},
  deleted: s.deleted ?? false
}));
var schemaByIdShape = z.looseObject({
  schemaType: z.string().nullish(),
  schema: z.string(),
  references,
  metadata: z.unknown().optional(),
  ruleSet: z.unknown().optional(),
  guid: z.string().optional(),
  maxId: int.optional()
}).transform((s) => ({
  schemaType: s.schemaType ?? "AVRO",
  schema: s.schema,
  references: s.references,
  ...s.metadata !== void 0 ? { metadata: s.metadata } : {},
  ...s.ruleSet !== void 0 ? { ruleSet: s.ruleSet } : {},
  ...s.guid !== void 0 ? { guid: s.guid } : {},
  ...s.maxId !== void 0 ? { maxId: s.maxId } : {}
}));
var registerResultShape = z.looseObject({ id: int, version: int.optional() }).transform((r) => r.version !== void 0 && r.version > 0 ? { id: r.id, version: r.version } : { id: r.id });
var stringListShape = z.array(z.string());
var intListShape = z.array(int);
var intShape = int;
var level = z.enum(COMPATIBILITY_LEVELS);
var configShape = z.looseObject({
  compatibilityLevel: level.optional(),
  normalize: z.boolean().optional(),
  validateFields: z.boolean().optional(),
  validateNewSchemas: z.boolean().optional(),
  compatibilityGroup: z.string().optional(),
  compatibilityPolicy: z.string().optional()
}).transform((c) => {
  const named = Object.fromEntries(Object.entries(c).filter(([k, v]) => v !== void 0 && NAMED_CONFIG.has(k)));
  return { ...named, raw: { ...c } };
});
var NAMED_CONFIG = /* @__PURE__ */ new Set([
  "compatibilityLevel",
  "normalize",
  "validateFields",
  "validateNewSchemas",
  "compatibilityGroup",
  "compatibilityPolicy"
]);
var configUpdateShape = z.looseObject({ compatibility: level.optional() });
var modeShape = z.looseObject({ mode: z.enum(["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT", "FORWARD"]) }).transform((m) => m.mode);
var compatibilityShape = z.looseObject({ is_compatible: z.boolean(), messages: z.array(z.string()).nullish() }).transform((c) => ({ compatible: c.is_compatible, messages: c.messages ?? [] }));
var ignoredShape = z.unknown();

// src/registry/read-ops.ts
import { z as z2 } from "zod";
var schemaListShape = z2.array(registeredSchemaShape);
function readOps(t, pageSize) {
  return { ...subjectReads(t, pageSize), ...schemaReads(t, pageSize), ...settingReads(t), ...checks(t) };
}
function subjectReads(t, pageSize) {
  return {
    listContexts: async () => t.send({ method: "GET", path: paths.contexts(), endpoint: "GET /contexts" }, stringListShape),
    listSubjects: async (options6 = {}) => listSubjects(t, pageSize, options6),
    listVersions: async (subject2, options6 = {}) => t.send(
      {
        method: "GET",
        path: paths.versions(subject2),
        endpoint: "GET /subjects/{subject}/versions",
        query: { deleted: options6.deleted || void 0 },
        subject: subject2
      },
      intListShape
    ),
    getVersion: async (subject2, version, options6 = {}) => t.send(
      {
        method: "GET",
        path: paths.version(subject2, version),
        endpoint: "GET /subjects/{subject}/versions/{version}",
        query: { deleted: options6.deleted || void 0 },
        subject: subject2,
        version
      },
      registeredSchemaShape
    )
  };
}
function schemaReads(t, pageSize) {
  return {
    getSchemaById: async (id2, options6 = {}) => {
      const found = await t.send(
        {
          method: "GET",
          path: paths.schemaById(id2),
          endpoint: "GET /schemas/ids/{id}",
          query: { subject: options6.subject, fetchMaxId: options6.fetchMaxId || void 0 },
          subject: options6.subject
        },
        schemaByIdShape
      );
      return { id: id2, ...found };
    },
    listSchemas: async (options6 = {}) => listSchemas(t, pageSize, options6)
  };
}
function settingReads(t) {
  const scoped = (kind, subject2, defaultToGlobal, shape) => t.send(
    {
      method: "GET",
      path: kind === "config" ? paths.config(subject2) : paths.mode(subject2),
      endpoint: `GET /${kind}/{subject}`,
      query: { defaultToGlobal: defaultToGlobal || void 0 },
      subject: subject2
    },
    shape
  );
  return {
    getGlobalConfig: async () => t.send({ method: "GET", path: paths.config(), endpoint: "GET /config" }, configShape),
    getSubjectConfig: async (subject2, options6 = {}) => unlessAbsent(scoped("config", subject2, options6.defaultToGlobal, configShape), [
      RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
      RegistryErrorCodes.SUBJECT_NOT_FOUND
    ]),
    getGlobalMode: async () => t.send({ method: "GET", path: paths.mode(), endpoint: "GET /mode" }, modeShape),
    getSubjectMode: async (subject2, options6 = {}) => unlessAbsent(scoped("mode", subject2, options6.defaultToGlobal, modeShape), [
      RegistryErrorCodes.SUBJECT_MODE_NOT_CONFIGURED,
      RegistryErrorCodes.SUBJECT_NOT_FOUND
    ])
  };
}
function checks(t) {
  return {
    checkCompatibility: async (subject2, schema, options6 = {}) => {
      const version = options6.version;
      const result = await t.send(
        {
          method: "POST",
          path: version === void 0 ? paths.compatibility(subject2) : paths.compatibilityWith(subject2, version),
          endpoint: `POST /compatibility/subjects/{subject}/versions${version === void 0 ? "" : "/{version}"}`,
          query: { verbose: options6.verbose ?? true, normalize: options6.normalize },
          body: schemaBody(schema),
          subject: subject2,
          version
        },
        compatibilityShape
      );
      const parsed = parseCompatibilityMessages(result.messages);
      const level3 = parsed.compatibility !== void 0 ? { compatibility: parsed.compatibility } : {};
      return { compatible: result.compatible, messages: result.messages, incompatibilities: parsed.incompatibilities, ...level3 };
    },
    lookupSchema: async (subject2, schema, options6 = {}) => unlessAbsent(
      t.send(
        {
          method: "POST",
          path: paths.subject(subject2),
          endpoint: "POST /subjects/{subject}",
          query: { normalize: options6.normalize, deleted: options6.deleted || void 0 },
          body: schemaBody(schema),
          subject: subject2
        },
        registeredSchemaShape
      ),
      [RegistryErrorCodes.SUBJECT_NOT_FOUND, RegistryErrorCodes.SCHEMA_NOT_FOUND]
    )
  };
}
function schemaBody(schema) {
  const body = { schema: schema.schema };
  if (schema.schemaType !== void 0 && schema.schemaType !== "AVRO") body["schemaType"] = schema.schemaType;
  if (schema.references?.length) body["references"] = schema.references;
  if (schema.metadata !== void 0) body["metadata"] = schema.metadata;
  if (schema.ruleSet !== void 0) body["ruleSet"] = schema.ruleSet;
  return body;
}
async function unlessAbsent(pending, codes) {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404 && error.code !== void 0 && codes.includes(error.code)) {
      return void 0;
    }
    throw error;
  }
}
async function listSubjects(t, pageSize, options6) {
  const { rows } = await collectPages(
    ({ offset, limit }) => t.send(
      {
        method: "GET",
        path: paths.subjects(),
        endpoint: "GET /subjects",
        query: {
          subjectPrefix: options6.subjectPrefix,
          deleted: options6.deleted || void 0,
          deletedOnly: options6.deletedOnly || void 0,
          offset,
          limit
        }
      },
      stringListShape
    ),
    (subject2) => subject2,
    pageSize
  );
  return rows;
}
async function listSchemas(t, pageSize, options6) {
  const { rows } = await collectPages(
    ({ offset, limit }) => t.send(
      {
        method: "GET",
        path: paths.schemas(),
        endpoint: "GET /schemas",
        query: {
          subjectPrefix: options6.subjectPrefix,
          deleted: options6.deleted || void 0,
          latestOnly: options6.latestOnly || void 0,
          offset,
          limit
        }
      },
      schemaListShape
    ),
    (s) => `${s.subject}\0${s.version}`,
    Math.min(pageSize, 1e3),
    { confirmShortFirstPage: !options6.trustShortFirstPage }
  );
  return rows;
}

// src/registry/settings.ts
import { z as z3 } from "zod";
var DEFAULT_SETTINGS = {
  timeoutMs: 3e4,
  retry: { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 2e4, maxRetryAfterMs: 6e4 },
  maxConcurrency: 4,
  pageSize: 1e3
};
var nonEmpty2 = (what) => z3.string({ error: `${what} must be a string` }).min(1, { error: `${what} must not be empty` });
var int2 = (what, min, max) => z3.number({ error: `${what} must be a number` }).int({ error: `${what} must be a whole number` }).min(min, { error: `${what} must be at least ${min}` }).max(max, { error: `${what} must be at most ${max}` });
var pem = (what) => nonEmpty2(what).refine((s) => s.includes("-----BEGIN "), {
  error: `${what} must be PEM text (-----BEGIN ...-----); read the file and pass its content`
});
var headerValue = z3.string().refine((v) => !/[\r\n]/.test(v), { error: "header values must not contain line breaks" });
var authSchema = z3.discriminatedUnion(
  "type",
  [
    z3.object({ type: z3.literal("none") }).strict(),
    z3.object({ type: z3.literal("basic"), username: nonEmpty2("auth.username"), password: nonEmpty2("auth.password") }).strict(),
    z3.object({
      type: z3.literal("bearer"),
      token: nonEmpty2("auth.token"),
      logicalCluster: nonEmpty2("auth.logicalCluster").optional(),
      identityPoolId: nonEmpty2("auth.identityPoolId").optional()
    }).strict()
  ],
  { error: "auth.type must be 'none', 'basic' or 'bearer'" }
);
var inputSchema = z3.object({
  url: z3.union([z3.string(), z3.array(z3.string())], { error: "url must be a URL, a comma-separated list or an array of URLs" }),
  auth: authSchema.optional(),
  tls: z3.object({
    ca: pem("tls.ca").optional(),
    cert: pem("tls.cert").optional(),
    key: pem("tls.key").optional(),
    passphrase: z3.string().optional(),
    rejectUnauthorized: z3.boolean().optional()
  }).strict().refine((t) => t.cert === void 0 === (t.key === void 0), { error: "tls.cert and tls.key must be given together" }).optional(),
  headers: z3.record(z3.string(), headerValue).optional(),
  timeoutMs: int2("timeoutMs", 1, 6e5).optional(),
  retry: z3.object({
    maxAttempts: int2("retry.maxAttempts", 1, 20).optional(),
    baseDelayMs: int2("retry.baseDelayMs", 0, 6e4).optional(),
    maxDelayMs: int2("retry.maxDelayMs", 0, 6e5).optional(),
    maxRetryAfterMs: int2("retry.maxRetryAfterMs", 0, 36e5).optional()
  }).strict().optional(),
  maxConcurrency: int2("maxConcurrency", 1, 64).optional(),
  pageSize: int2("pageSize", 1, 1e3).optional()
}).strict();
var RESERVED_HEADERS = ["authorization", "target-sr-cluster", "confluent-identity-pool-id", "content-type", "host"];
function parseRegistrySettings(input) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    fail(parsed.error.issues.map(issueLine));
  }
  const raw = parsed.data;
  const issues = [];
  const urls = (Array.isArray(raw.url) ? raw.url : raw.url.split(",")).map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) issues.push("url: give at least one Schema Registry URL, e.g. https://psrc-xxxx.us-east-2.aws.confluent.cloud");
  const parsedUrls = urls.map((u, i) => parseBaseUrl(u, i, issues));
  const urlAuth = authFromUrls(parsedUrls, issues);
  if (urlAuth && raw.auth && raw.auth.type !== "none") issues.push("url: credentials are given both in the URL and in auth; keep one");
  for (const name of Object.keys(raw.headers ?? {})) {
    if (RESERVED_HEADERS.includes(name.toLowerCase())) issues.push(`headers.${name}: set by the client; use auth instead`);
  }
  if (issues.length) fail(issues);
  return remember({
    baseUrls: parsedUrls.filter((u) => u !== void 0).map((u) => sanitizeUrl(u.href)),
    auth: raw.auth && raw.auth.type !== "none" ? raw.auth : urlAuth ?? { type: "none" },
    tls: raw.tls && { ...raw.tls, rejectUnauthorized: raw.tls.rejectUnauthorized ?? true },
    headers: { ...raw.headers },
    timeoutMs: raw.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs,
    retry: { ...DEFAULT_SETTINGS.retry, ...stripUndefined(raw.retry ?? {}) },
    maxConcurrency: raw.maxConcurrency ?? DEFAULT_SETTINGS.maxConcurrency,
    pageSize: raw.pageSize ?? DEFAULT_SETTINGS.pageSize
  });
}
var PARSED = /* @__PURE__ */ new WeakSet();
function remember(settings) {
  PARSED.add(settings);
  return settings;
}
function isParsedSettings(value) {
  return typeof value === "object" && value !== null && PARSED.has(value);
}
function issueLine(issue) {
  const where2 = issue.path.map(String).join(".");
  return where2 && !issue.message.startsWith(where2) ? `${where2}: ${issue.message}` : issue.message;
}
function parseBaseUrl(text, index, issues) {
  let url2;
  try {
    url2 = new URL(text);
  } catch {
    issues.push(`url[${index}]: '${sanitizeUrl(text)}' is not a URL; expected http(s)://host[:port][/path]`);
    return void 0;
  }
  if (url2.protocol !== "http:" && url2.protocol !== "https:") {
    issues.push(`url[${index}]: '${sanitizeUrl(text)}' must use http or https`);
    return void 0;
  }
  if (url2.search || url2.hash) issues.push(`url[${index}]: '${sanitizeUrl(text)}' must not have a query or fragment`);
  return url2;
}
function authFromUrls(urls, issues) {
  const withCredentials = urls.filter((u) => !!u && (u.username !== "" || u.password !== ""));
  if (withCredentials.length === 0) return void 0;
  const pairs = new Set(withCredentials.map((u) => `${u.username}\0${u.password}`));
  if (pairs.size > 1) issues.push("url: the URLs carry different credentials; use one auth setting instead");
  const first = withCredentials[0];
  if (!first.username || !first.password) {
    issues.push("url: credentials in a URL need both a user (API key) and a password (API secret)");
    return void 0;
  }
  return { type: "basic", username: decodeURIComponent(first.username), password: decodeURIComponent(first.password) };
}
function stripUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function fail(issues) {
  throw new RegistryError(`invalid client settings: ${issues.join("; ")}`, {
    kind: "invalid-settings",
    issues,
    hint: "Fix the registry settings; nothing was sent."
  });
}

// src/registry/transport.ts
import { setMaxListeners } from "node:events";
import http from "node:http";
import https from "node:https";

// src/registry/retry.ts
function isFailoverKind(kind) {
  return kind === "network" || kind === "timeout" || kind === "server";
}
function backoffDelay(retry2, policy, random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry2 - 1));
  return Math.floor(Math.min(1, Math.max(0, random())) * ceiling);
}
function parseRetryAfter(value, nowMs) {
  if (value === void 0) return void 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1e3;
  if (!/[a-z]/i.test(text)) return void 0;
  const at2 = Date.parse(text);
  return Number.isNaN(at2) ? void 0 : Math.max(0, at2 - nowMs);
}
function decideRetry(attempt, policy, retryAfterMs, freshUrl, random) {
  if (attempt >= policy.maxAttempts) return { retry: false, delayMs: 0, reason: `gave up after ${attempt} attempts` };
  if (retryAfterMs !== void 0 && retryAfterMs > policy.maxRetryAfterMs) {
    return { retry: false, delayMs: 0, reason: `server asked to wait ${Math.ceil(retryAfterMs / 1e3)} s` };
  }
  if (retryAfterMs !== void 0) return { retry: true, delayMs: retryAfterMs };
  return { retry: true, delayMs: freshUrl ? 0 : backoffDelay(attempt, policy, random) };
}

// src/registry/semaphore.ts
var Semaphore = class {
  #limit;
  #active = 0;
  #waiting = [];
  constructor(limit) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`semaphore limit must be a positive integer, got ${limit}`);
    this.#limit = limit;
  }
  /** Tasks running now. */
  get active() {
    return this.#active;
  }
  async run(task) {
    await this.#acquire();
    try {
      return await task();
    } finally {
      this.#release();
    }
  }
  #acquire() {
    if (this.#active < this.#limit) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve7) => this.#waiting.push(resolve7));
  }
  #release() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
};

// src/registry/transport.ts
var ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
var CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
function createTransport(settings, deps = {}) {
  const stop = stopListener(deps.signal);
  const sleep = (ms) => deps.sleep ? untilStopped(deps.sleep(ms), stop) : stoppableSleep(ms, stop);
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const secrets = secretsOf(settings);
  const agents = createAgents(settings);
  let instance;
  const semaphore = new Semaphore(settings.maxConcurrency);
  const urls = settings.baseUrls;
  const inFlight = cutAfterStop(deps.signal, deps.settleMs ?? DEFAULT_SETTLE_MS, settings.maxConcurrency);
  let preferred = 0;
  async function send(request2, shape) {
    const tried = /* @__PURE__ */ new Set();
    let index = preferred;
    for (let attempt = 1; ; attempt++) {
      tried.add(index);
      const ctx = contextOf(request2, urls[index], attempt);
      const outcome = await semaphore.run(() => {
        if (deps.signal?.aborted) throw notSent(ctx);
        deps.onAttempt?.();
        return attemptOnce(instance ??= createAxios(settings, agents), request2, ctx, settings.timeoutMs, secrets, now, inFlight.signal);
      });
      if (outcome.ok) {
        preferred = index;
        return checkShape(shape, outcome.data, ctx, outcome.status);
      }
      const { error } = outcome;
      if (!error.retryable) throw error;
      if (isFailoverKind(error.kind) && urls.length > 1) index = (index + 1) % urls.length;
      const decision = decideRetry(attempt, settings.retry, outcome.retryAfterMs, !tried.has(index), random);
      if (!decision.retry) throw error.with(`; ${decision.reason}`);
      deps.logger?.debug(`retrying ${request2.endpoint}: ${error.problem} on ${ctx.baseUrl}; next attempt ${attempt + 1} of ${settings.retry.maxAttempts} on ${urls[index]} in ${decision.delayMs} ms`);
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (deps.signal?.aborted) throw error.with("; not retried: the run was stopped");
    }
  }
  return {
    send,
    close: () => {
      inFlight.dispose();
      agents.http.destroy();
      agents.https.destroy();
    }
  };
}
var DEFAULT_SETTLE_MS = 3e3;
function stopListener(signal) {
  const waiters = /* @__PURE__ */ new Set();
  signal?.addEventListener("abort", () => {
    for (const fn of [...waiters]) fn();
    waiters.clear();
  }, { once: true });
  return {
    stopped: () => signal?.aborted === true,
    onStop: (fn) => {
      waiters.add(fn);
      return () => waiters.delete(fn);
    }
  };
}
function stoppableSleep(ms, stop) {
  return new Promise((resolve7) => {
    const finish2 = () => {
      clearTimeout(timer);
      forget();
      resolve7();
    };
    const timer = setTimeout(finish2, stop.stopped() ? 0 : ms);
    const forget = stop.onStop(finish2);
  });
}
function untilStopped(wait, stop) {
  if (stop.stopped()) return Promise.resolve();
  return new Promise((resolve7) => {
    const done = () => {
      forget();
      resolve7();
    };
    const forget = stop.onStop(done);
    void wait.then(done);
  });
}
function cutAfterStop(stop, settleMs, inFlight) {
  const cut = new AbortController();
  setMaxListeners(Math.max(10, inFlight + 1), cut.signal);
  let timer;
  const onStop = () => {
    timer = setTimeout(() => cut.abort(), settleMs);
    timer.unref();
  };
  if (stop?.aborted) onStop();
  else stop?.addEventListener("abort", onStop, { once: true });
  return {
    signal: cut.signal,
    dispose: () => {
      stop?.removeEventListener("abort", onStop);
      if (timer) clearTimeout(timer);
    }
  };
}
function notSent(ctx) {
  return new RegistryError("not sent: the run was stopped", { kind: "cancelled", ...ctx, attempts: ctx.attempts - 1 });
}
function contextOf(request2, baseUrl, attempts) {
  return { endpoint: request2.endpoint, baseUrl, subject: request2.subject, version: request2.version, attempts };
}
function secretsOf(settings) {
  const { auth: auth2, tls } = settings;
  if (auth2.type === "basic") return secretVariants([auth2.password, tls?.passphrase], auth2.username);
  if (auth2.type === "bearer") return secretVariants([auth2.token, tls?.passphrase]);
  return secretVariants([tls?.passphrase]);
}
function createAgents(settings) {
  const common = { keepAlive: true, maxSockets: settings.maxConcurrency };
  const tls = settings.tls;
  return {
    http: new http.Agent(common),
    https: new https.Agent({
      ...common,
      ca: tls?.ca,
      cert: tls?.cert,
      key: tls?.key,
      passphrase: tls?.passphrase,
      rejectUnauthorized: tls?.rejectUnauthorized ?? true
    })
  };
}
function authHeaders(settings) {
  const { auth: auth2 } = settings;
  if (auth2.type === "basic") {
    return { Authorization: `Basic ${Buffer.from(`${auth2.username}:${auth2.password}`, "utf8").toString("base64")}` };
  }
  if (auth2.type === "bearer") {
    return {
      Authorization: `Bearer ${auth2.token}`,
      ...auth2.logicalCluster ? { "target-sr-cluster": auth2.logicalCluster } : {},
      ...auth2.identityPoolId ? { "Confluent-Identity-Pool-Id": auth2.identityPoolId } : {}
    };
  }
  return {};
}
async function createAxios(settings, agents) {
  const { default: axios } = await import("axios");
  return axios.create({
    timeout: settings.timeoutMs,
    headers: { Accept: ACCEPT, "User-Agent": "guardrails-registry-client", ...settings.headers, ...authHeaders(settings) },
    httpAgent: agents.http,
    httpsAgent: agents.https,
    // Redirects could carry the Authorization header to another host; treat them as errors.
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: "text",
    transformResponse: [(data) => data],
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false }
  });
}
async function attemptOnce(client, request2, ctx, timeoutMs, secrets, now, signal) {
  const data = serialise(request2.body, ctx);
  const instance = await client;
  let response;
  try {
    response = await instance.request({
      method: request2.method,
      url: `${ctx.baseUrl}${request2.path}`,
      params: definedOnly(request2.query),
      data,
      headers: data === void 0 ? void 0 : { "Content-Type": CONTENT_TYPE },
      signal
    });
  } catch (thrown) {
    if (signal.aborted) {
      const error = new RegistryError("no answer before the stop; the request may or may not have taken effect", { kind: "cancelled", ...ctx });
      return { ok: false, error };
    }
    const code = thrown?.code;
    return { ok: false, error: errorFromNetwork(typeof code === "string" ? code : void 0, timeoutMs, ctx) };
  }
  return interpret(response, ctx, secrets, now);
}
function interpret(response, ctx, secrets, now) {
  const status3 = response.status;
  const text = redact(typeof response.data === "string" ? response.data : "", secrets);
  if (status3 >= 200 && status3 < 300) {
    if (text.trim() === "") return { ok: true, status: status3, data: void 0 };
    try {
      return { ok: true, status: status3, data: JSON.parse(text) };
    } catch {
      return { ok: false, error: malformedResponse(`body is not JSON: ${excerpt(text, 120)}`, ctx, status3) };
    }
  }
  if (status3 >= 300 && status3 < 400) {
    const error = new RegistryError("unexpected redirect", {
      kind: "http",
      httpStatus: status3,
      hint: "Use the final registry URL; redirects are not followed so credentials stay with the configured host.",
      ...ctx
    });
    return { ok: false, error };
  }
  const header2 = response.headers["retry-after"];
  const retryAfterMs = parseRetryAfter(typeof header2 === "string" ? header2 : void 0, now());
  return { ok: false, error: errorFromResponse(status3, text, ctx), retryAfterMs };
}
function checkShape(shape, data, ctx, status3) {
  const parsed = shape.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where2 = issue && issue.path.length ? ` at ${issue.path.map(String).join(".")}` : "";
  throw malformedResponse(`wrong shape${where2}: ${issue?.message ?? "invalid"}`, ctx, status3);
}
function serialise(body, ctx) {
  if (body === void 0) return void 0;
  try {
    return JSON.stringify(body);
  } catch {
    throw new RegistryError("request body cannot be written as JSON", {
      kind: "invalid-request",
      hint: "metadata and ruleSet must be plain JSON values (no cycles, no BigInt).",
      ...ctx
    });
  }
}
function definedOnly(query) {
  if (!query) return void 0;
  const entries = Object.entries(query).filter((e) => e[1] !== void 0);
  return entries.length ? Object.fromEntries(entries) : void 0;
}

// src/registry/write-ops.ts
function writeOps(t) {
  return { ...schemaWrites(t), ...settingWrites(t) };
}
function schemaWrites(t) {
  return {
    register: async (subject2, schema, options6 = {}) => t.send(
      {
        method: "POST",
        path: paths.versions(subject2),
        endpoint: "POST /subjects/{subject}/versions",
        query: { normalize: options6.normalize },
        body: registerBody(schema),
        subject: subject2,
        version: schema.version
      },
      registerResultShape
    ),
    deleteSubject: async (subject2, options6 = {}) => t.send(
      {
        method: "DELETE",
        path: paths.subject(subject2),
        endpoint: "DELETE /subjects/{subject}",
        query: { permanent: options6.permanent || void 0 },
        subject: subject2
      },
      intListShape
    ),
    deleteVersion: async (subject2, version, options6 = {}) => t.send(
      {
        method: "DELETE",
        path: paths.version(subject2, version),
        endpoint: "DELETE /subjects/{subject}/versions/{version}",
        query: { permanent: options6.permanent || void 0 },
        subject: subject2,
        version
      },
      intShape
    )
  };
}
function settingWrites(t) {
  const remove = async (kind, subject2) => {
    const path2 = kind === "config" ? paths.config(subject2) : paths.mode(subject2);
    await t.send({ method: "DELETE", path: path2, endpoint: `DELETE /${kind}/{subject}`, subject: subject2 }, ignoredShape);
  };
  return {
    setGlobalConfig: async (update) => putConfig(t, void 0, update),
    setSubjectConfig: async (subject2, update) => putConfig(t, subject2, update),
    deleteSubjectConfig: async (subject2) => remove("config", subject2),
    setGlobalMode: async (mode2, options6) => putMode(t, void 0, mode2, options6),
    setSubjectMode: async (subject2, mode2, options6) => putMode(t, subject2, mode2, options6),
    deleteSubjectMode: async (subject2) => remove("mode", subject2)
  };
}
function registerBody(schema) {
  const body = schemaBody(schema);
  if (schema.id !== void 0) body["id"] = schema.id;
  if (schema.version !== void 0) body["version"] = schema.version;
  return body;
}
async function putConfig(t, subject2, update) {
  const echoed = await t.send(
    {
      method: "PUT",
      path: paths.config(subject2),
      endpoint: subject2 === void 0 ? "PUT /config" : "PUT /config/{subject}",
      body: update,
      subject: subject2
    },
    configUpdateShape
  );
  return echoed;
}
async function putMode(t, subject2, mode2, options6 = {}) {
  return t.send(
    {
      method: "PUT",
      path: paths.mode(subject2),
      endpoint: subject2 === void 0 ? "PUT /mode" : "PUT /mode/{subject}",
      query: { force: options6.force || void 0 },
      body: { mode: mode2 },
      subject: subject2
    },
    modeShape
  );
}

// src/registry/axios-client.ts
function createRegistryClient(settings, deps = {}) {
  const parsed = isParsedSettings(settings) ? settings : parseRegistrySettings(settings);
  const transport = createTransport(parsed, deps);
  return {
    ...readOps(transport, parsed.pageSize),
    ...writeOps(transport),
    close: () => transport.close()
  };
}

// src/registry/qualified-subject.ts
var DEFAULT_CONTEXT = ".";
var CONTEXT_WILDCARD = ":*:";
function parseQualifiedSubject(text) {
  if (text.startsWith(":.")) {
    const end = text.indexOf(":", 2);
    if (end < 0) return { context: text.slice(1), subject: "" };
    return { context: text.slice(1, end), subject: text.slice(end + 1) };
  }
  if (text.startsWith(CONTEXT_WILDCARD)) return { context: "*", subject: text.slice(CONTEXT_WILDCARD.length) };
  return { context: DEFAULT_CONTEXT, subject: text };
}
var CONTEXT_NAME = /^\.[A-Za-z0-9._-]*$/;
function normalizeContext(context2) {
  const bare = context2.replace(/^:/, "").replace(/:$/, "");
  const dotted = bare === "" ? DEFAULT_CONTEXT : bare.startsWith(".") ? bare : `.${bare}`;
  if (!CONTEXT_NAME.test(dotted)) {
    throw new RegistryError(`invalid context name '${context2}'`, {
      kind: "invalid-request",
      hint: 'A context name has letters, digits, ".", "_" or "-", e.g. ".staging".'
    });
  }
  return dotted;
}
function qualifySubject(context2, subject2) {
  const ctx = normalizeContext(context2 ?? DEFAULT_CONTEXT);
  return ctx === DEFAULT_CONTEXT ? subject2 : `:${ctx}:${subject2}`;
}
function contextSubject(context2) {
  return `:${normalizeContext(context2)}:`;
}
function canonicalSubject(text) {
  const { context: context2, subject: subject2 } = parseQualifiedSubject(text);
  return context2 === "*" ? text : qualifySubject(context2, subject2);
}
function resolveReferenceSubject(referrer, referenced) {
  if (referenced.startsWith(":.")) return canonicalSubject(referenced);
  return qualifySubject(parseQualifiedSubject(referrer).context, referenced);
}

// src/registry/subject-naming.ts
var SUBJECT_NAME_STRATEGIES = ["TopicNameStrategy", "RecordNameStrategy", "TopicRecordNameStrategy"];
function subjectName(input) {
  switch (input.strategy) {
    case "TopicNameStrategy":
      return topicNameSubject(required(input.topic, "topic", input.strategy), input.isKey ?? false, input.context);
    case "RecordNameStrategy":
      return recordNameSubject(required(input.recordFullName, "recordFullName", input.strategy), input.context);
    case "TopicRecordNameStrategy":
      return topicRecordNameSubject(
        required(input.topic, "topic", input.strategy),
        required(input.recordFullName, "recordFullName", input.strategy),
        input.context
      );
  }
}
function topicNameSubject(topic2, isKey = false, context2) {
  return qualifySubject(context2, `${topic2}-${isKey ? "key" : "value"}`);
}
function recordNameSubject(recordFullName, context2) {
  return qualifySubject(context2, recordFullName);
}
function topicRecordNameSubject(topic2, recordFullName, context2) {
  return qualifySubject(context2, `${topic2}-${recordFullName}`);
}
function required(value, what, strategy2) {
  if (value !== void 0 && value.trim() !== "") return value;
  throw new RegistryError(`${strategy2} needs a ${what}`, {
    kind: "invalid-request",
    hint: `Give the ${what === "topic" ? "Kafka topic" : "record's full name (namespace.Name)"} to name the subject.`
  });
}

// src/backup/errors.ts
var BackupError = class extends Error {
  constructor(kind, problem, hint, details = []) {
    super(hint ? `${problem}. ${hint}` : problem);
    this.kind = kind;
    this.problem = problem;
    this.hint = hint;
    this.details = details;
  }
  kind;
  problem;
  hint;
  details;
  name = "BackupError";
};
function messageOf(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, " ");
}

// src/backup/collect.ts
async function collectSnapshot(client, options6) {
  const wanted = options6.settingsFilter ?? (() => true);
  const subjectNames = await client.listSubjects({ deleted: options6.includeDeleted, subjectPrefix: CONTEXT_WILDCARD });
  const { rows, listing } = await listVersions(client, subjectNames, options6);
  const bySubject = groupBySubject(rows);
  reconcile(subjectNames, bySubject, listing);
  const progress = counter(subjectNames.length, options6.onProgress);
  const subjects = /* @__PURE__ */ new Map();
  await Promise.all(
    subjectNames.map(async (name) => {
      const settings = wanted(name) ? await scopeSettings(client, name) : {};
      subjects.set(name, { subject: name, settings, versions: bySubject.get(name) ?? [] });
      progress();
    })
  );
  const contexts = await contextSettings(client);
  const global = { config: (await client.getGlobalConfig()).raw, mode: await client.getGlobalMode() };
  const maxIds = await highestIds(client, rows);
  return { snapshot: { global, contexts, subjects: sortedMap(subjects), maxIds }, listing };
}
async function listVersions(client, subjects, options6) {
  if (options6.listing !== "walk") {
    try {
      const rows = await client.listSchemas({ deleted: options6.includeDeleted });
      const live = options6.includeDeleted ? new Set((await client.listSchemas()).map(rowKey)) : void 0;
      if (live) {
        requireLiveListed(live, rows);
        await confirmSoftDeleted(client, rows.filter((r) => !r.deleted && !live.has(rowKey(r))));
      }
      const isDeleted = (r) => r.deleted || live !== void 0 && !live.has(rowKey(r));
      return { rows: rows.map((r) => toRecord(r, isDeleted(r))), listing: "bulk" };
    } catch (error) {
      const unsupported = error instanceof RegistryError && (error.httpStatus === 405 || error.httpStatus === 404 && error.code !== 40403);
      if (options6.listing === "bulk" || !unsupported) throw error;
    }
  }
  return { rows: await walk(client, subjects, options6), listing: "walk" };
}
function rowKey(r) {
  return `${r.subject}\0${r.version}`;
}
function requireLiveListed(live, all) {
  const listed3 = new Set(all.map(rowKey));
  const missing = [...live].filter((k) => !listed3.has(k)).map((k) => k.replace("\0", " version "));
  if (missing.length === 0) return;
  throw new BackupError(
    "incomplete",
    `the registry changed during the backup: ${missing.length} live version(s) are missing from the listing with deleted versions (${missing.slice(0, 3).join("; ")}${missing.length > 3 ? "; \u2026" : ""})`,
    "Nothing was published; rerun the backup",
    missing
  );
}
async function confirmSoftDeleted(client, inferred) {
  const stillLive = await Promise.all(
    inferred.map(async (r) => {
      try {
        await client.getVersion(r.subject, r.version);
        return [`${r.subject} version ${r.version}`];
      } catch (error) {
        if (error instanceof RegistryError && error.httpStatus === 404) return [];
        throw error;
      }
    })
  );
  const live = stillLive.flat();
  if (live.length === 0) return;
  throw new BackupError(
    "incomplete",
    `the registry changed during the backup: ${live.length} version(s) missing from the live listing are live (${live.slice(0, 3).join("; ")}${live.length > 3 ? "; \u2026" : ""})`,
    "Nothing was published; rerun the backup",
    live
  );
}
async function walk(client, subjects, options6) {
  const deleted = options6.includeDeleted;
  const perSubject = await Promise.all(
    subjects.map(async (subject2) => {
      const versions = await client.listVersions(subject2, { deleted });
      const live = deleted ? new Set(await liveVersions(client, subject2)) : void 0;
      return Promise.all(versions.map(async (v) => toRecord(await client.getVersion(subject2, v, { deleted }), live !== void 0 && !live.has(v))));
    })
  );
  return perSubject.flat();
}
async function liveVersions(client, subject2) {
  try {
    return await client.listVersions(subject2);
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404 && error.code === 40401) return [];
    throw error;
  }
}
function toRecord(s, deletedByListing) {
  return {
    subject: s.subject,
    version: s.version,
    id: s.id,
    schemaType: s.schemaType,
    schema: s.schema,
    references: s.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version })),
    ...s.metadata !== void 0 && s.metadata !== null ? { metadata: s.metadata } : {},
    ...s.ruleSet !== void 0 && s.ruleSet !== null ? { ruleSet: s.ruleSet } : {},
    ...s.guid !== void 0 ? { guid: s.guid } : {},
    deleted: s.deleted || deletedByListing
  };
}
function groupBySubject(rows) {
  const out = /* @__PURE__ */ new Map();
  for (const row3 of rows) {
    const list = out.get(row3.subject) ?? [];
    list.push(row3);
    out.set(row3.subject, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}
function reconcile(subjects, bySubject, listing) {
  const listed3 = new Set(subjects);
  const missing = subjects.filter((s) => !bySubject.get(s)?.length);
  const extra = [...bySubject.keys()].filter((s) => !listed3.has(s));
  const duplicated = [...bySubject.values()].filter((vs) => new Set(vs.map((v) => v.version)).size !== vs.length).map((vs) => vs[0]?.subject);
  const problems = [
    ...missing.map((s) => `subject '${s}' is listed by GET /subjects but has no versions in the ${listing} listing`),
    ...extra.map((s) => `subject '${s}' has versions in the ${listing} listing but is not listed by GET /subjects`),
    ...duplicated.map((s) => `subject '${s}' has the same version twice in the ${listing} listing`)
  ];
  if (problems.length === 0) return;
  throw new BackupError(
    "incomplete",
    `the registry's listings disagree (${problems.length} problem${problems.length === 1 ? "" : "s"}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "; \u2026" : ""}); a page may have gone missing or the registry changed during the backup`,
    "Nothing was published; run the backup again, or with --listing walk",
    problems
  );
}
async function scopeSettings(client, scope) {
  const [config2, mode2] = await Promise.all([client.getSubjectConfig(scope), client.getSubjectMode(scope)]);
  return { ...config2 ? { config: config2.raw } : {}, ...mode2 ? { mode: mode2 } : {} };
}
async function contextSettings(client) {
  let contexts;
  try {
    contexts = await client.listContexts();
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404) return /* @__PURE__ */ new Map();
    throw error;
  }
  const named = contexts.filter((c) => c !== ".").sort();
  const entries = await Promise.all(named.map(async (c) => [c, await scopeSettings(client, contextSubject(c))]));
  return new Map(entries);
}
async function highestIds(client, rows) {
  const byContext = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const ctx = parseQualifiedSubject(r.subject).context;
    byContext.set(ctx, Math.max(byContext.get(ctx) ?? 0, r.id));
  }
  const out = {};
  for (const [ctx, listedMax] of [...byContext].sort(([a], [b]) => a < b ? -1 : 1)) {
    const found = await client.getSchemaById(listedMax, { subject: ctx === "." ? void 0 : contextSubject(ctx), fetchMaxId: true }).catch(maxIdUnsupported);
    out[ctx] = Math.max(listedMax, found?.maxId ?? 0);
  }
  return out;
}
function maxIdUnsupported(error) {
  if (error instanceof RegistryError && (error.httpStatus === 404 || error.httpStatus === 405 || error.httpStatus === 422)) return void 0;
  throw error;
}
function counter(total, onProgress) {
  let done = 0;
  onProgress?.(0, total);
  return () => onProgress?.(++done, total);
}
function sortedMap(map) {
  return new Map([...map].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// src/backup/backup-dir.ts
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";

// src/backup/paths.ts
var MANIFEST_FILE = "MANIFEST.json";
var SUMS_FILE = "SHA256SUMS";
function encodeName(name) {
  return encodeURIComponent(name).replace(/\*/g, "%2A").replace(/^\./, "%2E");
}
function decodeName(encoded) {
  return decodeURIComponent(encoded);
}
var backupPaths = {
  globalConfig: () => "global/config.json",
  globalMode: () => "global/mode.json",
  contextConfig: (context2) => `contexts/${encodeName(context2)}/config.json`,
  contextMode: (context2) => `contexts/${encodeName(context2)}/mode.json`,
  subject: (subject2) => `subjects/${encodeName(subject2)}/subject.json`,
  version: (subject2, version) => `subjects/${encodeName(subject2)}/v${String(version).padStart(6, "0")}.json`
};
function classifyPath(path2) {
  if (path2 === MANIFEST_FILE) return { kind: "manifest" };
  if (path2 === SUMS_FILE) return { kind: "sums" };
  if (path2 === backupPaths.globalConfig()) return { kind: "global-config" };
  if (path2 === backupPaths.globalMode()) return { kind: "global-mode" };
  const context2 = /^contexts\/([^/]+)\/(config|mode)\.json$/.exec(path2);
  if (context2) return { kind: context2[2] === "config" ? "context-config" : "context-mode", context: safeDecode(context2[1]) ?? "" };
  const subject2 = /^subjects\/([^/]+)\/subject\.json$/.exec(path2);
  if (subject2) return { kind: "subject", subject: safeDecode(subject2[1]) ?? "" };
  const version = /^subjects\/([^/]+)\/v(\d{6,})\.json$/.exec(path2);
  if (version) return { kind: "version", subject: safeDecode(version[1]) ?? "", version: Number(version[2]) };
  return void 0;
}
function safeDecode(text) {
  try {
    return text === void 0 ? void 0 : decodeName(text);
  } catch {
    return void 0;
  }
}

// src/backup/backup-dir.ts
var PARTIAL_PREFIX = ".partial-";
async function writeBackupDir(files, parent, name, signal) {
  const final = join(parent, name);
  if (await exists(final)) {
    throw new BackupError("destination", `'${final}' already exists`, "Choose another --name, or remove it first");
  }
  const temp = join(parent, `${PARTIAL_PREFIX}${name}-${randomBytes(4).toString("hex")}`);
  try {
    await writeTree(files, temp, signal);
    if (signal?.aborted) {
      await rm(temp, { recursive: true, force: true });
      return void 0;
    }
    await rename(temp, final);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError("destination", `could not write the backup to '${final}': ${messageOf(error)}`, "Check the path and free space");
  }
  return final;
}
var PARALLEL_WRITES = 64;
async function writeTree(files, root, signal) {
  await mkdir(root, { recursive: true });
  const paths2 = [...files.keys()].filter((p) => p !== SUMS_FILE);
  const target = (p) => join(root, ...p.split("/"));
  await inBatches([...new Set(paths2.map((p) => dirname(target(p))))], (d) => mkdir(d, { recursive: true }), signal);
  await inBatches(paths2, (p) => writeFile(target(p), files.get(p)), signal);
  const sums = files.get(SUMS_FILE);
  if (sums !== void 0 && !signal?.aborted) await writeFile(join(root, SUMS_FILE), sums);
}
async function inBatches(items, work, signal) {
  for (let i = 0; i < items.length && !signal?.aborted; i += PARALLEL_WRITES) await Promise.all(items.slice(i, i + PARALLEL_WRITES).map(work));
}
async function readBackupDir(dir) {
  if (basename(dir).startsWith(PARTIAL_PREFIX)) {
    throw new BackupError("integrity", `'${dir}' is an unfinished backup (its name starts with ${PARTIAL_PREFIX})`, "Use a complete backup");
  }
  const info = await stat(dir).catch(() => void 0);
  if (!info?.isDirectory()) throw new BackupError("invalid-input", `'${dir}' is not a directory`, "Give --from the directory of a backup");
  const out = /* @__PURE__ */ new Map();
  await inBatches(await listFiles(dir), async (file) => out.set(relative(dir, file).split(sep).join("/"), await readFile(file)));
  return out;
}
async function listFiles(dir, top = true) {
  const entries = await readdir(dir, { withFileTypes: true });
  const out = [];
  for (const entry of entries) {
    if (top && entry.name === ".git") continue;
    const path2 = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await listFiles(path2, false));
    else out.push(path2);
  }
  return out;
}
async function exists(path2) {
  return await stat(path2).catch(() => void 0) !== void 0;
}

// src/backup/canonical-json.ts
function canonicalJson(value) {
  return `${JSON.stringify(sortKeys(value), null, 2)}
`;
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

// src/backup/checksums.ts
import { createHash } from "node:crypto";
function sha256Hex(content) {
  return createHash("sha256").update(content).digest("hex");
}
function formatSums(hashes) {
  const paths2 = [...hashes.keys()].filter((p) => p !== SUMS_FILE).sort(byCodePoint);
  return paths2.map((p) => `${hashes.get(p)}  ${p}
`).join("");
}
function parseSums(text) {
  const out = /* @__PURE__ */ new Map();
  const lines2 = text.split("\n");
  if (lines2.at(-1) === "") lines2.pop();
  for (const [index, line2] of lines2.entries()) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line2);
    if (!match || out.has(match[2])) {
      throw new BackupError("integrity", `${SUMS_FILE} line ${index + 1} is not '<sha256 hex>  <path>' or repeats a path`, "The backup cannot be trusted; use another one");
    }
    out.set(match[2], match[1]);
  }
  return out;
}
function compareSums(listed3, actual) {
  const problems = [];
  for (const [path2, hash] of [...listed3].sort(([a], [b]) => byCodePoint(a, b))) {
    const found = actual.get(path2);
    if (found === void 0) problems.push(`${path2}: listed in ${SUMS_FILE} but missing`);
    else if (found !== hash) problems.push(`${path2}: SHA-256 differs from ${SUMS_FILE}`);
  }
  for (const path2 of [...actual.keys()].sort(byCodePoint)) {
    if (path2 !== SUMS_FILE && !listed3.has(path2)) problems.push(`${path2}: present but not listed in ${SUMS_FILE}`);
  }
  return problems;
}
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/backup/model.ts
var BACKUP_FORMAT_VERSION = 1;
function contentOf(v) {
  return canonicalJson([v.schemaType, v.schema, v.references, v.metadata ?? null, v.ruleSet ?? null]);
}
function isSubjectDeleted(s) {
  return s.versions.length > 0 && s.versions.every((v) => v.deleted);
}

// src/backup/layout.ts
function renderBackup(snapshot, input) {
  const files = /* @__PURE__ */ new Map();
  const put = (path2, value) => files.set(path2, canonicalJson(value));
  if (snapshot.global.config) put(backupPaths.globalConfig(), snapshot.global.config);
  if (snapshot.global.mode) put(backupPaths.globalMode(), { mode: snapshot.global.mode });
  for (const [context2, settings] of snapshot.contexts) {
    if (settings.config) put(backupPaths.contextConfig(context2), { context: context2, config: settings.config });
    if (settings.mode) put(backupPaths.contextMode(context2), { context: context2, mode: settings.mode });
  }
  for (const record of snapshot.subjects.values()) {
    put(backupPaths.subject(record.subject), { subject: record.subject, deleted: isSubjectDeleted(record), ...record.settings });
    for (const v of record.versions) put(backupPaths.version(v.subject, v.version), versionFile(v));
  }
  put(MANIFEST_FILE, manifestOf(snapshot, input, files.size + 1));
  const hashes = new Map([...files].map(([path2, text]) => [path2, sha256Hex(text)]));
  files.set(SUMS_FILE, formatSums(hashes));
  return files;
}
function versionFile(v) {
  return { ...v, references: v.references, schemaSha256: sha256Hex(v.schema) };
}
function manifestOf(snapshot, input, files) {
  const subjects = [...snapshot.subjects.values()];
  const versions = subjects.flatMap((s) => s.versions);
  return {
    format: "guardrails-registry-backup",
    formatVersion: BACKUP_FORMAT_VERSION,
    ...input,
    counts: {
      subjects: subjects.length,
      deletedSubjects: subjects.filter(isSubjectDeleted).length,
      versions: versions.length,
      deletedVersions: versions.filter((v) => v.deleted).length,
      contexts: snapshot.contexts.size,
      files
    },
    maxIds: snapshot.maxIds
  };
}

// src/backup/backup.ts
async function createBackup(client, options6) {
  const startedAt = options6.now();
  const { snapshot, listing } = await collectSnapshot(client, options6).catch((error) => {
    throw options6.signal?.aborted ? stopped("while reading the registry; nothing was written") : error;
  });
  if (options6.signal?.aborted) throw stopped("after reading the registry; nothing was written");
  const files = renderBackup(snapshot, {
    tool: { name: "guardrails", version: options6.toolVersion },
    source: { url: options6.sourceUrl, serverVersion: null },
    startedAt: startedAt.toISOString(),
    finishedAt: options6.now().toISOString(),
    listing,
    includesDeleted: options6.includeDeleted
  });
  const path2 = await writeBackupDir(files, options6.parent, options6.name ?? defaultBackupName(startedAt), options6.signal);
  if (path2 === void 0) throw stopped("while writing the files; the temporary directory was removed");
  return { path: path2, manifest: JSON.parse(files.get(MANIFEST_FILE)), files };
}
function stopped(when) {
  return new BackupError("stopped", `the backup was stopped by a signal ${when}, and nothing was published`, "Run it again");
}
function defaultBackupName(at2) {
  return `backup-${at2.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
}

// src/backup/destinations/directory.ts
import { readdir as readdir2, rm as rm2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/backup/retention.ts
var NAME = /^backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
function backupTime(name) {
  const m = NAME.exec(name);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}
function expiredBackups(names, rule, now) {
  if (rule.keepLast === void 0 && rule.keepDays === void 0) return [];
  const dated = names.map((name) => ({ name, at: backupTime(name) })).filter((b) => b.at !== void 0).sort((a, b) => b.at.getTime() - a.at.getTime());
  const cutoff = rule.keepDays === void 0 ? void 0 : now.getTime() - rule.keepDays * 864e5;
  return dated.filter((b, index) => {
    if (index === 0) return false;
    const keptByCount = rule.keepLast !== void 0 && index < rule.keepLast;
    const keptByAge = cutoff !== void 0 && b.at.getTime() >= cutoff;
    return !keptByCount && !keptByAge;
  }).map((b) => b.name);
}

// src/backup/destinations/directory.ts
async function pruneDirectory(parent, rule, now) {
  const entries = await readdir2(parent, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const expired = expiredBackups(names, rule, now);
  for (const name of expired) await rm2(join2(parent, name), { recursive: true, force: true });
  return expired;
}

// src/backup/destinations/git-branch.ts
import { mkdtemp, rm as rm3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/backup/git.ts
import { execFile } from "node:child_process";
function gitIn(repo, baseEnv = process.env) {
  return (args, options6 = {}) => new Promise((resolve7, reject) => {
    const child = execFile(
      "git",
      [...args],
      { cwd: repo, env: { ...baseEnv, ...options6.env }, encoding: "buffer", maxBuffer: 1 << 30 },
      (error, stdout, stderr) => {
        if (!error) return resolve7(stdout);
        const first = stderr.toString("utf8").trim().split("\n")[0] ?? "";
        reject(new BackupError("destination", `git ${args[0]} failed in '${repo}': ${first || error.message}`, "Check that it is a git repository and the ref exists"));
      }
    );
    if (options6.input !== void 0) child.stdin?.end(options6.input);
  });
}
async function tryResolve(git2, ref) {
  try {
    return (await git2(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).toString("utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
async function commitBefore(git2, ref, before) {
  const at2 = before.toISOString().replace("T", " ").replace(/\.\d+Z$/, " +0000");
  const found = (await git2(["rev-list", "-1", `--before=${at2}`, ref, "--"])).toString("utf8").trim();
  if (!found) throw new BackupError("invalid-input", `no commit on '${ref}' before ${before.toISOString()}`, "Pick a later --before or another ref");
  return found;
}
async function readTree(git2, commit, include = () => true) {
  const listing = (await git2(["ls-tree", "-r", "-z", "--full-tree", commit])).toString("utf8");
  const entries = listing.split("\0").filter(Boolean).map((line2) => {
    const tab = line2.indexOf("	");
    const [, type, sha] = line2.slice(0, tab).split(" ");
    return { type, sha, path: line2.slice(tab + 1) };
  }).filter((e) => e.type === "blob" && include(e.path));
  const out = /* @__PURE__ */ new Map();
  if (entries.length === 0) return out;
  const batch = await git2(["cat-file", "--batch"], { input: entries.map((e) => `${e.sha}
`).join("") });
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(10, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString("utf8").split(" ")[2]);
    out.set(entry.path, batch.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return out;
}

// src/backup/destinations/git-branch.ts
var IDENTITY = {
  GIT_AUTHOR_NAME: "guardrails backup",
  GIT_AUTHOR_EMAIL: "guardrails-backup@users.noreply.github.com",
  GIT_COMMITTER_NAME: "guardrails backup",
  GIT_COMMITTER_EMAIL: "guardrails-backup@users.noreply.github.com"
};
async function commitToBranch(git2, dir, paths2, options6) {
  const ref = `refs/heads/${options6.branch}`;
  const parent = await tryResolve(git2, ref);
  const tmp = await mkdtemp(join3(tmpdir(), "guardrails-index-"));
  const env = { GIT_INDEX_FILE: join3(tmp, "index") };
  try {
    const sorted = [...paths2].sort();
    const hashes = (await git2(["hash-object", "-w", "--no-filters", "--stdin-paths"], { input: sorted.map((p) => `${join3(dir, p)}
`).join("") })).toString("utf8").trim().split("\n");
    const info = sorted.map((p, i) => `100644 ${hashes[i]}	${p}
`).join("");
    await git2(["update-index", "--add", "--index-info"], { input: info, env });
    const tree = (await git2(["write-tree"], { env })).toString("utf8").trim();
    if (parent && (await git2(["rev-parse", `${parent}^{tree}`])).toString("utf8").trim() === tree) return { commit: parent, changed: false };
    const commitArgs = ["commit-tree", tree, ...parent ? ["-p", parent] : [], "-m", options6.message];
    const commit = (await git2(commitArgs, { env: IDENTITY })).toString("utf8").trim();
    await git2(["update-ref", ref, commit, parent ?? "".padStart(40, "0")]);
    if (options6.pushTo) await git2(["push", "--quiet", options6.pushTo, `${ref}:${ref}`]);
    return { commit, changed: true };
  } finally {
    await rm3(tmp, { recursive: true, force: true });
  }
}

// src/backup/destinations/s3.ts
async function uploadToS3(files, name, options6, signal) {
  const { S3Client: Client, PutObjectCommand } = await import("@aws-sdk/client-s3");
  const client = new Client({
    ...options6.region ? { region: options6.region } : { region: "us-east-1" },
    ...options6.endpoint ? { endpoint: options6.endpoint, forcePathStyle: options6.forcePathStyle ?? true } : {}
  });
  const base = `${options6.prefix.replace(/^\/+/, "")}${name}/`;
  const ordered = [...[...files.keys()].filter((p) => p !== SUMS_FILE).sort(), SUMS_FILE];
  try {
    for (const path2 of ordered) {
      const body = files.get(path2);
      if (body === void 0) continue;
      if (signal?.aborted) {
        throw new BackupError("stopped", `the upload to s3://${options6.bucket}/${base} was stopped by a signal before ${path2}; SHA256SUMS was not uploaded, so it is not a usable backup`, "The local backup is complete; upload again");
      }
      await client.send(new PutObjectCommand({ Bucket: options6.bucket, Key: `${base}${path2}`, Body: body, ContentType: path2.endsWith(".json") ? "application/json" : "text/plain" }));
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError("destination", `upload to s3://${options6.bucket}/${base} failed: ${messageOf(error)}`, "The local backup is complete; check the bucket, the credentials and the region, then upload again");
  } finally {
    client.destroy();
  }
  return `s3://${options6.bucket}/${base}`;
}
async function downloadFromS3(location, options6) {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(location);
  if (!match) throw new BackupError("invalid-input", `'${location}' is not s3://bucket/prefix/`, "e.g. --from s3://my-bucket/registry-backups/backup-20261126T020000Z/");
  const [, bucket, rawPrefix] = match;
  const prefix = rawPrefix.endsWith("/") ? rawPrefix : `${rawPrefix}/`;
  const { S3Client: Client, ListObjectsV2Command, GetObjectCommand } = await import("@aws-sdk/client-s3");
  const client = new Client({
    region: options6.region ?? "us-east-1",
    ...options6.endpoint ? { endpoint: options6.endpoint, forcePathStyle: options6.forcePathStyle ?? true } : {}
  });
  const out = /* @__PURE__ */ new Map();
  try {
    let token;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }));
        out.set(object.Key.slice(prefix.length), Buffer.from(await got.Body.transformToByteArray()));
      }
      token = page.IsTruncated ? page.NextContinuationToken : void 0;
    } while (token);
  } catch (error) {
    throw new BackupError("destination", `download from ${location} failed: ${messageOf(error)}`, "Check the location, the credentials and the region");
  } finally {
    client.destroy();
  }
  return out;
}

// src/backup/backup-job.ts
async function backup(options6, deps) {
  const made = await createBackup(deps.client, { ...options6, now: deps.now, signal: deps.signal, ...deps.onProgress ? { onProgress: deps.onProgress } : {} });
  const name = basename2(made.path);
  const c = made.manifest.counts;
  let result = { status: "complete", path: made.path, name, manifest: made.manifest, removed: [], notDone: [] };
  const steps = [];
  if (options6.git) {
    const git2 = options6.git;
    steps.push({
      what: `commit to the git branch ${git2.branch}${git2.push ? ` and push to ${git2.push}` : ""}`,
      run: async () => {
        const message = `registry backup ${name}

${c.subjects} subjects, ${c.versions} versions from ${made.manifest.source.url}`;
        const done = await commitToBranch(gitIn(git2.repo, deps.env), made.path, [...made.files.keys()], { branch: git2.branch, message, pushTo: git2.push });
        deps.log(`git: ${done.changed ? `committed ${done.commit.slice(0, 12)} to` : "no change on"} ${git2.branch}${git2.push ? `, pushed to ${git2.push}` : ""}`);
        return { git: { branch: git2.branch, commit: done.commit, changed: done.changed, ...git2.push ? { pushedTo: git2.push } : {} } };
      }
    });
  }
  if (options6.s3) {
    const s3 = options6.s3;
    steps.push({
      what: `upload to s3://${s3.bucket}/${s3.prefix}${name}/`,
      run: async () => {
        const location = await uploadToS3(made.files, name, s3, deps.signal);
        deps.log(`s3: uploaded to ${location}`);
        return { s3: { location } };
      }
    });
  }
  if (options6.retention && (options6.retention.keepLast !== void 0 || options6.retention.keepDays !== void 0)) {
    const rule = options6.retention;
    steps.push({
      what: "retention",
      run: async () => {
        const removed = await pruneDirectory(options6.parent, rule, deps.now());
        if (removed.length) deps.log(`retention: removed ${removed.join(", ")}`);
        return { removed };
      }
    });
  }
  for (const [index, step] of steps.entries()) {
    if (deps.signal.aborted) return { ...result, status: "stopped", notDone: steps.slice(index).map((s) => s.what) };
    result = { ...result, ...await step.run() };
  }
  return result;
}

// src/backup/pool.ts
async function runPool(items, limit, work, keepGoing) {
  const done = [];
  const failed2 = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && keepGoing()) {
      const item = items[next++];
      try {
        await work(item);
        done.push(item);
      } catch (error) {
        failed2.push({ item, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return { done, failed: failed2, notStarted: items.slice(next) };
}

// src/backup/mode-reset.ts
var STOP_RESET_MS = 4e3;
async function putModeBack(client, mode2) {
  try {
    if (mode2.restoreTo !== void 0) await client.setSubjectMode(mode2.subject, mode2.restoreTo);
    else await client.deleteSubjectMode(mode2.subject);
  } catch (error) {
    if (error instanceof RegistryError && error.httpStatus === 404) return;
    throw error;
  }
}
async function putModesBack(modes, deps) {
  if (modes.length === 0) return { reset: [], left: [] };
  const deadline = deadlineAfterStop(deps.signal, STOP_RESET_MS);
  const client = deps.openCleanupClient(deadline.signal);
  try {
    const outcome = await runPool(modes, deps.concurrency, (m) => putModeBack(client, m), () => !deadline.signal.aborted);
    return {
      reset: outcome.done.map((m) => m.subject),
      left: [
        ...outcome.failed.map(({ item, error }) => ({ subject: item.subject, reason: messageOf(error) })),
        ...outcome.notStarted.map((m) => ({ subject: m.subject, reason: `not reset within ${STOP_RESET_MS / 1e3} s of the stop` }))
      ]
    };
  } finally {
    client.close();
    deadline.dispose();
  }
}
function deadlineAfterStop(stop, ms) {
  const controller = new AbortController();
  let timer;
  const start = () => {
    timer = setTimeout(() => controller.abort(new Error("mode reset deadline")), ms);
  };
  if (stop.aborted) start();
  else stop.addEventListener("abort", start, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      stop.removeEventListener("abort", start);
      if (timer) clearTimeout(timer);
    }
  };
}

// src/backup/topo-order.ts
function keyOf(subject2, version) {
  return `${subject2}\0${version}`;
}
function referencedKeys(v) {
  return v.references.map((r) => keyOf(resolveReferenceSubject(v.subject, r.subject), r.version));
}
function topologicalOrder(versions) {
  const byKey = new Map(versions.map((v) => [keyOf(v.subject, v.version), v]));
  const waitingOn = /* @__PURE__ */ new Map();
  const referrers = /* @__PURE__ */ new Map();
  for (const v of versions) {
    const deps = referencedKeys(v).filter((k) => byKey.has(k));
    waitingOn.set(v, deps.length);
    for (const k of deps) referrers.set(k, [...referrers.get(k) ?? [], v]);
  }
  const ready = new MinHeap(compareVersions);
  for (const v of versions) if (waitingOn.get(v) === 0) ready.push(v);
  const order = [];
  for (let v = ready.pop(); v !== void 0; v = ready.pop()) {
    order.push(v);
    for (const r of referrers.get(keyOf(v.subject, v.version)) ?? []) {
      const left = (waitingOn.get(r) ?? 0) - 1;
      waitingOn.set(r, left);
      if (left === 0) ready.push(r);
    }
  }
  if (order.length < versions.length) {
    const stuck = versions.filter((v) => (waitingOn.get(v) ?? 0) > 0).map((v) => `${v.subject} v${v.version}`);
    throw new BackupError("integrity", `the backup's references form a cycle (${stuck.slice(0, 5).join(", ")})`, "A registry cannot hold such references; the backup is not usable as is");
  }
  return order;
}
function compareVersions(a, b) {
  if (a.id !== b.id) return a.id - b.id;
  if (a.subject !== b.subject) return a.subject < b.subject ? -1 : 1;
  return a.version - b.version;
}
var MinHeap = class {
  constructor(compare) {
    this.compare = compare;
  }
  compare;
  #items = [];
  push(item) {
    const items = this.#items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = i - 1 >> 1;
      if (this.compare(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop() {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== void 0) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.compare(items[l], items[m]) < 0) m = l;
        if (r < items.length && this.compare(items[r], items[m]) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
};

// src/backup/apply.ts
async function applyPlan(client, plan, deps) {
  const versionMap = new Map(plan.skip.map((s) => [keyOf(s.subject, s.version), s.targetVersion]));
  const entered = [];
  const progress = { registered: 0, softDeleted: 0, notRegistered: [], stopped: false };
  let modes = { reset: [], left: [] };
  try {
    try {
      await importSteps(client, plan, versionMap, entered, progress, deps);
    } finally {
      if (entered.length > 0) deps.step?.(`restoring the previous mode of ${entered.length} subject(s)`);
      modes = await putModesBack(entered, deps);
    }
  } catch (failure3) {
    const stuck2 = stuckError(modes);
    throw stuck2 ? withCause(stuck2, failure3) : refusedWrite(failure3);
  }
  const result = (settingsChanged) => ({ ...progress, settingsChanged, modes });
  if (progress.stopped || deps.signal.aborted) return result(0);
  const stuck = stuckError(modes);
  if (stuck) throw stuck;
  deps.step?.(`applying ${plan.settings.length} config and mode change(s)`);
  let changed2 = 0;
  for (const change of plan.settings) {
    if (deps.signal.aborted) return { ...result(changed2), stopped: true };
    try {
      await applySetting(client, change);
    } catch (error) {
      if (deps.signal.aborted && cancelled(error)) return { ...result(changed2), stopped: true };
      throw refusedWrite(error);
    }
    changed2++;
  }
  return result(changed2);
}
async function importSteps(client, plan, versionMap, entered, progress, deps) {
  deps.step?.(`entering IMPORT mode on ${plan.imports.length} subject(s)`);
  const enter = async (imp) => {
    entered.push(imp);
    await client.setSubjectMode(imp.subject, "IMPORT", { force: imp.force }).catch((error) => {
      if (neverSent(error)) entered.splice(entered.indexOf(imp), 1);
      throw error;
    });
  };
  const imports = await inPool(plan.imports, enter, deps);
  if (stoppedBy(imports, deps, progress)) return notRegistered(plan.register.map((r) => r.record), progress);
  deps.step?.(`registering ${plan.register.length} version(s)`);
  await registerAll(client, plan, versionMap, progress, deps);
  if (progress.stopped) return;
  deps.step?.(`re-applying ${plan.softDeletes.length} soft delete(s)`);
  for (const d of plan.softDeletes) {
    if (deps.signal.aborted) return void (progress.stopped = true);
    try {
      await softDelete(client, d.subject, versionMap.get(keyOf(d.subject, d.version)) ?? d.version);
    } catch (error) {
      if (deps.signal.aborted && cancelled(error)) return void (progress.stopped = true);
      throw error;
    }
    progress.softDeleted++;
  }
}
function inPool(items, work, deps) {
  let failed2 = false;
  return runPool(
    items,
    deps.concurrency,
    async (item) => {
      try {
        await work(item);
      } catch (error) {
        if (!cancelled(error)) failed2 = true;
        throw error;
      }
    },
    () => !failed2 && !deps.signal.aborted
  );
}
function stoppedBy(outcome, deps, progress) {
  if (deps.signal.aborted) return progress.stopped = true;
  const failures = outcome.failed.filter((f) => !cancelled(f.error)).map((f) => f.error);
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new BackupError(
      "destination",
      `${failures.length} registrations failed (first: ${messageOf(failures[0]).replace(/\.$/, "")})`,
      "Fix the cause and run the restore again; it resumes where it stopped",
      failures.map(messageOf)
    );
  }
  return false;
}
function notRegistered(records, progress) {
  progress.notRegistered.push(...records.map((r) => ({ subject: r.subject, version: r.version })));
}
function cancelled(error) {
  return error instanceof RegistryError && error.kind === "cancelled";
}
function neverSent(error) {
  return cancelled(error) && error.attempts === 0;
}
async function softDelete(client, subject2, version) {
  try {
    await client.deleteVersion(subject2, version);
  } catch (error) {
    if (error instanceof RegistryError && error.code === RegistryErrorCodes.VERSION_SOFT_DELETED) return;
    throw error;
  }
}
async function registerAll(client, plan, versionMap, progress, deps) {
  const total = plan.register.length;
  deps.onProgress?.(0, total);
  const one = async (v) => {
    const body = registration(v, plan.preserveIds, versionMap);
    const result = await client.register(v.subject, body, { normalize: false });
    versionMap.set(keyOf(v.subject, v.version), result.version ?? (plan.preserveIds ? v.version : await registeredVersion(client, v, body)));
    deps.onProgress?.(++progress.registered, total);
  };
  const levels = plan.preserveIds ? byLevel(plan) : plan.register.map(({ record }) => [record]);
  for (const [index, level3] of levels.entries()) {
    const outcome = plan.preserveIds ? await inPool(level3, one, deps) : await inPool(level3, one, { ...deps, concurrency: 1 });
    if (stoppedBy(outcome, deps, progress)) {
      const unfinished = /* @__PURE__ */ new Set([...outcome.failed.map((f) => f.item), ...outcome.notStarted]);
      return notRegistered([...level3.filter((v) => unfinished.has(v)), ...levels.slice(index + 1).flat()], progress);
    }
  }
}
function byLevel(plan) {
  const levels = /* @__PURE__ */ new Map();
  for (const { record, level: level3 } of plan.register) levels.set(level3, [...levels.get(level3) ?? [], record]);
  return [...levels.keys()].sort((a, b) => a - b).map((level3) => levels.get(level3) ?? []);
}
async function registeredVersion(client, v, body) {
  const found = await client.lookupSchema(v.subject, body, { normalize: false }).catch((error) => {
    throw new BackupError("destination", `'${v.subject}' version ${v.version} was registered but its version on the target could not be read (${messageOf(error)})`, "Run the restore again");
  });
  if (found) return found.version;
  throw new BackupError(
    "destination",
    `'${v.subject}' version ${v.version} was registered but the target does not find it by lookup`,
    "Check the target registry, then run the restore again"
  );
}
function registration(v, preserveIds, versionMap) {
  const references2 = v.references.map((r) => {
    const mapped = versionMap.get(keyOf(resolveReferenceSubject(v.subject, r.subject), r.version));
    return preserveIds || mapped === void 0 ? r : { ...r, version: mapped };
  });
  return {
    schema: v.schema,
    schemaType: v.schemaType,
    references: references2,
    ...v.metadata !== void 0 ? { metadata: v.metadata } : {},
    ...v.ruleSet !== void 0 ? { ruleSet: v.ruleSet } : {},
    ...preserveIds ? { id: v.id, version: v.version } : {}
  };
}
function stuckError(modes) {
  if (modes.left.length === 0) return void 0;
  const failed2 = modes.left.map((l) => `${l.subject}: ${l.reason}`);
  return new BackupError(
    "destination",
    `could not take ${failed2.length} subject(s) out of IMPORT mode (${failed2.slice(0, 3).join("; ")})`,
    "Run guardrails restore --reset-modes with the same backup, or PUT /mode/{subject} by hand",
    failed2
  );
}
function withCause(stuck, failure3) {
  return new BackupError(stuck.kind, `${stuck.problem}; the restore had failed before: ${messageOf(failure3).replace(/\.$/, "")}`, stuck.hint, stuck.details);
}
function refusedWrite(error) {
  if (!(error instanceof RegistryError) || error.kind !== "forbidden" && error.kind !== "unauthorized") return error;
  return new BackupError("destination", `the target refused a write: ${error.message.replace(/\.$/, "")}`, "The credentials need the rights to change modes and register with ids (Confluent Cloud: ResourceOwner); run the restore again after fixing them");
}
async function applySetting(client, change) {
  const scope = change.scope === "context" ? `:${change.name}:` : change.name;
  if (change.kind === "config") {
    if (change.action === "remove" || change.replace) await client.deleteSubjectConfig(scope);
    if (change.action === "set" && change.config) {
      const update = configToUpdate({ raw: change.config });
      if (change.scope === "global") await client.setGlobalConfig(update);
      else await client.setSubjectConfig(scope, update);
    }
    return;
  }
  if (change.action === "remove") await client.deleteSubjectMode(scope);
  else if (change.mode && change.scope === "global") await client.setGlobalMode(change.mode, { force: true });
  else if (change.mode) await client.setSubjectMode(scope, change.mode, { force: true });
}

// src/backup/plan.ts
var PLAN_FORMAT_VERSION = 1;
function planRestore(backup2, target, options6) {
  const order = topologicalOrder([...backup2.subjects.values()].flatMap((s) => s.versions));
  const index = indexTarget(target);
  const selected = new Set(order.map((v) => keyOf(v.subject, v.version)));
  const toRegister = [];
  const skip = [];
  const conflicts = [];
  const deletes = /* @__PURE__ */ new Set();
  for (const v of order) {
    conflicts.push(...missingReferences(v, selected, index.byKey));
    const found = options6.preserveIds ? matchPreserved(v, index) : matchByContent(v, index);
    if (found.kind === "conflict") conflicts.push({ subject: v.subject, version: v.version, message: found.message });
    else if (found.kind === "register") {
      toRegister.push(v);
      if (v.deleted) deletes.add(v);
    } else {
      skip.push({ subject: v.subject, version: v.version, id: v.id, targetVersion: found.target.version });
      if (v.deleted && !found.target.deleted) deletes.add(v);
      if (!v.deleted && found.target.deleted) {
        conflicts.push({ subject: v.subject, version: v.version, message: "soft-deleted in the target but live in the backup; a registry cannot undelete (hard-delete it in the target first)" });
      }
    }
  }
  const imports = options6.preserveIds ? planImports(toRegister, backup2, target) : [];
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    preserveIds: options6.preserveIds,
    register: withLevels(toRegister),
    skip,
    conflicts,
    softDeletes: [...order].reverse().filter((v) => deletes.has(v)).map((v) => ({ subject: v.subject, version: v.version })),
    imports,
    settings: planSettings(backup2, target, imports, options6.full)
  };
}
function indexTarget(target) {
  const byKey = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  const bySubject = /* @__PURE__ */ new Map();
  for (const s of target.subjects.values()) {
    bySubject.set(s.subject, [...s.versions]);
    for (const v of s.versions) {
      byKey.set(keyOf(v.subject, v.version), v);
      const idKey = `${parseQualifiedSubject(v.subject).context}\0${v.id}`;
      byId.set(idKey, [...byId.get(idKey) ?? [], v]);
    }
  }
  return { byKey, byId, bySubject };
}
function matchPreserved(v, index) {
  const found = index.byKey.get(keyOf(v.subject, v.version));
  const same = found !== void 0 && found.id === v.id && contentOf(found) === contentOf(v);
  if (found && same) return { kind: "identical", target: found };
  if (found) {
    const what = found.id !== v.id ? `id ${found.id} instead of ${v.id}` : "other content under the same id";
    return { kind: "conflict", message: `the target's version ${v.version} has ${what}` };
  }
  const context2 = parseQualifiedSubject(v.subject).context;
  const holder = (index.byId.get(`${context2}\0${v.id}`) ?? []).find((t) => contentOf(t) !== contentOf(v));
  if (holder) return { kind: "conflict", message: `id ${v.id} in context ${context2} holds other content in the target (${holder.subject} v${holder.version})` };
  return { kind: "register" };
}
function matchByContent(v, index) {
  const found = (index.bySubject.get(v.subject) ?? []).find((t) => contentOf(t) === contentOf(v));
  return found ? { kind: "identical", target: found } : { kind: "register" };
}
function missingReferences(v, selected, targetKeys) {
  return referencedKeys(v).filter((k) => !selected.has(k) && !targetKeys.has(k)).map((k) => ({
    subject: v.subject,
    version: v.version,
    message: `references ${k.replace("\0", " v")}, which is neither selected from the backup nor in the target; select it too`
  }));
}
function withLevels(order) {
  const levels = /* @__PURE__ */ new Map();
  return order.map((record) => {
    const level3 = Math.max(-1, ...referencedKeys(record).map((k) => levels.get(k) ?? -1)) + 1;
    levels.set(keyOf(record.subject, record.version), level3);
    return { record, level: level3 };
  });
}
function planImports(toRegister, backup2, target) {
  const subjects = [...new Set(toRegister.map((v) => v.subject))].sort();
  return subjects.map((subject2) => {
    const existing = target.subjects.get(subject2);
    const previous = existing?.settings.mode;
    const leftInImport = previous === "IMPORT" && backup2.subjects.get(subject2)?.settings.mode !== "IMPORT";
    return {
      subject: subject2,
      force: (existing?.versions.length ?? 0) > 0,
      ...previous !== void 0 && !leftInImport ? { restoreTo: previous } : {},
      leftInImport
    };
  });
}
function planSettings(backup2, target, imports, full) {
  const afterImport = new Map(imports.map((i) => [i.subject, i.restoreTo]));
  const scopes = [];
  for (const s of backup2.subjects.values()) {
    const have = target.subjects.get(s.subject)?.settings ?? {};
    const mode2 = afterImport.has(s.subject) ? afterImport.get(s.subject) : have.mode;
    scopes.push({ scope: "subject", name: s.subject, want: s.settings, have: { ...have, mode: mode2 } });
  }
  if (full) {
    for (const [name, want] of backup2.contexts) scopes.push({ scope: "context", name, want, have: target.contexts.get(name) ?? {} });
    scopes.push({ scope: "global", name: "", want: backup2.global, have: target.global });
  }
  const configs = scopes.flatMap(({ scope, name, want, have }) => configChange(scope, name, want.config, have.config));
  const modes = scopes.flatMap(({ scope, name, want, have }) => modeChange(scope, name, want.mode, have.mode));
  return [...configs, ...modes];
}
function configChange(scope, name, want, have) {
  if (canonicalJson(want ?? null) === canonicalJson(have ?? null)) return [];
  if (want === void 0) return scope === "global" ? [] : [{ scope, name, kind: "config", action: "remove" }];
  const replace = have !== void 0 && Object.keys(have).some((k) => !(k in want)) && scope !== "global";
  return [{ scope, name, kind: "config", action: "set", config: want, ...replace ? { replace } : {} }];
}
function modeChange(scope, name, want, have) {
  if (want === have) return [];
  if (want === void 0) return scope === "global" ? [] : [{ scope, name, kind: "mode", action: "remove" }];
  return [{ scope, name, kind: "mode", action: "set", mode: want }];
}

// src/backup/select.ts
function subjectMatcher(selection) {
  if (selection.globs.length === 0 && selection.subjects.length === 0) return () => true;
  const exact = new Set(selection.subjects);
  const patterns = selection.globs.map(globToRegExp);
  return (subject2) => exact.has(subject2) || patterns.some((p) => p.test(subject2));
}
function globToRegExp(glob2) {
  const body = [...glob2].map((c) => c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")).join("");
  return new RegExp(`^${body}$`, "s");
}
function isFullRestore(selection) {
  return selection.globs.length === 0 && selection.subjects.length === 0 && selection.targetContext === void 0;
}
function selectFromBackup(backup2, selection) {
  const keep = subjectMatcher(selection);
  const rename3 = (s) => selection.targetContext === void 0 ? s : qualifySubject(selection.targetContext, parseQualifiedSubject(s).subject);
  const subjects = /* @__PURE__ */ new Map();
  for (const record of backup2.subjects.values()) {
    if (!keep(record.subject)) continue;
    const name = rename3(record.subject);
    if (subjects.has(name)) {
      throw new BackupError("invalid-input", `subjects from two contexts would both become '${name}' in context ${selection.targetContext}`, "Select subjects of one context with --subject or --glob");
    }
    subjects.set(name, { subject: name, settings: record.settings, versions: record.versions.map((v) => renameVersion(v, name, rename3)) });
  }
  const full = isFullRestore(selection);
  return { global: full ? backup2.global : {}, contexts: full ? backup2.contexts : /* @__PURE__ */ new Map(), subjects, maxIds: backup2.maxIds };
}
function renameVersion(v, subject2, rename3) {
  const references2 = v.references.map((r) => r.subject.startsWith(":.") ? { ...r, subject: rename3(r.subject) } : r);
  return { ...v, subject: subject2, references: references2 };
}

// src/backup/verify.ts
function diffSnapshots(expected, actual, options6) {
  const out = [];
  for (const want of expected.subjects.values()) {
    const have = actual.subjects.get(want.subject);
    if (!have) {
      out.push(`${want.subject}: missing in the target`);
      continue;
    }
    out.push(...options6.exactIds ? diffVersions(want.versions, have.versions) : diffContents(want.versions, have.versions));
    out.push(...diffSettings(want.subject, want.settings, have.settings));
  }
  if (options6.full) {
    for (const [name, want] of expected.contexts) out.push(...diffSettings(`context ${name}`, want, actual.contexts.get(name) ?? {}));
    out.push(...diffSettings("global", expected.global, actual.global));
  }
  return out;
}
function idReuseWarnings(expected, actual) {
  return Object.entries(expected.maxIds).filter(([ctx, max]) => (actual.maxIds[ctx] ?? 0) < max).map(
    ([ctx, max]) => `context ${ctx}: the target's highest id is ${actual.maxIds[ctx] ?? "none"}, the source's was ${max}; ids up to ${max} (of hard-deleted schemas) could be reused. Register and hard-delete a placeholder with id ${max} in IMPORT mode to move the counter past them`
  );
}
var FIELDS = ["id", "schemaType", "schema", "references", "metadata", "ruleSet", "deleted"];
function diffVersions(want, have) {
  const out = [];
  const byVersion = new Map(have.map((v) => [v.version, v]));
  for (const w of want) {
    const h = byVersion.get(w.version);
    const where2 = `${w.subject} v${w.version}`;
    if (!h) {
      out.push(`${where2}: missing in the target`);
      continue;
    }
    for (const field of FIELDS) {
      const a = show(field, w[field]);
      const b = show(field, h[field]);
      if (a !== b) out.push(`${where2}: ${field} is ${b} in the target, ${a} in the backup`);
    }
  }
  return out;
}
function diffContents(want, have) {
  return want.flatMap((w) => {
    const h = have.find((v) => contentOf(v) === contentOf(w));
    if (!h) return [`${w.subject}: the content of backup v${w.version} is missing in the target`];
    return h.deleted === w.deleted ? [] : [`${w.subject}: backup v${w.version} is ${w.deleted ? "" : "not "}soft-deleted in the backup but v${h.version} is ${h.deleted ? "" : "not "}in the target`];
  });
}
function show(field, value) {
  if (value === void 0) return "absent";
  if (field === "schema") return `sha256 ${sha256Hex(String(value)).slice(0, 12)}`;
  return canonicalJson(value).trim().replace(/\s+/g, " ");
}
function diffSettings(where2, want, have) {
  const out = [];
  const a = canonicalJson(want.config ?? null);
  const b = canonicalJson(have.config ?? null);
  if (a !== b) out.push(`${where2}: config is ${b.trim().replace(/\s+/g, " ")} in the target, ${a.trim().replace(/\s+/g, " ")} in the backup`);
  if (want.mode !== have.mode) out.push(`${where2}: mode is ${have.mode ?? "inherited"} in the target, ${want.mode ?? "inherited"} in the backup`);
  return out;
}

// src/backup/restore.ts
async function restore(options6, deps) {
  const wanted = selectFromBackup(options6.backup, options6.selection);
  const full = isFullRestore(options6.selection);
  deps.step?.("reading the target registry");
  const target = await readTarget(deps.client, wanted);
  const plan = planRestore(wanted, target, { preserveIds: options6.preserveIds, full });
  await deps.onPlan?.(plan);
  if (options6.dryRun || plan.conflicts.length > 0) return { plan, differences: [], warnings: [], verified: false };
  const applied = await applyPlan(deps.client, plan, deps);
  if (applied.stopped || deps.signal.aborted) return { plan, applied, differences: [], warnings: [], verified: false };
  deps.step?.("verifying the target against the backup");
  const after = await readTarget(deps.client, wanted);
  const differences = diffSnapshots(wanted, after, { exactIds: options6.preserveIds, full });
  return { plan, applied, differences, warnings: options6.preserveIds && full ? idReuseWarnings(wanted, after) : [], verified: true };
}
async function readTarget(client, wanted) {
  const { snapshot } = await collectSnapshot(client, {
    includeDeleted: true,
    listing: "auto",
    settingsFilter: (s) => wanted.subjects.has(s)
  });
  return snapshot;
}

// src/backup/reset-modes.ts
async function resetModes(options6, deps) {
  const wanted = selectFromBackup(options6.backup, options6.selection);
  const subjects = [...wanted.subjects.values()].filter((s) => s.settings.mode !== "IMPORT");
  const keepGoing = () => !deps.signal.aborted;
  const found = [];
  const read = await runPool(
    subjects,
    options6.concurrency,
    async (s) => {
      if (await deps.client.getSubjectMode(s.subject) !== "IMPORT") return;
      found.push({ subject: s.subject, ...s.settings.mode !== void 0 ? { restoreTo: s.settings.mode } : {} });
    },
    keepGoing
  );
  const ordered = found.sort((a, b) => a.subject < b.subject ? -1 : 1);
  const failed2 = read.failed.filter(({ error }) => !stoppedBy2(error)).map(({ item, error }) => ({ subject: item.subject, reason: messageOf(error) }));
  const notRead = [...read.failed.filter(({ error }) => stoppedBy2(error)).map(({ item }) => item.subject), ...read.notStarted.map((s) => s.subject)];
  if (options6.dryRun) {
    return { checked: read.done.length, reset: ordered.map(described), failed: failed2, notDone: notRead, stopped: deps.signal.aborted };
  }
  const put = await runPool(ordered, options6.concurrency, (m) => putModeBack(deps.client, m), keepGoing);
  return {
    checked: read.done.length,
    reset: put.done.map(described).sort((a, b) => a.subject < b.subject ? -1 : 1),
    failed: [...failed2, ...put.failed.filter(({ error }) => !stoppedBy2(error)).map(({ item, error }) => ({ subject: item.subject, reason: messageOf(error) }))],
    notDone: [...notRead, ...put.failed.filter(({ error }) => stoppedBy2(error)).map(({ item }) => item.subject), ...put.notStarted.map((m) => m.subject)],
    stopped: deps.signal.aborted
  };
}
function stoppedBy2(error) {
  return error instanceof RegistryError && error.kind === "cancelled";
}
function described(m) {
  return { subject: m.subject, to: m.restoreTo ?? "inherited" };
}

// src/avro/errors.ts
var SchemaError = class _SchemaError extends Error {
  name = "SchemaError";
  code;
  file;
  pointer;
  line;
  column;
  hint;
  /** The bare problem, without location or hint; `message` is the full one-line text. */
  problem;
  constructor(code, problem, details = {}) {
    super(formatSchemaError(problem, details));
    this.code = code;
    this.problem = problem;
    this.file = details.file;
    this.pointer = details.pointer;
    this.line = details.line;
    this.column = details.column;
    this.hint = details.hint;
  }
  /** A copy with more location facts filled in (e.g. the line once the pointer is mapped to the text). */
  withDetails(details) {
    return new _SchemaError(this.code, this.problem, {
      file: this.file,
      pointer: this.pointer,
      line: this.line,
      column: this.column,
      hint: this.hint,
      ...stripUndefined2(details)
    });
  }
};
function stripUndefined2(details) {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== void 0));
}
function formatSchemaError(problem, details) {
  let where2 = "";
  if (details.file !== void 0) where2 = details.file;
  if (details.line !== void 0) {
    where2 += `${where2 ? ":" : "line "}${details.line}`;
    if (details.column !== void 0) where2 += `:${details.column}`;
  }
  const pointer = details.pointer !== void 0 && details.line === void 0 ? ` (at ${details.pointer || "/"})` : "";
  const hint = details.hint ? ` ${details.hint}` : "";
  return `${where2 ? `${where2}: ` : ""}${problem}${pointer}.${hint}`.replace(/\.\./g, ".");
}

// src/avro/json-scanner.ts
var Failure = class {
  constructor(failure3) {
    this.failure = failure3;
  }
  failure;
};
var OBJECT = 0;
var ARRAY = 1;
var SIMPLE_ESCAPES = '"\\/bfnrt';
var HEX = /^[0-9a-fA-F]{4}$/;
function findJsonFailure(text, maxDepth) {
  try {
    new Scanner(text, maxDepth).document();
    return void 0;
  } catch (e) {
    if (e instanceof Failure) return e.failure;
    throw e;
  }
}
function findTooDeep(text, maxDepth) {
  if (text.length < 2 * (maxDepth + 1) || !deepEnoughByLength(text, maxDepth) || !hasMoreOpeners(text, maxDepth)) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i) - 1;
    else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}
function deepEnoughByLength(text, limit) {
  const objectLevels = Math.floor(text.length / 5) + 1;
  if (objectLevels > limit) return true;
  let arrayLevels = 0;
  for (let at2 = text.indexOf("["); at2 >= 0; at2 = text.indexOf("[", at2 + 1)) {
    if (++arrayLevels + objectLevels > limit) return true;
  }
  return false;
}
function hasMoreOpeners(text, limit) {
  let count2 = 0;
  for (const opener of ["{", "["]) {
    for (let at2 = text.indexOf(opener); at2 >= 0; at2 = text.indexOf(opener, at2 + 1)) {
      if (++count2 > limit) return true;
    }
  }
  return false;
}
function tooDeepProblem(maxDepth) {
  return `the JSON nesting exceeds the limit of ${maxDepth} levels`;
}
var SHORT_STRING = 32;
function stringEnd(text, start) {
  const shortEnd = Math.min(text.length, start + SHORT_STRING);
  let from = start + 1;
  for (; from < shortEnd; from++) {
    const c = text.charCodeAt(from);
    if (c === 34) return from + 1;
    if (c === 92) from++;
  }
  for (; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}
function isJsonWhitespace(c) {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
function skipWhitespace(text, from) {
  let i = from;
  while (isJsonWhitespace(text.charCodeAt(i))) i++;
  return i;
}
function describeChar(ch) {
  const code = ch.codePointAt(0) ?? 0;
  const char = String.fromCodePoint(code);
  if (/^[\p{C}\p{Z}]$/u.test(char)) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${char}'`;
}
var Scanner = class {
  constructor(text, maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }
  text;
  maxDepth;
  pos = 0;
  stack = [];
  document() {
    this.pos = skipWhitespace(this.text, 0);
    if (this.pos >= this.text.length) this.fail("the document is empty; expected a JSON value", this.pos);
    let expectValue = true;
    for (; ; ) {
      if (expectValue) expectValue = this.value();
      else if (this.stack.length === 0) return this.end();
      else expectValue = this.afterMember();
    }
  }
  /** Scans one value, or opens a container; returns whether a value (a first member) is expected next. */
  value() {
    const c = this.text[this.pos];
    if (c === "{" || c === "[") return this.open(c);
    if (c === '"') this.string();
    else if (c === "-" || c !== void 0 && c >= "0" && c <= "9") this.number();
    else this.literal();
    this.pos = skipWhitespace(this.text, this.pos);
    return false;
  }
  open(c) {
    if (this.stack.length >= this.maxDepth) {
      this.fail(tooDeepProblem(this.maxDepth), this.pos, "TOO_DEEP");
    }
    this.stack.push(c === "{" ? OBJECT : ARRAY);
    this.pos = skipWhitespace(this.text, this.pos + 1);
    const close = c === "{" ? "}" : "]";
    if (this.text[this.pos] === close) {
      this.stack.pop();
      this.pos = skipWhitespace(this.text, this.pos + 1);
      return false;
    }
    if (c === "{") this.key();
    return true;
  }
  /** After a value inside a container: a ',' and the next member, or the closing bracket. */
  afterMember() {
    const inObject = this.stack[this.stack.length - 1] === OBJECT;
    const close = inObject ? "}" : "]";
    const c = this.text[this.pos];
    if (c === close) {
      this.stack.pop();
      this.pos = skipWhitespace(this.text, this.pos + 1);
      return false;
    }
    if (c !== ",") {
      const what = inObject ? "an object member" : "an array element";
      const prefix = c === void 0 ? "unexpected end of input; " : "";
      this.fail(`${prefix}expected ',' or '${close}' after ${what}`, this.pos, "INVALID_JSON", missingHint(c));
    }
    const comma = this.pos;
    this.pos = skipWhitespace(this.text, this.pos + 1);
    if (this.text[this.pos] === close) {
      this.fail(`trailing comma before '${close}'`, comma, "INVALID_JSON", "remove the last ','");
    }
    if (inObject) this.key();
    return true;
  }
  /** An object key and its ':'; leaves the position at the member's value. */
  key() {
    const c = this.text[this.pos];
    if (c !== '"') {
      if (c === void 0) this.fail(`unexpected end of input; expected a '"'-quoted object key`, this.pos);
      const hint = c === "'" ? "JSON strings use double quotes" : "object keys must be double-quoted strings";
      this.fail(`expected a '"'-quoted object key, found ${describeChar(c)}`, this.pos, "INVALID_JSON", hint);
    }
    this.string();
    this.pos = skipWhitespace(this.text, this.pos);
    if (this.text[this.pos] !== ":") this.fail("expected ':' after an object key", this.pos);
    this.pos = skipWhitespace(this.text, this.pos + 1);
  }
  string() {
    const start = this.pos;
    let i = start + 1;
    for (; ; ) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c) || c === 10 || c === 13) {
        this.fail("unterminated string", start, "INVALID_JSON", `close it with '"' before the end of the line`);
      }
      if (c === 34) break;
      if (c === 92) i = this.escape(i);
      else if (c < 32) {
        const hint = c === 9 ? "write it as \\t" : "write it as a \\u escape";
        this.fail(`unescaped control character ${describeChar(this.text.charAt(i))} in a string`, i, "INVALID_JSON", hint);
      } else i++;
    }
    this.pos = i + 1;
  }
  /** Checks the escape sequence at `i` (a backslash); returns the offset after it. */
  escape(i) {
    const e = this.text[i + 1];
    if (e === void 0) this.fail("unterminated string", i);
    if (e === "u") {
      if (!HEX.test(this.text.slice(i + 2, i + 6))) {
        this.fail("invalid \\u escape in a string: expected 4 hexadecimal digits", i);
      }
      return i + 6;
    }
    if (!SIMPLE_ESCAPES.includes(e)) {
      this.fail(`invalid escape sequence '\\${e}' in a string`, i, "INVALID_JSON", "write a backslash as \\\\");
    }
    return i + 2;
  }
  number() {
    let i = this.pos;
    if (this.text[i] === "-") i++;
    if (this.text[i] === "0") {
      if (isDigit(this.text[i + 1])) this.fail("numbers cannot have leading zeros", i);
      i++;
    } else i = this.digits(i, "expected a digit after '-'");
    if (this.text[i] === ".") i = this.digits(i + 1, "expected a digit after the decimal point");
    if (this.text[i] === "e" || this.text[i] === "E") {
      i++;
      if (this.text[i] === "+" || this.text[i] === "-") i++;
      i = this.digits(i, "expected a digit in the exponent");
    }
    this.pos = i;
  }
  digits(from, problem) {
    let i = from;
    while (isDigit(this.text[i])) i++;
    if (i === from) this.fail(problem, from);
    return i;
  }
  literal() {
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(...unexpectedValue(this.text, this.pos));
  }
  end() {
    if (this.pos < this.text.length) {
      const c = describeChar(this.text.charAt(this.pos));
      this.fail(`unexpected ${c} after the end of the JSON value`, this.pos, "INVALID_JSON", "a document holds exactly one value");
    }
  }
  fail(problem, offset, code = "INVALID_JSON", hint) {
    throw new Failure({ code, problem, offset, ...hint ? { hint } : {} });
  }
};
function isDigit(c) {
  return c !== void 0 && c >= "0" && c <= "9";
}
function missingHint(c) {
  return c === '"' || c === "{" || c === "[" ? "a ',' is probably missing" : void 0;
}
function unexpectedValue(text, pos) {
  const c = text[pos];
  if (c === void 0) return ["unexpected end of input; expected a value", pos, "INVALID_JSON"];
  if (c === "'") return ["strings must use double quotes", pos, "INVALID_JSON"];
  if (c === "/") return ["comments are not allowed in JSON", pos, "INVALID_JSON"];
  if (c === "}" || c === "]" || c === "," || c === ":") {
    return [`expected a value, found '${c}'`, pos, "INVALID_JSON"];
  }
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 64))?.[0];
  if (word !== void 0) {
    const hint = word === "NaN" || word === "Infinity" ? "JSON has no NaN or Infinity" : "strings must be in double quotes";
    return [`unexpected word '${word}'; expected a value`, pos, "INVALID_JSON", hint];
  }
  return [`unexpected character ${describeChar(String.fromCodePoint(text.codePointAt(pos) ?? 0))}; expected a value`, pos, "INVALID_JSON"];
}

// src/avro/json-document.ts
var DEFAULT_JSON_MAX_DEPTH = 1e3;
var BOM = "\uFEFF";
var UTF8_HINT = "Save the file as UTF-8.";
function decodeSchemaBytes(bytes, file) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidUtf8(bytes, file);
  }
}
function invalidUtf8(bytes, file) {
  const bad2 = firstInvalidUtf8(bytes);
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad2));
  const { line: line2, column } = new TextLines(before).position(before.length);
  const byte = (bytes[bad2] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  const utf16 = bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255;
  const hint = utf16 ? `The file looks like UTF-16. ${UTF8_HINT}` : UTF8_HINT;
  return new SchemaError("INVALID_UTF8", `invalid UTF-8: byte 0x${byte} at byte offset ${bad2}`, { file, line: line2, column, hint });
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 128 ? 1 : b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const low = b === 224 ? 160 : b === 240 ? 144 : 128;
    const high = b === 237 ? 159 : b === 244 ? 143 : 191;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k] ?? 0;
      if (c < (k === 1 ? low : 128) || c > (k === 1 ? high : 191)) return i;
    }
    i += length;
  }
  return bytes.length;
}
function parseJsonDocument(text, options6 = {}) {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const maxDepth = options6.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a positive integer, got ${String(maxDepth)}`);
  }
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    const failure3 = findJsonFailure(source, maxDepth);
    if (failure3) throw scanError(source, options6.file, failure3);
    throw new SchemaError("INVALID_JSON", "the document is not valid JSON", { file: options6.file });
  }
  const deep = findTooDeep(source, maxDepth);
  if (deep >= 0) throw scanError(source, options6.file, { code: "TOO_DEEP", problem: tooDeepProblem(maxDepth), offset: deep });
  return new ParsedDocument(source, options6.file, value);
}
function scanError(text, file, failure3) {
  const { line: line2, column } = new TextLines(text).position(failure3.offset);
  const hint = failure3.hint ?? (failure3.code === "TOO_DEEP" ? "Reduce the nesting of the schema." : void 0);
  return new SchemaError(failure3.code, failure3.problem, { file, line: line2, column, hint: hint && capitalise(hint) });
}
function capitalise(hint) {
  const sentence = hint.charAt(0).toUpperCase() + hint.slice(1);
  return sentence.endsWith(".") ? sentence : `${sentence}.`;
}
var LOOKUPS_BEFORE_INDEX = 4;
var TOKENS_BEFORE_INDEX = 32;
var ParsedDocument = class {
  constructor(text, file, value) {
    this.text = text;
    this.file = file;
    this.value = value;
  }
  text;
  file;
  value;
  lines;
  containers;
  lookups = 0;
  /** No backslash anywhere in the text: every key is spelled as it reads, with no escapes. */
  plainKeys;
  positionOf(pointer) {
    const escaped = pointer.includes("~");
    if (!isPointer(pointer, escaped)) return void 0;
    if (this.containers === void 0 && (++this.lookups > LOOKUPS_BEFORE_INDEX || hasMoreTokens(pointer, TOKENS_BEFORE_INDEX))) {
      this.containers = new ContainerIndex(this.text);
    }
    this.plainKeys ??= !this.text.includes("\\");
    const offset = locate(this.text, this.containers, pointer === "/" ? "" : pointer, this.plainKeys && !escaped);
    if (offset < 0) return void 0;
    this.lines ??= new TextLines(this.text);
    return this.lines.position(offset);
  }
  lineText(line2) {
    this.lines ??= new TextLines(this.text);
    return this.lines.lineText(line2);
  }
};
var TextLines = class {
  constructor(text) {
    this.text = text;
    if (!text.includes("\r")) {
      for (let at2 = text.indexOf("\n"); at2 >= 0; at2 = text.indexOf("\n", at2 + 1)) this.starts.push(at2 + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
      }
    }
  }
  text;
  starts = [0];
  surrogates;
  position(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    this.surrogates ??= /[\uD800-\uDFFF]/.test(this.text);
    const column = this.surrogates ? [...this.text.slice(start, offset)].length : offset - start;
    return { line: lo + 1, column: column + 1 };
  }
  lineText(line2) {
    const start = this.starts[line2 - 1];
    if (start === void 0 || line2 < 1) return "";
    const next = this.starts[line2] ?? this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, "");
  }
};
var ContainerIndex = class {
  // Plain arrays: a typed array's backing store costs more to allocate than a small schema costs to scan.
  opens = [];
  closes = [];
  constructor(text) {
    const stack = [];
    for (let i = bracketFrom(text, 0); i < text.length; i = bracketFrom(text, i + 1)) {
      const c = text.charCodeAt(i);
      if (c === 123 || c === 91) {
        stack.push(this.opens.length);
        this.opens.push(i);
        this.closes.push(i);
      } else if (c === 125 || c === 93) this.closes[stack.pop() ?? 0] = i;
      else break;
    }
  }
  closeOf(open) {
    let lo = 0;
    let hi = this.opens.length - 1;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if ((this.opens[mid] ?? 0) < open) lo = mid + 1;
      else hi = mid;
    }
    return this.closes[lo] ?? open;
  }
};
var STRING = String.raw`"[^"\\]*(?:\\.[^"\\]*){0,100}"`;
var WHITESPACE = "[ \\t\\n\\r]*";
var TO_BRACKET = new RegExp(String.raw`[^"[\]{}]*(?:${STRING}[^"[\]{}]*){0,1000}`, "sy");
var KEY = new RegExp(`${STRING}${WHITESPACE}:${WHITESPACE}`, "sy");
var SCALAR = new RegExp(String.raw`(?:${STRING}|[^"[\]{},: \t\n\r]+)${WHITESPACE}(?:,${WHITESPACE})?`, "sy");
function bracketFrom(text, from) {
  let at2 = from;
  for (; ; ) {
    TO_BRACKET.lastIndex = at2;
    TO_BRACKET.test(text);
    at2 = TO_BRACKET.lastIndex;
    if (text.charCodeAt(at2) !== 34) return at2;
    at2 = stringEnd(text, at2);
  }
}
function closeOf(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i = bracketFrom(text, i + 1)) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return i;
    } else break;
  }
  return text.length - 1;
}
function hasMoreTokens(pointer, limit) {
  if (pointer.length <= limit) return false;
  let tokens = 0;
  for (let at2 = pointer.indexOf("/"); at2 >= 0; at2 = pointer.indexOf("/", at2 + 1)) if (++tokens > limit) return true;
  return false;
}
function isPointer(pointer, escaped) {
  if (pointer !== "" && pointer.charCodeAt(0) !== 47) return false;
  return !escaped || !/~[^01]|~$/.test(pointer);
}
function locate(text, containers, pointer, plain2) {
  let at2 = skipWhitespace(text, 0);
  let anchor = at2;
  for (let start = 1; start <= pointer.length; ) {
    let end = pointer.indexOf("/", start);
    if (end < 0) end = pointer.length;
    const c = text.charCodeAt(at2);
    if (c === 123) {
      anchor = findMember(text, containers, at2, pointer, start, end, plain2);
      if (anchor < 0) return -1;
      at2 = valueAfterKey(text, anchor);
    } else if (c === 91) {
      at2 = anchor = findElement(text, containers, at2, arrayIndex(pointer, start, end));
      if (at2 < 0) return -1;
    } else return -1;
    start = end + 1;
  }
  return anchor;
}
function findMember(text, containers, open, pointer, start, end, plain2) {
  let found = -1;
  let i = skipWhitespace(text, open + 1);
  while (text.charCodeAt(i) === 34) {
    const value = valueAfterKey(text, i);
    if (plain2 ? plainKeyIs(text, i, pointer, start, end) : JSON.parse(text.slice(i, stringEnd(text, i))) === decodeToken(pointer.slice(start, end))) {
      found = i;
      if (plain2 && text.indexOf(pointer.slice(start, end), value) < 0) return found;
    }
    i = nextSibling(text, containers, value);
  }
  return found;
}
function plainKeyIs(text, keyStart, pointer, start, end) {
  if (text.charCodeAt(keyStart + 1 + end - start) !== 34) return false;
  for (let k = start, at2 = keyStart + 1; k < end; k++, at2++) {
    const c = pointer.charCodeAt(k);
    if (c === 34 || text.charCodeAt(at2) !== c) return false;
  }
  return true;
}
function decodeToken(token) {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}
function valueAfterKey(text, key) {
  KEY.lastIndex = key;
  return KEY.test(text) ? KEY.lastIndex : skipWhitespace(text, skipWhitespace(text, stringEnd(text, key)) + 1);
}
function findElement(text, containers, open, wanted) {
  if (wanted < 0) return -1;
  let i = skipWhitespace(text, open + 1);
  if (text.charCodeAt(i) === 93) return -1;
  for (let index = wanted; index > 0; index--) {
    i = nextSibling(text, containers, i);
    if (i >= text.length || text.charCodeAt(i) === 93) return -1;
  }
  return i;
}
function arrayIndex(pointer, start, end) {
  if (end === start || end - start > 1 && pointer.charCodeAt(start) === 48) return -1;
  let index = 0;
  for (let i = start; i < end; i++) {
    const digit = pointer.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}
function nextSibling(text, containers, value) {
  const c = text.charCodeAt(value);
  let end;
  if (c === 123 || c === 91) end = (containers ? containers.closeOf(value) : closeOf(text, value)) + 1;
  else {
    SCALAR.lastIndex = value;
    if (SCALAR.test(text)) return SCALAR.lastIndex;
    end = stringEnd(text, value);
  }
  end = skipWhitespace(text, end);
  return text.charCodeAt(end) === 44 ? skipWhitespace(text, end + 1) : end;
}

// src/avro/defaults.ts
var INT_MIN = -(2 ** 31);
var INT_MAX = 2 ** 31 - 1;
var NON_FINITE = /* @__PURE__ */ new Set(["NaN", "Infinity", "-Infinity"]);
function isValidDefault(schema, value) {
  switch (schema.kind) {
    case "primitive":
      return isValidPrimitiveDefault(schema.type, value);
    case "enum":
      return typeof value === "string" && schema.symbols.includes(value);
    case "fixed":
      return typeof value === "string";
    case "array":
      return Array.isArray(value) && value.every((item) => isValidDefault(schema.items, item));
    case "map":
      return isPlainObject(value) && Object.values(value).every((v) => isValidDefault(schema.values, v));
    case "union":
      return schema.branches.some((branch) => isValidDefault(branch, value));
    case "record":
      return isPlainObject(value) && schema.fields.every(
        (field) => field.name in value ? isValidDefault(field.type, value[field.name]) : field.default !== void 0
      );
  }
}
function isValidPrimitiveDefault(type, value) {
  switch (type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean";
    case "int":
      return Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
    case "long":
      return Number.isInteger(value);
    case "float":
    case "double":
      return typeof value === "number" || typeof value === "string" && NON_FINITE.has(value);
    default:
      return typeof value === "string";
  }
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/avro/names.ts
var FIRST = /^[\p{L}_]$/u;
var REST = /^[\p{L}\p{Nd}_]$/u;
function nameProblem(name) {
  if (isAsciiName(name)) return void 0;
  if (name === "") return "it is empty";
  for (let i = 0; i < name.length; i++) {
    const unit = name[i];
    if (!(i === 0 ? FIRST : REST).test(unit)) {
      const shown2 = /[\p{Cc}\p{Cs}\p{Z}]/u.test(unit) ? `U+${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : `"${unit}"`;
      return i === 0 ? `it starts with ${shown2}` : `it contains ${shown2}`;
    }
  }
  return void 0;
}
function isAsciiName(name) {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}
function resolveName(declared, explicitNamespace, enclosingNamespace) {
  const dot = declared.lastIndexOf(".");
  if (dot >= 0) {
    return { fullName: declared, name: declared.slice(dot + 1), namespace: declared.slice(0, dot) };
  }
  const namespace = explicitNamespace ?? enclosingNamespace;
  return { fullName: namespace ? `${namespace}.${declared}` : declared, name: declared, namespace };
}
function qualify(reference3, namespace) {
  return reference3.includes(".") || !namespace ? reference3 : `${namespace}.${reference3}`;
}
function shortName(fullName3) {
  return fullName3.slice(fullName3.lastIndexOf(".") + 1);
}
function escapePointerToken(token) {
  if (typeof token === "number") return String(token);
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

// src/avro/defined-types.ts
var SCAN_LIMIT = 2;
var DefinedTypes = class {
  types = [];
  byShortName;
  /** The type with this full name. */
  get(fullName3) {
    if (this.byShortName === void 0) return this.scan(fullName3);
    return this.among(this.byShortName.get(shortName(fullName3)), fullName3);
  }
  /** The type with this full name, whose short part the caller has at hand: no slice to hash. */
  getDeclared(name, fullName3) {
    if (this.byShortName === void 0) return this.scan(fullName3);
    return this.among(this.byShortName.get(name), fullName3);
  }
  add(type) {
    this.types.push(type);
    if (this.byShortName !== void 0) this.index(type);
    else if (this.types.length > SCAN_LIMIT) {
      this.byShortName = /* @__PURE__ */ new Map();
      for (const known of this.types) this.index(known);
    }
  }
  /** A new Map of the types by full name, in definition order. */
  toMap() {
    const map = /* @__PURE__ */ new Map();
    for (const type of this.types) map.set(type.fullName, type);
    return map;
  }
  scan(fullName3) {
    for (const type of this.types) if (type.fullName === fullName3) return type;
    return void 0;
  }
  among(candidates, fullName3) {
    if (candidates !== void 0) {
      for (const type of candidates) if (type.fullName === fullName3) return type;
    }
    return void 0;
  }
  index(type) {
    const same = this.byShortName.get(type.name);
    if (same) same.push(type);
    else this.byShortName.set(type.name, [type]);
  }
};

// src/avro/logical-types.ts
var UNDERLYING = {
  decimal: ["bytes", "fixed"],
  "big-decimal": ["bytes"],
  uuid: ["string", "fixed"],
  date: ["int"],
  "time-millis": ["int"],
  "time-micros": ["long"],
  "timestamp-millis": ["long"],
  "timestamp-micros": ["long"],
  "timestamp-nanos": ["long"],
  "local-timestamp-millis": ["long"],
  "local-timestamp-micros": ["long"],
  "local-timestamp-nanos": ["long"],
  duration: ["fixed"]
};
function checkLogicalType(name, underlying, attributes) {
  const allowed = UNDERLYING[name];
  if (!allowed) return { ok: true, logicalType: { name } };
  if (!allowed.includes(underlying)) {
    return { ok: false, problem: `logical type '${name}' must annotate ${allowed.join(" or ")}, not ${underlying}` };
  }
  if (name === "uuid" && underlying === "fixed" && attributes.size !== 16) {
    return { ok: false, problem: `logical type 'uuid' on a fixed needs size 16, not ${attributes.size}` };
  }
  if (name === "duration" && attributes.size !== 12) {
    return { ok: false, problem: `logical type 'duration' needs a fixed of size 12, not ${attributes.size}` };
  }
  if (name === "decimal") return checkDecimal(attributes);
  return { ok: true, logicalType: { name } };
}
function checkDecimal(attributes) {
  const { precision, scale = 0, size } = attributes;
  if (!Number.isInteger(precision) || precision <= 0) {
    return { ok: false, problem: `decimal precision must be a positive integer, not ${JSON.stringify(precision)}` };
  }
  if (!Number.isInteger(scale) || scale < 0) {
    return { ok: false, problem: `decimal scale must be a non-negative integer, not ${JSON.stringify(scale)}` };
  }
  if (scale > precision) {
    return { ok: false, problem: `decimal scale ${scale} is greater than its precision ${precision}` };
  }
  if (size !== void 0) {
    const maxPrecision = Math.floor(Math.log10(2) * (8 * size - 1));
    if (precision > maxPrecision) {
      return { ok: false, problem: `decimal precision ${precision} does not fit in a fixed of size ${size} (at most ${maxPrecision})` };
    }
  }
  return { ok: true, logicalType: { name: "decimal", precision, scale } };
}

// src/avro/model.ts
var PRIMITIVE_NAMES = /* @__PURE__ */ new Set([
  "null",
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "bytes",
  "string"
]);
function isNamed(schema) {
  return schema.kind === "record" || schema.kind === "enum" || schema.kind === "fixed";
}
function typeLabel(schema) {
  return (schema.kind === "primitive" ? schema.type : schema.kind).toUpperCase();
}

// src/avro/parse.ts
var DEFAULT_MAX_DEPTH = 1e3;
var NO_ATTRIBUTES = Object.freeze({});
var NO_STRINGS = Object.freeze([]);
var NO_NAMED_TYPES = /* @__PURE__ */ new Map();
var SCAN_FOR_DUPLICATES = 16;
function parseSchema(json, options6 = {}) {
  const context2 = {
    file: options6.file,
    strict: options6.strict ?? true,
    validateNames: (options6.names ?? "strict") === "strict",
    maxDepth: options6.maxDepth ?? DEFAULT_MAX_DEPTH,
    external: options6.namedTypes ?? NO_NAMED_TYPES,
    named: new DefinedTypes()
  };
  try {
    return new Parsed(parseNode(json, "", "", 0, context2), context2.named);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new SchemaError("TOO_DEEP", "the schema is nested too deeply to process", { file: context2.file, hint: "Flatten the schema." });
    }
    throw error;
  }
}
var Parsed = class {
  constructor(root, defined2) {
    this.root = root;
    this.defined = defined2;
  }
  root;
  defined;
  table;
  /** Built when first asked for: a check reads the model, not this table. */
  get named() {
    return this.table ??= this.defined.toMap();
  }
};
function fail2(context2, code, pointer, problem, hint) {
  throw new SchemaError(code, problem, { file: context2.file, pointer, hint });
}
var NAME_HINT = "use letters, digits and underscores, not starting with a digit; the registry refuses any other name";
function checkName(context2, name, kind, pointer, suffix, shown2 = name) {
  if (!context2.validateNames) return;
  const problem = nameProblem(name);
  if (problem !== void 0) fail2(context2, "INVALID_NAME", pointer + suffix, `"${shown2}" is not a valid ${kind}: ${problem}`, NAME_HINT);
}
function parseNode(json, pointer, namespace, depth, context2) {
  if (depth > context2.maxDepth) {
    fail2(
      context2,
      "TOO_DEEP",
      pointer,
      `schema nesting is deeper than ${context2.maxDepth} levels`,
      "flatten the schema; the registry rejects JSON nested this deep"
    );
  }
  if (typeof json === "string") return parseTypeName(json, pointer, namespace, context2);
  if (Array.isArray(json)) return parseUnion(json, pointer, namespace, depth, context2);
  if (isObject(json)) return parseObject(json, pointer, namespace, depth, context2);
  return fail2(context2, "INVALID_SCHEMA", pointer, `a schema must be a type name, an object or an array, not ${describe(json)}`);
}
function parseTypeName(name, pointer, namespace, context2) {
  if (PRIMITIVE_NAMES.has(name)) {
    return { kind: "primitive", type: name, pointer, file: context2.file, attributes: NO_ATTRIBUTES };
  }
  const found = lookupNamed(name, namespace, context2);
  if (found) return found;
  return fail2(
    context2,
    "UNKNOWN_TYPE",
    pointer,
    `unknown type "${name}"`,
    "Define it before it is used, check its spelling and namespace, or map the file that defines it as a reference."
  );
}
function lookupNamed(name, namespace, context2) {
  const qualified = qualify(name, namespace);
  const found = context2.named.get(qualified) ?? externalType(qualified, context2);
  if (found || qualified === name) return found;
  return context2.named.get(name) ?? externalType(name, context2);
}
function externalType(fullName3, context2) {
  return context2.external.size === 0 ? void 0 : context2.external.get(fullName3);
}
function parseUnion(json, pointer, namespace, depth, context2) {
  const branches = [];
  for (let index = 0; index < json.length; index++) {
    branches.push(parseNode(json[index], `${pointer}/${index}`, namespace, depth + 1, context2));
  }
  const seen = branches.length > SCAN_FOR_DUPLICATES ? /* @__PURE__ */ new Set() : void 0;
  for (let index = 0; index < branches.length; index++) {
    if (branches[index].kind === "union") {
      fail2(
        context2,
        "INVALID_SCHEMA",
        `${pointer}/${index}`,
        "a union may not directly contain another union",
        "merge the inner union's branches into the outer one"
      );
    }
    const key = branchKey(branches[index]);
    if (seen ? seen.has(key) : hasBranchKey(branches, index, key)) {
      fail2(context2, "INVALID_SCHEMA", `${pointer}/${index}`, `the union contains "${key}" twice`, "remove the duplicate branch");
    }
    seen?.add(key);
  }
  return { kind: "union", branches, pointer, file: context2.file, attributes: NO_ATTRIBUTES };
}
function branchKey(branch) {
  return isNamed(branch) ? branch.fullName : branch.kind === "primitive" ? branch.type : branch.kind;
}
function hasBranchKey(branches, index, key) {
  for (let before = 0; before < index; before++) if (branchKey(branches[before]) === key) return true;
  return false;
}
function parseObject(json, pointer, namespace, depth, context2) {
  const type = json.type;
  if (type === void 0) {
    fail2(context2, "INVALID_SCHEMA", pointer, 'the schema object has no "type"', 'add a "type" attribute');
  }
  if (typeof type !== "string") {
    return parseNode(type, `${pointer}/type`, namespace, depth + 1, context2);
  }
  switch (type) {
    case "record":
    case "error":
      return parseRecord(json, pointer, namespace, depth, context2);
    case "enum":
      return parseEnum(json, pointer, namespace, context2);
    case "fixed":
      return parseFixed(json, pointer, namespace, context2);
    case "array":
      return parseArray(json, pointer, namespace, depth, context2);
    case "map":
      return parseMap(json, pointer, namespace, depth, context2);
  }
  if (PRIMITIVE_NAMES.has(type)) {
    const logicalType = parseLogicalType(json, type, void 0, pointer, context2);
    return { kind: "primitive", type, pointer, file: context2.file, logicalType, attributes: attributesOf(json) };
  }
  return parseTypeName(type, `${pointer}/type`, namespace, context2);
}
function parseNamedHeader(json, pointer, enclosing, context2) {
  const declared = json.name;
  if (typeof declared !== "string" || declared === "") {
    fail2(context2, "INVALID_SCHEMA", pointer, `a ${json.type} needs a "name" string`, 'add a "name" attribute');
  }
  const explicit = json.namespace;
  if (explicit !== void 0 && explicit !== null && typeof explicit !== "string") {
    fail2(context2, "INVALID_SCHEMA", `${pointer}/namespace`, `"namespace" must be a string, not ${describe(explicit)}`);
  }
  const resolved = resolveName(declared, explicit ?? void 0, enclosing);
  checkName(context2, resolved.name, "Avro name", pointer, "/name", declared);
  if (PRIMITIVE_NAMES.has(resolved.name) && !resolved.namespace) {
    fail2(context2, "INVALID_NAME", `${pointer}/name`, `"${resolved.name}" is a primitive type and cannot be redefined`);
  }
  if (context2.named.getDeclared(resolved.name, resolved.fullName) !== void 0 || externalType(resolved.fullName, context2) !== void 0) {
    fail2(
      context2,
      "DUPLICATE_NAME",
      `${pointer}/name`,
      `the type "${resolved.fullName}" is defined twice`,
      "refer to the first definition by name instead of defining it again"
    );
  }
  const declaredAliases = aliasList(json.aliases, pointer, context2);
  let aliases = NO_STRINGS;
  if (declaredAliases.length > 0) {
    declaredAliases.forEach((alias, index) => checkName(context2, shortName(alias), "alias", pointer, `/aliases/${index}`, alias));
    aliases = declaredAliases.map((alias) => qualify(alias, resolved.namespace));
  }
  const doc = typeof json.doc === "string" ? json.doc : void 0;
  return { fullName: resolved.fullName, name: resolved.name, namespace: resolved.namespace, aliases, doc };
}
function parseRecord(json, pointer, enclosing, depth, context2) {
  const header2 = parseNamedHeader(json, pointer, enclosing, context2);
  if (!Array.isArray(json.fields)) {
    fail2(context2, "INVALID_SCHEMA", pointer, `record "${header2.fullName}" needs a "fields" array`, 'add "fields": [] at least');
  }
  const fields = [];
  const record = {
    kind: "record",
    fullName: header2.fullName,
    name: header2.name,
    namespace: header2.namespace,
    aliases: header2.aliases,
    doc: header2.doc,
    isError: json.type === "error",
    fields,
    pointer,
    file: context2.file,
    attributes: attributesOf(json)
  };
  context2.named.add(record);
  const fieldsJson = json.fields;
  const names = fieldsJson.length > SCAN_FOR_DUPLICATES ? /* @__PURE__ */ new Set() : void 0;
  const fieldsPointer = `${pointer}/fields/`;
  for (let position = 0; position < fieldsJson.length; position++) {
    const field = parseField(fieldsJson[position], fieldsPointer + position, position, header2.namespace, depth, context2);
    if (names ? names.has(field.name) : hasFieldNamed(fields, field.name)) {
      fail2(
        context2,
        "DUPLICATE_FIELD",
        `${pointer}/fields/${position}/name`,
        `record "${header2.fullName}" has two fields named "${field.name}"`,
        "rename or remove one of them"
      );
    }
    names?.add(field.name);
    fields.push(field);
  }
  return record;
}
function hasFieldNamed(fields, name) {
  for (const field of fields) if (field.name === name) return true;
  return false;
}
function parseField(json, pointer, position, namespace, depth, context2) {
  if (!isObject(json)) fail2(context2, "INVALID_SCHEMA", pointer, `a field must be an object, not ${describe(json)}`);
  const name = json.name;
  if (typeof name !== "string") fail2(context2, "INVALID_SCHEMA", pointer, 'a field needs a "name" string', 'add a "name" attribute');
  checkName(context2, name, "field name", pointer, "/name");
  if (json.type === void 0 && !("type" in json)) fail2(context2, "INVALID_SCHEMA", pointer, `field "${name}" has no "type"`, 'add a "type" attribute');
  const type = parseNode(json.type, `${pointer}/type`, namespace, depth + 3, context2);
  const order = json.order ?? "ascending";
  if (order !== "ascending" && order !== "descending" && order !== "ignore") {
    fail2(
      context2,
      "INVALID_SCHEMA",
      `${pointer}/order`,
      `field "${name}" has order ${describe(order)}`,
      'use "ascending", "descending" or "ignore"'
    );
  }
  const hasDefault = json.default !== void 0 || "default" in json;
  if (hasDefault && context2.strict && !isValidDefault(type, json.default)) {
    fail2(
      context2,
      "INVALID_DEFAULT",
      `${pointer}/default`,
      `the default ${truncate(jsonText(json.default))} of field "${name}" is not a valid ${describeType(type)}`,
      "give a default of the field's type (for a union, of one of its branches)"
    );
  }
  return {
    name,
    position,
    type,
    pointer,
    file: context2.file,
    default: hasDefault ? { value: json.default } : void 0,
    aliases: aliasList(json.aliases, pointer, context2),
    order,
    doc: typeof json.doc === "string" ? json.doc : void 0,
    attributes: attributesOf(json, fieldKeysPresent(json, hasDefault), isFieldKey)
  };
}
function parseEnum(json, pointer, enclosing, context2) {
  const header2 = parseNamedHeader(json, pointer, enclosing, context2);
  const symbols = json.symbols;
  if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== "string")) {
    fail2(context2, "INVALID_SCHEMA", `${pointer}/symbols`, `enum "${header2.fullName}" needs a "symbols" array of strings`);
  }
  const seen = /* @__PURE__ */ new Set();
  symbols.forEach((symbol, index) => {
    checkName(context2, symbol, "enum symbol", pointer, `/symbols/${index}`);
    if (seen.has(symbol)) {
      fail2(context2, "DUPLICATE_SYMBOL", `${pointer}/symbols/${index}`, `enum "${header2.fullName}" lists "${symbol}" twice`);
    }
    seen.add(symbol);
  });
  const enumDefault = json.default;
  if (enumDefault !== void 0 && (typeof enumDefault !== "string" || !seen.has(enumDefault))) {
    fail2(
      context2,
      "INVALID_DEFAULT",
      `${pointer}/default`,
      `the enum default ${truncate(jsonText(enumDefault))} is not one of the symbols of "${header2.fullName}"`,
      "use one of its symbols"
    );
  }
  const schema = {
    kind: "enum",
    fullName: header2.fullName,
    name: header2.name,
    namespace: header2.namespace,
    aliases: header2.aliases,
    doc: header2.doc,
    symbols,
    default: enumDefault,
    pointer,
    file: context2.file,
    attributes: attributesOf(json)
  };
  context2.named.add(schema);
  return schema;
}
function parseFixed(json, pointer, enclosing, context2) {
  const header2 = parseNamedHeader(json, pointer, enclosing, context2);
  const size = json.size;
  if (!Number.isInteger(size) || size < 0) {
    fail2(context2, "INVALID_SCHEMA", `${pointer}/size`, `fixed "${header2.fullName}" needs a non-negative integer "size", not ${describe(size)}`);
  }
  const logicalType = parseLogicalType(json, "fixed", size, pointer, context2);
  const schema = {
    kind: "fixed",
    fullName: header2.fullName,
    name: header2.name,
    namespace: header2.namespace,
    aliases: header2.aliases,
    doc: header2.doc,
    size,
    logicalType,
    pointer,
    file: context2.file,
    attributes: attributesOf(json)
  };
  context2.named.add(schema);
  return schema;
}
function parseArray(json, pointer, namespace, depth, context2) {
  if (!("items" in json)) fail2(context2, "INVALID_SCHEMA", pointer, 'an array needs "items"', 'add "items" with the element type');
  const items = parseNode(json.items, `${pointer}/items`, namespace, depth + 1, context2);
  return { kind: "array", items, pointer, file: context2.file, attributes: attributesOf(json, 2) };
}
function parseMap(json, pointer, namespace, depth, context2) {
  if (!("values" in json)) fail2(context2, "INVALID_SCHEMA", pointer, 'a map needs "values"', 'add "values" with the value type');
  const values = parseNode(json.values, `${pointer}/values`, namespace, depth + 1, context2);
  return { kind: "map", values, pointer, file: context2.file, attributes: attributesOf(json, 2) };
}
function parseLogicalType(json, underlying, size, pointer, context2) {
  const name = json.logicalType;
  if (name === void 0) return void 0;
  if (typeof name !== "string") {
    if (!context2.strict) return void 0;
    return fail2(context2, "INVALID_LOGICAL_TYPE", `${pointer}/logicalType`, `"logicalType" must be a string, not ${describe(name)}`);
  }
  const checked3 = checkLogicalType(name, underlying, { precision: json.precision, scale: json.scale, size });
  if (checked3.ok) return checked3.logicalType;
  if (!context2.strict) return void 0;
  return fail2(
    context2,
    "INVALID_LOGICAL_TYPE",
    `${pointer}/logicalType`,
    checked3.problem,
    "fix the annotation; the registry would silently ignore it and readers would see the raw type"
  );
}
function aliasList(value, pointer, context2) {
  if (value === void 0 || value === null) return NO_STRINGS;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    fail2(context2, "INVALID_SCHEMA", `${pointer}/aliases`, `expected an array of strings, not ${describe(value)}`);
  }
  return value;
}
function attributesOf(json, grammarKeys = 0, reserved2 = isSchemaKey) {
  if (grammarKeys > 0 && Object.keys(json).length === grammarKeys) return NO_ATTRIBUTES;
  let attributes;
  for (const key in json) {
    if (reserved2(key)) continue;
    attributes ??= {};
    attributes[key] = json[key];
  }
  return attributes ?? NO_ATTRIBUTES;
}
function fieldKeysPresent(json, hasDefault) {
  let present = hasDefault ? 3 : 2;
  if (json.order !== void 0) present++;
  if (json.aliases !== void 0) present++;
  if (json.doc !== void 0) present++;
  return present;
}
function isSchemaKey(key) {
  switch (key) {
    case "type":
    case "name":
    case "namespace":
    case "aliases":
    case "doc":
    case "fields":
    case "symbols":
    case "items":
    case "values":
    case "size":
    case "default":
    case "logicalType":
    case "precision":
    case "scale":
    case "order":
      return true;
  }
  return false;
}
function isFieldKey(key) {
  switch (key) {
    case "name":
    case "type":
    case "default":
    case "aliases":
    case "doc":
    case "order":
      return true;
  }
  return false;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return truncate(jsonText(value));
}
function describeType(schema) {
  if (schema.kind === "primitive") return schema.type;
  if ("fullName" in schema) return `${schema.kind} ${schema.fullName}`;
  if (schema.kind === "union") return `value of any branch of the union`;
  return schema.kind;
}
function jsonText(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
function truncate(text) {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// src/avro/references.ts
var NAMED_KINDS = /* @__PURE__ */ new Set(["record", "error", "enum", "fixed"]);
function scanNamedTypes(value) {
  const defined2 = /* @__PURE__ */ new Set();
  const used = [];
  const stack = [{ node: value, namespace: "", pointer: "" }];
  for (let visit = stack.pop(); visit !== void 0; visit = stack.pop()) {
    const { node, namespace, pointer } = visit;
    if (typeof node === "string") {
      if (!PRIMITIVE_NAMES.has(node)) used.push({ candidates: candidatesFor(node, namespace), pointer });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], namespace, pointer: `${pointer}/${i}` });
    } else if (isObject2(node)) {
      const children = childTypes(node, visit, defined2);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const references2 = used.filter((ref) => {
    const key = ref.candidates.join("\n");
    if (defined2.has(ref.candidates[0] ?? "") || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { defines: [...defined2], references: references2 };
}
function childTypes(node, visit, defined2) {
  const { type } = node;
  const at2 = (key, namespace2 = visit.namespace) => ({ node: node[key], namespace: namespace2, pointer: `${visit.pointer}/${key}` });
  if (typeof type !== "string") return type === void 0 ? [] : [at2("type")];
  if (type === "array") return [at2("items")];
  if (type === "map") return [at2("values")];
  if (!NAMED_KINDS.has(type)) return PRIMITIVE_NAMES.has(type) ? [] : [at2("type")];
  if (typeof node.name !== "string") return [];
  const explicit = typeof node.namespace === "string" ? node.namespace : void 0;
  const { fullName: fullName3, namespace } = resolveName(node.name, explicit, visit.namespace);
  defined2.add(fullName3);
  if (type !== "record" && type !== "error" || !Array.isArray(node.fields)) return [];
  return node.fields.flatMap(
    (field, i) => isObject2(field) && "type" in field ? [{ node: field.type, namespace, pointer: `${visit.pointer}/fields/${i}/type` }] : []
  );
}
function candidatesFor(name, namespace) {
  if (name.includes(".") || namespace === "") return [name];
  return [`${namespace}.${name}`, name];
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function orderByDependencies(items) {
  const byId = new Map(items.map((item) => [item.id, item]));
  if (byId.size < items.length) {
    const twice = items.find((item, i) => items.findIndex((other) => other.id === item.id) !== i);
    throw new RangeError(`orderByDependencies needs distinct ids, got '${twice?.id}' twice`);
  }
  const definers = definersOf(items);
  const edges = /* @__PURE__ */ new Map();
  for (const item of items) {
    const needs = /* @__PURE__ */ new Map();
    for (const ref of item.references) {
      const [definer, typeName2] = definerOf(ref, definers, item.id);
      if (definer !== item.id && !needs.has(definer)) needs.set(definer, typeName2);
    }
    edges.set(item.id, needs);
  }
  const dependsOn = new Map([...edges].map(([id2, needs]) => [id2, [...needs.keys()].sort(compareIds)]));
  const order = topologicalOrder2([...byId.keys()], dependsOn, edges);
  return { order, items: order.map((id2) => byId.get(id2)), dependsOn };
}
function definersOf(items) {
  const definers = /* @__PURE__ */ new Map();
  for (const item of items) {
    for (const name of item.defines) {
      const other = definers.get(name);
      if (other !== void 0 && other !== item.id) {
        const [first, second] = [other, item.id].sort(compareIds);
        throw new SchemaError("DUPLICATE_NAME", `named type '${name}' is defined in both '${first}' and '${second}'`, {
          file: second,
          hint: "Keep one definition and reference it from the other file."
        });
      }
      definers.set(name, item.id);
    }
  }
  return definers;
}
function definerOf(ref, definers, id2) {
  const candidates = typeof ref === "string" ? [ref] : ref.candidates;
  for (const name of candidates) {
    const definer = definers.get(name);
    if (definer !== void 0) return [definer, name];
  }
  const wanted = candidates.map((name, i) => i === 0 ? `'${name}'` : ` (or '${name}')`).join("");
  throw new SchemaError("MISSING_REFERENCE", `named type ${wanted} is used but no schema defines it`, {
    file: id2,
    pointer: typeof ref === "string" ? void 0 : ref.pointer,
    hint: "Check its spelling and namespace, or add the schema file that defines it."
  });
}
function topologicalOrder2(ids, dependsOn, edges) {
  const waiting = new Map(ids.map((id2) => [id2, dependsOn.get(id2)?.length ?? 0]));
  const dependents = /* @__PURE__ */ new Map();
  for (const [id2, needs] of dependsOn) for (const need of needs) dependents.set(need, [...dependents.get(need) ?? [], id2]);
  const ready = ids.filter((id2) => waiting.get(id2) === 0).sort(compareIds);
  const order = [];
  while (ready.length > 0) {
    const id2 = ready.shift();
    order.push(id2);
    for (const dependent of dependents.get(id2) ?? []) {
      const left = (waiting.get(dependent) ?? 0) - 1;
      waiting.set(dependent, left);
      if (left === 0) insertSorted(ready, dependent);
    }
  }
  if (order.length < ids.length) throw cycleError(ids.filter((id2) => (waiting.get(id2) ?? 0) > 0), dependsOn, edges);
  return order;
}
function insertSorted(sorted, id2) {
  let i = sorted.length;
  while (i > 0 && compareIds(sorted[i - 1], id2) > 0) i--;
  sorted.splice(i, 0, id2);
}
function cycleError(stuck, dependsOn, edges) {
  const unordered = new Set(stuck);
  const path2 = [];
  let id2 = [...stuck].sort(compareIds)[0];
  while (!path2.includes(id2)) {
    path2.push(id2);
    id2 = (dependsOn.get(id2) ?? []).find((next) => unordered.has(next));
  }
  const cycle = [...path2.slice(path2.indexOf(id2)), id2];
  const steps = cycle.slice(1).map((to, i) => `uses '${edges.get(cycle[i])?.get(to) ?? "?"}' from '${to}'`);
  return new SchemaError("REFERENCE_CYCLE", `schema files reference each other in a cycle: '${cycle[0]}' ${steps.join(", which ")}`, {
    file: cycle[0],
    hint: "Move the types they share into one file, or break the cycle."
  });
}
function compareIds(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/avro/load.ts
var Loaded = class {
  constructor(parsed, document, file) {
    this.parsed = parsed;
    this.document = document;
    this.file = file;
    this.schema = parsed.root;
  }
  parsed;
  document;
  file;
  schema;
  get named() {
    return this.parsed.named;
  }
};
function loadSchemaSet(sources, options6 = {}) {
  const documents = /* @__PURE__ */ new Map();
  const items = sources.map((source) => {
    const document = source.document !== void 0 && options6.maxDepth === void 0 ? source.document : parseJsonDocument(typeof source.text === "string" ? source.text : decodeSchemaBytes(source.text, source.file), { file: source.file, maxDepth: options6.maxDepth });
    documents.set(source.file, document);
    const scan = scanNamedTypes(document.value);
    return { id: source.file, defines: scan.defines, references: scan.references };
  });
  const external = new Set(options6.namedTypes?.keys() ?? []);
  const unresolvedByOthers = items.map((item) => ({
    ...item,
    // Types supplied from outside the set (registry references) are not dependencies between files.
    references: item.references.filter((ref) => !ref.candidates.some((name) => external.has(name)))
  }));
  const { order, dependsOn } = withPositionsIn(documents, () => orderByDependencies(unresolvedByOthers));
  const loaded3 = /* @__PURE__ */ new Map();
  for (const file of order) {
    const document = documents.get(file);
    const namedTypes = new Map(options6.namedTypes ?? []);
    for (const dependency of transitiveDependencies(file, dependsOn)) {
      for (const [name, type] of loaded3.get(dependency).named) namedTypes.set(name, type);
    }
    const parsed = withPositions(document, () => parseSchema(document.value, { ...options6, file, namedTypes }));
    loaded3.set(file, new Loaded(parsed, document, file));
  }
  return loaded3;
}
function transitiveDependencies(file, dependsOn) {
  const seen = /* @__PURE__ */ new Set();
  const pending = [...dependsOn.get(file) ?? []];
  while (pending.length > 0) {
    const next = pending.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...dependsOn.get(next) ?? []);
  }
  return [...seen].sort();
}
function withPositionsIn(documents, order) {
  try {
    return order();
  } catch (error) {
    const document = error instanceof SchemaError && error.file !== void 0 ? documents.get(error.file) : void 0;
    if (document === void 0) throw error;
    return withPositions(document, () => {
      throw error;
    });
  }
}
function withPositions(document, parse5) {
  try {
    return parse5();
  } catch (error) {
    if (!(error instanceof SchemaError) || error.pointer === void 0 || error.line !== void 0) throw error;
    const position = nearestPosition(document, error.pointer);
    throw position ? error.withDetails(position) : error;
  }
}
function nearestPosition(document, pointer) {
  let current = pointer;
  for (; ; ) {
    const position = document.positionOf(current);
    if (position || current === "") return position;
    current = current.slice(0, Math.max(0, current.lastIndexOf("/")));
  }
}

// src/policy/config/load.ts
import { readFile as readFile2 } from "node:fs/promises";
import { isAbsolute, join as join4 } from "node:path";
import { LineCounter, parseDocument } from "yaml";

// src/policy/config/errors.ts
var ConfigError = class extends Error {
  constructor(issues) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    super(`${first ? formatConfigIssue(first) : "invalid config"}${more}`);
    this.issues = issues;
  }
  issues;
  name = "ConfigError";
};
function formatConfigIssue(issue) {
  const where2 = issue.line === void 0 ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const path2 = issue.path === "" ? "" : `${issue.path}: `;
  return `${where2}: ${path2}${issue.problem}`;
}
function formatKeyPath(path2) {
  let out = "";
  for (const segment of path2) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
function showValue(value) {
  let text;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// src/policy/config/schema.ts
import { z as z6 } from "zod";

// src/avro/compat/walk.ts
var COMPATIBLE = Object.freeze([]);
var IN_PROGRESS = null;
var MEMO_SCAN_LIMIT = 16;
var Walk = class {
  /** Reference tokens from the outermost root; numbers are field positions and branch indexes. */
  path = [];
  /** Index in `path` of the root token of the current location context. */
  base = 0;
  /** The memo of named pairs, flat while small: most checks meet a handful of named pairs. */
  memoReaders = [];
  memoWriters = [];
  memoFindings = [];
  /** The same memo by reader, then writer, once it outgrows a scan. */
  memo;
  /**
   * Name indexes of large records, for this check only: a module-wide WeakMap would outlive it, and
   * V8's young-generation collector keeps a WeakMap's dead keys (whole schemas) alive, which made
   * every scavenge of a long run of checks several times slower.
   */
  fieldIndexes;
  enter(token) {
    this.path.push(token);
  }
  leave() {
    this.path.pop();
  }
  /**
   * Avro Java checks union branches through a call that starts a new location stack, so findings
   * made below it are relative to that branch. Returns the state to give back to `closeRoot`.
   */
  openRoot() {
    const saved = this.base;
    this.base = this.path.length;
    return saved;
  }
  closeRoot(saved) {
    this.base = saved;
  }
  /** The memoised findings of a pair: undefined if never seen, COMPATIBLE while it is in progress. */
  recall(reader, writer) {
    const at2 = this.indexOf(reader, writer);
    if (at2 < 0) return void 0;
    const found = this.memoFindings[at2];
    return found === IN_PROGRESS ? COMPATIBLE : found;
  }
  markInProgress(reader, writer) {
    this.remember(reader, writer, IN_PROGRESS);
  }
  remember(reader, writer, findings) {
    const at2 = this.indexOf(reader, writer);
    if (at2 >= 0) {
      this.memoFindings[at2] = findings;
      return;
    }
    this.memoReaders.push(reader);
    this.memoWriters.push(writer);
    this.memoFindings.push(findings);
    if (this.memo !== void 0) this.index(this.memoReaders.length - 1);
    else if (this.memoReaders.length > MEMO_SCAN_LIMIT) {
      this.memo = /* @__PURE__ */ new Map();
      for (let i = 0; i < this.memoReaders.length; i++) this.index(i);
    }
  }
  indexOf(reader, writer) {
    if (this.memo !== void 0) return this.memo.get(reader)?.get(writer) ?? -1;
    for (let i = 0; i < this.memoReaders.length; i++) {
      if (this.memoReaders[i] === reader && this.memoWriters[i] === writer) return i;
    }
    return -1;
  }
  index(at2) {
    const reader = this.memoReaders[at2];
    let byWriter = this.memo.get(reader);
    if (byWriter === void 0) {
      byWriter = /* @__PURE__ */ new Map();
      this.memo.set(reader, byWriter);
    }
    byWriter.set(this.memoWriters[at2], at2);
  }
  /** The fields of `record` by name; the first of a name wins, as Avro Java's field map keeps it. */
  fieldsByName(record) {
    this.fieldIndexes ??= /* @__PURE__ */ new Map();
    let index = this.fieldIndexes.get(record);
    if (index === void 0) {
      const built = /* @__PURE__ */ new Map();
      for (const field of record.fields) if (!built.has(field.name)) built.set(field.name, field);
      this.fieldIndexes.set(record, built);
      index = built;
    }
    return index;
  }
  /** A finding at the current location. */
  finding(type, reader, writer, message) {
    return { type, location: this.location(), message, readerNode: sourceRef(reader), writerNode: sourceRef(writer) };
  }
  failure(message, reader, writer) {
    return {
      code: "AMBIGUOUS_FIELD_MATCH",
      message,
      location: this.location(),
      readerNode: sourceRef(reader),
      writerNode: sourceRef(writer)
    };
  }
  /** Avro Java's `getLocation()`: the tokens after the context's root, JSON-pointer escaped. */
  location() {
    let text = "/";
    for (let i = this.base + 1; i < this.path.length; i++) {
      if (i > this.base + 1) text += "/";
      text += escapePointerToken(this.path[i]);
    }
    return text;
  }
};
function sourceRef(node) {
  return node.file === void 0 ? { pointer: node.pointer } : { pointer: node.pointer, file: node.file };
}

// src/avro/compat/record-fields.ts
var AmbiguousFieldMatch = class extends Error {
  constructor(failure3) {
    super(failure3.message);
    this.failure = failure3;
  }
  failure;
  name = "AmbiguousFieldMatch";
};
function checkRecordFields(walk2, reader, writer, check) {
  let findings = COMPATIBLE;
  walk2.enter("fields");
  for (const field of reader.fields) {
    walk2.enter(field.position);
    const found = checkField(walk2, field, writer, check);
    if (found.length > 0) findings = findings.length === 0 ? found : [...findings, ...found];
    walk2.leave();
  }
  walk2.leave();
  return findings;
}
function checkField(walk2, field, writer, check) {
  const source = lookupWriterField(walk2, writer, field);
  if (source !== void 0) return check(walk2, "type", field.type, source.type);
  if (field.default !== void 0) return COMPATIBLE;
  if (field.type.kind === "enum" && field.type.default !== void 0) {
    return check(walk2, "type", field.type, writer);
  }
  return [walk2.finding("READER_FIELD_MISSING_DEFAULT_VALUE", field, writer, field.name)];
}
function lookupWriterField(walk2, writer, field) {
  let found = fieldNamed(walk2, writer, field.name);
  let matches = found === void 0 ? 0 : 1;
  const aliases = field.aliases;
  for (let i = 0; i < aliases.length; i++) {
    const alias = aliases[i];
    if (aliases.indexOf(alias) !== i) continue;
    const byAlias = fieldNamed(walk2, writer, alias);
    if (byAlias === void 0) continue;
    found ??= byAlias;
    matches++;
  }
  if (matches > 1) {
    const message = `Reader record field ${field.name} type:${typeLabel(field.type)} pos:${field.position} matches multiple fields in writer record schema ${writer.fullName}`;
    throw new AmbiguousFieldMatch(walk2.failure(message, field, writer));
  }
  return found;
}
var INDEX_THRESHOLD = 16;
function fieldNamed(walk2, record, name) {
  const fields = record.fields;
  if (fields.length <= INDEX_THRESHOLD) {
    for (const field of fields) if (field.name === name) return field;
    return void 0;
  }
  return walk2.fieldsByName(record).get(name);
}

// src/avro/compat/reader-writer.ts
function checkReaderWriterSchemas(reader, writer) {
  const walk2 = new Walk();
  try {
    const incompatibilities = checkPair(walk2, "", reader, writer);
    return { compatible: incompatibilities.length === 0, incompatibilities };
  } catch (error) {
    if (error instanceof AmbiguousFieldMatch) {
      return { compatible: false, incompatibilities: [], failure: error.failure };
    }
    throw error;
  }
}
function checkPair(walk2, token, reader, writer) {
  walk2.enter(token);
  let findings;
  if (isNamed(reader) && isNamed(writer)) {
    findings = checkMemoised(walk2, reader, writer);
  } else {
    findings = checkUnmemoised(walk2, reader, writer);
  }
  walk2.leave();
  return findings;
}
function checkMemoised(walk2, reader, writer) {
  const known = walk2.recall(reader, writer);
  if (known !== void 0) return known;
  walk2.markInProgress(reader, writer);
  const findings = checkUnmemoised(walk2, reader, writer);
  walk2.remember(reader, writer, findings);
  return findings;
}
function checkDetached(walk2, reader, writer) {
  const saved = walk2.openRoot();
  const findings = checkPair(walk2, "", reader, writer);
  walk2.closeRoot(saved);
  return findings;
}
function checkUnmemoised(walk2, reader, writer) {
  if (sameAvroType(reader, writer)) return checkSameType(walk2, reader, writer);
  if (writer.kind === "union") return checkWriterBranches(walk2, reader, writer);
  if (reader.kind === "union") return checkReaderBranches(walk2, reader, writer);
  if (isPromotable(reader, writer)) return COMPATIBLE;
  return [typeMismatch(walk2, reader, writer)];
}
function sameAvroType(reader, writer) {
  if (reader.kind !== writer.kind) return false;
  return reader.kind !== "primitive" || writer.kind !== "primitive" || reader.type === writer.type;
}
function checkSameType(walk2, reader, writer) {
  switch (reader.kind) {
    case "primitive":
      return COMPATIBLE;
    case "array":
      return checkPair(walk2, "items", reader.items, writer.items);
    case "map":
      return checkPair(walk2, "values", reader.values, writer.values);
    case "fixed":
      return concat(checkName2(walk2, reader, writer), checkSize(walk2, reader, writer));
    case "enum":
      return concat(checkName2(walk2, reader, writer), checkSymbols(walk2, reader, writer));
    case "record":
      return concat(
        checkName2(walk2, reader, writer),
        checkRecordFields(walk2, reader, writer, checkPair)
      );
    case "union":
      return checkUnionAgainstUnion(walk2, reader, writer);
  }
}
function checkUnionAgainstUnion(walk2, reader, writer) {
  let findings = COMPATIBLE;
  for (let index = 0; index < writer.branches.length; index++) {
    const branch = writer.branches[index];
    walk2.enter(index);
    if (checkDetached(walk2, reader, branch).length > 0) {
      const message = `reader union lacking writer type: ${typeLabel(branch)}`;
      findings = [...findings, walk2.finding("MISSING_UNION_BRANCH", reader, writer, message)];
    }
    walk2.leave();
  }
  return findings;
}
function checkWriterBranches(walk2, reader, writer) {
  let findings = COMPATIBLE;
  for (let index = 0; index < writer.branches.length; index++) {
    findings = concat(findings, checkPair(walk2, index, reader, writer.branches[index]));
  }
  return findings;
}
function checkReaderBranches(walk2, reader, writer) {
  for (const branch of reader.branches) {
    if (branch.kind === "primitive" && writer.kind === "primitive") {
      if (branch.type === writer.type || isPromotable(branch, writer)) return COMPATIBLE;
    } else if (checkDetached(walk2, branch, writer).length === 0) {
      return COMPATIBLE;
    }
  }
  const message = `reader union lacking writer type: ${typeLabel(writer)}`;
  return [walk2.finding("MISSING_UNION_BRANCH", reader, writer, message)];
}
var PROMOTIONS = {
  long: ["int"],
  float: ["int", "long"],
  double: ["int", "long", "float"],
  bytes: ["string"],
  string: ["bytes"]
};
function isPromotable(reader, writer) {
  if (reader.kind !== "primitive" || writer.kind !== "primitive") return false;
  return PROMOTIONS[reader.type]?.includes(writer.type) ?? false;
}
function typeMismatch(walk2, reader, writer) {
  const message = `reader type: ${typeLabel(reader)} not compatible with writer type: ${typeLabel(writer)}`;
  return walk2.finding("TYPE_MISMATCH", reader, writer, message);
}
function checkName2(walk2, reader, writer) {
  if (reader.name === writer.name || reader.aliases.includes(writer.fullName)) return COMPATIBLE;
  return [located(walk2, "name", () => walk2.finding("NAME_MISMATCH", reader, writer, `expected: ${writer.fullName}`))];
}
function checkSize(walk2, reader, writer) {
  if (reader.size === writer.size) return COMPATIBLE;
  const message = `expected: ${writer.size}, found: ${reader.size}`;
  return [located(walk2, "size", () => walk2.finding("FIXED_SIZE_MISMATCH", reader, writer, message))];
}
function checkSymbols(walk2, reader, writer) {
  const missing = missingSymbols(reader.symbols, writer.symbols);
  if (missing.length === 0) return COMPATIBLE;
  if (reader.default !== void 0 && reader.symbols.includes(reader.default)) return COMPATIBLE;
  const message = `[${missing.join(", ")}]`;
  return [located(walk2, "symbols", () => walk2.finding("MISSING_ENUM_SYMBOLS", reader, writer, message))];
}
function missingSymbols(reader, writer) {
  if (reader.length === writer.length && reader.every((symbol, i) => symbol === writer[i])) return [];
  const known = new Set(reader);
  return [...new Set(writer.filter((symbol) => !known.has(symbol)))].sort();
}
function located(walk2, token, make) {
  walk2.enter(token);
  const made = make();
  walk2.leave();
  return made;
}
function concat(first, second) {
  if (second.length === 0) return first;
  if (first.length === 0) return second;
  return [...first, ...second];
}

// src/avro/compat/messages.ts
var UNEXPECTED_EXCEPTION_PREFIX = "Unexpected exception during compatibility check: ";
function rolesFor(direction) {
  return direction === "backward" ? { reader: "new", writer: "old" } : { reader: "old", writer: "new" };
}
var TEMPLATES = {
  FIXED_SIZE_MISMATCH: (i, r, w) => `The size of FIXED type field at path '${i.location}' in the ${r} schema does not match with the ${w} schema`,
  TYPE_MISMATCH: (i, r, w) => `The type (path '${i.location}') of a field in the ${r} schema does not match with the ${w} schema`,
  NAME_MISMATCH: (i) => `The name of the schema has changed (path '${i.location}')`,
  MISSING_ENUM_SYMBOLS: (i, r, w) => `The ${r} schema is missing enum symbols '${i.message}' at path '${i.location}' in the ${w} schema`,
  MISSING_UNION_BRANCH: (i, r, w) => `The ${r} schema is missing a type inside a union field at path '${i.location}' in the ${w} schema`,
  READER_FIELD_MISSING_DEFAULT_VALUE: (i, r, w) => `The field '${i.message}' at path '${i.location}' in the ${r} schema has no default value and is missing in the ${w} schema`
};
function describeIncompatibility(incompatibility, reader, writer) {
  return TEMPLATES[incompatibility.type](incompatibility, reader, writer);
}
function describeFailure(failure3) {
  return `${UNEXPECTED_EXCEPTION_PREFIX}${failure3.message}`;
}

// src/avro/compat/levels.ts
var InvalidCompatibilityLevelError = class extends Error {
  constructor(value) {
    super(
      `Unknown compatibility level ${JSON.stringify(value) ?? String(value)}: expected one of ${COMPATIBILITY_LEVELS.join(", ")} (any case).`
    );
    this.value = value;
  }
  value;
  name = "InvalidCompatibilityLevelError";
};
var PLANS = {
  NONE: { directions: [], transitive: false },
  BACKWARD: { directions: ["backward"], transitive: false },
  BACKWARD_TRANSITIVE: { directions: ["backward"], transitive: true },
  FORWARD: { directions: ["forward"], transitive: false },
  FORWARD_TRANSITIVE: { directions: ["forward"], transitive: true },
  FULL: { directions: ["forward", "backward"], transitive: false },
  FULL_TRANSITIVE: { directions: ["forward", "backward"], transitive: true }
};
function checkLevel(candidate, history, level3) {
  if (!Object.hasOwn(PLANS, level3)) throw new InvalidCompatibilityLevelError(level3);
  const plan = PLANS[level3];
  const checkedVersions = versionsToCheck(history.length, plan);
  const findings = [];
  for (const version of checkedVersions) {
    for (const direction of plan.directions) {
      findings.push(...checkDirection(candidate, history[version], version, direction));
    }
  }
  const result = { level: level3, compatible: findings.length === 0, findings, checkedVersions };
  return findings.length === 0 ? result : { ...result, confluentVersion: findings[0].version };
}
function versionsToCheck(length, plan) {
  if (plan.directions.length === 0 || length === 0) return [];
  if (!plan.transitive) return [length - 1];
  return Array.from({ length }, (_, i) => length - 1 - i);
}
function checkDirection(candidate, old, version, direction) {
  const backward = direction === "backward";
  const result = backward ? checkReaderWriterSchemas(candidate, old) : checkReaderWriterSchemas(old, candidate);
  const roles = rolesFor(direction);
  const locate2 = (readerNode, writerNode) => ({
    readerNode,
    writerNode,
    newNode: backward ? readerNode : writerNode,
    oldNode: backward ? writerNode : readerNode
  });
  if (result.failure !== void 0) {
    const { message, location, readerNode, writerNode } = result.failure;
    const description = describeFailure(result.failure);
    return [{ version, direction, type: "UNEXPECTED_EXCEPTION", location, message, description, ...locate2(readerNode, writerNode) }];
  }
  return result.incompatibilities.map(({ type, location, message, readerNode, writerNode }) => ({
    version,
    direction,
    type,
    location,
    message,
    description: describeIncompatibility({ type, location, message }, roles.reader, roles.writer),
    ...locate2(readerNode, writerNode)
  }));
}

// src/policy/config/settings.ts
var NAMING_STRATEGIES = SUBJECT_NAME_STRATEGIES;
var RESERVED_SECTIONS = [];

// src/policy/config/policy-sections.ts
import { z as z4 } from "zod";

// src/policy/config/glob.ts
var GlobError = class extends Error {
  constructor(pattern, problem) {
    super(`invalid glob ${JSON.stringify(pattern)}: ${problem}`);
    this.pattern = pattern;
    this.problem = problem;
  }
  pattern;
  problem;
  name = "GlobError";
};
function compileGlob(pattern) {
  const regex2 = globToRegExp2(pattern);
  return (path2) => regex2.test(normalisePath(path2));
}
function globToRegExp2(pattern) {
  const body = stripPrefix(pattern);
  if (body === "") throw new GlobError(pattern, "it is empty; write a path such as schemas/**/*.avsc");
  const parser = new GlobParser(pattern, body);
  const source = parser.sequence(false);
  return new RegExp(`^${source}$`, "u");
}
function normalisePath(path2) {
  return stripPrefix(path2.replace(/\\/g, "/"));
}
function stripPrefix(text) {
  return text.replace(/^(\.\/|\/)+/, "");
}
var GlobParser = class {
  constructor(pattern, text) {
    this.pattern = pattern;
    this.text = text;
  }
  pattern;
  text;
  at = 0;
  /** Regex source up to the end, or inside braces up to the next `,` or `}`. */
  sequence(inBraces) {
    let out = "";
    while (this.at < this.text.length) {
      const c = this.text.charAt(this.at);
      if (inBraces && (c === "," || c === "}")) return out;
      out += this.token(c);
    }
    if (inBraces) throw new GlobError(this.pattern, "a '{' has no matching '}'");
    return out;
  }
  token(c) {
    switch (c) {
      case "*":
        return this.star();
      case "?":
        this.at++;
        return "[^/]";
      case "{":
        return this.braces();
      case "}":
        throw new GlobError(this.pattern, "a '}' has no matching '{'");
      case "[":
      case "]":
        throw new GlobError(this.pattern, "character classes ([...]) are not supported; use {a,b} alternatives");
      case "\\":
        return this.escaped();
      default:
        this.at++;
        return escapeRegex(c);
    }
  }
  star() {
    const start = this.at;
    while (this.text.charAt(this.at) === "*") this.at++;
    const run2 = this.at - start;
    const before = this.text.charAt(start - 1);
    const after = this.text.charAt(this.at);
    const segmentStart = start === 0 || before === "/" || before === "{" || before === ",";
    if (run2 < 2 || !segmentStart) return "[^/]*";
    if (after === "/") {
      this.at++;
      return "(?:[^/]*/)*";
    }
    if (after === "" || after === "," || after === "}") return ".*";
    return "[^/]*";
  }
  braces() {
    this.at++;
    const alternatives = [];
    for (; ; ) {
      alternatives.push(this.sequence(true));
      const c = this.text.charAt(this.at);
      this.at++;
      if (c === "}") break;
    }
    return `(?:${alternatives.join("|")})`;
  }
  escaped() {
    const next = this.text.charAt(this.at + 1);
    if (next === "") throw new GlobError(this.pattern, "it ends with a lone '\\'");
    this.at += 2;
    return escapeRegex(next);
  }
};
function escapeRegex(c) {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

// src/policy/config/policy-sections.ts
var DEFAULT_APPROVALS = {
  platformLeads: [],
  domainExperts: [],
  required: { platformLead: 1, domainExpert: 1 },
  requireCurrentHead: true,
  excludeLastPusher: true,
  requiredFor: "changes"
};
var DEFAULT_DEPRECATION = { windowDays: 30 };
var PRINCIPAL_FORM = 'a GitHub login such as "alice" or a team such as "my-org/platform-leads"';
var principal = z4.string({ error: PRINCIPAL_FORM }).regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]{1,100})?$/, { error: PRINCIPAL_FORM });
var principals = z4.preprocess(
  (value) => typeof value === "string" ? [value] : value,
  z4.array(principal, { error: `${PRINCIPAL_FORM}, or a list of them` }).min(1, { error: "at least one owner" })
);
var count = z4.number({ error: "a whole number from 0 to 10" }).int({ error: "a whole number from 0 to 10" }).min(0).max(10);
var EXPERT_SHAPE = { files: z4.string({ error: 'a glob string such as "schemas/market/**"' }).min(1), owners: principals };
var REQUIRED_SHAPE = { "platform-lead": count.optional(), "domain-expert": count.optional() };
var APPROVALS_SHAPE = {
  "platform-leads": principals.optional(),
  "domain-experts": z4.array(z4.strictObject(EXPERT_SHAPE, { error: "a mapping with `files` and `owners`" }), { error: "a list of mappings with `files` and `owners`" }).optional(),
  required: z4.strictObject(REQUIRED_SHAPE, { error: "a mapping with `platform-lead` and/or `domain-expert` counts" }).optional(),
  "require-current-head": z4.boolean({ error: "true or false" }).optional(),
  "exclude-last-pusher": z4.boolean({ error: "true or false" }).optional(),
  "required-for": z4.enum(["changes", "breaking"], { error: "one of changes, breaking" }).optional(),
  "emergency-label": z4.string({ error: 'a label name such as "schema-emergency"' }).min(1).max(50).optional()
};
var DEPRECATION_SHAPE = {
  "window-days": z4.number({ error: "a whole number of days from 0 to 3650" }).int({ error: "a whole number of days from 0 to 3650" }).min(0).max(3650).optional()
};
var approvalsSection = z4.strictObject(APPROVALS_SHAPE, { error: "a mapping with `platform-leads`, `domain-experts`, `required`, ..." });
var deprecationSection = z4.strictObject(DEPRECATION_SHAPE, { error: "a mapping with `window-days`" });
function policyAllowedKeys(path2) {
  const [top, second] = path2;
  if (top === "approvals" && path2.length === 1) return Object.keys(APPROVALS_SHAPE);
  if (top === "approvals" && second === "required" && path2.length === 2) return Object.keys(REQUIRED_SHAPE);
  if (top === "approvals" && second === "domain-experts" && path2.length === 3) return Object.keys(EXPERT_SHAPE);
  if (top === "deprecation" && path2.length === 1) return Object.keys(DEPRECATION_SHAPE);
  return void 0;
}
function parsePrincipal(text) {
  const slash = text.indexOf("/");
  if (slash < 0) return { kind: "user", login: text };
  return { kind: "team", org: text.slice(0, slash), slug: text.slice(slash + 1) };
}
function normalisePolicySections(raw, file, locate2) {
  const issues = [];
  const a = raw.approvals ?? {};
  const experts = (a["domain-experts"] ?? []).map((entry, index) => {
    try {
      compileGlob(entry.files);
    } catch (error) {
      if (!(error instanceof GlobError)) throw error;
      const path2 = ["approvals", "domain-experts", index, "files"];
      issues.push({ file, ...locate2(path2), path: formatKeyPath(path2), problem: `got ${JSON.stringify(entry.files)}: ${error.problem}` });
    }
    return { files: entry.files, owners: entry.owners.map(parsePrincipal) };
  });
  const approvals = {
    platformLeads: (a["platform-leads"] ?? []).map(parsePrincipal),
    domainExperts: experts,
    required: {
      platformLead: a.required?.["platform-lead"] ?? DEFAULT_APPROVALS.required.platformLead,
      domainExpert: a.required?.["domain-expert"] ?? DEFAULT_APPROVALS.required.domainExpert
    },
    requireCurrentHead: a["require-current-head"] ?? DEFAULT_APPROVALS.requireCurrentHead,
    excludeLastPusher: a["exclude-last-pusher"] ?? DEFAULT_APPROVALS.excludeLastPusher,
    requiredFor: a["required-for"] ?? "changes",
    ...a["emergency-label"] !== void 0 && { emergencyLabel: a["emergency-label"] }
  };
  const deprecation = { windowDays: raw.deprecation?.["window-days"] ?? DEFAULT_DEPRECATION.windowDays };
  return { approvals, deprecation, issues };
}

// src/policy/config/registry-section.ts
import { z as z5 } from "zod";
var ON_REGISTRY_UNAVAILABLE = ["fail", "offline"];
var SECRET_KEYS = ["api-key", "api-secret", "password", "username", "token", "bearer-token", "key-passphrase", "auth"];
var URL_FORM = 'an http(s) URL such as "https://psrc-xxxx.us-east-2.aws.confluent.cloud"';
var url = z5.string({ error: URL_FORM }).regex(/^https?:\/\/[^\s]+$/, { error: URL_FORM });
var positive = (max) => z5.number({ error: `a whole number from 1 to ${max}` }).int({ error: `a whole number from 1 to ${max}` }).min(1).max(max);
var path = z5.string({ error: "a file path relative to the repository root" }).min(1);
var id = (form) => z5.string({ error: form }).regex(/^[A-Za-z0-9_.-]{1,100}$/, { error: form });
var REGISTRY_SHAPE = {
  url: z5.preprocess((value) => typeof value === "string" ? [value] : value, z5.array(url, { error: `${URL_FORM}, or a list of them` }).min(1)).optional(),
  "timeout-ms": positive(6e5).optional(),
  retries: positive(20).optional(),
  "max-concurrency": positive(64).optional(),
  headers: z5.record(z5.string(), z5.string({ error: "a header value (text)" }), { error: "a mapping of header names to values" }).optional(),
  "ca-file": path.optional(),
  "cert-file": path.optional(),
  "key-file": path.optional(),
  "logical-cluster": id('a logical cluster id such as "lsrc-abc123"').optional(),
  "identity-pool-id": id('an identity pool id such as "pool-AbCd"').optional(),
  ...Object.fromEntries(SECRET_KEYS.map((key) => [key, z5.unknown().optional()]))
};
var registrySection = z5.strictObject(REGISTRY_SHAPE, { error: "a mapping with `url` and optional `timeout-ms`, `retries`, `ca-file`, ..." });
var onRegistryUnavailableSection = z5.enum(ON_REGISTRY_UNAVAILABLE, { error: "one of fail, offline" });
function registryAllowedKeys(keyPath) {
  if (keyPath.length === 1 && keyPath[0] === "registry") return Object.keys(REGISTRY_SHAPE).filter((key) => !SECRET_KEYS.includes(key));
  return void 0;
}
function normaliseRegistrySections(raw, file, locate2) {
  const issues = [];
  const onRegistryUnavailable = raw["on-registry-unavailable"] ?? "fail";
  const r = raw.registry;
  if (r === void 0) return { onRegistryUnavailable, issues };
  const at2 = (keyPath, problem) => ({ file, ...locate2(keyPath, "key"), path: formatKeyPath(keyPath), problem });
  for (const key of SECRET_KEYS) {
    if (r[key] !== void 0) issues.push(at2(["registry", key], "secrets must not be in the config file, which is committed; set them in the environment (GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN)"));
  }
  (r.url ?? []).forEach((text, index) => {
    if (/^https?:\/\/[^/]*@/.test(text)) issues.push(at2(["registry", "url", index], "the URL carries credentials (user:password@); remove them and set GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET instead"));
  });
  for (const name of Object.keys(r.headers ?? {})) {
    if (/^(authorization|proxy-authorization|cookie)$/i.test(name)) issues.push(at2(["registry", "headers", name], "this header carries credentials; use the environment variables instead"));
  }
  if (r["cert-file"] === void 0 !== (r["key-file"] === void 0)) issues.push(at2(["registry"], "give `cert-file` and `key-file` together for mutual TLS"));
  const registry = {
    urls: r.url ?? [],
    headers: { ...r.headers },
    ...defined({
      timeoutMs: r["timeout-ms"],
      maxAttempts: r.retries,
      maxConcurrency: r["max-concurrency"],
      caFile: r["ca-file"],
      certFile: r["cert-file"],
      keyFile: r["key-file"],
      logicalCluster: r["logical-cluster"],
      identityPoolId: r["identity-pool-id"]
    })
  };
  return { registry, onRegistryUnavailable, issues };
}
function defined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}

// src/policy/config/schema.ts
var level2 = z6.enum(COMPATIBILITY_LEVELS, { error: `one of ${COMPATIBILITY_LEVELS.join(", ")}` });
var strategy = z6.enum(NAMING_STRATEGIES, { error: `one of ${NAMING_STRATEGIES.join(", ")}` });
var GLOB_FORM = 'a glob string such as "schemas/**/*.avsc"';
var glob = z6.string({ error: GLOB_FORM }).min(1, { error: GLOB_FORM });
var globs = z6.preprocess(
  (value) => typeof value === "string" ? [value] : value,
  z6.array(glob, { error: `${GLOB_FORM}, or a list of them` }).min(1, { error: "at least one glob" })
);
var topic = z6.string({ error: 'a Kafka topic name such as "market.ticks.asx"' }).regex(/^[A-Za-z0-9._-]{1,249}$/, { error: "a Kafka topic name: 1 to 249 of the characters a-z A-Z 0-9 . _ -" });
var subject = z6.string({ error: 'a subject name such as "market.ticks.asx-value"' }).regex(/^[^\u0000-\u001f\u007f]+$/, { error: "a non-empty subject name without control characters" });
var context = z6.string({ error: 'a Confluent context name such as ".staging"' }).regex(/^\.?[A-Za-z0-9_-][A-Za-z0-9._-]*$|^\.$/, { error: 'a Confluent context name such as ".staging" (letters, digits, . _ -)' });
var SUBJECT_ENTRY_SHAPE = {
  files: globs,
  subject: subject.optional(),
  topic: topic.optional(),
  strategy: strategy.optional(),
  key: z6.boolean({ error: "true or false" }).optional(),
  context: context.optional(),
  compatibility: level2.optional()
};
var SCHEMAS_SHAPE = { paths: globs.optional() };
var DEFAULTS_SHAPE = { compatibility: level2.optional(), strategy: strategy.optional() };
var reserved = {};
var TOP_SHAPE = {
  version: z6.literal(1, { error: "1 (the only config format version)" }),
  schemas: z6.strictObject(SCHEMAS_SHAPE, { error: "a mapping with `paths`" }).optional(),
  defaults: z6.strictObject(DEFAULTS_SHAPE, { error: "a mapping with `compatibility` and/or `strategy`" }).optional(),
  subjects: z6.array(
    z6.strictObject(SUBJECT_ENTRY_SHAPE, { error: "a mapping with `files` and a `subject` or a `topic`" }),
    { error: "a list of mappings, each with `files` and a `subject` or a `topic`" }
  ).optional(),
  ...reserved,
  registry: registrySection.optional(),
  "on-registry-unavailable": onRegistryUnavailableSection.optional(),
  approvals: approvalsSection.optional(),
  deprecation: deprecationSection.optional(),
  // The follow-up job and the scheduler read and validate their own sections (src/postmortem,
  // src/scheduler), with their own positioned errors; here they only need to be allowed.
  followups: z6.unknown().optional(),
  schedule: z6.unknown().optional()
};
var configSchema = z6.strictObject(TOP_SHAPE, { error: "a mapping with `version: 1` and the sections schemas, defaults, subjects" });
function allowedKeys(path2) {
  const policy = policyAllowedKeys(path2);
  if (policy !== void 0) return policy;
  const registry = registryAllowedKeys(path2);
  if (registry !== void 0) return registry;
  if (path2.length === 0) return Object.keys(TOP_SHAPE);
  if (path2.length === 1 && path2[0] === "schemas") return Object.keys(SCHEMAS_SHAPE);
  if (path2.length === 1 && path2[0] === "defaults") return Object.keys(DEFAULTS_SHAPE);
  if (path2.length === 2 && path2[0] === "subjects") return Object.keys(SUBJECT_ENTRY_SHAPE);
  return [];
}

// src/policy/config/issues.ts
function configIssuesFromZod(error, file, locate2, input) {
  return error.issues.flatMap((issue) => fromZodIssue(issue, file, locate2, input));
}
function fromZodIssue(issue, file, locate2, input) {
  const path2 = issue.path;
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeys(path2).join(", ");
    return issue.keys.map((key) => ({
      file,
      ...locate2([...path2, key], "key"),
      path: formatKeyPath([...path2, key].map(keySegment)),
      problem: `unknown key ${JSON.stringify(key)}; expected one of: ${allowed}`
    }));
  }
  const value = valueAt(input, path2);
  const problem = value === void 0 ? `is missing; expected ${issue.message}` : `got ${showValue(value)}; expected ${issue.message}`;
  return [{ file, ...locate2(path2), path: formatKeyPath(path2.map(keySegment)), problem }];
}
function keySegment(segment) {
  return typeof segment === "number" ? segment : String(segment);
}
function valueAt(input, path2) {
  let value = input;
  for (const segment of path2) {
    if (typeof value === "string" && segment === 0) return value;
    if (value === null || typeof value !== "object") return void 0;
    value = value[segment];
  }
  return value;
}

// src/policy/config/locate.ts
import { isMap, isPair, isScalar, isSeq } from "yaml";
function yamlLocator(doc, lines2) {
  return (path2, target = "value") => {
    const offset = findOffset(doc, path2, target);
    const { line: line2, col } = lines2.linePos(offset);
    return { line: line2, column: col };
  };
}
function findOffset(doc, path2, target) {
  let node = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path2.length; i++) {
    const segment = path2[i];
    const last = i === path2.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key) ?? offset;
      if (last && target === "key") return keyStart;
      node = pair.value;
      offset = rangeStart(node) ?? keyStart;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === void 0) return offset;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
function rangeStart(node) {
  const range = node?.range;
  return range ? range[0] : void 0;
}

// src/policy/config/normalise.ts
var DEFAULT_SCHEMA_PATHS = ["schemas/**/*.avsc"];
function normaliseConfig(raw, file, locate2) {
  const issues = [];
  const at2 = (path2, problem, target = "value") => ({
    file,
    ...locate2(path2, target),
    path: formatKeyPath(path2),
    problem
  });
  const paths2 = raw.schemas?.paths ?? DEFAULT_SCHEMA_PATHS;
  paths2.forEach((glob2, index) => checkGlob(glob2, ["schemas", "paths", index], at2, issues));
  const defaultStrategy = raw.defaults?.strategy ?? "TopicNameStrategy";
  const subjects = (raw.subjects ?? []).map((entry, index) => {
    const path2 = ["subjects", index];
    entry.files.forEach((glob2, i) => checkGlob(glob2, [...path2, "files", i], at2, issues));
    return subjectRule(entry, path2, defaultStrategy, at2, issues, file, locate2);
  });
  const warnings = RESERVED_SECTIONS.filter((name) => raw[name] !== void 0).map(
    (name) => at2([name], "is reserved for a later version of guardrails and is ignored for now", "key")
  );
  const policy = normalisePolicySections(raw, file, locate2);
  issues.push(...policy.issues);
  const registry = normaliseRegistrySections(raw, file, locate2);
  issues.push(...registry.issues);
  const settings = {
    version: 1,
    source: file,
    schemas: { paths: paths2 },
    defaults: { compatibility: raw.defaults?.compatibility ?? "BACKWARD", strategy: defaultStrategy },
    subjects,
    approvals: policy.approvals,
    deprecation: policy.deprecation,
    ...registry.registry !== void 0 && { registry: registry.registry },
    onRegistryUnavailable: registry.onRegistryUnavailable
  };
  return { settings, issues, warnings };
}
function checkGlob(glob2, path2, at2, issues) {
  try {
    compileGlob(glob2);
  } catch (error) {
    if (!(error instanceof GlobError)) throw error;
    issues.push(at2(path2, `got ${JSON.stringify(glob2)}: ${error.problem}`));
  }
}
function subjectRule(entry, path2, defaultStrategy, at2, issues, file, locate2) {
  const target = subjectTarget(entry, path2, defaultStrategy, at2, issues);
  const normal = entry.context === void 0 ? void 0 : normalizeContext(entry.context);
  const context2 = normal === DEFAULT_CONTEXT ? void 0 : normal;
  return {
    files: entry.files,
    target,
    ...context2 !== void 0 && { context: context2 },
    ...entry.compatibility !== void 0 && { compatibility: entry.compatibility },
    location: { file, ...locate2(path2) }
  };
}
function subjectTarget(entry, path2, defaultStrategy, at2, issues) {
  if (entry.subject !== void 0) {
    const extra = ["topic", "strategy", "key"].filter((k) => entry[k] !== void 0);
    for (const key of extra) {
      issues.push(at2([...path2, key], `has no effect because \`subject\` names the subject explicitly; remove \`${key}\` or \`subject\``, "key"));
    }
    return { kind: "explicit", subject: entry.subject };
  }
  const implied = entry.topic !== void 0 && defaultStrategy === "RecordNameStrategy" ? "TopicNameStrategy" : defaultStrategy;
  const strategy2 = entry.strategy ?? implied;
  const from = entry.strategy === void 0 && strategy2 === defaultStrategy ? " (from defaults.strategy)" : "";
  if (strategy2 === "RecordNameStrategy" && entry.topic !== void 0) {
    issues.push(at2([...path2, "topic"], `RecordNameStrategy${from} names subjects after the record alone; remove \`topic\` or use TopicRecordNameStrategy`, "key"));
  }
  if (strategy2 !== "RecordNameStrategy" && entry.topic === void 0) {
    issues.push(at2(path2, `${strategy2}${from} needs a topic; add \`topic: <kafka topic>\` or an explicit \`subject\``));
  }
  if (entry.key !== void 0 && strategy2 !== "TopicNameStrategy") {
    issues.push(at2([...path2, "key"], `only TopicNameStrategy distinguishes key and value subjects, not ${strategy2}${from}; remove \`key\``, "key"));
  }
  return {
    kind: "strategy",
    strategy: strategy2,
    ...entry.topic !== void 0 && strategy2 !== "RecordNameStrategy" && { topic: entry.topic },
    key: entry.key ?? false
  };
}

// src/policy/config/load.ts
var DEFAULT_CONFIG_FILE = "guardrails.yaml";
var EMBEDDED_DEFAULT = "<embedded default>";
var DEFAULT_SETTINGS2 = parseConfigText("version: 1\n", EMBEDDED_DEFAULT).settings;
async function loadConfig(options6) {
  const explicit = options6.path !== void 0;
  const file = options6.path ?? DEFAULT_CONFIG_FILE;
  const absolute = isAbsolute(file) ? file : join4(explicit ? options6.cwd : options6.root, file);
  let text;
  try {
    text = await readFile2(absolute, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" && !explicit) return { settings: DEFAULT_SETTINGS2, warnings: [] };
    const problem = code === "ENOENT" ? "config file not found; check the --config path" : `cannot read the config file (${code ?? String(error)})`;
    throw new ConfigError([{ file, path: "", problem }]);
  }
  return parseConfigText(text, file);
}
function parseConfigText(text, file) {
  const lines2 = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines2, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors.map((error) => yamlIssue(file, lines2, error.pos[0], error.message));
  if (syntax.length > 0) throw new ConfigError(syntax);
  const value = toPlain(doc, file);
  const locate2 = yamlLocator(doc, lines2);
  const parsed = configSchema.safeParse(value ?? {});
  if (!parsed.success) throw new ConfigError(configIssuesFromZod(parsed.error, file, locate2, value ?? {}));
  const { settings, issues, warnings } = normaliseConfig(parsed.data, file, locate2);
  if (issues.length > 0) throw new ConfigError(issues);
  const yamlWarnings = doc.warnings.map((warning) => yamlIssue(file, lines2, warning.pos[0], warning.message));
  return { settings, warnings: [...yamlWarnings, ...warnings].map(formatConfigIssue) };
}
function toPlain(doc, file) {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError([{ file, path: "", problem: `cannot expand YAML aliases: ${error.message}` }]);
  }
}
function yamlIssue(file, lines2, offset, message) {
  const { line: line2, col } = lines2.linePos(offset);
  return { file, line: line2, column: col, path: "", problem: `invalid YAML: ${message.split("\n")[0] ?? message}` };
}

// src/policy/config/subjects.ts
var SubjectNamingError = class extends Error {
  constructor(file, problem) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
  file;
  problem;
  name = "SubjectNamingError";
};
function subjectResolver(settings) {
  const schemaMatchers = settings.schemas.paths.map(compileGlob);
  const rules = settings.subjects.map((rule) => ({
    rule,
    matchers: rule.files.map(compileGlob)
  }));
  return {
    isSchemaFile: (path2) => schemaMatchers.some((matches) => matches(path2)),
    mappingFor(path2) {
      const normal = normalisePath(path2);
      let rule;
      for (const candidate of rules) {
        if (candidate.matchers.some((matches) => matches(normal))) rule = candidate.rule;
      }
      const target = rule?.target ?? { kind: "strategy", strategy: settings.defaults.strategy, key: false };
      return {
        ...rule !== void 0 && { rule },
        target,
        ...rule?.context !== void 0 && { context: rule.context },
        level: rule?.compatibility ?? settings.defaults.compatibility
      };
    }
  };
}
function subjectNameFor(file, mapping, recordName) {
  const { target, context: context2 } = mapping;
  if (target.kind === "explicit") return qualifySubject(context2, target.subject);
  if (target.strategy !== "RecordNameStrategy" && target.topic === void 0) {
    throw new SubjectNamingError(file, `no entry under \`subjects\` in the config maps this file, and ${target.strategy} needs a topic; add an entry with \`files\` and a \`topic\` or \`subject\``);
  }
  if (target.strategy !== "TopicNameStrategy" && recordName === void 0) {
    throw new SubjectNamingError(file, `${target.strategy} names the subject after the top-level record, but this schema's top level is not a named type; map the file to an explicit \`subject\` in the config`);
  }
  return subjectName({ strategy: target.strategy, topic: target.topic, recordFullName: recordName, isKey: target.key, context: context2 });
}

// src/backup/git-history.ts
async function restoreFromGitHistory(client, git2, options6) {
  const commit = await tryResolve(git2, options6.ref);
  if (!commit) throw new BackupError("invalid-input", `'${options6.ref}' is not a commit`, "Give a branch, tag or commit of this repository");
  const files = await schemaFilesAt(git2, commit, options6.configPath ?? "guardrails.yaml");
  const needed = neededFiles(files, subjectMatcher(options6.selection));
  const entries = [];
  const versions = /* @__PURE__ */ new Map();
  const failedFiles = /* @__PURE__ */ new Set();
  for (const f of files) {
    const references2 = f.uses.map((u) => ({ name: u.name, subject: subjectOf(files, u.file), version: versions.get(u.file) ?? 0 }));
    const blocked = f.uses.find((u) => failedFiles.has(u.file));
    if (blocked) {
      failedFiles.add(f.file);
      entries.push({ subject: f.subject, file: f.file, action: "skipped", detail: `it uses ${blocked.name} whose file failed` });
      continue;
    }
    if (!needed.has(f.file)) continue;
    if (options6.signal?.aborted) {
      entries.push({ subject: f.subject, file: f.file, action: "skipped", detail: "the run was stopped" });
      failedFiles.add(f.file);
      continue;
    }
    try {
      entries.push(await registerOne(client, f, references2, versions, options6.dryRun));
    } catch (error) {
      failedFiles.add(f.file);
      entries.push({ subject: f.subject, file: f.file, action: "failed", detail: messageOf(error) });
    }
  }
  return { ref: options6.ref, commit, dryRun: options6.dryRun, entries, failed: failedFiles.size > 0 };
}
function renderGitHistory(result) {
  const lines2 = [`Schema files at ${result.ref} (${result.commit.slice(0, 12)})${result.dryRun ? ", dry run" : ""}:`];
  for (const e of result.entries) {
    const at2 = `${e.subject} (${e.file})`;
    if (e.action === "present") lines2.push(`  = ${at2}: already registered as v${e.version}, id ${e.id}`);
    else if (e.action === "registered") lines2.push(`  + ${at2}: registered as v${e.version}, id ${e.id}`);
    else if (e.action === "planned") lines2.push(`  + ${at2}: would be registered${e.detail ? ` with references to ${e.detail}` : ""}`);
    else lines2.push(`  ! ${at2}: ${e.action === "skipped" ? "skipped, " : ""}${e.detail ?? ""}`);
  }
  return `${lines2.join("\n")}
`;
}
async function registerOne(client, f, references2, versions, dryRun) {
  const at2 = { subject: f.subject, file: f.file };
  const known = references2.every((r) => r.version > 0);
  const found = known ? await client.lookupSchema(f.subject, { schema: f.text, references: references2 }) : void 0;
  if (found) {
    versions.set(f.file, found.version);
    return { ...at2, action: "present", version: found.version, id: found.id };
  }
  if (dryRun) return { ...at2, action: "planned", ...references2.length ? { detail: references2.map((r) => r.subject).join(", ") } : {} };
  const result = await client.register(f.subject, { schema: f.text, references: references2 });
  const version = result.version ?? (await client.lookupSchema(f.subject, { schema: f.text, references: references2 }))?.version ?? 0;
  versions.set(f.file, version);
  return { ...at2, action: "registered", version, id: result.id };
}
async function schemaFilesAt(git2, commit, configPath) {
  const configBlob = (await readTree(git2, commit, (p) => p === configPath)).get(configPath);
  const settings = parseConfigText(configBlob ? configBlob.toString("utf8") : "version: 1\n", configPath).settings;
  const resolver = subjectResolver(settings);
  const blobs = await readTree(git2, commit, (p) => resolver.isSchemaFile(p));
  if (blobs.size === 0) throw new BackupError("invalid-input", `no schema files at ${commit.slice(0, 12)} match ${settings.schemas.paths.join(", ")}`, "Check the ref and the schemas.paths of the config");
  const sources = [...blobs].map(([file, bytes]) => ({ file, text: bytes.toString("utf8") }));
  let loaded3;
  try {
    loaded3 = loadSchemaSet(sources);
  } catch (error) {
    throw new BackupError("invalid-input", `the schema files at ${commit.slice(0, 12)} do not load: ${error instanceof SchemaError ? error.message : messageOf(error)}`, "Pick a ref whose schemas are valid");
  }
  const definedBy = /* @__PURE__ */ new Map();
  for (const [file, schema] of loaded3) for (const name of schema.named.keys()) definedBy.set(name, file);
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  return [...loaded3].map(([file, schema]) => {
    const root = schema.schema;
    const subject2 = nameOf(file, () => subjectNameFor(file, resolver.mappingFor(file), isNamed(root) ? root.fullName : void 0));
    const uses = scanNamedTypes(JSON.parse(texts.get(file))).references.flatMap((ref) => {
      const name = ref.candidates.find((c) => definedBy.has(c) && definedBy.get(c) !== file);
      return name ? [{ file: definedBy.get(name), name }] : [];
    });
    return { file, text: texts.get(file), subject: subject2, loaded: schema, uses: dedupe(uses) };
  });
}
function nameOf(file, name) {
  try {
    return name();
  } catch (error) {
    throw new BackupError("invalid-input", `cannot name the subject of ${file}: ${messageOf(error)}`, "Map the file in guardrails.yaml (or pass --config)");
  }
}
function dedupe(uses) {
  const seen = /* @__PURE__ */ new Set();
  return uses.filter((u) => seen.has(u.name) ? false : (seen.add(u.name), true));
}
function subjectOf(files, file) {
  return files.find((f) => f.file === file)?.subject ?? file;
}
function neededFiles(files, keep) {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const needed = /* @__PURE__ */ new Set();
  const pending = files.filter((f) => keep(f.subject)).map((f) => f.file);
  for (let file = pending.pop(); file !== void 0; file = pending.pop()) {
    if (needed.has(file)) continue;
    needed.add(file);
    pending.push(...byFile.get(file)?.uses.map((u) => u.file) ?? []);
  }
  return needed;
}

// src/backup/parse-backup.ts
import { z as z7 } from "zod";
var mode = z7.enum(REGISTRY_MODES);
var config = z7.record(z7.string(), z7.unknown());
var reference2 = z7.object({ name: z7.string(), subject: z7.string(), version: z7.number().int().positive() });
var versionShape = z7.object({
  subject: z7.string(),
  version: z7.number().int().positive(),
  id: z7.number().int().nonnegative(),
  schemaType: z7.string(),
  schema: z7.string(),
  schemaSha256: z7.string(),
  references: z7.array(reference2),
  metadata: z7.unknown().optional(),
  ruleSet: z7.unknown().optional(),
  guid: z7.string().optional(),
  deleted: z7.boolean()
});
var subjectShape = z7.object({ subject: z7.string(), deleted: z7.boolean(), config: config.optional(), mode: mode.optional() });
var manifestShape = z7.looseObject({
  format: z7.literal("guardrails-registry-backup"),
  formatVersion: z7.number().int(),
  counts: z7.looseObject({ subjects: z7.number(), versions: z7.number(), files: z7.number() })
});
function parseBackup(files, where2) {
  verifySums(files, where2);
  const manifest = readJson(files, MANIFEST_FILE, manifestShape, where2);
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError("invalid-input", `${where2} is backup format ${manifest.formatVersion}; this guardrails reads up to ${BACKUP_FORMAT_VERSION}`, "Use a newer guardrails");
  }
  const snapshot = readSnapshot(files, where2);
  checkCounts(manifest, snapshot, files.size, where2);
  return { manifest, snapshot: { ...snapshot, maxIds: manifest.maxIds ?? {} } };
}
function verifySums(files, where2) {
  const sums = files.get(SUMS_FILE);
  if (!sums) throw new BackupError("integrity", `${where2} has no ${SUMS_FILE}; it is incomplete or not a backup`, "Use a complete backup");
  const listed3 = parseSums(Buffer.from(sums).toString("utf8"));
  const actual = new Map([...files].map(([path2, bytes]) => [path2, sha256Hex(bytes)]));
  const problems = compareSums(listed3, actual);
  if (!listed3.has(MANIFEST_FILE)) problems.unshift(`${MANIFEST_FILE}: not listed in ${SUMS_FILE}`);
  if (problems.length) {
    throw new BackupError(
      "integrity",
      `${where2} fails its ${SUMS_FILE} check (${problems.length} problem${problems.length === 1 ? "" : "s"}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "; \u2026" : ""})`,
      "The backup was changed or is incomplete; nothing was restored. Use another backup",
      problems
    );
  }
}
function readSnapshot(files, where2) {
  let global = {};
  const contexts = /* @__PURE__ */ new Map();
  const subjects = /* @__PURE__ */ new Map();
  const subjectEntry = (s) => subjects.get(s) ?? subjects.set(s, { settings: {}, versions: [] }).get(s);
  for (const path2 of [...files.keys()].sort()) {
    const kind = classifyPath(path2);
    if (!kind) throw new BackupError("integrity", `${where2}: '${path2}' is not a file of the backup format`, "Use a backup written by guardrails");
    switch (kind.kind) {
      case "manifest":
      case "sums":
        break;
      case "global-config":
        global = { ...global, config: readJson(files, path2, config, where2) };
        break;
      case "global-mode":
        global = { ...global, mode: readJson(files, path2, z7.object({ mode }), where2).mode };
        break;
      case "context-config":
      case "context-mode": {
        const entry = contexts.get(kind.context) ?? {};
        if (kind.kind === "context-config") entry.config = readJson(files, path2, z7.object({ context: z7.literal(kind.context), config }), where2).config;
        else entry.mode = readJson(files, path2, z7.object({ context: z7.literal(kind.context), mode }), where2).mode;
        contexts.set(kind.context, entry);
        break;
      }
      case "subject": {
        const { subject: subject2, deleted: _deleted, ...settings } = readJson(files, path2, subjectShape, where2);
        if (subject2 !== kind.subject) nameMismatch(where2, path2, subject2);
        subjectEntry(subject2).settings = settings;
        break;
      }
      case "version":
        subjectEntry(kind.subject).versions.push(readVersion(files, path2, kind, where2));
    }
  }
  return { global, contexts, subjects: toRecords(subjects, where2), maxIds: {} };
}
function readVersion(files, path2, kind, where2) {
  const { schemaSha256, ...v } = readJson(files, path2, versionShape, where2);
  if (v.subject !== kind.subject || v.version !== kind.version) nameMismatch(where2, path2, `${v.subject} v${v.version}`);
  if (sha256Hex(v.schema) !== schemaSha256) throw new BackupError("integrity", `${where2}: '${path2}' has a schema whose SHA-256 differs from schemaSha256`, "The backup cannot be trusted");
  return v;
}
function toRecords(subjects, where2) {
  const out = /* @__PURE__ */ new Map();
  for (const [subject2, entry] of [...subjects].sort(([a], [b]) => a < b ? -1 : 1)) {
    if (entry.versions.length === 0) throw new BackupError("integrity", `${where2}: subject '${subject2}' has no version files`, "The backup is incomplete");
    out.set(subject2, { subject: subject2, settings: entry.settings, versions: entry.versions.sort((a, b) => a.version - b.version) });
  }
  return out;
}
function checkCounts(manifest, snapshot, files, where2) {
  const versions = [...snapshot.subjects.values()].reduce((n, s) => n + s.versions.length, 0);
  const found = { subjects: snapshot.subjects.size, versions, files: files - 1 };
  for (const key of ["subjects", "versions", "files"]) {
    if (manifest.counts[key] !== found[key]) {
      throw new BackupError("integrity", `${where2}: ${MANIFEST_FILE} counts ${manifest.counts[key]} ${key} but the backup has ${found[key]}`, "The backup is incomplete");
    }
  }
}
function readJson(files, path2, shape, where2) {
  let value;
  try {
    value = JSON.parse(Buffer.from(files.get(path2) ?? new Uint8Array()).toString("utf8"));
  } catch {
    throw new BackupError("integrity", `${where2}: '${path2}' is not JSON`, "The backup cannot be trusted");
  }
  const parsed = shape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError("integrity", `${where2}: '${path2}' is not a valid backup file (${issue?.path.join(".") || "root"}: ${issue?.message})`, "The backup cannot be trusted");
  }
  return parsed.data;
}
function nameMismatch(where2, path2, found) {
  throw new BackupError("integrity", `${where2}: '${path2}' holds '${found}', which does not match its path`, "The backup cannot be trusted");
}

// src/backup/source.ts
function describeSource(source) {
  if (source.kind === "dir") return source.path;
  if (source.kind === "s3") return source.location;
  return `git ${source.ref}${source.before ? ` before ${source.before.toISOString()}` : ""}`;
}
async function resolveGitSource(source, env) {
  const git2 = gitIn(source.repo, env);
  const commit = source.before ? await commitBefore(git2, source.ref, source.before) : await tryResolve(git2, source.ref);
  if (!commit) throw new BackupError("invalid-input", `'${source.ref}' is not a commit in '${source.repo}'`, "Fetch the backup branch first (git fetch origin schema-backups:schema-backups)");
  return commit;
}
async function loadBackup(source, env) {
  if (source.kind === "dir") return { ...parseBackup(await readBackupDir(source.path), source.path), label: source.path };
  if (source.kind === "s3") {
    const files = await downloadFromS3(source.location, { region: source.region, endpoint: source.endpoint });
    return { ...parseBackup(files, source.location), label: source.location };
  }
  const commit = await resolveGitSource(source, env);
  const label2 = `${describeSource(source)} (${commit.slice(0, 12)})`;
  return { ...parseBackup(await readTree(gitIn(source.repo, env), commit), label2), label: label2 };
}

// src/backup/render-plan.ts
var LIMIT = 50;
function renderPlan(plan, options6) {
  const subjects = new Set(plan.register.map((r) => r.record.subject)).size;
  const forced = plan.imports.filter((i) => i.force).length;
  const lines2 = [
    `Restore plan${options6.dryRun ? " (dry run: nothing will be written)" : ""}; ids and versions ${plan.preserveIds ? "preserved (IMPORT mode)" : "NOT preserved"}`,
    `  create     ${plan.register.length} version(s) in ${subjects} subject(s)`,
    `  identical  ${plan.skip.length} version(s), skipped`,
    `  conflicts  ${plan.conflicts.length}`,
    `  delete     ${plan.softDeletes.length} soft delete(s) to re-apply`,
    `  import     ${plan.imports.length} subject(s) enter IMPORT mode${forced ? ` (${forced} with force: they already have versions)` : ""}`,
    `  settings   ${plan.settings.length} config/mode change(s)`
  ];
  const limit = options6.all ? Number.POSITIVE_INFINITY : LIMIT;
  section(lines2, "Conflicts (nothing is written while any remain):", plan.conflicts.map((c) => `! ${c.subject}${c.version ? ` v${c.version}` : ""}: ${c.message}`), limit);
  section(lines2, "Left in IMPORT by an earlier run (will be reset):", plan.imports.filter((i) => i.leftInImport).map((i) => `~ ${i.subject}`), limit);
  section(lines2, "Create:", plan.register.map(({ record: v }) => `+ ${v.subject} v${v.version} (id ${v.id}${v.deleted ? ", then soft-deleted" : ""})`), limit);
  section(lines2, "Soft delete:", plan.softDeletes.map((d) => `- ${d.subject} v${d.version}`), limit);
  section(lines2, "Settings:", plan.settings.map(describeSetting), limit);
  return `${lines2.join("\n")}
`;
}
function renderOutcome(applied, differences, warnings = []) {
  const lines2 = [
    `Restored: ${applied.registered} version(s) registered, ${applied.softDeleted} soft delete(s), ${applied.settingsChanged} setting(s).`,
    differences.length === 0 ? "Verified: the target matches the backup." : `Verification found ${differences.length} difference(s):`,
    ...differences.slice(0, LIMIT).map((d) => `  \u2260 ${d}`),
    ...differences.length > LIMIT ? [`  \u2026 and ${differences.length - LIMIT} more`] : [],
    ...warnings.map((w) => `Warning: ${w}`)
  ];
  return `${lines2.join("\n")}
`;
}
function section(lines2, title, items, limit) {
  if (items.length === 0) return;
  lines2.push(title, ...items.slice(0, limit).map((i) => `  ${i}`));
  if (items.length > limit) lines2.push(`  \u2026 and ${items.length - limit} more (--plan-out writes them all)`);
}
function describeSetting(c) {
  const where2 = c.scope === "global" ? "global" : c.scope === "context" ? `context ${c.name}` : c.name;
  if (c.action === "remove") return `${where2}: remove the ${c.kind} override`;
  const value = c.kind === "mode" ? c.mode : JSON.stringify(c.config);
  return `${where2}: ${c.kind} := ${value}${c.replace ? " (replacing the whole override)" : ""}`;
}

// src/backup/progress.ts
function createProgress(style, label2, write) {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (style === "none" || total <= 0) return;
      const fraction = Math.min(1, done / total);
      if (style === "bar") {
        const width = 30;
        const filled = Math.round(fraction * width);
        write(`\r${label2} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      write(`${label2}: ${done}/${total} (${tenth * 10}%)
`);
    },
    finish() {
      if (drawn) write("\n");
      drawn = false;
    }
  };
}
function progressStyle(option2, isTty, env) {
  if (option2 === "bar" || option2 === "lines" || option2 === "none") return option2;
  return isTty && !env["CI"] ? "bar" : "lines";
}

// src/github/api/errors.ts
var GitHubApiError = class extends Error {
  constructor(kind, message, status3) {
    super(message);
    this.kind = kind;
    this.status = status3;
  }
  kind;
  status;
  name = "GitHubApiError";
};

// src/github/git/run.ts
import { execFile as execFile2 } from "node:child_process";
var GitError = class extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
  kind;
  name = "GitError";
};
var MAX_OUTPUT = 2 ** 31 - 1;
function gitRunner(cwd) {
  return (args, input) => new Promise((resolve7, reject) => {
    const child = execFile2(
      "git",
      ["-c", "core.quotePath=false", "-c", "core.fsmonitor=false", "--no-pager", ...args],
      {
        cwd,
        encoding: "buffer",
        maxBuffer: MAX_OUTPUT,
        env: gitEnvironment(process.env)
      },
      (error, stdout, stderr) => {
        if (error) reject(gitFailure(args, error, stderr));
        else resolve7(stdout);
      }
    );
    child.stdin?.on("error", () => void 0);
    child.stdin?.end(input);
  });
}
var LOCATION_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX"];
function gitEnvironment(env) {
  const clean = { ...env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", GIT_LITERAL_PATHSPECS: "1" };
  for (const name of LOCATION_VARIABLES) delete clean[name];
  return clean;
}
function gitFailure(args, error, stderr) {
  if (error.code === "ENOENT") {
    return new GitError("git-missing", "git is not installed or not on PATH; install git and run again");
  }
  const detail = firstLine(stderr.toString("utf8")) || error.message.split("\n")[0] || "no message";
  return new GitError("failed", `git ${args[0] ?? ""} failed: ${detail}`);
}
function firstLine(text) {
  return text.split("\n").map((line2) => line2.trim()).find((line2) => line2 !== "") ?? "";
}
function splitNul(output) {
  const text = typeof output === "string" ? output : output.toString("utf8");
  const fields = text.split("\0");
  if (fields[fields.length - 1] === "") fields.pop();
  return fields;
}

// src/iceberg/errors.ts
var IcebergError = class extends Error {
  name = "IcebergError";
  code;
  /** Table, file or flag the error is about. */
  subject;
  hint;
  constructor(code, problem, details = {}) {
    const where2 = details.subject !== void 0 ? `${details.subject}: ` : "";
    const hint = details.hint !== void 0 ? ` (${details.hint})` : "";
    super(`${where2}${problem}${hint}`, details.cause !== void 0 ? { cause: details.cause } : void 0);
    this.code = code;
    this.subject = details.subject;
    this.hint = details.hint;
  }
};
function stopped2(when) {
  return new IcebergError("STOPPED", `stopped by a signal ${when}: nothing was committed`, { hint: "run again to finish" });
}
function isStopped(error) {
  return error instanceof IcebergError && error.code === "STOPPED";
}
function describeError(error) {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}

// src/policy/check/errors.ts
var InputError = class extends Error {
  name = "InputError";
};

// src/avro/diff/rules.ts
var LOGICAL_REASON = "Avro ignores logical types when it resolves schemas, so the registry accepts this; the same bytes are now interpreted differently.";
var OLD_CONSUMERS_REASON = "The registry's default BACKWARD check only asks whether new consumers read old data; consumers still on the old schema cannot decode what new producers write, so upgrade consumers first.";
var RULES = {
  FIELD_ADDED: {
    severity: "info",
    categories: ["ADDITION"],
    purpose: "A field was added with a default: old data reads the default, old consumers skip it."
  },
  FIELD_ADDED_WITHOUT_DEFAULT: {
    severity: "breaking",
    categories: ["ADDITION"],
    purpose: "A field was added without a default: consumers on the new schema cannot read existing data."
  },
  FIELD_REMOVED: {
    severity: "breaking",
    categories: ["REMOVAL"],
    purpose: "A field without a default was removed: consumers on the old schema cannot read new data."
  },
  FIELD_REMOVED_WITH_DEFAULT: {
    severity: "warning",
    categories: ["REMOVAL"],
    purpose: "A field with a default was removed: consumers on the old schema silently read the default.",
    reason: "Avro fills a field missing from the data with the reader's default, so the registry accepts the removal."
  },
  FIELD_RENAMED: {
    severity: "warning",
    categories: ["RENAME"],
    purpose: "A field was renamed, keeping the old name as an alias.",
    reason: "The alias lets new consumers read old data, so BACKWARD checks pass; consumers on the old schema know no alias for the new name."
  },
  FIELD_DEFAULT_ADDED: {
    severity: "info",
    categories: ["DEFAULT"],
    purpose: "A field gained a default."
  },
  FIELD_DEFAULT_REMOVED: {
    severity: "warning",
    categories: ["DEFAULT"],
    purpose: "A field lost its default.",
    reason: "Adjacent versions still resolve because both have the field, but this version cannot read data from versions without it (transitive checks fail: 1 == 2, 2 == 3, 3 != 1), and removing the field later becomes breaking."
  },
  FIELD_DEFAULT_CHANGED: {
    severity: "warning",
    categories: ["DEFAULT"],
    purpose: "A field's default value changed.",
    reason: "Avro uses the reader's default only for data that lacks the field, so the registry never compares defaults."
  },
  FIELD_ORDER_CHANGED: {
    severity: "info",
    categories: ["METADATA"],
    purpose: "A field's sort order (ascending, descending, ignore) changed; only sorting of encoded data is affected."
  },
  FIELD_DOC_CHANGED: {
    severity: "info",
    categories: ["DOCUMENTATION"],
    purpose: "A field's doc changed."
  },
  ALIAS_ADDED: {
    severity: "info",
    categories: ["METADATA"],
    purpose: "A field or named type gained an alias (other than one recording a rename, which is reported as such)."
  },
  ALIAS_REMOVED: {
    severity: "warning",
    categories: ["METADATA"],
    purpose: "A field or named type lost an alias.",
    reason: "Adjacent versions share the current name, so the registry accepts this; only data written under the alias's old name becomes unreadable."
  },
  NAME_CHANGED: {
    severity: "warning",
    categories: ["RENAME"],
    purpose: "A named type was renamed, keeping the old name as an alias.",
    reason: "The alias lets new consumers read old data, so BACKWARD checks pass; consumers on the old schema know no alias for the new name."
  },
  NAMESPACE_CHANGED: {
    severity: "warning",
    categories: ["RENAME"],
    purpose: "A named type kept its name but moved to another namespace.",
    reason: "Avro since 1.9.1 and the registry compare unqualified names, but generated SpecificRecord classes, Avro before 1.9.1 and avsc by default resolve by full name."
  },
  DOC_CHANGED: {
    severity: "info",
    categories: ["DOCUMENTATION"],
    purpose: "A named type's doc changed."
  },
  DEPRECATION_ADDED: {
    severity: "info",
    categories: ["DEPRECATION"],
    purpose: 'A field or named type gained a deprecation marker ("deprecated": true or a reason, or a doc starting @deprecated).'
  },
  DEPRECATION_REMOVED: {
    severity: "info",
    categories: ["DEPRECATION"],
    purpose: "A field or named type lost its deprecation marker; a deprecation window restarts when it comes back."
  },
  ENUM_SYMBOL_ADDED: {
    severity: "warning",
    categories: ["ADDITION", "WIDENING"],
    purpose: "An enum gained a symbol.",
    reason: OLD_CONSUMERS_REASON
  },
  ENUM_SYMBOL_REMOVED: {
    severity: "breaking",
    categories: ["REMOVAL", "NARROWING"],
    purpose: "An enum without a default lost a symbol: existing data holding it cannot be read."
  },
  ENUM_SYMBOL_REMOVED_WITH_DEFAULT: {
    severity: "warning",
    categories: ["REMOVAL", "NARROWING"],
    purpose: "An enum with a default lost a symbol: existing data holding it reads as the default.",
    reason: "Avro reads a symbol the reader does not know as the reader enum's default, so the registry accepts the removal."
  },
  ENUM_DEFAULT_ADDED: {
    severity: "info",
    categories: ["DEFAULT"],
    purpose: "An enum gained a default for symbols it does not know."
  },
  ENUM_DEFAULT_REMOVED: {
    severity: "warning",
    categories: ["DEFAULT"],
    purpose: "An enum lost its default: unknown symbols fail instead of reading as the default.",
    reason: "The enum default only applies to symbols the reader does not know, so adjacent versions still resolve; symbols added later will fail."
  },
  ENUM_DEFAULT_CHANGED: {
    severity: "warning",
    categories: ["DEFAULT"],
    purpose: "An enum's default changed: unknown symbols read as another value.",
    reason: "The enum default only applies to symbols the reader does not know, so the registry does not compare it."
  },
  FIXED_SIZE_CHANGED: {
    severity: "breaking",
    categories: ["TYPE"],
    purpose: "A fixed type changed size: existing data cannot be read."
  },
  TYPE_CHANGED: {
    severity: "breaking",
    categories: ["TYPE"],
    purpose: "A type changed to one Avro cannot resolve from it: existing data cannot be read."
  },
  TYPE_PROMOTED: {
    severity: "warning",
    categories: ["TYPE", "WIDENING"],
    purpose: "A type was promoted without loss (int to long or double, float to double, string to bytes).",
    reason: OLD_CONSUMERS_REASON
  },
  TYPE_PROMOTED_LOSSY: {
    severity: "warning",
    categories: ["TYPE", "WIDENING"],
    purpose: "A type was promoted with possible loss (int or long to float, long to double, bytes to string).",
    reason: "Avro promotes these types without checking that values fit, so the registry accepts this."
  },
  TYPE_NARROWED: {
    severity: "breaking",
    categories: ["TYPE", "NARROWING"],
    purpose: "A type was narrowed (the reverse of a promotion): existing data cannot be read."
  },
  UNION_BRANCH_ADDED: {
    severity: "warning",
    categories: ["TYPE", "WIDENING"],
    purpose: "A union gained a branch (a non-union counts as a union of one, so making a field nullable is one).",
    reason: OLD_CONSUMERS_REASON
  },
  UNION_BRANCH_REMOVED: {
    severity: "breaking",
    categories: ["TYPE", "NARROWING"],
    purpose: "A union lost a branch: existing data holding it cannot be read."
  },
  LOGICAL_TYPE_ADDED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A logical type was added to an existing type (e.g. int to date, string to uuid).",
    reason: LOGICAL_REASON
  },
  LOGICAL_TYPE_REMOVED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A logical type was removed: consumers get the raw underlying values.",
    reason: LOGICAL_REASON
  },
  LOGICAL_TYPE_CHANGED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A logical type was replaced by another one (e.g. date by time-millis).",
    reason: LOGICAL_REASON
  },
  DECIMAL_PRECISION_CHANGED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A decimal's precision changed.",
    reason: "Avro resolves decimals by their underlying bytes and ignores precision and scale (AVRO-2078), so the registry accepts this."
  },
  DECIMAL_SCALE_CHANGED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A decimal's scale changed: the same unscaled integer is read as another number.",
    reason: "Avro resolves decimals by their underlying bytes and ignores precision and scale (AVRO-2078), so the registry accepts this."
  },
  TIMESTAMP_UNIT_CHANGED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A timestamp, local-timestamp or time changed unit (millis, micros, nanos).",
    reason: LOGICAL_REASON
  },
  TIMESTAMP_TIMEZONE_CHANGED: {
    severity: "warning",
    categories: ["LOGICAL_TYPE"],
    purpose: "A timestamp (a UTC instant) became a local-timestamp (a wall-clock time without zone), or back.",
    reason: LOGICAL_REASON
  }
};
var RULE_IDS = Object.keys(RULES);

// src/avro/diff/changes.ts
function makeChange(rule, details) {
  const spec = RULES[rule];
  const change = {
    rule,
    severity: spec.severity,
    path: details.path,
    message: details.message
  };
  const reason = spec.severity === "warning" ? details.reason ?? spec.reason : void 0;
  if (reason !== void 0) change.reason = reason;
  if (details.before !== void 0) change.before = details.before;
  if (details.after !== void 0) change.after = details.after;
  if (details.element !== void 0) change.element = details.element;
  return change;
}

// src/avro/diff/context.ts
function rootPlace(after) {
  const path2 = "name" in after ? after.name : `(${after.kind === "primitive" ? after.type : after.kind})`;
  return { path: path2, subject: "the root", root: true };
}
function fieldPlace(record, recordFullName, oldName, newName) {
  return {
    path: `${record.path}.${newName}`,
    subject: `field '${newName}'`,
    owner: { kind: "field", record: recordFullName, name: oldName }
  };
}
function itemsPlace(place3) {
  return { path: `${place3.path}[]`, subject: `items of ${place3.subject}`, owner: place3.owner };
}
function valuesPlace(place3) {
  return { path: `${place3.path}{}`, subject: `values of ${place3.subject}`, owner: place3.owner };
}
function branchPlace(place3, branch, severalBranches) {
  if (place3.root && "name" in branch) return { path: branch.name, subject: place3.subject };
  if (!severalBranches) return place3;
  const label2 = "name" in branch ? branch.name : branch.kind === "primitive" ? branch.type : branch.kind;
  return { path: `${place3.path}<${label2}>`, subject: place3.subject, owner: place3.owner };
}
function refOf(node, suffix = "") {
  const pointer = `${node.pointer}${suffix}`;
  return node.file === void 0 ? { pointer } : { pointer, file: node.file };
}

// src/avro/diff/describe.ts
var MAX_TEXT = 60;
function describeType2(schema) {
  if ("name" in schema) return `${schema.kind} ${schema.name}`;
  return describeInner(schema, 0);
}
function describeInner(schema, depth) {
  if (depth > 3) return "...";
  switch (schema.kind) {
    case "primitive":
      return schema.type;
    case "array":
      return `array<${describeInner(schema.items, depth + 1)}>`;
    case "map":
      return `map<${describeInner(schema.values, depth + 1)}>`;
    case "union": {
      const branches = schema.branches.map((branch) => describeInner(branch, depth + 1)).join(", ");
      return depth === 0 ? `union [${branches}]` : `[${branches}]`;
    }
    default:
      return schema.name;
  }
}
function formatValue(value) {
  return truncate2(JSON.stringify(value) ?? "undefined");
}
function formatDoc(doc) {
  return doc === void 0 ? "(none)" : JSON.stringify(truncate2(doc));
}
function formatNamespace(namespace) {
  return namespace === "" ? "(none)" : namespace;
}
function truncate2(text) {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 3)}...` : text;
}
function jsonEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  const left = a;
  const right = b;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => key in right && jsonEqual(left[key], right[key]));
}

// src/avro/diff/promotion.ts
var PROMOTIONS2 = {
  int: { long: null, float: "int values beyond 2^24 lose precision", double: null },
  long: { float: "long values beyond 2^24 lose precision", double: "long values beyond 2^53 lose precision" },
  float: { double: null },
  string: { bytes: null },
  bytes: { string: "bytes that are not valid UTF-8 are altered" }
};
function relatePrimitives(before, after) {
  if (before === after) return { kind: "same" };
  const loss = PROMOTIONS2[before]?.[after];
  if (loss === null) return { kind: "promoted" };
  if (loss !== void 0) return { kind: "promoted-lossy", loss };
  if (PROMOTIONS2[after]?.[before] !== void 0) return { kind: "narrowed" };
  return { kind: "changed" };
}
function readableAs(before, after) {
  const kind = relatePrimitives(before, after).kind;
  return kind === "same" || kind === "promoted" || kind === "promoted-lossy";
}

// src/avro/diff/match.ts
function matchNamed(before, after) {
  if (before.name === after.name) return "name";
  return after.aliases.includes(before.fullName) ? "alias" : void 0;
}
function matchFields(before, after) {
  const unmatched = new Map(before.fields.map((field) => [field.name, field]));
  const byName = /* @__PURE__ */ new Map();
  for (const field of after.fields) {
    const old = unmatched.get(field.name);
    if (old) {
      byName.set(field, old);
      unmatched.delete(field.name);
    }
  }
  const entries = after.fields.map((field) => {
    const old = byName.get(field);
    if (old) return { after: field, before: old, renamed: false };
    const renamedFrom = field.aliases.map((alias) => unmatched.get(alias)).find((candidate) => candidate !== void 0);
    if (!renamedFrom) return { after: field, renamed: false };
    unmatched.delete(renamedFrom.name);
    return { after: field, before: renamedFrom, renamed: true };
  });
  return { entries, removed: before.fields.filter((field) => unmatched.get(field.name) === field) };
}
function matchBranches(before, after) {
  const left = new Set(before);
  const pairs = /* @__PURE__ */ new Map();
  const pass = (related) => {
    for (const next of after) {
      if (pairs.has(next)) continue;
      const old = [...left].find((candidate) => related(candidate, next));
      if (old) {
        pairs.set(next, old);
        left.delete(old);
      }
    }
  };
  pass(sameType);
  pass(promotionRelated);
  const unpaired = after.filter((next) => !pairs.has(next));
  if (unpaired.length === 1 && left.size === 1) pass(() => true);
  return {
    entries: after.map((next) => ({ after: next, before: pairs.get(next) })),
    removed: before.filter((old) => left.has(old))
  };
}
function sameType(old, next) {
  if (old.kind !== next.kind) return false;
  if (old.kind === "primitive" && next.kind === "primitive") return old.type === next.type;
  if ("name" in old && "name" in next) return matchNamed(old, next) !== void 0;
  return true;
}
function promotionRelated(old, next) {
  if (old.kind !== "primitive" || next.kind !== "primitive") return false;
  const kind = relatePrimitives(old.type, next.type).kind;
  return kind === "promoted" || kind === "promoted-lossy" || kind === "narrowed";
}

// src/avro/diff/deprecation.ts
var DOC_MARKER = /^\s*@deprecated(?![\w-])[\s:.-]*([\s\S]*)$/;
function deprecationOf(node) {
  const marker = node.attributes.deprecated;
  const docReason = reasonFromDoc(node.doc);
  if (typeof marker === "string") return withReason(marker.trim() || docReason);
  if (marker === true || docReason !== void 0) return withReason(docReason);
  return { deprecated: false };
}
function reasonFromDoc(doc) {
  if (doc === void 0) return void 0;
  const match = DOC_MARKER.exec(doc);
  return match ? (match[1] ?? "").replace(/\s+/g, " ").trim() : void 0;
}
function withReason(reason) {
  return reason ? { deprecated: true, reason } : { deprecated: true };
}

// src/avro/diff/annotations.ts
function compareAliases(walk2, what, before, after, renamedFrom, anchor) {
  for (const alias of after) {
    if (alias === renamedFrom || before.includes(alias)) continue;
    walk2.emit("ALIAS_ADDED", { ...anchor, message: `${what} gained alias '${alias}'` });
  }
  for (const alias of before) {
    if (after.includes(alias)) continue;
    walk2.emit("ALIAS_REMOVED", { ...anchor, message: `${what} lost alias '${alias}': data written as '${alias}' can no longer be read` });
  }
}
function compareDocs(walk2, rule, what, before, after, anchor) {
  if (before === after) return;
  walk2.emit(rule, { ...anchor, message: `${what} doc changed ${formatDoc(before)} -> ${formatDoc(after)}` });
}
function compareDeprecation(walk2, what, before, after, anchor) {
  const old = deprecationOf(before);
  const next = deprecationOf(after);
  if (!old.deprecated && next.deprecated) {
    const reason = next.reason ? `: ${next.reason}` : "";
    walk2.emit("DEPRECATION_ADDED", { ...anchor, message: `${what} marked deprecated${reason}` });
  } else if (old.deprecated && !next.deprecated) {
    walk2.emit("DEPRECATION_REMOVED", { ...anchor, message: `${what} no longer marked deprecated` });
  }
}

// src/avro/diff/logical.ts
var UNIT_EXPONENT = { millis: 3, micros: 6, nanos: 9 };
var UNIT_WORD = { millis: "milliseconds", micros: "microseconds", nanos: "nanoseconds" };
var TEMPORAL = /^(local-timestamp|timestamp|time)-(millis|micros|nanos)$/;
function compareLogical(before, after, underlying) {
  if (!before && !after) return [];
  if (!before) return [{ rule: "LOGICAL_TYPE_ADDED", text: `gained logical type ${label(after)}: ${addedEffect(after, underlying)}` }];
  if (!after) {
    return [{ rule: "LOGICAL_TYPE_REMOVED", text: `lost logical type ${label(before)}: consumers now get the raw ${underlying} instead of ${meaning(before)}` }];
  }
  if (before.name === "decimal" && after.name === "decimal") return compareDecimals(before, after);
  const temporalBefore = temporal(before);
  const temporalAfter = temporal(after);
  if (temporalBefore && temporalAfter && sameClock(temporalBefore, temporalAfter)) {
    return compareTemporals(before, after, temporalBefore, temporalAfter);
  }
  if (before.name === after.name) return [];
  return [{ rule: "LOGICAL_TYPE_CHANGED", text: `${changed(before, after)}: existing ${meaning(before)} are now read as ${meaning(after)}` }];
}
function compareDecimals(before, after) {
  const findings = [];
  const precisionBefore = before.precision ?? 0;
  const precisionAfter = after.precision ?? 0;
  if (precisionAfter < precisionBefore) {
    findings.push({ rule: "DECIMAL_PRECISION_CHANGED", text: `${changed(before, after)}: values with more than ${precisionAfter} digits do not fit` });
  } else if (precisionAfter > precisionBefore) {
    findings.push({ rule: "DECIMAL_PRECISION_CHANGED", text: `${changed(before, after)}: consumers sized for ${precisionBefore} digits may overflow` });
  }
  const shift = (before.scale ?? 0) - (after.scale ?? 0);
  if (shift !== 0) {
    const factor = `${10 ** Math.abs(shift)} times too ${shift > 0 ? "large" : "small"}`;
    findings.push({ rule: "DECIMAL_SCALE_CHANGED", text: `${changed(before, after)}: existing bytes will be read with the wrong scale, ${factor}` });
  }
  return findings;
}
function sameClock(before, after) {
  return before.family === "time" === (after.family === "time");
}
function compareTemporals(before, after, old, next) {
  const findings = [];
  const shift = (UNIT_EXPONENT[next.unit] ?? 0) - (UNIT_EXPONENT[old.unit] ?? 0);
  if (shift !== 0) {
    const factor = `${10 ** Math.abs(shift)} times too ${shift > 0 ? "small" : "large"}`;
    findings.push({ rule: "TIMESTAMP_UNIT_CHANGED", text: `${changed(before, after)}: existing values will be read ${factor}` });
  }
  if (old.family !== next.family) {
    const text = next.family === "local-timestamp" ? "UTC instants will be read as local date-times" : "local date-times will be read as UTC instants";
    findings.push({ rule: "TIMESTAMP_TIMEZONE_CHANGED", text: `${changed(before, after)}: ${text}` });
  }
  return findings;
}
function temporal(logicalType) {
  const match = TEMPORAL.exec(logicalType.name);
  return match ? { family: match[1], unit: match[2] } : void 0;
}
function addedEffect(logicalType, underlying) {
  return logicalType.name === "uuid" ? `existing ${underlying} values that are not valid UUIDs fail in consumers that convert them` : `existing ${underlying} values are now read as ${meaning(logicalType)}`;
}
function changed(before, after) {
  return `changed logical type ${label(before)} -> ${label(after)}`;
}
function label(logicalType) {
  return logicalType.name === "decimal" ? `decimal(${logicalType.precision ?? "?"},${logicalType.scale ?? 0})` : logicalType.name;
}
function meaning(logicalType) {
  const found = temporal(logicalType);
  if (found) {
    const unit = UNIT_WORD[found.unit];
    if (found.family === "time") return `${unit} since midnight`;
    return `${unit} since the epoch${found.family === "timestamp" ? ", UTC" : " in local time"}`;
  }
  switch (logicalType.name) {
    case "decimal":
      return `${label(logicalType)} numbers`;
    case "date":
      return "days since 1970-01-01";
    case "uuid":
      return "UUIDs";
    case "duration":
      return "durations";
    default:
      return `${logicalType.name} values`;
  }
}

// src/avro/diff/primitive.ts
var STRING_BYTES_REASON = "Avro converts between string and bytes in both directions, so the registry accepts this; consumer code now sees another type.";
function comparePrimitives(walk2, before, after, place3) {
  const relation = relatePrimitives(before.type, after.type);
  const details = { path: place3.path, before: refOf(before), after: refOf(after), element: place3.owner };
  const change = `${before.type} -> ${after.type}`;
  switch (relation.kind) {
    case "same":
      break;
    case "promoted": {
      const toBytes = after.type === "bytes";
      const effect = toBytes ? "consumers now get UTF-8 bytes instead of text" : "consumers on the old schema cannot read the new values";
      walk2.emit("TYPE_PROMOTED", {
        ...details,
        message: `${place3.subject} type promoted ${change}: ${effect}`,
        reason: toBytes ? STRING_BYTES_REASON : void 0
      });
      break;
    }
    case "promoted-lossy":
      walk2.emit("TYPE_PROMOTED_LOSSY", { ...details, message: `${place3.subject} type promoted ${change}: ${relation.loss}` });
      break;
    case "narrowed":
      walk2.emit("TYPE_NARROWED", { ...details, message: `${place3.subject} type narrowed ${change}: existing ${before.type} values cannot be read` });
      return;
    case "changed":
      walk2.emit("TYPE_CHANGED", { ...details, message: `${place3.subject} type changed ${change}: existing data cannot be read` });
      return;
  }
  compareLogicalTypes(walk2, before, after, place3, after.type);
}
function compareLogicalTypes(walk2, before, after, place3, underlying) {
  for (const finding2 of compareLogical(before.logicalType, after.logicalType, underlying)) {
    walk2.emit(finding2.rule, {
      path: place3.path,
      message: `${place3.subject} ${finding2.text}`,
      before: refOf(before),
      after: refOf(after),
      element: place3.owner
    });
  }
}

// src/avro/diff/named.ts
function compareNamedHeader(walk2, before, after, place3, match) {
  const anchor = { path: place3.path, before: refOf(before), after: refOf(after), element: { kind: "type", name: before.fullName } };
  const what = `${after.kind} '${after.name}'`;
  if (match === "alias") {
    walk2.emit("NAME_CHANGED", {
      ...anchor,
      message: `${before.kind} '${before.fullName}' renamed to '${after.fullName}' through an alias: consumers on the old schema fail with a name mismatch`
    });
  } else if (before.namespace !== after.namespace) {
    walk2.emit("NAMESPACE_CHANGED", {
      ...anchor,
      message: `${what} namespace changed ${formatNamespace(before.namespace)} -> ${formatNamespace(after.namespace)}: readers that match full names fail`
    });
  }
  compareAliases(walk2, what, before.aliases, after.aliases, match === "alias" ? before.fullName : void 0, anchor);
  compareDocs(walk2, "DOC_CHANGED", what, before.doc, after.doc, anchor);
  compareDeprecation(walk2, what, before, after, anchor);
}
function compareEnums(walk2, before, after, place3) {
  const what = `enum '${after.name}'`;
  const symbol = (name) => ({ kind: "symbol", record: before.fullName, name });
  const oldSymbols = new Set(before.symbols);
  const newSymbols = new Set(after.symbols);
  after.symbols.forEach((name, index) => {
    if (oldSymbols.has(name)) return;
    const effect = before.default === void 0 ? "consumers on the old schema fail on it" : `consumers on the old schema read it as '${before.default}'`;
    walk2.emit("ENUM_SYMBOL_ADDED", {
      path: place3.path,
      message: `${what} gained symbol '${name}': ${effect}`,
      before: refOf(before),
      after: refOf(after, `/symbols/${index}`),
      element: symbol(name)
    });
  });
  compareEnumDefaults(walk2, before, after, place3);
  before.symbols.forEach((name, index) => {
    if (newSymbols.has(name)) return;
    const anchor = { path: place3.path, before: refOf(before, `/symbols/${index}`), after: refOf(after), element: symbol(name) };
    if (after.default === void 0) {
      walk2.emit("ENUM_SYMBOL_REMOVED", { ...anchor, message: `${what} lost symbol '${name}' and has no default: existing data holding it cannot be read` });
    } else {
      walk2.emit("ENUM_SYMBOL_REMOVED_WITH_DEFAULT", { ...anchor, message: `${what} lost symbol '${name}': existing data holding it will be read as '${after.default}'` });
    }
  });
}
function compareEnumDefaults(walk2, before, after, place3) {
  const old = before.default;
  const next = after.default;
  if (old === next) return;
  const what = `enum '${after.name}'`;
  const anchor = {
    path: place3.path,
    before: refOf(before, old === void 0 ? "" : "/default"),
    after: refOf(after, next === void 0 ? "" : "/default"),
    element: { kind: "type", name: before.fullName }
  };
  if (old === void 0) {
    walk2.emit("ENUM_DEFAULT_ADDED", { ...anchor, message: `${what} gained default '${next}'` });
  } else if (next === void 0) {
    walk2.emit("ENUM_DEFAULT_REMOVED", { ...anchor, message: `${what} lost its default '${old}': symbols it does not know will fail instead of reading as '${old}'` });
  } else {
    walk2.emit("ENUM_DEFAULT_CHANGED", { ...anchor, message: `${what} default changed '${old}' -> '${next}': symbols it does not know now read as '${next}'` });
  }
}
function compareFixed(walk2, before, after, place3) {
  if (before.size !== after.size) {
    walk2.emit("FIXED_SIZE_CHANGED", {
      path: place3.path,
      message: `fixed '${after.name}' size changed ${before.size} -> ${after.size}: existing data cannot be read`,
      before: refOf(before, "/size"),
      after: refOf(after, "/size"),
      element: { kind: "type", name: before.fullName }
    });
    return;
  }
  compareLogicalTypes(walk2, before, after, place3, "fixed");
}

// src/avro/diff/record.ts
function compareRecords(walk2, before, after, place3) {
  const { entries, removed } = matchFields(before, after);
  for (const entry of entries) {
    if (entry.before) compareFields(walk2, before.fullName, entry.before, entry.after, entry.renamed, place3);
    else fieldAdded(walk2, before.fullName, entry.after, place3);
  }
  for (const field of removed) fieldRemoved(walk2, before.fullName, field, place3);
}
function compareFields(walk2, record, before, after, renamed, recordPlace) {
  const place3 = fieldPlace(recordPlace, record, before.name, after.name);
  const anchor = { path: place3.path, before: refOf(before), after: refOf(after), element: place3.owner };
  const what = `field '${after.name}'`;
  if (renamed) {
    const effect = before.default ? `consumers on the old schema will read its default ${formatValue(before.default.value)} instead` : `consumers on the old schema cannot read new data, which lacks '${before.name}'`;
    walk2.emit("FIELD_RENAMED", { ...anchor, message: `field '${before.name}' renamed to '${after.name}' through an alias: ${effect}` });
  }
  compareDefaults(walk2, what, before, after, anchor);
  if (before.order !== after.order) {
    walk2.emit("FIELD_ORDER_CHANGED", { ...anchor, message: `${what} sort order changed ${before.order} -> ${after.order}` });
  }
  compareAliases(walk2, what, before.aliases, after.aliases, renamed ? before.name : void 0, anchor);
  compareDocs(walk2, "FIELD_DOC_CHANGED", what, before.doc, after.doc, anchor);
  compareDeprecation(walk2, what, before, after, anchor);
  walk2.compare(before.type, after.type, place3);
}
function compareDefaults(walk2, what, before, after, anchor) {
  const old = before.default;
  const next = after.default;
  if (!old && next) {
    walk2.emit("FIELD_DEFAULT_ADDED", { ...anchor, message: `${what} gained default ${formatValue(next.value)}` });
  } else if (old && !next) {
    walk2.emit("FIELD_DEFAULT_REMOVED", {
      ...anchor,
      message: `${what} lost its default ${formatValue(old.value)}: data without the field can no longer be read`
    });
  } else if (old && next && !jsonEqual(old.value, next.value)) {
    walk2.emit("FIELD_DEFAULT_CHANGED", {
      ...anchor,
      message: `${what} default changed ${formatValue(old.value)} -> ${formatValue(next.value)}: records written without the field now read ${formatValue(next.value)}`
    });
  }
}
function fieldAdded(walk2, record, field, recordPlace) {
  const details = {
    path: `${recordPlace.path}.${field.name}`,
    after: refOf(field),
    element: { kind: "field", record, name: field.name }
  };
  if (field.default) {
    walk2.emit("FIELD_ADDED", { ...details, message: `field '${field.name}' added with default ${formatValue(field.default.value)}` });
  } else {
    walk2.emit("FIELD_ADDED_WITHOUT_DEFAULT", {
      ...details,
      message: `field '${field.name}' added without a default: consumers on the new schema cannot read existing data, which lacks it`
    });
  }
}
function fieldRemoved(walk2, record, field, recordPlace) {
  const details = {
    path: `${recordPlace.path}.${field.name}`,
    before: refOf(field),
    element: { kind: "field", record, name: field.name }
  };
  if (field.default) {
    walk2.emit("FIELD_REMOVED_WITH_DEFAULT", {
      ...details,
      message: `field '${field.name}' removed: consumers on the old schema will read its default ${formatValue(field.default.value)} instead`
    });
  } else {
    walk2.emit("FIELD_REMOVED", {
      ...details,
      message: `field '${field.name}' removed, and it had no default: consumers on the old schema cannot read new data`
    });
  }
}

// src/avro/diff/union.ts
function compareUnions(walk2, before, after, place3) {
  const oldBranches = branchesOf(before);
  const newBranches = branchesOf(after);
  const several = newBranches.filter((branch) => !(branch.kind === "primitive" && branch.type === "null")).length > 1;
  const { entries, removed } = matchBranches(oldBranches, newBranches);
  for (const entry of entries) {
    if (entry.before) walk2.compare(entry.before, entry.after, branchPlace(place3, entry.after, several));
    else branchAdded(walk2, before, entry.after, oldBranches, place3);
  }
  for (const branch of removed) branchRemoved(walk2, branch, after, newBranches, place3);
}
function branchesOf(schema) {
  return schema.kind === "union" ? schema.branches : [schema];
}
function branchAdded(walk2, before, branch, oldBranches, place3) {
  const reader = primitiveReader(branch, oldBranches);
  const effect = reader ? `consumers on the old schema read its values as ${reader}` : "consumers on the old schema cannot read values in it";
  walk2.emit("UNION_BRANCH_ADDED", {
    path: place3.path,
    message: `${place3.subject} gained union branch ${describeType2(branch)}: ${effect}`,
    before: refOf(before),
    after: refOf(branch),
    element: place3.owner
  });
}
function branchRemoved(walk2, branch, after, newBranches, place3) {
  const anchor = { path: place3.path, before: refOf(branch), after: refOf(after) };
  const reader = primitiveReader(branch, newBranches);
  if (reader && branch.kind === "primitive") {
    const relation = relatePrimitives(branch.type, reader);
    const lossy = relation.kind === "promoted-lossy";
    walk2.emit(lossy ? "TYPE_PROMOTED_LOSSY" : "TYPE_PROMOTED", {
      ...anchor,
      message: `${place3.subject} merged union branch ${branch.type} into ${reader}: ${lossy ? relation.loss : `existing ${branch.type} values are read as ${reader}`}`,
      reason: "Avro reads values of a removed union branch through a promotion to a remaining branch, so the registry accepts this.",
      element: place3.owner
    });
    return;
  }
  const element = "name" in branch ? { kind: "type", name: branch.fullName } : place3.owner;
  walk2.emit("UNION_BRANCH_REMOVED", {
    ...anchor,
    message: `${place3.subject} lost union branch ${describeType2(branch)}: existing ${describeType2(branch)} values cannot be read`,
    element
  });
}
function primitiveReader(branch, branches) {
  if (branch.kind !== "primitive") return void 0;
  for (const candidate of branches) {
    if (candidate.kind === "primitive" && candidate.type !== branch.type && readableAs(branch.type, candidate.type)) {
      return candidate.type;
    }
  }
  return void 0;
}

// src/avro/diff/walk.ts
function diffSchemas(before, after) {
  const changes = [];
  const visited = /* @__PURE__ */ new Map();
  const walk2 = {
    emit: (rule, details) => changes.push(makeChange(rule, details)),
    compare: (old, next, place3) => compareTypes(walk2, visited, old, next, place3)
  };
  walk2.compare(before, after, rootPlace(after));
  return changes;
}
function compareTypes(walk2, visited, before, after, place3) {
  if (before.kind === "union" || after.kind === "union") return compareUnions(walk2, before, after, place3);
  if (isNamed(before) && isNamed(after)) return compareNamed(walk2, visited, before, after, place3);
  if (before.kind === "primitive" && after.kind === "primitive") return comparePrimitives(walk2, before, after, place3);
  if (before.kind === "array" && after.kind === "array") return walk2.compare(before.items, after.items, itemsPlace(place3));
  if (before.kind === "map" && after.kind === "map") return walk2.compare(before.values, after.values, valuesPlace(place3));
  typeChanged(walk2, before, after, place3);
}
function compareNamed(walk2, visited, before, after, place3) {
  const match = before.kind === after.kind ? matchNamed(before, after) : void 0;
  if (!match) return typeChanged(walk2, before, after, place3);
  if (!firstVisit(visited, before, after)) return;
  compareNamedHeader(walk2, before, after, place3, match);
  if (before.kind === "record" && after.kind === "record") compareRecords(walk2, before, after, place3);
  else if (before.kind === "enum" && after.kind === "enum") compareEnums(walk2, before, after, place3);
  else if (before.kind === "fixed" && after.kind === "fixed") compareFixed(walk2, before, after, place3);
}
function firstVisit(visited, before, after) {
  const seen = visited.get(before) ?? /* @__PURE__ */ new Set();
  if (seen.has(after)) return false;
  visited.set(before, seen.add(after));
  return true;
}
function typeChanged(walk2, before, after, place3) {
  walk2.emit("TYPE_CHANGED", {
    path: place3.path,
    message: `${place3.subject} type changed ${describeType2(before)} -> ${describeType2(after)}: existing data cannot be read`,
    before: refOf(before),
    after: refOf(after),
    element: place3.owner
  });
}

// src/policy/report/evolution.ts
import { deflateRawSync, inflateRawSync } from "node:zlib";
var Evolution = class _Evolution {
  constructor(packed, versions) {
    this.packed = packed;
    this.versions = versions;
  }
  packed;
  versions;
  /** Undefined when no version has a predecessor to differ from. */
  static pack(perVersion) {
    if (perVersion.every((changes) => changes === void 0)) return void 0;
    const text = JSON.stringify(perVersion.map((changes) => changes ?? null));
    return new _Evolution(Buffer.from(deflateRawSync(text, { level: 1 })), perVersion.length);
  }
  /** The changes of every version, index-aligned with the subject's history. */
  unpack() {
    const parsed = JSON.parse(inflateRawSync(this.packed).toString("utf8"));
    return parsed.map((changes) => changes ?? void 0);
  }
};

// src/policy/check/positions.ts
var EXCERPT_WIDTH = 160;
var EXCERPT_LEAD = 60;
function positionOfNode(candidate, node) {
  const own = node?.file !== void 0 ? candidate.documents.get(node.file) : void 0;
  const file = own && node?.file !== void 0 ? node.file : candidate.file;
  const document = own ?? candidate.documents.get(candidate.file);
  const at2 = document ? nearestPosition(document, own && node ? node.pointer : "") : void 0;
  return withCommit(candidate.commit, {
    file,
    ...at2 && { line: at2.line, column: at2.column, excerpt: excerptOf(document?.lineText(at2.line) ?? "", at2.column) }
  });
}
function positionOfError(error, fallbackFile, text) {
  const file = error.file ?? fallbackFile;
  if (error.line === void 0) return { file };
  const column = error.column ?? 1;
  const line2 = text === void 0 ? void 0 : lineOfText(text, error.line);
  return { file, line: error.line, column, ...line2 !== void 0 && { excerpt: excerptOf(line2, column) } };
}
function excerptOf(line2, column) {
  const expanded = line2.replace(/\t/g, " ");
  if (expanded.length <= EXCERPT_WIDTH) return { text: detached(expanded), column };
  const start = Math.max(0, Math.min(column - 1 - EXCERPT_LEAD, expanded.length - EXCERPT_WIDTH));
  const prefix = start > 0 ? "\u2026" : "";
  const end = start + EXCERPT_WIDTH;
  const suffix = end < expanded.length ? "\u2026" : "";
  return { text: detached(`${prefix}${expanded.slice(start, end)}${suffix}`), column: column - start + prefix.length };
}
function detached(text) {
  return ` ${text}`.slice(1);
}
function lineOfText(text, line2) {
  let start = 0;
  for (let current = 1; current < line2; current++) {
    const next = nextBreak(text, start);
    if (next < 0) return "";
    start = next + (text.startsWith("\r\n", next) ? 2 : 1);
  }
  const end = nextBreak(text, start);
  return text.slice(start, end < 0 ? text.length : end);
}
function nextBreak(text, from) {
  const lf = text.indexOf("\n", from);
  const cr = text.indexOf("\r", from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}
function withCommit(commit, position) {
  return commit === void 0 ? position : { ...position, commit };
}

// src/policy/check/evaluate.ts
function evaluateSubject(input) {
  const evolution = input.audit ? Evolution.pack(changesPerVersion(input.history)) : void 0;
  const base = { ...entryBase(input), history: input.history.map((version) => version.meta), ...evolution !== void 0 && { evolution } };
  const { candidate } = input;
  const incompatibilities = input.audit ? auditHistory(input.history, input.level) : [];
  if (candidate === void 0) {
    return { ...base, status: "deleted", compatible: true, incompatibilities, changes: [] };
  }
  const latest = input.history[input.history.length - 1];
  const alreadyAudited = input.audit && latest !== void 0 && latest.parsed.text === candidate.text;
  if (latest !== void 0 && !alreadyAudited) {
    const result = checkLevel(candidate.loaded.schema, input.history.map((v) => v.parsed.loaded.schema), input.level);
    incompatibilities.push(...result.findings.map((finding2) => incompatibilityOf(finding2, candidate.documents)));
  }
  const changes = latest === void 0 ? [] : diffSchemas(latest.parsed.loaded.schema, candidate.loaded.schema).map((c) => changeOf(c, candidate.documents));
  const status3 = incompatibilities.length > 0 ? "incompatible" : latest === void 0 ? "new" : "compatible";
  return { ...base, status: status3, compatible: status3 !== "incompatible", incompatibilities, changes };
}
function errorSubject(base, error, history = []) {
  return { ...entryBase(base), history, status: "error", compatible: false, incompatibilities: [], changes: [], error };
}
function entryBase(base) {
  return {
    subject: base.subject,
    file: base.file,
    ...base.previousFile !== void 0 && { previousFile: base.previousFile },
    level: base.level,
    warnings: base.warnings
  };
}
function auditHistory(history, level3) {
  const found = [];
  for (let i = 1; i < history.length; i++) {
    const version = history[i];
    const earlier = history.slice(0, i).map((v) => v.parsed.loaded.schema);
    const result = checkLevel(version.parsed.loaded.schema, earlier, level3);
    found.push(...result.findings.map((finding2) => incompatibilityOf(finding2, version.parsed.documents, i)));
  }
  return found;
}
function changesPerVersion(history) {
  return history.map((version, i) => {
    const previous = history[i - 1];
    if (previous === void 0) return void 0;
    return diffSchemas(previous.parsed.loaded.schema, version.parsed.loaded.schema).map((change) => changeOf(change, version.parsed.documents));
  });
}
function incompatibilityOf(finding2, documents, candidateVersion) {
  return {
    type: finding2.type,
    location: finding2.location,
    message: finding2.message,
    description: finding2.description,
    version: finding2.version,
    direction: finding2.direction,
    ...candidateVersion !== void 0 && { candidateVersion },
    // newNode is the candidate's side: the reader when it reads old data, the writer when old readers read it.
    ...positionOfNode(documents, finding2.newNode)
  };
}
function changeOf(change, documents) {
  return {
    rule: change.rule,
    severity: change.severity,
    path: change.path,
    message: change.message,
    ...change.reason !== void 0 && { reason: change.reason },
    ...change.after !== void 0 && { position: positionOfNode(documents, change.after) }
  };
}

// src/policy/check/load-candidate.ts
function loadFromClosure(root, closure, strict, commit) {
  const own = closure.get(root);
  if (own === void 0) throw new Error(`internal: ${root} missing from its own closure`);
  if (own.error !== void 0 || own.text === void 0) return failure(own.error, own.text);
  for (const source of closure.values()) {
    if (source.error !== void 0) {
      const hint = `${source.error.hint ?? ""} ${root} uses types defined in this file.`.trim();
      return failure(source.error.withDetails({ hint }), source.text);
    }
  }
  const sources = [...closure.values()].map((source) => ({ file: source.file, text: source.text ?? "", ...source.document !== void 0 && { document: source.document } }));
  let loaded3;
  try {
    loaded3 = loadSchemaSet(sources, { strict });
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    const text = error.file === void 0 || error.file === root ? own.text : closure.get(error.file)?.text;
    return failure(error, text);
  }
  const documents = /* @__PURE__ */ new Map();
  for (const [file, schema] of loaded3) if (schema.document) documents.set(file, schema.document);
  const value = loaded3.get(root);
  if (value === void 0) throw new Error(`internal: ${root} was not loaded`);
  return { ok: true, value: { loaded: value, text: own.text, documents: { file: root, documents, ...commit !== void 0 && { commit } } } };
}
function failure(error, text) {
  if (error === void 0) throw new Error("internal: a source without text has no error");
  return { ok: false, error, ...text !== void 0 && { text } };
}

// src/policy/check/naming.ts
function nameSubject(file, mapping, schema) {
  try {
    return { subject: subjectNameFor(file, mapping, schema !== void 0 && isNamed(schema) ? schema.fullName : void 0) };
  } catch (error) {
    if (!(error instanceof SubjectNamingError)) throw error;
    return { subject: null, error: { code: "SUBJECT_NAMING", message: error.message, file } };
  }
}
function schemaErrorEntry(error, file, text) {
  return { code: error.code, message: error.message, ...positionOfError(error, file, text) };
}
function markDuplicateSubjects(subjects) {
  const live = /* @__PURE__ */ new Map();
  const retired = /* @__PURE__ */ new Map();
  for (const entry of subjects) {
    if (entry.subject === null) continue;
    const byName = entry.status === "deleted" ? retired : live;
    byName.set(entry.subject, [...byName.get(entry.subject) ?? [], entry]);
  }
  return subjects.map((entry) => {
    if (entry.subject === null || entry.status === "deleted") return entry;
    const others = (live.get(entry.subject) ?? []).filter((other) => other !== entry).map((other) => other.file);
    if (others.length > 0) {
      const message = `${entry.file}: ${others.join(", ")} also map${others.length === 1 ? "s" : ""} to subject ${JSON.stringify(entry.subject)}; give each file its own subject in the config`;
      return asError(entry, "DUPLICATE_SUBJECT", message);
    }
    const moved = (retired.get(entry.subject) ?? []).map((other) => other.file);
    if (moved.length > 0) {
      const message = `${entry.file}: subject ${JSON.stringify(entry.subject)} was in ${moved.join(", ")}, which this change deletes; git did not see a rename, so the history would be lost. Move the file with \`git mv\` in a commit of its own, then edit it`;
      return asError(entry, "SUBJECT_MOVED", message);
    }
    return entry;
  });
}
function asError(entry, code, message) {
  return { ...entry, status: "error", compatible: false, incompatibilities: [], changes: [], error: { code, message, file: entry.file } };
}

// src/policy/check/registry-verdict.ts
function registrySubjectReport(input) {
  const local = evaluateSubject({ ...input, audit: false });
  const localVerdict = local.status === "incompatible" ? "incompatible" : local.status === "new" ? "new" : "compatible";
  const { answer } = input;
  const warnings = [...local.warnings, ...levelWarning(input)];
  const verdict = (v, messages = []) => ({ verdict: v, messages, local: localVerdict, references: input.references });
  if (answer.kind === "unchecked") {
    const why = `the registry was not asked because ${answer.problems.join("; ")}; the verdict is the local engine's on the registry's ${input.history.length} version(s)`;
    return { ...local, warnings: [...warnings, why], registry: verdict("unchecked") };
  }
  if (answer.kind === "new" || input.history.length === 0 && answer.result.compatible) {
    return { ...local, status: "new", compatible: true, incompatibilities: [], warnings, registry: verdict("new", answer.kind === "new" ? [] : answer.result.messages) };
  }
  const { result } = answer;
  if (input.history.length === 0) {
    const message = `${input.file}: the registry rejects the schema: ${result.messages.join("; ") || "no reason given"}`;
    return { ...local, status: "error", compatible: false, warnings, error: { code: "REGISTRY_REJECTED", message, file: input.file }, registry: verdict("incompatible", result.messages) };
  }
  const registryVerdict = verdict(result.compatible ? "compatible" : "incompatible", result.messages);
  const agree = result.compatible === (localVerdict !== "incompatible");
  const crossCheck = agree ? [] : [disagreement(input, result.compatible, local.incompatibilities)];
  if (result.compatible) {
    return { ...local, status: "compatible", compatible: true, incompatibilities: [], warnings: [...warnings, ...crossCheck], registry: registryVerdict };
  }
  const findings = localVerdict === "incompatible" ? local.incompatibilities : result.incompatibilities.map((found) => fromRegistry(found, input));
  return { ...local, status: "incompatible", compatible: false, incompatibilities: findings, warnings: [...warnings, ...crossCheck], registry: registryVerdict };
}
function levelWarning(input) {
  if (input.configLevel === input.level) return [];
  return [`the config gives this subject ${input.configLevel} but the registry applies ${input.level}; the registry's level is used (align the config, or change the subject's level in the registry)`];
}
function disagreement(input, registryCompatible, localFindings) {
  const registry = registryCompatible ? "compatible" : "incompatible";
  const local = registryCompatible ? `incompatible (${[...new Set(localFindings.map((f) => f.type))].join(", ")})` : "compatible";
  return `cross-check disagreement: the registry says ${registry} but the local engine says ${local} on the same ${input.history.length} registered version(s) at ${input.level}; the registry's verdict stands. Please report this with both schemas.`;
}
function fromRegistry(found, input) {
  const direction = directionOf(found, input.level);
  const index = input.history.findIndex((v) => v.meta.registry?.version === found.oldSchemaVersion);
  const pointer = found.location === "/" ? "" : found.location;
  const node = direction === "backward" && found.location !== "" ? { pointer, file: input.candidate.documents.file } : void 0;
  return {
    type: found.type,
    location: found.location,
    message: found.message,
    description: found.description ?? found.message,
    version: index >= 0 ? index : input.history.length - 1,
    direction,
    ...positionOfNode(input.candidate.documents, node)
  };
}
function directionOf(found, level3) {
  const side = /path '[^']*'\)? (?:of a field )?in the (new|old) schema/.exec(found.description ?? "")?.[1];
  if (side !== void 0) return side === "new" ? "backward" : "forward";
  return level3.startsWith("FORWARD") ? "forward" : "backward";
}

// src/policy/check/registry-versions.ts
var MAX_REFERENCE_DEPTH = 32;
async function registryHistory(registered, facts, file) {
  const versions = [];
  const warnings = [];
  for (const version of registered) {
    const label2 = `registry version ${version.version} (id ${version.id}) of ${version.subject}`;
    if (version.schemaType !== "AVRO") {
      warnings.push(`${label2} is ${version.schemaType}, not Avro, and was skipped`);
      continue;
    }
    let sources;
    try {
      sources = await referencedSources(version.references, facts, 0);
    } catch (error) {
      if (!(error instanceof RegistryError) || error.kind !== "not-found") throw error;
      warnings.push(`${label2} references a version the registry no longer has and was skipped: ${error.message}`);
      continue;
    }
    const own = `${version.subject}@${version.version}`;
    try {
      const loaded3 = loadSchemaSet([...sources, { file: own, text: version.schema }], { strict: false, names: "lenient" }).get(own);
      if (loaded3 === void 0) throw new Error(`internal: ${own} was not loaded`);
      const documents = new Map(loaded3.document ? [[own, loaded3.document]] : []);
      const meta = { version: versions.length, file, registry: { subject: version.subject, version: version.version, id: version.id } };
      versions.push({ meta, parsed: { loaded: loaded3, text: version.schema, documents: { file: own, documents } } });
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      warnings.push(`${label2} does not parse and was skipped: ${error.message}`);
    }
  }
  return { versions, warnings };
}
async function referencedSources(references2, facts, depth) {
  if (references2.length === 0 || depth > MAX_REFERENCE_DEPTH) return [];
  const found = /* @__PURE__ */ new Map();
  const fetched = await Promise.all(references2.map((reference3) => facts.referenced(reference3)));
  for (const version of fetched) {
    for (const source of await referencedSources(version.references, facts, depth + 1)) found.set(source.file, source);
    found.set(`${version.subject}@${version.version}`, { file: `${version.subject}@${version.version}`, text: version.schema });
  }
  return [...found.values()];
}

// src/policy/check/sources.ts
var MAX_SCHEMA_BYTES = 8 * 1024 * 1024;
function scanSource(file, bytes) {
  if (bytes.length > MAX_SCHEMA_BYTES) {
    const error = new SchemaError("TOO_LARGE", `the file is ${bytes.length} bytes, more than the ${MAX_SCHEMA_BYTES}-byte limit`, {
      file,
      line: 1,
      column: 1,
      hint: "A schema registry with default settings accepts schemas up to about 1 MB; split the schema."
    });
    return { file, error };
  }
  let text;
  try {
    text = decodeSchemaBytes(bytes, file);
    const document = parseJsonDocument(text, { file });
    return { file, text, scan: scanNamedTypes(document.value), document };
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    return { file, ...text !== void 0 && { text }, error };
  }
}
function nameIndexOf(sources) {
  const index = /* @__PURE__ */ new Map();
  for (const source of sources) {
    for (const name of source.scan?.defines ?? []) index.set(name, [...index.get(name) ?? [], source.file]);
  }
  return index;
}
function dependenciesOf(source, index) {
  const files = /* @__PURE__ */ new Set();
  for (const reference3 of source.scan?.references ?? []) {
    const definers = reference3.candidates.map((name) => index.get(name)).find((found) => found !== void 0);
    for (const file of definers ?? []) if (file !== source.file) files.add(file);
  }
  return [...files];
}
async function sourceClosure(root, read, index) {
  const closure = /* @__PURE__ */ new Map();
  const tried = /* @__PURE__ */ new Set([root]);
  let pending = [root];
  while (pending.length > 0) {
    const sources = await read(pending);
    const next = [];
    for (const file of pending) {
      const source = sources.get(file);
      if (source === void 0) continue;
      closure.set(file, source);
      for (const dependency of dependenciesOf(source, index)) {
        if (!tried.has(dependency)) {
          tried.add(dependency);
          next.push(dependency);
        }
      }
    }
    pending = next;
  }
  return closure;
}

// src/policy/check/registry-check.ts
var RegistryCheckError = class extends Error {
  constructor(message, kind, detail) {
    super(message);
    this.kind = kind;
    this.detail = detail;
  }
  kind;
  detail;
  name = "RegistryCheckError";
};
var UNAVAILABLE = ["network", "timeout", "server", "rate-limited", "malformed-response"];
var REFUSED = ["unauthorized", "forbidden", "tls", "invalid-settings", "http"];
var SUBJECTS_PER_SLOT = 2;
async function checkTargetsAgainstRegistry(targets, ctx) {
  const stop = stopAfterFailure(ctx.facts);
  const guarded = { ...ctx, facts: stop.facts };
  const results = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      stop.check();
      results[index] = await checkOne(targets[index], guarded);
    }
  };
  const slots = Math.max(1, ctx.concurrency * SUBJECTS_PER_SLOT);
  try {
    await Promise.all(Array.from({ length: Math.min(slots, targets.length) }, worker));
  } catch (error) {
    throw runFailure(error);
  }
  return results;
}
function stopAfterFailure(facts) {
  let stopped3;
  const guard = (ask2) => async (...args) => {
    if (stopped3 !== void 0) throw stopped3;
    try {
      return await ask2(...args);
    } catch (error) {
      if (error instanceof RegistryError && (UNAVAILABLE.includes(error.kind) || REFUSED.includes(error.kind))) stopped3 ??= error;
      throw error;
    }
  };
  const guarded = {
    level: guard(facts.level),
    versions: guard(facts.versions),
    latest: guard(facts.latest),
    referenced: guard(facts.referenced),
    lookup: guard(facts.lookup),
    check: guard(facts.check)
  };
  return {
    facts: guarded,
    check: () => {
      if (stopped3 !== void 0) throw stopped3;
    }
  };
}
async function checkOne(target, ctx) {
  const mapping = ctx.resolver.mappingFor(target.file);
  const base = {
    subject: null,
    file: target.file,
    ...target.kind === "renamed" && { previousFile: target.historyPath },
    level: mapping.level,
    warnings: []
  };
  if (target.kind === "deleted") return retirement(target, base, mapping, ctx);
  const { workspace } = ctx;
  const unreadable3 = workspace.sources.has(target.file) ? void 0 : workspace.unreadable.get(target.file) ?? `${target.file}: cannot read the file`;
  if (unreadable3 !== void 0) return errorSubject(base, { code: "READ_ERROR", message: unreadable3, file: target.file });
  const closure = await sourceClosure(target.file, workspace.reader, workspace.index);
  const loaded3 = loadFromClosure(target.file, closure, true);
  if (!loaded3.ok) return errorSubject(base, schemaErrorEntry(loaded3.error, target.file, loaded3.text));
  const naming = nameSubject(target.file, mapping, loaded3.value.loaded.schema);
  if (naming.error) return errorSubject(base, naming.error);
  const subject2 = naming.subject;
  const named = { ...base, subject: subject2 };
  try {
    const answer = ask(subject2, target.file, loaded3.value.text, ctx);
    const compared = comparedVersions(subject2, mapping.level, ctx.facts);
    const [{ level: level3, registered }, { references: references2, answered }] = await Promise.all([compared, answer]);
    const history = await registryHistory(registered, ctx.facts, target.file);
    const warnings = history.warnings;
    return registrySubjectReport({ ...named, level: level3, warnings, history: history.versions, candidate: loaded3.value, answer: answered, references: references2, configLevel: mapping.level });
  } catch (error) {
    return subjectRefusal(named, error);
  }
}
async function comparedVersions(subject2, configLevel, facts) {
  const predicted = transitive(configLevel) ? facts.versions(subject2) : facts.latest(subject2);
  const [level3, fetched] = await Promise.all([facts.level(subject2), predicted]);
  if (!transitive(level3)) return { level: level3, registered: fetched.slice(-1) };
  return { level: level3, registered: transitive(configLevel) ? fetched : await facts.versions(subject2) };
}
var transitive = (level3) => level3.endsWith("_TRANSITIVE");
async function ask(subject2, file, text, ctx) {
  const resolved = await ctx.references(file);
  if (!resolved.ok) return { references: [], answered: { kind: "unchecked", problems: resolved.problems } };
  const answered = await ctx.facts.check(subject2, { schema: text, ...resolved.references.length > 0 && { references: resolved.references } });
  return { references: resolved.references, answered };
}
async function retirement(target, base, mapping, ctx) {
  const naming = retiredSubject(target, mapping, await ctx.previousSource(target));
  if (naming.error) return errorSubject(base, naming.error);
  const subject2 = naming.subject;
  try {
    const registered = await ctx.facts.versions(subject2);
    const warnings = registered.length === 0 ? [`subject '${subject2}' has no live version in the registry: nothing to retire`] : [];
    return { ...base, subject: subject2, warnings, history: registered.map(historyOf(target.file)), status: "deleted", compatible: true, incompatibilities: [], changes: [] };
  } catch (error) {
    return subjectRefusal({ ...base, subject: subject2 }, error);
  }
}
function retiredSubject(target, mapping, previous) {
  try {
    return { subject: subjectNameFor(target.file, mapping, previous?.scan?.defines[0]) };
  } catch (error) {
    if (!(error instanceof SubjectNamingError)) throw error;
    return { subject: null, error: { code: "SUBJECT_NAMING", message: error.message, file: target.file } };
  }
}
var historyOf = (file) => (version, index) => ({ version: index, file, registry: { subject: version.subject, version: version.version, id: version.id } });
function subjectRefusal(base, error) {
  if (!(error instanceof RegistryError) || UNAVAILABLE.includes(error.kind) || REFUSED.includes(error.kind)) throw error;
  const code = error.code !== void 0 ? `REGISTRY_${error.code}` : `REGISTRY_${error.kind.toUpperCase().replace(/-/g, "_")}`;
  return errorSubject(base, { code, message: `${base.file}: ${error.message}`, file: base.file });
}
function runFailure(error) {
  if (!(error instanceof RegistryError)) return error;
  if (REFUSED.includes(error.kind)) return new RegistryCheckError(`the registry check cannot run: ${error.message}`, "refused", error.message);
  const fallback = "Retry later, or set `on-registry-unavailable: offline` in guardrails.yaml to fall back to the git-history check (marked degraded).";
  return new RegistryCheckError(`the Schema Registry is unavailable, so the check fails closed: ${error.message} ${fallback}`, "unavailable", error.message);
}

// src/postmortem/errors.ts
var FollowupsError = class extends Error {
  constructor(kind, message, hint) {
    super(hint ? `${message}. ${hint}` : message);
    this.kind = kind;
    this.hint = hint;
  }
  kind;
  hint;
  name = "FollowupsError";
};

// src/cli/errors.ts
var EXIT = {
  /** Success: compatible, complete, synced. */
  OK: 0,
  /** The command ran and found problems (incompatible schemas, conflicts), or the job failed or was stopped. */
  FAILED: 1,
  /** Bad input or usage, refused before any side effect. */
  BAD_INPUT: 2,
  /** A bug in guardrails. */
  BUG: 3,
  /** A dependency (registry, GitHub, catalog database, S3) could not be reached or answered with errors after retries. */
  UNAVAILABLE: 4
};
var UsageError = class extends Error {
  constructor(message, command2) {
    super(message);
    this.command = command2;
  }
  command;
  name = "UsageError";
};
var UnavailableError = class extends Error {
  name = "UnavailableError";
};
var REGISTRY_UNAVAILABLE = ["timeout", "server", "network", "tls", "rate-limited", "malformed-response", "http"];
var REGISTRY_BAD_INPUT = ["invalid-settings", "unauthorized", "forbidden"];
var NETWORK_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "57P01", "57P03", "08006", "08001"]);
function describeFailure2(error, env = {}) {
  if (error instanceof UsageError) {
    const help = error.command ? `guardrails ${error.command} --help` : "guardrails --help";
    return bad(`${oneLine(error.message)} (see ${help})`);
  }
  if (error instanceof ConfigError) return { exitCode: EXIT.BAD_INPUT, lines: error.issues.map((issue) => `error: ${oneLine(formatConfigIssue(issue))}`) };
  if (error instanceof GitError && error.kind === "stopped") return line(EXIT.FAILED, error.message);
  if (error instanceof GitError || error instanceof InputError || error instanceof SchemaError || error instanceof InvalidCompatibilityLevelError) return bad(error.message);
  if (error instanceof RegistryCheckError) return line(error.kind === "unavailable" ? EXIT.UNAVAILABLE : EXIT.BAD_INPUT, error.message);
  if (error instanceof UnavailableError) return line(EXIT.UNAVAILABLE, error.message);
  if (error instanceof BackupError) {
    const code2 = error.kind === "invalid-input" || error.kind === "integrity" ? EXIT.BAD_INPUT : error.kind === "unavailable" ? EXIT.UNAVAILABLE : EXIT.FAILED;
    const details = error.details.length > 3 ? error.details.map((d) => `  ${oneLine(d)}`) : [];
    return { exitCode: code2, lines: [`error: ${oneLine(error.message)}`, ...details] };
  }
  if (error instanceof RegistryError) {
    const code2 = REGISTRY_UNAVAILABLE.includes(error.kind) ? EXIT.UNAVAILABLE : REGISTRY_BAD_INPUT.includes(error.kind) ? EXIT.BAD_INPUT : EXIT.FAILED;
    return line(code2, error.message);
  }
  if (error instanceof IcebergError) {
    const code2 = error.code === "INVALID_INPUT" ? EXIT.BAD_INPUT : error.code === "UNAVAILABLE" ? EXIT.UNAVAILABLE : error.code === "INTERNAL" ? EXIT.BUG : EXIT.FAILED;
    if (code2 === EXIT.BUG) return bug(error, env);
    return line(code2, error.message);
  }
  if (error instanceof GitHubApiError) {
    const code2 = error.kind === "forbidden" || error.kind === "no-org-access" ? EXIT.BAD_INPUT : error.status === void 0 || error.status >= 500 ? EXIT.UNAVAILABLE : EXIT.FAILED;
    return line(code2, error.message);
  }
  if (error instanceof FollowupsError) {
    const code2 = error.kind === "config" ? EXIT.BAD_INPUT : error.kind === "unavailable" ? EXIT.UNAVAILABLE : EXIT.FAILED;
    return line(code2, error.message);
  }
  const code = error?.code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return line(EXIT.UNAVAILABLE, `a dependency cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
  return bug(error, env);
}
function bug(error, env) {
  const message = error instanceof Error ? error.message : String(error);
  const stack = env["GUARDRAILS_DEBUG"] === "1" && error instanceof Error && error.stack ? error.stack.split("\n").slice(1) : [];
  return {
    exitCode: EXIT.BUG,
    lines: [`internal error: ${oneLine(message)}`, "This is a bug in guardrails; please report it with the command you ran and this message.", ...stack]
  };
}
function bad(message) {
  return line(EXIT.BAD_INPUT, message);
}
function line(exitCode, message) {
  return { exitCode, lines: [`error: ${oneLine(message)}`] };
}
function oneLine(text) {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

// src/cli/options/define.ts
function flag(description, extra = {}) {
  return { type: "boolean", description, ...extra, read: (given2) => given2.present };
}
function option(spec) {
  const { parse: parse5, fallback, ...rest } = spec;
  return {
    type: "string",
    ...rest,
    read: async (given2, context2) => {
      if (!given2.present || !("texts" in given2)) return fallback;
      return parse5(given2.texts[given2.texts.length - 1], context2);
    }
  };
}
function required2(spec) {
  return { ...option(spec), required: true };
}
function repeatable(spec) {
  const { parse: parse5, ...rest } = spec;
  return {
    type: "string",
    multiple: true,
    ...rest,
    read: async (given2, context2) => given2.present && "texts" in given2 ? Promise.all(given2.texts.map((t) => parse5(t, context2))) : []
  };
}

// src/cli/options/invalid-value.ts
var InvalidValue = class extends Error {
  constructor(reason, hint) {
    super(hint ? `${reason}; ${hint}` : reason);
    this.reason = reason;
    this.hint = hint;
  }
  reason;
  hint;
  name = "InvalidValue";
};

// src/cli/options/enum.ts
function enumValue(allowed, options6 = {}) {
  return (text) => {
    const found = allowed.find((a) => options6.ignoreCase ? a.toLowerCase() === text.toLowerCase() : a === text);
    if (found === void 0) throw new InvalidValue(`is not one of ${allowed.join(", ")}`);
    return found;
  };
}

// src/cli/options/int.ts
function intValue(min, max) {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidValue(`is not a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

// src/cli/options/path.ts
import { constants } from "node:fs";
import { access, stat as stat2 } from "node:fs/promises";
import { dirname as dirname2, resolve } from "node:path";
async function kindOf2(path2) {
  try {
    const s = await stat2(path2);
    return s.isDirectory() ? "dir" : s.isFile() ? "file" : "other";
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT") return "missing";
    if (code === "ENOTDIR") return "below-file";
    throw new InvalidValue(`cannot be read (${code ?? "error"})`);
  }
}
async function writable(dir) {
  return access(dir, constants.W_OK).then(
    () => true,
    () => false
  );
}
async function creatableUnder(path2) {
  let parent = dirname2(path2);
  for (; ; ) {
    const kind = await kindOf2(parent);
    if (kind === "dir") {
      if (!await writable(parent)) throw new InvalidValue(`cannot be created: ${parent} is not writable`);
      return;
    }
    if (kind !== "missing" && kind !== "below-file") throw new InvalidValue(`cannot be created: ${parent} is a file, not a directory`);
    const next = dirname2(parent);
    if (next === parent) throw new InvalidValue("cannot be created: no existing parent directory");
    parent = next;
  }
}
async function checkPath(absolute, kind) {
  const found = await kindOf2(absolute);
  if (found === "below-file" && (kind === "file" || kind === "dir")) throw new InvalidValue("is below a file, not a directory");
  if (found === "below-file") {
    await creatableUnder(absolute);
    return absolute;
  }
  switch (kind) {
    case "file":
      if (found === "missing") throw new InvalidValue("does not exist");
      if (found !== "file") throw new InvalidValue(found === "dir" ? "is a directory, not a file" : "is not a regular file");
      return absolute;
    case "dir":
      if (found === "missing") throw new InvalidValue("does not exist");
      if (found !== "dir") throw new InvalidValue("is a file, not a directory");
      return absolute;
    case "writable-dir":
      if (found === "missing") await creatableUnder(absolute);
      else if (found !== "dir") throw new InvalidValue("is a file, not a directory");
      else if (!await writable(absolute)) throw new InvalidValue("is not writable");
      return absolute;
    case "writable-file":
      if (found === "dir") throw new InvalidValue("is a directory, not a file");
      if (found === "missing") await creatableUnder(absolute);
      else if (found !== "file") throw new InvalidValue("is not a regular file");
      else if (!await writable(absolute)) throw new InvalidValue("is not writable");
      return absolute;
  }
}
function pathValue(kind) {
  return (text, context2) => {
    if (text.trim() === "") throw new InvalidValue("is empty", "give a path");
    return checkPath(resolve(context2.cwd, text), kind);
  };
}

// src/cli/options/text.ts
function textValue(pattern, expected) {
  return (text) => {
    if (text.trim() === "") throw new InvalidValue("is empty", expected ? `give ${expected}` : void 0);
    if (pattern && !pattern.test(text)) throw new InvalidValue(`is not ${expected ?? `of the form ${pattern.source}`}`);
    return text;
  };
}

// src/cli/options/url.ts
function displayUrl(text) {
  try {
    const url2 = new URL(text);
    return `${url2.protocol}//${url2.host}${url2.pathname === "/" ? "" : url2.pathname}`;
  } catch {
    return text.replace(/\/\/[^/@]*@/, "//").replace(/[?#].*$/, "");
  }
}
function displayUrls(text) {
  return text.split(",").map((u) => displayUrl(u.trim())).join(",");
}
function parseOne(text, options6) {
  let url2;
  try {
    url2 = new URL(text);
  } catch {
    throw new InvalidValue("is not a URL", "give e.g. https://host:8081");
  }
  const protocols = options6.protocols ?? ["http:", "https:"];
  if (url2.username !== "" || url2.password !== "") {
    throw new InvalidValue("holds credentials", `put them in ${options6.credentialsFrom}, never in a URL`);
  }
  if (!protocols.includes(url2.protocol)) throw new InvalidValue(`is not ${protocols.map((p) => p.replace(/:$/, "")).join(" or ")}`);
  if (url2.search !== "" || url2.hash !== "") throw new InvalidValue("has a query or fragment", "give the base URL only");
  return text.replace(/\/+$/, "");
}
function urlValue(options6) {
  return (text) => parseOne(text.trim(), options6);
}
function urlListValue(options6) {
  return (text) => {
    const parts = text.split(",").map((u) => u.trim());
    if (parts.some((u) => u === "")) throw new InvalidValue("has an empty entry", "separate URLs with single commas");
    return parts.map((u) => parseOne(u, options6)).join(",");
  };
}
function postgresUriValue(options6) {
  return (text) => {
    let url2;
    try {
      url2 = new URL(text);
    } catch {
      throw new InvalidValue("is not a PostgreSQL URI", "give e.g. postgres://user@host:5432/db");
    }
    if (url2.protocol !== "postgres:" && url2.protocol !== "postgresql:") throw new InvalidValue("is not a postgres:// URI", "give e.g. postgres://user@host:5432/db");
    if (url2.password !== "" && !options6.allowPassword) throw new InvalidValue("holds a password", `put it in ${options6.passwordFrom}, never on the command line`);
    return text;
  };
}
function displayPostgresUri(text) {
  try {
    const url2 = new URL(text);
    return `${url2.protocol}//${url2.username ? `${decodeURIComponent(url2.username)}@` : ""}${url2.host}${url2.pathname}`;
  } catch {
    return "(unparsable URI)";
  }
}

// src/cli/version.ts
import { readFileSync } from "node:fs";
import { dirname as dirname3, join as join5 } from "node:path";
import { fileURLToPath } from "node:url";
var BIN = "guardrails";
function packageVersion(from = import.meta.url) {
  let dir = dirname3(fileURLToPath(from));
  for (let depth = 0; depth < 6; depth++) {
    const version = versionOfOurManifest(join5(dir, "package.json"));
    if (version !== void 0) return version;
    const parent = dirname3(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return "unknown";
}
function versionOfOurManifest(path2) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path2, "utf8"));
  } catch {
    return void 0;
  }
  const bin = manifest.bin;
  const declaresOurBin = typeof bin === "object" && bin !== null && typeof bin[BIN] === "string";
  return declaresOurBin && typeof manifest.version === "string" ? manifest.version : void 0;
}

// src/cli/commands/backup-git.ts
import { execFile as execFile3 } from "node:child_process";
function git(repo, args, env) {
  return new Promise((resolve7) => {
    execFile3("git", [...args], { cwd: repo, env }, (error) => resolve7(error === null));
  });
}
async function preflightGit(repo, branch, push, env) {
  if (!await git(repo, ["rev-parse", "--git-dir"], env)) {
    throw new UsageError(`--git-repo "${repo}" is not a git repository; give the checkout the backup branch lives in`, "backup");
  }
  if (!await git(repo, ["check-ref-format", "--branch", branch], env)) {
    throw new UsageError(`--git-branch "${branch}" is not a valid branch name; e.g. schema-backups`, "backup");
  }
  if (push !== void 0 && !await git(repo, ["remote", "get-url", push], env)) {
    throw new UsageError(`--push "${push}" is not a remote of ${repo}; give one of \`git remote\`, e.g. origin`, "backup");
  }
}

// src/policy/report/fixes.ts
var FIXES = {
  READER_FIELD_MISSING_DEFAULT_VALUE: ({ message, direction }) => direction === "backward" ? `add a default to field '${message}' so that new readers can read old records` : `keep field '${message}': readers on the old schema need it because it has no default there (give it a default in a release of its own before removing it)`,
  MISSING_ENUM_SYMBOLS: ({ message, direction }) => direction === "backward" ? `keep the symbols ${message}, or give the enum a default so that new readers can read old records` : `readers on the old schema do not know the symbols ${message}; give the enum a default there first, or do not add symbols at this level`,
  TYPE_MISMATCH: ({ message, direction }) => (
    // Avro reports a reader enum field that the writer record lacks this way (no field default).
    /^reader type: ENUM not compatible with writer type: RECORD$/.test(message) ? "give the field a default: the enum's own default only covers unknown symbols, not records written without the field" : `use a type the ${direction === "backward" ? "new" : "old"} reader can read: Avro only promotes int\u2192long\u2192float\u2192double and string\u2194bytes; to change a type, add a new field with a default instead`
  ),
  NAME_MISMATCH: ({ message, direction }) => direction === "backward" ? `keep the type's name, or add the old full name ${message.replace(/^expected: /, "")} to its \`aliases\`` : "keep the type's name: readers on the old schema match types by name and cannot use aliases the new schema adds",
  FIXED_SIZE_MISMATCH: () => "keep the fixed size; for a new size, add a new fixed type and a new field with a default",
  MISSING_UNION_BRANCH: ({ direction }) => `keep the union branch, or add a branch the ${direction === "backward" ? "new" : "old"} reader can read it with`,
  UNEXPECTED_EXCEPTION: () => "make field names and aliases unambiguous: one reader field must not match several writer fields"
};
function fixFor(finding2) {
  const fix = FIXES[finding2.type];
  return fix ? fix(finding2) : "see the description above";
}

// src/policy/report/github.ts
function renderGithub(report) {
  const lines2 = [];
  if (report.degraded) lines2.push(command("warning", { title: "guardrails: DEGRADED (offline fallback)" }, degradedMessage(report)));
  for (const warning of report.warnings) lines2.push(command("warning", {}, warning));
  for (const entry of report.subjects) lines2.push(...subjectCommands(entry));
  const failed2 = report.subjects.filter((s) => s.status === "incompatible" || s.status === "error").length;
  const source = report.degraded ? " (DEGRADED: git history, not the registry)" : report.source === "registry" ? " against the registry" : "";
  lines2.push(`guardrails: ${report.subjects.length} schema file(s) checked${source}, ${failed2} failed: ${report.ok ? "OK" : "FAILED"}`);
  return `${lines2.join("\n")}
`;
}
function degradedMessage(report) {
  const where2 = report.registryUrl ? ` at ${report.registryUrl}` : "";
  return `the Schema Registry${where2} was unavailable, so this is the offline git-history check (on-registry-unavailable: offline), not the registry's verdict: ${report.degraded?.reason ?? ""}`;
}
function subjectCommands(entry) {
  const name = entry.subject ?? entry.file;
  const lines2 = entry.warnings.map((warning) => command("warning", { file: entry.file, title: `${name}: warning` }, warning));
  if (entry.error) {
    lines2.push(command("error", { ...at(entry.error), title: `${name}: ${entry.error.code}` }, entry.error.message));
  }
  for (const finding2 of entry.incompatibilities) {
    const committed = finding2.commit ? ` (in the version committed as ${finding2.commit.slice(0, 12)})` : "";
    const message = `${finding2.description}${committed}. Fix: ${fixFor(finding2)}.`;
    lines2.push(command("error", { ...at(finding2), title: `${name}: ${finding2.type} (${entry.level})` }, message));
  }
  for (const change of entry.changes) {
    if (change.severity !== "warning") continue;
    const message = change.reason ? `${change.message.replace(/\.?$/, ".")} ${change.reason}` : change.message;
    lines2.push(command("warning", { ...change.position ? at(change.position) : { file: entry.file }, title: `${name}: ${change.rule}` }, message));
  }
  return lines2;
}
function at(position) {
  if (position.commit !== void 0 || position.line === void 0) return { file: position.file };
  return { file: position.file, line: String(position.line), col: String(position.column ?? 1) };
}
function command(name, properties, message) {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/policy/report/json.ts
function renderJson(report) {
  return [...renderJsonChunks(report)].join("");
}
function* renderJsonChunks(report) {
  const frame = JSON.stringify(toJson({ ...report, subjects: [] }), null, 2);
  const marker = '\n  "subjects": [],\n';
  const at2 = frame.indexOf(marker);
  if (at2 < 0) throw new Error("internal: the JSON report has no subjects array");
  if (report.subjects.length === 0) {
    yield `${frame}
`;
    return;
  }
  yield `${frame.slice(0, at2)}
  "subjects": [
`;
  const last = report.subjects.length - 1;
  for (const [i, entry] of report.subjects.entries()) {
    yield `    ${JSON.stringify(subjectJson(entry), null, 2).replace(/\n/g, "\n    ")}${i === last ? "\n" : ",\n"}`;
  }
  yield `  ],
${frame.slice(at2 + marker.length)}
`;
}
function toJson(report) {
  return {
    reportVersion: report.reportVersion,
    ok: report.ok,
    mode: report.mode,
    against: report.against && { ref: report.against.ref, commit: report.against.commit, mergeBase: report.against.mergeBase },
    subjects: report.subjects.map(subjectJson),
    warnings: [...report.warnings],
    source: report.source ?? "git",
    registryUrl: report.registryUrl ?? null,
    degraded: report.degraded ? { reason: report.degraded.reason } : null
  };
}
function subjectJson(entry) {
  const evolution = entry.evolution?.unpack();
  return {
    subject: entry.subject,
    file: entry.file,
    previousFile: entry.previousFile ?? null,
    level: entry.level,
    status: entry.status,
    compatible: entry.compatible,
    incompatibilities: entry.incompatibilities.map(incompatibilityJson),
    changes: entry.changes.map(changeJson),
    history: entry.history.map((v, i) => ({
      version: v.version,
      commit: v.commit ?? null,
      date: v.date ?? null,
      file: v.file,
      changes: evolution?.[i]?.map(changeJson) ?? null,
      registryVersion: v.registry?.version ?? null,
      registryId: v.registry?.id ?? null
    })),
    error: entry.error ? errorJson(entry.error) : null,
    warnings: [...entry.warnings],
    registry: entry.registry ? {
      verdict: entry.registry.verdict,
      messages: [...entry.registry.messages],
      local: entry.registry.local,
      references: entry.registry.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version }))
    } : null
  };
}
function incompatibilityJson(finding2) {
  return {
    type: finding2.type,
    location: finding2.location,
    message: finding2.message,
    description: finding2.description,
    ...place(finding2),
    version: finding2.version,
    direction: finding2.direction,
    candidateVersion: finding2.candidateVersion ?? null
  };
}
function changeJson(change) {
  return {
    rule: change.rule,
    severity: change.severity,
    path: change.path,
    message: change.message,
    reason: change.reason ?? null,
    ...change.position ? place(change.position) : { file: null, line: null, column: null, commit: null }
  };
}
function errorJson(error) {
  return { code: error.code, message: error.message, ...place(error) };
}
function place(position) {
  return { file: position.file, line: position.line ?? null, column: position.column ?? null, commit: position.commit ?? null };
}

// src/policy/report/model.ts
var REPORT_VERSION = 1;
function exitCodeOf(report) {
  if (report.subjects.some((s) => s.status === "error")) return 2;
  if (report.subjects.some((s) => s.status === "incompatible")) return 1;
  return 0;
}

// src/policy/report/style.ts
var plain = (text) => text;
var NO_STYLE = { red: plain, green: plain, yellow: plain, bold: plain, dim: plain };
var ansi = (open, close) => (text) => `\x1B[${open}m${text}\x1B[${close}m`;
var ANSI_STYLE = {
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  bold: ansi(1, 22),
  dim: ansi(2, 22)
};
function styleFor(isTTY, env) {
  const noColor = env.NO_COLOR !== void 0 && env.NO_COLOR !== "";
  return isTTY === true && !noColor ? ANSI_STYLE : NO_STYLE;
}

// src/policy/report/text.ts
function renderText(report, style = NO_STYLE) {
  return [...renderTextChunks(report, style)].join("");
}
function* renderTextChunks(report, style = NO_STYLE) {
  const lines2 = [header(report), ""];
  if (report.degraded) lines2.push(style.yellow(`DEGRADED: ${degradedMessage(report)}`), "");
  for (const warning of report.warnings) lines2.push(style.yellow(`warning: ${warning}`));
  if (report.warnings.length > 0) lines2.push("");
  yield `${lines2.join("\n")}
`;
  for (const subject2 of report.subjects) yield `${[...renderSubject(subject2, report.mode === "audit", style), ""].join("\n")}
`;
  yield `${summary(report, style)}
`;
}
function header(report) {
  const registry = report.source === "registry" && report.registryUrl ? ` Verdicts from the Schema Registry at ${report.registryUrl}.` : "";
  return `${baseHeader(report)}${registry}`;
}
function baseHeader(report) {
  const count2 = plural(report.subjects.length, "schema file");
  const base = report.against ? `${report.against.ref} (${short(report.against.commit)}, merge-base ${short(report.against.mergeBase)})` : "";
  switch (report.mode) {
    case "changed":
      return `Checked ${count2} changed since ${base}.`;
    case "all":
      return `Checked all ${count2} against ${base}.`;
    case "audit":
      return `No schema file changed since ${base}; audited the committed history of ${count2}.`;
    case "files": {
      const entry = report.subjects[0];
      return `Checked ${entry?.file ?? "the candidate"} against ${plural(entry?.history.length ?? 0, "older version")}.`;
    }
  }
}
function renderSubject(entry, audit, style) {
  const failed2 = entry.status === "incompatible" || entry.status === "error";
  const mark = failed2 ? style.red("\u2717") : style.green("\u2713");
  const name = entry.subject === null ? "" : `${style.bold(entry.subject)}  `;
  const moved = entry.previousFile ? ` (renamed from ${entry.previousFile})` : "";
  const verdict = failed2 ? style.red(verdictOf(entry, audit)) : style.green(verdictOf(entry, audit));
  const lines2 = [`${mark} ${name}${entry.file}${moved}  ${entry.level}  ${verdict}`];
  for (const warning of entry.warnings) lines2.push(style.yellow(`  warning: ${warning}`));
  if (entry.registry) lines2.push(...registryLines(entry.registry, style));
  if (entry.error) {
    lines2.push(`  ${style.red("error:")} ${entry.error.message}`, ...excerptLines(entry.error, "    ", style));
  }
  entry.incompatibilities.forEach((finding2, i) => lines2.push(...renderFinding(finding2, i + 1, entry.history, style)));
  if (entry.evolution) lines2.push(...renderEvolution(entry.history, entry.evolution.unpack(), style));
  if (entry.changes.length > 0) lines2.push("  changes:", ...entry.changes.flatMap((change) => renderChange(change, style)));
  return lines2;
}
function verdictOf(entry, audit) {
  switch (entry.status) {
    case "incompatible":
      return `incompatible (${plural(entry.incompatibilities.length, "problem")})`;
    case "compatible":
      if (audit) return entry.history.length === 1 ? "one version, unchanged" : `${entry.history.length} versions, each compatible with the ones before`;
      return `compatible with ${plural(entry.history.length, "earlier version")}`;
    case "new":
      return "new subject (no earlier version)";
    case "deleted":
      return `deleted (the subject is retired after ${plural(entry.history.length, "version")})`;
    case "error":
      return "error";
  }
}
function renderFinding(finding2, index, history, style) {
  const against = versionLabel(finding2.version, history);
  const candidate = finding2.candidateVersion === void 0 ? "" : `${versionLabel(finding2.candidateVersion, history)} `;
  return [
    `  ${index}) ${style.red(finding2.type)} at ${where(finding2)}`,
    `     ${candidate}${finding2.direction === "backward" ? "cannot read data of" : "cannot be read by"} ${against}`,
    `     ${finding2.description}`,
    ...excerptLines(finding2, "     ", style),
    `     ${style.bold("fix:")} ${fixFor(finding2)}`
  ];
}
function renderChange(change, style) {
  const color = change.severity === "breaking" ? style.red : change.severity === "warning" ? style.yellow : style.dim;
  const at2 = change.position?.line !== void 0 ? ` (${where(change.position)})` : "";
  const lines2 = [`    ${color(change.severity.padEnd(8))} ${change.path}: ${change.message}${at2}`];
  if (change.reason) lines2.push(`             ${style.dim(`why it matters: ${change.reason}`)}`);
  return lines2;
}
function renderEvolution(history, perVersion, style) {
  const lines2 = ["  history:"];
  for (const [i, version] of history.entries()) {
    const origin = version.commit ? `${short(version.commit)} ${version.date?.slice(0, 10) ?? ""}`.trimEnd() : version.file;
    const changes = perVersion[i];
    const what = changes === void 0 ? "first version" : changes.length === 0 ? "no schema change" : plural(changes.length, "change");
    lines2.push(`    v${version.version + 1}  ${style.dim(origin)}  ${what}`);
    for (const change of changes ?? []) lines2.push(...renderChange(change, style).map((line2) => `  ${line2}`));
  }
  return lines2;
}
function registryLines(registry, style) {
  const refs2 = registry.references.map((r) => `${r.name} \u2192 ${r.subject} v${r.version}`).join(", ");
  const lines2 = [`  ${style.dim("registry:")} ${registry.verdict}; local engine on the registry's versions: ${registry.local}`];
  if (refs2 !== "") lines2.push(`  ${style.dim("references sent:")} ${refs2}`);
  for (const message of registry.messages.filter((m) => !m.startsWith("{oldSchema:"))) lines2.push(`    ${style.dim(message.length > 300 ? `${message.slice(0, 299)}\u2026` : message)}`);
  return lines2;
}
function versionLabel(version, history) {
  const meta = history[version];
  if (meta?.registry) return `version ${version + 1} of ${history.length} (registry version ${meta.registry.version}, id ${meta.registry.id})`;
  const origin = meta?.commit ? ` (commit ${short(meta.commit)}${meta.date ? `, ${meta.date}` : ""})` : meta ? ` (${meta.file})` : "";
  return `version ${version + 1} of ${history.length}${origin}`;
}
function where(position) {
  const at2 = position.line === void 0 ? position.file : `${position.file}:${position.line}:${position.column ?? 1}`;
  return position.commit ? `${at2} at commit ${short(position.commit)}` : at2;
}
function excerptLines(position, indent, style) {
  const excerpt2 = position.excerpt;
  if (position.line === void 0 || excerpt2 === void 0) return [];
  const gutter = String(position.line);
  const pad = " ".repeat(gutter.length);
  return [
    `${indent}${style.dim(`${gutter} |`)} ${excerpt2.text}`,
    `${indent}${style.dim(`${pad} |`)} ${" ".repeat(Math.max(0, excerpt2.column - 1))}${style.red("^")}`
  ];
}
function summary(report, style) {
  const counts2 = /* @__PURE__ */ new Map();
  for (const entry of report.subjects) counts2.set(entry.status, (counts2.get(entry.status) ?? 0) + 1);
  const order = ["error", "incompatible", "compatible", "new", "deleted"];
  const parts = order.filter((status3) => counts2.has(status3)).map((status3) => `${counts2.get(status3)} ${status3 === "error" && counts2.get(status3) !== 1 ? "errors" : status3}`);
  const degraded = report.degraded ? " (DEGRADED: git history, not the registry)" : "";
  const text = `${parts.length > 0 ? parts.join(", ") : "no schema files"}${degraded}`;
  return report.ok ? style.green(`${text}: OK`) : style.red(`${text}: FAILED`);
}
function plural(count2, noun) {
  return `${count2} ${noun}${count2 === 1 ? "" : "s"}`;
}
function short(commit) {
  return commit.slice(0, 12);
}

// src/cli/commands/shared.ts
var REPORT_FORMATS = ["text", "json", "github"];
var reportFormatOption = option({
  placeholder: "FORMAT",
  description: "text (default), json (docs/report-format.md) or github (workflow-command annotations)",
  parse: enumValue(REPORT_FORMATS),
  fallback: "text"
});
var jobFormatOption = option({
  placeholder: "FORMAT",
  description: "text (default) or json: one versioned JSON document on stdout (docs/cli.md)",
  parse: enumValue(["text", "json"]),
  fallback: "text"
});
var REGISTRY_CREDENTIALS = "GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN";
function registryUrlOption(group) {
  return option({
    placeholder: "URL",
    description: "Schema Registry base URL (comma-separated for failover); credentials only from their variables",
    env: "GUARDRAILS_REGISTRY_URL",
    parse: urlListValue({ credentialsFrom: REGISTRY_CREDENTIALS }),
    display: displayUrls,
    ...group ? { group } : {}
  });
}
function writeReport(report, format, io) {
  const output = format === "json" ? renderJson(report) : format === "github" ? renderGithub(report) : renderText(report, styleFor(io.stdout.isTTY, io.env));
  io.stdout.write(output);
  return exitCodeOf(report);
}
function writeJobJson(io, command2, exitCode, body) {
  const header2 = { reportVersion: 1, command: command2, exitCode };
  io.stdout.write(`${JSON.stringify({ ...header2, ...body }, null, 2)}
`);
  return exitCode;
}
async function withJsonFailure(io, format, command2, body, fields = { status: "error" }) {
  try {
    return await body();
  } catch (error) {
    if (format === "json") {
      const failure3 = describeFailure2(error, io.env);
      writeJobJson(io, command2, failure3.exitCode, { ...fields, error: { message: failure3.lines.join(" ").replace(/^(error|internal error): /, "") } });
    }
    throw error;
  }
}

// src/cli/commands/backup-output.ts
function writeBackupReport(io, format, result) {
  const exitCode = result.status === "complete" ? EXIT.OK : EXIT.FAILED;
  if (format === "json") return writeJobJson(io, "backup", exitCode, backupJson(result));
  if (result.status === "stopped") {
    io.stderr.write(`error: stopped by a signal after the backup was written to ${result.path}; not done: ${result.notDone.join(", ")}
`);
  }
  io.stdout.write(summary2(result));
  return exitCode;
}
function writeBackupStopped(io, format, message) {
  if (format === "json") return writeJobJson(io, "backup", EXIT.FAILED, { status: "stopped", message, published: false });
  io.stderr.write(`error: ${message}
`);
  return EXIT.FAILED;
}
function backupJson(result) {
  const m = result.manifest;
  return {
    status: result.status,
    path: result.path,
    name: result.name,
    source: m.source.url,
    listing: m.listing,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    counts: m.counts,
    maxIds: m.maxIds,
    git: result.git ?? null,
    s3: result.s3 ?? null,
    retention: { removed: result.removed },
    notDone: result.notDone
  };
}
function summary2(result) {
  const c = result.manifest.counts;
  return [
    `backup ${result.status === "complete" ? "complete" : "written (then stopped)"}: ${result.path}`,
    `  ${c.subjects} subjects (${c.deletedSubjects} soft-deleted), ${c.versions} versions (${c.deletedVersions} soft-deleted), ${c.contexts} named contexts`,
    `  listing ${result.manifest.listing}; ${c.files} files checked by SHA256SUMS`,
    ""
  ].join("\n");
}

// src/cli/commands/backup-registry.ts
var REGISTRY_GROUP = "Schema Registry";
var DEFAULT_CONCURRENCY = 8;
var registryOptions = {
  "registry-url": { ...registryUrlOption(REGISTRY_GROUP), required: true },
  "registry-timeout-ms": option({ placeholder: "MS", description: "Per-request timeout, 1-600000 (default 30000)", parse: intValue(1, 6e5), group: REGISTRY_GROUP }),
  concurrency: option({
    placeholder: "N",
    description: `Requests in flight at once, 1-64 (default ${DEFAULT_CONCURRENCY})`,
    parse: intValue(1, 64),
    fallback: DEFAULT_CONCURRENCY,
    group: REGISTRY_GROUP
  })
};
var progressOption = option({
  placeholder: "MODE",
  description: "auto (default: a bar in a terminal, a line every 10% in CI and logs), bar, lines or none",
  parse: enumValue(["auto", "bar", "lines", "none"]),
  fallback: "auto"
});
function registrySettings(values, env) {
  const auth2 = authFromEnv(env);
  return parseRegistrySettings({
    url: values["registry-url"] ?? "",
    ...auth2 ? { auth: auth2 } : {},
    maxConcurrency: values.concurrency,
    ...values["registry-timeout-ms"] !== void 0 ? { timeoutMs: values["registry-timeout-ms"] } : {}
  });
}
function openRegistry(settings, signal, onAttempt) {
  return {
    client: createRegistryClient(settings, { signal, ...onAttempt ? { onAttempt } : {} }),
    openCleanupClient: (deadline) => createRegistryClient(settings, { signal: deadline, settleMs: 0 })
  };
}

// src/cli/commands/command.ts
function defineCommand(spec) {
  return spec;
}

// src/cli/commands/metrics-backup.ts
import { readdir as readdir3, stat as stat3 } from "node:fs/promises";
import { join as join6 } from "node:path";

// src/scheduler/job-metric-catalogue.ts
var family = (name, type, help, labelNames) => ({ name, type, help, labelNames });
var EXPIRE_FILE_KINDS = ["data", "position_delete", "equality_delete", "manifest", "manifest_list", "statistics"];
var INCIDENT_SEVERITIES = ["P1", "P2", "P3", "P4"];
var REGISTER_RESULTS = ["registered", "registered_break", "already_present", "planned", "refused", "not_latest", "failed", "skipped"];
var JOB_METRIC_FAMILIES = {
  lastSuccess: family("guardrails_job_last_success_timestamp_seconds", "gauge", "Unix time of the last successful run of the job.", []),
  lastRun: family("guardrails_job_last_run_timestamp_seconds", "gauge", "Unix time the last run of the job ended, whatever its outcome.", []),
  duration: family("guardrails_job_duration_seconds", "gauge", "How long the last run of the job took, in seconds.", []),
  runs: family("guardrails_job_runs_total", "counter", "Runs of the job by outcome (the exit contract: success 0, failure 1, bad_input 2, bug 3, unavailable 4).", ["outcome"]),
  backupSubjectsSaved: family("guardrails_backup_subjects_saved_total", "counter", "Subjects written to the backup by the run.", []),
  backupVersionsSaved: family("guardrails_backup_versions_saved_total", "counter", "Schema versions written to the backup by the run.", []),
  backupWrittenBytes: family("guardrails_backup_written_bytes_total", "counter", "Bytes of backup files the run wrote.", []),
  backupRequests: family("guardrails_backup_requests_total", "counter", "HTTP requests the run sent to the Schema Registry, retries included.", []),
  restoreVersionsRegistered: family("guardrails_restore_versions_registered_total", "counter", "Schema versions the restore registered.", []),
  restoreConflicts: family("guardrails_restore_conflicts_total", "counter", "Versions the restore refused because the registry holds something else under the same id or version.", []),
  restoreModesReset: family("guardrails_restore_modes_reset_total", "counter", "Subjects the run put back from IMPORT to their mode.", []),
  restoreLeftInImport: family("guardrails_restore_subjects_left_in_import", "gauge", "Subjects that may still be in IMPORT mode when the run ended.", []),
  expireFilesDeleted: family("guardrails_expire_files_deleted_total", "counter", "Files the run deleted from the table, by Spark's six kinds.", ["table", "kind"]),
  expireSnapshotsExpired: family("guardrails_expire_snapshots_expired_total", "counter", "Snapshots the run expired from the table.", ["table"]),
  expireUndeletable: family("guardrails_expire_undeletable_files", "gauge", "Files the last run of the table expired but could not delete.", ["table"]),
  orphansFilesDeleted: family("guardrails_orphans_files_deleted_total", "counter", "Orphan files the run deleted from the table location.", ["table"]),
  orphansBytesReclaimed: family("guardrails_orphans_reclaimed_bytes_total", "counter", "Bytes of orphan files the run deleted from the table location.", ["table"]),
  orphansFound: family("guardrails_orphans_found", "gauge", "Orphan files older than the cutoff that the last run of the table found.", ["table"]),
  orphansDeleteFailures: family("guardrails_orphans_delete_failures_total", "counter", "Orphan files the run tried to delete and could not.", ["table"]),
  orphansSkipped: family("guardrails_orphans_skipped_files", "gauge", "Unreferenced files the last run of the table left, by reason (too_young, hidden, prefix_mismatch).", ["table", "reason"]),
  orphansAwaitingMark: family("guardrails_orphans_awaiting_mark_files", "gauge", "Orphans not yet marked long enough to delete at the last run of the table (two-phase mode).", ["table"]),
  orphansTableFailed: family("guardrails_orphans_table_failed", "gauge", "Whether the last run failed the table (1) or not (0): unreadable metadata, prefix mismatch, refused, a delete failed.", ["table"]),
  followupsOpen: family("guardrails_followups_open", "gauge", "Post-mortem follow-ups not done, by incident severity.", ["incident_severity"]),
  followupsDone: family("guardrails_followups_done", "gauge", "Post-mortem follow-ups done, by incident severity.", ["incident_severity"]),
  followupsOverdue: family("guardrails_followups_overdue", "gauge", "Open post-mortem follow-ups past their due date, by incident severity.", ["incident_severity"]),
  followupsOnTime: family("guardrails_followups_on_time_ratio", "gauge", "Follow-ups done on time among those due, 0 to 1, by incident severity.", ["incident_severity"]),
  checkSubjectsChecked: family("guardrails_check_subjects_checked_total", "counter", "Subjects the check compared.", []),
  checkIncompatibilities: family("guardrails_check_incompatibilities_total", "counter", "Incompatible changes the check found.", []),
  checkAllowedBreaks: family("guardrails_check_allowed_breaking_changes_total", "counter", "Breaking changes the check let through by an allowance.", []),
  driftFindings: family("guardrails_drift_findings", "gauge", "Differences between the registry and git found by the last run.", []),
  registerSchemaFiles: family("guardrails_register_schema_files_total", "counter", "Schema files the run handled, by what became of each.", ["result"])
};
var JOB_METRIC_NAMES = Object.values(JOB_METRIC_FAMILIES).map((f) => f.name);
function sample(metric, value, labels) {
  return { metric, labels, value };
}

// src/cli/commands/metrics-backup.ts
async function backupMetrics(result, requests) {
  const { counts: counts2 } = result.manifest;
  return [
    sample("backupSubjectsSaved", counts2.subjects, {}),
    sample("backupVersionsSaved", counts2.versions, {}),
    sample("backupWrittenBytes", await bytesUnder(result.path), {}),
    sample("backupRequests", requests, {})
  ];
}
async function bytesUnder(dir) {
  let total = 0;
  for (const entry of await readdir3(dir, { withFileTypes: true })) {
    const path2 = join6(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path2);
    else if (entry.isFile()) total += (await stat3(path2)).size;
  }
  return total;
}

// src/cli/commands/backup.ts
var OUTPUT = "Output";
var GIT = "Git destination";
var S3 = "S3 destination";
var NAME2 = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
var backupCommand = defineCommand({
  name: "backup",
  summary: "Back up every registry subject, version, config and mode",
  usage: ["backup --out DIR [--name NAME] [--registry-url URL] [--git-branch BRANCH [--push REMOTE]] [--s3-bucket BUCKET] [--format text|json]"],
  description: `Saves every subject of every context of a Schema Registry (soft-deleted ones too), with ids,
versions, references, metadata, rule sets, configs and modes, to DIR/NAME/ with a MANIFEST.json and a
SHA256SUMS. Written under a temporary name and renamed when complete; then committed to a git
branch, uploaded to S3 and pruned, as asked (docs/backup-restore.md).

On SIGINT or SIGTERM no new request starts; a backup not yet complete is removed and nothing is
published.`,
  options: {
    ...registryOptions,
    listing: option({
      placeholder: "MODE",
      description: "auto (default: bulk GET /schemas, else subject by subject), bulk or walk",
      parse: enumValue(["auto", "bulk", "walk"]),
      fallback: "auto",
      group: "Schema Registry"
    }),
    "no-deleted": flag("Leave out soft-deleted subjects and versions", { group: "Schema Registry" }),
    out: required2({ placeholder: "DIR", description: "Parent directory of the backup (created if missing)", parse: pathValue("writable-dir"), group: OUTPUT }),
    name: option({
      placeholder: "NAME",
      description: "Backup directory name (default backup-<UTC time>, e.g. backup-20261126T020000Z)",
      parse: textValue(NAME2, 'letters, digits, ".", "_" or "-", not starting with "." or "-"'),
      group: OUTPUT
    }),
    keep: option({ placeholder: "N", description: "Retention: keep the newest N default-named backups in DIR, 1-100000", parse: intValue(1, 1e5), group: OUTPUT }),
    "keep-days": option({ placeholder: "N", description: "Retention: keep default-named backups younger than N days (with --keep: either keeps)", parse: intValue(1, 1e5), group: OUTPUT }),
    progress: { ...progressOption, group: OUTPUT },
    format: { ...jobFormatOption, description: "text (default) or json: one versioned JSON document on stdout (docs/backup-restore.md)", group: OUTPUT },
    "git-branch": option({ placeholder: "BRANCH", description: "Also commit the backup as the whole tree of BRANCH (created if missing)", parse: textValue(), group: GIT }),
    "git-repo": option({ placeholder: "DIR", description: "The repository of --git-branch (default: the current directory)", parse: pathValue("dir"), group: GIT }),
    push: option({ placeholder: "REMOTE", description: "Push BRANCH to REMOTE after committing (e.g. origin)", parse: textValue(), group: GIT }),
    "s3-bucket": option({
      placeholder: "BUCKET",
      description: "Also upload to s3://BUCKET/PREFIX/NAME/ (AWS credentials from the default chain)",
      parse: textValue(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 lower-case letters, digits, "." or "-")'),
      group: S3
    }),
    "s3-prefix": option({ placeholder: "PREFIX", description: "Key prefix (default registry-backups/)", parse: textValue(), group: S3 }),
    "s3-region": option({ placeholder: "REGION", description: "Default $AWS_REGION, else us-east-1", parse: textValue(/^[a-z0-9-]+$/, "a region such as eu-west-1"), group: S3 }),
    "s3-endpoint": option({ placeholder: "URL", description: "An S3-compatible endpoint (path-style)", parse: urlValue({ credentialsFrom: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" }), display: displayUrl, group: S3 })
  },
  exits: {
    ok: "the backup is complete and every destination took it",
    failed: "the backup failed or was stopped (nothing published under the final name), or a destination refused it",
    unavailable: "the Schema Registry could not be reached"
  },
  notes: "Refused registry credentials are bad input (2). Also a job: node jobs/backup-schemas.ts with the same options.",
  refine(values) {
    if (values.push !== void 0 && values["git-branch"] === void 0) throw new UsageError("--push needs --git-branch", "backup");
    if (values["git-repo"] !== void 0 && values["git-branch"] === void 0) throw new UsageError("--git-repo needs --git-branch", "backup");
    for (const name of ["s3-prefix", "s3-region", "s3-endpoint"]) {
      if (values[name] !== void 0 && values["s3-bucket"] === void 0) throw new UsageError(`--${name} needs --s3-bucket`, "backup");
    }
  },
  async preflight(values, { io, now }) {
    registrySettings(values, io.env);
    const name = values.name ?? defaultBackupName(now());
    const final = join7(values.out, name);
    if (await exists2(final)) {
      throw new UsageError(`${final} already exists; choose another --name, or remove it first`, "backup");
    }
    if (values["git-branch"] !== void 0) await preflightGit(values["git-repo"] ?? io.cwd, values["git-branch"], values.push, io.env);
  },
  async run(values, { io, signal, now, recordMetrics }) {
    return withJsonFailure(io, values.format, "backup", async () => {
      let requests = 0;
      const { client } = openRegistry(registrySettings(values, io.env), signal, () => requests++);
      const progress = createProgress(progressStyle(values.progress, io.stderr.isTTY ?? false, io.env), "subjects", (t) => io.stderr.write(t));
      const sourceUrl = (values["registry-url"] ?? "").split(",").map(displayUrl).join(",");
      try {
        io.stderr.write(`backing up ${sourceUrl} \u2026
`);
        const result = await backup(
          {
            includeDeleted: !values["no-deleted"],
            listing: values.listing,
            sourceUrl,
            toolVersion: packageVersion(),
            parent: values.out,
            ...values.name !== void 0 ? { name: values.name } : {},
            ...values["git-branch"] !== void 0 ? { git: { repo: values["git-repo"] ?? io.cwd, branch: values["git-branch"], ...values.push ? { push: values.push } : {} } } : {},
            ...values["s3-bucket"] !== void 0 ? { s3: { bucket: values["s3-bucket"], prefix: values["s3-prefix"] ?? "registry-backups/", region: values["s3-region"] ?? io.env["AWS_REGION"], endpoint: values["s3-endpoint"] } } : {},
            retention: { keepLast: values.keep, keepDays: values["keep-days"] }
          },
          {
            client,
            signal,
            now,
            env: io.env,
            log: (line2) => io.stderr.write(`${line2}
`),
            onProgress: (done, total) => progress.update(done, total)
          }
        );
        progress.finish();
        recordMetrics?.(await backupMetrics(result, requests));
        return writeBackupReport(io, values.format, result);
      } catch (error) {
        progress.finish();
        if (error instanceof BackupError && error.kind === "stopped") return writeBackupStopped(io, values.format, error.message);
        throw error;
      } finally {
        client.close();
      }
    });
  }
});
async function exists2(path2) {
  return stat4(path2).then(
    () => true,
    () => false
  );
}

// src/github/git/repository.ts
import { lstat as lstat2, readFile as readFile3 } from "node:fs/promises";
import { join as join9 } from "node:path";

// src/github/git/blobs.ts
async function readObjects(git2, names) {
  const unique = [...new Set(names)];
  if (unique.length === 0) return /* @__PURE__ */ new Map();
  for (const name of unique) {
    if (/[\r\n]/.test(name)) throw new GitError("failed", `cannot read ${JSON.stringify(name)} from git: the name contains a line break`);
  }
  const output = await git2(["cat-file", "--batch"], Buffer.from(`${unique.join("\n")}
`, "utf8"));
  const contents = parseBatchOutput(output, unique.length);
  return new Map(unique.map((name, index) => [name, contents[index]]));
}
function parseBatchOutput(output, count2) {
  const contents = [];
  let at2 = 0;
  while (contents.length < count2) {
    const end = output.indexOf(10, at2);
    if (end < 0) throw truncated();
    const header2 = parseBatchHeader(output.subarray(at2, end).toString("utf8"));
    at2 = end + 1;
    if (header2 === void 0) {
      contents.push(void 0);
      continue;
    }
    if (at2 + header2.size > output.length) throw truncated();
    contents.push(header2.type === "blob" ? output.subarray(at2, at2 + header2.size) : void 0);
    at2 += header2.size + 1;
  }
  return contents;
}
function parseBatchHeader(line2) {
  const match = /^\S+ (\S+) (\d+)$/.exec(line2);
  return match ? { type: match[1], size: Number(match[2]) } : void 0;
}
function truncated() {
  return new GitError("failed", "git cat-file --batch output ended early; this is a bug, please report it");
}

// src/github/git/changes.ts
import { lstat } from "node:fs/promises";
import { join as join8 } from "node:path";
async function changedFiles(git2, base) {
  const diff = await git2(["diff", "-M", "--name-status", "-z", "--no-ext-diff", "--no-textconv", base, "--"]);
  const untracked = await git2(["ls-files", "--others", "--exclude-standard", "-z", "--"]);
  const changes = parseNameStatus(splitNul(diff));
  const seen = new Set(changes.map((change) => change.path));
  for (const path2 of splitNul(untracked)) {
    if (!seen.has(path2)) changes.push({ status: "added", path: path2 });
  }
  return changes;
}
function parseNameStatus(fields) {
  const changes = [];
  for (let i = 0; i < fields.length; ) {
    const status3 = fields[i] ?? "";
    const letter = status3.charAt(0);
    if (letter === "R" || letter === "C") {
      const from = fields[i + 1];
      const path3 = fields[i + 2];
      if (from === void 0 || path3 === void 0) throw malformed(status3);
      changes.push(letter === "R" ? { status: "renamed", path: path3, from } : { status: "added", path: path3 });
      i += 3;
      continue;
    }
    const path2 = fields[i + 1];
    if (path2 === void 0) throw malformed(status3);
    changes.push({ status: letter === "A" ? "added" : letter === "D" ? "deleted" : "modified", path: path2 });
    i += 2;
  }
  return changes;
}
function malformed(status3) {
  return new GitError("failed", `git diff printed an unexpected record (status ${JSON.stringify(status3)}); this is a bug, please report it`);
}
async function workingTreeFiles(git2, root, include = () => true) {
  const listed3 = splitNul(await git2(["ls-files", "--cached", "--others", "--exclude-standard", "-z", "--"]));
  const unique = [...new Set(listed3)].filter(include);
  const present = await Promise.all(unique.map((path2) => isFileOrLink(join8(root, path2))));
  return unique.filter((_, index) => present[index]).sort();
}
async function isFileOrLink(path2) {
  try {
    const stats = await lstat(path2);
    return stats.isFile() || stats.isSymbolicLink();
  } catch {
    return false;
  }
}

// src/github/git/history.ts
var MAX_RENAMES = 100;
var NO_BLOB = /^0+$/;
async function fileHistory(git2, commit, path2) {
  return followRenames(git2, { path: path2, from: commit }, await pathLog(git2, commit, path2), /* @__PURE__ */ new Map());
}
var PATHS_PER_LOG = 200;
async function fileHistories(git2, commit, paths2) {
  const unique = [...new Set(paths2)];
  const renames = /* @__PURE__ */ new Map();
  const out = /* @__PURE__ */ new Map();
  for (let at2 = 0; at2 < unique.length; at2 += PATHS_PER_LOG) {
    const group = unique.slice(at2, at2 + PATHS_PER_LOG);
    const logs = await pathsLog(git2, commit, group);
    const histories = await Promise.all(group.map((path2) => followRenames(git2, { path: path2, from: commit }, logs.get(path2) ?? [], renames)));
    group.forEach((path2, i) => out.set(path2, histories[i] ?? []));
  }
  return out;
}
async function followRenames(git2, start, firstEntries, renames) {
  const versions = [];
  let current = start;
  let entries = firstEntries;
  for (let hops = 0; current !== void 0 && hops <= MAX_RENAMES; hops++) {
    if (hops > 0) entries = await pathLog(git2, current.from, current.path);
    const at2 = current.path;
    versions.unshift(...withGaps(entries, at2));
    const oldest = entries[entries.length - 1];
    current = oldest === void 0 || oldest.status !== "A" ? void 0 : await renameSource(git2, oldest.commit, at2, renames);
  }
  return distinctContent(versions);
}
function distinctContent(versions) {
  const out = [];
  for (const version of versions) {
    const last = out[out.length - 1];
    if (last === void 0 || last.blob !== version.blob) out.push(version);
    else if (version.afterGap === true) {
      const reAdd = { commit: version.commit, date: version.date, path: version.path };
      out[out.length - 1] = { ...last, reAdded: [...last.reAdded ?? [], reAdd] };
    }
  }
  return out;
}
async function firstParentChain(git2, commit) {
  const output = await git2(["rev-list", "--first-parent", "--end-of-options", commit]);
  return output.toString("utf8").split("\n").filter((line2) => line2 !== "");
}
function withGaps(entries, path2) {
  const versions = [];
  let gap = false;
  for (const e of [...entries].reverse()) {
    if (NO_BLOB.test(e.blob)) {
      gap = versions.length > 0;
      continue;
    }
    versions.push({ commit: e.commit, date: e.date, path: path2, blob: e.blob, ...gap && { afterGap: true } });
    gap = false;
  }
  return versions;
}
async function pathLog(git2, from, path2) {
  const output = await git2([
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--no-abbrev",
    "--raw",
    "-z",
    "--no-renames",
    "--format=%x01%H%x00%cI",
    from,
    "--",
    path2
  ]);
  return parseRawLog(output.toString("utf8"));
}
function parseRawLog(output) {
  const entries = [];
  for (const record of output.split("")) {
    if (record === "") continue;
    const [commit, date, meta] = splitNul(record);
    if (commit === void 0 || date === void 0) throw unexpected(record);
    if (meta === void 0) continue;
    const parts = meta.trim().split(" ");
    const blob = parts[3];
    const status3 = parts[4];
    if (blob === void 0 || status3 === void 0) throw unexpected(record);
    entries.push({ commit, date, status: status3.charAt(0), blob });
  }
  return entries;
}
async function renameSource(git2, commit, path2, cache) {
  let renames = cache.get(commit);
  if (renames === void 0) {
    renames = renamesIn(git2, commit);
    cache.set(commit, renames);
  }
  const from = (await renames)?.get(path2);
  return from === void 0 ? void 0 : { path: from, from: `${commit}^1` };
}
async function renamesIn(git2, commit) {
  const parent = `${commit}^1`;
  const hasParent = await git2(["rev-parse", "--verify", "--quiet", "--end-of-options", `${parent}^{commit}`]).then(
    () => true,
    () => false
  );
  if (!hasParent) return void 0;
  const fields = splitNul(await git2(["diff", "-M", "--name-status", "-z", "--no-ext-diff", "--no-textconv", parent, commit, "--"]));
  const renames = /* @__PURE__ */ new Map();
  for (let i = 0; i < fields.length; ) {
    const status3 = fields[i] ?? "";
    const width = status3.startsWith("R") || status3.startsWith("C") ? 3 : 2;
    const from = fields[i + 1];
    const to = fields[i + 2];
    if (status3.startsWith("R") && from !== void 0 && to !== void 0 && !renames.has(to)) renames.set(to, from);
    i += width;
  }
  return renames;
}
async function pathsLog(git2, from, paths2) {
  const output = await git2([
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--no-abbrev",
    "--raw",
    "-z",
    "--no-renames",
    "--format=%x01%H%x00%cI",
    from,
    "--",
    ...paths2
  ]);
  return parseRawLogByPath(output.toString("utf8"));
}
function parseRawLogByPath(output) {
  const byPath = /* @__PURE__ */ new Map();
  for (const record of output.split("")) {
    if (record === "") continue;
    const [commit, date, ...changes] = splitNul(record);
    if (commit === void 0 || date === void 0 || changes.length % 2 !== 0) throw unexpected(record);
    for (let i = 0; i < changes.length; i += 2) {
      const parts = changes[i].trim().split(" ");
      const blob = parts[3];
      const status3 = parts[4];
      const path2 = changes[i + 1];
      if (blob === void 0 || status3 === void 0) throw unexpected(record);
      let entries = byPath.get(path2);
      if (entries === void 0) byPath.set(path2, entries = []);
      entries.push({ commit, date, status: status3.charAt(0), blob });
    }
  }
  return byPath;
}
function unexpected(record) {
  return new GitError("failed", `git log printed an unexpected record (${JSON.stringify(record.slice(0, 80))}); this is a bug, please report it`);
}

// src/github/git/object-reader.ts
import { spawn } from "node:child_process";
function objectReader(cwd, options6 = {}) {
  return new BatchProcess(cwd, options6.signal);
}
var BatchProcess = class {
  constructor(cwd, signal) {
    this.cwd = cwd;
    this.signal = signal;
    signal?.addEventListener("abort", this.onAbort, { once: true });
  }
  cwd;
  signal;
  child;
  waiting = [];
  failure;
  parser = new BatchOutputParser();
  stderr = "";
  onAbort = () => this.fail(new GitError("stopped", "reading the git history was stopped"));
  markExited = () => void 0;
  exitedPromise = new Promise((resolve7) => this.markExited = resolve7);
  get pid() {
    return this.child?.pid;
  }
  get exited() {
    return this.child === void 0 ? Promise.resolve() : this.exitedPromise;
  }
  read(names) {
    const unique = [...new Set(names)];
    if (unique.length === 0) return Promise.resolve(/* @__PURE__ */ new Map());
    for (const name of unique) {
      if (/[\r\n]/.test(name)) return Promise.reject(new GitError("failed", `cannot read ${JSON.stringify(name)} from git: the name contains a line break`));
    }
    if (this.signal?.aborted) this.onAbort();
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    const answers = unique.map((name) => new Promise((resolve7, reject) => this.waiting.push({ name, resolve: resolve7, reject })));
    this.hold(true);
    child.stdin.write(`${unique.join("\n")}
`);
    return Promise.all(answers).then((contents) => new Map(unique.map((name, i) => [name, contents[i]])));
  }
  close() {
    this.signal?.removeEventListener("abort", this.onAbort);
    this.fail(new GitError("failed", "the git object reader was closed while a read was waiting; this is a bug, please report it"));
  }
  start() {
    if (this.child) return this.child;
    const child = spawn("git", ["-c", "core.quotePath=false", "-c", "core.fsmonitor=false", "--no-pager", "cat-file", "--batch"], {
      cwd: this.cwd,
      env: gitEnvironment(process.env),
      stdio: ["pipe", "pipe", "pipe"]
    });
    this.child = child;
    child.stdout.on("data", (chunk2) => this.receive(chunk2));
    child.stderr.on("data", (chunk2) => this.stderr = (this.stderr + chunk2.toString("utf8")).slice(-4096));
    child.stdin.on("error", () => void 0);
    child.on("error", (error) => {
      this.fail(error.code === "ENOENT" ? new GitError("git-missing", "git is not installed or not on PATH; install git and run again") : new GitError("failed", `git cat-file failed: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      this.markExited();
      if (this.waiting.length > 0) this.fail(new GitError("failed", `git cat-file failed: ${firstLine(this.stderr) || `it ended early (${signal ?? `exit ${code}`})`}`));
    });
    return child;
  }
  receive(chunk2) {
    try {
      for (const content of this.parser.push(chunk2)) {
        const next = this.waiting.shift();
        if (next === void 0) throw new GitError("failed", "git cat-file --batch answered a request nobody made; this is a bug, please report it");
        next.resolve(content);
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.waiting.length === 0) this.hold(false);
  }
  /**
   * Keeps the event loop alive only while a read waits, so an idle reader a caller forgot to close
   * never holds the process open (and git then ends on its closed input).
   */
  hold(on) {
    const child = this.child;
    if (!child) return;
    for (const handle of [child, child.stdout, child.stderr, child.stdin]) {
      if (on) handle.ref?.();
      else handle.unref?.();
    }
  }
  fail(error) {
    this.failure ??= error;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.stdin.destroy();
      child.kill("SIGKILL");
    }
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure);
  }
};
var BatchOutputParser = class {
  chunks = [];
  buffered = 0;
  /** The header of the object whose content is being collected. */
  expecting;
  push(chunk2) {
    this.chunks.push(chunk2);
    this.buffered += chunk2.length;
    const out = [];
    for (; ; ) {
      if (this.expecting === void 0) {
        const data2 = this.flatten();
        const end = data2.indexOf(10);
        if (end < 0) return out;
        const header2 = parseBatchHeader(data2.subarray(0, end).toString("utf8"));
        this.keep(data2.subarray(end + 1));
        if (header2 === void 0) out.push(void 0);
        else this.expecting = { size: header2.size, blob: header2.type === "blob" };
        continue;
      }
      if (this.buffered < this.expecting.size + 1) return out;
      const data = this.flatten();
      out.push(this.expecting.blob ? Buffer.from(data.subarray(0, this.expecting.size)) : void 0);
      this.keep(data.subarray(this.expecting.size + 1));
      this.expecting = void 0;
    }
  }
  flatten() {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }
  keep(rest) {
    this.chunks = rest.length === 0 ? [] : [rest];
    this.buffered = rest.length;
  }
};

// src/github/git/refs.ts
var DEFAULT_BASE_REFS = ["origin/HEAD", "main", "master", "origin/main", "origin/master"];
async function workTreeRoot(git2, cwd) {
  try {
    return firstLine((await git2(["rev-parse", "--show-toplevel"])).toString("utf8"));
  } catch (error) {
    if (error instanceof GitError && error.kind === "failed") {
      throw new GitError("not-a-repository", `${cwd} is not inside a git work tree; run the command in a git checkout or pass --cwd <dir>`);
    }
    throw error;
  }
}
async function tryResolveCommit(git2, ref) {
  if (ref.startsWith("-")) return void 0;
  try {
    const out = firstLine((await git2(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])).toString("utf8"));
    return out === "" ? void 0 : out;
  } catch (error) {
    if (error instanceof GitError && error.kind === "failed") return void 0;
    throw error;
  }
}
async function resolveCommit(git2, ref) {
  const commit = await tryResolveCommit(git2, ref);
  if (commit !== void 0) return commit;
  throw new GitError("ref-not-found", `git ref ${JSON.stringify(ref)} does not exist; pass an existing branch, tag or commit with --against (fetch it first in CI)`);
}
async function defaultBaseRef(git2) {
  for (const ref of DEFAULT_BASE_REFS) {
    const commit = await tryResolveCommit(git2, ref);
    if (commit !== void 0) return { ref, commit };
  }
  throw new GitError("ref-not-found", `no base branch found (tried ${DEFAULT_BASE_REFS.join(", ")}); pass one with --against <git-ref>`);
}
async function mergeBase(git2, a, b) {
  try {
    const out = firstLine((await git2(["merge-base", a, b])).toString("utf8"));
    if (out !== "") return out;
  } catch (error) {
    if (!(error instanceof GitError && error.kind === "failed")) throw error;
  }
  throw new GitError("no-merge-base", `${a} and ${b} have no common ancestor; pass a base that shares history with HEAD via --against`);
}
async function isShallow(git2) {
  return firstLine((await git2(["rev-parse", "--is-shallow-repository"])).toString("utf8")) === "true";
}
async function requireFullHistory(git2) {
  if (await isShallow(git2)) {
    throw new GitError(
      "shallow",
      "the repository is a shallow clone, so the schema history is incomplete; fetch the full history (actions/checkout: `fetch-depth: 0`; locally: `git fetch --unshallow`)"
    );
  }
}

// src/github/git/repository.ts
async function openRepository(cwd) {
  const root = await workTreeRoot(gitRunner(cwd), cwd);
  const git2 = gitRunner(root);
  return {
    root,
    resolveCommit: (ref) => resolveCommit(git2, ref),
    async head() {
      const commit = await tryResolveCommit(git2, "HEAD");
      if (commit !== void 0) return commit;
      throw new GitError("ref-not-found", "the repository has no commit yet; commit the schemas first");
    },
    defaultBase: () => defaultBaseRef(git2),
    mergeBase: (a, b) => mergeBase(git2, a, b),
    requireFullHistory: () => requireFullHistory(git2),
    changedFiles: (base) => changedFiles(git2, base),
    workingTreeFiles: (include) => workingTreeFiles(git2, root, include),
    fileHistory: (commit, path2) => fileHistory(git2, commit, path2),
    fileHistories: (commit, paths2) => fileHistories(git2, commit, paths2),
    readObjects: (names) => readObjects(git2, names),
    readWorkingFile: (path2) => readWorkingFile(root, path2),
    firstParentChain: (commit) => firstParentChain(git2, commit),
    openObjectReader: (readerOptions) => objectReader(root, readerOptions)
  };
}
async function readWorkingFile(root, path2) {
  const absolute = join9(root, path2);
  const stats = await lstat2(absolute);
  if (stats.isSymbolicLink()) {
    throw new GitError("failed", `${path2} is a symbolic link; schema files must be regular files`);
  }
  return readFile3(absolute);
}

// src/policy/check/run-registry-check.ts
import { readFile as readFile4 } from "node:fs/promises";

// src/policy/check/references.ts
function referenceResolver(workspace, resolver, facts) {
  const memo = /* @__PURE__ */ new Map();
  const memoised = (file, seen) => {
    let pending = memo.get(file);
    if (pending === void 0) {
      pending = resolveFile(file, seen);
      memo.set(file, pending);
    }
    return pending;
  };
  const resolve7 = (file) => memoised(file, /* @__PURE__ */ new Set([file]));
  async function resolveFile(file, seen) {
    const source = workspace.sources.get(file);
    if (source === void 0) return { ok: true, references: [] };
    const dependencies = dependenciesOf(source, workspace.index).filter((dependency) => !seen.has(dependency));
    const results = await Promise.all(dependencies.map((dependency) => referenceTo(dependency, seen)));
    const problems = results.flatMap((result) => "problem" in result ? [result.problem] : []);
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, references: results.flatMap((result) => "reference" in result ? [result.reference] : []) };
  }
  async function referenceTo(file, seen) {
    const source = workspace.sources.get(file);
    const name = source?.scan?.defines[0];
    if (source?.text === void 0 || name === void 0) return { problem: `${file} cannot be read as a schema` };
    const subject2 = subjectOf2(file, source);
    if (typeof subject2 !== "string") return subject2;
    const own = seen.has(file) ? { ok: true, references: [] } : await memoised(file, /* @__PURE__ */ new Set([...seen, file]));
    if (!own.ok) return { problem: own.problems.join("; ") };
    const registered = await facts.lookup(subject2, { schema: source.text, ...own.references.length > 0 && { references: own.references } });
    if (registered === void 0) {
      return { problem: `the content of ${file} (type ${name}) is not registered under subject '${subject2}'; register it first, or merge its change on its own` };
    }
    return { reference: { name, subject: subject2, version: registered.version } };
  }
  function subjectOf2(file, source) {
    try {
      return subjectNameFor(file, resolver.mappingFor(file), source.scan?.defines[0]);
    } catch (error) {
      if (error instanceof SubjectNamingError) return { problem: error.message };
      throw error;
    }
  }
  return resolve7;
}

// src/policy/check/registry-facts.ts
function registryFacts(client) {
  const memo = /* @__PURE__ */ new Map();
  const once = (key, load) => {
    let pending = memo.get(key);
    if (pending === void 0) {
      pending = load();
      memo.set(key, pending);
    }
    return pending;
  };
  const globalLevel = () => once("global", async () => levelOf((await client.getGlobalConfig()).compatibilityLevel, "the global config"));
  return {
    level: (subject2) => once(`config ${subject2}`, async () => {
      const config2 = await client.getSubjectConfig(subject2, { defaultToGlobal: true });
      return config2 === void 0 ? globalLevel() : levelOf(config2.compatibilityLevel, `the config of subject '${subject2}'`);
    }),
    versions: (subject2) => once(`versions ${subject2}`, async () => {
      const rows = await client.listSchemas({ subjectPrefix: subject2, trustShortFirstPage: true });
      return rows.filter((row3) => row3.subject === subject2 && !row3.deleted).sort((a, b) => a.version - b.version);
    }),
    latest: (subject2) => once(`latest ${subject2}`, async () => {
      try {
        return [await client.getVersion(subject2, "latest")];
      } catch (error) {
        if (error instanceof RegistryError && error.kind === "not-found" && NO_VERSION.includes(error.code ?? 0)) return [];
        throw error;
      }
    }),
    referenced: (reference3) => once(`ref ${reference3.subject} ${reference3.version}`, () => client.getVersion(reference3.subject, reference3.version)),
    lookup: (subject2, schema) => once(`lookup ${subject2} ${JSON.stringify(schema)}`, () => client.lookupSchema(subject2, schema)),
    check: async (subject2, schema) => {
      try {
        return { kind: "checked", result: await client.checkCompatibility(subject2, schema, { verbose: true }) };
      } catch (error) {
        if (error instanceof RegistryError && error.code === RegistryErrorCodes.SUBJECT_NOT_FOUND) return { kind: "new" };
        throw error;
      }
    }
  };
}
var NO_VERSION = [RegistryErrorCodes.SUBJECT_NOT_FOUND, RegistryErrorCodes.VERSION_NOT_FOUND];
function levelOf(level3, what) {
  if (isCompatibilityLevel(level3)) return level3;
  throw new RegistryError(`${what} has no usable compatibilityLevel (got ${JSON.stringify(level3) ?? "nothing"})`, {
    kind: "malformed-response",
    endpoint: "GET /config/{subject}",
    hint: "Check that the URL points at a Confluent-compatible Schema Registry."
  });
}

// src/policy/check/registry-settings.ts
import { isAbsolute as isAbsolute2, join as join10 } from "node:path";
function registryUrlOf(inputs, config2) {
  const fromConfig = config2?.urls.length ? config2.urls.join(",") : void 0;
  return nonEmpty3(inputs.flags.url) ?? nonEmpty3(inputs.env[REGISTRY_ENV.url]) ?? fromConfig;
}
async function registrySettingsOf(inputs, config2, root, cwd) {
  const { flags, env } = inputs;
  const url2 = registryUrlOf(inputs, config2);
  if (url2 === void 0) throw new InputError(`no registry URL: give --registry-url, set ${REGISTRY_ENV.url}, or set registry.url in guardrails.yaml`);
  const files = {
    ca: flags.caFile ? join22(cwd, flags.caFile) : env[REGISTRY_ENV.caFile] ? join22(cwd, env[REGISTRY_ENV.caFile]) : config2?.caFile && join22(root, config2.caFile),
    cert: flags.certFile ? join22(cwd, flags.certFile) : env[REGISTRY_ENV.certFile] ? join22(cwd, env[REGISTRY_ENV.certFile]) : config2?.certFile && join22(root, config2.certFile),
    key: flags.keyFile ? join22(cwd, flags.keyFile) : env[REGISTRY_ENV.keyFile] ? join22(cwd, env[REGISTRY_ENV.keyFile]) : config2?.keyFile && join22(root, config2.keyFile)
  };
  const tls = await readTls(files, env[REGISTRY_ENV.keyPassphrase], inputs.readFile);
  const auth2 = authOf(env, config2);
  try {
    return parseRegistrySettings({
      url: url2,
      ...auth2,
      ...tls && { tls },
      headers: { ...config2?.headers },
      ...definedOnly2({
        timeoutMs: flags.timeoutMs ?? config2?.timeoutMs,
        maxConcurrency: flags.concurrency ?? config2?.maxConcurrency,
        retry: config2?.maxAttempts === void 0 ? void 0 : { maxAttempts: config2.maxAttempts }
      })
    });
  } catch (error) {
    if (error instanceof RegistryError) throw new InputError(`registry settings: ${error.issues?.join("; ") ?? error.message}`);
    throw error;
  }
}
function authOf(env, config2) {
  try {
    const auth2 = authFromEnv(env, definedOnly2({ logicalCluster: config2?.logicalCluster, identityPoolId: config2?.identityPoolId }));
    return auth2 === void 0 ? {} : { auth: auth2 };
  } catch (error) {
    if (error instanceof RegistryError) throw new InputError(error.issues?.[0] ?? error.message);
    throw error;
  }
}
async function readTls(files, passphrase, readFile11) {
  if (!files.ca && !files.cert && !files.key) return void 0;
  if (!files.cert !== !files.key) throw new InputError("mutual TLS needs both a client certificate and a key file (--registry-cert-file and --registry-key-file)");
  const read = async (path2, what) => {
    if (!path2) return void 0;
    try {
      return await readFile11(path2);
    } catch (error) {
      throw new InputError(`cannot read the registry ${what} file ${path2} (${error.code ?? "unreadable"})`);
    }
  };
  const [ca, cert, key] = await Promise.all([read(files.ca, "CA"), read(files.cert, "client certificate"), read(files.key, "client key")]);
  return definedOnly2({ ca, cert, key, passphrase: nonEmpty3(passphrase) });
}
function join22(base, path2) {
  if (path2 === void 0) return void 0;
  return isAbsolute2(path2) ? path2 : join10(base, path2);
}
function nonEmpty3(value) {
  return value === void 0 || value.trim() === "" ? void 0 : value;
}
function definedOnly2(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}

// src/policy/check/compact-entry.ts
var StringPool = class {
  strings = /* @__PURE__ */ new Map();
  /** A copy of plain data (objects, arrays, primitives) with every string taken from the pool; other objects (an Evolution) are kept as they are. */
  compact(value) {
    return this.copy(value);
  }
  copy(value) {
    if (typeof value === "string") return this.intern(value);
    if (Array.isArray(value)) return value.map((item) => this.copy(item));
    if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
    const out = {};
    for (const [key, item] of Object.entries(value)) out[this.intern(key)] = this.copy(item);
    return out;
  }
  intern(text) {
    let pooled = this.strings.get(text);
    if (pooled === void 0) {
      pooled = ` ${text}`.slice(1);
      this.strings.set(pooled, pooled);
    }
    return pooled;
  }
};

// src/policy/deprecation/referenced-history.ts
function combinedStates(tracks, chain) {
  if (chain === void 0 && tracks.length > 1) throw new Error("internal: the states of several files need the first-parent chain to order them");
  const order = chain ?? (tracks[0]?.versions ?? []).flatMap((v) => [v.commit, ...(v.reAdded ?? []).map((r) => r.commit)]).reverse();
  const position = new Map(order.map((commit, i) => [commit, order.length - 1 - i]));
  const steps = [];
  for (const track of tracks) {
    for (const version of track.versions) {
      const at2 = position.get(version.commit);
      if (at2 !== void 0) steps.push({ file: track.file, position: at2, content: { path: version.path, blob: version.blob }, gap: version.afterGap === true });
      for (const reAdd of version.reAdded ?? []) {
        const again = position.get(reAdd.commit);
        if (again !== void 0) steps.push({ file: track.file, position: again, content: { path: reAdd.path, blob: version.blob }, gap: true });
      }
    }
  }
  steps.sort((a, b) => a.position - b.position);
  const files = /* @__PURE__ */ new Map();
  const states = [];
  for (let i = 0; i < steps.length; ) {
    const at2 = steps[i].position;
    let gap = false;
    for (; i < steps.length && steps[i].position === at2; i++) {
      const step = steps[i];
      files.set(step.file, step.content);
      gap ||= step.gap;
    }
    states.push({ commit: order[order.length - 1 - at2], files: new Map(files), afterGap: gap });
  }
  return states;
}

// src/policy/check/referenced-at.ts
async function referencedObjects(lookup, own, sources) {
  const files = await referencedWorkingFiles(lookup, own.file, sources);
  if (files.length === 0) return [];
  const histories = await lookup.repo.fileHistories(lookup.baseCommit, files.map(lookup.basePathOf));
  const tracks = [own, ...files.map((file) => ({ file, versions: histories.get(lookup.basePathOf(file)) ?? [] }))];
  const states = new Map(combinedStates(tracks, [...await lookup.chain()]).map((state) => [state.commit, state.files]));
  const objects = [];
  for (const version of own.versions) {
    const at2 = states.get(version.commit) ?? /* @__PURE__ */ new Map();
    for (const file of files) {
      const content = at2.get(file);
      if (content !== void 0 && file !== version.path) objects.push({ commit: version.commit, path: file, blob: content.blob });
    }
  }
  return objects;
}
async function referencedWorkingFiles(lookup, ownFile, sources) {
  const direct = /* @__PURE__ */ new Set();
  for (const source of sources) for (const file of source === void 0 ? [] : dependenciesOf(source, lookup.index)) direct.add(file);
  const all = /* @__PURE__ */ new Set();
  for (const file of direct) for (const found of (await sourceClosure(file, lookup.workingTree, lookup.index)).keys()) all.add(found);
  all.delete(ownFile);
  return [...all];
}

// src/policy/check/workspace.ts
async function loadWorkspace(repo, schemaFiles) {
  const sources = /* @__PURE__ */ new Map();
  const unreadable3 = /* @__PURE__ */ new Map();
  await Promise.all(
    schemaFiles.map(async (file) => {
      try {
        const { document: _parsed, ...source } = scanSource(file, await repo.readWorkingFile(file));
        sources.set(file, source);
      } catch (error) {
        unreadable3.set(file, readProblem(file, error));
      }
    })
  );
  return {
    sources,
    unreadable: unreadable3,
    index: nameIndexOf(sources.values()),
    reader: async (files) => new Map(files.map((file) => [file, sources.get(file)]))
  };
}
function readProblem(file, error) {
  if (error instanceof GitError) return error.message;
  const code = error.code;
  return `${file}: cannot read the file (${code ?? String(error)})`;
}
var CommittedSources = class {
  constructor(repo) {
    this.repo = repo;
  }
  repo;
  cache = /* @__PURE__ */ new Map();
  /**
   * Reads many `<commit>:<path>` objects in one batch ahead of use. With the blob id (known from the
   * log), git reads the object directly instead of walking the commit's trees to the path.
   */
  async prefetch(objects) {
    const wanted = /* @__PURE__ */ new Map();
    for (const { commit, path: path2, blob } of objects) {
      const name = `${commit}:${path2}`;
      if (!this.cache.has(name)) wanted.set(name, blob ?? name);
    }
    const readable = [...wanted].filter(([name]) => !/[\r\n]/.test(name)).map(([, request2]) => request2);
    const contents = await this.repo.readObjects(readable);
    for (const [name, request2] of wanted) {
      const bytes = /[\r\n]/.test(name) ? void 0 : contents.get(request2);
      const path2 = name.slice(name.indexOf(":") + 1);
      this.cache.set(name, bytes === void 0 ? void 0 : scanSource(path2, bytes));
    }
  }
  /** A reader of the files as they were at `commit`. */
  readerAt(commit) {
    return async (files) => {
      await this.prefetch(files.map((path2) => ({ commit, path: path2 })));
      return new Map(files.map((path2) => [path2, this.cache.get(`${commit}:${path2}`)]));
    };
  }
};

// src/policy/check/history.ts
async function listHistories(repo, baseCommit, paths2) {
  return repo.fileHistories(baseCommit, paths2);
}
async function parseHistory(versions, committed, index) {
  const parsed = [];
  const warnings = [];
  const unresolved = [];
  for (const version of versions) {
    const closure = await sourceClosure(version.path, committed.readerAt(version.commit), index);
    const result = closure.has(version.path) ? loadFromClosure(version.path, closure, false, version.commit) : void 0;
    const label2 = `the version of ${version.path} from commit ${version.commit.slice(0, 12)} (${version.date})`;
    if (result === void 0) warnings.push(`${label2} could not be read from git and was skipped`);
    else if (!result.ok && result.error.code === "MISSING_REFERENCE") unresolved.push(`${label2} uses a type no schema file defined at that commit: ${result.error.message}`);
    else if (!result.ok) warnings.push(`${label2} does not parse and was skipped: ${result.error.message}`);
    else {
      const meta = { version: parsed.length, commit: version.commit, date: version.date, file: version.path };
      parsed.push({ meta, parsed: result.value });
    }
  }
  return { versions: parsed, warnings, unresolved };
}
async function parseHistoryFollowingReferences(versions, first, objects, ownFile, lookup) {
  const roots = await Promise.all(versions.map(async (version) => (await first.readerAt(version.commit)([version.path])).get(version.path)));
  const referenced = await referencedObjects(lookup, { file: ownFile, versions }, roots);
  const committed = new CommittedSources(objects);
  await committed.prefetch([...versions.map(({ commit, path: path2, blob }) => ({ commit, path: path2, blob })), ...referenced]);
  return parseHistory(versions, committed, lookup.index);
}

// src/policy/check/history-stream.ts
var GROUP = 100;
async function* streamHistories(repo, baseCommit, paths2) {
  const groups2 = [];
  for (let at2 = 0; at2 < paths2.length; at2 += GROUP) groups2.push(paths2.slice(at2, at2 + GROUP));
  const list = (group) => repo.fileHistories(baseCommit, [...new Set(group)]);
  let next = groups2[0] === void 0 ? void 0 : list(groups2[0]);
  for (let i = 0; i < groups2.length; i++) {
    const histories = await next;
    const following = groups2[i + 1];
    next = following === void 0 ? void 0 : list(following);
    next?.catch(() => void 0);
    for (const path2 of groups2[i]) yield histories.get(path2) ?? [];
  }
}

// src/policy/check/plan.ts
function planCheck(input) {
  const changed2 = schemaChanges(input.changes, input.isSchemaFile);
  if (!input.all && changed2.length > 0) return { mode: "changed", targets: sortTargets(changed2) };
  const byFile = new Map(changed2.map((target) => [target.file, target]));
  const present = input.files.filter(input.isSchemaFile).map((file) => byFile.get(file) ?? { file, kind: "unchanged", historyPath: file });
  const deleted = changed2.filter((target) => target.kind === "deleted");
  return { mode: input.all ? "all" : "audit", targets: sortTargets([...present, ...deleted]) };
}
function schemaChanges(changes, isSchemaFile) {
  const targets = [];
  for (const change of changes) {
    if (change.status === "renamed") {
      const toSchema = isSchemaFile(change.path);
      const fromSchema = isSchemaFile(change.from);
      if (toSchema && fromSchema) targets.push({ file: change.path, kind: "renamed", historyPath: change.from });
      else if (toSchema) targets.push({ file: change.path, kind: "added", historyPath: change.path });
      else if (fromSchema) targets.push({ file: change.from, kind: "deleted", historyPath: change.from });
    } else if (isSchemaFile(change.path)) {
      targets.push({ file: change.path, kind: change.status, historyPath: change.path });
    }
  }
  return targets;
}
function sortTargets(targets) {
  return targets.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

// src/policy/check/run-check.ts
async function prepareCheck(options6) {
  const repo = await options6.openRepository(options6.cwd);
  const { settings, warnings } = await loadConfig({ path: options6.configPath, cwd: options6.cwd, root: repo.root });
  await repo.requireFullHistory();
  const against = await resolveBase(repo, options6.against);
  const resolver = subjectResolver(settings);
  const files = await repo.workingTreeFiles(resolver.isSchemaFile);
  const changes = await repo.changedFiles(against.mergeBase);
  const plan = planCheck({ changes, files, isSchemaFile: resolver.isSchemaFile, all: options6.all ?? false });
  const present = plan.targets.filter((target) => target.kind !== "deleted").map((target) => target.file);
  const workspace = await loadWorkspace(repo, [.../* @__PURE__ */ new Set([...files, ...present])]);
  return {
    repo,
    settings,
    warnings,
    against,
    resolver,
    plan,
    workspace,
    ...options6.signal !== void 0 && { signal: options6.signal },
    ...options6.historyObserver !== void 0 && { historyObserver: options6.historyObserver }
  };
}
async function offlineReport(prepared) {
  const subjects = await checkTargets(prepared);
  return reportOf(prepared, subjects, prepared.warnings);
}
function reportOf(prepared, subjects, warnings) {
  const checked3 = markDuplicateSubjects(subjects);
  const ok = checked3.every((entry) => entry.status !== "incompatible" && entry.status !== "error");
  return { reportVersion: REPORT_VERSION, ok, mode: prepared.plan.mode, against: prepared.against, subjects: checked3, warnings };
}
async function resolveBase(repo, against) {
  const head = await repo.head();
  const base = against === void 0 ? await repo.defaultBase() : { ref: against, commit: await repo.resolveCommit(against) };
  return { ...base, mergeBase: await repo.mergeBase(base.commit, head) };
}
async function checkTargets(prepared) {
  const { repo, against, plan, workspace, resolver, signal, historyObserver } = prepared;
  const reader = repo.openObjectReader(signal === void 0 ? {} : { signal });
  const source = { readObjects: (names) => reader.read(names) };
  const strings = new StringPool();
  const lookup = referencedLookup(prepared);
  try {
    const subjects = [];
    const histories = streamHistories(repo, against.commit, plan.targets.map((target) => target.historyPath));
    const fetchNext = async () => {
      const next = await histories.next();
      if (next.done === true) return void 0;
      const committed = new CommittedSources(source);
      const read = committed.prefetch(next.value.map(({ commit, path: path2, blob }) => ({ commit, path: path2, blob })));
      read.catch(() => void 0);
      return { versions: next.value, committed, read };
    };
    let upcoming = fetchNext();
    for (const target of plan.targets) {
      if (signal?.aborted === true) throw new GitError("stopped", "the check was stopped before it read every subject's history");
      const current = await upcoming;
      if (current === void 0) throw new Error(`internal: no history listed for ${target.historyPath}`);
      upcoming = fetchNext();
      upcoming.catch(() => void 0);
      await current.read;
      const first = await parseHistory(current.versions, current.committed, workspace.index);
      const history = first.unresolved.length === 0 ? first : await parseHistoryFollowingReferences(current.versions, current.committed, source, target.historyPath, lookup);
      historyObserver?.loaded(target.file, history.versions.length);
      subjects.push(strings.compact(await checkTarget(target, history, workspace, resolver, plan.mode === "audit")));
      historyObserver?.released(target.file);
    }
    return subjects;
  } finally {
    reader.close();
  }
}
function referencedLookup(prepared) {
  const { repo, against, plan, workspace } = prepared;
  const renamed = new Map(plan.targets.filter((target) => target.kind === "renamed").map((target) => [target.file, target.historyPath]));
  let chain;
  return {
    repo,
    baseCommit: against.commit,
    chain: () => chain ??= repo.firstParentChain(against.commit),
    index: workspace.index,
    workingTree: workspace.reader,
    basePathOf: (file) => renamed.get(file) ?? file
  };
}
async function checkTarget(target, history, workspace, resolver, audit) {
  const mapping = resolver.mappingFor(target.file);
  const latest = history.versions[history.versions.length - 1]?.parsed.loaded.schema;
  const base = {
    subject: null,
    file: target.file,
    ...target.kind === "renamed" && { previousFile: target.historyPath },
    level: mapping.level,
    warnings: history.warnings
  };
  const metas = history.versions.map((version) => version.meta);
  if (history.unresolved.length > 0) {
    const named = { ...base, subject: nameSubject(target.file, mapping, latest).subject };
    const message = `${history.unresolved[0]}. Files that define shared types were probably moved or renamed; check with the types at their old paths, or move them in a separate change`;
    return errorSubject(named, { code: "HISTORY_UNRESOLVED", message, file: target.file }, metas);
  }
  if (target.kind === "deleted") {
    const naming2 = nameSubject(target.file, mapping, latest);
    if (naming2.error) return errorSubject(base, naming2.error, metas);
    return evaluateSubject({ ...base, subject: naming2.subject, history: history.versions, audit });
  }
  const unreadable3 = workspace.sources.has(target.file) ? void 0 : workspace.unreadable.get(target.file) ?? `${target.file}: cannot read the file`;
  if (unreadable3 !== void 0) {
    const named = { ...base, subject: nameSubject(target.file, mapping, latest).subject };
    return errorSubject(named, { code: "READ_ERROR", message: unreadable3, file: target.file }, metas);
  }
  const closure = await sourceClosure(target.file, workspace.reader, workspace.index);
  const loaded3 = loadFromClosure(target.file, closure, true);
  if (!loaded3.ok) {
    const named = { ...base, subject: nameSubject(target.file, mapping, latest).subject };
    return errorSubject(named, schemaErrorEntry(loaded3.error, target.file, loaded3.text), metas);
  }
  const naming = nameSubject(target.file, mapping, loaded3.value.loaded.schema);
  if (naming.error) return errorSubject(base, naming.error, metas);
  return evaluateSubject({ ...base, subject: naming.subject, history: history.versions, candidate: loaded3.value, audit });
}

// src/policy/check/run-registry-check.ts
async function runRegistryCheck(options6) {
  const prepared = await prepareCheck(options6);
  const inputs = { flags: options6.registry.flags, env: options6.registry.env, readFile: options6.registry.readFile ?? ((path2) => readFile4(path2, "utf8")) };
  const config2 = prepared.settings.registry;
  if (options6.registry.offline === true || registryUrlOf(inputs, config2) === void 0) return offlineReport(prepared);
  const settings = await registrySettingsOf(inputs, config2, prepared.repo.root, options6.cwd);
  const registryUrl = settings.baseUrls.join(", ");
  const client = (options6.registry.createClient ?? ((s) => createRegistryClient(s)))(settings);
  try {
    const subjects = await registrySubjects(prepared, client, settings.maxConcurrency);
    return { ...reportOf(prepared, subjects, prepared.warnings), source: "registry", registryUrl };
  } catch (error) {
    const onUnavailable = options6.registry.onUnavailable ?? prepared.settings.onRegistryUnavailable;
    if (!(error instanceof RegistryCheckError) || error.kind !== "unavailable" || onUnavailable !== "offline") throw error;
    const offline2 = await offlineReport(prepared);
    return { ...offline2, source: "git", registryUrl, degraded: { reason: error.detail } };
  } finally {
    client.close();
  }
}
async function registrySubjects(prepared, client, concurrency) {
  const facts = registryFacts(client);
  const committed = new CommittedSources(prepared.repo);
  const previousSource = async (target) => (await committed.readerAt(prepared.against.mergeBase)([target.historyPath])).get(target.historyPath);
  return checkTargetsAgainstRegistry(prepared.plan.targets, {
    workspace: prepared.workspace,
    resolver: prepared.resolver,
    facts,
    references: referenceResolver(prepared.workspace, prepared.resolver, facts),
    previousSource,
    concurrency
  });
}

// src/cli/commands/metrics-check.ts
function checkMetrics(report) {
  return [
    sample("checkSubjectsChecked", report.subjects.length, {}),
    sample("checkIncompatibilities", report.subjects.reduce((n, s) => n + s.incompatibilities.length, 0), {}),
    sample("checkAllowedBreaks", 0, {})
  ];
}

// src/cli/commands/check.ts
var REGISTRY = "Schema Registry";
var checkCommand = defineCommand({
  name: "check",
  summary: "Check changed Avro schemas against their git history or a Schema Registry",
  usage: ["check [--against GIT-REF] [--all] [--format text|json|github] [--config PATH] [--cwd DIR] [--registry-url URL] [--offline]"],
  description: `Checks the Avro schema files changed between the merge-base of GIT-REF and HEAD and the working
tree (committed, staged, unstaged and untracked changes; added, modified, renamed and deleted files).
Each file is checked at its subject's compatibility level against every committed version of it on
GIT-REF's first-parent history, offline: no registry, network or token. When no schema file
changed, the whole committed history of every subject is audited instead.

With a Schema Registry (--registry-url, $GUARDRAILS_REGISTRY_URL or registry.url in the config),
each subject's level, versions and verdict come from the registry instead, cross-checked by the
local engine (docs/registry.md). Credentials come from the environment only:
GUARDRAILS_REGISTRY_API_KEY and _API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN.`,
  options: {
    against: option({
      placeholder: "GIT-REF",
      description: "Base branch, tag or commit (default: the first of origin/HEAD, main, master, origin/main, origin/master that exists)",
      parse: textValue()
    }),
    all: flag("Check every schema file, changed or not"),
    format: reportFormatOption,
    config: option({ placeholder: "PATH", description: "Config file (default: guardrails.yaml at the repository root, or built-in defaults)", parse: textValue() }),
    cwd: option({ placeholder: "DIR", description: "Run in this directory instead of the current one", parse: pathValue("dir") }),
    "registry-url": registryUrlOption(REGISTRY),
    "registry-ca-file": option({ placeholder: "PATH", description: "PEM file of the CA for TLS", parse: textValue(), group: REGISTRY }),
    "registry-cert-file": option({ placeholder: "PATH", description: "PEM client certificate for mutual TLS", parse: textValue(), group: REGISTRY }),
    "registry-key-file": option({ placeholder: "PATH", description: "PEM client key for mutual TLS", parse: textValue(), group: REGISTRY }),
    "registry-concurrency": option({ placeholder: "N", description: "Requests in flight at once, 1-64 (default 4)", parse: intValue(1, 64), group: REGISTRY }),
    "registry-timeout-ms": option({ placeholder: "MS", description: "Per-request timeout, 1-600000 (default 30000)", parse: intValue(1, 6e5), group: REGISTRY }),
    "on-registry-unavailable": option({
      placeholder: "fail|offline",
      description: "When the registry cannot answer: fail (default) or fall back to the git-history check, marked degraded",
      parse: enumValue(["fail", "offline"]),
      group: REGISTRY
    }),
    offline: flag("The git-history check even when a registry is configured", { group: REGISTRY })
  },
  exits: {
    ok: "compatible",
    failed: "incompatible",
    unavailable: "the Schema Registry is unavailable, so the check failed closed"
  },
  notes: "Refused registry credentials are bad input (2).",
  async run(values, { io, recordMetrics }) {
    const report = await runRegistryCheck({
      cwd: values.cwd ?? io.cwd,
      against: values.against,
      all: values.all,
      configPath: values.config,
      openRepository,
      ...io.signal !== void 0 && { signal: io.signal },
      registry: {
        flags: {
          url: values["registry-url"],
          caFile: values["registry-ca-file"],
          certFile: values["registry-cert-file"],
          keyFile: values["registry-key-file"],
          concurrency: values["registry-concurrency"],
          timeoutMs: values["registry-timeout-ms"]
        },
        env: io.env,
        offline: values.offline,
        ...values["on-registry-unavailable"] !== void 0 && { onUnavailable: values["on-registry-unavailable"] }
      }
    });
    recordMetrics?.(checkMetrics(report));
    return writeReportInPieces(report, values.format, io);
  }
});
async function writeReportInPieces(report, format, io) {
  if (format === "github") return writeReport(report, format, io);
  const pieces = format === "json" ? renderJsonChunks(report) : renderTextChunks(report, styleFor(io.stdout.isTTY, io.env));
  for (const piece of pieces) {
    if (io.stdout.write(piece) === false) await drained(io.stdout);
  }
  return exitCodeOf(report);
}
function drained(stream) {
  const emitter = stream;
  if (typeof emitter.once !== "function") return Promise.resolve();
  return new Promise((resolve7) => {
    const done = () => {
      emitter.off?.("drain", done);
      emitter.off?.("close", done);
      emitter.off?.("error", done);
      resolve7();
    };
    emitter.once?.("drain", done);
    emitter.once?.("close", done);
    emitter.once?.("error", done);
  });
}

// src/cli/commands/compat.ts
import { readFile as readFile5 } from "node:fs/promises";
import { resolve as resolve2 } from "node:path";

// src/policy/check/run-compat.ts
async function runCompat(options6) {
  const candidateFile = options6.files[options6.files.length - 1];
  if (candidateFile === void 0) throw new InputError("compat needs at least one schema file");
  const olderFiles = options6.files.slice(0, -1);
  const base = { subject: null, file: candidateFile, level: options6.level, warnings: [] };
  const history = [];
  for (const [version, file] of olderFiles.entries()) {
    const meta = { version, file };
    const parsed = await parseFile(file, false, options6.readFile);
    if ("error" in parsed) return single(errorSubject(base, parsed.error, history.map((v) => v.meta)));
    history.push({ meta, parsed });
  }
  const candidate = await parseFile(candidateFile, true, options6.readFile);
  const metas = history.map((v) => v.meta);
  const entry = "error" in candidate ? errorSubject(base, candidate.error, metas) : evaluateSubject({ ...base, history, candidate, audit: false });
  return single(entry);
}
async function parseFile(file, strict, readFile11) {
  let bytes;
  try {
    bytes = await readFile11(file);
  } catch (error) {
    const code = error.code;
    throw new InputError(`cannot read ${file}${code === "ENOENT" ? ": no such file" : code ? ` (${code})` : ""}`);
  }
  const source = scanSource(file, bytes);
  const loaded3 = loadFromClosure(file, /* @__PURE__ */ new Map([[file, source]]), strict);
  if (loaded3.ok) return loaded3.value;
  return { error: schemaErrorEntry(loaded3.error, file, loaded3.text) };
}
function single(entry) {
  const ok = entry.status !== "incompatible" && entry.status !== "error";
  return { reportVersion: REPORT_VERSION, ok, mode: "files", against: null, subjects: [entry], warnings: [] };
}

// src/cli/commands/compat.ts
var compatCommand = defineCommand({
  name: "compat",
  summary: "Check one schema against older versions of its subject, given as files",
  usage: ["compat [--level LEVEL] [--format text|json|github] <older.avsc>... <candidate.avsc>"],
  description: `Checks whether <candidate.avsc> may be registered after the older versions of its subject, given
oldest first, at a Confluent compatibility level. The candidate is validated strictly, as the
registry validates a new schema; older versions are read leniently, as the registry reads what it
stores. With only a candidate, it is validated as a new subject.`,
  options: {
    level: option({
      placeholder: "LEVEL",
      description: `${COMPATIBILITY_LEVELS.join(", ")} (default BACKWARD; any case)`,
      parse: enumValue(COMPATIBILITY_LEVELS, { ignoreCase: true }),
      fallback: "BACKWARD"
    }),
    format: reportFormatOption
  },
  positionals: { placeholder: "at least one schema file: <older.avsc>... <candidate.avsc>", min: 1 },
  exits: { ok: "compatible", failed: "incompatible" },
  async run(values, { io, positionals }) {
    const report = await runCompat({ files: positionals, level: values.level, readFile: (file) => readFile5(resolve2(io.cwd, file)) });
    return writeReport(report, values.format, io);
  }
});

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options6) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options6) {
    options6 = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options6);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options6);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options6);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options6) => {
      return Promise.resolve().then(orig.bind(null, options6)).then(method.bind(null, options6));
    };
  }
  if (kind === "after") {
    hook2 = (method, options6) => {
      let result;
      return Promise.resolve().then(method.bind(null, options6)).then((result_) => {
        result = result_;
        return orig(result, options6);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options6) => {
      return Promise.resolve().then(method.bind(null, options6)).catch((error) => {
        return orig(error, options6);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options6) {
  const result = Object.assign({}, defaults);
  Object.keys(options6).forEach((key) => {
    if (isPlainObject2(options6[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options6[key] });
      else result[key] = mergeDeep(defaults[key], options6[key]);
    } else {
      Object.assign(result, { [key]: options6[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options6) {
  if (typeof route === "string") {
    let [method, url2] = route.split(" ");
    options6 = Object.assign(url2 ? { method, url: url2 } : { url: method }, options6);
  } else {
    options6 = Object.assign({}, route);
  }
  options6.headers = lowercaseKeys(options6.headers);
  removeUndefinedProperties(options6);
  removeUndefinedProperties(options6.headers);
  const mergedOptions = mergeDeep(defaults || {}, options6);
  if (options6.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url2, parameters) {
  const separator = /\?/.test(url2) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url2;
  }
  return url2 + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url2) {
  const matches = url2.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context2, operator, key, modifier) {
  var value = context2[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context2) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context2, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options6) {
  let method = options6.method.toUpperCase();
  let url2 = (options6.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options6.headers);
  let body;
  let parameters = omit(options6, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url2);
  url2 = parseUrl(url2).expand(parameters);
  if (!/^http/.test(url2)) {
    url2 = options6.baseUrl + url2;
  }
  const omittedParameters = Object.keys(options6).filter((option2) => urlVariableNames.includes(option2)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options6.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options6.mediaType.format}`
        )
      ).join(",");
    }
    if (url2.endsWith("/graphql")) {
      if (options6.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options6.mediaType.previews).map((preview) => {
          const format = options6.mediaType.format ? `.${options6.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url2 = addQueryParameters(url2, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url: url2, headers },
    typeof body !== "undefined" ? { body } : null,
    options6.request ? { request: options6.request } : null
  );
}
function endpointWithDefaults(defaults, route, options6) {
  return parse(merge(defaults, route, options6));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/@octokit/request/dist-bundle/index.js
var import_content_type = __toESM(require_dist(), 1);

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject3 = val !== null && typeof val === "object";
    const hasToJSON = isObject3 && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level3 = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level3++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level3));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level3) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level3--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level3));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context2) => !!context2?.source && context2.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context2, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context2);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context2) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context2 && intRegex.test(context2.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context2.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context2);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context2) => convertMarkedBigIntsReviver(key, value, context2, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options6) {
    super(message, { cause: options6.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options6) {
      this.response = options6.response;
    }
    const requestCopy = Object.assign({}, options6.request);
    if (options6.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options6.request.headers, {
        authorization: options6.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION2 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
  }
};
function isPlainObject3(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch2 = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch2) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject3(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch2(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status3 = fetchResponse.status;
  const url2 = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url: url2,
    status: status3,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status3 === 204 || status3 === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status3 < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status3, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status3 === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status3, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status3 >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status3, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = (0, import_content_type.parse)(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options6) {
  if (options6) {
    if (typeof query === "string" && "query" in options6) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options6) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options6) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options6) => {
    return graphql(newRequest, query, options6);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION3} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep2 = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep2}${b64url}${sep2}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION4 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop2 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop2;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop2;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION4} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION4;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options6 = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options6));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options6,
            options6.userAgent && defaults.userAgent ? {
              userAgent: `${options6.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options6 = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options6.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options6.userAgent ? `${options6.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options6.baseUrl) {
      requestDefaults.baseUrl = options6.baseUrl;
    }
    if (options6.previews) {
      requestDefaults.mediaType.previews = options6.previews;
    }
    if (options6.timeZone) {
      requestDefaults.headers["time-zone"] = options6.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options6.log);
    this.hook = hook2;
    if (!options6.authStrategy) {
      if (!options6.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options6.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options6;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options6.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options6));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION5 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options6) => {
    octokit.log.debug("request", options6);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options6);
    const path2 = requestOptions.url.replace(options6.baseUrl, "");
    return request2(options6).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path2} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path2} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION5;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION6 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options6 = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options6.method;
  const headers = options6.headers;
  let url2 = options6.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url2) return { done: true };
        try {
          const response = await requestMethod({ method, url: url2, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url2 = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url2 && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url2 = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url2 = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION6;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION7 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint2;
    const [method, url2] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url: url2
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options6 = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options6 = Object.assign({}, options6, {
        data: options6[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options6);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options22 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options22) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options22)) {
            options22[alias] = options22[name];
          }
          delete options22[name];
        }
      }
      return requestWithDefaults(options22);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION7;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION7;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION8 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION8}`
  }
);

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
import Bottleneck, {} from "bottleneck/light.js";
var VERSION9 = "0.0.0-development";
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options6) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options6.request.retries != null ? options6.request.retries : state.retries;
    const retryAfter = Math.pow((options6.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest(state, octokit, request2, options6) {
  const limiter = new Bottleneck();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options6.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options6
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options6) {
  const response = await request2(options6);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options6,
      response
    });
    return errorRequest(state, octokit, error, options6);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION9;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
import BottleneckLight from "bottleneck/light.js";
var VERSION10 = "0.0.0-development";
var noop3 = () => Promise.resolve();
function wrapRequest2(state, request2, options6) {
  return state.retryLimiter.schedule(doRequest, state, request2, options6);
}
async function doRequest(state, request2, options6) {
  const { pathname } = new URL(options6.url, "http://github.test");
  const isAuth = isAuthRequest(options6.method, pathname);
  const isWrite = !isAuth && options6.method !== "GET" && options6.method !== "HEAD";
  const isSearch = options6.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop3);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop3);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop3);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options6);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths2) {
  const regexes = paths2.map(
    (path2) => path2.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck3, common) {
  groups.global = new Bottleneck3.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck3.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck3.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck3.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck3.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck3 = BottleneckLight,
    id: id2 = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id: id2
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck3, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck3();
    const events = {};
    const emitter = new Bottleneck3.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request2, options6] = info.args;
      const { pathname } = new URL(options6.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options6.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options6,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options6,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options6) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options6);
  });
  return {};
}
throttling.VERSION = VERSION10;
throttling.triggersNotification = triggersNotification;

// src/postmortem/github/tracker.ts
var WriteNotStarted = class extends Error {
  constructor(what) {
    super(`${what} not sent: the run was stopped`);
    this.what = what;
  }
  what;
  name = "AbortError";
};

// src/postmortem/github/octokit.ts
var ThrottledOctokit = Octokit2.plugin(throttling, retry);
var DEFAULT_API_URL = "https://api.github.com";
var API_VERSION = "2022-11-28";
function createOctokit(options6) {
  const log = options6.log ?? (() => {
  });
  const maxRetries = options6.maxRateLimitRetries ?? 2;
  const base = options6.retryAfterBaseValue ?? 1e3;
  const onLimit = (kind) => (retryAfter, req, _o, count2) => {
    const retrying = count2 < maxRetries && !options6.signal?.aborted;
    log(`${kind} rate limit on ${req.method} ${req.url}; ${retrying ? `retrying after ${retryAfter}s` : "giving up"}`);
    return retrying;
  };
  const octokit = new ThrottledOctokit({
    auth: options6.token,
    baseUrl: options6.baseUrl ?? DEFAULT_API_URL,
    headers: { "x-github-api-version": API_VERSION },
    userAgent: "guardrails-postmortem-followups",
    ...options6.signal ? { request: { fetch: stopAwareFetch(options6.signal) } } : {},
    // Failed requests surface as typed errors with context; the request log's own 404 lines would only be noise.
    log: { debug: () => {
    }, info: () => {
    }, warn: (m) => log(m), error: () => {
    } },
    throttle: {
      enabled: options6.throttle ?? true,
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60
    },
    retry: { retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] }
  });
  octokit.hook.after("request", (response, request2) => {
    if (response.status === 204) return;
    const path2 = new URL(response.url).pathname;
    if (!isJson(response.data)) throw notGitHub(options6.baseUrl ?? DEFAULT_API_URL, path2, response.headers["content-type"]);
    if (request2.method === "GET" && LISTINGS.test(path2) && !Array.isArray(response.data)) throw notGitHub(options6.baseUrl ?? DEFAULT_API_URL, path2, "JSON that is not a list");
  });
  return octokit;
}
function notGitHub(apiUrl, path2, type) {
  return new FollowupsError("unavailable", `the GitHub API at ${apiUrl} answered ${path2} with ${type ?? "no content type"}, not GitHub's JSON; check --api-url ($GITHUB_API_URL): ${DEFAULT_API_URL}, or https://HOST/api/v3 for GitHub Enterprise Server`);
}
function isJson(data) {
  return data !== null && typeof data === "object" && !(data instanceof ArrayBuffer);
}
var READS = /* @__PURE__ */ new Set(["GET", "HEAD"]);
var LISTINGS = /\/(issues|comments|pulls)$/;
function stopAwareFetch(signal) {
  return (input, init) => {
    const method = (init?.method ?? "GET").toUpperCase();
    if (signal.aborted && !READS.has(method)) {
      const url2 = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      return Promise.reject(new WriteNotStarted(`${method} ${new URL(url2).pathname}`));
    }
    return fetch(input, init);
  };
}
function toTracked(raw) {
  return {
    number: raw.number,
    title: raw.title,
    body: raw.body ?? "",
    state: raw.state === "closed" ? "closed" : "open",
    stateReason: raw.state_reason ?? null,
    url: raw.html_url,
    closedAt: raw.closed_at,
    labels: raw.labels.map((l) => typeof l === "string" ? l : l.name ?? "").filter(Boolean),
    assignees: (raw.assignees ?? []).map((a) => a.login)
  };
}
function status(e) {
  return typeof e === "object" && e !== null && "status" in e ? Number(e.status) : void 0;
}
function describe2(e) {
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}
function failure2(e, what, where2, apiUrl) {
  if (e instanceof FollowupsError || e instanceof WriteNotStarted) return e;
  const code = status(e);
  const detail = describe2(e);
  const answer = e.response;
  const type = answer?.headers?.["content-type"];
  if (code !== void 0 && code < 500 && answer && !/json/i.test(type ?? "")) return notGitHub(apiUrl, pathOf(answer.url), type);
  if (code === 401) return new FollowupsError("config", `GitHub ${what} failed for ${where2}: 401 ${detail}; check GITHUB_TOKEN (or GH_TOKEN)`);
  if (code === void 0 || code >= 500 || code === 429 || code === 403 && /rate limit/i.test(detail)) {
    return new FollowupsError("unavailable", `GitHub ${what} failed for ${where2} after retries: ${detail}; check --api-url, or try again later`);
  }
  return new FollowupsError(
    "github",
    `GitHub ${what} failed for ${where2}: ${code} ${detail}`,
    code === 403 || code === 404 ? "Check the repository name and the token's issues/contents/pull-requests permissions" : void 0
  );
}
function pathOf(url2) {
  try {
    return new URL(url2 ?? "").pathname;
  } catch {
    return "a request";
  }
}
var OctokitTracker = class _OctokitTracker {
  constructor(client, repo, apiUrl = DEFAULT_API_URL) {
    this.client = client;
    this.apiUrl = apiUrl;
    const [owner, name] = repo.split("/");
    this.owner = owner;
    this.repo = name;
  }
  client;
  apiUrl;
  owner;
  repo;
  assignable = /* @__PURE__ */ new Map();
  static create(options6) {
    return new _OctokitTracker(createOctokit(options6), options6.repo, options6.baseUrl ?? DEFAULT_API_URL);
  }
  get where() {
    return { owner: this.owner, repo: this.repo };
  }
  failure(e, what) {
    return failure2(e, what, `${this.owner}/${this.repo}`, this.apiUrl);
  }
  async call(what, fn) {
    try {
      return await fn();
    } catch (e) {
      throw this.failure(e, what);
    }
  }
  async listIssuesByLabel(label2) {
    let raw;
    try {
      raw = await this.client.paginate(this.client.rest.issues.listForRepo, { ...this.where, labels: label2, state: "all", per_page: 100 });
    } catch (e) {
      const typed = this.failure(e, `listing issues labelled "${label2}"`);
      if (typed instanceof FollowupsError && typed.kind === "github" && status(e) === 404) {
        throw new FollowupsError("config", `GitHub has no repository ${this.owner}/${this.repo} that the token can see (404 listing its issues); check --repo (followups.repo, $GITHUB_REPOSITORY) and the token's access`);
      }
      throw typed;
    }
    return raw.filter((i) => !i.pull_request).map(toTracked);
  }
  async createIssue(issue) {
    try {
      const res = await this.client.rest.issues.create({
        ...this.where,
        title: issue.title,
        body: issue.body,
        labels: [...issue.labels],
        assignees: [...issue.assignees],
        request: { retries: 0 }
      });
      return { ok: true, issue: toTracked(res.data) };
    } catch (e) {
      if (e instanceof FollowupsError || e instanceof WriteNotStarted) throw e;
      const code = status(e);
      if (code === 422 && /assignee/i.test(JSON.stringify(e.response?.data ?? ""))) {
        return { ok: false, reason: "assignees-rejected", detail: describe2(e) };
      }
      if (code === void 0 || code >= 500) return { ok: false, reason: "unknown-outcome", detail: describe2(e) };
      throw this.failure(e, `creating issue "${issue.title}"`);
    }
  }
  async updateIssue(number, patch) {
    await this.call(`updating issue #${number}`, () => this.client.rest.issues.update({
      ...this.where,
      issue_number: number,
      ...patch.title !== void 0 ? { title: patch.title } : {},
      ...patch.body !== void 0 ? { body: patch.body } : {},
      ...patch.labels ? { labels: [...patch.labels] } : {},
      ...patch.assignees ? { assignees: [...patch.assignees] } : {},
      ...patch.state ? { state: patch.state } : {},
      ...patch.stateReason ? { state_reason: patch.stateReason } : {}
    }));
  }
  async addComment(number, body) {
    await this.call(`commenting on issue #${number}`, () => this.client.rest.issues.createComment({ ...this.where, issue_number: number, body, request: { retries: 0 } }));
  }
  async listComments(number) {
    const raw = await this.call(`listing comments of issue #${number}`, () => this.client.paginate(this.client.rest.issues.listComments, { ...this.where, issue_number: number, per_page: 100 }));
    return raw.map((c) => ({ body: c.body ?? "", createdAt: c.created_at }));
  }
  isAssignable(login2) {
    let known = this.assignable.get(login2);
    if (!known) {
      known = this.client.rest.issues.checkUserCanBeAssigned({ ...this.where, assignee: login2 }).then(
        () => true,
        (e) => {
          if (status(e) === 404 && !(e instanceof FollowupsError)) return false;
          throw this.failure(e, `checking assignee @${login2}`);
        }
      );
      this.assignable.set(login2, known);
    }
    return known;
  }
  async readFile(path2, ref) {
    try {
      const res = await this.client.rest.repos.getContent({ ...this.where, path: path2, ref });
      const data = res.data;
      if (data.type !== "file" || data.content === void 0) return void 0;
      return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
    } catch (e) {
      if (status(e) === 404 && !(e instanceof FollowupsError)) return void 0;
      throw this.failure(e, `reading ${path2}@${ref}`);
    }
  }
  async ensureBranch(branch, base) {
    try {
      await this.client.rest.git.getRef({ ...this.where, ref: `heads/${branch}` });
      return;
    } catch (e) {
      if (status(e) !== 404 || e instanceof FollowupsError) throw this.failure(e, `reading branch ${branch}`);
    }
    const baseRef = await this.call(`reading branch ${base}`, () => this.client.rest.git.getRef({ ...this.where, ref: `heads/${base}` }));
    await this.call(`creating branch ${branch}`, () => this.client.rest.git.createRef({ ...this.where, ref: `refs/heads/${branch}`, sha: baseRef.data.object.sha }));
  }
  async writeFile(input) {
    await this.call(`committing ${input.path} to ${input.branch}`, () => this.client.rest.repos.createOrUpdateFileContents({
      ...this.where,
      path: input.path,
      branch: input.branch,
      sha: input.sha,
      message: input.message,
      content: Buffer.from(input.text, "utf8").toString("base64")
    }));
  }
  async ensurePullRequest(input) {
    const open = await this.call("listing pull requests", () => this.client.rest.pulls.list({ ...this.where, head: `${this.owner}:${input.branch}`, base: input.base, state: "open" }));
    if (open.data[0]) return open.data[0].html_url;
    const created = await this.call(`opening a pull request from ${input.branch}`, () => this.client.rest.pulls.create({ ...this.where, head: input.branch, base: input.base, title: input.title, body: input.body }));
    return created.data.html_url;
  }
};

// src/postmortem/sync/key.ts
import { createHash as createHash2 } from "node:crypto";
function normaliseText(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[`*_~[\]()]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function itemKey(incidentId, text) {
  return createHash2("sha256").update(`${incidentId.trim().toLowerCase()}
${normaliseText(text)}`).digest("hex").slice(0, 20);
}
var ACTION = /<!-- pm-action:v1 ([^>]*?) -->/;
var MISSING = /<!-- pm-missing:v1 incident=(\S+) -->/;
var REMINDER = /<!-- pm-reminder:v1 on=(\d{4}-\d{2}-\d{2}) -->/;
function renderActionMarker(m) {
  const pairs = Object.entries(m).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `<!-- pm-action:v1 ${pairs.join(" ")} -->`;
}
function readActionMarker(body) {
  const m = ACTION.exec(body);
  if (!m) return void 0;
  const f = Object.fromEntries(
    m[1].split(" ").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i), safeDecode2(p.slice(i + 1))];
    })
  );
  if (!f.key || !f.incident) return void 0;
  return { key: f.key, incident: f.incident, src: f.src ?? "", item: Number(f.item ?? -1), due: f.due ?? "" };
}
function renderMissingMarker(incident) {
  return `<!-- pm-missing:v1 incident=${encodeURIComponent(incident)} -->`;
}
function readMissingMarker(body) {
  const m = MISSING.exec(body);
  return m ? safeDecode2(m[1]) : void 0;
}
function renderReminderMarker(on) {
  return `<!-- pm-reminder:v1 on=${on} -->`;
}
function readReminderMarker(body) {
  return REMINDER.exec(body)?.[1];
}
function safeDecode2(v) {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

// src/registry/drift/find.ts
var DRIFT_SCOPE = "registry-drift";
function findDrift(repository, registry, scope = {}) {
  const findings = [];
  const managed = new Map(repository.map((entry) => [entry.subject, entry]));
  const inScope = (subject2) => managed.has(subject2) || (scope.owns?.(subject2) ?? true);
  for (const entry of repository) findings.push(...subjectDrift(entry, registry.subjects.get(entry.subject)));
  for (const snapshot of registry.subjects.values()) {
    const live = liveVersions2(snapshot);
    if (live.length === 0 || !inScope(snapshot.subject)) continue;
    if (!managed.has(snapshot.subject)) {
      const latest = live[live.length - 1];
      findings.push(finding("unmanaged-subject", snapshot.subject, latest, null, {
        expected: "no schema file maps to this subject",
        actual: `${live.length} live version(s)`,
        action: `add its schema file and a guardrails.yaml mapping, or soft-delete the subject (DELETE /subjects/${encodeURIComponent(snapshot.subject)}) once no producer uses it`
      }));
    }
    if (snapshot.mode !== "READWRITE") {
      findings.push(finding("mode-not-readwrite", snapshot.subject, null, managed.get(snapshot.subject)?.file ?? null, {
        expected: "READWRITE",
        actual: snapshot.mode,
        action: `put the mode back (PUT /mode/${encodeURIComponent(snapshot.subject)} {"mode":"READWRITE"}, or DELETE the override); IMPORT is usually left behind by an interrupted restore`
      }));
    }
  }
  findings.push(...deletedButReferenced(registry).filter((f) => inScope(f.subject)));
  return findings.sort(byKindThenSubject);
}
function subjectDrift(entry, snapshot) {
  const live = snapshot ? liveVersions2(snapshot) : [];
  if (live.length === 0) {
    const deleted = (snapshot?.versions.length ?? 0) > 0;
    return [finding("missing-subject", entry.subject, null, entry.file, {
      expected: `registered from ${entry.file}`,
      actual: deleted ? "soft-deleted" : "not registered",
      action: deleted ? "the subject was soft-deleted: run guardrails register to register the file again, or remove the file if the subject is retired" : "run guardrails register (the register workflow on the default branch) to register it"
    })];
  }
  const found = [];
  const latest = live[live.length - 1];
  if (latest.form !== entry.head) {
    const older = live.find((v) => v.form === entry.head);
    found.push(finding("latest-mismatch", entry.subject, latest, entry.file, {
      expected: `the schema in ${entry.file}`,
      actual: older ? `version ${latest.version} differs; the file is registered as older version ${older.version}` : `version ${latest.version} differs from the file`,
      action: entry.history.has(latest.form ?? "") ? "the registry is behind the default branch: run guardrails register" : "find who registered it (auto.register.schemas=true, a hand-run curl); then update the file through a pull request, or register the file again"
    }));
  }
  for (const version of live) {
    if (version.form !== void 0 && entry.history.has(version.form)) continue;
    found.push(finding("foreign-version", entry.subject, version, entry.file, {
      expected: `a revision of ${entry.file} in git`,
      actual: "matches no revision of the file",
      action: "it was registered outside the register workflow (auto.register.schemas=true, a hand-run curl): turn auto-registration off, then commit the schema through a pull request or soft-delete the version"
    }));
  }
  if (snapshot && snapshot.level !== void 0 && snapshot.level !== entry.level) {
    found.push(finding("level-mismatch", entry.subject, null, entry.file, {
      expected: entry.level,
      actual: snapshot.level,
      action: `set it to ${entry.level} (PUT /config/${encodeURIComponent(entry.subject)} {"compatibility":"${entry.level}"}), or change guardrails.yaml through a pull request`
    }));
  }
  return found;
}
function deletedButReferenced(registry) {
  const referrers = /* @__PURE__ */ new Map();
  for (const snapshot of registry.subjects.values()) {
    for (const version of liveVersions2(snapshot)) {
      for (const reference3 of version.references) {
        const target = `${reference3.subject}
${reference3.version}`;
        referrers.set(target, [...referrers.get(target) ?? [], `${snapshot.subject} version ${version.version}`]);
      }
    }
  }
  const found = [];
  for (const snapshot of registry.subjects.values()) {
    for (const version of snapshot.versions) {
      const users = version.deleted ? referrers.get(`${snapshot.subject}
${version.version}`) : void 0;
      if (!users) continue;
      found.push(finding("deleted-but-referenced", snapshot.subject, version, null, {
        expected: "a referenced version stays live",
        actual: `soft-deleted, still referenced by ${users.join(", ")}`,
        action: "register the version again (same schema: same id), or move the referrers to a live version before deleting it for good"
      }));
    }
  }
  return found;
}
function liveVersions2(snapshot) {
  return snapshot.versions.filter((v) => !v.deleted);
}
var VERSIONED = /* @__PURE__ */ new Set(["foreign-version", "deleted-but-referenced"]);
function finding(kind, subject2, version, file, text) {
  const identity = [kind, Buffer.from(subject2, "utf8").toString("hex"), VERSIONED.has(kind) ? String(version?.version) : ""].join(" ");
  return { kind, subject: subject2, version: version?.version ?? null, id: version?.id ?? null, file, ...text, key: itemKey(DRIFT_SCOPE, identity) };
}
function byKindThenSubject(a, b) {
  return a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject) || (a.version ?? 0) - (b.version ?? 0);
}

// src/registry/drift/issues.ts
var DRIFT_LABEL = "registry-drift";
function issueTitle(finding2) {
  return `Registry drift: ${finding2.kind} ${finding2.subject}${finding2.version !== null ? ` version ${finding2.version}` : ""}`;
}
function issueBody(finding2) {
  const row3 = (name, value) => value === null ? [] : [`| ${name} | ${String(value).replace(/\|/g, "\\|")} |`];
  return [
    `\`guardrails drift\` found the Schema Registry out of line with the default branch.`,
    "",
    "| | |",
    "|---|---|",
    ...row3("Kind", finding2.kind),
    ...row3("Subject", `\`${finding2.subject}\``),
    ...row3("Version", finding2.version),
    ...row3("Schema id", finding2.id),
    ...row3("File", finding2.file === null ? null : `\`${finding2.file}\``),
    ...row3("Expected", finding2.expected),
    ...row3("Actual", finding2.actual),
    "",
    `**What to do:** ${finding2.action}`,
    "",
    "This issue is kept up to date by the nightly drift job, and closed by it once the drift is gone.",
    "",
    renderActionMarker({ key: finding2.key, incident: DRIFT_SCOPE, src: finding2.subject, item: 0, due: "" })
  ].join("\n");
}
function driftKeyOf(issue) {
  const marker = readActionMarker(issue.body);
  return marker?.incident === DRIFT_SCOPE ? marker.key : void 0;
}
function planIssues(findings, existing) {
  const byKey = /* @__PURE__ */ new Map();
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    const key = driftKeyOf(issue);
    if (key === void 0) continue;
    const known = byKey.get(key);
    if (!known || known.state === "closed" && issue.state === "open") byKey.set(key, issue);
  }
  const operations = [];
  const current = /* @__PURE__ */ new Set();
  for (const finding2 of findings) {
    if (current.has(finding2.key)) continue;
    current.add(finding2.key);
    const title = issueTitle(finding2);
    const body = issueBody(finding2);
    const issue = byKey.get(finding2.key);
    if (!issue) operations.push({ kind: "create", finding: finding2, title, body });
    else if (issue.state === "closed" || issue.title !== title || issue.body !== body) {
      operations.push({ kind: "update", issue: issue.number, finding: finding2, title, body, reopen: issue.state === "closed" });
    }
  }
  for (const [key, issue] of byKey) {
    if (!current.has(key) && issue.state === "open") operations.push({ kind: "close", issue: issue.number, key, title: issue.title });
  }
  return operations;
}
async function applyIssues(operations, tracker, signal) {
  const created = [];
  const updated = [];
  const closed = [];
  const problems = [];
  let index = 0;
  for (; index < operations.length && !signal.aborted; index++) {
    const op = operations[index];
    try {
      await applyOne(op, tracker, { created, updated, closed, problems });
    } catch (error) {
      if (error instanceof WriteNotStarted) break;
      throw error;
    }
  }
  return { created, updated, closed, notDone: operations.slice(index), problems };
}
async function applyOne(op, tracker, { created, updated, closed, problems }) {
  if (op.kind === "create") {
    const result = await tracker.createIssue({ title: op.title, body: op.body, labels: [DRIFT_LABEL], assignees: [] });
    if (result.ok) created.push({ number: result.issue.number, key: op.finding.key, url: result.issue.url });
    else problems.push(`creating "${op.title}": ${result.reason} (${result.detail}); the next run lists the issues first and will not duplicate it`);
  } else if (op.kind === "update") {
    await tracker.updateIssue(op.issue, { title: op.title, body: op.body, ...op.reopen ? { state: "open", stateReason: "reopened" } : {} });
    updated.push(op.issue);
  } else {
    await tracker.addComment(op.issue, "The drift is gone: `guardrails drift` no longer finds it. Closing.");
    await tracker.updateIssue(op.issue, { state: "closed", stateReason: "completed" });
    closed.push(op.issue);
  }
}
function describeIssueOperation(op) {
  if (op.kind === "create") return `create issue "${op.title}"`;
  if (op.kind === "update") return `${op.reopen ? "reopen" : "update"} issue #${op.issue} "${op.title}"`;
  return `close issue #${op.issue} "${op.title}"`;
}

// src/registry/drift/canonical.ts
var PRIMITIVES = /* @__PURE__ */ new Set(["null", "boolean", "int", "long", "float", "double", "bytes", "string"]);
var NAMED = /* @__PURE__ */ new Set(["record", "error", "enum", "fixed"]);
function comparableForm(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  return stringify(schemaNode(value, ""));
}
function schemaNode(node, namespace) {
  if (typeof node === "string") return typeName(node, namespace);
  if (Array.isArray(node)) return node.map((branch) => schemaNode(branch, namespace));
  if (node === null || typeof node !== "object") return node;
  const object = node;
  const keys = Object.keys(object);
  if (typeof object["type"] === "string" && PRIMITIVES.has(object["type"]) && keys.length === 1) return object["type"];
  const out = {};
  let inner = namespace;
  if (typeof object["type"] === "string" && NAMED.has(object["type"]) && typeof object["name"] === "string") {
    const full = fullName(object["name"], typeof object["namespace"] === "string" ? object["namespace"] : namespace);
    inner = full.includes(".") ? full.slice(0, full.lastIndexOf(".")) : "";
    out["name"] = full;
  }
  for (const key of keys) {
    if (key === "name" && "name" in out) continue;
    if (key === "namespace" && "name" in out) continue;
    const value = object[key];
    if (key === "type" || key === "items" || key === "values") out[key] = schemaNode(value, inner);
    else if (key === "fields" && Array.isArray(value)) out[key] = value.map((field) => fieldNode(field, inner));
    else out[key] = value;
  }
  return out;
}
function fieldNode(field, namespace) {
  if (field === null || typeof field !== "object" || Array.isArray(field)) return field;
  const object = field;
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, key === "type" ? schemaNode(value, namespace) : value]));
}
function typeName(name, namespace) {
  return PRIMITIVES.has(name) ? name : fullName(name, namespace);
}
function fullName(name, namespace) {
  return name.includes(".") || namespace === "" ? name : `${namespace}.${name}`;
}
function stringify(value) {
  if (Array.isArray(value)) return `[${value.map(stringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// src/registry/drift/repository.ts
async function readRepositorySubjects(options6) {
  const { repo, commit } = options6;
  const { settings, warnings: configWarnings } = await loadConfig({ path: options6.configPath, cwd: options6.cwd, root: repo.root });
  const resolver = subjectResolver(settings);
  const files = (await filesAt(repo, commit)).filter((file) => resolver.isSchemaFile(file) && !/[\r\n]/.test(file));
  const bytes = await repo.readObjects(files.map((file) => `${commit}:${file}`));
  const sources = /* @__PURE__ */ new Map();
  for (const file of files) {
    const content = bytes.get(`${commit}:${file}`);
    if (content !== void 0) sources.set(file, scanSource(file, content));
  }
  const index = nameIndexOf(sources.values());
  const reader = async (wanted) => new Map(wanted.map((file) => [file, sources.get(file)]));
  const histories = await listHistories(repo, commit, files);
  const blobs = await repo.readObjects([...new Set([...histories.values()].flat().map((v) => v.blob))]);
  const warnings = [...configWarnings];
  const subjects = [];
  for (const file of files) {
    const source = sources.get(file);
    const head = source?.text === void 0 ? void 0 : comparableForm(source.text);
    const loaded3 = source === void 0 ? void 0 : loadFromClosure(file, await sourceClosure(file, reader, index), false);
    if (head === void 0 || loaded3 === void 0 || !loaded3.ok) {
      warnings.push(`${file}: left out of the comparison: ${loaded3 && !loaded3.ok ? loaded3.error.message : "cannot be read as JSON"}`);
      continue;
    }
    const mapping = resolver.mappingFor(file);
    const naming = nameSubject(file, mapping, loaded3.value.loaded.schema);
    if (naming.error) {
      warnings.push(`${file}: left out of the comparison: ${naming.error.message}`);
      continue;
    }
    const history = /* @__PURE__ */ new Set([head]);
    for (const version of histories.get(file) ?? []) {
      const text = blobs.get(version.blob)?.toString("utf8");
      const form = text === void 0 ? void 0 : comparableForm(text);
      if (form !== void 0) history.add(form);
    }
    const twin = subjects.findIndex((s) => s.subject === naming.subject);
    if (twin >= 0) {
      const first = subjects[twin];
      warnings.push(`${file}: maps to ${naming.subject} like ${first.file}; its latest is compared with ${first.file} only (guardrails check refuses the pair)`);
      subjects[twin] = { ...first, history: /* @__PURE__ */ new Set([...first.history, ...history]) };
      continue;
    }
    subjects.push({ subject: naming.subject, file, level: mapping.level, head, history });
  }
  return { subjects, warnings };
}
async function filesAt(repo, commit) {
  return splitNul(await gitRunner(repo.root)(["ls-tree", "-r", "-z", "--name-only", commit]));
}

// src/registry/drift/snapshot.ts
async function readRegistrySnapshot(client, managed) {
  const [all, liveRows, globalConfig, globalMode] = await Promise.all([
    client.listSchemas({ deleted: true }),
    client.listSchemas(),
    client.getGlobalConfig(),
    client.getGlobalMode()
  ]);
  const liveKeys = new Set(liveRows.map((r) => `${r.subject}\0${r.version}`));
  const schemas = all.map((r) => r.deleted || liveKeys.has(`${r.subject}\0${r.version}`) ? r : { ...r, deleted: true });
  const bySubject = /* @__PURE__ */ new Map();
  for (const schema of schemas) bySubject.set(schema.subject, [...bySubject.get(schema.subject) ?? [], schema]);
  const live = [...bySubject.entries()].filter(([, versions]) => versions.some((v) => !v.deleted)).map(([subject2]) => subject2);
  const names = [.../* @__PURE__ */ new Set([...bySubject.keys(), ...managed])];
  const subjects = await Promise.all(
    names.map(async (subject2) => {
      const wantLevel = managed.includes(subject2);
      const wantMode = live.includes(subject2);
      const [config2, mode2] = await Promise.all([
        wantLevel ? client.getSubjectConfig(subject2) : Promise.resolve(void 0),
        wantMode ? client.getSubjectMode(subject2) : Promise.resolve(void 0)
      ]);
      const level3 = config2?.compatibilityLevel ?? globalConfig.compatibilityLevel;
      return { subject: subject2, versions: (bySubject.get(subject2) ?? []).map(versionOf).sort((a, b) => a.version - b.version), level: level3, mode: mode2 ?? globalMode };
    })
  );
  return { subjects: new Map(subjects.map((s) => [s.subject, s])) };
}
function versionOf(schema) {
  const avro = schema.schemaType === "AVRO";
  return {
    version: schema.version,
    id: schema.id,
    form: avro ? comparableForm(schema.schema) : void 0,
    schemaType: schema.schemaType,
    deleted: schema.deleted,
    references: schema.references.map((r) => ({ subject: r.subject, version: r.version }))
  };
}

// src/registry/drift/run.ts
async function runDrift(options6, deps) {
  const { repo } = deps;
  const base = options6.ref === void 0 ? await repo.defaultBase() : { ref: options6.ref, commit: await repo.resolveCommit(options6.ref) };
  await repo.requireFullHistory();
  const facts = await readRepositorySubjects({ repo, cwd: options6.cwd, commit: base.commit, ...options6.configPath !== void 0 && { configPath: options6.configPath } });
  const snapshot = await readRegistrySnapshot(deps.registry, facts.subjects.map((s) => s.subject));
  const prefixes = options6.subjectPrefixes ?? [];
  const findings = findDrift(facts.subjects, snapshot, prefixes.length === 0 ? {} : { owns: (subject2) => prefixes.some((p) => subject2.startsWith(p)) });
  const result = { ref: base.ref, commit: base.commit, subjects: facts.subjects.length, findings, warnings: facts.warnings };
  if (!deps.tracker) return { ...result, stopped: deps.signal.aborted };
  const existing = await deps.tracker.listIssuesByLabel(DRIFT_LABEL);
  const planned = planIssues(findings, existing);
  const outcome = await applyIssues(planned, deps.tracker, deps.signal);
  return { ...result, issues: { planned, outcome }, stopped: outcome.notDone.length > 0 };
}

// src/cli/commands/metrics-drift.ts
function driftMetrics(result) {
  return [sample("driftFindings", result.findings.length, {})];
}

// src/cli/commands/drift-output.ts
function printDrift(result, exitCode, io, format) {
  for (const warning of result.warnings) io.stderr.write(`warning: ${warning}
`);
  for (const problem of result.issues?.outcome.problems ?? []) io.stderr.write(`error: ${problem}
`);
  if (format === "json") {
    writeJobJson(io, "drift", exitCode, jsonBody(result));
    return;
  }
  const out = (line2) => io.stdout.write(`${line2}
`);
  const where2 = `${result.ref} (${result.commit.slice(0, 12)})`;
  if (result.findings.length === 0) out(`no drift: the registry matches ${where2} for ${result.subjects} subject(s)`);
  else out(`${result.findings.length} drift(s) between the registry and ${where2} (${result.subjects} subject(s) in git):`);
  for (const f of result.findings) {
    const version = f.version === null ? "" : ` version ${f.version}${f.id === null ? "" : ` (id ${f.id})`}`;
    out(`  ${f.kind}: ${f.subject}${version}${f.actual ? `: ${f.actual}` : ""}`);
    if (f.file) out(`    file: ${f.file}`);
    if (f.expected) out(`    expected: ${f.expected}`);
    out(`    do: ${f.action}`);
  }
  const issues = result.issues;
  if (!issues) return;
  const { created, updated, closed, notDone } = issues.outcome;
  for (const c of created) out(`opened issue #${c.number} ${c.url}`);
  out(`issues: ${created.length} opened, ${updated.length} updated, ${closed.length} closed`);
  if (notDone.length > 0) {
    out(`stopped by a signal; not done: ${notDone.length} issue change(s):`);
    for (const op of notDone) out(`  ${describeIssueOperation(op)}`);
    out("rerun to finish: the next run finds the existing issues by their key and will not duplicate them");
  }
}
function jsonBody(result) {
  return {
    ref: result.ref,
    commit: result.commit,
    subjects: result.subjects,
    drift: result.findings.length > 0,
    findings: result.findings,
    warnings: result.warnings,
    stopped: result.stopped,
    issues: result.issues ? {
      created: result.issues.outcome.created,
      updated: result.issues.outcome.updated,
      closed: result.issues.outcome.closed,
      notDone: result.issues.outcome.notDone.map(describeIssueOperation),
      problems: result.issues.outcome.problems
    } : null
  };
}

// src/cli/commands/followups-inputs.ts
import { relative as relative3, resolve as resolve3 } from "node:path";

// src/postmortem/config.ts
import { readFile as readFile6 } from "node:fs/promises";
import { LineCounter as LineCounter2, parse as parseYaml, parseDocument as parseDocument2 } from "yaml";
import { z as z8 } from "zod";

// src/postmortem/parse/utf8.ts
function decodeStrict(bytes, display) {
  try {
    return decodeSchemaBytes(bytes, display);
  } catch (e) {
    if (e instanceof SchemaError) throw new FollowupsError("config", e.message);
    throw e;
  }
}

// src/postmortem/model.ts
var SEVERITIES = ["P1", "P2", "P3", "P4"];
function formatProblem(p) {
  return `${p.file}:${p.line}: ${p.message}${p.hint ? `. ${p.hint}` : ""}`;
}

// src/postmortem/config.ts
var login = z8.string().regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login like "alice"');
var team = z8.string().regex(/^@?[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, 'a team like "acme/sre"');
var OwnerEntry = z8.union([
  login.transform((u) => ({ users: [u], team: void 0 })),
  z8.array(login).transform((users) => ({ users, team: void 0 })),
  z8.object({ users: z8.array(login).default([]), team: team.optional() }).strict()
]);
var FollowupsConfigSchema = z8.object({
  /** Folder of incident reports, relative to the working directory (the repository root). */
  reports: z8.string().min(1).default("postmortems"),
  /** `owner/name`; defaults to $GITHUB_REPOSITORY. */
  repo: z8.string().regex(/^[\w.-]+\/[\w.-]+$/, "owner/name").optional(),
  /** Branch the report links and write-back point at. */
  defaultBranch: z8.string().min(1).default("main"),
  labels: z8.object({
    base: z8.string().min(1).max(50).default("postmortem"),
    needsOwner: z8.string().min(1).max(50).default("needs-owner"),
    missing: z8.string().min(1).max(50).default("postmortem-missing"),
    severityPrefix: z8.string().default("severity:"),
    incidentPrefix: z8.string().default("incident:")
  }).strict().prefault({}),
  /** Owner name as written in reports (case-insensitive) → GitHub users and/or a team to mention. */
  owners: z8.record(z8.string(), OwnerEntry).default({}),
  reminders: z8.object({ intervalDays: z8.number().int().min(1).max(365).default(7) }).strict().prefault({}),
  writeback: z8.object({
    /** `pr`: commit ticks on `branch` and open a PR; `commit`: commit straight to `branch`; `off`. */
    mode: z8.enum(["pr", "commit", "off"]).default("pr"),
    branch: z8.string().min(1).default("postmortem-followups/sync")
  }).strict().prefault({}),
  missingPostmortems: z8.object({
    enabled: z8.boolean().default(true),
    severities: z8.array(z8.enum(SEVERITIES)).default(["P1", "P2"]),
    withinHours: z8.number().positive().default(48),
    /** YAML or JSON list of incidents `{id, severity, date|resolvedAt, title}`; reports are used when unset. */
    incidentLog: z8.string().optional()
  }).strict().prefault({})
}).strict();
var CONFIG_DOCS = "see docs/postmortem-followups.md#configuration";
function parseFollowupsConfig(raw, file = "guardrails.yaml", locate2) {
  const result = FollowupsConfigSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : void 0;
  const path2 = [...issue.path.map(String), ...unknownKey === void 0 ? [] : [unknownKey]];
  const where2 = place2(file, locate2, path2, unknownKey === void 0 ? "value" : "key");
  const problem = unknownKey === void 0 ? issue.message : `unknown key; expected one of ${expectedKeys(issue.path.map(String)).join(", ")}`;
  throw new FollowupsError("config", `${where2}: ${["followups", ...path2].join(".")}: ${problem}; ${CONFIG_DOCS}`);
}
async function loadFollowupsConfig(absolute, display, explicit) {
  const doc = await readYamlFile(absolute, display, !explicit);
  if (doc === void 0) {
    return { config: parseFollowupsConfig(void 0, display), describeKey: (path2) => `followups.${path2.join(".")} (the default; there is no ${display})` };
  }
  const locate2 = yamlLocator(doc.document, doc.lines);
  const section2 = isRecord(doc.value) ? doc.value["followups"] : void 0;
  return {
    config: parseFollowupsConfig(section2, display, locate2),
    describeKey: (path2) => `${place2(display, locate2, path2, "value")}: followups.${path2.join(".")}`
  };
}
async function readYamlFile(absolute, display, missingOk) {
  let bytes;
  try {
    bytes = await readFile6(absolute);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT" && missingOk) return void 0;
    throw new FollowupsError("config", `${display}: cannot read the config file (${code ?? e.message}); check --config`);
  }
  const text = decodeStrict(bytes, display);
  const lines2 = new LineCounter2();
  const document = parseDocument2(text, { lineCounter: lines2, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const { line: line2, col } = lines2.linePos(error.pos[0]);
    throw new FollowupsError("config", `${display}:${line2}:${col}: invalid YAML: ${error.message.split("\n")[0]}; fix the syntax at that place`);
  }
  return { document, lines: lines2, value: document.toJS({ maxAliasCount: 100 }) };
}
function place2(file, locate2, path2, target) {
  if (!locate2) return file;
  const { line: line2, column } = locate2(["followups", ...path2], target);
  return `${file}:${line2}:${column}`;
}
function expectedKeys(path2) {
  let schema = FollowupsConfigSchema;
  for (const key of path2) {
    const shape = objectShape(schema);
    const next = shape?.[key];
    if (!next) return [];
    schema = next;
  }
  return Object.keys(objectShape(schema) ?? {});
}
function objectShape(schema) {
  let current = schema;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof z8.ZodObject) return current.shape;
    current = current.def?.innerType;
  }
  return void 0;
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/postmortem/parse/load.ts
import { readdir as readdir4, readFile as readFile7 } from "node:fs/promises";
import { basename as basename3, join as join11, relative as relative2, sep as sep3 } from "node:path";
import { parse as parseYaml2 } from "yaml";
import { z as z9 } from "zod";

// src/postmortem/parse/dates.ts
var MONTHS = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12
};
function parseDate(input) {
  const s = input.trim().replace(/\s+/g, " ").replace(/[.,]$/, "");
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), input);
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.? (\d{4})$/.exec(s);
  if (m) return fromNamed(m[2], Number(m[1]), Number(m[3]), input);
  m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m) return fromNamed(m[1], Number(m[2]), Number(m[3]), input);
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(s)) {
    return { ok: false, reason: `"${input}" is ambiguous (day/month or month/day); write 2026-01-10 or 10 Jan 2026` };
  }
  return { ok: false, reason: `"${input}" is not a date; write 2026-01-10 or 10 Jan 2026` };
}
function fromNamed(monthName, day, year, input) {
  const month = MONTHS[monthName.toLowerCase().slice(0, monthName.toLowerCase().startsWith("sept") ? 4 : 3)];
  if (month === void 0) return { ok: false, reason: `"${input}" has an unknown month "${monthName}"` };
  return fromParts(year, month, day, input);
}
function fromParts(year, month, day, input) {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { ok: false, reason: `"${input}" is not a real calendar date` };
  }
  return { ok: true, date: d.toISOString().slice(0, 10) };
}
function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 864e5);
}

// src/postmortem/parse/action-item.ts
var OWNER_KEYS = /* @__PURE__ */ new Set(["assigned", "assigned to", "assignee", "owner", "owners", "owned by"]);
var DUE_KEYS = /* @__PURE__ */ new Set(["due", "due date", "deadline", "by"]);
var KEY2 = /(?:^|[\s(,;|—–[])([A-Za-z][A-Za-z ]{0,18}?)\s*:\s*/g;
var HINT = 'Write it as "- [ ] <action> (Assigned: <owner>, Due: 2026-01-10)"';
function parseActionText(raw) {
  const attrs = findAttributes(raw);
  const first = attrs[0];
  const text = cleanText(first ? raw.slice(0, first.start) : raw);
  const values = new Map(attrs.map((a) => [a.key, a.value]));
  return fromParts2(text, pick(values, OWNER_KEYS), pick(values, DUE_KEYS), extras(values));
}
function fromParts2(text, owner, dueRaw, extra) {
  const problems = [];
  if (!text) problems.push({ code: "ITEM_NO_TEXT", message: "follow-up item has no action text", hint: HINT });
  const cleanOwner = owner?.trim() ?? "";
  if (!cleanOwner || /^(tbd|tba|unassigned|none|n\/a|\?+)$/i.test(cleanOwner)) {
    problems.push({ code: "ITEM_NO_OWNER", message: `follow-up "${text}" has no owner`, hint: HINT });
  }
  let due = "";
  if (!dueRaw?.trim()) {
    problems.push({ code: "ITEM_NO_DUE", message: `follow-up "${text}" has no due date`, hint: HINT });
  } else {
    const parsed = parseDate(dueRaw);
    if (parsed.ok) due = parsed.date;
    else problems.push({ code: "ITEM_BAD_DATE", message: `follow-up "${text}" has a bad due date: ${parsed.reason}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, fields: { text, owner: cleanOwner, due, extra } };
}
function findAttributes(raw) {
  const hits = [...raw.matchAll(KEY2)].map((m) => splitKey(m[1].trimEnd(), raw.indexOf(m[1], m.index), m.index + m[0].length)).filter((h) => isKnownOrTrailing(h.key, raw, h.start));
  return hits.map((h, i) => ({
    key: h.key,
    value: trimValue(raw.slice(h.valueStart, hits[i + 1]?.start ?? raw.length)),
    start: h.start
  }));
}
function splitKey(key, start, valueStart) {
  const lower = key.toLowerCase();
  for (const known of [...OWNER_KEYS, ...DUE_KEYS]) {
    if (lower !== known && lower.endsWith(` ${known}`)) {
      return { key: known, start: start + key.length - known.length, valueStart };
    }
  }
  return { key: lower, start, valueStart };
}
function isKnownOrTrailing(key, raw, index) {
  if (OWNER_KEYS.has(key) || DUE_KEYS.has(key)) return true;
  const before = raw.slice(0, index).toLowerCase();
  return [...OWNER_KEYS, ...DUE_KEYS].some((k) => new RegExp(`\\b${k}\\s*:`).test(before));
}
function trimValue(v) {
  return v.replace(/^[\s,;|—–-]+/, "").replace(/[\s,;|—–)\]*_]+$/, "").replace(/^[*_`]+|[*_`]+$/g, "").trim();
}
function cleanText(t) {
  return t.replace(/[\s([—–|:;,-]+$/, "").replace(/^\*\*(.*)\*\*$/, "$1").trim();
}
function pick(values, keys) {
  for (const [k, v] of values) if (keys.has(k)) return v;
  return void 0;
}
function extras(values) {
  const out = {};
  for (const [k, v] of values) if (!OWNER_KEYS.has(k) && !DUE_KEYS.has(k)) out[k] = v;
  return out;
}
function actionTextOf(rest) {
  const attrs = findAttributes(rest);
  return cleanText(attrs[0] ? rest.slice(0, attrs[0].start) : rest);
}

// src/postmortem/parse/summary.ts
function readField(line2) {
  const row3 = /^\s*\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|/.exec(line2);
  if (row3) return { key: normaliseKey(row3[1]), value: stripMarkdown(row3[2]) };
  const kv = /^\s*(?:[-*+]\s+)?(\*\*|__)?([A-Za-z][A-Za-z /()-]{0,40}?)\s*(?::\s*\1|\1\s*:)\s*(.*)$/.exec(line2);
  if (!kv) return void 0;
  return { key: normaliseKey(kv[2]), value: stripMarkdown(kv[3]) };
}
function normaliseKey(k) {
  return stripMarkdown(k).toLowerCase().replace(/[()]/g, "").replace(/\s+/g, " ").trim();
}
function stripMarkdown(v) {
  return v.replace(/[*_`]/g, "").trim();
}
var SUMMARY_KEYS = {
  id: ["incident id", "incident", "id", "incident number", "ticket"],
  date: ["date", "incident date", "start date", "started"],
  duration: ["duration", "length"],
  severity: ["severity", "sev", "priority"],
  systems: ["impacted systems", "affected systems", "systems impacted", "systems", "services affected", "impacted services"]
};
function classifyKey(key) {
  for (const [name, aliases] of Object.entries(SUMMARY_KEYS)) {
    if (aliases.includes(key)) return name;
  }
  return void 0;
}
function readSeverity(v) {
  const m = /^(?:p|sev(?:erity)?)[\s-]*([1-4])\b/i.exec(v.trim());
  return m ? `P${m[1]}` : void 0;
}

// src/postmortem/parse/report.ts
var SECTION_NAMES = [
  [/^(incident )?summary$/, "summary"],
  [/^timeline/, "timeline"],
  [/^root causes?( analysis)?$/, "rootCause"],
  [/^(resolution|resolution and recovery|remediation)$/, "resolution"],
  [/^(impact|customer impact|business impact)$/, "impact"],
  [/^(follow[- ]?up actions?|follow[- ]?ups|action items)$/, "followups"]
];
function parseReport(text, file) {
  const scan = scanLines(text.split(/\r?\n/), file);
  const problems = [...scan.problems];
  const summary3 = readSummary(scan, file, problems);
  const actions = collectActions(scan, file, problems);
  if (scan.followupsLine === void 0) {
    problems.push({
      code: "NO_FOLLOWUPS_SECTION",
      file,
      line: 1,
      message: 'report has no "## Follow-Up Actions" section',
      hint: 'Add the section, even if it only says "None"'
    });
  }
  const completed = Object.values(scan.content).every(Boolean) && scan.followupsLine !== void 0;
  const report = {
    file,
    title: scan.title,
    ...summary3,
    sections: scan.content,
    completed,
    actions,
    incidentId: summary3.incidentId ?? defaultId(file)
  };
  return { report, problems: problems.sort((a, b) => a.line - b.line) };
}
function scanLines(lines2, file) {
  const scan = {
    title: "",
    fields: /* @__PURE__ */ new Map(),
    itemLines: [],
    problems: [],
    content: { timeline: false, rootCause: false, resolution: false, impact: false }
  };
  let section2 = "summary";
  let table;
  lines2.forEach((raw, i) => {
    const line2 = i + 1;
    const heading2 = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading2) {
      const name = stripMarkdown(heading2[2]);
      if (heading2[1] === "#" && !scan.title) scan.title = name.replace(/^(incident|post[- ]?mortem)( report)?\s*[:—–-]\s*/i, "");
      section2 = sectionOf(name) ?? (heading2[1] === "##" ? "other" : section2);
      if (section2 === "followups") scan.followupsLine ??= line2;
      table = void 0;
      return;
    }
    if (!raw.trim() || /^\s*<!--.*-->\s*$/.test(raw)) return;
    if (section2 === "summary") readSummaryLine(scan, raw, line2);
    else if (section2 === "followups") table = readFollowupLine(scan, raw, line2, file, table);
    else if (section2 !== "other") scan.content[section2] = true;
  });
  return scan;
}
function sectionOf(name) {
  const n = name.toLowerCase().replace(/[^a-z -]/g, "").replace(/\s+/g, " ").trim();
  return SECTION_NAMES.find(([re]) => re.test(n))?.[1];
}
function readSummaryLine(scan, raw, line2) {
  const field = readField(raw);
  const key = field && classifyKey(field.key);
  if (field && key && !scan.fields.has(key)) scan.fields.set(key, { value: field.value, line: line2 });
}
var CHECKBOX = /^\s*[-*+]\s+\[([ xX])\]\s*(.*)$/;
function readFollowupLine(scan, raw, line2, file, table) {
  const box = CHECKBOX.exec(raw);
  if (box) {
    scan.itemLines.push({ line: line2, result: parseActionText(box[2]), done: box[1] !== " ", form: "checkbox" });
    return table;
  }
  if (/^\s*\|/.test(raw)) return readTableLine(scan, raw, line2, table);
  if (/^\s*([-*+]|\d+[.)])\s+\S/.test(raw) && !/^\s*[-*+]\s+(none|n\/a)\.?\s*$/i.test(raw)) {
    scan.problems.push({
      code: "ITEM_NOT_CHECKLIST",
      file,
      line: line2,
      message: `follow-up "${raw.trim()}" is not a checklist item`,
      hint: 'Start it with "- [ ] "'
    });
  }
  return table;
}
function cells(raw) {
  return raw.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}
function readTableLine(scan, raw, line2, table) {
  const row3 = cells(raw);
  if (!table) {
    const headers = row3.map((h) => stripMarkdown(h).toLowerCase());
    const find2 = (re) => headers.findIndex((h) => re.test(h));
    return {
      text: find2(/action|item|task|description/),
      owner: find2(/owner|assign/),
      due: find2(/due|deadline/),
      status: find2(/status|done|state/),
      headers,
      seenSeparator: false
    };
  }
  if (row3.every((c) => /^:?-{2,}:?$/.test(c))) {
    table.seenSeparator = true;
    return table;
  }
  const cell2 = (i) => i >= 0 ? stripMarkdown(row3[i] ?? "") : void 0;
  const extra = {};
  table.headers.forEach((h, i) => {
    if (![table.text, table.owner, table.due, table.status].includes(i) && row3[i]) extra[h] = stripMarkdown(row3[i]);
  });
  const status3 = (cell2(table.status) ?? "").toLowerCase();
  const done = /^(\[x\]|done|closed|complete|completed|yes|✅)$/.test(status3);
  scan.itemLines.push({ line: line2, result: fromParts2(cell2(table.text) ?? "", cell2(table.owner), cell2(table.due), extra), done, form: "table" });
  return table;
}
function readSummary(scan, file, problems) {
  const get = (k) => scan.fields.get(k);
  const out = {
    impactedSystems: splitTopLevel(get("systems")?.value ?? "")
  };
  const id2 = get("id")?.value.replace(/^#/, "").trim();
  if (id2) out.incidentId = id2;
  if (get("duration")?.value) out.duration = get("duration").value;
  const sev = get("severity");
  if (sev) {
    const s = readSeverity(sev.value);
    if (s) out.severity = s;
    else problems.push({ code: "BAD_SEVERITY", file, line: sev.line, message: `severity "${sev.value}" is not P1\u2013P4`, hint: "Write P1, P2, P3 or P4" });
  }
  const date = get("date");
  if (date) {
    const d = parseDate(date.value.replace(/\s+\d{1,2}:\d{2}.*$/, ""));
    if (d.ok) out.date = d.date;
    else problems.push({ code: "BAD_DATE", file, line: date.line, message: `incident date: ${d.reason}` });
  }
  return out;
}
function collectActions(scan, file, problems) {
  const actions = [];
  const seen = /* @__PURE__ */ new Map();
  scan.itemLines.forEach(({ line: line2, result, done, form }, ordinal) => {
    if (!result.ok) {
      for (const p of result.problems) problems.push({ ...p, file, line: line2 });
      return;
    }
    const norm = normaliseText(result.fields.text);
    if (seen.has(norm)) {
      problems.push({ code: "ITEM_DUPLICATE", file, line: line2, message: `follow-up "${result.fields.text}" repeats line ${seen.get(norm)}`, hint: "Merge the two items or make their text differ" });
      return;
    }
    seen.set(norm, line2);
    actions.push({ ...result.fields, done, line: line2, form, ordinal });
  });
  return actions;
}
function defaultId(file) {
  return (file.split("/").pop() ?? file).replace(/\.md$/i, "");
}
function splitTopLevel(v) {
  const out = [];
  let depth = 0;
  let current = "";
  for (const ch of v) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if ((ch === "," || ch === ";") && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter(Boolean);
}

// src/postmortem/parse/load.ts
var SKIP = /^(readme|template|_.*)\.md$/i;
var REPORT_SHAPE = 'a report is a Markdown file (*.md; README.md, TEMPLATE.md and _*.md are skipped) with a "## Follow-Up Actions" checklist, like postmortems/2026-01-06-schema-registry-outage.md (docs/postmortem-followups.md#reports)';
async function listReportFiles(folder) {
  try {
    const all = await readdir4(folder, { recursive: true });
    return all.filter((f) => f.toLowerCase().endsWith(".md") && !SKIP.test(basename3(f))).sort();
  } catch (e) {
    throw new FollowupsError("config", `cannot list the reports folder ${folder} (${e.code ?? e.message})`);
  }
}
async function loadReports(cwd, folder, display) {
  const files = await listReportFiles(folder);
  if (files.length === 0) throw new FollowupsError("config", `${display} holds no report; ${REPORT_SHAPE}`);
  const reports = [];
  const problems = [];
  for (const f of files) {
    const path2 = relative2(cwd, join11(folder, f)).split(sep3).join("/");
    let bytes;
    try {
      bytes = await readFile7(join11(folder, f));
    } catch (e) {
      throw new FollowupsError("config", `${path2}: cannot read the report (${e.code ?? e.message})`);
    }
    const parsed = parseReport(decodeStrict(bytes, path2), path2);
    reports.push(parsed.report);
    problems.push(...parsed.problems);
  }
  return { reports, problems };
}
var LogEntry = z9.object({
  id: z9.union([z9.string(), z9.number()]).transform(String),
  severity: z9.string(),
  start: z9.string().optional(),
  date: z9.string().optional(),
  resolvedAt: z9.string().optional(),
  title: z9.string().optional()
});
var LOG_HINT = "set followups.missingPostmortems.incidentLog to a YAML or JSON list of {id, severity, date}";
async function loadIncidentLog(absolute, file) {
  let bytes;
  try {
    bytes = await readFile7(absolute);
  } catch (e) {
    throw new FollowupsError("config", `${file}: cannot read the incident log (${e.code ?? e.message}); ${LOG_HINT}`);
  }
  let doc;
  try {
    doc = parseYaml2(decodeStrict(bytes, file));
  } catch (e) {
    if (e instanceof FollowupsError) throw e;
    throw new FollowupsError("config", `${file}: the incident log is not valid YAML or JSON: ${e.message.split("\n")[0]}; ${LOG_HINT}`);
  }
  const list = Array.isArray(doc) ? doc : doc?.incidents;
  if (!Array.isArray(list)) throw new FollowupsError("config", `${file}: expected a list of incidents; ${LOG_HINT}`);
  return list.map((raw, i) => toIncident(raw, i, file));
}
function toIncident(raw, i, file) {
  const entry = LogEntry.safeParse(raw);
  if (!entry.success) throw new FollowupsError("config", `${file}: incident ${i + 1}: ${entry.error.issues[0].path.join(".")}: ${entry.error.issues[0].message}`);
  const e = entry.data;
  const severity = readSeverity(e.severity);
  if (!severity || !SEVERITIES.includes(severity)) throw new FollowupsError("config", `${file}: incident ${e.id}: severity "${e.severity}" is not P1\u2013P4`);
  const start = e.resolvedAt ?? e.start ?? e.date;
  const valid = start && (!Number.isNaN(Date.parse(start)) || parseDate(start).ok);
  if (!valid) throw new FollowupsError("config", `${file}: incident ${e.id}: needs a date, resolvedAt or start as an ISO date`);
  const iso = Number.isNaN(Date.parse(start)) ? parseDate(start).date : start;
  return { id: e.id, severity, start: iso, ...e.title ? { title: e.title } : {} };
}

// src/cli/commands/followups-inputs.ts
var TOKEN_VARIABLES = "GITHUB_TOKEN (or GH_TOKEN)";
var REPO_VALUE = textValue(/^[\w.-]+\/[\w.-]+$/, "OWNER/NAME, e.g. acme/platform");
var DEFAULT_CONFIG = "guardrails.yaml";
function tokenFrom(env) {
  return env["GITHUB_TOKEN"] || env["GH_TOKEN"] || void 0;
}
async function prepareFollowups(values, { io }) {
  const configPath = values.config ?? resolve3(io.cwd, DEFAULT_CONFIG);
  const loaded3 = await loadFollowupsConfig(configPath, shown(io.cwd, configPath), values.config !== void 0);
  const { config: config2 } = loaded3;
  const reportsDir = values.reports ?? await configuredPath(loaded3, ["reports"], config2.reports, "dir", io.cwd);
  const reportsFolder = shown(io.cwd, reportsDir);
  const where2 = values.reports !== void 0 ? `--reports "${reportsFolder}"` : `${loaded3.describeKey(["reports"])} "${config2.reports}"`;
  const { reports, problems } = await loadReports(io.cwd, reportsDir, where2);
  const log = config2.missingPostmortems.incidentLog;
  const incidents = log === void 0 ? void 0 : await loadIncidentLog(await configuredPath(loaded3, ["missingPostmortems", "incidentLog"], log, "file", io.cwd), log);
  const token = tokenFrom(io.env);
  const repo = values.repo ?? config2.repo ?? fromEnv(io.env, "GITHUB_REPOSITORY", REPO_VALUE, io.cwd);
  if (repo === void 0 && !(values["dry-run"] && token === void 0)) {
    throw new UsageError(`no repository for the issues: pass --repo OWNER/NAME, set followups.repo in ${shown(io.cwd, configPath)}, or set GITHUB_REPOSITORY`, "followups");
  }
  return {
    config: config2,
    reports,
    problems,
    reportsFolder,
    ...incidents ? { incidents } : {},
    ...repo ? { repo } : {},
    ...token ? { token } : {}
  };
}
async function configuredPath(loaded3, key, text, kind, cwd) {
  try {
    return await checkPath(resolve3(cwd, text), kind);
  } catch (e) {
    if (!(e instanceof InvalidValue)) throw e;
    const fix = key[0] === "reports" ? "fix it, or pass --reports DIR" : "fix it, or remove the key";
    throw new UsageError(`${loaded3.describeKey(key)} "${text}" ${e.reason}${e.hint ? `; ${e.hint}` : ""}; ${fix}`, "followups");
  }
}
function fromEnv(env, name, parse5, cwd) {
  const text = env[name];
  if (text === void 0 || text === "") return void 0;
  try {
    return parse5(text, { cwd });
  } catch (e) {
    if (!(e instanceof InvalidValue)) throw e;
    throw new UsageError(`$${name} ${JSON.stringify(text)} ${e.reason}${e.hint ? `; ${e.hint}` : ""}`, "followups");
  }
}
function shown(cwd, absolute) {
  const rel = relative3(cwd, absolute);
  return rel === "" ? "." : rel.startsWith("..") ? absolute : rel;
}

// src/cli/commands/drift.ts
var GITHUB = "GitHub issues";
var options = {
  ...registryOptions,
  ref: option({ placeholder: "GIT-REF", description: "Branch, tag or commit to compare (default: the first of origin/HEAD, main, master, origin/main, origin/master that exists)", parse: textValue() }),
  config: option({ placeholder: "PATH", description: "Config file (default: guardrails.yaml at the repository root, or built-in defaults)", parse: textValue() }),
  cwd: option({ placeholder: "DIR", description: "Run in this directory instead of the current one", parse: pathValue("dir") }),
  "subject-prefix": repeatable({
    placeholder: "PREFIX",
    description: "In a shared registry, the subjects this repository owns (contexts as :.ctx:); others no file maps to are left alone",
    parse: textValue()
  }),
  format: jobFormatOption,
  "open-issues": flag("Keep one GitHub issue per drift: opened or updated while it lasts, closed once it is gone", { group: GITHUB }),
  repo: option({ placeholder: "OWNER/NAME", description: "Repository of the issues (default $GITHUB_REPOSITORY)", env: "GITHUB_REPOSITORY", parse: REPO_VALUE, group: GITHUB }),
  "api-url": option({
    placeholder: "URL",
    description: `GitHub REST API URL (default ${DEFAULT_API_URL}; GHES: https://HOST/api/v3)`,
    env: "GITHUB_API_URL",
    parse: urlValue({ credentialsFrom: `${TOKEN_VARIABLES}, never in a URL` }),
    display: displayUrl,
    fallback: DEFAULT_API_URL,
    group: GITHUB
  })
};
function driftCommandWith(deps = {}) {
  return defineCommand({
    name: "drift",
    summary: "Report where the Schema Registry differs from the default branch",
    usage: ["drift [--registry-url URL] [--ref GIT-REF] [--config PATH] [--cwd DIR] [--subject-prefix PREFIX]... [--format text|json] [--open-issues [--repo OWNER/NAME] [--api-url URL]]"],
    description: `Compares the Schema Registry with the default branch: the schema files mapped to subjects by
guardrails.yaml, and every revision of each file on the branch's first-parent history. Reports,
with the subject, the version and what to do: a subject no file maps to (unmanaged-subject), a
file whose subject is not registered (missing-subject), a latest version that differs from the
file (latest-mismatch), a version git never had (foreign-version), a level other than
guardrails.yaml's (level-mismatch), a mode other than READWRITE (mode-not-readwrite), and a
soft-deleted version that a live one still references (deleted-but-referenced). Schemas are
compared in a canonical form: whitespace, key order and {"type":"string"} against "string" do
not count. The registry is only read.

With --open-issues each drift is one GitHub issue labelled registry-drift, found again by a
hidden key in its body: opened once, updated while the drift lasts, closed when it is gone. The
token comes from GITHUB_TOKEN (or GH_TOKEN) only.`,
    options,
    exits: {
      ok: "no drift",
      failed: "drift found, a GitHub write was refused, or the run was stopped before its issue writes were done",
      unavailable: "the Schema Registry or GitHub could not answer"
    },
    notes: "Environment: GUARDRAILS_REGISTRY_URL and its credentials; GITHUB_TOKEN or GH_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL as GitHub Actions sets them.",
    refine(values, { io }) {
      if (!values["open-issues"]) return;
      if (tokenFrom(io.env) === void 0) throw new UsageError(`--open-issues needs a GitHub token: set ${TOKEN_VARIABLES} to a token with issues write`, "drift");
      if (values.repo === void 0) throw new UsageError("--open-issues needs the repository of the issues: pass --repo OWNER/NAME or set GITHUB_REPOSITORY", "drift");
    },
    async preflight(values, { io }) {
      registrySettings(values, io.env);
      const cwd = values.cwd ?? io.cwd;
      const repo = await openRepository(cwd);
      if (values.ref !== void 0) await repo.resolveCommit(values.ref);
      else await repo.defaultBase();
      await loadConfig({ path: values.config, cwd, root: repo.root });
    },
    async run(values, { io, signal, recordMetrics }) {
      const cwd = values.cwd ?? io.cwd;
      const { client } = openRegistry(registrySettings(values, io.env), signal);
      const token = tokenFrom(io.env);
      const tracker = values["open-issues"] && token !== void 0 && values.repo !== void 0 ? OctokitTracker.create({ token, repo: values.repo, baseUrl: values["api-url"], signal, log: (line2) => io.stderr.write(`${line2}
`), ...deps.trackerOptions }) : void 0;
      try {
        const result = await runDrift(
          { cwd, subjectPrefixes: values["subject-prefix"], ...values.ref !== void 0 && { ref: values.ref }, ...values.config !== void 0 && { configPath: values.config } },
          { repo: await openRepository(cwd), registry: client, signal, ...tracker && { tracker } }
        );
        recordMetrics?.(driftMetrics(result));
        const failed2 = result.findings.length > 0 || result.stopped || (result.issues?.outcome.problems.length ?? 0) > 0;
        const exitCode = failed2 ? EXIT.FAILED : EXIT.OK;
        printDrift(result, exitCode, io, values.format);
        return exitCode;
      } finally {
        client.close();
      }
    }
  });
}
var driftCommand = driftCommandWith();

// src/cli/commands/expire-snapshots.ts
import { appendFile } from "node:fs/promises";

// src/iceberg/job/report.ts
var LABELS = [
  ["data", "data files"],
  ["position-deletes", "position deletes"],
  ["equality-deletes", "equality deletes"],
  ["deletion-vectors", "deletion vectors"],
  ["manifests", "manifests"],
  ["manifest-lists", "manifest lists"],
  ["statistics", "statistics files"],
  ["metadata-files", "metadata files"]
];
function formatBytes(bytes) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
function fileLines(summary3) {
  const total = LABELS.reduce((n, [kind]) => n + summary3.files[kind].count, 0);
  const verb = summary3.dryRun ? "would delete" : "deleted";
  const lines2 = [`  ${verb} ${total} file(s), ${formatBytes(summary3.bytes)}:`];
  for (const [kind, label2] of LABELS) {
    const { count: count2, bytes } = summary3.files[kind];
    lines2.push(`    ${label2.padEnd(18)} ${String(count2).padStart(8)}  ${formatBytes(bytes).padStart(10)}`);
  }
  return lines2;
}
function renderTableText(summary3) {
  const header2 = `${summary3.table}: ${summary3.status}${summary3.dryRun ? " (dry run: nothing written)" : ""}`;
  if (summary3.status === "failed" || summary3.status === "stopped") {
    const resumed = summary3.resumedDeletions > 0 ? [`  finished ${summary3.resumedDeletions} deletion(s) of an interrupted cleanup first`] : [];
    return [header2, `  ${summary3.error?.code ?? "ERROR"}: ${summary3.error?.message ?? "unknown error"}`, ...resumed, summary3.status === "stopped" ? "  nothing was committed for this table" : "  nothing was deleted by this step"].join("\n");
  }
  const refs2 = summary3.droppedRefs.length > 0 ? summary3.droppedRefs.join(", ") : "none";
  const lines2 = [
    header2,
    `  snapshots: ${summary3.snapshotsBefore} -> ${summary3.snapshotsAfter} (${summary3.expiredSnapshotIds.length} expire; refs dropped: ${refs2})`,
    ...fileLines(summary3)
  ];
  if (summary3.removedPartitionSpecIds.length + summary3.removedSchemaIds.length > 0) {
    lines2.push(`  unused metadata ${summary3.dryRun ? "to remove" : "removed"}: partition specs [${summary3.removedPartitionSpecIds.join(", ")}], schemas [${summary3.removedSchemaIds.join(", ")}]`);
  }
  if (!summary3.dryRun && summary3.filesPerSecond !== null) {
    lines2.push(`  reclaimed ${formatBytes(summary3.bytesReclaimed)}; deleted at ${summary3.filesPerSecond} files/s (${summary3.deleteDurationMs} ms)`);
  }
  const c = summary3.sparkCounts;
  lines2.push(`  spark counts: data ${c.deleted_data_files_count}, position deletes ${c.deleted_position_delete_files_count}, equality deletes ${c.deleted_equality_delete_files_count}, manifests ${c.deleted_manifest_files_count}, manifest lists ${c.deleted_manifest_lists_count}, statistics ${c.deleted_statistics_files_count}`);
  if (summary3.metadataLocation !== void 0) lines2.push(`  committed ${summary3.metadataLocation}`);
  if (summary3.resumedDeletions > 0) {
    lines2.push(`  ${summary3.dryRun ? "would finish" : "finished"} an interrupted cleanup: ${summary3.resumedDeletions} file(s)`);
  }
  for (const f of summary3.deleteFailures) lines2.push(`  not deleted (orphan): ${f.path}: ${f.reason}`);
  if (summary3.pendingDeletions > 0) lines2.push(`  stopped: ${summary3.pendingDeletions} expired file(s) left for the next run to delete`);
  for (const w of summary3.warnings) lines2.push(`  note: ${w}`);
  if (summary3.dryRun && summary3.plannedDeletions !== void 0 && summary3.plannedDeletions.length > 0) {
    lines2.push("  files:");
    for (const d of summary3.plannedDeletions) lines2.push(`    ${d.kind.padEnd(16)} ${formatBytes(d.sizeBytes).padStart(10)}  ${d.path}`);
  }
  lines2.push(`  took ${summary3.durationMs} ms`);
  return lines2.join("\n");
}
function renderRunOutcome(run2) {
  const count2 = (status3) => run2.tables.filter((t) => t.status === status3).length;
  const failed2 = count2("failed");
  const lines2 = [`expire-snapshots: ${run2.tables.length - failed2 - count2("stopped")} table(s) ok, ${failed2} failed`];
  if (!run2.stopped) return lines2;
  const committed = run2.tables.filter((t) => t.status === "expired");
  const pending = committed.filter((t) => t.pendingDeletions > 0);
  lines2.push(`stopped by a signal: ${committed.length} table(s) committed, ${pending.length} of them with deletions left for the next run (${pending.map((t) => t.table).join(", ") || "none"})`);
  const before = run2.tables.filter((t) => t.status === "stopped").map((t) => t.table);
  lines2.push(`not done: ${before.length} table(s) stopped before their commit (${before.join(", ") || "none"}), ${run2.notStarted.length} not started (${run2.notStarted.join(", ") || "none"}); run again to finish`);
  return lines2;
}

// src/iceberg/job/github-summary.ts
function escapeCell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function row(s) {
  const f = s.files;
  const status3 = s.status === "failed" ? `\u274C failed: ${escapeCell(s.error?.message ?? "")}` : s.status;
  const c = s.sparkCounts;
  const rate = s.filesPerSecond === null ? "\u2013" : String(s.filesPerSecond);
  return `| ${escapeCell(s.table)} | ${status3} | ${s.snapshotsBefore} \u2192 ${s.snapshotsAfter} | ${c.deleted_data_files_count} | ${c.deleted_position_delete_files_count} | ${c.deleted_equality_delete_files_count} | ${c.deleted_manifest_files_count} | ${c.deleted_manifest_lists_count} | ${c.deleted_statistics_files_count} | ${f["metadata-files"].count} | ${formatBytes(s.bytes)} | ${formatBytes(s.bytesReclaimed)} | ${rate} | ${(s.durationMs / 1e3).toFixed(1)} s |`;
}
function chart(title, axis, labels, series) {
  return [
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis [${labels.map((l) => JSON.stringify(l)).join(", ")}]`,
    `  y-axis "${axis}"`,
    ...series.map((values) => `  bar [${values.join(", ")}]`),
    "```"
  ];
}
function renderGithubSummary(summaries, heading2) {
  const lines2 = [
    `### ${heading2}`,
    "",
    "| Table | Status | Snapshots | Data files | Position deletes | Equality deletes | Manifests | Manifest lists | Statistics | Metadata files | Bytes | Reclaimed | Files/s | Duration |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...summaries.map(row),
    ""
  ];
  const shown2 = summaries.filter((s) => s.status !== "failed");
  if (shown2.length > 0) {
    const labels = shown2.map((s) => s.table.split(".").slice(1).join("."));
    lines2.push("Snapshots before (first bar) and after (second bar):", "", ...chart("Snapshots", "snapshots", labels, [shown2.map((s) => s.snapshotsBefore), shown2.map((s) => s.snapshotsAfter)]), "");
    lines2.push(`Bytes ${shown2.some((s) => s.dryRun) ? "that would be reclaimed" : "reclaimed"} (MiB):`, "", ...chart("Reclaimed", "MiB", labels, [shown2.map((s) => Math.round(s.bytes / 1048576 * 10) / 10)]), "");
  }
  return `${lines2.join("\n")}
`;
}

// src/iceberg/catalog/connection.ts
import { createRequire } from "node:module";
function sslOption(mode2) {
  switch (mode2) {
    case void 0:
    case "disable":
    case "allow":
    case "prefer":
      return void 0;
    case "require":
    case "verify-ca":
      return { rejectUnauthorized: false };
    case "verify-full":
      return { rejectUnauthorized: true };
  }
}
var require2 = createRequire(import.meta.url);
function openCatalogPool(settings) {
  const ssl = sslOption(settings.sslMode);
  const { Pool } = require2("pg");
  const pool = new Pool({
    host: settings.host,
    user: settings.user,
    ...settings.port !== void 0 ? { port: settings.port } : {},
    ...settings.database !== void 0 ? { database: settings.database } : {},
    ...settings.password !== void 0 ? { password: settings.password } : {},
    ...ssl !== void 0 ? { ssl } : {},
    max: settings.poolSize,
    connectionTimeoutMillis: 3e4
  });
  const open = /* @__PURE__ */ new Set();
  const drained2 = [];
  pool.on("error", () => {
  });
  pool.on("connect", (client) => {
    open.add(client);
    client.on("error", () => {
    });
  });
  pool.on("remove", (client) => {
    open.delete(client);
    if (open.size === 0) for (const resolve7 of drained2.splice(0)) resolve7();
  });
  let closing;
  return {
    pool,
    close: () => {
      closing ??= pool.end().then(() => open.size === 0 ? void 0 : new Promise((resolve7) => drained2.push(resolve7)));
      return closing;
    }
  };
}
var UNREACHABLE = /* @__PURE__ */ new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
function connectionError(error, display) {
  const code = error?.code;
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const subject2 = `catalog database ${display}`;
  if (code === "28P01" || code === "28000") {
    return new IcebergError("INVALID_INPUT", `refused the login: ${reason}`, { subject: subject2, hint: "check the user in --catalog-uri and the password in PGPASSWORD (or in the URI of ICEBERG_CATALOG_URI / DATABASE_URL)", cause: error });
  }
  if (code === "3D000") return new IcebergError("INVALID_INPUT", reason ?? "database does not exist", { subject: subject2, hint: "check the database name in --catalog-uri", cause: error });
  if (/\bssl\b|certificate/i.test(reason ?? "")) {
    return new IcebergError("INVALID_INPUT", `TLS failed: ${reason}`, { subject: subject2, hint: "check --catalog-ssl-mode (or sslmode in the URI, or PGSSLMODE)", cause: error });
  }
  const network = typeof code === "string" && (UNREACHABLE.has(code) || code.startsWith("08") || code.startsWith("57P"));
  if (network || /timeout|terminated/i.test(reason ?? "")) {
    return new IcebergError("UNAVAILABLE", `cannot be reached: ${reason}`, { subject: subject2, hint: "check the host and port in --catalog-uri and that PostgreSQL is running", cause: error });
  }
  return new IcebergError("INVALID_INPUT", `cannot be used: ${reason}`, { subject: subject2, cause: error });
}

// src/iceberg/catalog/preflight.ts
var SHOWN = 12;
function listed(names) {
  if (names.length === 0) return "none";
  const shown2 = names.slice(0, SHOWN).map((n) => JSON.stringify(n)).join(", ");
  return names.length > SHOWN ? `${shown2}, \u2026 (${names.length} in all)` : shown2;
}
async function checkCatalog(pool, catalog, selection, display) {
  const query = async (sql, params = []) => {
    try {
      return (await pool.query(sql, params)).rows;
    } catch (error) {
      throw connectionError(error, display);
    }
  };
  const [probe] = await query("SELECT to_regclass('iceberg_tables') IS NOT NULL AS present");
  if (probe?.present !== true) {
    throw new IcebergError("INVALID_INPUT", "is not an Iceberg SQL catalog: it has no iceberg_tables table", {
      subject: `catalog database ${display}`,
      hint: "point --catalog-uri at the database of the JdbcCatalog or PyIceberg SqlCatalog"
    });
  }
  const types = await catalog.typeFilter().catch((error) => Promise.reject(connectionError(error, display)));
  const names = async (column, where2, params) => {
    const rows = await query(`SELECT DISTINCT ${column} AS name FROM iceberg_tables WHERE ${where2}${types} ORDER BY 1`, params);
    return rows.map((r) => r.name);
  };
  const { catalogName, namespace, table } = selection;
  const catalogs = await names("catalog_name", "TRUE", []);
  if (!catalogs.includes(catalogName)) {
    throw new IcebergError("INVALID_INPUT", `--catalog-name ${JSON.stringify(catalogName)} matches no table in iceberg_tables; catalog names there: ${listed(catalogs)}`, { hint: "give one of those names" });
  }
  if (namespace !== void 0) {
    const namespaces = await names("table_namespace", "catalog_name = $1", [catalogName]);
    if (!namespaces.includes(namespace)) {
      throw new IcebergError("INVALID_INPUT", `--namespace ${JSON.stringify(namespace)} matches no table of catalog ${catalogName}; its namespaces: ${listed(namespaces)}`, { hint: 'give one of those, levels joined with "."' });
    }
  }
  if (table !== void 0) {
    const where2 = namespace === void 0 ? "catalog_name = $1" : "catalog_name = $1 AND table_namespace = $2";
    const tables = await names("table_name", where2, namespace === void 0 ? [catalogName] : [catalogName, namespace]);
    if (!tables.includes(table)) {
      const scope = namespace === void 0 ? `catalog ${catalogName}` : `${catalogName}.${namespace}`;
      throw new IcebergError("INVALID_INPUT", `--table ${JSON.stringify(table)} matches no table of ${scope}; its tables: ${listed(tables)}`, { hint: "give one of those names" });
    }
  }
}

// src/iceberg/io/location-map.ts
var S3_SCHEMES = ["s3://", "s3a://", "s3n://"];
function spellings(prefix) {
  const scheme = S3_SCHEMES.find((s) => prefix.startsWith(s));
  if (scheme === void 0) return [prefix];
  const rest = prefix.slice(scheme.length);
  return S3_SCHEMES.map((s) => s + rest);
}
function trimSlash(s) {
  return s.endsWith("/") ? s.slice(0, -1) : s;
}
var LocationMap = class {
  entries;
  constructor(mappings) {
    this.entries = mappings.flatMap((m) => spellings(trimSlash(m.prefix)).map((spelling) => ({ spelling, target: trimSlash(m.target) }))).sort((a, b) => b.spelling.length - a.spelling.length);
  }
  get isEmpty() {
    return this.entries.length === 0;
  }
  /** The physical location of `path`; refuses unmapped paths when mappings exist. */
  resolve(path2) {
    if (this.entries.length === 0) return path2;
    for (const { spelling, target } of this.entries) {
      if (path2 === spelling) return target;
      if (path2.startsWith(`${spelling}/`)) return target + path2.slice(spelling.length);
    }
    throw new IcebergError("INVALID_INPUT", `path ${path2} is outside every mapped location`, { hint: "add a --map-location prefix=target for it" });
  }
};
function isS3Path(path2) {
  return S3_SCHEMES.some((s) => path2.startsWith(s));
}

// src/iceberg/io/local.ts
import { lstat as lstat3, mkdir as mkdir2, readFile as readFile8, readdir as readdir5, stat as stat5, unlink, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname4, join as join12, resolve as resolve4 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/iceberg/io/file-io.ts
function notAttempted(path2) {
  return { path: path2, reason: "not attempted: the run was stopped", notAttempted: true };
}
async function mapWithConcurrency(items, limit, task, stop) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = stop?.signal?.aborted ? stop.skipped(items[index]) : await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// src/iceberg/io/local.ts
function errnoCode(error) {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : void 0;
}
var LocalFileIO = class {
  constructor(cwd, concurrency = 16) {
    this.cwd = cwd;
    this.concurrency = concurrency;
  }
  cwd;
  concurrency;
  toLocal(path2) {
    if (path2.startsWith("file:")) return fileURLToPath2(path2.startsWith("file://") ? path2 : `file://${path2.slice(5)}`);
    return resolve4(this.cwd, path2);
  }
  async read(path2) {
    try {
      return await readFile8(this.toLocal(path2));
    } catch (cause) {
      const missing = errnoCode(cause) === "ENOENT";
      throw new IcebergError("UNREADABLE", missing ? "file not found" : `cannot read file: ${errnoCode(cause) ?? String(cause)}`, { subject: path2, cause });
    }
  }
  async writeNew(path2, data) {
    const local = this.toLocal(path2);
    try {
      await mkdir2(dirname4(local), { recursive: true });
      await writeFile2(local, data, { flag: "wx" });
    } catch (cause) {
      throw new IcebergError("IO", `cannot create file: ${errnoCode(cause) ?? String(cause)}`, { subject: path2, cause });
    }
  }
  async deleteFiles(paths2, signal) {
    const results = await mapWithConcurrency(paths2, this.concurrency, async (path2) => {
      try {
        await unlink(this.toLocal(path2));
        return void 0;
      } catch (cause) {
        if (errnoCode(cause) === "ENOENT") return void 0;
        return { path: path2, reason: errnoCode(cause) ?? String(cause) };
      }
    }, { signal, skipped: notAttempted });
    return results.filter((r) => r !== void 0);
  }
  async size(path2) {
    try {
      return (await stat5(this.toLocal(path2))).size;
    } catch (cause) {
      if (errnoCode(cause) === "ENOENT") return void 0;
      throw new IcebergError("IO", `cannot stat file: ${errnoCode(cause) ?? String(cause)}`, { subject: path2, cause });
    }
  }
  /**
   * Walks the directory tree under `prefix`, one directory at a time with bounded parallel `lstat`s. Symbolic
   * links are neither followed nor listed, so nothing outside the tree is ever reached; a directory or file that
   * vanishes mid-walk is skipped (another job deleted it), not an error.
   */
  async *list(prefix, signal) {
    const base = prefix.replace(/\/+$/, "");
    const pending = [{ dir: this.toLocal(base), rel: "" }];
    while (pending.length > 0) {
      if (signal?.aborted) return;
      const { dir, rel } = pending.pop();
      let entries;
      try {
        entries = await readdir5(dir, { withFileTypes: true });
      } catch (cause) {
        const code = errnoCode(cause);
        if (code === "ENOENT" || code === "ENOTDIR" && rel !== "") continue;
        throw new IcebergError("IO", `cannot list directory: ${code ?? String(cause)}`, { subject: rel === "" ? base : `${base}/${rel}`, cause });
      }
      const files = entries.filter((e) => e.isFile()).map((e) => e.name).sort();
      for (const e of entries) if (e.isDirectory()) pending.push({ dir: join12(dir, e.name), rel: rel === "" ? e.name : `${rel}/${e.name}` });
      const listed3 = await mapWithConcurrency(files, this.concurrency, async (name) => {
        const relPath = rel === "" ? name : `${rel}/${name}`;
        try {
          const info = await lstat3(join12(dir, name));
          return { path: `${base}/${relPath}`, sizeBytes: info.size, lastModifiedMs: Math.floor(info.mtimeMs) };
        } catch (cause) {
          if (errnoCode(cause) === "ENOENT") return void 0;
          throw new IcebergError("IO", `cannot stat file: ${errnoCode(cause) ?? String(cause)}`, { subject: `${base}/${relPath}`, cause });
        }
      });
      for (const file of listed3) if (file !== void 0) yield file;
    }
  }
};

// src/iceberg/io/s3.ts
function splitS3Path(path2) {
  const match = /^s3[an]?:\/\/([^/]+)\/(.+)$/.exec(path2);
  if (match === null) throw new IcebergError("INVALID_INPUT", `${path2} is not an s3://bucket/key location`);
  return { bucket: match[1], key: match[2] };
}
function isNotFound(error) {
  const e = error;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}
var DELETE_ATTEMPTS = 3;
var RETRYABLE_CODES = /* @__PURE__ */ new Set(["SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout"]);
function chunk(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
function splitS3Prefix(prefix) {
  const match = /^(s3[an]?):\/\/([^/]+)(?:\/(.*))?$/.exec(prefix);
  if (match === null) throw new IcebergError("INVALID_INPUT", `${prefix} is not an s3://bucket/prefix location`);
  return { scheme: match[1], bucket: match[2], key: (match[3] ?? "").replace(/\/+$/, "") };
}
var sdk;
function loadS3Sdk() {
  return sdk ??= import("@aws-sdk/client-s3");
}
var S3FileIO = class _S3FileIO {
  constructor(client, settings = {}, ownsClient = false) {
    this.ownsClient = ownsClient;
    this.ready = Promise.all([client, loadS3Sdk()]);
    this.ready.catch(() => {
    });
    this.batchSize = Math.min(1e3, Math.max(1, settings.deleteBatchSize ?? 1e3));
    this.concurrency = Math.max(1, settings.concurrency ?? 4);
    this.pageSize = Math.min(1e3, Math.max(1, settings.listPageSize ?? 1e3));
  }
  ownsClient;
  batchSize;
  concurrency;
  pageSize;
  /** Requests sent, by kind, so the orphan benchmark can count its listing pages. */
  requests = { list: 0, deleteObjects: 0 };
  /** The client and the SDK's commands, awaited once per call: the client may still be in the making. */
  ready;
  /** Closes the client's sockets if this instance created it. */
  close() {
    if (this.ownsClient) void this.ready.then(([client]) => client.destroy(), () => {
    });
  }
  static create(settings) {
    const client = loadS3Sdk().then(({ S3Client }) => new S3Client({
      ...settings.endpoint !== void 0 ? { endpoint: settings.endpoint } : {},
      region: settings.region ?? "us-east-1",
      forcePathStyle: settings.forcePathStyle ?? false
    }));
    return new _S3FileIO(client, settings, true);
  }
  async read(path2) {
    const { bucket, key } = splitS3Path(path2);
    const [client, { GetObjectCommand }] = await this.ready;
    try {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await out.Body.transformToByteArray());
    } catch (cause) {
      throw new IcebergError("UNREADABLE", isNotFound(cause) ? "file not found" : `cannot read object: ${String(cause)}`, { subject: path2, cause });
    }
  }
  async writeNew(path2, data) {
    const { bucket, key } = splitS3Path(path2);
    const [client, { PutObjectCommand }] = await this.ready;
    try {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data, IfNoneMatch: "*" }));
    } catch (cause) {
      throw new IcebergError("IO", `cannot create object: ${String(cause)}`, { subject: path2, cause });
    }
  }
  async size(path2) {
    const { bucket, key } = splitS3Path(path2);
    const [client, { HeadObjectCommand }] = await this.ready;
    try {
      return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength;
    } catch (cause) {
      if (isNotFound(cause)) return void 0;
      throw new IcebergError("IO", `cannot stat object: ${String(cause)}`, { subject: path2, cause });
    }
  }
  async deleteFiles(paths2, signal) {
    const byBucket = /* @__PURE__ */ new Map();
    for (const path2 of paths2) {
      const { bucket, key } = splitS3Path(path2);
      const keys = byBucket.get(bucket) ?? /* @__PURE__ */ new Map();
      keys.set(key, path2);
      byBucket.set(bucket, keys);
    }
    const batches = [...byBucket].flatMap(([bucket, keys]) => chunk([...keys], this.batchSize).map((batch) => ({ bucket, batch })));
    const skipped = ({ batch }) => batch.map(([, path2]) => notAttempted(path2));
    const results = await mapWithConcurrency(batches, this.concurrency, ({ bucket, batch }) => this.deleteBatch(bucket, batch, signal), { signal, skipped });
    return results.flat();
  }
  async deleteBatch(bucket, batch, signal) {
    const [client, { DeleteObjectsCommand }] = await this.ready;
    const pathOf2 = new Map(batch);
    let pending = batch.map(([key]) => key);
    let failures = [];
    for (let attempt = 0; pending.length > 0 && attempt < DELETE_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((resolve7) => setTimeout(resolve7, 200 * 2 ** attempt));
      if (attempt > 0 && signal?.aborted) {
        const retried = new Set(pending.map((key) => pathOf2.get(key) ?? key));
        return [...failures.filter((f) => !retried.has(f.path)), ...[...retried].map(notAttempted)];
      }
      try {
        this.requests.deleteObjects += 1;
        const out = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: pending.map((Key) => ({ Key })), Quiet: true } }));
        const errors = (out.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
        failures = errors.map((e) => ({ path: pathOf2.get(e.Key ?? "") ?? `s3://${bucket}/${e.Key ?? "?"}`, reason: `${e.Code ?? "Error"}: ${e.Message ?? ""}`.trim() }));
        pending = errors.filter((e) => RETRYABLE_CODES.has(e.Code ?? "")).map((e) => e.Key ?? "");
      } catch (cause) {
        return pending.map((key) => ({ path: pathOf2.get(key) ?? key, reason: String(cause) }));
      }
    }
    return failures;
  }
  /** ListObjectsV2 over `prefix/`, up to 1,000 keys a page, following continuation tokens; `dir/` markers are skipped. */
  async *list(prefix, signal) {
    const { scheme, bucket, key } = splitS3Prefix(prefix);
    const keyPrefix = key === "" ? "" : `${key}/`;
    const [client, { ListObjectsV2Command }] = await this.ready;
    let token;
    do {
      if (signal?.aborted) return;
      this.requests.list += 1;
      let page;
      try {
        page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: keyPrefix, MaxKeys: this.pageSize, ...token !== void 0 ? { ContinuationToken: token } : {} }));
      } catch (cause) {
        throw new IcebergError("IO", `cannot list objects: ${String(cause)}`, { subject: prefix, cause });
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === void 0 || object.Key.endsWith("/")) continue;
        yield { path: `${scheme}://${bucket}/${object.Key}`, sizeBytes: object.Size ?? 0, lastModifiedMs: object.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated === true ? page.NextContinuationToken : void 0;
    } while (token !== void 0);
  }
};

// src/iceberg/io/router.ts
var RoutingFileIO = class _RoutingFileIO {
  constructor(map, local, s3Factory) {
    this.map = map;
    this.local = local;
    this.s3Factory = s3Factory;
  }
  map;
  local;
  s3Factory;
  s3;
  static create(map, cwd, s3, concurrency) {
    return new _RoutingFileIO(map, new LocalFileIO(cwd, concurrency), () => S3FileIO.create({ ...s3, concurrency }));
  }
  /** Closes the S3 client, if one was made. */
  close() {
    this.s3?.close?.();
    this.s3 = void 0;
  }
  target(physical) {
    if (!isS3Path(physical)) return this.local;
    this.s3 ??= this.s3Factory();
    return this.s3;
  }
  read(path2) {
    const physical = this.map.resolve(path2);
    return this.target(physical).read(physical);
  }
  writeNew(path2, data) {
    const physical = this.map.resolve(path2);
    return this.target(physical).writeNew(physical, data);
  }
  size(path2) {
    const physical = this.map.resolve(path2);
    return this.target(physical).size(physical);
  }
  /** Lists where `prefix` really is, and names each file back under `prefix`, so callers compare in the table's own spelling. */
  async *list(prefix, signal) {
    const logical = prefix.replace(/\/+$/, "");
    const physical = this.map.resolve(logical).replace(/\/+$/, "");
    const target = this.target(physical);
    if (target.list === void 0) throw new IcebergError("INTERNAL", "this file store cannot list files", { subject: prefix });
    for await (const file of target.list(physical, signal)) {
      yield { ...file, path: logical + file.path.slice(physical.length) };
    }
  }
  async deleteFiles(paths2, signal) {
    const physicalToLogical = /* @__PURE__ */ new Map();
    const failures = [];
    for (const path2 of paths2) {
      try {
        physicalToLogical.set(this.map.resolve(path2), path2);
      } catch (error) {
        failures.push({ path: path2, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    const physical = [...physicalToLogical.keys()];
    const local = physical.filter((p) => !isS3Path(p));
    const remote = physical.filter((p) => isS3Path(p));
    const results = await Promise.all([
      local.length > 0 ? this.local.deleteFiles(local, signal) : [],
      remote.length > 0 ? this.target(remote[0]).deleteFiles(remote, signal) : []
    ]);
    for (const f of results.flat()) failures.push({ ...f, path: physicalToLogical.get(f.path) ?? f.path });
    return failures;
  }
};

// src/iceberg/job/run.ts
import { setTimeout as delay } from "node:timers/promises";

// src/iceberg/job/expire-table.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/iceberg/catalog/schema.ts
var TABLE_TYPE_FILTER = "(iceberg_type = 'TABLE' OR iceberg_type IS NULL)";
var JOURNAL_TABLE = "guardrails_cleanup_journal";
function createJournalTableSql() {
  return [
    `CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (
  id varchar(36) PRIMARY KEY,
  catalog_name varchar(255) NOT NULL,
  table_namespace varchar(255) NOT NULL,
  table_name varchar(255) NOT NULL,
  base_metadata_location varchar(1000) NOT NULL,
  new_metadata_location varchar(1000) NOT NULL,
  state varchar(16) NOT NULL,
  candidates text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`,
    `ALTER TABLE ${JOURNAL_TABLE} ADD COLUMN IF NOT EXISTS journal_version integer NOT NULL DEFAULT 1`,
    `CREATE INDEX IF NOT EXISTS ${JOURNAL_TABLE}_by_table ON ${JOURNAL_TABLE} (catalog_name, table_namespace, table_name)`
  ];
}

// src/iceberg/catalog/sql-catalog.ts
function identText(ident) {
  return `${ident.catalog}.${ident.namespace}.${ident.name}`;
}
function isServerError(error) {
  const code = error?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith("08") && !code.startsWith("57P");
}
var PostgresSqlCatalog = class {
  constructor(pool, catalogName) {
    this.pool = pool;
    this.catalogName = catalogName;
  }
  pool;
  catalogName;
  hasTypeColumn;
  /** ` AND <only tables>` on a V1 catalog (views skipped), '' on V0. */
  async typeFilter() {
    this.hasTypeColumn ??= this.pool.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'iceberg_tables' AND column_name = 'iceberg_type' AND table_schema = ANY (current_schemas(false))").then((r) => (r.rowCount ?? 0) > 0).catch((error) => {
      this.hasTypeColumn = void 0;
      throw error;
    });
    return await this.hasTypeColumn ? ` AND ${TABLE_TYPE_FILTER}` : "";
  }
  async listTables(filter) {
    const params = [this.catalogName];
    let where2 = "catalog_name = $1";
    if (filter.namespace !== void 0) {
      params.push(filter.namespace);
      where2 += ` AND table_namespace = $${params.length}`;
    }
    if (filter.table !== void 0) {
      params.push(filter.table);
      where2 += ` AND table_name = $${params.length}`;
    }
    const sql = `SELECT table_namespace, table_name FROM iceberg_tables WHERE ${where2}${await this.typeFilter()} ORDER BY table_namespace, table_name`;
    const result = await this.pool.query(sql, params);
    return result.rows.map((r) => ({ catalog: this.catalogName, namespace: r.table_namespace, name: r.table_name }));
  }
  async loadPointer(ident) {
    const sql = `SELECT metadata_location FROM iceberg_tables WHERE catalog_name = $1 AND table_namespace = $2 AND table_name = $3${await this.typeFilter()}`;
    const result = await this.pool.query(sql, [ident.catalog, ident.namespace, ident.name]);
    const location = result.rows[0]?.metadata_location;
    if (location === void 0 || location === null) {
      throw new IcebergError("INVALID_INPUT", "table not found in the catalog (or it has no metadata location)", { subject: identText(ident) });
    }
    return location;
  }
  async commit(ident, oldLocation, newLocation) {
    if (newLocation.length > 1e3) throw new IcebergError("INVALID_INPUT", "new metadata location exceeds the catalog column size of 1000", { subject: newLocation });
    const sql = `UPDATE iceberg_tables SET metadata_location = $1, previous_metadata_location = $2
      WHERE catalog_name = $3 AND table_namespace = $4 AND table_name = $5 AND metadata_location = $2${await this.typeFilter()}`;
    try {
      const result = await this.pool.query(sql, [newLocation, oldLocation, ident.catalog, ident.namespace, ident.name]);
      if (result.rowCount === 1) return "committed";
      if (result.rowCount === 0) return "conflict";
      return "unknown";
    } catch (error) {
      if (isServerError(error)) throw new IcebergError("IO", `catalog rejected the commit: ${String(error)}`, { subject: identText(ident), cause: error });
      return this.outcomeAfterLostConnection(ident, oldLocation, newLocation);
    }
  }
  /** The UPDATE may or may not have landed: re-read the row before anything else. */
  async outcomeAfterLostConnection(ident, oldLocation, newLocation) {
    try {
      const current = await this.loadPointer(ident);
      if (current === newLocation) return "committed";
      if (current === oldLocation) return "not-applied";
      return "unknown";
    } catch {
      return "unknown";
    }
  }
};

// src/iceberg/metadata/avro-file.ts
import { crc32, deflateRawSync as deflateRawSync2, inflateRawSync as inflateRawSync2 } from "node:zlib";
import { createRequire as createRequire2 } from "node:module";
var MAGIC = Buffer.from([79, 98, 106, 1]);
var require3 = createRequire2(import.meta.url);
var loaded;
function libraries() {
  return loaded ??= loadLibraries();
}
function loadLibraries() {
  const library = require3("avsc");
  const bigIntLong = library.types.LongType.__with({
    fromBuffer: (buf) => buf.readBigInt64LE(),
    toBuffer: (n) => {
      const buf = Buffer.alloc(8);
      buf.writeBigInt64LE(BigInt(n));
      return buf;
    },
    fromJSON: (v) => BigInt(v),
    toJSON: (n) => Number(n),
    isValid: (n) => typeof n === "bigint",
    compare: (a, b) => a === b ? 0 : a < b ? -1 : 1
  });
  const { decompress } = require3("fzstd");
  const { uncompress } = require3("snappyjs");
  return { avro: library, bigIntLong, zstdDecompress: decompress, snappyUncompress: uncompress };
}
var typeCache = /* @__PURE__ */ new Map();
var projectionCache = /* @__PURE__ */ new Map();
function projected(schemaText, projection) {
  let bySchema = projectionCache.get(projection);
  if (bySchema === void 0) {
    bySchema = /* @__PURE__ */ new Map();
    projectionCache.set(projection, bySchema);
  }
  let entry = bySchema.get(schemaText);
  if (entry === void 0) {
    const { avro: library, bigIntLong } = libraries();
    const reader = library.Type.forSchema(projection.readerSchema(JSON.parse(schemaText)), { registry: { long: bigIntLong }, wrapUnions: false });
    entry = { reader, resolver: reader.createResolver(avroTypeFor(schemaText)) };
    bySchema.set(schemaText, entry);
  }
  return entry;
}
function avroTypeFor(schemaText) {
  let type = typeCache.get(schemaText);
  if (type === void 0) {
    const { avro: library, bigIntLong } = libraries();
    type = library.Type.forSchema(JSON.parse(schemaText), { registry: { long: bigIntLong }, wrapUnions: false });
    typeCache.set(schemaText, type);
  }
  return type;
}
var Cursor = class {
  constructor(buf) {
    this.buf = buf;
  }
  buf;
  pos = 0;
  long() {
    let result = 0;
    let shift = 1;
    let byte;
    do {
      if (this.pos >= this.buf.length) throw new RangeError("truncated varint");
      byte = this.buf[this.pos++];
      result += (byte & 127) * shift;
      shift *= 128;
    } while (byte & 128);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }
  bytes(length = this.long()) {
    if (length < 0 || this.pos + length > this.buf.length) throw new RangeError("truncated block");
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
};
function readHeader(cursor) {
  if (!cursor.bytes(4).equals(MAGIC)) throw new RangeError("not an Avro object container file");
  const meta = /* @__PURE__ */ new Map();
  for (let count2 = cursor.long(); count2 !== 0; count2 = cursor.long()) {
    if (count2 < 0) {
      cursor.long();
      count2 = -count2;
    }
    for (let i = 0; i < count2; i++) {
      const key = cursor.bytes().toString("utf8");
      meta.set(key, cursor.bytes().toString("utf8"));
    }
  }
  return { meta, sync: Buffer.from(cursor.bytes(16)) };
}
function decodeBlock(data, codec) {
  if (codec === "null") return data;
  if (codec === "deflate") return inflateRawSync2(data);
  if (codec === "snappy") return snappyBlock(data);
  if (codec === "zstandard") return Buffer.from(libraries().zstdDecompress(data));
  throw new RangeError(`unsupported Avro codec ${codec} (supported: null, deflate, snappy, zstandard)`);
}
function snappyBlock(data) {
  if (data.length < 4) throw new RangeError("snappy block is shorter than its checksum");
  const bytes = Buffer.from(libraries().snappyUncompress(data.subarray(0, data.length - 4)));
  if (crc32(bytes) !== data.readUInt32BE(data.length - 4)) throw new RangeError("snappy block checksum mismatch");
  return bytes;
}
function wrapDecodeError(cause, path2) {
  if (cause instanceof IcebergError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new IcebergError("UNREADABLE", `cannot decode Avro file: ${reason}`, { subject: path2, cause });
}
function readAvroBlocks(buf, path2) {
  try {
    const cursor = new Cursor(buf);
    const { meta, sync } = readHeader(cursor);
    const schemaText = meta.get("avro.schema");
    if (schemaText === void 0) throw new RangeError("header has no avro.schema");
    const codec = meta.get("avro.codec") ?? "null";
    const blocks = [];
    while (cursor.pos < buf.length) {
      const count2 = cursor.long();
      blocks.push({ data: decodeBlock(cursor.bytes(), codec), count: count2 });
      if (!cursor.bytes(16).equals(sync)) throw new RangeError("sync marker mismatch");
    }
    return { meta, schemaText, blocks };
  } catch (cause) {
    throw wrapDecodeError(cause, path2);
  }
}
function readAvroContainer(buf, path2, projection) {
  const { meta, schemaText, blocks } = readAvroBlocks(buf, path2);
  try {
    const { reader, resolver } = projection === void 0 ? { reader: avroTypeFor(schemaText), resolver: void 0 } : projected(schemaText, projection);
    const records = [];
    for (const { data, count: count2 } of blocks) {
      let offset = 0;
      for (let i = 0; i < count2; i++) {
        const decoded = reader.decode(data, offset, resolver);
        if (decoded.offset < 0) throw new RangeError("truncated record");
        records.push(decoded.value);
        offset = decoded.offset;
      }
    }
    return { meta, schemaText, records };
  } catch (cause) {
    throw wrapDecodeError(cause, path2);
  }
}

// src/iceberg/metadata/avro-scan.ts
var ByteReader = class {
  constructor(buf) {
    this.buf = buf;
  }
  buf;
  pos = 0;
  /** A zig-zag varint as a JS number (exact below 2^53: lengths, counts, enum and union indexes). */
  long() {
    const buf = this.buf;
    let result = 0;
    let shift = 1;
    let byte;
    do {
      if (this.pos >= buf.length) throw new RangeError("truncated varint");
      byte = buf[this.pos++];
      result += (byte & 127) * shift;
      shift *= 128;
    } while (byte & 128);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }
  skip(length) {
    if (length < 0 || this.pos + length > this.buf.length) throw new RangeError("truncated record");
    this.pos += length;
  }
};
var Unsupported = class extends Error {
};
var FIXED_WIDTH = { null: 0, boolean: 1, float: 4, double: 8 };
var skipVarint = (r) => {
  r.long();
};
var skipLengthPrefixed = (r) => {
  r.skip(r.long());
};
function fullName2(name, namespace) {
  return name.includes(".") || namespace === void 0 || namespace === "" ? name : `${namespace}.${name}`;
}
function skipBlocks(item, isMap2) {
  return (r) => {
    for (let count2 = r.long(); count2 !== 0; count2 = r.long()) {
      if (count2 < 0) {
        r.skip(r.long());
        continue;
      }
      if (count2 > r.buf.length - r.pos) throw new RangeError("implausible block count");
      for (let i = 0; i < count2; i++) {
        if (isMap2) skipLengthPrefixed(r);
        item(r);
      }
    }
  };
}
function namedSkip(schema, scope) {
  const { type, name } = schema;
  if (typeof name !== "string") throw new Unsupported();
  const namespace = typeof schema["namespace"] === "string" ? schema["namespace"] : scope.namespace;
  const key = fullName2(name, namespace);
  if (type === "enum") {
    scope.named.set(key, skipVarint);
    return skipVarint;
  }
  if (type === "fixed") {
    const size = schema["size"];
    if (typeof size !== "number" || !Number.isInteger(size) || size < 0) throw new Unsupported();
    const skip2 = (r) => r.skip(size);
    scope.named.set(key, skip2);
    return skip2;
  }
  if (type !== "record" && type !== "error") throw new Unsupported();
  const fields = [];
  const skip = (r) => {
    for (const f of fields) f(r);
  };
  scope.named.set(key, skip);
  const inner = { named: /* @__PURE__ */ new Map(), namespace: key.includes(".") ? key.slice(0, key.lastIndexOf(".")) : namespace };
  for (const field of recordFields(schema)) fields.push(skipperFor(field["type"], inner));
  return skip;
}
function recordFields(schema) {
  const fields = schema["fields"];
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === "object" && f !== null)) throw new Unsupported();
  return fields;
}
function canBeEmpty(schema) {
  if (schema === "null") return true;
  const s = schema;
  return typeof s === "object" && s !== null && !Array.isArray(s) && (s.type === "null" || (s.type === "record" || s.type === "error") && Array.isArray(s.fields) && s.fields.length === 0);
}
function skipperFor(schema, scope) {
  if (typeof schema === "string") {
    if (schema in FIXED_WIDTH) {
      const width = FIXED_WIDTH[schema];
      return (r) => r.skip(width);
    }
    if (schema === "int" || schema === "long") return skipVarint;
    if (schema === "string" || schema === "bytes") return skipLengthPrefixed;
    const named = scope.named.get(fullName2(schema, scope.namespace)) ?? scope.named.get(schema);
    if (named === void 0) throw new Unsupported();
    return (r) => named(r);
  }
  if (Array.isArray(schema)) {
    const branches = schema.map((b) => skipperFor(b, scope));
    return (r) => {
      const branch = branches[r.long()];
      if (branch === void 0) throw new RangeError("invalid union index");
      branch(r);
    };
  }
  if (typeof schema !== "object" || schema === null) throw new Unsupported();
  const s = schema;
  if (s.type === "array" || s.type === "map") {
    const items = s.type === "array" ? s["items"] : s["values"];
    if (s.type === "array" && canBeEmpty(items)) throw new Unsupported();
    return skipBlocks(skipperFor(items, scope), s.type === "map");
  }
  if (s.type === "record" || s.type === "error" || s.type === "enum" || s.type === "fixed") return namedSkip(s, scope);
  return skipperFor(s.type, scope);
}
function captureFor(schema) {
  const base = typeof schema === "object" && schema !== null && !Array.isArray(schema) ? schema.type : schema;
  if (base === "string") return { kind: "string", capture: (r, out, slot) => {
    const len = r.long();
    out[2 * slot] = r.pos;
    r.skip(len);
    out[2 * slot + 1] = r.pos;
  } };
  if (base === "int" || base === "long") return { kind: "number", capture: (r, out, slot) => {
    out[2 * slot] = r.long();
    out[2 * slot + 1] = 1;
  } };
  if (Array.isArray(schema) && schema.length === 2) {
    const nullAt = schema.indexOf("null");
    if (nullAt === -1) throw new Unsupported();
    const inner = captureFor(schema[1 - nullAt]);
    const absent = inner.kind === "string" ? -1 : 0;
    return {
      kind: inner.kind,
      capture: (r, out, slot) => {
        const branch = r.long();
        if (branch === nullAt) {
          out[2 * slot + 1] = absent;
          return;
        }
        if (branch !== 1 - nullAt) throw new RangeError("invalid union index");
        inner.capture(r, out, slot);
      }
    };
  }
  throw new Unsupported();
}
function compileScanner(writerSchema, wantedIds) {
  try {
    if (typeof writerSchema !== "object" || writerSchema === null || Array.isArray(writerSchema)) return void 0;
    const schema = writerSchema;
    if (schema["type"] !== "record") return void 0;
    const kinds = wantedIds.map(() => void 0);
    const steps = [];
    const name = typeof schema["name"] === "string" ? fullName2(schema["name"], typeof schema["namespace"] === "string" ? schema["namespace"] : void 0) : "";
    const inner = { named: /* @__PURE__ */ new Map(), namespace: name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : void 0 };
    for (const field of recordFields(schema)) {
      const slot = wantedIds.indexOf(field["field-id"]);
      if (slot === -1) {
        const skip = skipperFor(field["type"], inner);
        steps.push((r) => skip(r));
        continue;
      }
      if (kinds[slot] !== void 0) return void 0;
      const { kind, capture } = captureFor(field["type"]);
      kinds[slot] = kind;
      steps.push((r, out) => capture(r, out, slot));
    }
    return { kinds, scan: (r, out) => {
      for (const step of steps) step(r, out);
    } };
  } catch (error) {
    if (error instanceof Unsupported) return void 0;
    throw error;
  }
}

// src/iceberg/metadata/path-interner.ts
var PathInterner = class {
  slots = new Int32Array(1 << 12).fill(-1);
  hashes = new Int32Array(1 << 11);
  /** Path i's bytes are pool[starts[i] .. starts[i + 1]). */
  starts = new Int32Array((1 << 11) + 1);
  pool = Buffer.alloc(1 << 16);
  strings = [];
  get size() {
    return this.strings.length;
  }
  fromBytes(buf, from, to) {
    return this.strings[this.indexOf(buf, from, to)];
  }
  /** A dense index (0, 1, 2, … in order of first appearance) for the path with these bytes. */
  indexOf(buf, from, to) {
    const start = from | 0;
    const end = to | 0;
    let hash = 2166136261;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i], 16777619);
    const mask = this.slots.length - 1;
    for (let at2 = hash & mask; ; at2 = at2 + 1 & mask) {
      const index = this.slots[at2];
      if (index === -1) return this.add(at2, hash, buf, start, end);
      if (this.hashes[index] === hash && this.sameBytes(index, buf, start, end)) return index;
    }
  }
  indexOfString(path2) {
    const buf = Buffer.from(path2, "utf8");
    return this.indexOf(buf, 0, buf.length);
  }
  text(index) {
    const text = this.strings[index];
    if (text === void 0) throw new RangeError(`no interned path ${index}`);
    return text;
  }
  sameBytes(index, buf, start, end) {
    const from = this.starts[index];
    const length = this.starts[index + 1] - from;
    if (length !== end - start) return false;
    const pool = this.pool;
    for (let i = length - 1; i >= 0; i--) if (pool[from + i] !== buf[start + i]) return false;
    return true;
  }
  add(at2, hash, buf, start, end) {
    const index = this.strings.length;
    if (index + 1 >= this.hashes.length) this.growArrays();
    const from = this.starts[index];
    if (from + end - start > this.pool.length) this.pool = copied(this.pool, Math.max(2 * this.pool.length, from + end - start));
    buf.copy(this.pool, from, start, end);
    this.starts[index + 1] = from + end - start;
    this.hashes[index] = hash;
    this.slots[at2] = index;
    this.strings.push(buf.toString("utf8", start, end));
    if (this.strings.length * 2 > this.slots.length) this.rehash();
    return index;
  }
  growArrays() {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.hashes = hashes;
    this.starts = starts;
  }
  rehash() {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let index = 0; index < this.strings.length; index++) {
      let at2 = this.hashes[index] & mask;
      while (slots[at2] !== -1) at2 = at2 + 1 & mask;
      slots[at2] = index;
    }
    this.slots = slots;
  }
};
function copied(buf, size) {
  const out = Buffer.alloc(size);
  buf.copy(out);
  return out;
}

// src/iceberg/metadata/manifests.ts
var DELETED = 2;
var CONTENT_KINDS = ["data", "position-deletes", "equality-deletes"];
function fieldsById(recordSchema) {
  const index = /* @__PURE__ */ new Map();
  const fields = recordSchema?.fields;
  if (!Array.isArray(fields)) return index;
  for (const field of fields) {
    const id2 = field["field-id"];
    if (typeof id2 === "number" && typeof field["name"] === "string") index.set(id2, { name: field["name"], type: field["type"] });
  }
  return index;
}
function recordOf(type) {
  if (Array.isArray(type)) return type.find((t) => typeof t === "object" && t !== null && t.type === "record");
  return type;
}
function nameFor(index, id2, fallback, path2, required3) {
  const found = index.get(id2)?.name;
  if (found !== void 0) return found;
  if (index.size === 0) return fallback;
  if (required3) throw new IcebergError("UNREADABLE", `Avro schema has no field with field-id ${id2}`, { subject: path2 });
  return void 0;
}
function num(value) {
  if (typeof value === "bigint") return Number(value);
  return typeof value === "number" ? value : 0;
}
function requireString(value, what, path2) {
  if (typeof value !== "string") throw new IcebergError("UNREADABLE", `${what} is missing in an entry`, { subject: path2 });
  return value;
}
function keepFields(record, ids, map = (f) => f) {
  const r = record;
  if (!Array.isArray(r?.fields) || !r.fields.some((f) => typeof f["field-id"] === "number")) return record;
  return { ...r, fields: r.fields.filter((f) => ids.includes(f["field-id"])).map(map) };
}
var LIST_PROJECTION = { id: "manifest-list", readerSchema: (writer) => keepFields(writer, [500, 501, 517, 502]) };
var ENTRY_PROJECTION = {
  id: "manifest-entry",
  readerSchema: (writer) => keepFields(writer, [0, 2], (field) => field["field-id"] === 2 ? { ...field, type: keepFields(recordOf(field["type"]), [100, 101, 104, 134]) } : field)
};
var listFieldCache = /* @__PURE__ */ new Map();
var entryFieldCache = /* @__PURE__ */ new Map();
function listFields(schemaText, path2) {
  let fields = listFieldCache.get(schemaText);
  if (fields === void 0) {
    const index = fieldsById(JSON.parse(schemaText));
    fields = {
      path: nameFor(index, 500, "manifest_path", path2, true),
      length: nameFor(index, 501, "manifest_length", path2, false),
      content: nameFor(index, 517, "content", path2, false),
      specId: nameFor(index, 502, "partition_spec_id", path2, false)
    };
    listFieldCache.set(schemaText, fields);
  }
  return fields;
}
function entryFields(schemaText, path2) {
  let fields = entryFieldCache.get(schemaText);
  if (fields === void 0) {
    const top = fieldsById(JSON.parse(schemaText));
    const dataIndex = fieldsById(recordOf(top.get(2)?.type));
    fields = {
      status: nameFor(top, 0, "status", path2, true),
      dataFile: nameFor(top, 2, "data_file", path2, true),
      filePath: nameFor(dataIndex, 100, "file_path", path2, true),
      format: nameFor(dataIndex, 101, "file_format", path2, false),
      size: nameFor(dataIndex, 104, "file_size_in_bytes", path2, false),
      content: nameFor(dataIndex, 134, "content", path2, false)
    };
    entryFieldCache.set(schemaText, fields);
  }
  return fields;
}
var LIST_IDS = [500, 501, 517, 502];
var listScanners = /* @__PURE__ */ new Map();
function listScanner(schemaText) {
  if (!listScanners.has(schemaText)) {
    const scanner = compileScanner(JSON.parse(schemaText), LIST_IDS);
    listScanners.set(schemaText, scanner?.kinds[0] === "string" ? scanner : void 0);
  }
  return listScanners.get(schemaText);
}
var ManifestRefPool = class {
  paths = new PathInterner();
  refs = [];
  fromBytes(buf, start, end, length, content, specId) {
    return this.ref(this.paths.indexOf(buf, start, end), length, content, specId);
  }
  fromString(path2, length, content, specId) {
    return this.ref(this.paths.indexOfString(path2), length, content, specId);
  }
  ref(index, length, content, specId) {
    const known = this.refs[index];
    if (known !== void 0 && known.length === length && known.content === content && known.specId === specId) return known;
    const ref = { path: this.paths.text(index), length, content, specId };
    if (known === void 0) this.refs[index] = ref;
    return ref;
  }
};
function scanManifestList(blocks, scanner, path2, pool) {
  const out = new Float64Array(2 * LIST_IDS.length);
  const hasLength = scanner.kinds[1] === "number";
  const hasContent = scanner.kinds[2] === "number";
  const hasSpec = scanner.kinds[3] === "number";
  const refs2 = [];
  try {
    for (const { data, count: count2 } of blocks) {
      const reader = new ByteReader(data);
      for (let i = 0; i < count2; i++) {
        scanner.scan(reader, out);
        if (out[1] === -1) throw new IcebergError("UNREADABLE", "manifest_path is missing in an entry", { subject: path2 });
        const length = hasLength && out[3] === 1 ? out[2] : 0;
        const specId = hasSpec && out[7] === 1 ? out[6] : void 0;
        refs2.push(pool.fromBytes(data, out[0], out[1], length, hasContent && out[5] === 1 ? out[4] : 0, specId));
      }
    }
  } catch (cause) {
    if (cause instanceof IcebergError) throw cause;
    throw new IcebergError("UNREADABLE", `cannot decode Avro file: ${cause instanceof Error ? cause.message : String(cause)}`, { subject: path2, cause });
  }
  return refs2;
}
function parseManifestList(bytes, path2, pool = new ManifestRefPool()) {
  const { blocks, schemaText } = readAvroBlocks(bytes, path2);
  const scanner = listScanner(schemaText);
  if (scanner !== void 0) return scanManifestList(blocks, scanner, path2, pool);
  const container = readAvroContainer(bytes, path2, LIST_PROJECTION);
  const f = listFields(container.schemaText, path2);
  return container.records.map((r) => {
    const record = r;
    const length = f.length === void 0 ? 0 : num(record[f.length]);
    const specId = f.specId === void 0 || record[f.specId] === void 0 || record[f.specId] === null ? void 0 : num(record[f.specId]);
    return pool.fromString(requireString(record[f.path], "manifest_path", path2), length, f.content === void 0 ? 0 : num(record[f.content]), specId);
  });
}
function parseManifestLiveFiles(bytes, path2) {
  const container = readAvroContainer(bytes, path2, ENTRY_PROJECTION);
  const f = entryFields(container.schemaText, path2);
  const live = [];
  for (const r of container.records) {
    const entry = r;
    if (num(entry[f.status]) === DELETED) continue;
    const file = entry[f.dataFile];
    if (file === void 0 || file === null) throw new IcebergError("UNREADABLE", "manifest entry has no data_file", { subject: path2 });
    const content = f.content === void 0 ? 0 : num(file[f.content]);
    live.push({
      path: requireString(file[f.filePath], "data_file.file_path", path2),
      kind: CONTENT_KINDS[content] ?? "data",
      format: f.format === void 0 ? "unknown" : String(file[f.format] ?? "unknown").toLowerCase(),
      sizeBytes: f.size === void 0 ? 0 : num(file[f.size])
    });
  }
  return live;
}

// src/iceberg/cleanup/manifest-reader.ts
var ManifestReader = class {
  /** Reads stop once `signal` is aborted, so a stop during planning ends the table before its commit. */
  constructor(io, signal) {
    this.io = io;
    this.signal = signal;
  }
  io;
  signal;
  lists = /* @__PURE__ */ new Map();
  manifests = /* @__PURE__ */ new Map();
  /** Manifest lists repeat the same manifests thousands of times; one ref per manifest keeps memory flat. */
  refs = new ManifestRefPool();
  /** Number of files fetched and decoded, by type. */
  reads = { manifestLists: 0, manifests: 0 };
  read(path2) {
    if (this.signal?.aborted) return Promise.reject(stopped2("before reading every manifest"));
    return this.io.read(path2);
  }
  manifestList(path2) {
    let pending = this.lists.get(path2);
    if (pending === void 0) {
      pending = this.read(path2).then((bytes) => {
        this.reads.manifestLists += 1;
        const manifests = parseManifestList(bytes, path2, this.refs);
        return { manifests, bytes: bytes.length };
      });
      this.lists.set(path2, pending);
    }
    return pending;
  }
  liveFiles(path2) {
    let pending = this.manifests.get(path2);
    if (pending === void 0) {
      pending = this.read(path2).then((bytes) => {
        this.reads.manifests += 1;
        return parseManifestLiveFiles(bytes, path2);
      });
      this.manifests.set(path2, pending);
    }
    return pending;
  }
};

// src/iceberg/plan/file-plan.ts
var S3_SPELLING = /^s3[an]?:\/\//;
function normalise(path2) {
  return path2.replace(S3_SPELLING, "s3://");
}
var sameObjectKey = normalise;
function isUnder(path2, roots) {
  const p = normalise(path2);
  return roots.some((root) => {
    const r = normalise(root).replace(/\/+$/, "");
    return p.startsWith(`${r}/`);
  });
}
function contentKind(file) {
  return file.format === "puffin" ? "deletion-vectors" : file.kind;
}
function normalisedSet(paths2) {
  const out = /* @__PURE__ */ new Set();
  for (const p of paths2) out.add(normalise(p));
  return out;
}
function candidateManifests(facts, keptManifests) {
  const candidates = /* @__PURE__ */ new Map();
  const kept = /* @__PURE__ */ new Set();
  for (const snapshot of facts.expired) {
    for (const m of snapshot.manifests ?? []) {
      if (kept.has(m.path)) continue;
      if (candidates.has(m.path) || !keptManifests.has(normalise(m.path))) candidates.set(m.path, m.length);
      else kept.add(m.path);
    }
  }
  return candidates;
}
function contentDeletions(facts, manifests) {
  const retainedLive = /* @__PURE__ */ new Set();
  for (const m of facts.retainedManifests) for (const f of facts.liveFiles.get(m) ?? []) retainedLive.add(normalise(f.path));
  const out = /* @__PURE__ */ new Map();
  for (const m of manifests) {
    for (const f of facts.liveFiles.get(m) ?? []) {
      const key = normalise(f.path);
      if (!retainedLive.has(key) && !out.has(key)) out.set(key, { path: f.path, kind: contentKind(f), sizeBytes: f.sizeBytes });
    }
  }
  return [...out.values()];
}
function computeFilePlan(facts) {
  const warnings = [];
  const keptManifests = normalisedSet(facts.retainedManifests);
  const keptLists = normalisedSet(facts.retainedManifestLists);
  const candidates = candidateManifests(facts, keptManifests);
  const readable = [...candidates.keys()].filter((m) => {
    if (facts.liveFiles.has(m)) return true;
    warnings.push(`kept unreadable manifest ${m} (its files cannot be listed)`);
    return false;
  });
  const lists = facts.expired.filter((s) => s.manifestList !== void 0 && !keptLists.has(normalise(s.manifestList)));
  for (const s of facts.expired) {
    if (s.manifests === void 0 && s.manifestList !== void 0) warnings.push(`manifest list ${s.manifestList} of expired snapshot ${s.snapshotId} was unreadable; its manifests are left in place`);
  }
  const keptStats = normalisedSet(facts.statisticsAfter.map((s) => s.path));
  const stats = /* @__PURE__ */ new Map();
  for (const s of facts.statisticsBefore) if (!keptStats.has(normalise(s.path))) stats.set(s.path, s.sizeBytes ?? 0);
  const all = [
    ...contentDeletions(facts, readable),
    ...readable.map((path2) => ({ path: path2, kind: "manifests", sizeBytes: candidates.get(path2) ?? 0 })),
    ...lists.map((s) => ({ path: s.manifestList, kind: "manifest-lists", sizeBytes: s.manifestListBytes ?? 0 })),
    ...[...stats].map(([path2, sizeBytes]) => ({ path: path2, kind: "statistics", sizeBytes }))
  ];
  const deletions = all.filter((d) => {
    if (isUnder(d.path, facts.protectedRoots)) return true;
    warnings.push(`kept ${d.path}: outside the table's locations`);
    return false;
  });
  return { version: 1, deletions, warnings };
}
function summariseDeletions(deletions) {
  const kinds = ["data", "position-deletes", "equality-deletes", "deletion-vectors", "manifests", "manifest-lists", "statistics", "metadata-files"];
  const out = Object.fromEntries(kinds.map((k) => [k, { count: 0, bytes: 0 }]));
  for (const d of deletions) {
    out[d.kind].count += 1;
    out[d.kind].bytes += d.sizeBytes;
  }
  return out;
}

// src/iceberg/cleanup/collect.ts
var READ_CONCURRENCY = 16;
async function manifestsOf(snapshot, reader) {
  if (snapshot.manifestList !== void 0) {
    const read = await reader.manifestList(snapshot.manifestList);
    return { refs: read.manifests, bytes: read.bytes };
  }
  return { refs: (snapshot.manifests ?? []).map((path2) => ({ path: path2, length: 0, content: 0, specId: void 0 })), bytes: void 0 };
}
async function retainedFacts(snapshots, reader) {
  const manifests = /* @__PURE__ */ new Set();
  await mapWithConcurrency(snapshots, READ_CONCURRENCY, async (s) => {
    try {
      for (const m of (await manifestsOf(s, reader)).refs) manifests.add(m.path);
    } catch (cause) {
      if (isStopped(cause)) throw cause;
      throw new IcebergError("UNREADABLE", `manifest list of kept snapshot ${s.id} cannot be read, so nothing will be deleted: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: "restore the file or repair the table first", cause });
    }
  });
  return manifests;
}
async function expiredFacts(snapshots, reader) {
  return mapWithConcurrency(snapshots, READ_CONCURRENCY, async (s) => {
    try {
      const read = await manifestsOf(s, reader);
      return { snapshotId: s.id, manifestList: s.manifestList, manifestListBytes: read.bytes, manifests: read.refs };
    } catch (cause) {
      if (isStopped(cause)) throw cause;
      return { snapshotId: s.id, manifestList: s.manifestList, manifestListBytes: void 0, manifests: void 0 };
    }
  });
}
async function liveFilesOf(paths2, reader, mustRead) {
  const out = /* @__PURE__ */ new Map();
  await mapWithConcurrency(paths2, READ_CONCURRENCY, async (path2) => {
    try {
      out.set(path2, await reader.liveFiles(path2));
    } catch (cause) {
      if (isStopped(cause)) throw cause;
      if (mustRead) {
        throw new IcebergError("UNREADABLE", `manifest ${path2} of a kept snapshot cannot be read, so nothing will be deleted: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: "restore the file or repair the table first", cause });
      }
    }
  });
  return out;
}
function protectedRoots(meta) {
  const keys = ["write.data.path", "write.metadata.path", "write.object-storage.path", "write.folder-storage.path"];
  return [meta.location, ...keys.map((k) => meta.properties[k]).filter((v) => v !== void 0)];
}
async function collectFilePlan(input, reader) {
  const [retainedManifests, expired] = await Promise.all([retainedFacts(input.after.snapshots, reader), expiredFacts(input.expired, reader)]);
  const candidates = /* @__PURE__ */ new Set();
  const kept = new Set([...retainedManifests].map(sameObjectKey));
  const seen = /* @__PURE__ */ new Set();
  for (const s of expired) {
    for (const m of s.manifests ?? []) {
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      if (!kept.has(sameObjectKey(m.path))) candidates.add(m.path);
    }
  }
  const [keptLive, cand] = await Promise.all([liveFilesOf([...retainedManifests], reader, true), liveFilesOf([...candidates], reader, false)]);
  const facts = {
    expired,
    retainedManifests,
    retainedManifestLists: new Set(input.after.snapshots.map((s) => s.manifestList).filter((p) => p !== void 0)),
    liveFiles: new Map([...keptLive, ...cand]),
    statisticsBefore: input.statisticsBefore,
    statisticsAfter: [...input.after.statistics, ...input.after.partitionStatistics],
    protectedRoots: protectedRoots(input.after)
  };
  return computeFilePlan(facts);
}
function transition(before, after) {
  const remaining = new Set(after.snapshots.map((s) => s.id));
  return {
    expired: before.snapshots.filter((s) => !remaining.has(s.id)),
    after,
    statisticsBefore: [...before.statistics, ...before.partitionStatistics]
  };
}

// src/iceberg/cleanup/spec-usage.ts
async function usedSpecIds(view, reader) {
  const ids = /* @__PURE__ */ new Set();
  let unknown = false;
  await mapWithConcurrency(view.snapshots, 16, async (s) => {
    if (s.manifestList === void 0) {
      if ((s.manifests ?? []).length > 0) unknown = true;
      return;
    }
    for (const m of (await reader.manifestList(s.manifestList)).manifests) {
      if (m.specId === void 0) unknown = true;
      else ids.add(m.specId);
    }
  });
  return unknown ? void 0 : ids;
}

// src/iceberg/metadata/json.ts
import { gunzipSync, gzipSync } from "node:zlib";
import { LosslessNumber, isLosslessNumber, parse as parse3, stringify as stringify2 } from "lossless-json";
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
}
function isGzipMetadataPath(path2) {
  return path2.endsWith(".gz.metadata.json") || path2.endsWith(".metadata.json.gz");
}
function parseMetadataBytes(bytes, path2) {
  const gzipped = bytes.length > 2 && bytes[0] === 31 && bytes[1] === 139;
  let text;
  try {
    text = (gzipped ? gunzipSync(bytes) : bytes).toString("utf8");
  } catch (cause) {
    throw new IcebergError("UNREADABLE", "metadata file is not valid gzip", { subject: path2, cause });
  }
  let doc;
  try {
    doc = parse3(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new IcebergError("UNREADABLE", `metadata file is not valid JSON: ${reason}`, { subject: path2, cause });
  }
  if (!isJsonObject(doc)) throw new IcebergError("UNREADABLE", "metadata file is not a JSON object", { subject: path2 });
  return doc;
}
function serializeMetadata(doc, path2) {
  const text = stringify2(doc, void 0, 2) ?? "{}";
  const bytes = Buffer.from(text, "utf8");
  return isGzipMetadataPath(path2) ? gzipSync(bytes) : bytes;
}
function jsonInt(value) {
  return new LosslessNumber(String(value));
}
function intText(value) {
  if (isLosslessNumber(value)) return /^-?\d+$/.test(value.value) ? value.value : void 0;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return void 0;
}
function numberOf(value) {
  if (isLosslessNumber(value)) return Number(value.value);
  if (typeof value === "number") return value;
  return void 0;
}

// src/iceberg/metadata/properties.ts
function intProperty(props, key) {
  const raw = props[key];
  if (raw === void 0) return void 0;
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw new IcebergError("INVALID_INPUT", `table property ${key}=${JSON.stringify(raw)} is not an integer`, { hint: "fix the table property" });
  }
  return value;
}
function expirationProperties(props) {
  const codec = (props["write.metadata.compression-codec"] ?? "none").toLowerCase();
  return {
    gcEnabled: (props["gc.enabled"] ?? "true").trim().toLowerCase() !== "false",
    maxSnapshotAgeMs: intProperty(props, "history.expire.max-snapshot-age-ms"),
    minSnapshotsToKeep: intProperty(props, "history.expire.min-snapshots-to-keep") ?? 1,
    maxRefAgeMs: intProperty(props, "history.expire.max-ref-age-ms") ?? Number.MAX_SAFE_INTEGER,
    previousVersionsMax: intProperty(props, "write.metadata.previous-versions-max") ?? 100,
    deleteAfterCommit: (props["write.metadata.delete-after-commit.enabled"] ?? "false").trim().toLowerCase() === "true",
    metadataPath: props["write.metadata.path"],
    metadataCompression: codec === "gzip" ? "gzip" : "none"
  };
}
function commitRetryProperties(props) {
  return {
    numRetries: intProperty(props, "commit.retry.num-retries") ?? 4,
    minWaitMs: intProperty(props, "commit.retry.min-wait-ms") ?? 100,
    maxWaitMs: intProperty(props, "commit.retry.max-wait-ms") ?? 6e4,
    totalTimeoutMs: intProperty(props, "commit.retry.total-timeout-ms") ?? 18e5
  };
}

// src/iceberg/metadata/metadata-log.ts
function metadataLogFiles(doc) {
  const log = doc["metadata-log"];
  if (!Array.isArray(log)) return [];
  return log.flatMap((entry) => isJsonObject(entry) && typeof entry["metadata-file"] === "string" ? [entry["metadata-file"]] : []);
}
function versionHintLocation(view) {
  const dir = expirationProperties(view.properties).metadataPath ?? `${view.location.replace(/\/+$/, "")}/metadata`;
  return `${dir.replace(/\/+$/, "")}/version-hint.text`;
}
function trimmedMetadataFiles(baseDoc, nextDoc, next) {
  if (!expirationProperties(next.properties).deleteAfterCommit) return [];
  const kept = new Set(metadataLogFiles(nextDoc));
  return metadataLogFiles(baseDoc).filter((f) => !kept.has(f));
}

// src/iceberg/cleanup/reachable.ts
var READ_CONCURRENCY2 = 16;
function unreadable(what, cause) {
  if (isStopped(cause)) return cause;
  return new IcebergError("UNREADABLE", `${what} of the current metadata cannot be read, so nothing of the interrupted cleanup is deleted: ${cause instanceof Error ? cause.message : String(cause)}`, { hint: "restore the file or repair the table first", cause });
}
async function reachableFiles(current, reader) {
  const { view } = current;
  const out = new Set([current.location, ...metadataLogFiles(current.doc), versionHintLocation(view)].map(sameObjectKey));
  for (const s of [...view.statistics, ...view.partitionStatistics]) out.add(sameObjectKey(s.path));
  const manifests = /* @__PURE__ */ new Set();
  await mapWithConcurrency(view.snapshots, READ_CONCURRENCY2, async (s) => {
    for (const m of s.manifests ?? []) manifests.add(m);
    if (s.manifestList === void 0) return;
    out.add(sameObjectKey(s.manifestList));
    try {
      for (const m of (await reader.manifestList(s.manifestList)).manifests) manifests.add(m.path);
    } catch (cause) {
      throw unreadable(`manifest list of snapshot ${s.id}`, cause);
    }
  });
  await mapWithConcurrency([...manifests], READ_CONCURRENCY2, async (path2) => {
    out.add(sameObjectKey(path2));
    try {
      for (const f of await reader.liveFiles(path2)) out.add(sameObjectKey(f.path));
    } catch (cause) {
      throw unreadable(`manifest ${path2}`, cause);
    }
  });
  return out;
}

// src/iceberg/cleanup/execute.ts
var PHASES = [
  ["data", "position-deletes", "equality-deletes", "deletion-vectors"],
  ["manifests"],
  ["manifest-lists"],
  ["statistics"],
  ["metadata-files"]
];
async function executeFilePlan(plan, io, options6 = {}) {
  const deleted = [];
  const failures = [];
  const pending = [];
  for (const kinds of PHASES) {
    const batch = plan.deletions.filter((d) => kinds.includes(d.kind));
    if (batch.length === 0) continue;
    if (options6.signal?.aborted) {
      pending.push(...batch);
      continue;
    }
    options6.onPhase?.(kinds, batch.length);
    const failed2 = await io.deleteFiles(batch.map((d) => d.path), options6.signal);
    const skipped = new Set(failed2.filter((f) => f.notAttempted).map((f) => f.path));
    const failedPaths = new Set(failed2.map((f) => f.path));
    failures.push(...failed2.filter((f) => !f.notAttempted));
    pending.push(...batch.filter((d) => skipped.has(d.path)));
    deleted.push(...batch.filter((d) => !failedPaths.has(d.path)));
  }
  return { deleted, failures, pending };
}

// src/iceberg/journal/finish.ts
var STAT_CONCURRENCY = 16;
function unionOfCandidates(...lists) {
  const out = /* @__PURE__ */ new Map();
  for (const list of lists) for (const d of list) if (!out.has(sameObjectKey(d.path))) out.set(sameObjectKey(d.path), d);
  return [...out.values()];
}
async function deleteUnreachable(candidates, current, reader, io, options6) {
  const reachable = await reachableFiles(current, reader);
  let todo = candidates.filter((d) => !reachable.has(sameObjectKey(d.path)));
  if (options6.onlyExisting) {
    const sizes = await mapWithConcurrency(todo, STAT_CONCURRENCY, (d) => io.size(d.path));
    todo = todo.filter((_, i) => sizes[i] !== void 0);
  }
  if (options6.dryRun) return { planned: todo, result: void 0, remaining: todo };
  const result = await executeFilePlan({ version: 1, deletions: todo, warnings: [] }, io, options6);
  const failed2 = new Set(result.failures.map((f) => f.path));
  return { planned: todo, result, remaining: [...todo.filter((d) => failed2.has(d.path)), ...result.pending] };
}

// src/iceberg/metadata/files.ts
import { randomUUID } from "node:crypto";

// src/iceberg/metadata/table-metadata.ts
var MAX_FORMAT_VERSION = 3;
function fail3(path2, problem) {
  throw new IcebergError("UNREADABLE", problem, { subject: path2, hint: "the metadata file does not follow the Iceberg spec" });
}
function readSnapshot2(raw, path2, index) {
  if (!isJsonObject(raw)) fail3(path2, `snapshots[${index}] is not an object`);
  const id2 = intText(raw["snapshot-id"]);
  const timestampMs = numberOf(raw["timestamp-ms"]);
  if (id2 === void 0 || timestampMs === void 0) fail3(path2, `snapshots[${index}] lacks snapshot-id or timestamp-ms`);
  const list = raw["manifest-list"];
  const manifests = raw["manifests"];
  return {
    id: id2,
    parentId: intText(raw["parent-snapshot-id"]),
    timestampMs,
    manifestList: typeof list === "string" ? list : void 0,
    manifests: Array.isArray(manifests) ? manifests.filter((m) => typeof m === "string") : void 0
  };
}
function readRefs(doc, currentSnapshotId, path2) {
  const raw = doc["refs"];
  const refs2 = [];
  if (isJsonObject(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (!isJsonObject(value)) fail3(path2, `refs.${name} is not an object`);
      const snapshotId = intText(value["snapshot-id"]);
      const type = value["type"];
      if (snapshotId === void 0 || type !== "branch" && type !== "tag") fail3(path2, `refs.${name} lacks snapshot-id or type`);
      refs2.push({
        name,
        snapshotId,
        type,
        minSnapshotsToKeep: numberOf(value["min-snapshots-to-keep"]),
        maxSnapshotAgeMs: numberOf(value["max-snapshot-age-ms"]),
        maxRefAgeMs: numberOf(value["max-ref-age-ms"])
      });
    }
  }
  if (!refs2.some((r) => r.name === "main") && currentSnapshotId !== void 0) {
    refs2.push({ name: "main", snapshotId: currentSnapshotId, type: "branch", minSnapshotsToKeep: void 0, maxSnapshotAgeMs: void 0, maxRefAgeMs: void 0 });
  }
  return refs2;
}
function readStatistics(raw) {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    if (!isJsonObject(entry)) return [];
    const snapshotId = intText(entry["snapshot-id"]);
    const path2 = entry["statistics-path"];
    if (snapshotId === void 0 || typeof path2 !== "string") return [];
    return [{ snapshotId, path: path2, sizeBytes: numberOf(entry["file-size-in-bytes"]) }];
  });
}
function readProperties(raw) {
  if (!isJsonObject(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e) => typeof e[1] === "string"));
}
function readTableMetadata(doc, path2) {
  const formatVersion = numberOf(doc["format-version"]);
  if (formatVersion === void 0 || !Number.isInteger(formatVersion) || formatVersion < 1) fail3(path2, "format-version is missing or invalid");
  if (formatVersion > MAX_FORMAT_VERSION) {
    throw new IcebergError("REFUSED", `format-version ${formatVersion} is newer than the supported ${MAX_FORMAT_VERSION}`, { subject: path2, hint: "upgrade guardrails before expiring this table" });
  }
  const location = doc["location"];
  if (typeof location !== "string" || location === "") fail3(path2, "location is missing");
  const rawSnapshots = doc["snapshots"] ?? [];
  if (!Array.isArray(rawSnapshots)) fail3(path2, "snapshots is not a list");
  const current = intText(doc["current-snapshot-id"]);
  const currentSnapshotId = current === void 0 || current === "-1" ? void 0 : current;
  return {
    formatVersion,
    location,
    lastUpdatedMs: numberOf(doc["last-updated-ms"]) ?? 0,
    currentSnapshotId,
    snapshots: rawSnapshots.map((s, i) => readSnapshot2(s, path2, i)),
    refs: readRefs(doc, currentSnapshotId, path2),
    properties: readProperties(doc["properties"]),
    statistics: readStatistics(doc["statistics"]),
    partitionStatistics: readStatistics(doc["partition-statistics"])
  };
}

// src/iceberg/metadata/files.ts
async function loadMetadata(io, location) {
  const doc = parseMetadataBytes(await io.read(location), location);
  return { location, doc, view: readTableMetadata(doc, location) };
}
function metadataVersion(location) {
  const name = location.slice(location.lastIndexOf("/") + 1);
  const match = /^(\d+)-/.exec(name) ?? /^v(\d+)\./.exec(name);
  return match === null ? -1 : Number(match[1]);
}
function nextMetadataLocation(base, baseLocation, uuid = randomUUID()) {
  const props = expirationProperties(base.properties);
  const dir = (props.metadataPath ?? `${base.location.replace(/\/+$/, "")}/metadata`).replace(/\/+$/, "");
  const version = String(metadataVersion(baseLocation) + 1).padStart(5, "0");
  const extension = props.metadataCompression === "gzip" ? ".gz.metadata.json" : ".metadata.json";
  return `${dir}/${version}-${uuid}${extension}`;
}
async function writeMetadata(io, location, doc) {
  await io.writeNew(location, serializeMetadata(doc, location));
}

// src/iceberg/plan/apply.ts
function withoutSnapshots(list, removed, key) {
  if (!Array.isArray(list)) return list;
  return list.filter((entry) => !(isJsonObject(entry) && removed.has(intText(entry[key]) ?? "")));
}
function keptRefs(refs2, removedIds, droppedRefs) {
  if (!isJsonObject(refs2)) return refs2;
  return Object.fromEntries(Object.entries(refs2).filter(([name, ref]) => {
    if (droppedRefs.has(name)) return false;
    return !(isJsonObject(ref) && removedIds.has(intText(ref["snapshot-id"]) ?? ""));
  }));
}
function trimmedSnapshotLog(log, removedIds) {
  if (!Array.isArray(log)) return log;
  const kept = [];
  for (const entry of log) {
    if (isJsonObject(entry) && removedIds.has(intText(entry["snapshot-id"]) ?? "")) kept.length = 0;
    else kept.push(entry);
  }
  return kept;
}
function appendedMetadataLog(log, base, baseLocation, maxPrevious) {
  const entries = Array.isArray(log) ? [...log] : [];
  entries.push({ "timestamp-ms": jsonInt(base.lastUpdatedMs), "metadata-file": baseLocation });
  const keep = Math.max(1, maxPrevious);
  return entries.slice(Math.max(0, entries.length - keep));
}
function applyRetention(doc, base, plan, now, baseLocation) {
  const removed = new Set(plan.expiredSnapshotIds);
  const props = expirationProperties(base.properties);
  const next = { ...doc };
  next["last-updated-ms"] = jsonInt(Math.max(now, base.lastUpdatedMs));
  next["snapshots"] = withoutSnapshots(doc["snapshots"], removed, "snapshot-id");
  if ("refs" in doc) next["refs"] = keptRefs(doc["refs"], removed, new Set(plan.droppedRefs));
  if ("statistics" in doc) next["statistics"] = withoutSnapshots(doc["statistics"], removed, "snapshot-id");
  if ("partition-statistics" in doc) next["partition-statistics"] = withoutSnapshots(doc["partition-statistics"], removed, "snapshot-id");
  if ("snapshot-log" in doc) next["snapshot-log"] = trimmedSnapshotLog(doc["snapshot-log"], removed);
  next["metadata-log"] = appendedMetadataLog(doc["metadata-log"], base, baseLocation, props.previousVersionsMax);
  return next;
}

// src/iceberg/plan/clean-metadata.ts
function idsOf(list, key) {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const id2 = isJsonObject(entry) ? intText(entry[key]) : void 0;
    return id2 === void 0 ? [] : [id2];
  });
}
function retainedSchemaIds(doc) {
  const ids = /* @__PURE__ */ new Set();
  const snapshots = Array.isArray(doc["snapshots"]) ? doc["snapshots"] : [];
  for (const s of snapshots) {
    const id2 = isJsonObject(s) ? intText(s["schema-id"]) : void 0;
    if (id2 === void 0) return void 0;
    ids.add(id2);
  }
  return ids;
}
function without(list, key, removed) {
  if (!Array.isArray(list)) return list;
  return list.filter((entry) => !(isJsonObject(entry) && removed.has(intText(entry[key]) ?? "")));
}
function cleanExpiredMetadata(next, facts) {
  const defaultSpec = intText(next["default-spec-id"]);
  const currentSchema = intText(next["current-schema-id"]);
  const usedSpecs = facts.specIds === void 0 ? void 0 : new Set([...facts.specIds].map(String));
  const removedSpecIds = usedSpecs === void 0 || defaultSpec === void 0 ? [] : idsOf(next["partition-specs"], "spec-id").filter((id2) => id2 !== defaultSpec && !usedSpecs.has(id2));
  const usedSchemas = retainedSchemaIds(next);
  const removedSchemaIds = usedSchemas === void 0 || currentSchema === void 0 ? [] : idsOf(next["schemas"], "schema-id").filter((id2) => id2 !== currentSchema && !usedSchemas.has(id2));
  if (removedSpecIds.length === 0 && removedSchemaIds.length === 0) return { removedSpecIds, removedSchemaIds, doc: next };
  const doc = { ...next };
  if (removedSpecIds.length > 0) doc["partition-specs"] = without(next["partition-specs"], "spec-id", new Set(removedSpecIds));
  if (removedSchemaIds.length > 0) doc["schemas"] = without(next["schemas"], "schema-id", new Set(removedSchemaIds));
  return { removedSpecIds, removedSchemaIds, doc };
}

// src/iceberg/plan/retention.ts
function ancestors(headId, byId) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  let current = byId.get(headId);
  while (current !== void 0 && !seen.has(current.id)) {
    seen.add(current.id);
    chain.push(current);
    current = current.parentId === void 0 ? void 0 : byId.get(current.parentId);
  }
  return chain;
}
function retainedRefs(meta, byId, now, defaultMaxRefAgeMs) {
  return meta.refs.filter((ref) => {
    if (ref.name === "main") return true;
    const snapshot = byId.get(ref.snapshotId);
    if (snapshot === void 0) return false;
    return now - snapshot.timestampMs <= (ref.maxRefAgeMs ?? defaultMaxRefAgeMs);
  });
}
function branchRetained(ref, byId, now, cutoff, minKeep) {
  const branchCutoff = ref.maxSnapshotAgeMs !== void 0 ? now - ref.maxSnapshotAgeMs : cutoff;
  const keepCount = ref.minSnapshotsToKeep ?? minKeep;
  const kept = [];
  for (const ancestor of ancestors(ref.snapshotId, byId)) {
    if (kept.length < keepCount || ancestor.timestampMs >= branchCutoff) kept.push(ancestor.id);
    else break;
  }
  return kept;
}
function validateOptions(options6) {
  if (options6.retainLast !== void 0 && (!Number.isInteger(options6.retainLast) || options6.retainLast < 1)) {
    throw new IcebergError("INVALID_INPUT", `retain-last must be an integer of at least 1, got ${options6.retainLast}`);
  }
  for (const id2 of options6.expireSnapshotIds ?? []) {
    if (!/^-?\d+$/.test(id2)) throw new IcebergError("INVALID_INPUT", `snapshot id ${JSON.stringify(id2)} is not an integer`);
  }
}
function planRetention(meta, options6, now) {
  validateOptions(options6);
  const props = expirationProperties(meta.properties);
  if (!props.gcEnabled) {
    throw new IcebergError("REFUSED", "gc.enabled is false, so expiring snapshots could remove files another table still uses", { hint: "set gc.enabled=true if this table owns its files" });
  }
  const cutoffMs2 = options6.expireOlderThanMs ?? now - (props.maxSnapshotAgeMs ?? options6.defaultMaxSnapshotAgeMs);
  const minSnapshotsToKeep = options6.retainLast ?? props.minSnapshotsToKeep;
  const byId = new Map(meta.snapshots.map((s) => [s.id, s]));
  const keptRefs2 = retainedRefs(meta, byId, now, props.maxRefAgeMs);
  const retain = /* @__PURE__ */ new Set();
  for (const ref of keptRefs2) if (byId.has(ref.snapshotId)) retain.add(ref.snapshotId);
  for (const id2 of options6.expireSnapshotIds ?? []) {
    const holders = keptRefs2.filter((r) => r.snapshotId === id2).map((r) => r.name);
    if (holders.length > 0) throw new IcebergError("INVALID_INPUT", `Cannot expire ${id2}. Still referenced by refs: ${holders.join(", ")}`);
  }
  const referenced = /* @__PURE__ */ new Set();
  for (const ref of keptRefs2) {
    if (ref.type === "branch") {
      for (const id2 of branchRetained(ref, byId, now, cutoffMs2, minSnapshotsToKeep)) retain.add(id2);
      for (const a of ancestors(ref.snapshotId, byId)) referenced.add(a.id);
    } else {
      referenced.add(ref.snapshotId);
    }
  }
  for (const s of meta.snapshots) if (!referenced.has(s.id) && s.timestampMs >= cutoffMs2) retain.add(s.id);
  const explicit = new Set(options6.expireSnapshotIds ?? []);
  const expired = meta.snapshots.filter((s) => explicit.has(s.id) || !retain.has(s.id)).map((s) => s.id);
  const expiredSet = new Set(expired);
  const keptNames = new Set(keptRefs2.map((r) => r.name));
  return {
    version: 1,
    cutoffMs: cutoffMs2,
    minSnapshotsToKeep,
    expiredSnapshotIds: expired,
    retainedSnapshotIds: meta.snapshots.filter((s) => !expiredSet.has(s.id)).map((s) => s.id),
    droppedRefs: meta.refs.filter((r) => !keptNames.has(r.name)).map((r) => r.name)
  };
}

// src/iceberg/job/backoff.ts
function backoffMs(attempt, retry2, random) {
  const base = Math.min(retry2.maxWaitMs, retry2.minWaitMs * 2 ** attempt);
  return Math.round(base * (0.9 + 0.2 * random()));
}

// src/iceberg/job/resume.ts
function inChain(location, current) {
  return location !== void 0 && (current.location === location || metadataLogFiles(current.doc).includes(location));
}
function fateOf(entry, current) {
  if (inChain(entry.newLocation, current) || inChain(entry.committedLocation, current)) return "committed";
  if (current.location === entry.baseLocation) return "undecided";
  if (entry.newLocation === void 0 && entry.expiredSnapshotIds !== void 0) {
    const live = new Set(current.view.snapshots.map((s) => s.id));
    if (!entry.expiredSnapshotIds.some((id2) => live.has(id2))) return "committed";
  }
  return "never-committed";
}
function commitOf(entry) {
  return entry.newLocation ?? `over ${entry.baseLocation}`;
}
async function resumeEntry(entry, current, ctx) {
  const fate = fateOf(entry, current);
  if (fate === "undecided") {
    return { planned: [], warnings: [`the commit ${entry.newLocation === void 0 ? "" : "of "}${commitOf(entry)} by an interrupted run is still undecided (the catalog still points at its base), so its cleanup waits for a later run`] };
  }
  const warnings = [];
  if (fate === "never-committed" && entry.newLocation !== void 0) {
    if (!ctx.dryRun) await ctx.io.deleteFiles([entry.newLocation]);
    warnings.push(`${ctx.dryRun ? "would remove" : "removed"} ${entry.newLocation}, written by an interrupted run that never committed it`);
  } else if (fate === "never-committed") {
    warnings.push(`the commit ${commitOf(entry)} by an interrupted run never landed (the catalog wrote no file of ours), so only files the current metadata no longer reaches are deleted`);
  }
  if (!expirationProperties(current.view.properties).gcEnabled) {
    return { planned: [], warnings: [...warnings, "gc.enabled is now false, so the cleanup of an interrupted run waits (nothing deleted)"] };
  }
  const done = await deleteUnreachable(entry.candidates, current, ctx.reader, ctx.io, { dryRun: ctx.dryRun, onlyExisting: true, signal: ctx.signal });
  if (!ctx.dryRun) await ctx.journal.setCandidates(entry.id, done.remaining);
  return { planned: done.planned, ...done.result ? { result: done.result } : {}, warnings };
}
async function resumeCleanups(current, ctx) {
  const entries = await ctx.journal.pending(ctx.ident);
  if (entries.length === 0) return void 0;
  const planned = [];
  const result = { deleted: [], failures: [], pending: [] };
  const warnings = [];
  for (const entry of entries) {
    try {
      const one = await resumeEntry(entry, current, ctx);
      planned.push(...one.planned);
      warnings.push(...one.warnings);
      if (one.result) {
        result.deleted.push(...one.result.deleted);
        result.failures.push(...one.result.failures);
        result.pending.push(...one.result.pending);
      }
    } catch (error) {
      if (isStopped(error)) throw error;
      warnings.push(`an interrupted cleanup was not finished (kept in the journal for the next run): ${describeError(error)}`);
    }
  }
  if (planned.length > 0) ctx.log(`${identText(ctx.ident)}: ${ctx.dryRun ? "would finish" : "finished"} ${planned.length} deletion(s) of interrupted runs`);
  return { planned, result: ctx.dryRun ? void 0 : result, warnings };
}

// src/iceberg/job/summary-builder.ts
function status2(parts) {
  if (parts.error !== void 0) return isStopped(parts.error) ? "stopped" : "failed";
  if (parts.options.dryRun) return "dry-run";
  return parts.attempt?.newLocation !== void 0 ? "expired" : "nothing-to-expire";
}
function sparkCounts(files) {
  return {
    deleted_data_files_count: files.data.count,
    deleted_position_delete_files_count: files["position-deletes"].count + files["deletion-vectors"].count,
    deleted_equality_delete_files_count: files["equality-deletes"].count,
    deleted_manifest_files_count: files.manifests.count,
    deleted_manifest_lists_count: files["manifest-lists"].count,
    deleted_statistics_files_count: files.statistics.count
  };
}
function buildSummary(parts) {
  const { attempt, options: options6 } = parts;
  const resumedPlanned = parts.resumed?.planned ?? [];
  const planned = options6.dryRun ? [...resumedPlanned, ...attempt?.filePlan?.deletions ?? []] : [];
  const resumedDeleted = parts.resumed?.result?.deleted ?? [];
  const ownDeleted = parts.cleanup?.result.deleted ?? [];
  const deleted = [...resumedDeleted, ...ownDeleted];
  const counted = options6.dryRun ? planned : deleted;
  const files = summariseDeletions(counted);
  const before = attempt?.base.view.snapshots.length ?? 0;
  const expired = attempt?.plan.expiredSnapshotIds ?? [];
  const error = parts.error;
  const deleteMs = parts.cleanup?.deleteMs ?? 0;
  return {
    table: parts.name,
    status: status2(parts),
    dryRun: options6.dryRun,
    snapshotsBefore: before,
    snapshotsAfter: before - expired.length,
    expiredSnapshotIds: expired,
    droppedRefs: attempt?.plan.droppedRefs ?? [],
    removedPartitionSpecIds: attempt?.metadataCleanup?.removedSpecIds ?? [],
    removedSchemaIds: attempt?.metadataCleanup?.removedSchemaIds ?? [],
    files,
    bytes: counted.reduce((sum, d) => sum + d.sizeBytes, 0),
    sparkCounts: sparkCounts(files),
    bytesReclaimed: deleted.reduce((sum, d) => sum + d.sizeBytes, 0),
    deleteDurationMs: deleteMs,
    filesPerSecond: ownDeleted.length > 0 ? Math.round(ownDeleted.length / Math.max(deleteMs, 1) * 1e3 * 10) / 10 : null,
    resumedDeletions: options6.dryRun ? resumedPlanned.length : resumedDeleted.length,
    deleteFailures: [...parts.resumed?.result?.failures ?? [], ...parts.cleanup?.result.failures ?? []],
    pendingDeletions: (parts.resumed?.result?.pending.length ?? 0) + (parts.cleanup?.result.pending.length ?? 0),
    warnings: [...parts.resumed?.warnings ?? [], ...options6.dryRun ? attempt?.filePlan?.warnings ?? [] : [], ...parts.cleanup?.warnings ?? []],
    commitAttempts: options6.dryRun ? 0 : parts.counter.attempts,
    previousMetadataLocation: attempt?.base.location,
    metadataLocation: attempt?.newLocation,
    durationMs: parts.now - parts.startedMs,
    error: error === void 0 ? void 0 : { code: error instanceof IcebergError ? error.code : "INTERNAL", message: describeError(error) },
    plannedDeletions: options6.dryRun ? planned : void 0
  };
}

// src/iceberg/job/expire-table.ts
async function loadCurrent(ident, deps) {
  return loadMetadata(deps.io, await deps.catalog.loadPointer(ident));
}
async function metadataDeletions(paths2, io) {
  const out = [];
  for (const path2 of paths2) {
    const size = await io.size(path2);
    if (size !== void 0) out.push({ path: path2, kind: "metadata-files", sizeBytes: size });
  }
  return out;
}
function unknownOutcome(ident, what) {
  return new IcebergError("UNKNOWN_OUTCOME", `commit outcome of ${what} is unknown, so no files were deleted`, { subject: identText(ident), hint: "re-run the job: it re-reads the catalog and finishes the cleanup if the commit landed" });
}
async function commitThroughCatalog(ident, base, next, plan, filePlan, deps, counter2) {
  const commitChange = deps.catalog.commitChange?.bind(deps.catalog);
  if (commitChange === void 0) throw new IcebergError("INTERNAL", "commitThroughCatalog needs a catalog with commitChange");
  const journalId = randomUUID2();
  await deps.journal?.record({ id: journalId, table: ident, baseLocation: base.location, expiredSnapshotIds: plan.expiredSnapshotIds, state: "committing", candidates: filePlan.deletions });
  counter2.attempts += 1;
  const result = await commitChange(ident, { baseLocation: base.location, base: base.doc, next });
  if (result.outcome === "unknown") throw unknownOutcome(ident, `the change over ${base.location}`);
  if (result.outcome === "conflict") await deps.journal?.finish(journalId);
  if (result.outcome !== "committed") return { outcome: "conflict", journalId };
  const location = result.location ?? await deps.catalog.loadPointer(ident);
  if (result.location !== void 0) await deps.journal?.setCommittedLocation?.(journalId, result.location);
  return { outcome: "committed", newLocation: location, journalId };
}
async function planAndCommit(ident, base, options6, deps, reader, counter2) {
  const now = deps.now();
  const plan = planRetention(base.view, options6.retention, now);
  if (plan.expiredSnapshotIds.length === 0 && options6.cleanExpiredMetadata !== true) return { plan, outcome: "none" };
  const newLocation = nextMetadataLocation(base.view, base.location);
  const expired = applyRetention(base.doc, base.view, plan, now, base.location);
  const nextView = readTableMetadata(expired, newLocation);
  const files = await collectFilePlan(transition(base.view, nextView), reader);
  const metadataCleanup = options6.cleanExpiredMetadata === true ? cleanExpiredMetadata(expired, { specIds: await usedSpecIds(nextView, reader) }) : void 0;
  const next = metadataCleanup?.doc ?? expired;
  const changed2 = plan.expiredSnapshotIds.length > 0 || metadataCleanup !== void 0 && metadataCleanup.removedSpecIds.length + metadataCleanup.removedSchemaIds.length > 0;
  if (!changed2) return { plan, outcome: "none" };
  const trimmed = deps.catalog.commitChange === void 0 ? trimmedMetadataFiles(base.doc, next, nextView) : [];
  const filePlan = { ...files, deletions: [...files.deletions, ...await metadataDeletions(trimmed, deps.io)] };
  const planned = { plan, ...metadataCleanup ? { metadataCleanup } : {}, filePlan };
  if (options6.dryRun) return { ...planned, outcome: "none" };
  if (deps.signal?.aborted) throw stopped2("before writing new metadata");
  if (deps.catalog.commitChange !== void 0) return { ...planned, ...await commitThroughCatalog(ident, base, next, plan, filePlan, deps, counter2) };
  const journalId = randomUUID2();
  await deps.journal?.record({ id: journalId, table: ident, baseLocation: base.location, newLocation, state: "writing", candidates: filePlan.deletions });
  await writeMetadata(deps.io, newLocation, next);
  if (deps.signal?.aborted) {
    await deps.io.deleteFiles([newLocation]);
    await deps.journal?.finish(journalId);
    throw stopped2("before the commit");
  }
  await deps.journal?.setState(journalId, "committing");
  counter2.attempts += 1;
  const outcome = await deps.catalog.commit(ident, base.location, newLocation);
  if (outcome === "unknown") throw unknownOutcome(ident, newLocation);
  if (outcome === "conflict") {
    await deps.io.deleteFiles([newLocation]);
    await deps.journal?.finish(journalId);
  }
  return { ...planned, outcome: outcome === "committed" ? "committed" : "conflict", newLocation, journalId };
}
async function commitWithRetries(ident, first, options6, deps, reader, counter2) {
  const retry2 = commitRetryProperties(first.view.properties);
  const clock = deps.clock ?? Date.now;
  const started = clock();
  let base = first;
  for (let attempt = 0; ; attempt++) {
    const result = await planAndCommit(ident, base, options6, deps, reader, counter2);
    if (result.outcome !== "conflict") {
      const removed = result.metadataCleanup ? { removedSpecIds: result.metadataCleanup.removedSpecIds, removedSchemaIds: result.metadataCleanup.removedSchemaIds } : void 0;
      return { base, plan: result.plan, metadataCleanup: removed, filePlan: result.filePlan, newLocation: result.newLocation, journalId: result.journalId, attempts: counter2.attempts };
    }
    if (attempt >= retry2.numRetries || clock() - started > retry2.totalTimeoutMs) {
      throw new IcebergError("CONFLICT", `gave up after ${counter2.attempts} commit attempt(s): the table kept changing`, { subject: identText(ident), hint: "raise commit.retry.num-retries or run when writers are quieter" });
    }
    deps.log(`${identText(ident)}: commit conflict, re-planning (attempt ${attempt + 2})`);
    await deps.sleep(backoffMs(attempt, retry2, deps.random));
    if (deps.signal?.aborted) throw stopped2("between commit attempts");
    base = await loadCurrent(ident, deps);
  }
}
var LEFT_FOR_NEXT_RUN = "stopped by a signal after the commit: the next run deletes the expired files";
async function cleanupAfterCommit(ident, attempt, deps, reader) {
  const none = { deleted: [], failures: [], pending: [] };
  const left = { result: { ...none, pending: attempt.filePlan?.deletions ?? [] }, warnings: [LEFT_FOR_NEXT_RUN], deleteMs: 0 };
  const { base, journalId } = attempt;
  if (deps.signal?.aborted) return left;
  const clock = deps.clock ?? Date.now;
  try {
    const current = await loadCurrent(ident, deps);
    const since = await collectFilePlan(transition(base.view, current.view), reader);
    const candidates = unionOfCandidates(attempt.filePlan?.deletions ?? [], since.deletions);
    if (journalId !== void 0 && candidates.length > (attempt.filePlan?.deletions.length ?? 0)) await deps.journal?.setCandidates(journalId, candidates);
    const started = clock();
    const done = await deleteUnreachable(candidates, current, reader, deps.io, {
      dryRun: false,
      onlyExisting: false,
      signal: deps.signal,
      onPhase: (kinds, n) => deps.log(`${identText(ident)}: deleting ${n} ${kinds.join("/")} file(s)`)
    });
    const deleteMs = clock() - started;
    if (journalId !== void 0) await deps.journal?.setCandidates(journalId, done.remaining);
    const warnings = [...since.warnings, ...(attempt.filePlan?.warnings ?? []).filter((w) => !since.warnings.includes(w))];
    const result = done.result ?? none;
    if (result.pending.length > 0) warnings.push(`stopped by a signal: ${result.pending.length} expired file(s) left for the next run to delete`);
    return { result, warnings, deleteMs };
  } catch (error) {
    if (isStopped(error)) return left;
    return { result: none, warnings: [`committed, but cleanup was skipped (the journal keeps it for the next run): ${describeError(error)}`], deleteMs: 0 };
  }
}
async function settleUndecided(ident, deps, ownEntry) {
  if (deps.journal === void 0) return;
  const current = await loadCurrent(ident, deps);
  for (const entry of await deps.journal.pending(ident)) {
    if (entry.id === ownEntry || fateOf(entry, current) !== "never-committed") continue;
    if (entry.newLocation !== void 0) await deps.io.deleteFiles([entry.newLocation]);
    await deps.journal.finish(entry.id);
  }
}
async function expireTable(ident, options6, deps) {
  const clock = deps.clock ?? Date.now;
  const startedMs = clock();
  const name = identText(ident);
  const counter2 = { attempts: 0 };
  let resumed;
  try {
    const first = await loadCurrent(ident, deps);
    const reader = new ManifestReader(deps.io, deps.signal);
    if (deps.journal !== void 0) {
      resumed = await resumeCleanups(first, { ident, journal: deps.journal, io: deps.io, reader, dryRun: options6.dryRun, signal: deps.signal, log: deps.log });
    }
    const attempt = await commitWithRetries(ident, first, options6, deps, reader, counter2);
    if (options6.dryRun || attempt.newLocation === void 0) {
      return buildSummary({ name, options: options6, attempt, counter: counter2, resumed, cleanup: void 0, startedMs, now: clock() });
    }
    const cleanup = await cleanupAfterCommit(ident, attempt, deps, reader);
    if (!deps.signal?.aborted) await settleUndecided(ident, deps, attempt.journalId).catch(() => void 0);
    return buildSummary({ name, options: options6, attempt, counter: counter2, resumed, cleanup, startedMs, now: clock() });
  } catch (error) {
    return buildSummary({ name, options: options6, attempt: void 0, counter: counter2, resumed, cleanup: void 0, startedMs, now: clock(), error });
  }
}

// src/iceberg/job/options.ts
var DEFAULT_MAX_SNAPSHOT_AGE_MS = 90 * 864e5;
function cutoffMs(olderThan, now) {
  if (olderThan === void 0) return void 0;
  return olderThan.kind === "age" ? now - olderThan.ms : olderThan.ms;
}

// src/iceberg/job/shard.ts
function fnv1a(text) {
  let hash = 2166136261;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}
function inShard(tableKey, shard) {
  return fnv1a(tableKey) % shard.count === shard.index;
}

// src/iceberg/job/table-loop.ts
async function selectTables(catalog, options6) {
  const all = await catalog.listTables({ namespace: options6.selection.namespace, table: options6.selection.table });
  return all.filter((t) => inShard(`${t.namespace}.${t.name}`, options6.shard));
}
async function forEachTable(tables, loop, work) {
  const { shard } = loop;
  loop.log(`${loop.command}: ${tables.length} table(s) in shard ${shard.index}/${shard.count}${loop.dryRun ? " (dry run)" : ""}`);
  const summaries = [];
  const notStarted = [];
  for (const [i, ident] of tables.entries()) {
    if (loop.signal?.aborted) {
      notStarted.push(identText(ident));
      continue;
    }
    loop.log(`[${i + 1}/${tables.length}] ${ident.namespace}.${ident.name}`);
    const summary3 = await work(ident);
    summaries.push(summary3);
    loop.onTable?.(summary3);
  }
  return { summaries, notStarted };
}

// src/iceberg/job/run.ts
function abortableSleep(signal) {
  return (ms) => delay(ms, void 0, signal ? { signal } : {}).catch(() => void 0);
}
async function runExpiration(options6, deps) {
  const tables = await selectTables(deps.catalog, options6);
  const { shard, dryRun } = options6;
  const jobDeps = {
    catalog: deps.catalog,
    io: deps.io,
    // One fixed instant for every cutoff (the age option, table properties, the 90-day default, ref ages), as
    // Java's RemoveSnapshots takes `now` once: a snapshot exactly at the cutoff is kept however long the run takes.
    now: () => options6.now,
    clock: deps.clock ?? Date.now,
    ...deps.journal ? { journal: deps.journal } : {},
    sleep: deps.sleep ?? abortableSleep(deps.signal),
    random: Math.random,
    log: deps.log,
    ...deps.signal ? { signal: deps.signal } : {}
  };
  const retention = {
    expireOlderThanMs: cutoffMs(options6.retention.olderThan, options6.now),
    defaultMaxSnapshotAgeMs: DEFAULT_MAX_SNAPSHOT_AGE_MS,
    retainLast: options6.retention.retainLast,
    expireSnapshotIds: options6.retention.expireSnapshotIds
  };
  const tableOptions = { dryRun, retention, cleanExpiredMetadata: options6.cleanExpiredMetadata === true };
  const loop = { command: "expire-snapshots", shard, dryRun, log: deps.log, signal: deps.signal, onTable: deps.onTable };
  const { summaries, notStarted } = await forEachTable(tables, loop, (ident) => expireTable(ident, tableOptions, jobDeps));
  return {
    catalog: options6.selection.catalogName,
    shard: { index: shard.index, count: shard.count },
    dryRun,
    now: new Date(options6.now).toISOString(),
    stopped: deps.signal?.aborted === true,
    tables: summaries,
    notStarted
  };
}

// src/iceberg/catalog/rest/preflight.ts
var SHOWN2 = 12;
function listed2(names) {
  if (names.length === 0) return "none";
  const shown2 = names.slice(0, SHOWN2).map((n) => JSON.stringify(n)).join(", ");
  return names.length > SHOWN2 ? `${shown2}, \u2026 (${names.length} in all)` : shown2;
}
async function checkRestSelection(catalog, selection) {
  const { namespace, table, catalogName } = selection;
  if (namespace !== void 0) {
    const namespaces = (await catalog.listNamespaces()).map((levels) => levels.join("."));
    if (!namespaces.includes(namespace)) {
      throw new IcebergError("INVALID_INPUT", `--namespace ${JSON.stringify(namespace)} matches no namespace of REST catalog ${catalogName}; its namespaces: ${listed2(namespaces)}`, { hint: 'give one of those, levels joined with "."' });
    }
  }
  if (table !== void 0) {
    const tables = await catalog.listTables({ namespace });
    if (!tables.some((t) => t.name === table)) {
      const scope = namespace === void 0 ? `REST catalog ${catalogName}` : `${catalogName}.${namespace}`;
      throw new IcebergError("INVALID_INPUT", `--table ${JSON.stringify(table)} matches no table of ${scope}; its tables: ${listed2([...new Set(tables.map((t) => t.name))])}`, { hint: "give one of those names" });
    }
  }
}

// src/iceberg/catalog/rest/config.ts
function stringMap(value) {
  if (!isJsonObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === "string"));
}
function readConfig(body, clientProperties, catalog) {
  if (!isJsonObject(body) || !isJsonObject(body["defaults"]) || !isJsonObject(body["overrides"])) {
    throw new IcebergError("UNAVAILABLE", "answered /v1/config without defaults and overrides", { subject: `REST catalog ${catalog}`, hint: "is --catalog-uri the base URI of an Iceberg REST catalog?" });
  }
  const properties = { ...stringMap(body["defaults"]), ...clientProperties, ...stringMap(body["overrides"]) };
  const endpoints = Array.isArray(body["endpoints"]) ? new Set(body["endpoints"].filter((e) => typeof e === "string")) : void 0;
  const rawSeparator = properties["namespace-separator"];
  let separator = "";
  if (rawSeparator !== void 0 && rawSeparator !== "") {
    try {
      separator = decodeURIComponent(rawSeparator);
    } catch {
      separator = rawSeparator;
    }
  }
  const prefix = properties["prefix"];
  const lifetime = body["idempotency-key-lifetime"];
  return { properties, prefix: prefix === void 0 || prefix === "" ? void 0 : prefix, separator, endpoints, idempotencyKeyLifetime: typeof lifetime === "string" ? lifetime : void 0 };
}
var ENDPOINTS = {
  listNamespaces: "GET /v1/{prefix}/namespaces",
  listTables: "GET /v1/{prefix}/namespaces/{namespace}/tables",
  loadTable: "GET /v1/{prefix}/namespaces/{namespace}/tables/{table}",
  updateTable: "POST /v1/{prefix}/namespaces/{namespace}/tables/{table}"
};
function requireEndpoints(config2, needed, catalog) {
  if (config2.endpoints === void 0) return;
  const missing = needed.filter((e) => !config2.endpoints?.has(e));
  if (missing.length > 0) {
    throw new IcebergError("INVALID_INPUT", `does not offer ${missing.join(", ")}, which expiration needs`, { subject: `REST catalog ${catalog}`, hint: "use a catalog (or a role) that allows table commits" });
  }
}
var ResourcePaths = class {
  constructor(config2) {
    this.config = config2;
  }
  config;
  root() {
    return this.config.prefix === void 0 ? "/v1" : `/v1/${encodeURIComponent(this.config.prefix)}`;
  }
  namespace(levels) {
    return encodeURIComponent(levels.join(this.config.separator));
  }
  namespaces() {
    return `${this.root()}/namespaces`;
  }
  tables(levels) {
    return `${this.root()}/namespaces/${this.namespace(levels)}/tables`;
  }
  table(levels, name) {
    return `${this.tables(levels)}/${encodeURIComponent(name)}`;
  }
};

// src/iceberg/catalog/rest/commit-outcome.ts
function snapshotIds(doc) {
  const list = Array.isArray(doc["snapshots"]) ? doc["snapshots"] : [];
  return list.map((s) => isJsonObject(s) ? intText(s["snapshot-id"]) : void 0).sort().join(",");
}
function refs(doc, location) {
  return readTableMetadata(doc, location).refs.map((r) => `${r.name}=${r.snapshotId}`).sort().join(",");
}
function judgeReloaded(current, baseLocation, next) {
  if (current.location === baseLocation) return { outcome: "not-applied", location: void 0 };
  const log = Array.isArray(current.metadata["metadata-log"]) ? current.metadata["metadata-log"] : [];
  const previous = log[log.length - 1];
  const onOurBase = isJsonObject(previous) && previous["metadata-file"] === baseLocation;
  if (onOurBase && snapshotIds(current.metadata) === snapshotIds(next) && refs(current.metadata, current.location) === refs(next, current.location)) {
    return { outcome: "committed", location: current.location };
  }
  return { outcome: "unknown", location: void 0 };
}

// src/iceberg/catalog/rest/commit-request.ts
import { isDeepStrictEqual } from "node:util";

// src/iceberg/catalog/rest/wire-json.ts
import { parse as parse4, stringify as stringify3 } from "lossless-json";
function parseWireJson(text) {
  if (text.trim() === "") return void 0;
  try {
    return parse4(text);
  } catch {
    return void 0;
  }
}
function wireJson(value) {
  return stringify3(value) ?? "null";
}

// src/iceberg/catalog/rest/commit-request.ts
var SERVER_MAINTAINED = /* @__PURE__ */ new Set(["last-updated-ms", "metadata-log", "snapshot-log"]);
var EXPRESSED = /* @__PURE__ */ new Set(["snapshots", "refs", "statistics", "partition-statistics", "partition-specs", "schemas"]);
function idsOf2(list, key) {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const id2 = isJsonObject(entry) ? intText(entry[key]) : void 0;
    return id2 === void 0 ? [] : [id2];
  });
}
function gone(before, after, key) {
  const kept = new Set(idsOf2(after, key));
  return [...new Set(idsOf2(before, key))].filter((id2) => !kept.has(id2));
}
function sameJson(a, b) {
  return a === b || a !== void 0 && b !== void 0 && wireJson(a) === wireJson(b) || isDeepStrictEqual(a, b);
}
function commitRequest(base, next, location) {
  for (const key of /* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (SERVER_MAINTAINED.has(key) || EXPRESSED.has(key)) continue;
    if (!sameJson(base[key], next[key])) throw new IcebergError("INTERNAL", `the change to "${key}" has no REST catalog update`, { subject: location });
  }
  const view = readTableMetadata(base, location);
  const requirements = [];
  if (typeof base["table-uuid"] === "string") requirements.push({ type: "assert-table-uuid", uuid: base["table-uuid"] });
  for (const ref of [...view.refs].sort((a, b) => a.name.localeCompare(b.name))) {
    requirements.push({ type: "assert-ref-snapshot-id", ref: ref.name, "snapshot-id": jsonInt(ref.snapshotId) });
  }
  const updates = [];
  const refsAfter = isJsonObject(next["refs"]) ? next["refs"] : {};
  if (isJsonObject(base["refs"])) {
    for (const name of Object.keys(base["refs"]).sort()) if (!(name in refsAfter)) updates.push({ action: "remove-snapshot-ref", "ref-name": name });
  }
  const removed = gone(base["snapshots"], next["snapshots"], "snapshot-id");
  if (removed.length > 0) updates.push({ action: "remove-snapshots", "snapshot-ids": removed.map((id2) => jsonInt(id2)) });
  for (const id2 of gone(base["statistics"], next["statistics"], "snapshot-id")) updates.push({ action: "remove-statistics", "snapshot-id": jsonInt(id2) });
  for (const id2 of gone(base["partition-statistics"], next["partition-statistics"], "snapshot-id")) updates.push({ action: "remove-partition-statistics", "snapshot-id": jsonInt(id2) });
  const specs = gone(base["partition-specs"], next["partition-specs"], "spec-id");
  if (specs.length > 0) {
    updates.push({ action: "remove-partition-specs", "spec-ids": specs.map((id2) => jsonInt(id2)) });
    if (base["default-spec-id"] !== void 0) requirements.push({ type: "assert-default-spec-id", "default-spec-id": base["default-spec-id"] });
  }
  const schemas = gone(base["schemas"], next["schemas"], "schema-id");
  if (schemas.length > 0) {
    updates.push({ action: "remove-schemas", "schema-ids": schemas.map((id2) => jsonInt(id2)) });
    if (base["current-schema-id"] !== void 0) requirements.push({ type: "assert-current-schema-id", "current-schema-id": base["current-schema-id"] });
  }
  return { requirements, updates };
}

// src/iceberg/catalog/rest/errors.ts
var CREDENTIAL_VARIABLES = "GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret) or GUARDRAILS_ICEBERG_REST_TOKEN";
function errorModel(body) {
  if (!isJsonObject(body)) return { type: void 0, message: void 0 };
  const inner = body["error"];
  if (isJsonObject(inner)) {
    return { type: typeof inner["type"] === "string" ? inner["type"] : void 0, message: typeof inner["message"] === "string" ? inner["message"] : void 0 };
  }
  if (typeof inner === "string") return { type: inner, message: typeof body["error_description"] === "string" ? body["error_description"] : void 0 };
  return { type: void 0, message: void 0 };
}
function said(body, status3) {
  const { type, message } = errorModel(body);
  const text = [type, message].filter((t) => t !== void 0).join(": ");
  return text === "" ? `HTTP ${status3}` : `HTTP ${status3} ${text.split("\n")[0] ?? ""}`;
}
function restError(status3, body, request2) {
  const subject2 = `REST catalog ${request2.catalog}`;
  const reason = said(body, status3);
  if (status3 === 401 || status3 === 419) {
    return new IcebergError("INVALID_INPUT", `refused the credentials (${reason}) for ${request2.what}`, { subject: subject2, hint: `check ${CREDENTIAL_VARIABLES}` });
  }
  if (status3 === 403) {
    return new IcebergError("INVALID_INPUT", `forbids ${request2.what} to these credentials (${reason})`, { subject: subject2, hint: "grant the principal read and write on the tables (and namespace listing), or use other credentials" });
  }
  if (status3 === 404) {
    return new IcebergError("INVALID_INPUT", `has no ${request2.what} (${reason})`, { subject: subject2, hint: "check --catalog-warehouse, --namespace and --table against what the catalog lists" });
  }
  if (status3 === 400 || status3 === 406 || status3 === 422) {
    return new IcebergError("INVALID_INPUT", `rejected the request for ${request2.what} (${reason})`, { subject: subject2 });
  }
  if (status3 >= 500) {
    return new IcebergError("UNAVAILABLE", `answered ${reason} for ${request2.what}`, { subject: subject2, hint: "the catalog is unavailable or failing; try again later" });
  }
  return new IcebergError("IO", `answered ${reason} for ${request2.what}`, { subject: subject2 });
}
function rootReason(error) {
  let current = error;
  let reason = error instanceof Error ? error.message : String(error);
  while (current instanceof Error) {
    const nested = current instanceof AggregateError ? current.errors[0] : void 0;
    if (current.message !== "") reason = current.message;
    current = current.cause ?? nested;
  }
  return reason;
}
function unreachable(error, request2) {
  if (error instanceof IcebergError) return error;
  const cause = rootReason(error);
  return new IcebergError("UNAVAILABLE", `cannot be reached for ${request2.what}: ${cause}`, { subject: `REST catalog ${request2.catalog}`, hint: "check --catalog-uri and that the catalog is running", cause: error });
}

// src/iceberg/catalog/rest/http.ts
var COMMIT_GRACE_MS = 5e3;
var RestUnreachable = class extends Error {
  name = "RestUnreachable";
};
var RestTransport = class {
  constructor(baseUri, tokens, timeoutMs, fetchFn = fetch, stop) {
    this.baseUri = baseUri;
    this.tokens = tokens;
    this.timeoutMs = timeoutMs;
    this.fetchFn = fetchFn;
    this.stop = stop;
  }
  baseUri;
  tokens;
  timeoutMs;
  fetchFn;
  stop;
  /** The request's abort signal: its timeout, and the stop (at once for reads, after a grace for a commit). */
  signalFor(method) {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    if (this.stop === void 0) return { signal: timeout, done: () => {
    } };
    if (method !== "POST") return { signal: AbortSignal.any([timeout, this.stop]), done: () => {
    } };
    const grace = new AbortController();
    let timer;
    const onStop = () => {
      timer = setTimeout(() => grace.abort(), COMMIT_GRACE_MS);
      timer.unref();
    };
    if (this.stop.aborted) onStop();
    else this.stop.addEventListener("abort", onStop, { once: true });
    return {
      signal: AbortSignal.any([timeout, grace.signal]),
      done: () => {
        this.stop?.removeEventListener("abort", onStop);
        if (timer !== void 0) clearTimeout(timer);
      }
    };
  }
  async send(request2) {
    const first = await this.once(request2);
    if ((first.status === 401 || first.status === 419) && this.tokens.refused()) return this.once(request2);
    return first;
  }
  async once(request2) {
    const url2 = new URL(`${this.baseUri}${request2.path}`);
    for (const [key, value] of Object.entries(request2.query ?? {})) if (value !== void 0) url2.searchParams.set(key, value);
    const authorization = await this.tokens.authorization();
    const headers = { Accept: "application/json", ...request2.headers ?? {} };
    if (authorization !== void 0) headers["Authorization"] = authorization;
    if (request2.json !== void 0) headers["Content-Type"] = "application/json";
    let response;
    const { signal, done } = this.signalFor(request2.method);
    try {
      response = await this.fetchFn(url2, {
        method: request2.method,
        headers,
        ...request2.json !== void 0 ? { body: wireJson(request2.json) } : {},
        signal
      });
      const text = await response.text();
      const token = authorization?.replace(/^Bearer /, "");
      const shown2 = response.status >= 400 && token !== void 0 && token.length >= 4 ? text.split(token).join("***") : text;
      return { status: response.status, body: parseWireJson(shown2) };
    } catch (error) {
      throw new RestUnreachable(`${request2.method} ${url2.origin}${url2.pathname}: ${rootReason(error)}`, { cause: error });
    } finally {
      done();
    }
  }
};

// src/iceberg/catalog/rest/oauth2.ts
var DEFAULT_LIFETIME_MS = 36e5;
var MAX_REFRESH_WINDOW_MS = 3e5;
var ClientCredentials = class {
  constructor(auth2, endpoint2, deps) {
    this.auth = auth2;
    this.endpoint = endpoint2;
    this.deps = deps;
  }
  auth;
  endpoint;
  deps;
  token;
  pending;
  async authorization() {
    if (this.token !== void 0 && this.deps.clock() < this.token.refreshAt) return `Bearer ${this.token.value}`;
    this.pending ??= this.fetchToken().finally(() => this.pending = void 0);
    return `Bearer ${await this.pending}`;
  }
  refused() {
    const had = this.token !== void 0;
    this.token = void 0;
    return had;
  }
  async fetchToken() {
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: this.auth.clientId, client_secret: this.auth.clientSecret, scope: this.auth.scope });
    const shown2 = new URL(this.endpoint);
    const where2 = `OAuth2 token endpoint ${shown2.origin}${shown2.pathname}`;
    let response;
    try {
      response = await this.deps.fetch(this.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: form.toString(),
        signal: this.deps.signal === void 0 ? AbortSignal.timeout(this.deps.timeoutMs) : AbortSignal.any([AbortSignal.timeout(this.deps.timeoutMs), this.deps.signal])
      });
    } catch (error) {
      throw new IcebergError("UNAVAILABLE", `cannot be reached: ${rootReason(error)}`, { subject: where2, hint: "check --catalog-oauth2-server-uri (or the catalog URI) and the network" });
    }
    const body = parseWireJson(await response.text());
    if (!response.ok) {
      const { type, message } = errorModel(body);
      const reason = [type, message].filter((t) => t !== void 0).join(": ") || `HTTP ${response.status}`;
      if (response.status >= 500) throw new IcebergError("UNAVAILABLE", `failed: ${reason}`, { subject: where2, hint: "try again later" });
      throw new IcebergError("INVALID_INPUT", `refused the client credentials: ${reason}`, { subject: where2, hint: `check ${CREDENTIAL_VARIABLES}` });
    }
    const record = body ?? {};
    const value = record["access_token"];
    if (typeof value !== "string" || value === "") throw new IcebergError("UNAVAILABLE", "answered without an access_token", { subject: where2 });
    const lifetimeMs = (numberOf(record["expires_in"]) ?? DEFAULT_LIFETIME_MS / 1e3) * 1e3;
    const window = Math.min(MAX_REFRESH_WINDOW_MS, lifetimeMs / 10);
    this.token = { value, refreshAt: this.deps.clock() + lifetimeMs - window };
    return value;
  }
};
function tokenSource(auth2, catalogUri2, deps) {
  switch (auth2.kind) {
    case "none":
      return { authorization: async () => void 0, refused: () => false };
    case "bearer":
      return { authorization: async () => `Bearer ${auth2.token}`, refused: () => false };
    case "oauth2":
      return new ClientCredentials(auth2, auth2.serverUri ?? `${catalogUri2}/v1/oauth/tokens`, deps);
  }
}

// src/iceberg/catalog/rest/uuid-v7.ts
import { randomBytes as randomBytes2 } from "node:crypto";
function uuidV7(nowMs) {
  const bytes = randomBytes2(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = bytes[6] & 15 | 112;
  bytes[8] = bytes[8] & 63 | 128;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// src/iceberg/catalog/rest/rest-catalog.ts
function stringRecord(value) {
  if (!isJsonObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === "string"));
}
var RestCatalog = class _RestCatalog {
  constructor(name, http2, config2, io, deps) {
    this.name = name;
    this.http = http2;
    this.config = config2;
    this.io = io;
    this.deps = deps;
    this.paths = new ResourcePaths(config2);
  }
  name;
  http;
  config;
  io;
  deps;
  paths;
  /** Joined namespace text (as in TableIdent) → its levels, as the server listed them. */
  levels = /* @__PURE__ */ new Map();
  loaded = /* @__PURE__ */ new Map();
  /** Fetches `/v1/config` (authenticating first, when configured) and checks the endpoints expiration needs. */
  static async open(name, settings, io, deps = {}) {
    const fetchFn = deps.fetch ?? fetch;
    const tokens = tokenSource(settings.auth, settings.uri, { fetch: fetchFn, clock: deps.clock ?? Date.now, timeoutMs: settings.requestTimeoutMs, ...deps.signal ? { signal: deps.signal } : {} });
    const http2 = new RestTransport(settings.uri, tokens, settings.requestTimeoutMs, fetchFn, deps.signal);
    const what = settings.warehouse === void 0 ? "its configuration" : `warehouse ${JSON.stringify(settings.warehouse)}`;
    let answer;
    try {
      answer = await http2.send({ method: "GET", path: "/v1/config", query: { warehouse: settings.warehouse } });
    } catch (error) {
      throw unreachable(error, { catalog: name, what });
    }
    if (answer.status !== 200) throw restError(answer.status, answer.body, { catalog: name, what });
    const config2 = readConfig(answer.body, settings.warehouse === void 0 ? {} : { warehouse: settings.warehouse }, name);
    requireEndpoints(config2, Object.values(ENDPOINTS), name);
    return new _RestCatalog(name, http2, config2, io, deps);
  }
  async call(request2, what) {
    try {
      return await this.http.send(request2);
    } catch (error) {
      if (this.deps.signal?.aborted) throw stopped2(`while waiting for ${what}`);
      throw unreachable(error, { catalog: this.name, what });
    }
  }
  async ok(request2, what) {
    const answer = await this.call(request2, what);
    if (answer.status !== 200) throw restError(answer.status, answer.body, { catalog: this.name, what });
    return answer.body;
  }
  /** Every page of a list call; `key` is the array in each page. */
  async pages(path2, key, query, what) {
    const items = [];
    const seen = /* @__PURE__ */ new Set();
    let token = "";
    for (; ; ) {
      const body = await this.ok({ method: "GET", path: path2, query: { ...query, pageToken: token } }, what);
      const page = isJsonObject(body) ? body : {};
      if (Array.isArray(page[key])) items.push(...page[key]);
      const next = page["next-page-token"];
      if (typeof next !== "string" || next === "") return items;
      if (seen.has(next)) throw new IcebergError("UNAVAILABLE", `repeated the page token of ${what}`, { subject: `REST catalog ${this.name}` });
      seen.add(next);
      token = next;
    }
  }
  joined(levels) {
    const text = levels.join(".");
    this.levels.set(text, levels);
    return text;
  }
  levelsOf(namespace) {
    return this.levels.get(namespace) ?? namespace.split(".");
  }
  /** Every namespace, depth first, each as its levels. */
  async listNamespaces(parent) {
    const what = parent === void 0 ? "the namespace listing" : `namespace ${JSON.stringify(parent.join("."))}`;
    const query = { parent: parent === void 0 ? void 0 : parent.join(this.config.separator) };
    const found = (await this.pages(this.paths.namespaces(), "namespaces", query, what)).filter((n) => Array.isArray(n) && n.every((l) => typeof l === "string"));
    const all = [];
    for (const levels of found.sort((a, b) => a.join(".").localeCompare(b.join(".")))) {
      all.push(levels);
      all.push(...await this.listNamespaces(levels));
    }
    return all;
  }
  async listTablesIn(levels) {
    const identifiers = await this.pages(this.paths.tables(levels), "identifiers", {}, `namespace ${JSON.stringify(levels.join("."))}`);
    return identifiers.flatMap((id2) => isJsonObject(id2) && typeof id2["name"] === "string" ? [id2["name"]] : []).sort();
  }
  async listTables(filter) {
    const namespaces = filter.namespace !== void 0 ? [this.levelsOf(filter.namespace)] : await this.listNamespaces();
    const out = [];
    for (const levels of namespaces) {
      const namespace = this.joined(levels);
      for (const name of await this.listTablesIn(levels)) {
        if (filter.table === void 0 || filter.table === name) out.push({ catalog: this.name, namespace, name });
      }
    }
    return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  }
  /** `loadTable` with every snapshot (a refs-only view would make other snapshots' files look unreferenced). */
  async loadTable(ident) {
    const what = `table ${JSON.stringify(`${ident.namespace}.${ident.name}`)}`;
    const body = await this.ok({
      method: "GET",
      path: this.paths.table(this.levelsOf(ident.namespace), ident.name),
      query: { snapshots: "all" },
      headers: { "X-Iceberg-Access-Delegation": "vended-credentials" }
    }, what);
    const result = isJsonObject(body) ? body : {};
    const location = result["metadata-location"];
    const metadata = result["metadata"];
    if (typeof location !== "string" || !isJsonObject(metadata)) {
      throw new IcebergError("INVALID_INPUT", "has no committed metadata location (a staged table?)", { subject: identText(ident) });
    }
    const credentials = Array.isArray(result["storage-credentials"]) ? result["storage-credentials"] : [];
    const table = {
      metadataLocation: location,
      metadata,
      config: stringRecord(result["config"]),
      storageCredentials: credentials.flatMap((c) => isJsonObject(c) && typeof c["prefix"] === "string" ? [{ prefix: c["prefix"], config: stringRecord(c["config"]) }] : [])
    };
    this.loaded.set(identText(ident), table);
    this.deps.onLoaded?.(ident, table);
    return table;
  }
  /** The location of a table this catalog has loaded (for the journal beside its metadata). */
  loadedLocation(ident) {
    const location = this.loaded.get(identText(ident))?.metadata["location"];
    return typeof location === "string" ? location : void 0;
  }
  async loadPointer(ident) {
    return (await this.loadTable(ident)).metadataLocation;
  }
  /**
   * The pointer-swap form, for callers that wrote `newLocation` themselves (the job calls `commitChange`): the
   * server writes its own file, so ours is sent as updates and then removed whatever the outcome: the server
   * never saw its path, so nothing can reference it.
   */
  async commit(ident, oldLocation, newLocation) {
    const next = parseMetadataBytes(await this.io.read(newLocation), newLocation);
    try {
      return (await this.commitChange(ident, { baseLocation: oldLocation, next })).outcome;
    } finally {
      await this.io.deleteFiles([newLocation]);
    }
  }
  /** Commits `next` over the table as loaded at `baseLocation`; the server writes the metadata file. */
  async commitChange(ident, change) {
    const base = change.base ?? await this.baseDocument(ident, change.baseLocation);
    const request2 = commitRequest(base, change.next, change.baseLocation);
    if (request2.updates.length === 0) return { outcome: "committed", location: change.baseLocation };
    const what = `the commit to table ${JSON.stringify(`${ident.namespace}.${ident.name}`)}`;
    const key = this.config.idempotencyKeyLifetime === void 0 ? void 0 : uuidV7(Date.now());
    const post = async () => {
      try {
        return await this.http.send({ method: "POST", path: this.paths.table(this.levelsOf(ident.namespace), ident.name), json: request2, ...key ? { headers: { "Idempotency-Key": key } } : {} });
      } catch (error) {
        if (!(error instanceof RestUnreachable)) throw error;
        return void 0;
      }
    };
    let answer = await post();
    if (key !== void 0 && (answer === void 0 || answer.status >= 500) && this.deps.signal?.aborted !== true) answer = await post();
    if (answer === void 0) return this.outcomeAfterNoAnswer(ident, change.baseLocation, change.next);
    if (answer.status === 200) {
      const location = isJsonObject(answer.body) && typeof answer.body["metadata-location"] === "string" ? answer.body["metadata-location"] : void 0;
      return { outcome: "committed", location };
    }
    if (answer.status === 409) return { outcome: "conflict", location: void 0 };
    if (answer.status >= 500) return this.outcomeAfterNoAnswer(ident, change.baseLocation, change.next);
    throw restError(answer.status, answer.body, { catalog: this.name, what });
  }
  async baseDocument(ident, baseLocation) {
    const cached = this.loaded.get(identText(ident));
    if (cached !== void 0 && cached.metadataLocation === baseLocation) return cached.metadata;
    return parseMetadataBytes(await this.io.read(baseLocation), baseLocation);
  }
  /** No definite answer: reload the table and judge from what it holds now (./commit-outcome.ts). */
  async outcomeAfterNoAnswer(ident, baseLocation, next) {
    try {
      const current = await this.loadTable(ident);
      return judgeReloaded({ location: current.metadataLocation, metadata: current.metadata }, baseLocation, next);
    } catch {
      return { outcome: "unknown", location: void 0 };
    }
  }
};

// src/iceberg/catalog/rest/table-journal.ts
var DIRECTORY = ".guardrails-journal";
var NAME3 = /^([0-9a-f-]{36})\.(\d{6})\.json$/;
var BesideMetadataJournal = class {
  /** `tableLocation` names a loaded table's location (the job loads a table before it journals anything). */
  constructor(io, tableLocation2, clock = Date.now) {
    this.io = io;
    this.tableLocation = tableLocation2;
    this.clock = clock;
  }
  io;
  tableLocation;
  clock;
  entries = /* @__PURE__ */ new Map();
  dirOf(table) {
    const location = this.tableLocation(table);
    if (location === void 0) throw new IcebergError("INTERNAL", "journal used before the table was loaded", { subject: `${table.namespace}.${table.name}` });
    return `${location.replace(/\/+$/, "")}/metadata/${DIRECTORY}`;
  }
  path(stored) {
    return `${stored.dir}/${stored.entry.id}.${String(stored.version).padStart(6, "0")}.json`;
  }
  async write(stored) {
    const text = JSON.stringify({ ...stored.entry, recordedAt: stored.recordedAt });
    await this.io.writeNew(this.path(stored), Buffer.from(text, "utf8"));
  }
  async pending(table) {
    const dir = this.dirOf(table);
    const versions = /* @__PURE__ */ new Map();
    for await (const file of this.io.list(dir)) {
      const match = NAME3.exec(file.path.slice(file.path.lastIndexOf("/") + 1));
      if (match === null) continue;
      const [, id2, version] = match;
      const seen = versions.get(id2) ?? { version: -1, paths: [] };
      seen.paths.push(file.path);
      seen.version = Math.max(seen.version, Number(version));
      versions.set(id2, seen);
    }
    const found = [];
    for (const [id2, { version, paths: paths2 }] of versions) {
      const newest = paths2.find((p) => p.endsWith(`${id2}.${String(version).padStart(6, "0")}.json`));
      const raw = JSON.parse((await this.io.read(newest)).toString("utf8"));
      const { recordedAt, ...entry } = raw;
      const stored = { entry, recordedAt, dir, version, stale: paths2.filter((p) => p !== newest) };
      this.entries.set(id2, stored);
      found.push(stored);
    }
    return found.sort((a, b) => a.recordedAt - b.recordedAt).map((s) => s.entry);
  }
  async record(entry) {
    const stored = { entry, recordedAt: this.clock(), dir: this.dirOf(entry.table), version: 0, stale: [] };
    await this.write(stored);
    this.entries.set(entry.id, stored);
  }
  async update(id2, change) {
    const stored = this.entries.get(id2);
    if (stored === void 0) throw new IcebergError("INTERNAL", `journal entry ${id2} is not known to this run`);
    const next = { ...stored, entry: { ...stored.entry, ...change }, version: stored.version + 1, stale: [] };
    await this.write(next);
    await this.io.deleteFiles([this.path(stored), ...stored.stale]);
    this.entries.set(id2, next);
  }
  setState(id2, state) {
    return this.update(id2, { state });
  }
  setCommittedLocation(id2, location) {
    return this.update(id2, { committedLocation: location });
  }
  async setCandidates(id2, candidates) {
    if (candidates.length === 0) return this.finish(id2);
    return this.update(id2, { candidates });
  }
  async finish(id2) {
    const stored = this.entries.get(id2);
    if (stored === void 0) return;
    await this.io.deleteFiles([this.path(stored), ...stored.stale]);
    this.entries.delete(id2);
  }
};

// src/iceberg/catalog/rest/vended-io.ts
function canonical(path2) {
  return path2.replace(/^s3[an]:\/\//, "s3://");
}
function tableLocation(table) {
  const location = table.metadata["location"];
  return typeof location === "string" ? location : void 0;
}
var VendedCredentialsFileIO = class {
  constructor(base, map, s3, concurrency) {
    this.base = base;
    this.map = map;
    this.s3 = s3;
    this.concurrency = concurrency;
  }
  base;
  map;
  s3;
  concurrency;
  vended = [];
  /** Registers the S3 credentials of a loaded table: its storage credentials, else its config for its location. */
  offer(table) {
    if (!this.map.isEmpty) return;
    const location = tableLocation(table);
    const offered = table.storageCredentials.length > 0 ? table.storageCredentials : location !== void 0 ? [{ prefix: location, config: table.config }] : [];
    for (const { prefix, config: config2 } of offered) {
      const accessKeyId = config2["s3.access-key-id"];
      const secretAccessKey = config2["s3.secret-access-key"];
      if (accessKeyId === void 0 || secretAccessKey === void 0 || !isS3Path(prefix)) continue;
      const sessionToken = config2["s3.session-token"];
      const fingerprint = `${accessKeyId}
${secretAccessKey}
${sessionToken ?? ""}`;
      const key = canonical(prefix);
      const existing = this.vended.find((v) => v.prefix === key);
      if (existing?.fingerprint === fingerprint) continue;
      existing?.io.close();
      const endpoint2 = config2["s3.endpoint"] ?? this.s3.endpoint;
      const client = loadS3Sdk().then(({ S3Client }) => new S3Client({
        region: config2["client.region"] ?? this.s3.region ?? "us-east-1",
        ...endpoint2 !== void 0 ? { endpoint: endpoint2 } : {},
        forcePathStyle: config2["s3.path-style-access"] === void 0 ? this.s3.forcePathStyle ?? false : config2["s3.path-style-access"] === "true",
        credentials: { accessKeyId, secretAccessKey, ...sessionToken !== void 0 ? { sessionToken } : {} }
      }));
      const io = new S3FileIO(client, { ...this.s3, concurrency: this.concurrency }, true);
      this.vended = [...this.vended.filter((v) => v.prefix !== key), { prefix: key, fingerprint, io }].sort((a, b) => b.prefix.length - a.prefix.length);
    }
  }
  /** The FileIO for `path`: the longest vended prefix holding it, else the usual one. */
  route(path2) {
    if (!isS3Path(path2)) return this.base;
    const key = canonical(path2);
    return this.vended.find((v) => key === v.prefix || key.startsWith(v.prefix.endsWith("/") ? v.prefix : `${v.prefix}/`))?.io ?? this.base;
  }
  read(path2) {
    return this.route(path2).read(path2);
  }
  writeNew(path2, data) {
    return this.route(path2).writeNew(path2, data);
  }
  size(path2) {
    return this.route(path2).size(path2);
  }
  /** Lists through the FileIO the prefix routes to; the usual one must list (it always does: local and S3). */
  async *list(prefix, signal) {
    const target = this.route(prefix);
    if (target.list === void 0) throw new IcebergError("INTERNAL", "this file store cannot list files", { subject: prefix });
    yield* target.list(prefix, signal);
  }
  async deleteFiles(paths2, signal) {
    const groups2 = /* @__PURE__ */ new Map();
    for (const path2 of paths2) {
      const io = this.route(path2);
      const group = groups2.get(io);
      if (group === void 0) groups2.set(io, [path2]);
      else group.push(path2);
    }
    const results = await Promise.all([...groups2].map(([io, group]) => io.deleteFiles(group, signal)));
    return results.flat();
  }
  close() {
    for (const v of this.vended) v.io.close();
    this.vended = [];
  }
};

// src/iceberg/catalog/rest/expire.ts
async function expireThroughRest(options6, deps) {
  const { files } = options6;
  const base = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, files.s3, files.maxConcurrentDeletes);
  const io = new VendedCredentialsFileIO(base, new LocationMap(files.locationMappings), files.s3, files.maxConcurrentDeletes);
  try {
    const catalog = await RestCatalog.open(options6.selection.catalogName, options6.rest, io, {
      ...deps.fetch !== void 0 ? { fetch: deps.fetch } : {},
      ...deps.signal !== void 0 ? { signal: deps.signal } : {},
      onLoaded: (_ident, table) => io.offer(table)
    });
    await checkRestSelection(catalog, options6.selection);
    const journal = new BesideMetadataJournal(io, (ident) => catalog.loadedLocation(ident));
    return await runExpiration(options6, { catalog, io, journal, log: deps.log, ...deps.onTable ? { onTable: deps.onTable } : {}, ...deps.signal ? { signal: deps.signal } : {} });
  } finally {
    io.close();
    base.close();
  }
}

// src/iceberg/journal/postgres-journal.ts
var ALREADY_CREATED = /* @__PURE__ */ new Set(["23505", "42P07", "42710"]);
function parseCandidates(text, id2) {
  const raw = JSON.parse(text);
  if (!Array.isArray(raw)) throw new IcebergError("UNREADABLE", `journal entry ${id2} has no list of candidates`, { hint: `inspect ${JOURNAL_TABLE}` });
  return raw.map((c) => ({ path: c.path, kind: c.kind, sizeBytes: c.sizeBytes }));
}
var PostgresCleanupJournal = class {
  constructor(pool) {
    this.pool = pool;
  }
  pool;
  created;
  /** Creates the journal table when absent; a real run calls it before touching any table, so a role without
   * CREATE fails once, up front, instead of once per table. */
  prepare() {
    return this.ensureTable();
  }
  ensureTable() {
    this.created ??= (async () => {
      if (await this.isCurrent()) return;
      for (const sql of createJournalTableSql()) {
        try {
          await this.pool.query(sql);
        } catch (error) {
          if (!ALREADY_CREATED.has(String(error.code))) throw error;
        }
      }
    })().catch((error) => {
      this.created = void 0;
      const reason = error instanceof Error ? error.message : String(error);
      throw new IcebergError("IO", `cannot create the cleanup journal table ${JOURNAL_TABLE} in the catalog database: ${reason}`, { hint: `grant CREATE on its schema to this role, or have the owner create ${JOURNAL_TABLE} once (docs/iceberg-expiration.md)`, cause: error });
    });
    return this.created;
  }
  /** The journal exists with every column this version writes. */
  async isCurrent() {
    const result = await this.pool.query(
      `SELECT count(*)::int AS n FROM information_schema.columns
       WHERE table_name = '${JOURNAL_TABLE}' AND column_name = 'journal_version' AND table_schema = ANY (current_schemas(false))`
    );
    return (result.rows[0]?.n ?? 0) > 0;
  }
  async pending(table) {
    const exists3 = await this.pool.query(`SELECT to_regclass('${JOURNAL_TABLE}') IS NOT NULL AS present`);
    if (exists3.rows[0]?.present !== true) return [];
    const result = await this.pool.query(
      `SELECT id, catalog_name, table_namespace, table_name, base_metadata_location, new_metadata_location, state, candidates
       FROM ${JOURNAL_TABLE} WHERE catalog_name = $1 AND table_namespace = $2 AND table_name = $3 ORDER BY created_at, id`,
      [table.catalog, table.namespace, table.name]
    );
    return result.rows.map((r) => ({
      id: r.id,
      table: { catalog: r.catalog_name, namespace: r.table_namespace, name: r.table_name },
      baseLocation: r.base_metadata_location,
      newLocation: r.new_metadata_location,
      state: r.state === "writing" ? "writing" : "committing",
      candidates: parseCandidates(r.candidates, r.id)
    }));
  }
  async record(entry) {
    if (entry.newLocation === void 0) throw new IcebergError("INTERNAL", `journal entry ${entry.id} has no metadata file of ours, which the SQL catalog always has`);
    await this.ensureTable();
    await this.pool.query(
      `INSERT INTO ${JOURNAL_TABLE} (id, catalog_name, table_namespace, table_name, base_metadata_location, new_metadata_location, state, candidates)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.id, entry.table.catalog, entry.table.namespace, entry.table.name, entry.baseLocation, entry.newLocation, entry.state, JSON.stringify(entry.candidates)]
    );
  }
  async setState(id2, state) {
    await this.pool.query(`UPDATE ${JOURNAL_TABLE} SET state = $2 WHERE id = $1`, [id2, state]);
  }
  async setCandidates(id2, candidates) {
    if (candidates.length === 0) return this.finish(id2);
    await this.pool.query(`UPDATE ${JOURNAL_TABLE} SET candidates = $2 WHERE id = $1`, [id2, JSON.stringify(candidates)]);
  }
  async finish(id2) {
    await this.pool.query(`DELETE FROM ${JOURNAL_TABLE} WHERE id = $1`, [id2]);
  }
};

// src/iceberg/job/expire.ts
async function expire(options6, deps) {
  if ("rest" in options6) return expireThroughRest(options6, deps);
  const catalogPool = openCatalogPool(options6.connection);
  const { files } = options6;
  const io = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, files.s3, files.maxConcurrentDeletes);
  try {
    const catalog = new PostgresSqlCatalog(catalogPool.pool, options6.selection.catalogName);
    await checkCatalog(catalogPool.pool, catalog, options6.selection, options6.connection.display);
    const journal = new PostgresCleanupJournal(catalogPool.pool);
    if (!options6.dryRun) await journal.prepare();
    return await runExpiration(options6, { catalog, io, journal, ...deps });
  } finally {
    io.close();
    await catalogPool.close();
  }
}

// src/cli/options/instant.ts
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
var DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
var INSTANT_HINT = "use an ISO 8601 date (2026-11-20, midnight UTC) or date-time with a zone (2026-11-20T02:00:00Z)";
function parseInstant(text) {
  const date = DATE.exec(text);
  if (date) return checked(Number(date[1]), Number(date[2]), Number(date[3]), 0, 0, 0, 0, "Z");
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) {
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) throw new InvalidValue("has no time zone", "add Z (UTC) or an offset such as +10:00");
    throw new InvalidValue("is not an ISO 8601 date or date-time", INSTANT_HINT);
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = dateTime;
  const ms = fraction ? Math.floor(Number(`0${fraction}`) * 1e3) : 0;
  return checked(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms, zone);
}
function checked(y, mo, d, h, mi, s, ms, zone) {
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(utc);
  const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  if (!real) throw new InvalidValue("is not a real date or time", INSTANT_HINT);
  if (zone === "Z") return utc;
  const sign = zone.startsWith("-") ? -1 : 1;
  const [oh, om] = zone.slice(1).split(":").map(Number);
  if (oh > 23 || om > 59) throw new InvalidValue(`has an impossible offset ${zone}`, INSTANT_HINT);
  return utc - sign * (oh * 60 + om) * 6e4;
}
var instantValue = (text) => new Date(parseInstant(text));

// src/cli/commands/metrics-expire-snapshots.ts
var SPARK_KIND = {
  data: "data",
  "position-deletes": "position_delete",
  "deletion-vectors": "position_delete",
  "equality-deletes": "equality_delete",
  manifests: "manifest",
  "manifest-lists": "manifest_list",
  statistics: "statistics"
};
function expireSnapshotsMetrics(run2) {
  return run2.tables.flatMap((table) => tableMetrics(table));
}
function tableMetrics(summary3) {
  const { table } = summary3;
  const deleted = new Map(EXPIRE_FILE_KINDS.map((kind) => [kind, 0]));
  if (!summary3.dryRun) {
    for (const [kind, { count: count2 }] of Object.entries(summary3.files)) {
      const spark = SPARK_KIND[kind];
      if (spark !== void 0) deleted.set(spark, (deleted.get(spark) ?? 0) + count2);
    }
  }
  const committed = !summary3.dryRun && summary3.metadataLocation !== void 0;
  const undeletable = summary3.deleteFailures.filter((failure3) => failure3.notAttempted !== true).length;
  return [
    ...[...deleted].map(([kind, count2]) => sample("expireFilesDeleted", count2, { table, kind })),
    // Planned snapshots count only once committed: a table that failed before its commit expired none.
    sample("expireSnapshotsExpired", committed ? summary3.expiredSnapshotIds.length : 0, { table }),
    sample("expireUndeletable", summary3.dryRun ? 0 : undeletable, { table })
  ];
}

// src/cli/commands/iceberg-values.ts
import { resolve as resolve5 } from "node:path";

// src/iceberg/catalog/rest/settings.ts
var DEFAULT_SCOPE = "catalog";

// src/cli/options/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 7 * 864e5 };
var DURATION = /^(\d+)(ms|s|m|h|d|w)$/;
function tryParseDuration(text) {
  const match = DURATION.exec(text);
  if (match === null) return void 0;
  const ms = Number(match[1]) * UNIT_MS[match[2]];
  return Number.isSafeInteger(ms) ? ms : void 0;
}
var DURATION_HINT = "use a whole number and one of the units ms, s, m, h, d, w (e.g. 90d, 36h, 15m)";
function durationValue(options6 = {}) {
  return (text) => {
    const ms = tryParseDuration(text);
    if (ms === void 0) throw new InvalidValue("is not a duration", DURATION_HINT);
    if (options6.minMs !== void 0 && ms < options6.minMs) throw new InvalidValue(`is shorter than the least allowed, ${options6.minMs} ms`);
    return ms;
  };
}

// src/cli/commands/iceberg-values.ts
var olderThanValue = (text) => {
  const ms = tryParseDuration(text);
  if (ms !== void 0) return { kind: "age", ms };
  if (/^\d{4}-/.test(text)) return { kind: "instant", ms: parseInstant(text) };
  throw new InvalidValue("is neither a duration nor an ISO 8601 instant", `${DURATION_HINT}, or a date-time with a zone`);
};
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var snapshotIdValue = (text) => {
  const trimmed = text.trim();
  const id2 = /^-?\d{1,19}$/.test(trimmed) ? BigInt(trimmed) : void 0;
  if (id2 === void 0 || id2 < INT64_MIN || id2 > INT64_MAX) throw new InvalidValue("is not a 64-bit snapshot id", "give the decimal snapshot-id from the table metadata, e.g. 9158179788527662767");
  return id2.toString();
};
var S3_TARGET = /^s3[an]?:\/\//;
var locationMappingValue = async (text, context2) => {
  const at2 = text.lastIndexOf("=");
  if (at2 <= 0 || at2 === text.length - 1) throw new InvalidValue("is not PREFIX=TARGET", "e.g. --map-location s3a://bucket/warehouse=/mnt/warehouse");
  const prefix = text.slice(0, at2);
  const target = text.slice(at2 + 1);
  if (S3_TARGET.test(target)) return { prefix, target };
  try {
    return { prefix, target: await checkPath(resolve5(context2.cwd, target), "dir") };
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new InvalidValue(`has a target that ${error.reason}`, error.hint ?? "give an existing directory (or an s3:// location) after =");
  }
};
var PASSWORD_FROM = "PGPASSWORD, or in ICEBERG_CATALOG_URI or DATABASE_URL";
var flagUri = postgresUriValue({ allowPassword: false, passwordFrom: PASSWORD_FROM });
var variableUri = postgresUriValue({ allowPassword: true, passwordFrom: PASSWORD_FROM });
function withoutJdbc(text) {
  return text.startsWith("jdbc:") ? text.slice(5) : text;
}
var REST_CREDENTIALS_FROM = "GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret) or GUARDRAILS_ICEBERG_REST_TOKEN";
var restUri = urlValue({ credentialsFrom: REST_CREDENTIALS_FROM });
var isHttp = (text) => /^https?:\/\//i.test(text.trim());
function displayCatalogUri(text) {
  return isHttp(text) ? displayUrl(text) : displayPostgresUri(withoutJdbc(text));
}
var catalogUriValue = async (text, context2) => {
  if (isHttp(text)) return restUri(text, context2);
  const uri = await flagUri(withoutJdbc(text), context2);
  if (new URL(uri).searchParams.has("password")) throw new InvalidValue("holds a password", `put it in ${PASSWORD_FROM}, never on the command line`);
  return uri;
};
var SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];
var sslModeValue = enumValue(SSL_MODES);
function checked2(command2, where2, text, parse5) {
  try {
    return parse5(text);
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new UsageError(`${where2} ${JSON.stringify(text)} ${error.reason}${error.hint ? `; ${error.hint}` : ""}`, command2);
  }
}
function set(env, name) {
  const value = env[name];
  return value === void 0 || value === "" ? void 0 : value;
}
async function catalogUri(command2, flag2, env) {
  if (flag2 !== void 0) return { uri: flag2, where: "--catalog-uri" };
  for (const name of ["ICEBERG_CATALOG_URI", "DATABASE_URL"]) {
    const text = set(env, name);
    if (text === void 0) continue;
    try {
      return { uri: await variableUri(withoutJdbc(text), { cwd: "." }), where: `$${name}` };
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      throw new UsageError(`$${name} ${JSON.stringify(displayCatalogUri(text))} ${error.reason}${error.hint ? `; ${error.hint}` : ""}`, command2);
    }
  }
  return void 0;
}
var NO_DATABASE = "no catalog database given: pass --catalog-uri postgres://USER@HOST:5432/DATABASE, or set ICEBERG_CATALOG_URI or DATABASE_URL (or PGHOST and PGUSER); the password goes in PGPASSWORD or in the variable's URI";
async function resolveConnection(command2, flags, env) {
  const given2 = await catalogUri(command2, flags.uri, env);
  const url2 = given2 === void 0 ? void 0 : new URL(given2.uri);
  const decode = (text) => text === void 0 || text === "" ? void 0 : decodeURIComponent(text);
  const host = url2?.searchParams.get("host") ?? decode(url2?.hostname.replace(/^\[|\]$/g, "")) ?? set(env, "PGHOST");
  const user = decode(url2?.username) ?? url2?.searchParams.get("user") ?? set(env, "PGUSER");
  if (given2 === void 0 && (host === void 0 || user === void 0)) throw new UsageError(NO_DATABASE, command2);
  const shown2 = given2 === void 0 ? `postgres://${user ?? ""}@${host ?? ""}` : displayPostgresUri(given2.uri);
  if (host === void 0) throw new UsageError(`${given2?.where} ${JSON.stringify(shown2)} names no host; give postgres://USER@HOST:5432/DATABASE (or set PGHOST)`, command2);
  if (user === void 0) throw new UsageError(`${given2?.where} ${JSON.stringify(shown2)} names no user; give postgres://USER@HOST:5432/DATABASE (or set PGUSER)`, command2);
  const portText = decode(url2?.port) ?? set(env, "PGPORT");
  const port = portText === void 0 ? void 0 : checked2(command2, url2?.port ? `${given2?.where} port` : "$PGPORT", portText, (t) => {
    if (!/^\d{1,5}$/.test(t) || Number(t) < 1 || Number(t) > 65535) throw new InvalidValue("is not a port number", "give 1-65535");
    return Number(t);
  });
  const uriSsl = url2?.searchParams.get("sslmode") ?? void 0;
  const envSsl = set(env, "PGSSLMODE");
  const sslMode = flags.sslMode ?? (uriSsl !== void 0 ? checked2(command2, `${given2?.where ?? "URI"} sslmode`, uriSsl, (t) => sslModeValue(t, { cwd: "." })) : void 0) ?? (envSsl !== void 0 ? checked2(command2, "$PGSSLMODE", envSsl, (t) => sslModeValue(t, { cwd: "." })) : void 0);
  const database = decode(url2?.pathname.slice(1)) ?? set(env, "PGDATABASE");
  const display = `postgres://${user}@${host}${port !== void 0 ? `:${port}` : ""}/${database ?? ""}`;
  return { host, port, user, database, password: decode(url2?.password) ?? url2?.searchParams.get("password") ?? set(env, "PGPASSWORD"), sslMode, poolSize: flags.poolSize, display };
}
var CATALOG_TYPES = ["sql", "rest"];
function checkCatalogFlags(command2, type, given2) {
  const refuse2 = (flag2, other) => {
    throw new UsageError(`${flag2} applies to --catalog-type ${other} only; drop it, or pass --catalog-type ${other}`, command2);
  };
  if (type === "sql" && given2.uri !== void 0 && isHttp(given2.uri)) {
    throw new UsageError(`--catalog-uri ${JSON.stringify(displayCatalogUri(given2.uri))} is an http(s) URI, which is a REST catalog; pass --catalog-type rest, or a postgres:// URI for the SQL catalog`, command2);
  }
  if (type === "rest" && given2.sslMode !== void 0) refuse2("--catalog-ssl-mode", "sql");
  if (type === "sql" && given2.warehouse !== void 0) refuse2("--catalog-warehouse", "rest");
  if (type === "sql" && given2.oauth2ServerUri !== void 0) refuse2("--catalog-oauth2-server-uri", "rest");
}
var NO_REST_URI = "no REST catalog URI given: pass --catalog-uri https://HOST/PATH (the base before /v1), or set ICEBERG_CATALOG_URI";
function restAuth(command2, env, serverUri) {
  const credential = set(env, "GUARDRAILS_ICEBERG_REST_CREDENTIAL");
  const token = set(env, "GUARDRAILS_ICEBERG_REST_TOKEN");
  if (credential !== void 0 && token !== void 0) {
    throw new UsageError("both GUARDRAILS_ICEBERG_REST_CREDENTIAL and GUARDRAILS_ICEBERG_REST_TOKEN are set; set only one (client credentials, or a bearer token)", command2);
  }
  if (token !== void 0) return { kind: "bearer", token };
  if (credential === void 0) return { kind: "none" };
  const at2 = credential.indexOf(":");
  const clientId = at2 < 0 ? "" : credential.slice(0, at2);
  const clientSecret = at2 < 0 ? credential : credential.slice(at2 + 1);
  if (clientSecret === "") throw new UsageError("$GUARDRAILS_ICEBERG_REST_CREDENTIAL has an empty secret; give client_id:client_secret", command2);
  return { kind: "oauth2", clientId, clientSecret, serverUri, scope: DEFAULT_SCOPE };
}
async function resolveRestSettings(command2, flags, env) {
  let uri = flags.uri;
  let where2 = "--catalog-uri";
  if (uri === void 0) {
    const text = set(env, "ICEBERG_CATALOG_URI");
    if (text === void 0) throw new UsageError(NO_REST_URI, command2);
    where2 = "$ICEBERG_CATALOG_URI";
    uri = text;
  }
  if (!isHttp(uri)) throw new UsageError(`${where2} ${JSON.stringify(displayCatalogUri(uri))} is not an http(s) URI; --catalog-type rest needs the catalog's base URI, e.g. https://catalog.example.com/api/catalog`, command2);
  let checkedUri;
  try {
    checkedUri = restUri(uri, { cwd: "." });
  } catch (error) {
    if (!(error instanceof InvalidValue)) throw error;
    throw new UsageError(`${where2} ${JSON.stringify(displayCatalogUri(uri))} ${error.reason}${error.hint ? `; ${error.hint}` : ""}`, command2);
  }
  return { uri: checkedUri, warehouse: flags.warehouse, auth: restAuth(command2, env, flags.oauth2ServerUri), requestTimeoutMs: 3e4 };
}

// src/cli/options/shard.ts
var shardValue = (text) => {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count2 = Number(match?.[2]);
  if (match === null || count2 < 1 || index >= count2) throw new InvalidValue("is not k/n with 0 <= k < n", "e.g. --shard 0/4 \u2026 --shard 3/4");
  return { index, count: count2 };
};

// src/cli/commands/iceberg-options.ts
var CATALOG_GROUP = "Catalog";
var FILES_GROUP = "Files";
var ICEBERG_ENVIRONMENT_NOTES = `Environment: ICEBERG_CATALOG_URI or DATABASE_URL (a URI that may hold the password), PGPASSWORD,
PGHOST, PGPORT, PGUSER, PGDATABASE, PGSSLMODE; S3 credentials from the AWS chain.
REST catalog: GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret, OAuth2 client credentials) or
GUARDRAILS_ICEBERG_REST_TOKEN (a bearer token); vended S3 credentials are used where offered.
Progress goes to stderr, reports to stdout.`;
var catalogOptions = {
  "catalog-type": option({ placeholder: "sql|rest", description: "sql: a PostgreSQL SQL catalog; rest: an Iceberg REST catalog (docs/iceberg-rest-catalog.md) (default sql)", env: "ICEBERG_CATALOG_TYPE", parse: enumValue(CATALOG_TYPES), fallback: "sql", group: CATALOG_GROUP }),
  "catalog-uri": option({
    placeholder: "URI",
    description: "sql: postgres://USER@HOST:5432/DATABASE, no password (default $ICEBERG_CATALOG_URI, then $DATABASE_URL, then PGHOST/PGUSER/\u2026); rest: https://HOST/PATH before /v1 (default $ICEBERG_CATALOG_URI)",
    parse: catalogUriValue,
    display: displayCatalogUri,
    group: CATALOG_GROUP
  }),
  "catalog-name": required2({ placeholder: "NAME", description: "catalog_name of the tables in iceberg_tables (rest: the name reports give the catalog)", env: "ICEBERG_CATALOG_NAME", parse: textValue(), group: CATALOG_GROUP }),
  "catalog-warehouse": option({ placeholder: "WAREHOUSE", description: "rest: the warehouse to ask /v1/config for", env: "ICEBERG_CATALOG_WAREHOUSE", parse: textValue(), group: CATALOG_GROUP }),
  "catalog-oauth2-server-uri": option({ placeholder: "URL", description: "rest: the OAuth2 token endpoint for GUARDRAILS_ICEBERG_REST_CREDENTIAL (default the catalog's /v1/oauth/tokens)", env: "GUARDRAILS_ICEBERG_REST_OAUTH2_SERVER_URI", parse: urlValue({ credentialsFrom: "GUARDRAILS_ICEBERG_REST_CREDENTIAL" }), group: CATALOG_GROUP }),
  "catalog-ssl-mode": option({ placeholder: "MODE", description: `${SSL_MODES.join(", ")} (default: sslmode in the URI, else $PGSSLMODE)`, parse: enumValue(SSL_MODES), group: CATALOG_GROUP }),
  "catalog-pool-size": option({ placeholder: "N", description: "PostgreSQL connections, 1-64 (default 4)", parse: intValue(1, 64), fallback: 4, group: CATALOG_GROUP }),
  namespace: option({ placeholder: "NS", description: "Only this namespace (levels joined with '.')", parse: textValue(), group: CATALOG_GROUP }),
  table: option({ placeholder: "NAME", description: "Only this table", parse: textValue(), group: CATALOG_GROUP }),
  shard: option({ placeholder: "K/N", description: "Only tables hashing to shard K of N (K from 0), for matrix and indexed jobs (default 0/1)", parse: shardValue, fallback: { index: 0, count: 1 }, group: CATALOG_GROUP })
};
var fileOptions = {
  warehouse: option({ placeholder: "DIR", description: "Base for relative table locations (default: the working directory)", parse: pathValue("dir"), group: FILES_GROUP }),
  "map-location": repeatable({ placeholder: "PREFIX=TARGET", description: "Read, list and delete PREFIX/\u2026 under TARGET instead; with any mapping, nothing outside is touched", parse: locationMappingValue, group: FILES_GROUP }),
  "s3-endpoint": option({ placeholder: "URL", description: "S3-compatible endpoint (MinIO, Ceph, \u2026); credentials from the AWS chain", env: "AWS_ENDPOINT_URL_S3", parse: urlValue({ credentialsFrom: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the AWS credential chain)" }), group: FILES_GROUP }),
  "s3-region": option({ placeholder: "REGION", description: "S3 region (default us-east-1)", env: "AWS_REGION", parse: textValue(/^[a-z0-9-]+$/, "an AWS region such as eu-west-1"), group: FILES_GROUP }),
  "s3-path-style": flag("Path-style S3 requests (most S3-compatible stores)", { group: FILES_GROUP }),
  "max-concurrent-deletes": option({ placeholder: "N", description: "Parallel deletes or DeleteObjects batches of 1,000, 1-256 (default 16)", parse: intValue(1, 256), fallback: 16, group: FILES_GROUP })
};
function fileSettingsOf(values, cwd) {
  return {
    warehouse: values.warehouse ?? cwd,
    locationMappings: values["map-location"],
    s3: { endpoint: values["s3-endpoint"], region: values["s3-region"], forcePathStyle: values["s3-path-style"] },
    maxConcurrentDeletes: values["max-concurrent-deletes"]
  };
}

// src/cli/commands/expire-snapshots.ts
var COMMAND = "expire-snapshots";
var RETENTION = "Retention";
var OUTPUT2 = "Output";
var expireSnapshotsCommand = defineCommand({
  name: COMMAND,
  summary: "Expire old Iceberg snapshots in a PostgreSQL SQL catalog and delete files nothing kept needs",
  usage: ["expire-snapshots --catalog-name NAME [--catalog-uri URI] [--namespace NS] [--table NAME] [--older-than AGE|INSTANT] [--retain-last N] [--dry-run] [--format text|json]"],
  description: `Expires old snapshots of the tables of an Iceberg SQL catalog in PostgreSQL (JdbcCatalog or
PyIceberg SqlCatalog, V0 or V1 schema), then deletes the files no kept snapshot can reach. Plan,
prove every kept manifest readable, commit with compare-and-swap, then delete; a table that cannot
be expired safely is reported and the others still run.

Before any write it checks that the database answers, that it holds iceberg_tables, and that
--catalog-name, --namespace and --table match at least one table (else it lists the names there).
On SIGINT or SIGTERM it starts no new commit and no new delete, lets requests in flight settle,
removes a metadata file it wrote but did not commit, and says what was done and what was not; a
table already committed leaves its remaining deletes to the next run.`,
  options: {
    ...catalogOptions,
    "older-than": option({
      placeholder: "AGE|INSTANT",
      description: "Expire snapshots older than 90d, 36h, \u2026 before --now, or than an ISO 8601 instant (default: history.expire.max-snapshot-age-ms, else 90d)",
      parse: olderThanValue,
      group: RETENTION
    }),
    "retain-last": option({ placeholder: "N", description: "Keep at least N snapshots per branch, 1-1000000 (default: history.expire.min-snapshots-to-keep, else 1)", parse: intValue(1, 1e6), group: RETENTION }),
    "expire-snapshot-id": repeatable({ placeholder: "ID", description: "Also expire this snapshot; refused when a kept branch or tag points at it", parse: snapshotIdValue, group: RETENTION }),
    "clean-expired-metadata": flag("Also remove partition specs and schemas no kept snapshot uses (Iceberg Java 1.11 cleanExpiredMetadata)", { group: RETENTION }),
    now: option({ placeholder: "INSTANT", description: "Measure ages from this ISO 8601 instant instead of the clock", parse: instantValue, group: RETENTION }),
    ...fileOptions,
    "dry-run": flag("Print the plan (snapshots, files, bytes); write, commit and delete nothing", { group: OUTPUT2 }),
    format: { ...jobFormatOption, placeholder: "text|json", description: "text (default), or json: one versioned JSON document on stdout (docs/iceberg-expiration.md)", group: OUTPUT2 },
    "summary-markdown": option({ placeholder: "FILE", description: "Append a Markdown summary with Mermaid charts, e.g. $GITHUB_STEP_SUMMARY", parse: pathValue("writable-file"), group: OUTPUT2 })
  },
  exits: {
    ok: "every selected table expired (or had nothing to expire)",
    failed: "at least one table failed, or a signal stopped the run",
    unavailable: "the catalog database cannot be reached"
  },
  notes: ICEBERG_ENVIRONMENT_NOTES,
  async run(values, { io, signal, now, recordMetrics }) {
    const type = values["catalog-type"];
    checkCatalogFlags(COMMAND, type, { uri: values["catalog-uri"], sslMode: values["catalog-ssl-mode"], warehouse: values["catalog-warehouse"], oauth2ServerUri: values["catalog-oauth2-server-uri"] });
    const json = values.format === "json";
    const dryRun = values["dry-run"];
    const options6 = {
      selection: { catalogName: values["catalog-name"], namespace: values.namespace, table: values.table },
      shard: values.shard,
      retention: { olderThan: values["older-than"], retainLast: values["retain-last"], expireSnapshotIds: values["expire-snapshot-id"] },
      dryRun,
      cleanExpiredMetadata: values["clean-expired-metadata"],
      now: (values.now ?? now()).getTime(),
      files: fileSettingsOf(values, io.cwd)
    };
    const deps = {
      signal,
      log: (line2) => io.stderr.write(`${line2}
`),
      ...json ? {} : { onTable: (summary3) => io.stdout.write(`${renderTableText(summary3)}
`) }
    };
    const catalog = type === "rest" ? { rest: await resolveRestSettings(COMMAND, { uri: values["catalog-uri"], warehouse: values["catalog-warehouse"], oauth2ServerUri: values["catalog-oauth2-server-uri"] }, io.env) } : { connection: await resolveConnection(COMMAND, { uri: values["catalog-uri"], sslMode: values["catalog-ssl-mode"], poolSize: values["catalog-pool-size"] }, io.env) };
    const result = await expire({ ...options6, ...catalog }, deps);
    recordMetrics?.(expireSnapshotsMetrics(result));
    if (values["summary-markdown"] !== void 0) await appendFile(values["summary-markdown"], renderGithubSummary(result.tables, heading(result)));
    for (const line2 of renderRunOutcome(result)) io.stderr.write(`${line2}
`);
    const code = result.stopped || result.tables.some((t) => t.status === "failed" || t.status === "stopped") ? EXIT.FAILED : EXIT.OK;
    if (json) writeJobJson(io, "expire-snapshots", code, { ...result });
    return code;
  }
});
function heading(run2) {
  return `Snapshot expiration, shard ${run2.shard.index}/${run2.shard.count}${run2.dryRun ? " (dry run)" : ""}${run2.stopped ? " (stopped by a signal)" : ""}`;
}

// src/postmortem/github/offline.ts
var OfflineTracker = class {
  async listIssuesByLabel() {
    return [];
  }
  async listComments() {
    return [];
  }
  /** Unknown offline; assume yes so the plan shows the mapped assignees. */
  async isAssignable() {
    return true;
  }
  async readFile() {
    return void 0;
  }
  createIssue() {
    return this.refuse();
  }
  updateIssue() {
    return this.refuse();
  }
  addComment() {
    return this.refuse();
  }
  ensureBranch() {
    return this.refuse();
  }
  writeFile() {
    return this.refuse();
  }
  ensurePullRequest() {
    return this.refuse();
  }
  async refuse() {
    throw new FollowupsError("config", "no GitHub token: set GITHUB_TOKEN (or GH_TOKEN)");
  }
};

// src/postmortem/sync/checkbox.ts
var BOX = /^(\s*[-*+]\s+\[)([ xX])(\]\s*)(.*)$/;
function setCheckbox(text, line2, key, incidentId, done, textOf) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines2 = text.split(/\r?\n/);
  const matches = (i) => {
    const m2 = BOX.exec(lines2[i] ?? "");
    return m2 !== null && itemKey(incidentId, textOf(m2[4])) === key;
  };
  let index = matches(line2 - 1) ? line2 - 1 : -1;
  if (index < 0) index = lines2.findIndex((_, i) => matches(i));
  if (index < 0) return { ok: false, reason: `the item is no longer in the file (looked at line ${line2} and by text)` };
  const m = BOX.exec(lines2[index]);
  const wanted = done ? "x" : " ";
  if (m[2] === " " === !done) return { ok: true, text, changed: false };
  lines2[index] = `${m[1]}${wanted}${m[3]}${m[4]}`;
  return { ok: true, text: lines2.join(eol), changed: true };
}

// src/postmortem/apply/writeback.ts
async function writeBack(ticks, deps) {
  const { tracker, config: config2, log, signal } = deps;
  const { mode: mode2, branch } = config2.writeback;
  if (ticks.length === 0) return { files: [], warnings: [], notDone: [] };
  if (mode2 === "off") return { files: [], warnings: [`${ticks.length} checkbox change(s) not written: followups.writeback.mode is off`], notDone: [] };
  const files = [];
  const warnings = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const t of ticks) byFile.set(t.file, [...byFile.get(t.file) ?? [], t]);
  const stopped3 = (left) => ({ files, warnings, notDone: [...left] });
  try {
    if (signal.aborted) return stopped3(ticks);
    if (branch !== config2.defaultBranch) await tracker.ensureBranch(branch, config2.defaultBranch);
    const pending = [...byFile];
    while (pending.length > 0) {
      if (signal.aborted) return stopped3(pending.flatMap(([, t]) => t));
      const [file, fileTicks] = pending[0];
      await writeFileTicks(file, fileTicks, deps, files, warnings);
      pending.shift();
    }
    if (mode2 !== "pr" || files.length === 0 || branch === config2.defaultBranch) return { files, warnings, notDone: [] };
    if (signal.aborted) {
      warnings.push(`the pull request from ${branch} to ${config2.defaultBranch} was not opened (stopped); open it by hand`);
      return { files, warnings, notDone: [] };
    }
    const pullRequest = await tracker.ensurePullRequest({
      branch,
      base: config2.defaultBranch,
      title: "Post-mortem follow-ups: sync checkboxes with issues",
      body: "Ticks the follow-up items whose issues were closed and unticks reopened ones. Generated by `guardrails followups`."
    });
    log(`checkbox changes: ${pullRequest}`);
    return { files, pullRequest, warnings, notDone: [] };
  } catch (e) {
    if (!(e instanceof WriteNotStarted)) throw e;
    const written = new Set(files);
    return stopped3(ticks.filter((t) => !written.has(t.file)));
  }
}
async function writeFileTicks(file, fileTicks, deps, files, warnings) {
  const { branch } = deps.config.writeback;
  const remote = await deps.tracker.readFile(file, branch);
  if (!remote) {
    warnings.push(`${file}: not found on branch ${branch}; checkboxes not updated`);
    return;
  }
  let text = remote.text;
  for (const t of fileTicks) {
    const r = setCheckbox(text, t.line, t.key, t.incidentId, t.done, actionTextOf);
    if (r.ok) text = r.text;
    else warnings.push(`${file}:${t.line}: cannot ${t.done ? "tick" : "untick"} the box of issue #${t.issue}: ${r.reason}`);
  }
  if (text === remote.text) return;
  const summary3 = fileTicks.map((t) => `${t.done ? "tick" : "untick"} #${t.issue}`).join(", ");
  await deps.tracker.writeFile({ path: file, branch, text, sha: remote.sha, message: `post-mortem follow-ups: ${summary3}` });
  deps.log(`${file}: ${summary3} on ${branch}`);
  files.push(file);
}

// src/postmortem/apply/apply.ts
async function applyPlan2(plan, deps) {
  const result = { created: [], updated: [], closed: [], commented: [], warnings: [] };
  const notDone = [];
  const issueOps = plan.operations.filter((o) => o.kind !== "tick");
  for (const op of issueOps) {
    if (deps.signal.aborted) {
      notDone.push(op);
      continue;
    }
    try {
      await applyOne2(op, deps, result);
    } catch (e) {
      if (!(e instanceof WriteNotStarted)) throw e;
      notDone.push(op);
    }
  }
  const ticks = plan.operations.filter((o) => o.kind === "tick");
  const wb = await writeBack(ticks, deps);
  notDone.push(...wb.notDone);
  return { ...result, writeback: wb, warnings: [...result.warnings, ...wb.warnings], notDone, stopped: deps.signal.aborted };
}
async function applyOne2(op, deps, result) {
  const { tracker, log } = deps;
  if (op.kind === "create") {
    const created = await applyCreate(op, deps, result);
    result.created.push(created);
    log(`created #${created.number} ${created.url}${created.recovered ? " (found after an unknown create outcome)" : ""}`);
  } else if (op.kind === "update") {
    await tracker.updateIssue(op.issue, op.changes);
    result.updated.push(op.issue);
    log(`updated #${op.issue} (${op.reasons.join(", ")})`);
    if (op.needsOwnerComment) await commentAfter(op.issue, op.needsOwnerComment, deps, result);
  } else if (op.kind === "close") {
    await tracker.updateIssue(op.issue, { state: "closed", stateReason: op.stateReason });
    result.closed.push(op.issue);
    log(`closed #${op.issue} (${op.reason})`);
  } else {
    await tracker.addComment(op.issue, op.body);
    result.commented.push(op.issue);
    log(`commented on #${op.issue} (${op.purpose})`);
  }
}
async function applyCreate(op, deps, result) {
  const { tracker, config: config2, log } = deps;
  let issue = op.issue;
  let comment = op.needsOwnerComment;
  let outcome = await createOnce(op, issue, tracker, config2);
  if (!outcome.ok && outcome.reason === "assignees-rejected") {
    log(`GitHub refused assignees ${issue.assignees.join(", ")} for "${issue.title}" (422); creating it with ${config2.labels.needsOwner}`);
    comment = `GitHub refused to assign ${issue.assignees.map((a) => `@${a}`).join(", ")} (422: not assignable in this repository). Labelled \`${config2.labels.needsOwner}\` until someone takes it.`;
    issue = { ...issue, assignees: [], labels: [.../* @__PURE__ */ new Set([...issue.labels, config2.labels.needsOwner])] };
    outcome = await createOnce(op, issue, tracker, config2);
  }
  if (!outcome.ok) {
    throw new FollowupsError(
      "unknown-outcome",
      `creating "${issue.title}" failed twice (${outcome.detail})`,
      "Rerun the job: it lists existing issues first and will not duplicate"
    );
  }
  if (comment) await commentAfter(outcome.issue.number, comment, deps, result);
  return { key: op.key, number: outcome.issue.number, url: outcome.issue.url, recovered: "recovered" in outcome };
}
async function commentAfter(issue, body, deps, result) {
  const skipped = `issue #${issue}: the needs-owner comment was not posted (stopped); post it by hand or wait for the next reminder`;
  if (deps.signal.aborted) {
    result.warnings.push(skipped);
    return;
  }
  try {
    await deps.tracker.addComment(issue, body);
  } catch (e) {
    if (!(e instanceof WriteNotStarted)) throw e;
    result.warnings.push(skipped);
  }
}
async function createOnce(op, issue, tracker, config2) {
  const first = await tracker.createIssue(issue);
  if (first.ok || first.reason !== "unknown-outcome") return first;
  const existing = findByKey(await tracker.listIssuesByLabel(config2.labels.base), op.key);
  if (existing) return { ok: true, issue: existing, recovered: true };
  return tracker.createIssue(issue);
}
function findByKey(issues, key) {
  const missing = key.startsWith("missing:") ? key.slice("missing:".length).toLowerCase() : void 0;
  return issues.find((i) => missing !== void 0 ? readMissingMarker(i.body)?.toLowerCase() === missing : readActionMarker(i.body)?.key === key);
}

// src/postmortem/sync/owners.ts
function mappingFor(owner, owners) {
  const wanted = owner.trim().toLowerCase();
  for (const [name, mapping] of Object.entries(owners)) if (name.trim().toLowerCase() === wanted) return mapping;
  const direct = /^@([A-Za-z0-9-]+)$/.exec(owner.trim());
  return direct ? { users: [direct[1]], team: void 0 } : void 0;
}
function candidateLogins(owner, owners) {
  return (mappingFor(owner, owners)?.users ?? []).map((u) => u.replace(/^@/, ""));
}
function resolveOwner(owner, owners, assignable) {
  const mapping = mappingFor(owner, owners);
  const team2 = mapping?.team?.replace(/^@/, "");
  if (!mapping) {
    return {
      assignees: [],
      needsOwner: true,
      ...team2 ? { team: team2 } : {},
      reason: `owner "${owner}" is not mapped to GitHub users; add it under followups.owners in guardrails.yaml`
    };
  }
  const users = mapping.users.map((u) => u.replace(/^@/, ""));
  const assignees = users.filter((u) => assignable.get(u) === true);
  if (assignees.length > 0) return { assignees, needsOwner: false, ...team2 ? { team: team2 } : {} };
  const reason = users.length === 0 ? `owner "${owner}" maps to team @${team2} only, and teams cannot be assigned; add users to followups.owners` : `none of ${users.map((u) => `@${u}`).join(", ")} (owner "${owner}") can be assigned in this repository; give them access or change followups.owners`;
  return { assignees: [], needsOwner: true, reason, ...team2 ? { team: team2 } : {} };
}

// src/postmortem/apply/facts.ts
async function gatherFacts(tracker, reports, config2, now, incidents) {
  const issues = await tracker.listIssuesByLabel(config2.labels.base);
  const logins = [...new Set(reports.flatMap((r) => r.actions.flatMap((a) => candidateLogins(a.owner, config2.owners))))];
  const assignable = new Map(await Promise.all(logins.map(async (l) => [l, await tracker.isAssignable(l)])));
  const lastReminders = await readLastReminders(tracker, issues, now.toISOString().slice(0, 10));
  return { reports, issues, assignable, lastReminders, now, ...incidents ? { incidents } : {} };
}
async function readLastReminders(tracker, issues, today) {
  const overdue = issues.filter((i) => {
    const due = i.state === "open" ? readActionMarker(i.body)?.due : void 0;
    return due !== void 0 && due !== "" && due < today;
  });
  const entries = await Promise.all(
    overdue.map(async (issue) => {
      const dates = (await tracker.listComments(issue.number)).map((c) => readReminderMarker(c.body)).filter((d) => !!d);
      return [issue.number, dates.sort().at(-1)];
    })
  );
  return new Map(entries.filter((e) => e[1] !== void 0));
}

// src/postmortem/sync/match.ts
function keyItems(reports) {
  return reports.flatMap((report) => report.actions.map((item) => ({ report, item, key: itemKey(report.incidentId, item.text) })));
}
function pairItems(items, issues) {
  const marked = issues.map((issue) => ({ issue, marker: readActionMarker(issue.body) })).filter((m) => m.marker !== void 0).sort((a, b) => a.issue.number - b.issue.number);
  const byKey = /* @__PURE__ */ new Map();
  const duplicates = [];
  for (const { issue, marker } of marked) {
    if (byKey.has(marker.key)) duplicates.push(issue);
    else byKey.set(marker.key, issue);
  }
  const currentKeys = new Set(items.map((i) => i.key));
  const free = marked.filter((m) => !currentKeys.has(m.marker.key) && !duplicates.includes(m.issue));
  const pairs = items.map((item) => {
    const issue = byKey.get(item.key);
    if (issue) return { item, issue, rekeyed: false };
    const orphan = takeOrphan(item, free);
    return orphan ? { item, issue: orphan, rekeyed: true } : { item, rekeyed: false };
  });
  return { pairs, orphans: free.map((f) => f.issue), duplicates };
}
function takeOrphan(item, free) {
  const same = free.filter((f) => f.marker.incident === item.report.incidentId && f.marker.src === item.report.file);
  const byPosition = same.find((f) => f.marker.item === item.item.ordinal);
  const best = byPosition ?? mostSimilar(item.item.text, same);
  if (!best) return void 0;
  free.splice(free.indexOf(best), 1);
  return best.issue;
}
function mostSimilar(text, candidates) {
  const words = new Set(normaliseText(text).split(" "));
  let best;
  let bestScore = 0.5;
  for (const c of candidates) {
    const other = new Set(normaliseText(c.issue.title.replace(/^\[[^\]]*\]\s*/, "")).split(" "));
    const shared = [...words].filter((w) => other.has(w)).length;
    const score = shared / Math.max(words.size, other.size);
    if (score >= bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

// src/postmortem/report/metrics.ts
function computeMetrics(reports, issues, now) {
  const today = now.toISOString().slice(0, 10);
  const statuses = pairItems(keyItems(reports), issues).pairs.map(({ item, issue }) => {
    const closed = issue?.state === "closed";
    const done = closed || item.item.done && issue?.state !== "open" || item.item.done && !issue;
    return {
      severity: item.report.severity ?? "unknown",
      owner: item.item.owner,
      due: item.item.due,
      done,
      ...closed && issue?.closedAt ? { doneOn: issue.closedAt.slice(0, 10) } : {}
    };
  });
  const group = (keyOf3) => {
    const out = {};
    for (const s of statuses) out[keyOf3(s)] = add(out[keyOf3(s)] ?? empty(), s, today);
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, finish(t)]));
  };
  const trend = Object.entries(group((s) => s.due.slice(0, 7))).filter(([month]) => month <= today.slice(0, 7)).map(([month, t]) => ({ month, ...t }));
  return {
    totals: finish(statuses.reduce((t, s) => add(t, s, today), empty())),
    bySeverity: group((s) => s.severity),
    byOwner: group((s) => s.owner),
    trend
  };
}
function empty() {
  return { total: 0, open: 0, done: 0, overdue: 0, onTime: 0, eligible: 0, onTimePct: null };
}
function add(t, s, today) {
  const late = !s.done && s.due < today;
  const onTime = s.done && s.doneOn !== void 0 && s.doneOn <= s.due;
  const eligible = s.done && s.doneOn !== void 0 || late || s.done && s.due < today;
  return {
    total: t.total + 1,
    open: t.open + (s.done ? 0 : 1),
    done: t.done + (s.done ? 1 : 0),
    overdue: t.overdue + (late ? 1 : 0),
    onTime: t.onTime + (onTime ? 1 : 0),
    eligible: t.eligible + (eligible ? 1 : 0),
    onTimePct: null
  };
}
function finish(t) {
  return { ...t, onTimePct: t.eligible === 0 ? null : Math.round(t.onTime / t.eligible * 1e3) / 10 };
}

// src/postmortem/report/summary.ts
function buildReport(f) {
  const operations = { create: 0, update: 0, close: 0, comment: 0, tick: 0 };
  for (const op of f.plan.operations) operations[op.kind] = (operations[op.kind] ?? 0) + 1;
  return { generatedAt: f.now.toISOString(), dryRun: f.dryRun, stopped: f.stopped, metrics: f.metrics, operations, problems: f.problems, drift: f.plan.drift };
}
var pct = (t) => t.onTimePct === null ? "\u2013" : `${t.onTimePct}%`;
var row2 = (name, t) => `| ${name.replace(/\|/g, "\\|")} | ${t.open} | ${t.done} | ${t.overdue} | ${pct(t)} |`;
var HEAD = ["| | Open | Done | Overdue | Done on time |", "|---|---:|---:|---:|---:|"];
function renderSummary(r) {
  const m = r.metrics;
  const ops = Object.entries(r.operations).map(([k, n]) => `${n} ${k}`).join(", ");
  const out = [
    `## Post-mortem follow-ups${r.dryRun ? " (dry run)" : ""}`,
    "",
    `${m.totals.total} items: ${m.totals.open} open, ${m.totals.done} done, ${m.totals.overdue} overdue; ${pct(m.totals)} done on time. ${r.dryRun ? "Would do" : r.stopped ? "Planned, stopped by a signal before all were done" : "Done"}: ${ops}.`,
    "",
    "### By severity",
    "",
    ...HEAD,
    ...Object.entries(m.bySeverity).map(([k, t]) => row2(k, t)),
    "",
    "### By owner",
    "",
    ...HEAD,
    ...Object.entries(m.byOwner).map(([k, t]) => row2(k, t))
  ];
  if (m.trend.some((t) => t.onTimePct !== null)) out.push("", "### On-time trend", "", ...trendChart(m));
  if (r.problems.length > 0) out.push("", `### Items that could not be read (${r.problems.length})`, "", ...r.problems.map((p) => `- \`${formatProblem(p)}\``));
  if (r.drift.length > 0) out.push("", "### Drift", "", ...r.drift.map((d) => `- #${d.issue}: ${d.reason}`));
  return `${out.join("\n")}
`;
}
function trendChart(m) {
  const months = m.trend.filter((t) => t.onTimePct !== null);
  const values = months.map((t) => t.onTimePct).join(", ");
  return [
    "```mermaid",
    "xychart-beta",
    '  title "Follow-ups done on time, by due month (%)"',
    `  x-axis [${months.map((t) => `"${t.month}"`).join(", ")}]`,
    '  y-axis "% on time" 0 --> 100',
    `  bar [${values}]`,
    `  line [${values}]`,
    "```"
  ];
}

// src/postmortem/sync/render.ts
var MAX_TITLE = 200;
var MAX_BODY = 6e4;
function actionTitle(report, item) {
  const title = `[${report.incidentId}] ${item.text.replace(/\s+/g, " ")}`;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}\u2026` : title;
}
function reportLink(ctx, file, line2) {
  const url2 = `${ctx.serverUrl}/${ctx.repo}/blob/${encodeURI(ctx.branch)}/${encodeURI(file)}${line2 ? `#L${line2}` : ""}`;
  return `[${file}${line2 ? ` line ${line2}` : ""}](${url2})`;
}
function actionBody(ctx, report, item, key, owner) {
  const marker = renderActionMarker({ key, incident: report.incidentId, src: report.file, item: item.ordinal, due: item.due });
  const who = [item.owner, owner.team ? `@${owner.team}` : "", ...owner.assignees.map((a) => `@${a}`)].filter(Boolean);
  const rows = [
    ["Owner", who.join(" \xB7 ")],
    ["Due", item.due],
    ["Incident", `${report.incidentId}${report.severity ? ` (${report.severity})` : ""}${report.date ? `, ${report.date}` : ""}`],
    ["Report", reportLink(ctx, report.file, item.line)],
    ...Object.entries(item.extra).map(([k, v]) => [k, v])
  ];
  const lines2 = [
    marker,
    `Follow-up action from the post-mortem **${report.title || report.incidentId}**.`,
    "",
    `> ${item.text}`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([k, v]) => `| ${k} | ${String(v).replace(/\|/g, "\\|")} |`),
    "",
    owner.needsOwner ? `**Needs an owner:** ${owner.reason}.
` : "",
    "_Close this issue when the action is done; the sync ticks its box in the report. Edit the action in the report: the next sync rewrites this description._"
  ];
  const body = lines2.filter((l, i) => l !== "" || lines2[i - 1] !== "").join("\n");
  return body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}

\u2026(truncated)` : body;
}
function needsOwnerComment(owner) {
  return `This follow-up has no assignee: ${owner.reason}. Labelled \`needs-owner\` until someone takes it.`;
}
function reminderComment(item, today, daysOverdue, owner) {
  const who = owner.assignees.map((a) => `@${a}`).join(" ") || (owner.team ? `@${owner.team}` : item.owner);
  return `${renderReminderMarker(today)}
Reminder: this follow-up was due on ${item.due} (${daysOverdue} day${daysOverdue === 1 ? "" : "s"} ago). ${who}, please close it when done, or change its due date in the report.`;
}
function missingTitle(incidentId) {
  return `[${incidentId}] Post-mortem missing`;
}
function missingBody(incident, hours, folder) {
  return [
    renderMissingMarker(incident.id),
    `Incident **${incident.id}**${incident.title ? ` (${incident.title})` : ""} is ${incident.severity} and happened on ${incident.date}.`,
    `The runbook requires a completed post-mortem within ${hours} hours; none was found under \`${folder}/\`.`,
    "",
    "A post-mortem counts as completed when its Timeline, Root Cause, Resolution and Impact sections have content and it has a Follow-Up Actions section. This issue closes itself once it does."
  ].join("\n");
}

// src/postmortem/sync/missing.ts
function incidentsFromReports(reports) {
  return reports.flatMap(
    (r) => r.severity && r.date ? [{ id: r.incidentId, severity: r.severity, start: r.date, title: r.title }] : []
  );
}
function planMissing(incidents, reports, issues, config2, now) {
  const rules = config2.missingPostmortems;
  if (!rules.enabled) return [];
  const completed = new Set(reports.filter((r) => r.completed).map((r) => r.incidentId.toLowerCase()));
  const existing = /* @__PURE__ */ new Map();
  for (const issue of issues) {
    const id2 = readMissingMarker(issue.body);
    if (id2 && !existing.has(id2.toLowerCase())) existing.set(id2.toLowerCase(), issue);
  }
  const ops = [];
  const seen = /* @__PURE__ */ new Set();
  for (const incident of incidents) {
    const id2 = incident.id.toLowerCase();
    if (seen.has(id2) || !rules.severities.includes(incident.severity)) continue;
    seen.add(id2);
    const issue = existing.get(id2);
    const overdue = now.getTime() > Date.parse(incident.start) + rules.withinHours * 36e5;
    if (completed.has(id2)) {
      if (issue?.state === "open") ops.push({ kind: "close", issue: issue.number, reason: "post-mortem completed", stateReason: "completed" });
    } else if (overdue && !issue) {
      ops.push({
        kind: "create",
        key: `missing:${incident.id}`,
        purpose: "missing-postmortem",
        issue: {
          title: missingTitle(incident.id),
          body: missingBody({ ...incident, date: incident.start.slice(0, 10) }, rules.withinHours, config2.reports),
          labels: [config2.labels.base, config2.labels.missing, `${config2.labels.severityPrefix}${incident.severity}`, `${config2.labels.incidentPrefix}${incident.id}`].map(clampLabel),
          assignees: []
        }
      });
    }
  }
  return ops;
}
function clampLabel(label2) {
  return label2.length > 50 ? label2.slice(0, 50) : label2;
}

// src/postmortem/sync/plan-types.ts
var PLAN_VERSION = 1;

// src/postmortem/sync/plan.ts
function planSync(facts, config2, ctx) {
  const items = keyItems(facts.reports);
  const { pairs, orphans, duplicates } = pairItems(items, facts.issues);
  const today = facts.now.toISOString().slice(0, 10);
  const operations = [];
  for (const { item, issue, rekeyed } of pairs) {
    const owner = resolveOwner(item.item.owner, config2.owners, facts.assignable);
    if (!issue) operations.push(...planNew(item, owner, config2, ctx));
    else operations.push(...planExisting(item, issue, owner, rekeyed, config2, ctx, facts, today));
  }
  const incidents = facts.incidents ?? incidentsFromReports(facts.reports);
  operations.push(...planMissing(incidents, facts.reports, facts.issues, config2, facts.now));
  const drift = [
    ...orphans.map((i) => ({ issue: i.number, reason: "its follow-up item is no longer in the report" })),
    ...duplicates.map((i) => ({ issue: i.number, reason: "duplicate of an older issue with the same item key" }))
  ];
  return { version: PLAN_VERSION, operations, drift };
}
function labelsFor(item, owner, config2) {
  const { labels } = config2;
  const out = [labels.base, `${labels.incidentPrefix}${item.report.incidentId}`];
  if (item.report.severity) out.splice(1, 0, `${labels.severityPrefix}${item.report.severity}`);
  if (owner.needsOwner) out.push(labels.needsOwner);
  return out.map(clampLabel);
}
function planNew(item, owner, config2, ctx) {
  if (item.item.done) return [];
  return [{
    kind: "create",
    key: item.key,
    purpose: "action-item",
    source: { file: item.report.file, line: item.item.line },
    issue: {
      title: actionTitle(item.report, item.item),
      body: actionBody(ctx, item.report, item.item, item.key, owner),
      labels: labelsFor(item, owner, config2),
      assignees: owner.assignees
    },
    ...owner.needsOwner ? { needsOwnerComment: needsOwnerComment(owner) } : {}
  }];
}
function planExisting(item, issue, owner, rekeyed, config2, ctx, facts, today) {
  const ops = [];
  const update = planUpdate(item, issue, owner, rekeyed, config2, ctx);
  if (update) ops.push(update);
  const state = planState(item, issue);
  if (state) ops.push(state);
  const reminder = planReminder(item, issue, owner, config2, facts, today);
  if (reminder && !state) ops.push(reminder);
  return ops;
}
function planUpdate(item, issue, owner, rekeyed, config2, ctx) {
  const title = actionTitle(item.report, item.item);
  const body = actionBody(ctx, item.report, item.item, item.key, owner);
  const wanted = labelsFor(item, owner, config2);
  const managed = (l) => [config2.labels.base, config2.labels.needsOwner].includes(l) || l.startsWith(config2.labels.severityPrefix) || l.startsWith(config2.labels.incidentPrefix);
  const labels = [...issue.labels.filter((l) => !managed(l)), ...wanted];
  const changes = {};
  const reasons = [];
  if (issue.title !== title) {
    changes.title = title;
    reasons.push(rekeyed ? "text edited" : "title");
  }
  if (issue.body !== body) {
    changes.body = body;
    reasons.push("description");
  }
  if (!sameSet(issue.labels, labels)) {
    changes.labels = labels;
    reasons.push("labels");
  }
  if (changes.body && owner.assignees.length > 0 && !sameSet(issue.assignees, owner.assignees)) {
    changes.assignees = owner.assignees;
    reasons.push("assignees");
  }
  if (reasons.length === 0) return void 0;
  const newlyNeedsOwner = owner.needsOwner && !issue.labels.includes(config2.labels.needsOwner);
  return {
    kind: "update",
    issue: issue.number,
    key: item.key,
    changes,
    reasons,
    ...newlyNeedsOwner ? { needsOwnerComment: needsOwnerComment(owner) } : {}
  };
}
function planState(item, issue) {
  const tick = (done) => ({
    kind: "tick",
    file: item.report.file,
    line: item.item.line,
    key: item.key,
    incidentId: item.report.incidentId,
    done,
    issue: issue.number
  });
  const canTick = item.item.form === "checkbox";
  if (issue.state === "closed" && !item.item.done) return canTick ? tick(true) : void 0;
  if (issue.state === "open" && item.item.done) {
    if (issue.stateReason === "reopened") return canTick ? tick(false) : void 0;
    return { kind: "close", issue: issue.number, reason: "ticked in the report", stateReason: "completed" };
  }
  return void 0;
}
function planReminder(item, issue, owner, config2, facts, today) {
  if (issue.state !== "open" || item.item.done) return void 0;
  const overdue = daysBetween(item.item.due, today);
  if (overdue <= 0) return void 0;
  const last = facts.lastReminders.get(issue.number);
  if (last && daysBetween(last, today) < config2.reminders.intervalDays) return void 0;
  return { kind: "comment", issue: issue.number, purpose: "reminder", body: reminderComment(item.item, today, overdue, owner) };
}
function sameSet(a, b) {
  const sa = new Set(a.map((x) => x.toLowerCase()));
  const sb = new Set(b.map((x) => x.toLowerCase()));
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

// src/postmortem/sync.ts
async function syncFollowups(options6, deps) {
  const { config: config2, reports, now } = options6;
  const facts = await gatherFacts(deps.tracker, reports, config2, now, options6.incidents);
  const plan = planSync(facts, config2, { repo: options6.repo ?? "OWNER/REPO", branch: config2.defaultBranch, serverUrl: options6.serverUrl });
  const metrics = computeMetrics(reports, facts.issues, now);
  const finish2 = (stopped3, notDone, applied2) => ({
    report: buildReport({ metrics, plan, problems: options6.problems, now, dryRun: options6.dryRun, stopped: stopped3 }),
    plan,
    stopped: stopped3,
    notDone,
    ...applied2 ? { applied: applied2 } : {}
  });
  if (options6.dryRun) return finish2(false, []);
  if (deps.signal.aborted) return finish2(plan.operations.length > 0, plan.operations);
  const applied = await applyPlan2(plan, { tracker: deps.tracker, config: config2, log: deps.progress, signal: deps.signal });
  return finish2(applied.stopped && applied.notDone.length > 0, applied.notDone, applied);
}

// src/cli/commands/metrics-followups.ts
var UNKNOWN = "unknown";
function followupsMetrics(report) {
  const tallies = report.metrics.bySeverity;
  const known = INCIDENT_SEVERITIES;
  const severities = [...INCIDENT_SEVERITIES, ...Object.keys(tallies).some((s) => !known.includes(s)) ? [UNKNOWN] : []];
  return severities.flatMap((severity) => {
    const keys = severity === UNKNOWN ? Object.keys(tallies).filter((s) => !known.includes(s)) : [severity];
    const sum = (field) => keys.reduce((n, key) => n + (tallies[key]?.[field] ?? 0), 0);
    const labels = { incident_severity: severity };
    const eligible = sum("eligible");
    return [
      sample("followupsOpen", sum("open"), labels),
      sample("followupsDone", sum("done"), labels),
      sample("followupsOverdue", sum("overdue"), labels),
      ...eligible > 0 ? [sample("followupsOnTime", sum("onTime") / eligible, labels)] : []
    ];
  });
}

// src/cli/commands/followups-output.ts
import { appendFile as appendFile2, writeFile as writeFile3 } from "node:fs/promises";

// src/postmortem/sync/describe.ts
function describeOperation(op) {
  switch (op.kind) {
    case "create": {
      const where2 = op.source ? ` (${op.source.file}:${op.source.line})` : "";
      const who = op.issue.assignees.length > 0 ? ` assignees: ${op.issue.assignees.join(", ")}` : "";
      return `create  ${op.issue.title}${where2} labels: ${op.issue.labels.join(", ")}${who}${op.needsOwnerComment ? " + needs-owner comment" : ""}`;
    }
    case "update":
      return `update  #${op.issue} (${op.reasons.join(", ")})`;
    case "close":
      return `close   #${op.issue} (${op.reason})`;
    case "comment":
      return `comment #${op.issue} (${op.purpose})`;
    case "tick":
      return `${op.done ? "tick   " : "untick "} ${op.file}:${op.line} (issue #${op.issue})`;
  }
}

// src/cli/commands/followups-output.ts
function printProblems(problems, io, options6) {
  for (const p of problems) {
    io.stderr.write(`${formatProblem(p)}
`);
    if (options6.annotations) (options6.json ? io.stderr : io.stdout).write(`::error file=${p.file},line=${p.line},title=${p.code}::${p.message.replace(/[\r\n%]/g, " ")}
`);
  }
}
function printResult(result, exitCode, facts, io, format) {
  if (format === "json") {
    writeJobJson(io, "followups", exitCode, jsonBody2(result, facts));
    return;
  }
  for (const w of result.applied?.warnings ?? []) io.stderr.write(`warning: ${w}
`);
  for (const d of result.plan.drift) io.stderr.write(`warning: issue #${d.issue}: ${d.reason}
`);
  const out = (line2) => io.stdout.write(`${line2}
`);
  if (result.report.dryRun) {
    for (const op of result.plan.operations) out(describeOperation(op));
    out(`dry run: ${result.plan.operations.length} change(s) planned for ${facts.reportCount} report(s); nothing written`);
    return;
  }
  if (!result.stopped) {
    out(`synced: ${doneCounts(result)}`);
    return;
  }
  out(`stopped by a signal: done ${doneCounts(result)}; not done: ${result.notDone.length} planned change(s):`);
  for (const op of result.notDone) out(`  ${describeOperation(op)}`);
  out("rerun to finish: the next run lists the existing issues first and will not duplicate them");
}
async function writeReportFiles(result, exitCode, facts, files) {
  if (files.json !== void 0) {
    let text = "";
    writeJobJson({ cwd: "", env: {}, stdout: { write: (t) => text += t }, stderr: { write: () => true } }, "followups", exitCode, jsonBody2(result, facts));
    await writeFile3(files.json, text);
  }
  if (files.summary !== void 0) await appendFile2(files.summary, renderSummary(result.report));
}
function doneCounts(result) {
  const a = result.applied;
  if (!a) return "0 created, 0 updated, 0 closed, 0 commented, 0 report(s) written back";
  return `${a.created.length} created, ${a.updated.length} updated, ${a.closed.length} closed, ${a.commented.length} commented, ${a.writeback.files.length} report(s) written back`;
}
function jsonBody2(result, facts) {
  const { report, applied } = result;
  return {
    generatedAt: report.generatedAt,
    dryRun: report.dryRun,
    stopped: result.stopped,
    repo: facts.repo,
    reports: { folder: facts.reportsFolder, count: facts.reportCount },
    planned: report.operations,
    operations: result.plan.operations.map(brief),
    done: applied ? {
      created: applied.created.map(({ number, url: url2, recovered }) => ({ number, url: url2, recovered })),
      updated: applied.updated,
      closed: applied.closed,
      commented: applied.commented,
      writtenBack: applied.writeback.files,
      pullRequest: applied.writeback.pullRequest ?? null
    } : null,
    notDone: result.notDone.map(brief),
    warnings: applied?.warnings ?? [],
    metrics: report.metrics,
    problems: report.problems,
    drift: report.drift
  };
}
function brief(op) {
  return { kind: op.kind, issue: typeof op.issue === "number" ? op.issue : null, description: describeOperation(op) };
}

// src/cli/commands/followups.ts
var GITHUB2 = "GitHub";
var CREDENTIALS = `${TOKEN_VARIABLES}, never in a URL`;
var options2 = {
  config: option({ placeholder: "PATH", description: "Config file with a followups: section (default guardrails.yaml, where absent means the defaults)", parse: pathValue("file") }),
  reports: option({ placeholder: "DIR", description: "Folder of incident reports (default followups.reports, else postmortems)", parse: pathValue("dir") }),
  repo: option({ placeholder: "OWNER/NAME", description: "Repository of the issues (default followups.repo, else $GITHUB_REPOSITORY)", parse: REPO_VALUE }),
  "dry-run": flag("Print what would be created, updated, closed, commented or ticked; change nothing"),
  now: option({ placeholder: "INSTANT", description: "Evaluate as of this instant: 2026-01-25 (midnight UTC) or 2026-01-25T09:00:00Z (default: now)", parse: instantValue }),
  format: jobFormatOption,
  json: option({ placeholder: "FILE", description: "Also write the --format json document to FILE", parse: pathValue("writable-file") }),
  summary: option({ placeholder: "FILE", description: "Append the Markdown job summary to FILE", env: "GITHUB_STEP_SUMMARY", parse: pathValue("writable-file") }),
  "api-url": option({
    placeholder: "URL",
    description: `GitHub REST API URL (default ${DEFAULT_API_URL}; GHES: https://HOST/api/v3)`,
    env: "GITHUB_API_URL",
    parse: urlValue({ credentialsFrom: CREDENTIALS }),
    display: displayUrl,
    fallback: DEFAULT_API_URL,
    group: GITHUB2
  }),
  "server-url": option({
    placeholder: "URL",
    description: "GitHub web URL for the report links in issue bodies (default https://github.com)",
    env: "GITHUB_SERVER_URL",
    parse: urlValue({ credentialsFrom: CREDENTIALS }),
    display: displayUrl,
    fallback: "https://github.com",
    group: GITHUB2
  })
};
function followupsCommandWith(deps = {}) {
  const prepared = /* @__PURE__ */ new WeakMap();
  const prepare = (values, ctx) => {
    let inputs = prepared.get(values);
    if (!inputs) prepared.set(values, inputs = prepareFollowups(values, ctx));
    return inputs;
  };
  return defineCommand({
    name: "followups",
    summary: "Sync post-mortem follow-up actions to tracked GitHub issues",
    usage: ["followups [--reports DIR] [--config PATH] [--repo OWNER/NAME] [--dry-run] [--now INSTANT] [--format text|json] [--json FILE] [--summary FILE] [--api-url URL]"],
    description: `Turns the Follow-Up Actions of the incident reports (Markdown, strict UTF-8) into GitHub
issues, idempotently: one issue per item, created once and updated when the item is edited; report
checkboxes ticked when issues close; reminders for overdue items; an issue for a P1/P2 incident
without a post-mortem after 48 hours; and a summary of how many follow-ups are done on time.

The token comes from GITHUB_TOKEN (or GH_TOKEN) only, with issues, contents and pull-requests
write. Without a token, --dry-run plans offline, as if no follow-up issues existed yet.

On SIGINT or SIGTERM no new GitHub write starts; the one in flight settles, and the run prints what
was done and what was not, then exits 1. A rerun finishes the work without duplicating issues.`,
    options: options2,
    exits: {
      ok: "synced (or planned, with --dry-run)",
      failed: "some report items could not be read (listed as file:line, the rest synced), a GitHub write was refused, or the run was stopped",
      unavailable: "the GitHub API could not be reached, kept failing after retries, or did not answer with GitHub's JSON"
    },
    notes: `Environment: GITHUB_TOKEN or GH_TOKEN; GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL and
GITHUB_STEP_SUMMARY as GitHub Actions sets them. JSON report: docs/postmortem-followups.md#report.`,
    refine(values, { io }) {
      if (!values["dry-run"] && tokenFrom(io.env) === void 0) {
        throw new UsageError(`no GitHub token: set ${TOKEN_VARIABLES} to a token with issues, contents and pull-requests write, or pass --dry-run to plan offline`, "followups");
      }
    },
    async preflight(values, ctx) {
      await prepare(values, ctx);
    },
    async run(values, ctx) {
      const { io, signal } = ctx;
      const inputs = await prepare(values, ctx);
      const json = values.format === "json";
      printProblems(inputs.problems, io, { annotations: io.env["GITHUB_ACTIONS"] === "true", json });
      const progress = (line2) => (json ? io.stderr : io.stdout).write(`${line2}
`);
      const { token, reportsFolder, ...read } = inputs;
      const tracker = token === void 0 || read.repo === void 0 ? offline(io) : OctokitTracker.create({ token, repo: read.repo, baseUrl: values["api-url"], signal, log: (l) => io.stderr.write(`${l}
`), ...deps.trackerOptions });
      const now = values.now ?? ctx.now();
      const result = await syncFollowups({ ...read, serverUrl: values["server-url"], now, dryRun: values["dry-run"] }, { tracker, signal, progress });
      ctx.recordMetrics?.(followupsMetrics(result.report));
      const exitCode = result.report.problems.length > 0 || result.stopped ? EXIT.FAILED : EXIT.OK;
      const context2 = { repo: read.repo ?? null, reportsFolder, reportCount: read.reports.length };
      await writeReportFiles(result, exitCode, context2, { json: values.json, summary: values.summary });
      printResult(result, exitCode, context2, io, values.format);
      return exitCode;
    }
  });
}
var followupsCommand = followupsCommandWith();
function offline(io) {
  io.stderr.write(`note: no ${TOKEN_VARIABLES}; planning as if the repository had no follow-up issues and every mapped user were assignable
`);
  return new OfflineTracker();
}

// src/cli/commands/register.ts
import { appendFile as appendFile3 } from "node:fs/promises";

// src/github/api/write-limiter.ts
import Bottleneck2 from "bottleneck/light.js";
var WRITE_BURST = 3;
var WRITE_REFILL_MS = 1e3;
function writeLimiter(refillMs = WRITE_REFILL_MS) {
  return new Bottleneck2.Group({
    id: "guardrails-write",
    maxConcurrent: 1,
    minTime: 0,
    reservoir: WRITE_BURST,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: refillMs,
    reservoirIncreaseMaximum: WRITE_BURST
  });
}

// src/github/api/client.ts
var ThrottledOctokit2 = Octokit2.plugin(throttling, retry);
function createClient(options6) {
  const log = options6.log ?? (() => void 0);
  const client = new ThrottledOctokit2({
    auth: options6.token,
    baseUrl: options6.baseUrl.replace(/\/+$/, ""),
    userAgent: "guardrails-schema-check",
    log: { debug: () => void 0, info: () => void 0, warn: log, error: log },
    throttle: {
      write: options6.writes ?? writeLimiter(),
      onRateLimit: (after, request2, _o, count2) => {
        log(`GitHub rate limit hit on ${request2.method} ${request2.url}; retrying in ${after}s`);
        return count2 < 2;
      },
      onSecondaryRateLimit: (after, request2, _o, count2) => {
        log(`GitHub secondary rate limit hit on ${request2.method} ${request2.url}; retrying in ${after}s`);
        return count2 < 2;
      }
    },
    // Client errors will not succeed on retry; 429 is left to the throttling plugin.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] }
  });
  if (options6.onRequest) {
    const count2 = options6.onRequest;
    client.hook.before("request", () => count2());
  }
  return client;
}

// src/registry/register/files.ts
async function schemaFilesAt2(git2, ref, configPath = "guardrails.yaml") {
  const commit = await tryResolve(git2, ref);
  if (!commit) throw new BackupError("invalid-input", `'${ref}' is not a commit`, "Give a branch, tag or commit of this repository (--ref)");
  const configBlob = (await readTree(git2, commit, (p) => p === configPath)).get(configPath);
  const settings = parseConfigText(configBlob ? configBlob.toString("utf8") : "version: 1\n", configPath).settings;
  const resolver = subjectResolver(settings);
  const blobs = await readTree(git2, commit, (p) => resolver.isSchemaFile(p));
  const sources = [...blobs].map(([file, bytes]) => ({ file, text: bytes.toString("utf8") }));
  let loaded3;
  try {
    loaded3 = loadSchemaSet(sources);
  } catch (error) {
    throw new BackupError("invalid-input", `the schema files at ${commit.slice(0, 12)} do not load: ${error instanceof SchemaError ? error.message : messageOf(error)}`, "Fix the schema on the branch first");
  }
  const definedBy = /* @__PURE__ */ new Map();
  for (const [file, schema] of loaded3) for (const name of schema.named.keys()) definedBy.set(name, file);
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  const files = [...loaded3].map(([file, schema]) => {
    const root = schema.schema;
    const mapping = resolver.mappingFor(file);
    let subject2;
    try {
      subject2 = subjectNameFor(file, mapping, isNamed(root) ? root.fullName : void 0);
    } catch (error) {
      throw new BackupError("invalid-input", `cannot name the subject of ${file}: ${messageOf(error)}`, "Map the file in guardrails.yaml");
    }
    const text = texts.get(file);
    const uses = scanNamedTypes(JSON.parse(text)).references.flatMap((ref2) => {
      const name = ref2.candidates.find((c) => definedBy.has(c) && definedBy.get(c) !== file);
      return name ? [{ file: definedBy.get(name), name }] : [];
    });
    return { file, text, subject: subject2, level: mapping.level, uses: dedupe2(uses) };
  });
  const twice = duplicateSubject(files);
  if (twice) throw new BackupError("invalid-input", `${twice[0]} and ${twice[1]} map to the same subject ${twice[2]}`, "Give each file its own subject in guardrails.yaml");
  return { commit, files: dependencyOrder(files) };
}
function dependencyWaves(files) {
  const wave = /* @__PURE__ */ new Map();
  const waves = [];
  for (const f of files) {
    const n = Math.max(-1, ...f.uses.map((u) => wave.get(u.file) ?? -1)) + 1;
    wave.set(f.file, n);
    (waves[n] ??= []).push(f);
  }
  return waves;
}
function dependencyOrder(files) {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const done = /* @__PURE__ */ new Set();
  const out = [];
  const visiting = /* @__PURE__ */ new Set();
  const visit = (f) => {
    if (done.has(f.file)) return;
    if (visiting.has(f.file)) throw new BackupError("invalid-input", `the schema files ${[...visiting].join(", ")} use each other in a circle`, "Break the cycle: registry references cannot be circular");
    visiting.add(f.file);
    for (const u of f.uses) {
      const dep = byFile.get(u.file);
      if (dep) visit(dep);
    }
    visiting.delete(f.file);
    done.add(f.file);
    out.push(f);
  };
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) visit(f);
  return out;
}
function dedupe2(uses) {
  const seen = /* @__PURE__ */ new Set();
  return uses.filter((u) => seen.has(u.name) ? false : (seen.add(u.name), true));
}
function duplicateSubject(files) {
  const seen = /* @__PURE__ */ new Map();
  for (const f of files) {
    const other = seen.get(f.subject);
    if (other !== void 0) return [other, f.file, f.subject];
    seen.set(f.subject, f.file);
  }
  return void 0;
}

// src/registry/register/verdict-record.ts
var VERDICT_RECORD_VERSION = 1;
var PREFIX = "<!-- guardrails-verdict:v1 ";
var SUFFIX = " -->";
function decodeVerdictRecord(summary3) {
  const start = summary3.indexOf(PREFIX);
  if (start < 0) return void 0;
  const end = summary3.indexOf(SUFFIX, start + PREFIX.length);
  if (end < 0) return void 0;
  try {
    const value = JSON.parse(Buffer.from(summary3.slice(start + PREFIX.length, end), "base64").toString("utf8"));
    if (value.version !== VERDICT_RECORD_VERSION || !Array.isArray(value.allowedBreaks) || !Array.isArray(value.approvers)) return void 0;
    const breaks = value.allowedBreaks.filter(
      (b) => typeof b?.subject === "string" && typeof b.file === "string" && Array.isArray(b.matured)
    );
    return {
      version: VERDICT_RECORD_VERSION,
      conclusion: value.conclusion === "success" ? "success" : value.conclusion === "neutral" ? "neutral" : "failure",
      allowedBreaks: breaks,
      approvers: value.approvers.filter((a) => typeof a === "string"),
      ...typeof value.overriddenBy === "string" ? { overriddenBy: value.overriddenBy } : {}
    };
  } catch {
    return void 0;
  }
}

// src/registry/register/merged-pr-proof.ts
async function readMergedPrProof(client, q) {
  const ref = { owner: q.owner, repo: q.repo };
  const pulls = await client.paginate("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", { ...ref, commit_sha: q.sha, per_page: 100 });
  const merged = pulls.filter((p) => p.merged_at !== null && p.merge_commit_sha === q.sha && p.base.repo.full_name === `${q.owner}/${q.repo}`);
  if (merged.length !== 1) return { found: false, reason: `${merged.length === 0 ? "no" : "more than one"} merged pull request has ${q.sha.slice(0, 12)} as its merge commit` };
  const pr = merged[0];
  const name = `${q.checkName}: ${pr.base.ref}`;
  const runs = await client.paginate("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", { ...ref, ref: pr.head.sha, check_name: name, per_page: 100 });
  const ours = runs.filter((r) => r.name === name && r.head_sha === pr.head.sha && r.app?.id === q.appId);
  const newest = ours.sort((a, b) => b.id - a.id)[0];
  if (!newest) return { found: false, reason: `PR #${pr.number} has no "${name}" check run from app ${q.appId} on its head ${pr.head.sha.slice(0, 12)}` };
  if (newest.status !== "completed" || newest.conclusion !== "success") {
    return { found: false, reason: `the newest "${name}" check run of PR #${pr.number} (${newest.id}) is ${newest.status}${newest.conclusion ? `, ${newest.conclusion}` : ""}, not a success` };
  }
  const record = decodeVerdictRecord(newest.output?.summary ?? "");
  if (!record || record.conclusion !== "success") return { found: false, reason: `check run ${newest.id} of PR #${pr.number} carries no readable verdict record` };
  return {
    found: true,
    proof: {
      pr: pr.number,
      headSha: pr.head.sha,
      checkRunId: newest.id,
      approvers: record.approvers,
      ...record.overriddenBy !== void 0 ? { overriddenBy: record.overriddenBy } : {},
      allowed: new Map(record.allowedBreaks.map((b) => [b.subject, b.matured]))
    }
  };
}

// src/registry/register/allowed-break.ts
function nextGroupValue(current) {
  if (current === void 0) return "2";
  return /^\d+$/.test(current) ? String(Number(current) + 1) : void 0;
}
function groupValueOf(metadata, property) {
  const value = metadata?.properties?.[property];
  return typeof value === "string" ? value : void 0;
}
async function registerThroughGroup(client, subject2, input, property, latestMetadata) {
  const from = groupValueOf(latestMetadata, property);
  const to = nextGroupValue(from);
  if (to === void 0) {
    throw new RegistryError(`${subject2}: compatibilityGroup property ${property} is "${from ?? ""}", not a whole number, so the next group cannot be chosen`, {
      kind: "invalid-request",
      hint: `Register the new major by hand with metadata.properties.${property} set, or use a numeric ${property}`,
      subject: subject2
    });
  }
  const base = latestMetadata ?? {};
  const metadata = { ...base, properties: { ...base.properties ?? {}, [property]: to } };
  const result = await client.register(subject2, { ...input, metadata }, { normalize: true });
  return { kind: "compatibility-group", result, property, ...from !== void 0 ? { from } : {}, to };
}
async function registerThroughTemporaryLevel(deps, subject2, input) {
  const prior = await deps.client.getSubjectConfig(subject2);
  if (deps.signal.aborted) return { kind: "temporary-level", restored: true, error: stoppedError(subject2) };
  let result;
  let error;
  let restored;
  try {
    await deps.client.setSubjectConfig(subject2, { compatibility: "NONE" });
    if (deps.signal.aborted) throw stoppedError(subject2);
    result = await deps.client.register(subject2, input, { normalize: true });
  } catch (caught) {
    error = caught;
  } finally {
    restored = await restoreLevel(deps, subject2, prior);
  }
  return { kind: "temporary-level", ...result ? { result } : {}, restored, ...error !== void 0 ? { error } : {} };
}
async function restoreLevel(deps, subject2, prior) {
  const cleanup = deps.openCleanupClient(AbortSignal.timeout(deps.restoreDeadlineMs ?? 5e3));
  try {
    if (prior === void 0 || prior.compatibilityLevel === void 0) await removeOverride(cleanup, subject2);
    if (prior !== void 0) await cleanup.setSubjectConfig(subject2, configToUpdate(prior));
    return true;
  } catch {
    return false;
  } finally {
    cleanup.close();
  }
}
async function removeOverride(client, subject2) {
  try {
    await client.deleteSubjectConfig(subject2);
  } catch (error) {
    if (!(error instanceof RegistryError && error.kind === "not-found")) throw error;
  }
}
function stoppedError(subject2) {
  return new RegistryError(`${subject2}: stopped by a signal before the registration`, { kind: "cancelled", subject: subject2 });
}

// src/registry/register/register.ts
async function registerSchemas(options6, deps) {
  const versions = /* @__PURE__ */ new Map();
  const blocked = /* @__PURE__ */ new Set();
  const entries = [];
  const audit = [];
  const subjectOf2 = new Map(options6.files.map((f) => [f.file, f.subject]));
  for (const wave of dependencyWaves(options6.files)) {
    const settled = await Promise.allSettled(
      wave.map(async (f) => {
        const references2 = f.uses.map((u) => ({ name: u.name, subject: subjectOf2.get(u.file), version: versions.get(u.file) }));
        const entry = await decide(f, references2, blocked, options6, deps, audit);
        deps.onEntry?.(entry);
        return entry;
      })
    );
    const failure3 = settled.find((s) => s.status === "rejected");
    if (failure3) throw failure3.reason;
    for (const entry of settled.map((s) => s.value)) {
      entries.push(entry);
      if (entry.version !== void 0 && (entry.action === "unchanged" || entry.action.startsWith("registered"))) versions.set(entry.file, entry.version);
      else if (entry.action === "planned" || entry.action === "planned-break") versions.set(entry.file, "pending");
      else blocked.add(entry.file);
    }
  }
  const failed2 = entries.some((e) => ["refused", "failed", "skipped", "not-latest"].includes(e.action) || e.via?.kind === "temporary-level" && !e.via.restored);
  return { commit: options6.commit, dryRun: options6.dryRun, entries, audit, stopped: deps.signal.aborted, failed: failed2 || deps.signal.aborted };
}
async function decide(f, pending, blocked, options6, deps, audit) {
  const at2 = { subject: f.subject, file: f.file };
  const dependency = f.uses.find((u) => blocked.has(u.file));
  if (dependency) return { ...at2, action: "skipped", references: [], messages: [`it uses ${dependency.name} from ${dependency.file}, which was not registered`] };
  if (deps.signal.aborted) return { ...at2, action: "skipped", references: [], messages: ["the run was stopped before this file"] };
  if (pending.some((r) => r.version === "pending")) {
    return { ...at2, action: "planned", references: [], messages: [`after ${pending.filter((r) => r.version === "pending").map((r) => r.subject).join(", ")}`] };
  }
  const references2 = pending.map((r) => ({ ...r, version: r.version }));
  try {
    return await decideRegistered(f, references2, options6, deps, audit);
  } catch (error) {
    if (error instanceof RegistryError && isUnavailable(error)) throw error;
    if (error instanceof RegistryError && error.kind === "cancelled" && deps.signal.aborted) {
      return { ...at2, action: "skipped", references: references2, messages: ["the run was stopped"] };
    }
    return { ...at2, action: "failed", references: references2, messages: [messageOf2(error)] };
  }
}
async function decideRegistered(f, references2, options6, deps, audit) {
  const { client } = deps;
  const latest = await latestOf(client, f.subject);
  const effective = await client.getSubjectConfig(f.subject, { defaultToGlobal: true });
  const input = { schema: f.text, references: references2, ...latest?.metadata !== void 0 ? { metadata: latest.metadata } : {} };
  const base = { subject: f.subject, file: f.file, references: references2, messages: [] };
  const levelSet = effective?.compatibilityLevel === f.level ? void 0 : { from: effective?.compatibilityLevel, to: f.level };
  const found = latest ? await client.lookupSchema(f.subject, input, { normalize: true }) : void 0;
  if (levelSet && !options6.dryRun) await client.setSubjectConfig(f.subject, { compatibility: f.level });
  const withLevel = { ...base, ...levelSet ? { levelSet } : {} };
  if (found) {
    if (latest && found.version !== latest.version) {
      return { ...withLevel, action: "not-latest", id: found.id, version: found.version, messages: [`the file is version ${found.version}, but the latest is ${latest.version}; registering it again would return ${found.version}: delete the newer versions or change the file`] };
    }
    return { ...withLevel, action: "unchanged", id: found.id, version: found.version };
  }
  const allowed = options6.proof?.allowed.get(f.subject);
  if (options6.dryRun) {
    const compat = await client.checkCompatibility(f.subject, input, { normalize: true });
    if (compat.compatible) return { ...withLevel, action: "planned" };
    return allowed ? { ...withLevel, action: "planned-break", messages: [...compat.messages] } : { ...withLevel, action: "refused", messages: [...compat.messages] };
  }
  if (deps.signal.aborted) return { ...withLevel, action: "skipped", messages: ["the run was stopped before this registration"] };
  try {
    const result = await client.register(f.subject, input, { normalize: true });
    return { ...withLevel, action: "registered", id: result.id, ...versionOf2(result.version) };
  } catch (error) {
    if (!(error instanceof RegistryError && error.kind === "incompatible")) throw error;
    const messages = [error.serverMessage ?? error.problem];
    if (!allowed || !options6.proof) return { ...withLevel, action: "refused", messages };
    const group = effective?.compatibilityGroup;
    const outcome = group ? await registerThroughGroup(client, f.subject, input, group, latest?.metadata) : await registerThroughTemporaryLevel({ ...deps, ...deps.restoreDeadlineMs ? { restoreDeadlineMs: deps.restoreDeadlineMs } : {} }, f.subject, input);
    return breakEntry(withLevel, outcome, options6.proof, allowed, deps, audit);
  }
}
function breakEntry(base, outcome, proof, matured, deps, audit) {
  const via = outcome.kind === "compatibility-group" ? { kind: outcome.kind, property: outcome.property, ...outcome.from !== void 0 ? { from: outcome.from } : {}, to: outcome.to } : { kind: outcome.kind, restored: outcome.restored };
  const restoreNote = outcome.kind === "temporary-level" && !outcome.restored ? [`the level of ${base.subject} may still be NONE: run guardrails register again, or PUT /config/${base.subject} back`] : [];
  if (outcome.kind === "temporary-level" && outcome.result === void 0) {
    const stopped3 = outcome.error instanceof RegistryError && outcome.error.kind === "cancelled";
    return { ...base, action: stopped3 ? "skipped" : "failed", via, messages: [messageOf2(outcome.error), ...restoreNote] };
  }
  const result = outcome.result;
  audit.push({
    at: deps.now().toISOString(),
    subject: base.subject,
    ...versionOf2(result.version),
    id: result.id,
    pr: proof.pr,
    headSha: proof.headSha,
    checkRunId: proof.checkRunId,
    approvers: proof.approvers,
    matured,
    ...proof.overriddenBy !== void 0 ? { overriddenBy: proof.overriddenBy } : {},
    via: outcome.kind
  });
  return { ...base, action: "registered-break", id: result.id, ...versionOf2(result.version), via, messages: [...base.messages, ...restoreNote] };
}
async function latestOf(client, subject2) {
  try {
    return await client.getVersion(subject2, "latest");
  } catch (error) {
    if (error instanceof RegistryError && error.kind === "not-found") return void 0;
    throw error;
  }
}
function versionOf2(version) {
  return version === void 0 ? {} : { version };
}
var UNAVAILABLE2 = /* @__PURE__ */ new Set(["timeout", "server", "network", "tls", "rate-limited", "malformed-response", "http", "unauthorized", "forbidden", "invalid-settings"]);
function isUnavailable(error) {
  return UNAVAILABLE2.has(error.kind);
}
function messageOf2(error) {
  if (error instanceof RegistryError) return error.serverMessage ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

// src/cli/commands/metrics-register.ts
var RESULT = {
  unchanged: "already_present",
  registered: "registered",
  "registered-break": "registered_break",
  planned: "planned",
  "planned-break": "planned",
  refused: "refused",
  "not-latest": "not_latest",
  failed: "failed",
  skipped: "skipped"
};
function registerMetrics(result) {
  const counts2 = new Map(REGISTER_RESULTS.map((r) => [r, 0]));
  for (const entry of result.entries) counts2.set(RESULT[entry.action], (counts2.get(RESULT[entry.action]) ?? 0) + 1);
  return [...counts2].map(([label2, count2]) => sample("registerSchemaFiles", count2, { result: label2 }));
}

// src/cli/commands/register-output.ts
var MARK = {
  unchanged: "=",
  registered: "+",
  planned: "+",
  "registered-break": "!",
  "planned-break": "!",
  refused: "x",
  "not-latest": "~",
  failed: "x",
  skipped: "-"
};
function writeRegisterReport(io, format, result, proofNote) {
  const exitCode = result.failed ? EXIT.FAILED : EXIT.OK;
  if (format === "json") {
    return writeJobJson(io, "register", exitCode, {
      status: result.stopped ? "stopped" : result.failed ? "failed" : "complete",
      commit: result.commit,
      dryRun: result.dryRun,
      counts: counts(result.entries),
      entries: result.entries,
      audit: result.audit,
      ...proofNote !== void 0 ? { proof: proofNote } : {}
    });
  }
  io.stdout.write(renderRegister(result, proofNote));
  if (result.stopped) io.stderr.write("error: stopped by a signal; the files marked - were not registered: run register again\n");
  return exitCode;
}
function renderRegister(result, proofNote) {
  const lines2 = [`Schema files at ${result.commit.slice(0, 12)}${result.dryRun ? " (dry run: nothing written)" : ""}:`];
  for (const e of result.entries) {
    const at2 = `${MARK[e.action]} ${e.subject} (${e.file})`;
    const level3 = e.levelSet ? `; level ${e.levelSet.from ?? "unset"} -> ${e.levelSet.to}${result.dryRun ? " (planned)" : ""}` : "";
    lines2.push(`  ${at2}: ${describe3(e)}${level3}`);
    for (const m of e.messages) lines2.push(`      ${m}`);
  }
  for (const a of result.audit) {
    lines2.push(`audit: ${a.subject} v${a.version ?? "?"} id ${a.id ?? "?"} via ${a.via}: PR #${a.pr} (${a.headSha.slice(0, 12)}, check run ${a.checkRunId}), approved by ${a.approvers.join(", ") || "nobody"}${a.overriddenBy ? `, override by ${a.overriddenBy}` : ""}, matured: ${a.matured.join(", ") || "none"}`);
  }
  if (proofNote !== void 0) lines2.push(`proof: ${proofNote}`);
  const c = counts(result.entries);
  lines2.push(`${c.unchanged} unchanged, ${c.registered} ${result.dryRun ? "to register" : "registered"}, ${c.breaks} allowed break(s), ${c.problems} problem(s)`);
  return `${lines2.join("\n")}
`;
}
function describe3(e) {
  const at2 = e.version !== void 0 ? `v${e.version}, id ${e.id ?? "?"}` : "";
  switch (e.action) {
    case "unchanged":
      return `already the latest (${at2})`;
    case "registered":
      return `registered as ${at2}`;
    case "planned":
      return "would be registered";
    case "registered-break":
      return `allowed break registered as ${at2} ${e.via?.kind === "compatibility-group" ? `(${e.via.property} ${e.via.from ?? "unset"} -> ${e.via.to})` : "(temporary level NONE, restored)"}`;
    case "planned-break":
      return "allowed break, would be registered";
    case "refused":
      return "refused: incompatible, and the merged PR did not allow it";
    case "not-latest":
      return `equal to an older version (${at2})`;
    case "failed":
      return "failed";
    case "skipped":
      return "skipped";
  }
}
function counts(entries) {
  const n = (pred) => entries.filter(pred).length;
  return {
    unchanged: n((e) => e.action === "unchanged"),
    registered: n((e) => e.action === "registered" || e.action === "planned"),
    breaks: n((e) => e.action === "registered-break" || e.action === "planned-break"),
    problems: n((e) => ["refused", "not-latest", "failed", "skipped"].includes(e.action))
  };
}

// src/cli/commands/register.ts
var PROOF = "Allowed breaks (proof from the merged PR)";
var DEFAULT_CHECK = "Schema guardrails (verified)";
var options3 = {
  ref: option({ placeholder: "REF", description: "Commit whose schema files are registered (default HEAD)", parse: textValue() }),
  "git-repo": option({ placeholder: "DIR", description: "The repository (default: the working directory)", parse: pathValue("dir") }),
  config: option({ placeholder: "PATH", description: "Config path inside the repository at REF (default guardrails.yaml)", parse: textValue() }),
  ...registryOptions,
  "dry-run": flag("Print the plan (lookups and compatibility tests only) and write nothing"),
  format: { ...jobFormatOption, description: "text (default) or json: one versioned JSON document on stdout (docs/registry-gitops.md)" },
  "audit-log": option({ placeholder: "FILE", description: "Append one JSON line per allowed break registered", parse: pathValue("writable-file") }),
  repository: option({ placeholder: "OWNER/NAME", description: "Repository whose merged PR may allow breaks", env: "GITHUB_REPOSITORY", parse: REPO_VALUE, group: PROOF }),
  "app-id": option({ placeholder: "ID", description: "The App whose verified check runs count", env: "GUARDRAILS_APP_ID", parse: intValue(1, 2 ** 31 - 1), group: PROOF }),
  "check-name": option({ placeholder: "NAME", description: `The verified check's name before ": <base>" (default "${DEFAULT_CHECK}")`, parse: textValue(), fallback: DEFAULT_CHECK, group: PROOF }),
  "github-api-url": option({ placeholder: "URL", description: "GitHub API (default https://api.github.com)", env: "GITHUB_API_URL", parse: textValue(/^https?:\/\/[^\s@]+$/, "an http(s) URL without credentials"), group: PROOF })
};
var registerCommand = defineCommand({
  name: "register",
  summary: "Register the schema files of a commit in the Schema Registry (on merge)",
  usage: ["register [--ref REF] [--dry-run] [--format text|json] [--registry-url URL] [--app-id ID --repository OWNER/NAME] [--audit-log FILE]"],
  description: `Registers every schema file of REF (mapped to subjects by the guardrails.yaml of REF) whose
subject's latest version differs, references first, with normalize=true after a lookup, so a second
run writes nothing. Each subject's level is set to the one guardrails.yaml gives it first.

An incompatible schema is refused with the registry's own messages, unless the pull request merged
as REF was allowed the break: its newest "NAME: <base>" check run on its head, from the App --app-id,
succeeded and records the break (docs/registry-gitops.md, docs/security.md). An allowed break is
registered with the next value of the subject's compatibilityGroup property, or else with the
subject's level at NONE for that one registration, restored afterwards even on SIGTERM; each writes
an audit line.`,
  options: options3,
  exits: {
    ok: "every file registered or already the latest version",
    failed: "a schema refused (incompatible and not allowed), a failure, a stop, or a file equal to an older version",
    unavailable: "the Schema Registry or GitHub could not be reached, so nothing more was registered"
  },
  notes: "Environment: GUARDRAILS_REGISTRY_URL and its credentials; GITHUB_TOKEN or GH_TOKEN for the proof.",
  refine(values, { io }) {
    const proofWanted = values["app-id"] !== void 0;
    if (proofWanted && values.repository === void 0) throw new UsageError("--app-id needs --repository (or $GITHUB_REPOSITORY)", "register");
    if (proofWanted && tokenFrom(io.env) === void 0) throw new UsageError("--app-id needs a token in GITHUB_TOKEN (or GH_TOKEN) to read the merged pull request", "register");
  },
  async preflight(values, { io }) {
    registrySettings(values, io.env);
  },
  async run(values, context2) {
    return withJsonFailure(context2.io, values.format, "register", () => runRegister(values, context2));
  }
});
async function runRegister(values, { io, signal, now, recordMetrics }) {
  const git2 = gitIn(values["git-repo"] ?? io.cwd, io.env);
  const { commit, files } = await schemaFilesAt2(git2, values.ref ?? "HEAD", values.config ?? "guardrails.yaml");
  const { proof, note } = await proofFor(values, io.env, commit);
  const { client, openCleanupClient } = openRegistry(registrySettings(values, io.env), signal);
  try {
    const result = await registerSchemas({ commit, files, dryRun: values["dry-run"], ...proof ? { proof } : {} }, { client, openCleanupClient, signal, now });
    recordMetrics?.(registerMetrics(result));
    if (values["audit-log"] !== void 0 && result.audit.length > 0) {
      await appendFile3(values["audit-log"], result.audit.map((line2) => `${JSON.stringify(line2)}
`).join(""));
    }
    return writeRegisterReport(io, values.format, result, note);
  } catch (error) {
    if (signal.aborted && error instanceof RegistryError && error.kind === "cancelled") {
      throw new BackupError("stopped", "register was stopped by a signal while reading", "Run it again: finished subjects are skipped");
    }
    throw error;
  } finally {
    client.close();
  }
}
async function proofFor(values, env, commit) {
  if (values["app-id"] === void 0 || values.repository === void 0) return {};
  const [owner, repo] = values.repository.split("/");
  const github = createClient({ token: tokenFrom(env), baseUrl: values["github-api-url"] ?? "https://api.github.com" });
  try {
    const outcome = await readMergedPrProof(github, { owner, repo, sha: commit, appId: values["app-id"], checkName: values["check-name"] });
    if (!outcome.found) return { note: `no allowed breaks: ${outcome.reason}` };
    return { proof: outcome.proof, note: `PR #${outcome.proof.pr}, check run ${outcome.proof.checkRunId}: ${outcome.proof.allowed.size} allowed break(s)` };
  } catch (error) {
    const status3 = error instanceof GitHubApiError ? error.status : error?.status;
    if (!(error instanceof GitHubApiError) && typeof status3 !== "number") throw error;
    if (status3 === 401 || status3 === 403) throw new UsageError(`GitHub refused the token while reading the merged pull request of ${commit.slice(0, 12)} (HTTP ${status3}); give it contents, pull-requests and checks read access`, "register");
    throw new UnavailableError(`GitHub could not be read for the merged pull request of ${commit.slice(0, 12)}: ${error.message.split("\n")[0]}; nothing was registered`);
  }
}

// src/cli/commands/remove-orphans.ts
import { appendFile as appendFile4 } from "node:fs/promises";

// src/iceberg/orphans/github-summary.ts
var cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
function renderOrphanSummary(run2) {
  const title = `### Orphan file removal, shard ${run2.shard.index}/${run2.shard.count}${run2.dryRun ? " (dry run)" : ""}${run2.stopped ? " (stopped by a signal)" : ""}`;
  const t = run2.totals;
  const lines2 = [
    title,
    "",
    `Cutoff ${run2.cutoff} (files modified before it), prefix mismatch: ${run2.prefixMismatch}, mode: ${run2.mode}.`,
    `${run2.dryRun ? "Would delete" : "Deleted"} **${run2.dryRun ? run2.tables.reduce((n, x) => n + x.files.length, 0) : t.deleted}** orphan file(s), ${formatBytes(run2.dryRun ? run2.tables.reduce((n, x) => n + x.files.reduce((m, f) => m + f.sizeBytes, 0), 0) : t.deletedBytes)}${t.filesPerSecond !== void 0 ? `, ${t.filesPerSecond} files/s` : ""}.`,
    "",
    "| Table | Status | Listed | Referenced | Orphans | Deleted | Reclaimed | Too young | Hidden | Prefix mismatch | Failed deletes |",
    "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  ];
  for (const s of run2.tables) {
    const c = s.counts;
    lines2.push(`| ${cell(s.table)} | ${s.status} | ${c.listed} | ${c.referenced} | ${c.orphans} | ${c.deleted} | ${formatBytes(c.deletedBytes)} | ${c.skippedTooYoung} | ${c.skippedHidden} | ${c.skippedPrefixMismatch} | ${c.deleteFailures} |`);
  }
  const failed2 = run2.tables.filter((s) => s.error !== void 0);
  if (failed2.length > 0) {
    lines2.push("", "**Not cleaned:**", "");
    for (const s of failed2) lines2.push(`- \`${cell(s.table)}\`: ${cell(s.error?.code ?? "")}: ${cell(s.error?.message ?? "")}`);
  }
  if (run2.notStarted.length > 0) lines2.push("", `Not started: ${run2.notStarted.map((n) => `\`${cell(n)}\``).join(", ")}.`);
  return `${lines2.join("\n")}

`;
}

// src/iceberg/orphans/report.ts
function formatAge(ms) {
  const hours = ms / 36e5;
  return hours >= 48 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours)}h`;
}
function renderOrphanTable(summary3) {
  const header2 = `${summary3.table}: ${summary3.status}${summary3.dryRun ? " (dry run: nothing deleted or marked)" : ""}`;
  const c = summary3.counts;
  if (summary3.error !== void 0 && summary3.counts.listed === 0) {
    return [header2, `  ${summary3.error.code}: ${summary3.error.message}`, "  nothing was deleted for this table"].join("\n");
  }
  const lines2 = [
    header2,
    `  listed ${c.listed} file(s) under ${summary3.location ?? "?"}: ${c.referenced} referenced, ${c.orphans} orphan(s) older than the cutoff (${formatBytes(c.orphanBytes)})`,
    `  skipped: ${c.skippedTooYoung} too young, ${c.skippedHidden} hidden, ${c.skippedPrefixMismatch} prefix mismatch`
  ];
  if (c.marked > 0 || c.awaitingMark > 0) lines2.push(`  two-phase: ${c.marked} newly marked, ${c.awaitingMark} orphan(s) not marked long enough yet`);
  if (summary3.dryRun) {
    lines2.push(`  would delete ${summary3.files.length} file(s), ${formatBytes(summary3.files.reduce((n, f) => n + f.sizeBytes, 0))}:`);
    for (const f of summary3.files) lines2.push(`    ${formatBytes(f.sizeBytes).padStart(10)}  ${formatAge(f.ageMs).padStart(6)}  ${f.path}`);
  } else {
    const rate = summary3.filesPerSecond !== void 0 ? `, ${summary3.filesPerSecond} files/s` : "";
    lines2.push(`  deleted ${c.deleted} file(s), ${formatBytes(c.deletedBytes)} reclaimed${rate}`);
  }
  if (c.nowReferenced > 0) lines2.push(`  kept ${c.nowReferenced} planned file(s) that a commit since the plan references`);
  for (const m of summary3.prefixMismatches.slice(0, 20)) lines2.push(`  prefix mismatch: ${m.path} is referenced as ${m.referencedAs}`);
  for (const f of summary3.failures) lines2.push(`  not deleted: ${f.path}: ${f.reason}`);
  if (summary3.error !== void 0) lines2.push(`  ${summary3.error.code}: ${summary3.error.message}`);
  for (const w of summary3.warnings) lines2.push(`  note: ${w}`);
  lines2.push(`  took ${summary3.durationMs} ms`);
  return lines2.join("\n");
}
function renderOrphanOutcome(run2) {
  const failed2 = run2.tables.filter((t) => t.status === "failed").length;
  const stopped3 = run2.tables.filter((t) => t.status === "stopped").length;
  const verb = run2.dryRun ? "would delete" : "deleted";
  const count2 = run2.dryRun ? run2.tables.reduce((n, t) => n + t.files.length, 0) : run2.totals.deleted;
  const lines2 = [`remove-orphans: ${run2.tables.length - failed2 - stopped3} table(s) ok, ${failed2} failed; ${verb} ${count2} orphan file(s)`];
  if (run2.stopped) {
    lines2.push(`stopped by a signal: ${run2.totals.notAttempted} orphan(s) not deleted, ${run2.notStarted.length} table(s) not started (${run2.notStarted.join(", ") || "none"}); run again to finish`);
  }
  return lines2;
}

// src/iceberg/orphans/marks.ts
var MARKS_TABLE = "guardrails_orphan_marks";
var CREATE = `CREATE TABLE IF NOT EXISTS ${MARKS_TABLE} (
  catalog_name varchar(255) NOT NULL,
  table_namespace varchar(255) NOT NULL,
  table_name varchar(255) NOT NULL,
  file_path text NOT NULL,
  size_bytes bigint NOT NULL,
  marked_at_ms bigint NOT NULL,
  PRIMARY KEY (catalog_name, table_namespace, table_name, file_path))`;
var KEY3 = "catalog_name = $1 AND table_namespace = $2 AND table_name = $3";
var keyOf2 = (ident) => [ident.catalog, ident.namespace, ident.name];
var OrphanMarks = class {
  constructor(pool) {
    this.pool = pool;
  }
  pool;
  ready;
  async exists() {
    const { rows } = await this.pool.query(`SELECT to_regclass('${MARKS_TABLE}') IS NOT NULL AS present`);
    return rows[0]?.present === true;
  }
  /** Creates the table if absent (only runs that write marks call this). */
  async ensure() {
    this.ready ??= this.pool.query(CREATE).then(() => true);
    await this.ready;
  }
  /** path → instant first marked (epoch ms); empty when the table does not exist yet. */
  async read(ident) {
    if (this.ready === void 0 && !await this.exists()) return /* @__PURE__ */ new Map();
    const { rows } = await this.pool.query(`SELECT file_path, marked_at_ms FROM ${MARKS_TABLE} WHERE ${KEY3}`, keyOf2(ident));
    return new Map(rows.map((r) => [r.file_path, Number(r.marked_at_ms)]));
  }
  /** Marks `orphans` not marked yet at `nowMs`, and forgets every mark of this table not among them; one transaction. */
  async record(ident, orphans, nowMs) {
    await this.ensure();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const paths2 = orphans.map((o) => o.path);
      const forgotten = await client.query(`DELETE FROM ${MARKS_TABLE} WHERE ${KEY3} AND NOT (file_path = ANY ($4::text[]))`, [...keyOf2(ident), paths2]);
      const added = await client.query(
        `INSERT INTO ${MARKS_TABLE} (catalog_name, table_namespace, table_name, file_path, size_bytes, marked_at_ms)
         SELECT $1, $2, $3, p, s, $6 FROM unnest($4::text[], $5::bigint[]) AS u(p, s)
         ON CONFLICT DO NOTHING`,
        [...keyOf2(ident), paths2, orphans.map((o) => o.sizeBytes), nowMs]
      );
      await client.query("COMMIT");
      return { added: added.rowCount ?? 0, forgotten: forgotten.rowCount ?? 0 };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => void 0);
      throw error;
    } finally {
      client.release();
    }
  }
  /** Forgets the marks of files that were deleted. */
  async forget(ident, paths2) {
    if (paths2.length === 0 || this.ready === void 0 && !await this.exists()) return;
    await this.pool.query(`DELETE FROM ${MARKS_TABLE} WHERE ${KEY3} AND file_path = ANY ($4::text[])`, [...keyOf2(ident), paths2]);
  }
};

// src/iceberg/orphans/summary.ts
var ZERO_COUNTS = {
  listed: 0,
  referencedLocations: 0,
  referenced: 0,
  skippedHidden: 0,
  skippedTooYoung: 0,
  skippedPrefixMismatch: 0,
  orphans: 0,
  orphanBytes: 0,
  awaitingMark: 0,
  marked: 0,
  deleted: 0,
  deletedBytes: 0,
  deleteFailures: 0,
  notAttempted: 0,
  nowReferenced: 0
};
function addCounts(a, b) {
  const out = {};
  for (const key of Object.keys(ZERO_COUNTS)) out[key] = a[key] + b[key];
  return out;
}
function filesPerSecond(deleted, ms) {
  if (deleted === 0 || ms <= 0) return void 0;
  return Math.round(deleted / ms * 1e3 * 10) / 10;
}

// src/iceberg/orphans/execute.ts
async function deleteOrphans(files, deps) {
  const started = deps.clock();
  const deleted = [];
  const failures = [];
  const notAttempted2 = [];
  const nowReferenced = [];
  let abortedBy;
  for (let at2 = 0; at2 < files.length; at2 += deps.roundSize) {
    const round = files.slice(at2, at2 + deps.roundSize);
    if (abortedBy !== void 0 || deps.signal?.aborted) {
      abortedBy ??= "stopped by a signal";
      notAttempted2.push(...round);
      continue;
    }
    let stillOrphan;
    try {
      stillOrphan = await deps.recheck();
    } catch (error) {
      abortedBy = `the table could not be re-checked before deleting: ${describeError(error)}`;
      notAttempted2.push(...round);
      continue;
    }
    const send = round.filter((f) => stillOrphan(f.path));
    nowReferenced.push(...round.filter((f) => !stillOrphan(f.path)));
    const failed2 = send.length > 0 ? await deps.io.deleteFiles(send.map((f) => f.path), deps.signal) : [];
    const skipped = new Set(failed2.filter((f) => f.notAttempted).map((f) => f.path));
    const failedPaths = new Set(failed2.map((f) => f.path));
    failures.push(...failed2.filter((f) => !f.notAttempted));
    for (const file of send) {
      if (skipped.has(file.path)) notAttempted2.push(file);
      else if (!failedPaths.has(file.path)) deleted.push(file);
    }
    if (skipped.size > 0) abortedBy ??= "stopped by a signal";
    deps.onRound?.(send.length, Math.min(at2 + round.length, files.length), files.length);
  }
  return { deleted, failures, notAttempted: notAttempted2, nowReferenced, abortedBy, durationMs: deps.clock() - started };
}

// src/iceberg/orphans/locations.ts
var DEFAULT_EQUIVALENCES = { schemes: { s3a: "s3", s3n: "s3" }, authorities: {} };
var URI = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/]*))?(.*)$/;
function normalisePath2(path2) {
  const collapsed = path2.replace(/\/{2,}/g, "/");
  return collapsed.length > 1 && collapsed.endsWith("/") ? collapsed.slice(0, -1) : collapsed;
}
function splitLocation(location, eq = DEFAULT_EQUIVALENCES) {
  const match = URI.exec(location);
  if (match === null || match[1].length === 1) return { scheme: "", authority: "", path: normalisePath2(location) };
  const scheme = match[1].toLowerCase();
  const authority = (match[2] ?? "").toLowerCase();
  return {
    scheme: eq.schemes[scheme] ?? scheme,
    authority: eq.authorities[authority] ?? authority,
    path: normalisePath2(match[3] ?? "")
  };
}
var ReferencedIndex = class {
  constructor(eq = DEFAULT_EQUIVALENCES) {
    this.eq = eq;
  }
  eq;
  byPath = /* @__PURE__ */ new Map();
  count = 0;
  get size() {
    return this.count;
  }
  add(location) {
    const { scheme, authority, path: path2 } = splitLocation(location, this.eq);
    const entries = this.byPath.get(path2);
    if (entries === void 0) {
      this.byPath.set(path2, [{ scheme, authority, original: location }]);
      this.count += 1;
    } else if (!entries.some((e) => e.scheme === scheme && e.authority === authority)) {
      entries.push({ scheme, authority, original: location });
    }
  }
  /**
   * referenced: some referenced location has this path, and its scheme and authority are empty or equal;
   * mismatch: the path is referenced, but only under another scheme or authority; orphan: the path is not referenced.
   */
  classify(location) {
    const { scheme, authority, path: path2 } = splitLocation(location, this.eq);
    const entries = this.byPath.get(path2);
    if (entries === void 0) return { kind: "orphan" };
    const agrees = (valid, actual) => valid === "" || valid === actual;
    if (entries.some((e) => agrees(e.scheme, scheme) && agrees(e.authority, authority))) return { kind: "referenced" };
    return { kind: "mismatch", referencedAs: entries[0].original };
  }
};

// src/iceberg/orphans/plan.ts
function isHidden(component, partitionFields2) {
  if (!component.startsWith("_") && !component.startsWith(".")) return false;
  const eq = component.indexOf("=");
  return !(eq > 0 && partitionFields2.has(component.slice(0, eq)));
}
var METADATA_FILE = /(\.metadata\.json(\.gz)?|^version-hint\.text)$/;
function planOrphans(input) {
  const root = input.root.replace(/\/+$/, "");
  const ownDirs = new Set(input.metadataDirs.map((d) => splitLocation(d).path));
  let referenced = 0;
  let hidden = 0;
  let tooYoung = 0;
  const mismatches = [];
  const orphans = [];
  const foreignMetadata = [];
  for (const file of input.listed) {
    const relative5 = file.path.startsWith(`${root}/`) ? file.path.slice(root.length + 1) : file.path;
    const components = relative5.split("/");
    if (components.some((c) => isHidden(c, input.partitionFields))) {
      hidden += 1;
      continue;
    }
    const name = components[components.length - 1];
    if (METADATA_FILE.test(name)) {
      const dir = splitLocation(file.path.slice(0, file.path.length - name.length - 1)).path;
      if (!ownDirs.has(dir)) foreignMetadata.push(file.path);
    }
    const { kind, referencedAs } = input.referenced.classify(file.path);
    if (kind === "referenced") {
      referenced += 1;
      continue;
    }
    if (!(file.lastModifiedMs < input.cutoffMs)) {
      tooYoung += 1;
      continue;
    }
    if (kind === "mismatch") {
      mismatches.push({ path: file.path, referencedAs: referencedAs ?? "" });
      if (input.prefixMismatch !== "delete") continue;
    }
    orphans.push(file);
  }
  orphans.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { listed: input.listed.length, referenced, hidden, tooYoung, mismatches, orphans, foreignMetadata };
}

// src/iceberg/orphans/referenced.ts
var READ_CONCURRENCY3 = 16;
function metadataLogFiles2(doc) {
  const log = doc["metadata-log"];
  if (!Array.isArray(log)) return [];
  return log.flatMap((entry) => isJsonObject(entry) && typeof entry["metadata-file"] === "string" ? [entry["metadata-file"]] : []);
}
function metadataDirs(meta) {
  const location = meta.view.location.replace(/\/+$/, "");
  const custom = expirationProperties(meta.view.properties).metadataPath?.replace(/\/+$/, "");
  return custom === void 0 || custom === `${location}/metadata` ? [`${location}/metadata`] : [`${location}/metadata`, custom];
}
function metadataReferences(meta) {
  const { view } = meta;
  return [
    meta.location,
    ...metadataLogFiles2(meta.doc),
    ...metadataDirs(meta).map((dir) => `${dir}/version-hint.text`),
    ...view.statistics.map((s) => s.path),
    ...view.partitionStatistics.map((s) => s.path),
    ...view.snapshots.flatMap((s) => s.manifestList !== void 0 ? [s.manifestList] : [])
  ];
}
function unreadable2(what, cause) {
  if (isStopped(cause)) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new IcebergError("UNREADABLE", `${what} cannot be read, so nothing is deleted for this table: ${reason}`, { hint: "restore the file or repair the table, then run again", cause });
}
async function collectReferenced(meta, reader) {
  const out = new Set(metadataReferences(meta));
  const manifests = /* @__PURE__ */ new Set();
  const { snapshots } = meta.view;
  await mapWithConcurrency(snapshots, READ_CONCURRENCY3, async (snapshot) => {
    if (snapshot.manifestList === void 0) {
      for (const path2 of snapshot.manifests ?? []) manifests.add(path2);
      return;
    }
    try {
      for (const m of (await reader.manifestList(snapshot.manifestList)).manifests) manifests.add(m.path);
    } catch (cause) {
      throw unreadable2(`manifest list ${snapshot.manifestList} of snapshot ${snapshot.id}`, cause);
    }
  });
  await mapWithConcurrency([...manifests], READ_CONCURRENCY3, async (path2) => {
    out.add(path2);
    try {
      for (const file of await reader.liveFiles(path2)) out.add(file.path);
    } catch (cause) {
      throw unreadable2(`manifest ${path2}`, cause);
    }
  });
  return { locations: [...out], manifestLists: snapshots.filter((s) => s.manifestList !== void 0).length, manifests: manifests.size };
}

// src/iceberg/orphans/table.ts
var SHOWN_MISMATCHES = 5;
function partitionFields(doc) {
  const names = /* @__PURE__ */ new Set();
  const specs = [...Array.isArray(doc["partition-specs"]) ? doc["partition-specs"] : [], { fields: doc["partition-spec"] }];
  for (const spec of specs) {
    const fields = isJsonObject(spec) ? spec["fields"] : void 0;
    if (!Array.isArray(fields)) continue;
    for (const f of fields) if (isJsonObject(f) && typeof f["name"] === "string") names.add(f["name"]);
  }
  return names;
}
async function listAll(io, root, signal) {
  if (io.list === void 0) throw new IcebergError("INTERNAL", "the file store cannot list files", { subject: root });
  const out = [];
  for await (const file of io.list(root, signal)) out.push(file);
  if (signal?.aborted) throw new IcebergError("STOPPED", "stopped by a signal while listing: nothing was deleted", { hint: "run again to finish" });
  return out;
}
function refuse(plan, options6, name) {
  if (plan.foreignMetadata.length > 0) {
    throw new IcebergError("REFUSED", `the location holds metadata of another table (${plan.foreignMetadata.slice(0, SHOWN_MISMATCHES).join(", ")}), whose files would all look orphaned; nothing was deleted`, { subject: name, hint: "give each table its own location" });
  }
  if (plan.mismatches.length > 0 && options6.prefixMismatch === "error") {
    const shown2 = plan.mismatches.slice(0, SHOWN_MISMATCHES).map((m) => `${m.path} (referenced as ${m.referencedAs})`).join(", ");
    const more = plan.mismatches.length > SHOWN_MISMATCHES ? `, \u2026 (${plan.mismatches.length} in all)` : "";
    throw new IcebergError("REFUSED", `${plan.mismatches.length} listed file(s) match a referenced path only under another scheme or authority, so nothing was deleted: ${shown2}${more}`, {
      subject: name,
      hint: "if they name the same store, say so with --equal-scheme or --equal-authority; else --prefix-mismatch ignore keeps them, --prefix-mismatch delete removes them"
    });
  }
}
async function select(ident, orphans, options6, marks) {
  if (options6.deleteMarkedAfterMs === void 0) return { toDelete: options6.mark ? [] : orphans, awaitingMark: options6.mark ? orphans.length : 0, markedAt: /* @__PURE__ */ new Map() };
  if (marks === void 0) throw new IcebergError("INTERNAL", "the two-phase mode needs the marks table");
  const markedAt = await marks.read(ident);
  const limit = options6.nowMs - options6.deleteMarkedAfterMs;
  const toDelete = orphans.filter((o) => (markedAt.get(o.path) ?? Infinity) <= limit);
  return { toDelete, awaitingMark: orphans.length - toDelete.length, markedAt };
}
function lines(files, nowMs, markedAt) {
  return files.map((f) => {
    const mark = markedAt.get(f.path);
    return { path: f.path, sizeBytes: f.sizeBytes, ageMs: nowMs - f.lastModifiedMs, ...mark !== void 0 ? { markedAt: new Date(mark).toISOString() } : {} };
  });
}
function rechecker(ident, first, index, options6, deps, reader, warnings) {
  let seen = first.location;
  const stillOrphan = (path2) => {
    const { kind } = index.classify(path2);
    return kind === "orphan" || kind === "mismatch" && options6.prefixMismatch === "delete";
  };
  return async () => {
    const pointer = await deps.catalog.loadPointer(ident);
    if (pointer !== seen) {
      const moved = await loadMetadata(deps.io, pointer);
      for (const location of (await collectReferenced(moved, reader)).locations) index.add(location);
      warnings.push(`a commit (${pointer}) landed while cleaning; its files were re-checked before deleting`);
      seen = pointer;
    }
    return stillOrphan;
  };
}
function failed(name, started, deps, options6, error, partial = {}) {
  const code = error instanceof IcebergError ? error.code : "INTERNAL";
  return {
    table: name,
    status: code === "STOPPED" ? "stopped" : "failed",
    dryRun: options6.dryRun,
    location: void 0,
    metadataLocation: void 0,
    counts: ZERO_COUNTS,
    filesPerSecond: void 0,
    deleteMs: 0,
    durationMs: deps.clock() - started,
    files: [],
    prefixMismatches: [],
    failures: [],
    warnings: [],
    ...partial,
    // A stop before any delete (the reader's message speaks of commits, which this job never makes).
    error: { code, message: code === "STOPPED" ? "stopped by a signal before deleting: nothing was deleted for this table" : describeError(error) }
  };
}
async function removeTableOrphans(ident, options6, deps) {
  const started = deps.clock();
  const name = identText(ident);
  let partial = {};
  try {
    const meta = await loadMetadata(deps.io, await deps.catalog.loadPointer(ident));
    const root = meta.view.location.replace(/\/+$/, "");
    partial = { location: root, metadataLocation: meta.location };
    if (!expirationProperties(meta.view.properties).gcEnabled) {
      throw new IcebergError("REFUSED", "gc.enabled is false: files of this table may be shared with another, so none is deleted", { subject: name, hint: "set gc.enabled=true only if no other table references its files" });
    }
    const reader = new ManifestReader(deps.io, deps.signal);
    const [referenced, listed3] = await Promise.all([collectReferenced(meta, reader), listAll(deps.io, root, deps.signal)]);
    const index = new ReferencedIndex(options6.equivalences);
    for (const location of referenced.locations) index.add(location);
    const plan = planOrphans({
      root,
      listed: listed3,
      referenced: index,
      cutoffMs: options6.cutoffMs,
      prefixMismatch: options6.prefixMismatch,
      partitionFields: partitionFields(meta.doc),
      metadataDirs: metadataDirs(meta)
    });
    deps.log(`${name}: listed ${plan.listed} file(s), ${plan.referenced} referenced, ${plan.orphans.length} orphan(s) older than the cutoff`);
    partial = { ...partial, prefixMismatches: plan.mismatches };
    refuse(plan, options6, name);
    const selected = await select(ident, plan.orphans, options6, deps.marks);
    let marked = 0;
    if (options6.mark && !options6.dryRun) {
      if (deps.marks === void 0) throw new IcebergError("INTERNAL", "the two-phase mode needs the marks table");
      marked = (await deps.marks.record(ident, plan.orphans, options6.nowMs)).added;
    }
    const counts2 = {
      ...ZERO_COUNTS,
      listed: plan.listed,
      referencedLocations: index.size,
      referenced: plan.referenced,
      skippedHidden: plan.hidden,
      skippedTooYoung: plan.tooYoung,
      skippedPrefixMismatch: options6.prefixMismatch === "delete" ? 0 : plan.mismatches.length,
      orphans: plan.orphans.length,
      orphanBytes: plan.orphans.reduce((n, f) => n + f.sizeBytes, 0),
      awaitingMark: selected.awaitingMark,
      marked
    };
    const base = { table: name, dryRun: options6.dryRun, location: root, metadataLocation: meta.location, prefixMismatches: plan.mismatches };
    if (options6.dryRun) {
      return { ...base, status: "planned", counts: counts2, filesPerSecond: void 0, deleteMs: 0, durationMs: deps.clock() - started, files: lines(selected.toDelete, options6.nowMs, selected.markedAt), failures: [], warnings: [] };
    }
    const warnings = [];
    const outcome = await deleteOrphans(selected.toDelete, {
      io: deps.io,
      roundSize: options6.roundSize,
      signal: deps.signal,
      clock: deps.clock,
      recheck: rechecker(ident, meta, index, options6, deps, reader, warnings),
      onRound: (sent, done, total) => deps.log(`${name}: deleting ${sent} file(s) (${done}/${total})`)
    });
    if (deps.marks !== void 0) await deps.marks.forget(ident, outcome.deleted.map((f) => f.path));
    if (outcome.abortedBy !== void 0) warnings.push(`${outcome.abortedBy}: ${outcome.notAttempted.length} orphan(s) left for the next run`);
    const stopped3 = deps.signal?.aborted === true && outcome.notAttempted.length > 0;
    return {
      ...base,
      status: stopped3 ? "stopped" : outcome.abortedBy !== void 0 || outcome.failures.length > 0 ? "failed" : "cleaned",
      counts: {
        ...counts2,
        deleted: outcome.deleted.length,
        deletedBytes: outcome.deleted.reduce((n, f) => n + f.sizeBytes, 0),
        deleteFailures: outcome.failures.length,
        notAttempted: outcome.notAttempted.length,
        nowReferenced: outcome.nowReferenced.length
      },
      filesPerSecond: filesPerSecond(outcome.deleted.length, outcome.durationMs),
      deleteMs: outcome.durationMs,
      durationMs: deps.clock() - started,
      files: lines(outcome.deleted, options6.nowMs, selected.markedAt),
      failures: outcome.failures,
      warnings,
      ...outcome.abortedBy !== void 0 && !stopped3 ? { error: { code: "IO", message: outcome.abortedBy } } : {}
    };
  } catch (error) {
    return failed(name, started, deps, options6, error, partial);
  }
}

// src/iceberg/orphans/run.ts
var DEFAULT_ORPHAN_AGE_MS = 3 * 864e5;
var MIN_ORPHAN_AGE_MS = 864e5;
var DELETE_BATCH = 1e3;
function modeOf(options6) {
  if (options6.deleteMarkedAfterMs === void 0) return options6.mark ? "mark" : "delete";
  return options6.mark ? "mark-and-delete-marked" : "delete-marked";
}
async function runOrphanRemoval(options6, deps) {
  const tables = await selectTables(deps.catalog, options6);
  const tableOptions = {
    cutoffMs: options6.cutoffMs,
    nowMs: options6.nowMs,
    prefixMismatch: options6.prefixMismatch,
    equivalences: options6.equivalences,
    dryRun: options6.dryRun,
    mark: options6.mark,
    deleteMarkedAfterMs: options6.deleteMarkedAfterMs,
    roundSize: DELETE_BATCH * options6.maxConcurrentDeletes
  };
  const tableDeps = { catalog: deps.catalog, io: deps.io, marks: deps.marks, log: deps.log, signal: deps.signal, clock: deps.clock ?? Date.now };
  const loop = { command: "remove-orphans", shard: options6.shard, dryRun: options6.dryRun, log: deps.log, signal: deps.signal, onTable: deps.onTable };
  const { summaries, notStarted } = await forEachTable(tables, loop, (ident) => removeTableOrphans(ident, tableOptions, tableDeps));
  const counts2 = summaries.reduce((sum, t) => addCounts(sum, t.counts), ZERO_COUNTS);
  const deleteMs = summaries.reduce((n, t) => n + t.deleteMs, 0);
  return {
    catalog: options6.selection.catalogName,
    shard: { index: options6.shard.index, count: options6.shard.count },
    dryRun: options6.dryRun,
    now: new Date(options6.nowMs).toISOString(),
    cutoff: new Date(options6.cutoffMs).toISOString(),
    prefixMismatch: options6.prefixMismatch,
    mode: modeOf(options6),
    stopped: deps.signal?.aborted === true,
    totals: { ...counts2, filesPerSecond: filesPerSecond(counts2.deleted, deleteMs) },
    tables: summaries,
    notStarted
  };
}
async function removeOrphans(options6, deps) {
  const catalogPool = openCatalogPool(options6.connection);
  const { files } = options6;
  const io = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, { ...files.s3, deleteBatchSize: DELETE_BATCH }, files.maxConcurrentDeletes);
  try {
    const catalog = new PostgresSqlCatalog(catalogPool.pool, options6.selection.catalogName);
    await checkCatalog(catalogPool.pool, catalog, options6.selection, options6.connection.display);
    const twoPhase = options6.mark || options6.deleteMarkedAfterMs !== void 0;
    return await runOrphanRemoval(options6, { catalog, io, marks: twoPhase ? new OrphanMarks(catalogPool.pool) : void 0, ...deps });
  } finally {
    io.close();
    await catalogPool.close();
  }
}

// src/iceberg/orphans/rest.ts
async function removeOrphansThroughRest(options6, deps) {
  if (options6.mark || options6.deleteMarkedAfterMs !== void 0) throw new IcebergError("INTERNAL", "the two-phase mode needs the SQL catalog database");
  const { files } = options6;
  const s3 = { ...files.s3, deleteBatchSize: DELETE_BATCH };
  const base = RoutingFileIO.create(new LocationMap(files.locationMappings), files.warehouse, s3, files.maxConcurrentDeletes);
  const vended = new VendedCredentialsFileIO(base, new LocationMap(files.locationMappings), s3, files.maxConcurrentDeletes);
  try {
    const catalog = await RestCatalog.open(options6.selection.catalogName, options6.rest, vended, {
      ...deps.fetch !== void 0 ? { fetch: deps.fetch } : {},
      ...deps.signal !== void 0 ? { signal: deps.signal } : {},
      onLoaded: (_ident, table) => vended.offer(table)
    });
    await checkRestSelection(catalog, options6.selection);
    return await runOrphanRemoval(options6, { catalog, io: vended, marks: void 0, log: deps.log, onTable: deps.onTable, signal: deps.signal });
  } finally {
    vended.close();
    base.close();
  }
}

// src/cli/commands/metrics-remove-orphans.ts
function removeOrphansMetrics(run2) {
  return run2.tables.flatMap((table) => tableMetrics2(table));
}
function tableMetrics2(summary3) {
  const { table, counts: counts2 } = summary3;
  const deleting = !summary3.dryRun;
  const skipped = { too_young: counts2.skippedTooYoung, hidden: counts2.skippedHidden, prefix_mismatch: counts2.skippedPrefixMismatch };
  return [
    sample("orphansFilesDeleted", deleting ? counts2.deleted : 0, { table }),
    sample("orphansBytesReclaimed", deleting ? counts2.deletedBytes : 0, { table }),
    sample("orphansFound", counts2.orphans, { table }),
    sample("orphansDeleteFailures", deleting ? counts2.deleteFailures : 0, { table }),
    ...Object.entries(skipped).map(([reason, count2]) => sample("orphansSkipped", count2, { table, reason })),
    sample("orphansAwaitingMark", counts2.awaitingMark, { table }),
    // A stopped table is unfinished, not failed: the next run finishes it.
    sample("orphansTableFailed", summary3.status === "failed" ? 1 : 0, { table })
  ];
}

// src/cli/commands/remove-orphans-values.ts
var COMMAND2 = "remove-orphans";
function equivalenceValue(what) {
  const example = what === "scheme" ? "s3a,s3n=s3" : "namenode-1:8020,namenode-2:8020=namenode:8020";
  const name = what === "scheme" ? /^[a-zA-Z][a-zA-Z0-9+.-]*$/ : /^[^\s/=,]+$/;
  return (text) => {
    const at2 = text.lastIndexOf("=");
    const from = text.slice(0, Math.max(0, at2)).split(",").map((s) => s.trim());
    const to = text.slice(at2 + 1).trim();
    if (at2 <= 0 || to === "" || from.some((f) => !name.test(f)) || !name.test(to)) {
      throw new InvalidValue(`is not FROM[,FROM\u2026]=TO with ${what} names`, `e.g. ${example}`);
    }
    return { from: from.map((f) => f.toLowerCase()), to: to.toLowerCase() };
  };
}
function equivalences(schemes, authorities) {
  const merge2 = (base, extra) => {
    const out = { ...base };
    for (const e of extra) for (const f of e.from) out[f] = e.to;
    return out;
  };
  return { schemes: merge2(DEFAULT_EQUIVALENCES.schemes, schemes), authorities: merge2(DEFAULT_EQUIVALENCES.authorities, authorities) };
}
function describeAge(ms) {
  return ms % 36e5 === 0 ? `${ms / 36e5}h` : `${Math.round(ms / 6e4)}m`;
}
function cutoffOf(olderThan, nowMs, force) {
  const cutoff = olderThan === void 0 ? nowMs - DEFAULT_ORPHAN_AGE_MS : olderThan.kind === "age" ? nowMs - olderThan.ms : olderThan.ms;
  const age = nowMs - cutoff;
  if (age < MIN_ORPHAN_AGE_MS && !force) {
    const given2 = olderThan?.kind !== "instant" ? describeAge(age) : age <= 0 ? "an instant not before --now" : `an instant ${describeAge(age)} before --now`;
    throw new UsageError(`--older-than ${given2} is less than 1 day: files of writes still in progress could be deleted; give 1d or more (default 3d), or add --force if no write can take that long`, COMMAND2);
  }
  return cutoff;
}

// src/cli/commands/remove-orphans.ts
var ORPHANS = "Orphans";
var OUTPUT3 = "Output";
var removeOrphansCommand = defineCommand({
  name: COMMAND2,
  summary: "Delete files under Iceberg table locations that no snapshot, metadata file or statistics file references",
  usage: ["remove-orphans --catalog-name NAME [--catalog-uri URI] [--namespace NS] [--table NAME] [--older-than AGE|INSTANT] [--prefix-mismatch error|ignore|delete] [--dry-run] [--mark] [--delete-marked-after AGE] [--format text|json]"],
  description: `Lists each selected table's location and deletes the files older than --older-than (3 days by
default) that its current metadata does not reach: every snapshot's manifest list, manifests and live
data and delete files, the current metadata file and every metadata-log entry, statistics and
partition-statistics files, and the version hint. Paths compare as Iceberg Java compares them
(s3, s3a and s3n are one scheme); a file referenced only under another scheme or authority stops the
table unless --prefix-mismatch says otherwise. Files and directories whose name starts with _ or .
are never touched.

Unsure means delete nothing: an unreadable metadata file, manifest list or manifest, another table's
metadata under the location, or gc.enabled=false fails that table before any delete; the other tables
still run. Right before each delete round the catalog pointer is read again, and files a new commit
references are kept.

Two-phase mode: --mark records the orphans in the catalog database (table guardrails_orphan_marks,
created if absent) and deletes nothing; --delete-marked-after 10d deletes only files marked at least
that long ago that are still orphans. Together they mark new orphans and delete old marks in one run.
On SIGINT or SIGTERM no new delete batch starts; what is left is reported and the next run finishes it.`,
  options: {
    ...catalogOptions,
    "older-than": option({ placeholder: "AGE|INSTANT", description: "Only files last modified before this age (3d, 72h, \u2026) before --now, or this ISO 8601 instant (default 3d; less than 1d needs --force)", parse: olderThanValue, group: ORPHANS }),
    force: flag("Allow an --older-than of less than 1 day", { group: ORPHANS }),
    now: option({ placeholder: "INSTANT", description: "Measure ages from this ISO 8601 instant instead of the clock", parse: instantValue, group: ORPHANS }),
    "prefix-mismatch": option({
      placeholder: "MODE",
      description: "A file referenced only under another scheme or authority: error (default: fail the table), ignore (keep it) or delete",
      parse: enumValue(["error", "ignore", "delete"]),
      fallback: "error",
      group: ORPHANS
    }),
    "equal-scheme": repeatable({ placeholder: "FROM=TO", description: "Schemes that name the same store (s3a,s3n=s3 is always assumed)", parse: equivalenceValue("scheme"), group: ORPHANS }),
    "equal-authority": repeatable({ placeholder: "FROM=TO", description: "Authorities (bucket, host:port) that name the same store", parse: equivalenceValue("authority"), group: ORPHANS }),
    mark: flag("Two-phase mode: record the orphans in the catalog database; delete none of them", { group: ORPHANS }),
    "delete-marked-after": option({ placeholder: "AGE", description: "Two-phase mode: delete only orphans marked at least this long ago (e.g. 10d)", parse: durationValue(), group: ORPHANS }),
    ...fileOptions,
    "dry-run": flag("Print every file it would delete, with size and age; delete and mark nothing", { group: OUTPUT3 }),
    format: { ...jobFormatOption, placeholder: "text|json", description: "text (default), or json: one versioned JSON document on stdout (docs/iceberg-orphans.md)", group: OUTPUT3 },
    "summary-markdown": option({ placeholder: "FILE", description: "Append a Markdown summary (one row per table), e.g. $GITHUB_STEP_SUMMARY", parse: pathValue("writable-file"), group: OUTPUT3 })
  },
  exits: {
    ok: "every selected table was cleaned (or had no orphans)",
    failed: "a table failed (unreadable metadata, prefix mismatch, refused, a delete failed), or a signal stopped the run",
    unavailable: "the catalog (database or REST service) cannot be reached"
  },
  notes: ICEBERG_ENVIRONMENT_NOTES,
  refine(values, { now }) {
    cutoffOf(values["older-than"], (values.now ?? now()).getTime(), values.force);
    const type = values["catalog-type"];
    checkCatalogFlags(COMMAND2, type, { uri: values["catalog-uri"], sslMode: values["catalog-ssl-mode"], warehouse: values["catalog-warehouse"], oauth2ServerUri: values["catalog-oauth2-server-uri"] });
    if (type === "rest" && (values.mark || values["delete-marked-after"] !== void 0)) {
      throw new UsageError(`${values.mark ? "--mark" : "--delete-marked-after"} keeps its marks in the SQL catalog database, which --catalog-type rest does not have; run the two-phase mode with --catalog-type sql, or drop it`, COMMAND2);
    }
  },
  async run(values, { io, signal, now, recordMetrics }) {
    const json = values.format === "json";
    return withJsonFailure(io, values.format, COMMAND2, async () => {
      const nowMs = (values.now ?? now()).getTime();
      const options6 = {
        selection: { catalogName: values["catalog-name"], namespace: values.namespace, table: values.table },
        shard: values.shard,
        cutoffMs: cutoffOf(values["older-than"], nowMs, values.force),
        nowMs,
        prefixMismatch: values["prefix-mismatch"],
        equivalences: equivalences(values["equal-scheme"], values["equal-authority"]),
        dryRun: values["dry-run"],
        mark: values.mark,
        deleteMarkedAfterMs: values["delete-marked-after"],
        maxConcurrentDeletes: values["max-concurrent-deletes"],
        files: fileSettingsOf(values, io.cwd)
      };
      const deps = {
        signal,
        log: (line2) => io.stderr.write(`${line2}
`),
        ...json ? {} : { onTable: (summary3) => io.stdout.write(`${renderOrphanTable(summary3)}
`) }
      };
      const result = values["catalog-type"] === "rest" ? await removeOrphansThroughRest({ ...options6, rest: await resolveRestSettings(COMMAND2, { uri: values["catalog-uri"], warehouse: values["catalog-warehouse"], oauth2ServerUri: values["catalog-oauth2-server-uri"] }, io.env) }, deps) : await removeOrphans({ ...options6, connection: await resolveConnection(COMMAND2, { uri: values["catalog-uri"], sslMode: values["catalog-ssl-mode"], poolSize: values["catalog-pool-size"] }, io.env) }, deps);
      recordMetrics?.(removeOrphansMetrics(result));
      if (values["summary-markdown"] !== void 0) await appendFile4(values["summary-markdown"], renderOrphanSummary(result));
      for (const line2 of renderOrphanOutcome(result)) io.stderr.write(`${line2}
`);
      const code = result.stopped || result.tables.some((t) => t.status === "failed" || t.status === "stopped") ? EXIT.FAILED : EXIT.OK;
      if (json) writeJobJson(io, COMMAND2, code, { ...result });
      return code;
    });
  }
});

// src/cli/commands/restore.ts
import { writeFile as writeFile4 } from "node:fs/promises";

// src/cli/commands/metrics-restore.ts
function samples(counts2) {
  return [
    sample("restoreVersionsRegistered", counts2.registered, {}),
    sample("restoreConflicts", counts2.conflicts, {}),
    sample("restoreModesReset", counts2.modesReset, {}),
    sample("restoreLeftInImport", counts2.leftInImport, {})
  ];
}
function restoreMetrics(outcome) {
  const applied = outcome.applied;
  return samples({
    registered: applied?.registered ?? 0,
    conflicts: outcome.plan.conflicts.length,
    modesReset: applied?.modes.reset.length ?? 0,
    leftInImport: applied?.modes.left.length ?? 0
  });
}
function resetModesMetrics(result, dryRun) {
  return samples({
    registered: 0,
    conflicts: 0,
    modesReset: dryRun ? 0 : result.reset.length,
    leftInImport: (dryRun ? result.reset.length : 0) + result.failed.length + result.notDone.length
  });
}
function gitHistoryMetrics(result) {
  return samples({ registered: result.entries.filter((e) => e.action === "registered").length, conflicts: 0, modesReset: 0, leftInImport: 0 });
}

// src/cli/commands/restore-output.ts
function restoreStatus(outcome, dryRun) {
  if (outcome.plan.conflicts.length > 0) return "conflicts";
  if (!outcome.applied) return dryRun ? "dry-run" : "restored";
  if (outcome.applied.stopped || !outcome.verified) return "stopped";
  return outcome.differences.length > 0 ? "differences" : "restored";
}
function writeRestoreReport(io, format, backup2, outcome, dryRun) {
  const status3 = restoreStatus(outcome, dryRun);
  const exitCode = status3 === "dry-run" || status3 === "restored" ? EXIT.OK : EXIT.FAILED;
  if (format === "json") {
    return writeJobJson(io, "restore", exitCode, { status: status3, dryRun, source: sourceJson(backup2), plan: planSummary(outcome.plan), outcome: outcomeJson(outcome) });
  }
  if (status3 === "conflicts") {
    io.stderr.write(`error: ${outcome.plan.conflicts.length} conflict(s); nothing was written. Resolve them (see the plan) or restore into another context with --target-context
`);
    return exitCode;
  }
  const applied = outcome.applied;
  if (!applied) return exitCode;
  if (applied.stopped) {
    io.stdout.write(stoppedText(applied));
    const left = applied.modes.left.length;
    io.stderr.write(`error: stopped by a signal: ${applied.registered} version(s) registered, ${applied.notRegistered.length} not; ${left === 0 ? "every subject is out of IMPORT" : `${left} subject(s) may still be in IMPORT: run guardrails restore --reset-modes with the same backup`}
`);
    return exitCode;
  }
  if (!outcome.verified) {
    io.stderr.write("error: stopped by a signal after the last write, before the verification; run the same command with --dry-run to check the target\n");
    return exitCode;
  }
  io.stdout.write(renderOutcome(applied, outcome.differences, outcome.warnings));
  return exitCode;
}
function stoppedText(applied) {
  const lines2 = [
    `Stopped: ${applied.registered} version(s) registered, ${applied.notRegistered.length} not registered, ${applied.softDeleted} soft delete(s); configs and modes not applied.`,
    `Modes: ${applied.modes.reset.length} subject(s) put back from IMPORT${applied.modes.left.length ? `; still possibly in IMPORT: ${applied.modes.left.map((l) => l.subject).join(", ")}` : ""}.`,
    "Run the same command again to finish: it resumes where it stopped."
  ];
  return `${lines2.join("\n")}
`;
}
function sourceJson(backup2) {
  return { label: backup2.label, takenAt: backup2.manifest.finishedAt, counts: backup2.manifest.counts };
}
function planSummary(plan) {
  return {
    formatVersion: plan.formatVersion,
    preserveIds: plan.preserveIds,
    create: plan.register.length,
    createSubjects: new Set(plan.register.map((r) => r.record.subject)).size,
    identical: plan.skip.length,
    conflicts: plan.conflicts,
    softDeletes: plan.softDeletes.length,
    imports: plan.imports.length,
    forcedImports: plan.imports.filter((i) => i.force).length,
    leftInImport: plan.imports.filter((i) => i.leftInImport).map((i) => i.subject),
    settings: plan.settings.length
  };
}
function outcomeJson(outcome) {
  const a = outcome.applied;
  if (!a) return null;
  return {
    stopped: a.stopped,
    verified: outcome.verified,
    registered: a.registered,
    notRegistered: a.notRegistered,
    softDeleted: a.softDeleted,
    settingsChanged: a.settingsChanged,
    modesReset: a.modes.reset.length,
    leftInImport: a.modes.left,
    differences: outcome.differences,
    warnings: outcome.warnings
  };
}
function writeResetReport(io, format, backup2, result, dryRun) {
  const exitCode = result.failed.length > 0 || result.stopped ? EXIT.FAILED : EXIT.OK;
  if (format === "json") {
    const status3 = result.stopped ? "stopped" : result.failed.length > 0 ? "failed" : dryRun ? "dry-run" : "reset";
    return writeJobJson(io, "restore", exitCode, { status: status3, mode: "reset-modes", dryRun, source: sourceJson(backup2), ...result });
  }
  const verb = dryRun ? "would be put back" : "put back";
  const lines2 = [
    `Checked the mode of ${result.checked} subject(s) of the backup${dryRun ? " (dry run: nothing will be written)" : ""}: ${result.reset.length} in IMPORT ${verb}.`,
    ...result.reset.map((r) => `  ~ ${r.subject} \u2192 ${r.to}`),
    ...result.failed.map((f) => `  ! ${f.subject}: ${f.reason}`),
    ...result.notDone.length ? [`Not done (stopped): ${result.notDone.join(", ")}`] : []
  ];
  io.stdout.write(`${lines2.join("\n")}
`);
  if (exitCode !== EXIT.OK) io.stderr.write(`error: ${result.stopped ? "stopped by a signal" : `${result.failed.length} subject(s) could not be read or reset`}; run guardrails restore --reset-modes again
`);
  return exitCode;
}
function writeGitHistoryReport(io, format, result) {
  const exitCode = result.failed ? EXIT.FAILED : EXIT.OK;
  if (format === "json") return writeJobJson(io, "restore", exitCode, { status: result.failed ? "failed" : result.dryRun ? "dry-run" : "restored", mode: "schemas-at", ...result });
  io.stdout.write(renderGitHistory(result));
  return exitCode;
}

// src/cli/commands/restore-source.ts
import { resolve as resolve6 } from "node:path";
var SOURCE = "Source (one of --from, --from-git, --schemas-at)";
var S3_LOCATION = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/;
var fromValue = async (text, context2) => {
  if (text.startsWith("s3://")) {
    if (!S3_LOCATION.test(text)) throw new InvalidValue("is not s3://BUCKET/PREFIX/NAME/", "e.g. s3://acme-sr-backups/registry-backups/backup-20261126T020000Z/");
    return { kind: "s3", location: text };
  }
  if (text.trim() === "") throw new InvalidValue("is empty", "give the directory of a backup");
  return { kind: "dir", path: await checkPath(resolve6(context2.cwd, text), "dir") };
};
var sourceOptions = {
  from: option({ placeholder: "DIR|s3://\u2026", description: "A backup directory, or s3://BUCKET/PREFIX/NAME/ for one uploaded to S3", parse: fromValue, group: SOURCE }),
  "from-git": option({ placeholder: "REF", description: "The backup committed at REF (e.g. schema-backups, a commit, a tag)", parse: textValue(), group: SOURCE }),
  before: option({
    placeholder: "INSTANT",
    description: "With --from-git: the last commit on REF before it (2026-11-20 = midnight UTC, or 2026-11-20T02:00Z)",
    parse: instantValue,
    group: SOURCE
  }),
  "git-repo": option({ placeholder: "DIR", description: "The repository of --from-git or --schemas-at (default: the current directory)", parse: pathValue("dir"), group: SOURCE }),
  "schemas-at": option({ placeholder: "REF", description: "Re-register the schema files of the repository as of REF (git history; no ids kept)", parse: textValue(), group: SOURCE }),
  config: option({ placeholder: "PATH", description: "With --schemas-at: the config path at REF (default guardrails.yaml)", parse: textValue(), group: SOURCE }),
  "reset-modes": flag("Only take the backup's subjects that a killed restore left in IMPORT out of it (with --from or --from-git)", { group: SOURCE }),
  "s3-region": option({ placeholder: "REGION", description: "For --from s3://\u2026: default $AWS_REGION, else us-east-1", parse: textValue(/^[a-z0-9-]+$/, "a region such as eu-west-1"), group: SOURCE }),
  "s3-endpoint": option({ placeholder: "URL", description: "For --from s3://\u2026: an S3-compatible endpoint", parse: urlValue({ credentialsFrom: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" }), display: displayUrl, group: SOURCE })
};
function refineSource(values) {
  const given2 = ["from", "from-git", "schemas-at"].filter((name) => values[name] !== void 0);
  if (given2.length !== 1) {
    const found = given2.length === 0 ? "none was given" : `got ${given2.map((g) => `--${g}`).join(" and ")}`;
    usage(`give exactly one of --from DIR|s3://\u2026, --from-git REF or --schemas-at REF (${found})`);
  }
  if (values.before !== void 0 && values["from-git"] === void 0) usage("--before needs --from-git");
  if (values["git-repo"] !== void 0 && values.from !== void 0) usage("--git-repo goes with --from-git or --schemas-at, not --from");
  if (values.config !== void 0 && values["schemas-at"] === void 0) usage("--config needs --schemas-at");
  if (values["reset-modes"] && values["schemas-at"] !== void 0) usage("--reset-modes needs the backup the killed restore ran from: --from or --from-git");
  for (const name of ["s3-region", "s3-endpoint"]) {
    if (values[name] !== void 0 && values.from?.kind !== "s3") usage(`--${name} needs --from s3://\u2026`);
  }
}
function backupSource(values, cwd, env) {
  if (values.from?.kind === "dir") return values.from;
  if (values.from?.kind === "s3") return { ...values.from, region: values["s3-region"] ?? env["AWS_REGION"], endpoint: values["s3-endpoint"] };
  if (values["from-git"] === void 0) return void 0;
  return { kind: "git", repo: values["git-repo"] ?? cwd, ref: values["from-git"], ...values.before ? { before: values.before } : {} };
}
async function preflightSource(source, env) {
  if (source?.kind !== "git") return;
  await resolveGitSource(source, env).catch((error) => {
    if (!(error instanceof BackupError)) throw error;
    const option2 = source.before ? `--from-git "${source.ref}" --before "${source.before.toISOString()}"` : `--from-git "${source.ref}"`;
    usage(`${option2}: ${error.message}`);
  });
}
function usage(message) {
  throw new UsageError(message, "restore");
}

// src/cli/commands/restore.ts
var SELECTION = "Selection and output";
var contextValue = (text) => {
  try {
    return normalizeContext(text);
  } catch (error) {
    throw new InvalidValue(`is not a context name: ${error instanceof RegistryError ? error.problem : String(error)}`, "e.g. .restored");
  }
};
var options4 = {
  ...sourceOptions,
  ...registryOptions,
  subject: repeatable({ placeholder: "NAME", description: "Restore this subject (qualified for contexts, :.ctx:name)", parse: textValue(), group: SELECTION }),
  glob: repeatable({ placeholder: "PATTERN", description: "Restore subjects matching PATTERN (* and ?)", parse: textValue(), group: SELECTION }),
  "target-context": option({ placeholder: "CTX", description: "Restore the selected subjects into context CTX (e.g. .restored)", parse: contextValue, group: SELECTION }),
  "no-preserve-ids": flag("Register without ids and versions (registries that refuse IMPORT); ids will differ", { group: SELECTION }),
  "dry-run": flag("Print the plan and write nothing to the registry", { group: SELECTION }),
  "plan-out": option({ placeholder: "FILE", description: "Write the whole plan as JSON", parse: pathValue("writable-file"), group: SELECTION }),
  all: flag("Print every plan line (default: 50 per section)", { group: SELECTION }),
  progress: { ...progressOption, group: SELECTION },
  format: { ...jobFormatOption, description: "text (default) or json: one versioned JSON document on stdout (docs/backup-restore.md)", group: SELECTION }
};
var restoreCommand = defineCommand({
  name: "restore",
  summary: "Restore a backup (or schemas/ at a git ref) into a registry",
  usage: [
    "restore --from DIR|s3://\u2026 | --from-git REF [--before INSTANT] [--subject NAME]... [--glob PATTERN]... [--dry-run] [--format text|json]",
    "restore --from DIR | --from-git REF --reset-modes [--dry-run]",
    "restore --schemas-at REF [--config PATH] [--dry-run]"
  ],
  description: `Restores a backup into a registry with the same ids, versions, soft deletes, configs and modes.
SHA256SUMS is verified first, before the registry is contacted; then a plan is printed (create /
identical / conflicts). Nothing is written while a conflict remains, and nothing at all with
--dry-run. Subjects enter IMPORT mode one by one and always get their previous mode back. Safe to
run again: finished work is skipped. A full restore (no --subject, --glob or --target-context)
also restores global and context config and mode.

On SIGINT or SIGTERM no new write starts, requests in flight settle, every subject is put back
out of IMPORT within seconds, and what was and was not registered is printed. --reset-modes only
puts back the subjects a killed run left in IMPORT.`,
  options: options4,
  exits: {
    ok: "restored and verified, modes reset, or a dry run without conflicts",
    failed: "conflicts, a failed or stopped restore, or differences after it",
    unavailable: "the Schema Registry (or S3) could not be reached"
  },
  notes: "A backup that fails its checks is bad input (2), as are refused registry credentials. Also a job: node jobs/restore-schemas.ts.",
  refine(values) {
    refineSource(values);
    const usage2 = (message) => {
      throw new UsageError(message, "restore");
    };
    if (values["schemas-at"] !== void 0) {
      for (const name of ["target-context", "plan-out"]) if (values[name] !== void 0) usage2(`--${name} does not go with --schemas-at`);
      if (values["no-preserve-ids"]) usage2("--no-preserve-ids does not go with --schemas-at (it never keeps ids)");
    }
    if (values["reset-modes"]) {
      if (values["plan-out"] !== void 0) usage2("--plan-out does not go with --reset-modes (it plans no restore)");
      if (values["no-preserve-ids"]) usage2("--no-preserve-ids does not go with --reset-modes (without ids nothing enters IMPORT)");
    }
  },
  async preflight(values, { io }) {
    registrySettings(values, io.env);
    await preflightSource(backupSource(values, io.cwd, io.env), io.env);
  },
  async run(values, context2) {
    return withJsonFailure(context2.io, values.format, "restore", () => runRestore(values, context2));
  }
});
async function runRestore(values, { io, signal, recordMetrics }) {
  const selection = {
    globs: values.glob,
    subjects: values.subject,
    ...values["target-context"] !== void 0 ? { targetContext: values["target-context"] } : {}
  };
  const { client, openCleanupClient } = openRegistry(registrySettings(values, io.env), signal);
  try {
    const source = backupSource(values, io.cwd, io.env);
    if (source === void 0) {
      const result = await restoreFromGitHistory(client, gitIn(values["git-repo"] ?? io.cwd, io.env), {
        ref: values["schemas-at"] ?? "HEAD",
        ...values.config !== void 0 ? { configPath: values.config } : {},
        selection,
        dryRun: values["dry-run"],
        signal
      });
      recordMetrics?.(gitHistoryMetrics(result));
      return writeGitHistoryReport(io, values.format, result);
    }
    const backup2 = await loadBackup(source, io.env);
    const m = backup2.manifest;
    io.stderr.write(`backup ${backup2.label}: verified (${m.counts.files} files, ${m.counts.versions} versions of ${m.counts.subjects} subjects, taken ${m.finishedAt})
`);
    if (values["reset-modes"]) {
      const result = await resetModes({ backup: backup2.snapshot, selection, dryRun: values["dry-run"], concurrency: values.concurrency }, { client, signal });
      recordMetrics?.(resetModesMetrics(result, values["dry-run"]));
      return writeResetReport(io, values.format, backup2, result, values["dry-run"]);
    }
    return await restoreBackup(values, io, signal, backup2, selection, { client, openCleanupClient }, recordMetrics);
  } catch (error) {
    if (signal.aborted && error instanceof RegistryError && error.kind === "cancelled") {
      throw new BackupError("stopped", "the restore was stopped by a signal while reading, before any write; nothing was written", "Run it again");
    }
    throw error;
  } finally {
    client.close();
  }
}
async function restoreBackup(values, io, signal, backup2, selection, registry, recordMetrics) {
  const progress = createProgress(progressStyle(values.progress, io.stderr.isTTY ?? false, io.env), "registering", (t) => io.stderr.write(t));
  try {
    const outcome = await restore(
      { backup: backup2.snapshot, selection, preserveIds: !values["no-preserve-ids"], dryRun: values["dry-run"] },
      {
        client: registry.client,
        openCleanupClient: registry.openCleanupClient,
        signal,
        concurrency: values.concurrency,
        step: (title) => {
          progress.finish();
          io.stderr.write(`\u2022 ${title}
`);
        },
        onProgress: (done, total) => progress.update(done, total),
        onPlan: async (plan) => {
          if (values.format === "text") io.stdout.write(renderPlan(plan, { dryRun: values["dry-run"], all: values.all }));
          if (values["plan-out"] !== void 0) await writeFile4(values["plan-out"], `${JSON.stringify(plan, null, 2)}
`);
        }
      }
    );
    progress.finish();
    recordMetrics?.(restoreMetrics(outcome));
    return writeRestoreReport(io, values.format, backup2, outcome, values["dry-run"]);
  } finally {
    progress.finish();
  }
}

// src/cli/commands/schedule.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { hostname } from "node:os";
import { isAbsolute as isAbsolute3, join as join14, relative as relative4 } from "node:path";

// src/scheduler/service.ts
import cron4 from "node-cron";

// src/scheduler/config.ts
import cron from "node-cron";
import { z as z10 } from "zod";

// src/scheduler/duration.ts
var UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
var DURATION2 = /^(\d+(?:\.\d+)?)\s*(s|m|h)$/;
function durationSeconds(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : void 0;
  if (typeof value !== "string") return void 0;
  const match = DURATION2.exec(value.trim());
  if (!match) return void 0;
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}
function showDuration(seconds) {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

// src/scheduler/config.ts
var MAX_SHUTDOWN_SECONDS = 7;
var MIN_LEASE_SECONDS = 2;
var MAX_LEASE_SECONDS = 3600;
var DEFAULT_LEASE_SECONDS = 60;
var DEFAULT_TIMEOUT_SECONDS = 3600;
var MAX_TIMEOUT_SECONDS = 7 * 86400;
function duration(min, max, example) {
  const expected = `a duration from ${showDuration(min)} to ${showDuration(max)}: seconds, or a number with s, m or h, like ${example}`;
  return z10.union([z10.number(), z10.string()], { error: expected }).transform((value, ctx) => {
    const seconds = durationSeconds(value);
    if (seconds === void 0 || seconds < min || seconds > max) {
      ctx.issues.push({ code: "custom", message: expected, input: value });
      return z10.NEVER;
    }
    return seconds;
  });
}
var JobSchema = z10.strictObject({
  /** 5 fields (minute..day-of-week) or 6 (with seconds first). */
  cron: z10.string({ error: 'a cron expression like "0 2 * * *"' }).min(1, { error: 'a cron expression like "0 2 * * *"' }),
  enabled: z10.boolean({ error: "true or false" }).default(true),
  /** Arguments passed to the job's command, e.g. ["--dry-run"]. */
  args: z10.array(z10.string({ error: "a string" }), { error: 'a list of strings, like ["--dry-run"]' }).default([]),
  /** Overrides the schedule-wide time zone. */
  timezone: z10.string({ error: 'an IANA time zone like "Australia/Sydney"' }).optional(),
  /**
   * node-cron fires only when day-of-month AND day-of-week both match; POSIX cron (and GitHub Actions) fires when
   * either does. An expression restricting both is refused unless this says the AND reading is intended.
   */
  domAndDow: z10.boolean({ error: "true or false" }).default(false),
  /** Seconds a slot's run may take before the scheduler aborts it (recorded `timed-out`). */
  timeout: duration(1, MAX_TIMEOUT_SECONDS, '"2h"').default(DEFAULT_TIMEOUT_SECONDS),
  /**
   * Slots missed while no replica ran (after the job's last claimed slot): `skip` them, run the `latest`, or run
   * `all` of them (the most recent 10, within 7 days; 1 hour for 6-field expressions), oldest first.
   */
  catchUp: z10.enum(["skip", "latest", "all"], { error: "one of skip, latest, all" }).default("skip"),
  /**
   * A slot that fires while a run of the job is still going (on any replica): `skip` it, or `queue-one`: run it
   * once that run ends. At most one slot waits; later ones are skipped while it does.
   */
  overlap: z10.enum(["skip", "queue-one"], { error: "one of skip, queue-one" }).default("skip")
}, { error: "a mapping with `cron` and optionally `enabled`, `args`, `timezone`, `domAndDow`, `timeout`, `catchUp`, `overlap`" });
var SECTION_SHAPE = {
  timezone: z10.string({ error: 'an IANA time zone like "Australia/Sydney"' }).default("UTC"),
  /** How long a stop waits for aborted jobs to settle before recording them as interrupted. */
  shutdownTimeoutSeconds: z10.number({ error: `a number of seconds from 0 to ${MAX_SHUTDOWN_SECONDS}` }).min(0, { error: `a number of seconds from 0 to ${MAX_SHUTDOWN_SECONDS}` }).max(MAX_SHUTDOWN_SECONDS, { error: `at most ${MAX_SHUTDOWN_SECONDS} seconds, so that a stop ends within 10 s (docs/scheduler.md#shutdown)` }).default(5),
  /** Port of /healthz and /metrics; 0 picks a free one. */
  port: z10.number({ error: "a port number from 0 to 65535" }).int({ error: "a port number from 0 to 65535" }).min(0).max(65535).default(9464),
  /**
   * Seconds a claim stays valid without renewal (renewed every third of it). A replica that dies leaves its slot
   * `running`; once the lease has expired another replica takes the slot over and runs it.
   */
  lease: duration(MIN_LEASE_SECONDS, MAX_LEASE_SECONDS, '"90s"').default(DEFAULT_LEASE_SECONDS),
  /** Claim rows older than this are deleted at start-up. */
  claimRetentionDays: z10.number({ error: "a whole number of days, at least 1" }).int().positive({ error: "a whole number of days, at least 1" }).default(90),
  jobs: z10.record(z10.string().regex(/^[a-z][a-z0-9-]*$/), JobSchema, { error: "a mapping of job names to schedules" }).default({})
};
var ScheduleConfigSchema = z10.strictObject(SECTION_SHAPE, { error: "a mapping with `jobs` and optionally `timezone`, `shutdownTimeoutSeconds`, `port`, `lease`, `claimRetentionDays`" });
function parseScheduleConfig(raw, options6 = {}) {
  const file = options6.file ?? "guardrails.yaml";
  const issue = (path2, problem, target = "value") => ({
    file,
    ...options6.locate?.(path2, target),
    path: ["schedule", ...path2].join("."),
    problem
  });
  const result = ScheduleConfigSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(result.error.issues.flatMap((i) => zodIssue(i, raw, issue)));
  const config2 = result.data;
  const issues = [];
  const zone = timeZoneProblem(config2.timezone);
  if (zone) issues.push(issue(["timezone"], zone));
  for (const [name, job] of Object.entries(config2.jobs)) {
    if (options6.knownJobs && !options6.knownJobs.includes(name)) {
      issues.push(issue(["jobs", name], `no such job; known jobs: ${[...options6.knownJobs].sort().join(", ")}`, "key"));
    }
    const jobZone = job.timezone === void 0 ? void 0 : timeZoneProblem(job.timezone);
    if (jobZone) issues.push(issue(["jobs", name, "timezone"], jobZone));
    const problem = cronProblem(job.cron, job.domAndDow);
    if (problem) issues.push(issue(["jobs", name, "cron"], problem));
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return config2;
}
function zodIssue(i, raw, issue) {
  const path2 = i.path.map((p) => typeof p === "number" ? p : String(p));
  if (i.code === "unrecognized_keys") {
    const allowed = Object.keys(path2.length === 0 ? SECTION_SHAPE : JobSchema.shape).join(", ");
    return i.keys.map((key) => issue([...path2, key], `unknown key ${JSON.stringify(key)}; expected one of: ${allowed}`, "key"));
  }
  if (i.code === "invalid_key") {
    return [issue(path2, 'is not a job name; use lower-case letters, digits and dashes, like "expire-snapshots"', "key")];
  }
  const value = valueAt2(raw, path2);
  return [issue(path2, value === void 0 ? `is missing; expected ${i.message}` : `got ${showValue(value)}; expected ${i.message}`)];
}
function valueAt2(raw, path2) {
  let value = raw;
  for (const segment of path2) {
    if (value === null || typeof value !== "object") return void 0;
    value = value[segment];
  }
  return value;
}
function cronProblem(expression, domAndDow = false) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) {
    return `"${expression}" has ${fields.length} fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)`;
  }
  const detail = cron.validateDetailed(expression);
  if (!detail.valid) {
    const e = detail.errors[0];
    return `"${expression}" is not a valid cron expression${e ? `: ${e.field} ${e.value ?? ""} ${e.message}`.trimEnd() : ""}`;
  }
  const [dom, , dow] = fields.slice(-3);
  if (!domAndDow && dom !== "*" && dom !== "?" && dow !== "*" && dow !== "?") {
    return `"${expression}" restricts both day-of-month and day-of-week; node-cron requires BOTH to match (POSIX and GitHub Actions need either). Split it into two jobs, or set domAndDow: true if AND is what you mean`;
  }
  return void 0;
}
function timeZoneProblem(tz) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return void 0;
  } catch {
    return `"${tz}" is not an IANA time zone; use a name like "Australia/Sydney" or "UTC"`;
  }
}

// src/scheduler/deadline.ts
var DeadlineExceeded = class extends Error {
  name = "DeadlineExceeded";
};
function withDeadline(work, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`${what} took longer than ${ms / 1e3} s`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// src/scheduler/errors.ts
var ScheduleError = class extends Error {
  constructor(kind, message, options6) {
    super(message, options6);
    this.kind = kind;
  }
  kind;
  name = "ScheduleError";
};

// src/scheduler/scheduler.ts
import cron3 from "node-cron";

// src/scheduler/catch-up.ts
import cron2 from "node-cron";
var MAX_CATCH_UP_SLOTS = 10;
var CATCH_UP_WINDOW_MS = { minutes: 7 * 864e5, seconds: 36e5 };
function missedSlots(input) {
  if (input.policy === "skip") return [];
  const limit = input.policy === "latest" ? 1 : MAX_CATCH_UP_SLOTS;
  const seconds = input.cron.trim().split(/\s+/).length === 6;
  const step = seconds ? 1e3 : 6e4;
  const window = seconds ? CATCH_UP_WINDOW_MS.seconds : CATCH_UP_WINDOW_MS.minutes;
  const floor = Math.max(input.after.getTime(), input.before.getTime() - window);
  const task = cron2.createTask(input.cron, () => {
  }, { timezone: input.timezone, name: "catch-up" });
  const found = [];
  try {
    for (let t = Math.ceil(input.before.getTime() / step) * step - step; t > floor && found.length < limit; t -= step) {
      const at2 = new Date(t);
      if (task.match(at2)) found.push(at2);
    }
  } finally {
    void task.destroy();
  }
  return found.reverse();
}

// src/scheduler/guarded-run.ts
async function guardedRun({ run: run2, stop, lost, timeoutSeconds, log }) {
  const timedOut = new AbortController();
  const timer = setTimeout(() => {
    log.log("warn", "job timed out; aborting it", { timeoutSeconds });
    timedOut.abort(new Error(`timed out after ${timeoutSeconds} s`));
  }, timeoutSeconds * 1e3);
  timer.unref();
  const onLost = () => log.log("warn", "lease lost; aborting the run, which records nothing", { reason: describeError2(lost.reason) });
  lost.addEventListener("abort", onLost, { once: true });
  let exitCode;
  let detail;
  try {
    exitCode = await run2(AbortSignal.any([stop, lost, timedOut.signal])) ?? 0;
    if (exitCode !== 0) detail = `exit code ${exitCode}`;
  } catch (e) {
    detail = describeError2(e);
  } finally {
    clearTimeout(timer);
    lost.removeEventListener("abort", onLost);
  }
  const code = exitCode !== void 0 ? { exitCode } : {};
  if (lost.aborted) return { ending: "lease-lost", ...code, detail: describeError2(lost.reason) };
  if (stop.aborted) return { ending: "interrupted", ...code, ...detail !== void 0 ? { detail } : {} };
  if (timedOut.signal.aborted) return { ending: "timed-out", ...code, detail: `timed out after ${timeoutSeconds} s${detail ? ` (${detail})` : ""}` };
  return { ending: exitCode === 0 ? "succeeded" : "failed", ...code, ...detail !== void 0 ? { detail } : {} };
}
function describeError2(e) {
  return e instanceof Error ? e.message || e.name : String(e);
}

// src/scheduler/logging.ts
import { createRequire as createRequire3 } from "node:module";
var require4 = createRequire3(import.meta.url);
var SECRET_KEYS2 = ["GITHUB_TOKEN", "GH_TOKEN", "token", "password", "secret", "authorization", "Authorization", "cookie", "apiKey"];
var URL_KEYS = ["url", "uri", "dsn", "databaseUrl", "registryUrl", "catalogUrl", "pushgatewayUrl"];
var ARG_KEYS = ["args"];
var REDACT_PATHS = [...SECRET_KEYS2, ...URL_KEYS, ...ARG_KEYS].flatMap((key) => [key, `*.${key}`, `*.headers.${key}`, `*.*.${key}`]);
var URL_KEY_SET = new Set(URL_KEYS);
var ARG_KEY_SET = new Set(ARG_KEYS);
var CENSORED = "[Redacted]";
function withoutUserinfo(text) {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, "$1");
}
function censor(value, path2) {
  const key = path2[path2.length - 1] ?? "";
  if (URL_KEY_SET.has(key) && typeof value === "string") return withoutUserinfo(value);
  if (ARG_KEY_SET.has(key) && Array.isArray(value)) return value.map((a) => typeof a === "string" ? withoutUserinfo(a) : a);
  if (ARG_KEY_SET.has(key) || URL_KEY_SET.has(key) && value !== null && typeof value === "object") return value;
  return CENSORED;
}
function serializeError(value) {
  return value instanceof Error ? { name: value.name, message: withoutUserinfo(value.message) } : value;
}
function jsonLogger(write, base = {}, now = () => /* @__PURE__ */ new Date()) {
  const { pino } = require4("pino");
  const root = pino(
    {
      level: "debug",
      base: null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label2) => ({ level: label2 }) },
      serializers: { error: serializeError, err: serializeError },
      redact: { paths: REDACT_PATHS, censor }
    },
    { write }
  );
  return bound(root, base);
}
function bound(logger, fields) {
  return {
    log(level3, msg, own = {}) {
      logger[level3]({ ...fields, ...own }, withoutUserinfo(msg));
    },
    child(more) {
      return bound(logger, { ...fields, ...more });
    }
  };
}
function cronLogger(logger) {
  return {
    info: (m) => logger.log("info", m, { source: "node-cron" }),
    warn: (m) => logger.log("warn", m, { source: "node-cron" }),
    error: (m, err) => logger.log("error", String(m instanceof Error ? m.message : m), { source: "node-cron", error: err }),
    debug: () => {
    }
  };
}

// src/scheduler/prom-client.ts
import { createRequire as createRequire4 } from "node:module";
var require5 = createRequire4(import.meta.url);
var loaded2;
function promClient() {
  return loaded2 ??= require5("prom-client");
}

// src/scheduler/job-metrics.ts
var JOB_OUTCOMES = ["success", "failure", "bad_input", "bug", "unavailable"];
var JOB_METRIC = {
  lastSuccess: JOB_METRIC_FAMILIES.lastSuccess.name,
  lastRun: JOB_METRIC_FAMILIES.lastRun.name,
  duration: JOB_METRIC_FAMILIES.duration.name,
  runs: JOB_METRIC_FAMILIES.runs.name
};
function jobLabel(command2) {
  return `guardrails_${command2.replace(/[^A-Za-z0-9_]/g, "_")}`;
}
function jobRunRegistry(run2) {
  const registry = new (promClient()).Registry();
  const families = new Families(registry);
  const job = { job: run2.job };
  const lastSuccess = run2.outcome === "success" ? run2.endedAt.getTime() / 1e3 : run2.previous?.lastSuccessSeconds;
  if (lastSuccess !== void 0) families.gauge("lastSuccess").set(job, lastSuccess);
  families.gauge("lastRun").set(job, run2.endedAt.getTime() / 1e3);
  families.gauge("duration").set(job, run2.durationSeconds);
  for (const outcome of JOB_OUTCOMES) {
    families.counter("runs").inc({ ...job, outcome }, (run2.previous?.runs?.[outcome] ?? 0) + (outcome === run2.outcome ? 1 : 0));
  }
  for (const { metric, labels, value } of run2.samples ?? []) {
    const family2 = JOB_METRIC_FAMILIES[metric];
    const names = Object.keys(labels);
    if (names.length !== family2.labelNames.length || !family2.labelNames.every((l) => names.includes(l))) {
      throw new Error(`${family2.name} takes the labels ${family2.labelNames.join(", ") || "job only"}, not ${names.join(", ")}`);
    }
    const all = { ...labels, ...job };
    if (family2.type === "gauge") families.gauge(metric).set(all, value);
    else families.counter(metric).inc(all, value);
  }
  return registry;
}
var Families = class {
  constructor(registry) {
    this.registry = registry;
  }
  registry;
  created = /* @__PURE__ */ new Map();
  gauge(key) {
    return this.get(key, (spec) => new (promClient()).Gauge(spec));
  }
  counter(key) {
    return this.get(key, (spec) => new (promClient()).Counter(spec));
  }
  get(key, make) {
    let metric = this.created.get(key);
    if (metric === void 0) {
      const { name, help, labelNames } = JOB_METRIC_FAMILIES[key];
      metric = make({ name, help, labelNames: ["job", ...labelNames], registers: [this.registry] });
      this.created.set(key, metric);
    }
    return metric;
  }
};
function outcomeOfExitCode(code) {
  return JOB_OUTCOMES[code] ?? "bug";
}

// src/scheduler/last-run-metrics.ts
var ADDING_TYPES = /* @__PURE__ */ new Set(["counter", "histogram"]);
function sampleKey(sample2) {
  const labels = Object.entries(sample2.labels).sort(([a], [b]) => a < b ? -1 : 1);
  return JSON.stringify([sample2.metricName ?? "", labels]);
}
function mergeRunMetrics(previous, next) {
  const before = new Map(previous.map((m) => [m.name, m]));
  const merged = next.map((metric) => {
    const old = before.get(metric.name);
    before.delete(metric.name);
    if (!old || !ADDING_TYPES.has(String(metric.type)) || old.type !== metric.type) return { ...metric, aggregator: "sum" };
    const sums = /* @__PURE__ */ new Map();
    for (const s of old.values) sums.set(sampleKey(s), { ...s });
    for (const s of metric.values) {
      const key = sampleKey(s);
      const sum = sums.get(key);
      sums.set(key, sum ? { ...sum, value: sum.value + s.value } : { ...s });
    }
    return { ...metric, aggregator: "sum", values: [...sums.values()] };
  });
  return [...merged, ...before.values()];
}
var LastRunMetrics = class {
  byJob = /* @__PURE__ */ new Map();
  /** Takes in one run's registry of `job` (read now: the command may drop it). */
  async record(job, registry) {
    const next = await registry.getMetricsAsJSON();
    this.byJob.set(job, mergeRunMetrics(this.byJob.get(job) ?? [], next));
  }
  /**
   * One registry of every job's metrics. Each job's series carry its own `job` label, so summing the same
   * name across jobs is a union of their series.
   */
  registry() {
    return promClient().AggregatorRegistry.aggregate([...this.byJob.values()]);
  }
};

// src/scheduler/metrics.ts
var RESULT_LABEL = {
  succeeded: "success",
  failed: "failure",
  "timed-out": "timeout",
  interrupted: "interrupted",
  "lease-lost": "lease_lost"
};
var REASON_LABEL = {
  "claimed-elsewhere": "claimed_elsewhere",
  overlap: "overlap",
  "attempts-exhausted": "attempts_exhausted"
};
var SCHEDULER_METRIC = {
  running: "guardrails_job_running",
  slotStart: "guardrails_scheduler_slot_start_timestamp_seconds",
  slotTimeout: "guardrails_scheduler_slot_timeout_seconds",
  runs: "guardrails_scheduler_runs_total",
  skipped: "guardrails_scheduler_slots_skipped_total",
  takeovers: "guardrails_scheduler_lease_takeovers_total",
  queued: "guardrails_scheduler_slots_queued_total"
};
var SchedulerMetrics = class {
  registry = new (promClient()).Registry();
  lastRuns = new LastRunMetrics();
  health = /* @__PURE__ */ new Map();
  running;
  slotStart;
  runs;
  skips;
  takeovers;
  queue;
  constructor(jobs) {
    const { Counter, Gauge } = promClient();
    const registers = [this.registry];
    this.running = new Gauge({ name: SCHEDULER_METRIC.running, help: "1 while a run of the job holds its claim on this replica.", labelNames: ["job"], registers });
    this.slotStart = new Gauge({ name: SCHEDULER_METRIC.slotStart, help: "Unix time the running claimed slot of the job started on this replica; 0 when idle.", labelNames: ["job"], registers });
    const timeout = new Gauge({ name: SCHEDULER_METRIC.slotTimeout, help: "How long a slot of the job may run before the scheduler aborts it, in seconds.", labelNames: ["job"], registers });
    this.runs = new Counter({ name: SCHEDULER_METRIC.runs, help: "Runs of the job on this replica by result: success, failure, timeout, interrupted (stopped), lease_lost.", labelNames: ["job", "result"], registers });
    this.skips = new Counter({ name: SCHEDULER_METRIC.skipped, help: "Slots of the job not run on this replica, by reason: claimed_elsewhere, overlap, attempts_exhausted.", labelNames: ["job", "reason"], registers });
    this.takeovers = new Counter({ name: SCHEDULER_METRIC.takeovers, help: "Slots of the job this replica took over from a replica whose lease expired.", labelNames: ["job"], registers });
    this.queue = new Counter({ name: SCHEDULER_METRIC.queued, help: "Slots of the job queued on this replica behind a run still going (overlap: queue-one).", labelNames: ["job"], registers });
    for (const { name, timeoutSeconds } of jobs) {
      const job = jobLabel(name);
      this.health.set(name, { running: false });
      this.running.set({ job }, 0);
      this.slotStart.set({ job }, 0);
      timeout.set({ job }, timeoutSeconds);
      for (const result of Object.values(RESULT_LABEL)) this.runs.inc({ job, result }, 0);
      for (const reason of Object.values(REASON_LABEL)) this.skips.inc({ job, reason }, 0);
      this.takeovers.inc({ job }, 0);
      this.queue.inc({ job }, 0);
    }
  }
  stats(job) {
    const s = this.health.get(job);
    if (!s) throw new Error(`unknown job ${job}`);
    return s;
  }
  started(job, at2) {
    this.stats(job).running = true;
    this.running.set({ job: jobLabel(job) }, 1);
    this.slotStart.set({ job: jobLabel(job) }, at2.getTime() / 1e3);
  }
  finished(job, result, seconds, at2) {
    const s = this.stats(job);
    s.running = false;
    s.lastDurationSeconds = seconds;
    if (result === "succeeded") s.lastSuccess = at2;
    else s.lastFailure = at2;
    this.running.set({ job: jobLabel(job) }, 0);
    this.slotStart.set({ job: jobLabel(job) }, 0);
    this.runs.inc({ job: jobLabel(job), result: RESULT_LABEL[result] });
  }
  skipped(job, reason) {
    this.skips.inc({ job: jobLabel(job), reason: REASON_LABEL[reason] });
  }
  tookOver(job) {
    this.takeovers.inc({ job: jobLabel(job) });
  }
  queued(job) {
    this.queue.inc({ job: jobLabel(job) });
  }
  /** The registry one run of `job` published through its command (CliIo.onJobMetrics). */
  async recordRun(job, registry) {
    await this.lastRuns.record(job, registry);
  }
  /** The text exposition of the scheduler's metrics and of the last run of each job. */
  async exposition() {
    const merged = promClient().Registry.merge([this.registry, this.lastRuns.registry()]);
    return { contentType: merged.contentType, text: await merged.metrics() };
  }
  healthSummary() {
    return Object.fromEntries([...this.health.entries()].map(([job, s]) => [job, {
      running: s.running,
      lastSuccess: s.lastSuccess?.toISOString() ?? null,
      lastFailure: s.lastFailure?.toISOString() ?? null,
      lastDurationSeconds: s.lastDurationSeconds ?? null
    }]));
  }
};

// src/scheduler/scheduler.ts
var Scheduler = class {
  constructor(opts) {
    this.opts = opts;
    const enabled = this.enabledJobs();
    const missing = enabled.filter(([name]) => !opts.jobs[name]).map(([name]) => name);
    if (missing.length > 0) throw new Error(`the job table has no function for ${missing.join(", ")}`);
    this.metrics = new SchedulerMetrics(enabled.map(([name, job]) => ({ name, timeoutSeconds: job.timeout })));
  }
  opts;
  metrics;
  tasks = [];
  running = /* @__PURE__ */ new Map();
  stopping = false;
  sweeper;
  /** Per job with `overlap: queue-one`, the one slot waiting for the job's running slot to end. */
  pending = /* @__PURE__ */ new Map();
  enabledJobs() {
    return Object.entries(this.opts.config.jobs).filter(([, j]) => j.enabled);
  }
  start() {
    for (const [name, job] of this.enabledJobs()) {
      const timezone = job.timezone ?? this.opts.config.timezone;
      const task = cron3.schedule(job.cron, async (ctx) => void await this.runSlot(name, ctx.date), {
        name,
        timezone,
        noOverlap: true,
        logger: cronLogger(this.opts.logger.child({ job: name }))
      });
      this.tasks.push(task);
      this.opts.logger.log("info", "job scheduled", { job: name, cron: job.cron, timezone, next: task.getNextRun()?.toISOString() });
    }
    void this.takeOverExpired();
    void this.catchUp();
    this.sweeper = setInterval(() => void this.takeOverExpired(), this.opts.config.lease * 1e3 / 3);
    this.sweeper.unref();
  }
  /**
   * Runs the slots each job missed while no replica ran, by its `catchUp` policy, oldest first. Every replica
   * starting computes the same slots; the claims run each once.
   */
  async catchUp() {
    const before = (this.opts.now ?? (() => /* @__PURE__ */ new Date()))();
    await Promise.all(this.enabledJobs().filter(([, job]) => job.catchUp !== "skip").map(async ([name, job]) => {
      const log = this.opts.logger.child({ job: name });
      let after;
      try {
        after = await this.opts.claims.lastSlot(name);
      } catch (e) {
        log.log("warn", "cannot read the last claimed slot; missed slots are not caught up", { error: e });
        return;
      }
      if (after === void 0) return;
      const slots = missedSlots({ cron: job.cron, timezone: job.timezone ?? this.opts.config.timezone, after, before, policy: job.catchUp });
      if (slots.length === 0) return;
      log.log("info", "catching up missed slots", { policy: job.catchUp, slots: slots.map((s) => s.toISOString()), lastSlot: after.toISOString() });
      for (const slot of slots) if (await this.runSlot(name, slot) === void 0) return;
    }));
  }
  /** Runs the slots whose replica's lease expired (it died mid-run), one per job not already running here. */
  async takeOverExpired() {
    if (this.stopping) return;
    let expired;
    try {
      expired = await this.opts.claims.expired(this.enabledJobs().map(([name]) => name));
    } catch (e) {
      this.opts.logger.log("warn", "cannot look for expired leases; trying again in a third of the lease", { error: e });
      return;
    }
    for (const job of this.pending.keys()) if (!this.running.has(job)) void this.runPending(job);
    const seen = /* @__PURE__ */ new Set();
    for (const slot of expired) {
      if (seen.has(slot.job) || this.running.has(slot.job)) continue;
      seen.add(slot.job);
      void this.runSlot(slot.job, new Date(slot.slot), [], true);
    }
  }
  /** Tries to claim the job's queued slot now; it queues itself again while the other run goes on. */
  async runPending(job) {
    const at2 = this.pending.get(job);
    if (at2 === void 0 || this.stopping) return;
    this.pending.delete(job);
    await this.runSlot(job, at2, [], false, true);
  }
  get state() {
    return this.stopping ? "stopping" : "running";
  }
  /**
   * Claims and runs one slot of `job`; the slot is the cron match time, identical on every replica. A take-over
   * that does not win is quiet (the sweep tries again), so skips count and log the slot's own firing only.
   */
  async runSlot(job, at2, extraArgs = [], takeOver = false, requeued = false) {
    if (this.stopping) return void 0;
    const slot = new Date(Math.floor(at2.getTime() / 1e3) * 1e3).toISOString();
    const log = this.opts.logger.child({ job, slot });
    if (this.running.has(job)) {
      if (this.enqueue(job, at2, log, requeued)) return { job, slot, result: "queued" };
      this.metrics.skipped(job, "overlap");
      log.log("warn", "previous run still going on this replica; slot skipped");
      return { job, slot, result: "overlap" };
    }
    const run2 = { job, slot, abort: new AbortController(), done: Promise.resolve({ job, slot, result: "not-claimed" }) };
    run2.done = this.claimAndRun(run2, [...this.opts.config.jobs[job]?.args ?? [], ...extraArgs], log, takeOver, requeued);
    this.running.set(job, run2);
    try {
      return await run2.done;
    } finally {
      this.running.delete(job);
      if (this.pending.has(job)) void this.runPending(job);
    }
  }
  /** Queues the slot when the job queues one and none waits yet; a slot coming back from the queue always fits. */
  enqueue(job, at2, log, requeued) {
    if (this.opts.config.jobs[job]?.overlap !== "queue-one" || this.pending.has(job)) return false;
    this.pending.set(job, at2);
    if (!requeued) {
      this.metrics.queued(job);
      log.log("info", "a run of the job is still going; slot queued to run after it");
    }
    return true;
  }
  async claimAndRun(run2, args, log, takeOver, requeued) {
    const { job, slot } = run2;
    const queues = this.opts.config.jobs[job]?.overlap === "queue-one";
    let result;
    try {
      result = await this.opts.claims.claim(job, slot, { wait: queues && !takeOver });
    } catch (e) {
      log.log("error", "cannot claim the slot; not running (fail closed)", { error: e });
      return { job, slot, result: "not-claimed", detail: describeError2(e) };
    }
    if (!result.won) {
      const { reason } = result;
      if (reason === "busy") {
        if (this.enqueue(job, new Date(slot), log, requeued)) return { job, slot, result: "queued" };
        this.metrics.skipped(job, "overlap");
        log.log("info", "an earlier run is still going and a slot is already queued; slot skipped");
        return { job, slot, result: "overlap" };
      }
      if (takeOver && reason !== "attempts-exhausted") {
        log.log("debug", "expired slot not taken over now", { reason });
        return { job, slot, result: reason };
      }
      this.metrics.skipped(job, reason);
      if (reason === "attempts-exhausted") log.log("error", "slot given up: its lease expired on every attempt; it is recorded failed");
      else log.log("info", reason === "overlap" ? "an earlier run is still going on another replica; slot skipped" : "slot claimed by another replica");
      return { job, slot, result: reason };
    }
    const claim = result.claim;
    run2.claim = claim;
    if (claim.takenOverFrom !== void 0) {
      this.metrics.tookOver(job);
      log.log("warn", "slot taken over: the lease of the replica running it expired", { previousOwner: claim.takenOverFrom, attempt: claim.attempt });
    }
    if (run2.abort.signal.aborted) {
      const detail2 = "not started: the scheduler was stopping";
      await this.record(claim, "interrupted", detail2, log);
      log.log("warn", "job interrupted", { detail: detail2 });
      return { job, slot, result: "interrupted", detail: detail2 };
    }
    const now = this.opts.now ?? (() => /* @__PURE__ */ new Date());
    const started = now();
    this.metrics.started(job, started);
    log.log("info", "job started", { args, ...claim.attempt > 1 ? { attempt: claim.attempt } : {} });
    const end = await guardedRun({
      run: (signal) => this.opts.jobs[job]({ slot, args, signal, log, publishMetrics: (registry) => this.publish(job, registry, log) }),
      stop: run2.abort.signal,
      lost: claim.lost,
      timeoutSeconds: this.opts.config.jobs[job]?.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      log
    });
    const ended = now();
    const durationSeconds2 = (ended.getTime() - started.getTime()) / 1e3;
    const { exitCode } = end;
    let { ending, detail } = end;
    if (ending !== "lease-lost" && await this.record(claim, ending, detail, log) === "lease-lost") {
      ending = "lease-lost";
      detail = "the slot was taken over by another replica before this run finished";
    }
    this.metrics.finished(job, ending, durationSeconds2, ended);
    const outcome = {
      job,
      slot,
      result: ending,
      durationSeconds: durationSeconds2,
      ...exitCode !== void 0 ? { exitCode } : {},
      ...detail !== void 0 ? { detail } : {}
    };
    const level3 = ending === "succeeded" ? "info" : ending === "failed" ? "error" : "warn";
    log.log(level3, `job ${ending === "lease-lost" ? "lost its lease; outcome not recorded" : ending}`, {
      durationSeconds: durationSeconds2,
      ...exitCode !== void 0 ? { exitCode } : {},
      ...detail ? { detail } : {}
    });
    return outcome;
  }
  publish(job, registry, log) {
    this.metrics.recordRun(job, registry).catch((e) => log.log("warn", "could not keep the run's metrics for /metrics", { error: e }));
  }
  /** Records the claim's outcome; a claim whose lease was lost writes nothing (finish only stops its renewals). */
  async record(claim, status3, detail, log) {
    const deadline = this.stopping ? this.opts.claimDeadlineMs ?? 1e3 : void 0;
    const write = claim.finish(status3, detail);
    return (deadline === void 0 ? write : withDeadline(write, deadline, "recording the claim")).catch((e) => {
      log.log("error", "could not record the outcome of the claim", { error: e, status: status3 });
      return "error";
    });
  }
  /**
   * Stops firing and aborts every running job at once; waits up to `waitMs` for them to settle, then records the
   * claims of those that did not as interrupted. Resolves with what was running and what became of it.
   */
  async stop(waitMs, reason = "stop") {
    this.stopping = true;
    clearInterval(this.sweeper);
    for (const task of this.tasks) await task.destroy();
    const pending = [...this.running.values()];
    if (pending.length === 0) return [];
    for (const run2 of pending) run2.abort.abort(new Error(`stopped by ${reason}`));
    this.opts.logger.log("warn", "stopping: running jobs aborted; waiting for them to settle", {
      jobs: pending.map((r) => ({ job: r.job, slot: r.slot })),
      waitSeconds: waitMs / 1e3
    });
    const settled = /* @__PURE__ */ new Map();
    await withDeadline(Promise.all(pending.map((r) => r.done.then((o) => settled.set(r, o)))), waitMs, "waiting for jobs").catch(() => {
    });
    const stopped3 = [];
    for (const run2 of pending) {
      const outcome = settled.get(run2);
      if (outcome) {
        stopped3.push({ job: run2.job, slot: run2.slot, ending: "settled", outcome });
        continue;
      }
      const detail = `did not settle within ${waitMs / 1e3} s of the ${reason}; abandoned`;
      const log = this.opts.logger.child({ job: run2.job, slot: run2.slot });
      if (run2.claim) await this.record(run2.claim, "interrupted", detail, log);
      log.log("error", "job abandoned", { detail });
      stopped3.push({ job: run2.job, slot: run2.slot, ending: "abandoned" });
    }
    return stopped3;
  }
};

// src/scheduler/status-server.ts
import { createServer } from "node:http";
async function startStatusServer(port, metrics, state) {
  const server = createServer((req, res) => {
    const path2 = new URL(req.url ?? "/", "http://x").pathname;
    if (req.method === "GET" && path2 === "/healthz") {
      const status3 = state();
      res.writeHead(status3 === "running" ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: status3, jobs: metrics.healthSummary() }));
    } else if (req.method === "GET" && path2 === "/metrics") {
      metrics.exposition().then(({ contentType, text }) => {
        res.writeHead(200, { "content-type": contentType });
        res.end(text);
      }, (error) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`cannot render the metrics: ${error instanceof Error ? error.message : String(error)}
`);
      });
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found: try /healthz or /metrics\n");
    }
  });
  await new Promise((resolve7, reject) => {
    server.once("error", reject);
    server.listen(port, resolve7);
  });
  return {
    port: server.address().port,
    close: () => new Promise((r) => {
      server.closeAllConnections?.();
      server.close(() => r());
    })
  };
}

// src/scheduler/service.ts
function listSchedule(config2) {
  return Object.entries(config2.jobs).map(([name, job]) => {
    const timezone = job.timezone ?? config2.timezone;
    const task = cron4.createTask(job.cron, () => {
    }, { timezone, name: `list-${name}` });
    const next = task.getNextRuns(3).map((d) => d.toISOString());
    void task.destroy();
    return { name, cron: job.cron, timezone, enabled: job.enabled, args: job.args, next };
  });
}
async function serveSchedule(options6, deps) {
  const { config: config2 } = options6;
  const scheduler = new Scheduler({ config: config2, jobs: deps.jobs, claims: deps.claims, logger: deps.logger, ...deps.now ? { now: deps.now } : {} });
  const status3 = await listen(options6, scheduler);
  try {
    await migrate(deps.claims, config2);
    scheduler.start();
    deps.logger.log("info", "scheduler started", { port: status3.port, jobs: Object.keys(config2.jobs).filter((n) => config2.jobs[n].enabled) });
    const stoppedBy3 = await aborted(deps.signal);
    deps.logger.log("info", "stopping", { reason: stoppedBy3 });
    const stopped3 = await scheduler.stop(config2.shutdownTimeoutSeconds * 1e3, stoppedBy3);
    deps.logger.log(stopped3.length > 0 ? "warn" : "info", "scheduler stopped", { reason: stoppedBy3, runs: stopped3.map(describeStopped) });
    return { port: status3.port, stoppedBy: stoppedBy3, stopped: stopped3 };
  } finally {
    await withDeadline(status3.close(), 1e3, "closing the status server").catch((e) => deps.logger.log("warn", "closing the status server failed", { error: e }));
  }
}
async function runJobNow(options6, deps) {
  const entry = options6.config.jobs[options6.job] ?? { cron: "* * * * *", enabled: true, args: [], domAndDow: false, timeout: DEFAULT_TIMEOUT_SECONDS, catchUp: "skip", overlap: "skip" };
  const config2 = { ...options6.config, jobs: { [options6.job]: { ...entry, enabled: true, overlap: "skip" } } };
  const scheduler = new Scheduler({ config: config2, jobs: deps.jobs, claims: deps.claims, logger: deps.logger, ...deps.now ? { now: deps.now } : {} });
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  const minute = new Date(Math.floor(now().getTime() / 6e4) * 6e4);
  const slot = minute.toISOString();
  await migrate(deps.claims, config2);
  if (deps.signal.aborted) return { job: options6.job, slot, result: "interrupted", detail: "not started: stopped before the claim" };
  let onAbort;
  const stopped3 = new Promise((resolve7) => {
    onAbort = () => resolve7(scheduler.stop(config2.shutdownTimeoutSeconds * 1e3, reasonOf(deps.signal)));
    deps.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const abandoned = { job: options6.job, slot, result: "interrupted", detail: `did not settle within ${config2.shutdownTimeoutSeconds} s of the stop; abandoned` };
    const run2 = scheduler.runSlot(options6.job, minute, options6.extraArgs);
    const outcome = await Promise.race([run2, stopped3.then(([only]) => only?.outcome ?? abandoned)]) ?? abandoned;
    if (deps.signal.aborted) {
      const runs = await stopped3;
      deps.logger.log("warn", "run stopped", { reason: reasonOf(deps.signal), runs: runs.map(describeStopped) });
    }
    if (outcome.result === "not-claimed") throw new ScheduleError("unavailable", `cannot claim ${options6.job} for ${slot} in the claims database: ${outcome.detail || "unknown error"}`);
    return outcome;
  } finally {
    if (onAbort) deps.signal.removeEventListener("abort", onAbort);
  }
}
function describeStopped(run2) {
  return { job: run2.job, slot: run2.slot, ending: run2.ending, result: run2.outcome?.result ?? "interrupted", ...run2.outcome?.detail ? { detail: run2.outcome.detail } : {} };
}
async function listen(options6, scheduler) {
  try {
    return await startStatusServer(options6.port, scheduler.metrics, () => scheduler.state);
  } catch (e) {
    const code = e.code;
    const where2 = `${options6.portSource ?? "port"} ${options6.port}`;
    if (code === "EADDRINUSE") throw new ScheduleError("port", `${where2} is already in use; choose another with --port (0 picks a free one)`, { cause: e });
    if (code === "EACCES") throw new ScheduleError("port", `${where2} may not be opened by this user; use a port above 1023`, { cause: e });
    throw e;
  }
}
async function migrate(claims, config2) {
  try {
    await claims.migrate(config2.claimRetentionDays);
  } catch (e) {
    throw new ScheduleError("unavailable", `the claims database cannot be used: ${describe4(e)}`, { cause: e });
  }
}
function describe4(e) {
  if (e instanceof AggregateError && e.message === "") return e.errors.map(describe4).join("; ");
  if (e instanceof Error) return e.message || String(e.code ?? e.name);
  return String(e);
}
function aborted(signal) {
  if (signal.aborted) return Promise.resolve(reasonOf(signal));
  return new Promise((resolve7) => signal.addEventListener("abort", () => resolve7(reasonOf(signal)), { once: true }));
}
function reasonOf(signal) {
  const reason = signal.reason;
  const text = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "abort";
  return text.replace(/^stopped by /, "");
}

// src/scheduler/claims.ts
import { performance as performance2 } from "node:perf_hooks";
import { createRequire as createRequire5 } from "node:module";

// src/scheduler/lease.ts
import { performance } from "node:perf_hooks";
function keepLease(options6) {
  const clock = options6.clock ?? (() => performance.now());
  const fenceMs = options6.leaseMs * 2 / 3;
  let confirmed = options6.grantedAt ?? clock();
  let stopped3 = false;
  let inFlight = false;
  let fence;
  const lose = (reason) => {
    if (stopped3) return;
    stop();
    options6.onLost(reason);
  };
  const armFence = () => {
    clearTimeout(fence);
    fence = setTimeout(() => lose(`no renewal of the lease was confirmed for ${fenceMs / 1e3} s`), Math.max(0, confirmed + fenceMs - clock()));
    fence.unref();
  };
  const renew = async () => {
    if (stopped3 || inFlight) return;
    inFlight = true;
    const sentAt = clock();
    try {
      if (!await options6.renew()) return lose("another replica took the slot over");
      if (stopped3) return;
      confirmed = sentAt;
      armFence();
    } catch (error) {
      if (!stopped3) options6.onRenewFailed?.(error);
    } finally {
      inFlight = false;
    }
  };
  const timer = setInterval(() => void renew(), options6.leaseMs / 3);
  timer.unref();
  armFence();
  function stop() {
    stopped3 = true;
    clearInterval(timer);
    clearTimeout(fence);
  }
  return { stop };
}

// src/scheduler/claims.ts
var CLAIMS_TABLE = "guardrails_job_claims";
var MAX_ATTEMPTS = 3;
var require6 = createRequire5(import.meta.url);
var PgClaimStore = class {
  constructor(connectionString, owner, options6) {
    this.owner = owner;
    this.options = options6;
    const { Pool } = require6("pg");
    this.pool = new Pool({ connectionString, max: 8 });
    this.pool.on("error", options6.onError ?? (() => {
    }));
  }
  owner;
  options;
  pool;
  async migrate(retentionDays) {
    await this.transaction(async (query) => {
      await query("SELECT pg_advisory_xact_lock(hashtextextended('guardrails_job_claims:migrate', 0))");
      await query(`CREATE TABLE IF NOT EXISTS ${CLAIMS_TABLE} (
        key text PRIMARY KEY,
        job text NOT NULL,
        slot timestamptz NOT NULL,
        owner text NOT NULL,
        status text NOT NULL DEFAULT 'running',
        detail text,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz)`);
      await query(`ALTER TABLE ${CLAIMS_TABLE} ADD COLUMN IF NOT EXISTS attempt integer NOT NULL DEFAULT 1`);
      await query(`ALTER TABLE ${CLAIMS_TABLE} ADD COLUMN IF NOT EXISTS lease_expires_at timestamptz`);
      await query(`CREATE INDEX IF NOT EXISTS ${CLAIMS_TABLE}_running ON ${CLAIMS_TABLE} (job) WHERE status = 'running'`);
      await query(`DELETE FROM ${CLAIMS_TABLE} WHERE claimed_at < now() - make_interval(days => $1)`, [retentionDays]);
    });
  }
  async claim(job, slot, options6 = {}) {
    const key = `${job}:${slot}`;
    const lease = this.options.leaseSeconds;
    const sentAt = performance2.now();
    const won = await this.transaction(async (query) => {
      await query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`${CLAIMS_TABLE}:${job}`]);
      const { rows: [existing] } = await query(
        `SELECT owner, status, attempt, coalesce(lease_expires_at < now(), false) AS expired FROM ${CLAIMS_TABLE} WHERE key = $1`,
        [key]
      );
      if (existing && !(existing.status === "running" && existing.expired)) return { won: false, reason: "claimed-elsewhere" };
      if (existing && existing.attempt >= MAX_ATTEMPTS) {
        await query(
          `UPDATE ${CLAIMS_TABLE} SET status = 'failed', finished_at = now(), detail = $2 WHERE key = $1`,
          [key, `the lease expired on all ${MAX_ATTEMPTS} attempts (the last on ${existing.owner}); not taken over again`]
        );
        return { won: false, reason: "attempts-exhausted" };
      }
      const live = await query(
        `SELECT 1 FROM ${CLAIMS_TABLE} WHERE job = $1 AND key <> $2 AND status = 'running'
         AND lease_expires_at + make_interval(secs => $3) >= now() LIMIT 1`,
        [job, key, existing ? 0 : lease]
      );
      if (live.rowCount) {
        if (!existing && options6.wait) return { won: false, reason: "busy" };
        if (!existing) {
          await query(
            `INSERT INTO ${CLAIMS_TABLE} (key, job, slot, owner, status, finished_at, detail) VALUES ($1, $2, $3, $4, 'overlap', now(), $5)`,
            [key, job, slot, this.owner, "an earlier run of this job was still running on another replica"]
          );
        }
        return { won: false, reason: "overlap" };
      }
      if (existing) {
        const { rows: [row3] } = await query(
          `UPDATE ${CLAIMS_TABLE} SET owner = $2, attempt = attempt + 1, lease_expires_at = now() + make_interval(secs => $3), detail = $4
           WHERE key = $1 RETURNING attempt`,
          [key, this.owner, lease, `taken over from ${existing.owner}, whose lease expired`]
        );
        return { attempt: row3.attempt, takenOverFrom: existing.owner };
      }
      await query(
        `INSERT INTO ${CLAIMS_TABLE} (key, job, slot, owner, lease_expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
        [key, job, slot, this.owner, lease]
      );
      return { attempt: 1 };
    });
    if ("won" in won) return won;
    return { won: true, claim: this.leasedClaim({ job, slot }, won.attempt, won.takenOverFrom, sentAt) };
  }
  leasedClaim(slot, attempt, takenOverFrom, grantedAt) {
    const key = `${slot.job}:${slot.slot}`;
    const lost = new AbortController();
    const fence = [key, this.owner, attempt];
    const keeper = keepLease({
      leaseMs: this.options.leaseSeconds * 1e3,
      grantedAt,
      renew: async () => {
        const res = await this.pool.query(
          `UPDATE ${CLAIMS_TABLE} SET lease_expires_at = now() + make_interval(secs => $4) WHERE key = $1 AND owner = $2 AND attempt = $3 AND status = 'running'`,
          [...fence, this.options.leaseSeconds]
        );
        return res.rowCount === 1;
      },
      onLost: (reason) => lost.abort(new LeaseLost(`the lease on ${key} was lost: ${reason}`)),
      onRenewFailed: (error) => this.options.onRenewFailed?.(slot, error)
    });
    let finished;
    const finish2 = async (status3, detail) => {
      keeper.stop();
      if (lost.signal.aborted) return "lease-lost";
      const res = await this.pool.query(
        `UPDATE ${CLAIMS_TABLE} SET status = $4, detail = $5, finished_at = now() WHERE key = $1 AND owner = $2 AND attempt = $3 AND status = 'running'`,
        [...fence, status3, detail ?? null]
      );
      return res.rowCount === 1 ? "recorded" : "lease-lost";
    };
    return {
      key,
      attempt,
      lost: lost.signal,
      ...takenOverFrom !== void 0 ? { takenOverFrom } : {},
      finish: (status3, detail) => finished ??= finish2(status3, detail)
    };
  }
  async expired(jobs) {
    if (jobs.length === 0) return [];
    const { rows } = await this.pool.query(
      `SELECT job, slot, owner, attempt FROM ${CLAIMS_TABLE} WHERE status = 'running' AND lease_expires_at < now() AND job = ANY($1) ORDER BY slot`,
      [jobs]
    );
    return rows.map((r) => ({ job: r.job, slot: r.slot.toISOString(), owner: r.owner, attempt: r.attempt }));
  }
  async lastSlot(job) {
    const { rows } = await this.pool.query(`SELECT max(slot) AS slot FROM ${CLAIMS_TABLE} WHERE job = $1`, [job]);
    return rows[0]?.slot ?? void 0;
  }
  async transaction(work) {
    const client = await this.pool.connect();
    let broken;
    const onError = (e) => broken = e;
    client.on("error", onError);
    try {
      await client.query("BEGIN");
      const result = await work((text, values) => client.query(text, values));
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {
      });
      throw e;
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  }
  async close() {
    await this.pool.end();
  }
};
var LeaseLost = class extends Error {
  name = "LeaseLost";
};
var MemoryClaimStore = class {
  keys = /* @__PURE__ */ new Set();
  async migrate() {
  }
  async claim(job, slot) {
    const key = `${job}:${slot}`;
    if (this.keys.has(key)) return { won: false, reason: "claimed-elsewhere" };
    this.keys.add(key);
    return { won: true, claim: { key, attempt: 1, lost: new AbortController().signal, finish: async () => "recorded" } };
  }
  async expired() {
    return [];
  }
  /** Nothing is remembered across starts, so nothing is caught up. */
  async lastSlot() {
    return void 0;
  }
  async close() {
  }
};

// src/scheduler/config-file.ts
import { readFile as readFile9 } from "node:fs/promises";
import { LineCounter as LineCounter3, parseDocument as parseDocument3 } from "yaml";
async function loadScheduleConfig(source, knownJobs) {
  const file = source.label;
  let text;
  try {
    text = await readFile9(source.path, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" && !source.explicit) return { config: parseScheduleConfig(void 0, { file, knownJobs }), file: void 0, locate: () => void 0 };
    throw new ConfigError([{ file, path: "", problem: code === "ENOENT" ? "config file not found; check the --config path" : `cannot read the config file (${code ?? String(error)})` }]);
  }
  const lines2 = new LineCounter3();
  const doc = parseDocument3(text, { lineCounter: lines2, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(doc.errors.map((e) => {
      const { line: line2, col } = lines2.linePos(e.pos[0]);
      return { file, line: line2, column: col, path: "", problem: `invalid YAML: ${e.message.split("\n")[0] ?? e.message}` };
    }));
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError([{ file, path: "", problem: `cannot expand YAML aliases: ${error.message}` }]);
  }
  if (value !== null && value !== void 0 && (typeof value !== "object" || Array.isArray(value))) {
    throw new ConfigError([{ file, line: 1, column: 1, path: "", problem: "expected a mapping of sections (schedule:, \u2026)" }]);
  }
  const at2 = yamlLocator(doc, lines2);
  const locate2 = (path2, target) => at2(["schedule", ...path2], target);
  const raw = value?.["schedule"];
  return { config: parseScheduleConfig(raw, { file, locate: locate2, knownJobs }), file, locate: locate2 };
}

// src/scheduler/jobs.ts
function commandJob(run2) {
  return async ({ args, log, signal, publishMetrics }) => {
    const lines2 = (stream) => (text) => {
      for (const line2 of text.split("\n")) if (line2.trim()) log.log(stream === "stdout" ? "info" : "warn", line2, { stream });
    };
    return run2(args, { stdout: lines2("stdout"), stderr: lines2("stderr") }, signal, publishMetrics);
  };
}

// src/cli/secrets.ts
var SECRET_VARIABLES = [
  "GUARDRAILS_REGISTRY_API_KEY",
  "GUARDRAILS_REGISTRY_API_SECRET",
  "GUARDRAILS_REGISTRY_BEARER_TOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "PGPASSWORD",
  "GUARDRAILS_ICEBERG_REST_CREDENTIAL",
  "GUARDRAILS_ICEBERG_REST_TOKEN"
];
var CREDENTIAL_VARIABLES2 = ["GUARDRAILS_ICEBERG_REST_CREDENTIAL"];
function secretOf(credential) {
  if (credential === void 0) return void 0;
  const at2 = credential.indexOf(":");
  return at2 < 0 ? void 0 : credential.slice(at2 + 1);
}
var URI_VARIABLES = ["DATABASE_URL", "ICEBERG_CATALOG_URI"];
function passwordOf(uri) {
  if (uri === void 0) return void 0;
  try {
    const password = new URL(uri).password;
    return password === "" ? void 0 : decodeURIComponent(password);
  } catch {
    return void 0;
  }
}
function scrubbing(io) {
  const secrets = [
    ...SECRET_VARIABLES.map((name) => io.env[name]),
    ...URI_VARIABLES.map((name) => passwordOf(io.env[name])),
    ...CREDENTIAL_VARIABLES2.map((name) => secretOf(io.env[name]))
  ].filter((v) => typeof v === "string" && v.length >= 4).flatMap((v) => encodeURIComponent(v) === v ? [v] : [v, encodeURIComponent(v)]).sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return io;
  const scrub = (text) => secrets.reduce((out, s) => out.split(s).join("***"), text);
  const wrap = (stream) => ({ write: (text) => stream.write(scrub(text)), ...stream.isTTY !== void 0 ? { isTTY: stream.isTTY } : {} });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}

// src/cli/commands/metrics-job.ts
import { performance as performance3 } from "node:perf_hooks";

// src/scheduler/job-metrics-sinks.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { readFile as readFile10, rename as rename2, rm as rm4, writeFile as writeFile5 } from "node:fs/promises";
import { basename as basename4, dirname as dirname5, join as join13 } from "node:path";
async function pushJobMetrics(registry, target) {
  const gateway = new (promClient()).Pushgateway(target.url, { timeout: target.timeoutMs }, registry);
  if (target.instance === "" || target.instance.includes("/")) throw new Error(`instance ${JSON.stringify(target.instance)} cannot be a Pushgateway grouping value`);
  await gateway.pushAdd({ jobName: target.job, groupings: { instance: target.instance } });
}
async function writeJobMetricsFile(registry, path2) {
  const text = await registry.metrics();
  const temporary = join13(dirname5(path2), `.${basename4(path2)}.${process.pid}.${randomBytes3(4).toString("hex")}.tmp`);
  try {
    await writeFile5(temporary, text, { mode: 420 });
    await rename2(temporary, path2);
  } catch (error) {
    await rm4(temporary, { force: true });
    throw error;
  }
}
async function readPreviousJobMetrics(path2, job) {
  let text;
  try {
    text = await readFile10(path2, "utf8");
  } catch {
    return {};
  }
  return parsePreviousJobMetrics(text, job);
}
function parsePreviousJobMetrics(text, job) {
  let lastSuccessSeconds;
  const runs = {};
  for (const sample2 of parseExposition(text)) {
    if (sample2.labels["job"] !== job) continue;
    if (sample2.name === JOB_METRIC.lastSuccess) lastSuccessSeconds = sample2.value;
    const outcome = sample2.labels["outcome"];
    if (sample2.name === JOB_METRIC.runs && JOB_OUTCOMES.includes(outcome)) runs[outcome] = sample2.value;
  }
  return { ...lastSuccessSeconds !== void 0 ? { lastSuccessSeconds } : {}, runs };
}
var SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\S+)?$/;
var LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
function parseExposition(text) {
  const samples2 = [];
  for (const line2 of text.split("\n")) {
    const match = SAMPLE.exec(line2.trim());
    if (match === null || line2.startsWith("#")) continue;
    const labels = {};
    for (const [, name, value2] of (match[2] ?? "").matchAll(LABEL)) labels[name] = value2.replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c);
    const value = Number(match[3]);
    if (!Number.isNaN(value) || match[3] === "NaN") samples2.push({ name: match[1], labels, value });
  }
  return samples2;
}

// src/cli/commands/metrics-options.ts
var METRICS = "Metrics";
var gatewayUrl = urlValue({ credentialsFrom: "a proxy in front of the gateway" });
var pushgatewayUrlValue = (text, context2) => {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(text.trim())) throw new InvalidValue("holds credentials", "guardrails sends none to a Pushgateway; give its URL without them");
  return gatewayUrl(text, context2);
};
var metricsOptions = {
  "pushgateway-url": option({
    placeholder: "URL",
    description: "Push the run's metrics to this Prometheus Pushgateway when it ends, failed runs too (group job/instance); a failed push only warns",
    env: "GUARDRAILS_PUSHGATEWAY_URL",
    parse: pushgatewayUrlValue,
    display: displayUrl,
    group: METRICS
  }),
  "metrics-instance": option({
    placeholder: "NAME",
    description: 'The instance grouping key of the push (default "default"); keep it stable, never a pod or runner name',
    env: "GUARDRAILS_METRICS_INSTANCE",
    parse: textValue(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, ".", "_", ":" or "-"'),
    fallback: "default",
    group: METRICS
  }),
  "metrics-file": option({
    placeholder: "PATH",
    description: "Write the run's metrics to PATH in node_exporter's textfile format (e.g. DIR/guardrails_backup.prom), atomically",
    parse: pathValue("writable-file"),
    group: METRICS
  })
};

// src/cli/commands/metrics-job.ts
var METRICS_JOBS = ["backup", "restore", "expire-snapshots", "remove-orphans", "followups", "drift", "register", "check"];
var PUSH_TIMEOUT_MS = 5e3;
function withJobMetrics(command2) {
  if (!METRICS_JOBS.includes(command2.name) || "metrics-file" in command2.options) return command2;
  return {
    ...command2,
    options: { ...command2.options, ...metricsOptions },
    async run(values, outer) {
      const started = performance3.now();
      const samples2 = [];
      const context2 = { ...outer, recordMetrics: (more) => void samples2.push(...more) };
      const end = (exitCode) => ({ exitCode, started, samples: samples2 });
      let code;
      try {
        code = await command2.run(values, context2);
      } catch (error) {
        await publish(command2.name, values, context2, end(describeFailure2(error, context2.io.env).exitCode));
        throw error;
      }
      await publish(command2.name, values, context2, end(context2.signal.aborted && code === EXIT.OK ? EXIT.FAILED : code));
      return code;
    }
  };
}
async function publish(name, values, context2, { exitCode, started, samples: samples2 }) {
  const { io } = context2;
  const url2 = values["pushgateway-url"];
  const file = values["metrics-file"];
  if (url2 === void 0 && file === void 0 && io.onJobMetrics === void 0) return;
  const job = jobLabel(name);
  const previous = file === void 0 ? {} : await readPreviousJobMetrics(file, job);
  const registry = jobRunRegistry({ job, outcome: outcomeOfExitCode(exitCode), endedAt: context2.now(), durationSeconds: (performance3.now() - started) / 1e3, previous, samples: samples2 });
  try {
    io.onJobMetrics?.(job, registry);
  } catch (error) {
    warn(io, "the scheduler could not take the run's metrics", error);
  }
  if (file !== void 0) await writeJobMetricsFile(registry, file).catch((error) => warn(io, `could not write the metrics file ${file}`, error));
  if (url2 !== void 0) {
    await pushJobMetrics(registry, { url: url2, job, instance: values["metrics-instance"], timeoutMs: PUSH_TIMEOUT_MS }).catch(
      (error) => warn(io, `could not push metrics to the Pushgateway ${displayUrl(url2)}`, error)
    );
  }
}
function warn(io, what, error) {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  io.stderr.write(`warning: ${what}: ${reason}; the job's own outcome stands
`);
}

// src/cli/commands/log-format.ts
var LOG_FORMATS = ["text", "json"];
var logFormatOptions = {
  "log-format": option({
    placeholder: "text|json",
    description: "Lines on stderr (progress, warnings, errors) as text (default) or as pino JSON records: level, time, job, msg",
    env: "GUARDRAILS_LOG_FORMAT",
    parse: enumValue(LOG_FORMATS),
    fallback: "text",
    group: "Logging"
  })
};
function withLogFormat(command2) {
  if (!METRICS_JOBS.includes(command2.name) || "log-format" in command2.options) return command2;
  return { ...command2, options: { ...command2.options, ...logFormatOptions } };
}
function jobLog(command2, values, io) {
  if (values["log-format"] !== "json") return { io, end: () => {
  } };
  const logger = jsonLogger((line2) => io.stderr.write(line2), { job: jobLabel(command2) }, io.now);
  const records = lineStream((line2) => {
    const { level: level3, msg } = classify(line2);
    logger.log(level3, msg);
  });
  return { io: scrubbing({ ...io, stderr: records.stream }), end: records.end };
}
function classify(line2) {
  const match = /^(error|warning):\s*(.*)$/s.exec(line2);
  if (match === null) return { level: "info", msg: line2 };
  return { level: match[1] === "error" ? "error" : "warn", msg: match[2] };
}
function lineStream(emit) {
  let pending = "";
  const flush = (text) => {
    const line2 = text.trimEnd();
    if (line2.trim() !== "") emit(line2);
  };
  return {
    stream: {
      write(text) {
        const parts = (pending + text).split(/\r\n|\n|\r/);
        pending = parts.pop() ?? "";
        for (const part of parts) flush(part);
        return true;
      },
      isTTY: false
    },
    end() {
      flush(pending);
      pending = "";
    }
  };
}

// src/cli/commands/job-command.ts
function asRun(command2) {
  return withLogFormat(withJobMetrics(command2));
}

// src/cli/help.ts
var EXIT_TABLE = [
  [0, "ok"],
  [1, "the command ran and found problems, or the job failed or was stopped"],
  [2, "bad input or usage, refused before any side effect"],
  [3, "a bug in guardrails (please report it)"],
  [4, "a dependency unavailable: registry, GitHub, catalog database or S3"]
];
function commandHelp(command2) {
  const lines2 = command2.usage.map((u, i) => `${i === 0 ? "Usage: " : "       "}guardrails ${u}`);
  lines2.push("", command2.description.trim(), "");
  const groups2 = /* @__PURE__ */ new Map();
  for (const [name, spec] of Object.entries(command2.options)) {
    const group = spec.group ?? "Options";
    groups2.set(group, [...groups2.get(group) ?? [], ...optionLines(name, spec)]);
  }
  groups2.set("Options", [...groups2.get("Options") ?? [], ...optionLines("help", { type: "boolean", short: "h", description: "Show this help", read: () => true })]);
  for (const [group, rows] of groups2) lines2.push(`${group}:`, ...rows, "");
  lines2.push("Exit codes:", ...exitLines(command2), "");
  if (command2.notes) lines2.push(command2.notes.trim(), "");
  return `${lines2.join("\n")}`;
}
var WIDTH = 30;
function optionLines(name, spec) {
  const flag2 = `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.placeholder ? ` ${spec.placeholder}` : ""}`;
  const description = `${spec.description}${spec.env ? ` [env ${spec.env}]` : ""}${spec.multiple ? " (repeatable)" : ""}`;
  const head = `  ${flag2}`;
  return head.length < WIDTH ? [`${head.padEnd(WIDTH)}${description}`] : [head, `${"".padEnd(WIDTH)}${description}`];
}
function exitLines(command2) {
  const specific = { 0: command2.exits.ok, 1: command2.exits.failed, 4: command2.exits.unavailable };
  return EXIT_TABLE.map(([code, meaning2]) => `  ${code}  ${specific[code] ?? meaning2}`);
}

// src/cli/parse.ts
import { parseArgs } from "node:util";
async function parseCommandArgs(command2, argv, env, cwd) {
  const cut = command2.passThrough ? argv.indexOf("--") : -1;
  const own = cut >= 0 ? argv.slice(0, cut) : argv;
  const passThrough = cut >= 0 ? argv.slice(cut + 1) : [];
  const raw = tokenize(command2, own);
  if (raw.values["help"] === true) return { help: true, values: {}, positionals: [], passThrough: [] };
  if (!command2.positionals && raw.positionals.length > 0) {
    throw new UsageError(`unexpected argument ${JSON.stringify(raw.positionals[0])}${command2.passThrough ? "; arguments for the job go after --" : ""}`, command2.name);
  }
  if (command2.positionals && raw.positionals.length < command2.positionals.min) {
    throw new UsageError(`${command2.name} needs ${command2.positionals.placeholder}`, command2.name);
  }
  const values = {};
  for (const [name, spec] of Object.entries(command2.options)) {
    values[name] = await readOne(command2.name, name, spec, given(name, spec, raw.values[name], env), cwd);
  }
  return { help: false, values, positionals: raw.positionals, passThrough };
}
function tokenize(command2, argv) {
  const options6 = { help: { type: "boolean", short: "h" } };
  for (const [name, spec] of Object.entries(command2.options)) {
    options6[name] = { type: spec.type, ...spec.multiple ? { multiple: true } : {}, ...spec.short ? { short: spec.short } : {} };
  }
  try {
    return parseArgs({ args: [...argv], options: options6, strict: true, allowPositionals: true });
  } catch (error) {
    const message = (error instanceof Error ? error.message.split(/\.\s/)[0] ?? error.message : String(error)).replace(/\.$/, "");
    throw new UsageError(`${message}${suggestion(message, Object.keys(command2.options))}`, command2.name);
  }
}
function given(name, spec, value, env) {
  if (value === true) return { present: true, where: `--${name}`, flag: true };
  if (typeof value === "string") return { present: true, where: `--${name}`, texts: [value] };
  if (Array.isArray(value) && value.length > 0) return { present: true, where: `--${name}`, texts: value };
  const fromEnv2 = spec.env === void 0 ? void 0 : env[spec.env];
  if (spec.env !== void 0 && fromEnv2 !== void 0 && fromEnv2 !== "") return { present: true, where: `$${spec.env}`, texts: [fromEnv2] };
  return { present: false };
}
async function readOne(command2, name, spec, value, cwd) {
  if (!value.present && spec.required === true) {
    const placeholder = spec.placeholder ? ` ${spec.placeholder}` : "";
    throw new UsageError(`--${name}${placeholder} is required${spec.env ? ` (or set ${spec.env})` : ""}`, command2);
  }
  try {
    return await spec.read(value, { cwd });
  } catch (error) {
    if (!(error instanceof InvalidValue) || !value.present) throw error;
    const text = "texts" in value ? value.texts.find(() => true) ?? "" : "";
    const shown2 = spec.display ? spec.display(text) : withoutSecrets(text);
    throw new UsageError(`${value.where} ${JSON.stringify(shown2)} ${error.reason}${error.hint ? `; ${error.hint}` : ""}`, command2);
  }
}
function withoutSecrets(text) {
  return text.includes("://") ? displayUrl(text) : text;
}
function suggestion(message, known) {
  const unknown = /Unknown option '--([^']+)'/.exec(message)?.[1];
  if (unknown === void 0) return "";
  const near = known.map((k) => [k, distance(unknown, k)]).filter(([, d]) => d <= 2).sort((a, b) => a[1] - b[1])[0];
  return near ? `; did you mean --${near[0]}?` : "";
}
function distance(a, b) {
  const row3 = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row3[0];
    row3[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row3[j];
      row3[j] = Math.min(current + 1, row3[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row3[b.length];
}

// src/cli/dispatch.ts
async function runCommands(commands, argv, rawIo) {
  const io = scrubbing(rawIo);
  try {
    return stoppedIsFailure(await dispatch(argv, io, commands), io);
  } catch (error) {
    return printFailure(error, io);
  }
}
function stoppedIsFailure(code, io) {
  if (!io.signal?.aborted || code !== EXIT.OK) return code;
  io.stderr.write("error: stopped by a signal before the command finished\n");
  return EXIT.FAILED;
}
function printFailure(error, io) {
  const failure3 = describeFailure2(error, io.env);
  for (const line2 of failure3.lines) io.stderr.write(`${line2}
`);
  return io.signal?.aborted && failure3.exitCode === EXIT.OK ? EXIT.FAILED : failure3.exitCode;
}
async function dispatch(argv, io, commands) {
  const [first, ...rest] = argv;
  if (first === void 0) {
    io.stderr.write(topHelp(commands));
    return EXIT.BAD_INPUT;
  }
  if (first === "--help" || first === "-h") return print(io, topHelp(commands));
  if (first === "--version" || first === "-v") return print(io, `${packageVersion()}
`);
  if (first === "help") return print(io, rest[0] === void 0 ? topHelp(commands) : commandHelp(find(commands, rest[0])));
  const command2 = find(commands, first);
  const parsed = await parseCommandArgs(command2, rest, io.env, io.cwd);
  if (parsed.help) return print(io, commandHelp(command2));
  const log = jobLog(command2.name, parsed.values, io);
  const context2 = {
    io: log.io,
    signal: io.signal ?? new AbortController().signal,
    now: io.now ?? (() => /* @__PURE__ */ new Date()),
    positionals: parsed.positionals,
    passThrough: parsed.passThrough
  };
  try {
    command2.refine?.(parsed.values, context2);
    await command2.preflight?.(parsed.values, context2);
    return stoppedIsFailure(await command2.run(parsed.values, context2), log.io);
  } catch (error) {
    if (log.io === io) throw error;
    return printFailure(error, log.io);
  } finally {
    log.end();
  }
}
function find(commands, name) {
  const command2 = commands.find((c) => c.name === name);
  if (command2) return asRun(command2);
  const what = name.startsWith("-") ? `unknown option ${JSON.stringify(name)}` : `unknown command ${JSON.stringify(name)}`;
  throw new UsageError(`${what}; expected one of: ${commands.map((c) => c.name).join(", ")}`);
}
function topHelp(commands) {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "Usage: guardrails <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Options:",
    "  -h, --help     Show help; `guardrails <command> --help` shows a command's options",
    "  -v, --version  Print the version",
    "",
    "Exit codes (every command):",
    ...EXIT_TABLE.map(([code, meaning2]) => `  ${code}  ${meaning2}`),
    ""
  ].join("\n");
}
function print(io, text) {
  io.stdout.write(text);
  return EXIT.OK;
}

// src/cli/commands/schedule-jobs.ts
var JOB_COMMANDS = [backupCommand, expireSnapshotsCommand, removeOrphansCommand, followupsCommand, driftCommand];
var commandJobs = {
  names: JOB_COMMANDS.map((c) => c.name),
  table: (io) => Object.fromEntries(
    JOB_COMMANDS.map((command2) => [
      command2.name,
      commandJob((args, output, signal, publishMetrics) => {
        const jobIo = {
          cwd: io.cwd,
          env: io.env,
          stdout: { write: output.stdout },
          stderr: { write: output.stderr },
          signal,
          ...io.now ? { now: io.now } : {},
          // The command layer hands over each run's metrics registry; the scheduler serves it on /metrics.
          ...publishMetrics ? { onJobMetrics: (_job, registry) => publishMetrics(registry) } : {}
        };
        return runCommands(JOB_COMMANDS, [command2.name, ...args], jobIo);
      })
    ])
  ),
  async checkArgs(job, args, io, { preflight }) {
    const found = JOB_COMMANDS.find((c) => c.name === job);
    if (!found) return;
    const command2 = asRun(found);
    const parsed = await parseCommandArgs(command2, args, io.env, io.cwd);
    if (parsed.help) throw new UsageError("--help is not an argument for a scheduled run", job);
    const context2 = {
      io,
      signal: new AbortController().signal,
      now: io.now ?? (() => /* @__PURE__ */ new Date()),
      positionals: parsed.positionals,
      passThrough: parsed.passThrough
    };
    command2.refine?.(parsed.values, context2);
    if (preflight) await command2.preflight?.(parsed.values, context2);
  }
};

// src/cli/commands/schedule.ts
var flagUri2 = postgresUriValue({ allowPassword: false, passwordFrom: "DATABASE_URL or PGPASSWORD" });
var envUri = postgresUriValue({ allowPassword: true, passwordFrom: "DATABASE_URL" });
var databaseUrlOption = {
  type: "string",
  placeholder: "URL",
  description: "PostgreSQL for the claims (postgres://user@host:5432/db); a password only in $DATABASE_URL or PGPASSWORD",
  env: "DATABASE_URL",
  display: displayPostgresUri,
  read: async (given2, context2) => {
    if (!given2.present || !("texts" in given2)) return void 0;
    const fromFlag = given2.where === "--database-url";
    const text = given2.texts[given2.texts.length - 1];
    return { url: await (fromFlag ? flagUri2 : envUri)(text, context2), fromFlag };
  }
};
var options5 = {
  config: option({ placeholder: "FILE", description: "Config file with a schedule: section (default guardrails.yaml here, which may be absent)", parse: pathValue("file") }),
  "database-url": databaseUrlOption,
  "memory-claims": flag("No PostgreSQL: claims kept in memory; only safe with a single replica (wins over $DATABASE_URL)"),
  "replica-id": option({
    placeholder: "ID",
    description: "This replica in logs and claim rows (default $HOSTNAME-<random>)",
    parse: textValue(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'a name of up to 63 letters, digits, ".", "_" and "-"')
  }),
  port: option({ placeholder: "N", description: "Port of /healthz and /metrics, 0-65535, 0 for any free one (default schedule.port, 9464)", parse: intValue(0, 65535) }),
  list: flag("Validate the schedule, print each job's next three runs, and exit"),
  run: option({ placeholder: "JOB", description: "Run JOB now with its configured args plus those after --, claimed for the current minute, and exit", parse: textValue() }),
  format: jobFormatOption
};
function createScheduleCommand(jobs = commandJobs) {
  const prepared = /* @__PURE__ */ new WeakMap();
  return defineCommand({
    name: "schedule",
    summary: "Run the jobs on cron schedules, once per slot across replicas",
    usage: [
      "schedule [--config FILE] [--database-url URL | --memory-claims] [--replica-id ID] [--port N]",
      "schedule --run JOB [--format text|json] [--config FILE] [--database-url URL | --memory-claims] [-- JOB-ARGS]",
      "schedule --list [--format text|json] [--config FILE]"
    ],
    description: `Runs the jobs of the schedule: section of the config (${jobs.names.join(", ")}) on their cron
expressions, until SIGTERM or SIGINT. Across replicas each slot completes at least once and never runs
twice at a time: a claim in PostgreSQL is a lease (schedule.lease, default 60 s) that the running replica
renews, and the slot of a replica that died is taken over once its lease expires. A run longer than its
job's timeout (default 1 h) is aborted. Each job runs its guardrails command, with that command's options
and exit codes. Logs are JSON lines on
stdout (on stderr with --format json). On a signal it stops firing, aborts the running jobs at once,
waits up to schedule.shutdownTimeoutSeconds (at most 7) for them to settle, records their claims as
interrupted and exits 1, within 10 s. Reference: docs/scheduler.md.`,
    options: options5,
    passThrough: true,
    exits: {
      ok: "--list printed the schedule, or --run JOB succeeded",
      failed: "stopped by a signal (the scheduler always is), or --run JOB failed, was interrupted or its slot was claimed elsewhere (its own exit code when it returned one)",
      unavailable: "the claims database cannot be reached or used"
    },
    notes: `Environment: DATABASE_URL (the claims database; may hold a password), PGPASSWORD, HOSTNAME (replica id).
The jobs read their own variables (see guardrails <job> --help).`,
    refine(values, { passThrough }) {
      if (values.list && values.run !== void 0) throw new UsageError("--list and --run exclude each other; give one", "schedule");
      if (passThrough.length > 0 && values.run === void 0) throw new UsageError("arguments after -- are for a job: give --run JOB before them", "schedule");
      if (values.format === "json" && !values.list && values.run === void 0) {
        throw new UsageError("--format json applies to --list and --run; the scheduler itself always logs JSON lines", "schedule");
      }
      if (values["memory-claims"] && values["database-url"]?.fromFlag) throw new UsageError("give --database-url or --memory-claims, not both", "schedule");
      if (!values.list && !values["memory-claims"] && values["database-url"] === void 0) {
        throw new UsageError("no PostgreSQL for the claims: give --database-url or set DATABASE_URL (or --memory-claims for a single replica)", "schedule");
      }
    },
    async preflight(values, context2) {
      const { io, passThrough } = context2;
      const path2 = values.config ?? join14(io.cwd, "guardrails.yaml");
      const label2 = values.config === void 0 ? "guardrails.yaml" : labelOf(io.cwd, path2);
      const loaded3 = await loadScheduleConfig({ path: path2, label: label2, explicit: values.config !== void 0 }, jobs.names);
      if (values.run !== void 0 && !jobs.names.includes(values.run)) {
        throw new UsageError(`--run ${JSON.stringify(values.run)} is not a job; known jobs: ${[...jobs.names].sort().join(", ")}`, "schedule");
      }
      if (values.run !== void 0) {
        const configured = loaded3.config.jobs[values.run]?.args ?? [];
        const given2 = passThrough.length > 0 ? `--run ${values.run} --` : configured.length === 0 ? `--run ${values.run}` : void 0;
        await checkArgs(jobs, { name: values.run, args: [...configured, ...passThrough], preflight: true }, loaded3, label2, io, given2);
      } else if (!values.list) {
        for (const [name, job] of Object.entries(loaded3.config.jobs)) if (job.enabled) await checkArgs(jobs, { name, args: job.args, preflight: false }, loaded3, label2, io);
      }
      prepared.set(context2, { loaded: loaded3 });
    },
    async run(values, context2) {
      const { io } = context2;
      const { config: config2 } = prepared.get(context2).loaded;
      if (values.list) return printList(listSchedule(config2), values.format, io);
      const replica = values["replica-id"] ?? `${io.env["HOSTNAME"] ?? hostname()}-${randomBytes4(3).toString("hex")}`;
      const json = values.format === "json";
      const logger = jsonLogger((line2) => (json ? io.stderr : io.stdout).write(line2), { replica }, context2.now);
      const database = values["memory-claims"] ? void 0 : values["database-url"];
      const claims = database ? new PgClaimStore(database.url, replica, {
        leaseSeconds: config2.lease,
        onError: (error) => logger.log("warn", "a claims database connection was lost; the next query reconnects", { error }),
        onRenewFailed: (slot, error) => logger.log("warn", "could not renew the lease; trying again in a third of the lease", { ...slot, error })
      }) : new MemoryClaimStore();
      const where2 = database ? ` (${displayPostgresUri(database.url)})` : "";
      const deps = { jobs: jobs.table(io), claims, logger, signal: context2.signal, now: context2.now };
      const body = async () => {
        try {
          if (values.run === void 0) {
            await serveSchedule({ config: config2, port: values.port ?? config2.port, portSource: values.port === void 0 ? "schedule.port" : "--port" }, deps);
            return 1;
          }
          const outcome = await runJobNow({ config: config2, job: values.run, extraArgs: context2.passThrough }, deps);
          const code = exitCodeOf2(outcome);
          return json ? writeJobJson(io, "schedule", code, { mode: "run", replica, run: outcome }) : code;
        } catch (error) {
          throw translated(error, where2);
        }
      };
      try {
        return await withJsonFailure(io, values.run !== void 0 ? values.format : "text", "schedule", body, { mode: "run", replica });
      } finally {
        await closeClaims(claims, logger);
      }
    }
  });
}
var scheduleCommand = createScheduleCommand();
async function checkArgs(jobs, { name, args, preflight }, loaded3, file, io, given2) {
  try {
    await jobs.checkArgs?.(name, args, io, { preflight });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const at2 = loaded3.locate(["jobs", name, "args"]);
    const where2 = given2 ?? `${file}${at2 ? `:${at2.line}:${at2.column}` : ""}: schedule.jobs.${name}.args`;
    throw new UsageError(`${where2}: ${error.message}`, error.command);
  }
}
function labelOf(cwd, path2) {
  const rel = relative4(cwd, path2);
  return rel.startsWith("..") || isAbsolute3(rel) ? path2 : rel;
}
function printList(jobs, format, io) {
  if (format === "json") return writeJobJson(io, "schedule", 0, { mode: "list", jobs });
  if (jobs.length === 0) io.stdout.write("no jobs: the config has no schedule.jobs entries\n");
  for (const job of jobs) io.stdout.write(`${job.name}${job.enabled ? "" : " (disabled)"}: "${job.cron}" ${job.timezone} \u2192 ${job.next.join(", ")}
`);
  return 0;
}
function exitCodeOf2(outcome) {
  if (outcome.result === "succeeded") return 0;
  if (outcome.result === "failed" && outcome.exitCode !== void 0 && outcome.exitCode >= 1 && outcome.exitCode <= 4) return outcome.exitCode;
  return 1;
}
function translated(error, where2) {
  if (!(error instanceof ScheduleError)) return error;
  return error.kind === "unavailable" ? new UnavailableError(`${error.message}${where2}`) : new UsageError(error.message, "schedule");
}
async function closeClaims(claims, logger) {
  await withDeadline(claims.close(), 1e3, "closing the claims database pool").catch((error) => logger.log("warn", "closing the claims database pool failed", { error }));
}

// src/cli/commands/index.ts
var COMMANDS = [checkCommand, compatCommand, backupCommand, restoreCommand, expireSnapshotsCommand, removeOrphansCommand, followupsCommand, driftCommand, registerCommand, scheduleCommand];

// src/cli/main.ts
function run(argv, io, commands = COMMANDS) {
  return runCommands(commands, argv, io);
}

// src/cli/process.ts
var STOP_DEADLINE_MS = 9500;
async function main(argv) {
  const controller = new AbortController();
  const onSignal = (signal) => {
    if (controller.signal.aborted) {
      process.stderr.write(`${signal} again: exiting now; temporary state may remain (see the last lines above)
`);
      process.exit(1);
    }
    process.stderr.write(`${signal} received: starting no new write, undoing temporary state (send it again to exit at once)
`);
    controller.abort(new Error(`stopped by ${signal}`));
    setTimeout(() => {
      process.stderr.write(`error: did not stop within ${STOP_DEADLINE_MS / 1e3} s of ${signal}; exiting
`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await run(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, signal: controller.signal });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// src/cli/index.ts
process.exitCode = await main(process.argv.slice(2));
