import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

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

// src/avro/names.ts
var FIRST = /^[\p{L}_]$/u;
var REST = /^[\p{L}\p{Nd}_]$/u;
function nameProblem(name) {
  if (isAsciiName(name)) return void 0;
  if (name === "") return "it is empty";
  for (let i = 0; i < name.length; i++) {
    const unit = name[i];
    if (!(i === 0 ? FIRST : REST).test(unit)) {
      const shown = /[\p{Cc}\p{Cs}\p{Z}]/u.test(unit) ? `U+${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : `"${unit}"`;
      return i === 0 ? `it starts with ${shown}` : `it contains ${shown}`;
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
function qualify(reference, namespace) {
  return reference.includes(".") || !namespace ? reference : `${namespace}.${reference}`;
}
function shortName(fullName) {
  return fullName.slice(fullName.lastIndexOf(".") + 1);
}
function escapePointerToken(token) {
  if (typeof token === "number") return String(token);
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

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
    const at = this.indexOf(reader, writer);
    if (at < 0) return void 0;
    const found = this.memoFindings[at];
    return found === IN_PROGRESS ? COMPATIBLE : found;
  }
  markInProgress(reader, writer) {
    this.remember(reader, writer, IN_PROGRESS);
  }
  remember(reader, writer, findings) {
    const at = this.indexOf(reader, writer);
    if (at >= 0) {
      this.memoFindings[at] = findings;
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
  index(at) {
    const reader = this.memoReaders[at];
    let byWriter = this.memo.get(reader);
    if (byWriter === void 0) {
      byWriter = /* @__PURE__ */ new Map();
      this.memo.set(reader, byWriter);
    }
    byWriter.set(this.memoWriters[at], at);
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
  constructor(failure) {
    super(failure.message);
    this.failure = failure;
  }
  failure;
  name = "AmbiguousFieldMatch";
};
function checkRecordFields(walk, reader, writer, check) {
  let findings = COMPATIBLE;
  walk.enter("fields");
  for (const field of reader.fields) {
    walk.enter(field.position);
    const found = checkField(walk, field, writer, check);
    if (found.length > 0) findings = findings.length === 0 ? found : [...findings, ...found];
    walk.leave();
  }
  walk.leave();
  return findings;
}
function checkField(walk, field, writer, check) {
  const source = lookupWriterField(walk, writer, field);
  if (source !== void 0) return check(walk, "type", field.type, source.type);
  if (field.default !== void 0) return COMPATIBLE;
  if (field.type.kind === "enum" && field.type.default !== void 0) {
    return check(walk, "type", field.type, writer);
  }
  return [walk.finding("READER_FIELD_MISSING_DEFAULT_VALUE", field, writer, field.name)];
}
function lookupWriterField(walk, writer, field) {
  let found = fieldNamed(walk, writer, field.name);
  let matches = found === void 0 ? 0 : 1;
  const aliases = field.aliases;
  for (let i = 0; i < aliases.length; i++) {
    const alias = aliases[i];
    if (aliases.indexOf(alias) !== i) continue;
    const byAlias = fieldNamed(walk, writer, alias);
    if (byAlias === void 0) continue;
    found ??= byAlias;
    matches++;
  }
  if (matches > 1) {
    const message = `Reader record field ${field.name} type:${typeLabel(field.type)} pos:${field.position} matches multiple fields in writer record schema ${writer.fullName}`;
    throw new AmbiguousFieldMatch(walk.failure(message, field, writer));
  }
  return found;
}
var INDEX_THRESHOLD = 16;
function fieldNamed(walk, record, name) {
  const fields = record.fields;
  if (fields.length <= INDEX_THRESHOLD) {
    for (const field of fields) if (field.name === name) return field;
    return void 0;
  }
  return walk.fieldsByName(record).get(name);
}

// src/avro/compat/reader-writer.ts
function checkReaderWriterSchemas(reader, writer) {
  const walk = new Walk();
  try {
    const incompatibilities = checkPair(walk, "", reader, writer);
    return { compatible: incompatibilities.length === 0, incompatibilities };
  } catch (error) {
    if (error instanceof AmbiguousFieldMatch) {
      return { compatible: false, incompatibilities: [], failure: error.failure };
    }
    throw error;
  }
}
function checkPair(walk, token, reader, writer) {
  walk.enter(token);
  let findings;
  if (isNamed(reader) && isNamed(writer)) {
    findings = checkMemoised(walk, reader, writer);
  } else {
    findings = checkUnmemoised(walk, reader, writer);
  }
  walk.leave();
  return findings;
}
function checkMemoised(walk, reader, writer) {
  const known = walk.recall(reader, writer);
  if (known !== void 0) return known;
  walk.markInProgress(reader, writer);
  const findings = checkUnmemoised(walk, reader, writer);
  walk.remember(reader, writer, findings);
  return findings;
}
function checkDetached(walk, reader, writer) {
  const saved = walk.openRoot();
  const findings = checkPair(walk, "", reader, writer);
  walk.closeRoot(saved);
  return findings;
}
function checkUnmemoised(walk, reader, writer) {
  if (sameAvroType(reader, writer)) return checkSameType(walk, reader, writer);
  if (writer.kind === "union") return checkWriterBranches(walk, reader, writer);
  if (reader.kind === "union") return checkReaderBranches(walk, reader, writer);
  if (isPromotable(reader, writer)) return COMPATIBLE;
  return [typeMismatch(walk, reader, writer)];
}
function sameAvroType(reader, writer) {
  if (reader.kind !== writer.kind) return false;
  return reader.kind !== "primitive" || writer.kind !== "primitive" || reader.type === writer.type;
}
function checkSameType(walk, reader, writer) {
  switch (reader.kind) {
    case "primitive":
      return COMPATIBLE;
    case "array":
      return checkPair(walk, "items", reader.items, writer.items);
    case "map":
      return checkPair(walk, "values", reader.values, writer.values);
    case "fixed":
      return concat(checkName(walk, reader, writer), checkSize(walk, reader, writer));
    case "enum":
      return concat(checkName(walk, reader, writer), checkSymbols(walk, reader, writer));
    case "record":
      return concat(
        checkName(walk, reader, writer),
        checkRecordFields(walk, reader, writer, checkPair)
      );
    case "union":
      return checkUnionAgainstUnion(walk, reader, writer);
  }
}
function checkUnionAgainstUnion(walk, reader, writer) {
  let findings = COMPATIBLE;
  for (let index = 0; index < writer.branches.length; index++) {
    const branch = writer.branches[index];
    walk.enter(index);
    if (checkDetached(walk, reader, branch).length > 0) {
      const message = `reader union lacking writer type: ${typeLabel(branch)}`;
      findings = [...findings, walk.finding("MISSING_UNION_BRANCH", reader, writer, message)];
    }
    walk.leave();
  }
  return findings;
}
function checkWriterBranches(walk, reader, writer) {
  let findings = COMPATIBLE;
  for (let index = 0; index < writer.branches.length; index++) {
    findings = concat(findings, checkPair(walk, index, reader, writer.branches[index]));
  }
  return findings;
}
function checkReaderBranches(walk, reader, writer) {
  for (const branch of reader.branches) {
    if (branch.kind === "primitive" && writer.kind === "primitive") {
      if (branch.type === writer.type || isPromotable(branch, writer)) return COMPATIBLE;
    } else if (checkDetached(walk, branch, writer).length === 0) {
      return COMPATIBLE;
    }
  }
  const message = `reader union lacking writer type: ${typeLabel(writer)}`;
  return [walk.finding("MISSING_UNION_BRANCH", reader, writer, message)];
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
function typeMismatch(walk, reader, writer) {
  const message = `reader type: ${typeLabel(reader)} not compatible with writer type: ${typeLabel(writer)}`;
  return walk.finding("TYPE_MISMATCH", reader, writer, message);
}
function checkName(walk, reader, writer) {
  if (reader.name === writer.name || reader.aliases.includes(writer.fullName)) return COMPATIBLE;
  return [located(walk, "name", () => walk.finding("NAME_MISMATCH", reader, writer, `expected: ${writer.fullName}`))];
}
function checkSize(walk, reader, writer) {
  if (reader.size === writer.size) return COMPATIBLE;
  const message = `expected: ${writer.size}, found: ${reader.size}`;
  return [located(walk, "size", () => walk.finding("FIXED_SIZE_MISMATCH", reader, writer, message))];
}
function checkSymbols(walk, reader, writer) {
  const missing = missingSymbols(reader.symbols, writer.symbols);
  if (missing.length === 0) return COMPATIBLE;
  if (reader.default !== void 0 && reader.symbols.includes(reader.default)) return COMPATIBLE;
  const message = `[${missing.join(", ")}]`;
  return [located(walk, "symbols", () => walk.finding("MISSING_ENUM_SYMBOLS", reader, writer, message))];
}
function missingSymbols(reader, writer) {
  if (reader.length === writer.length && reader.every((symbol, i) => symbol === writer[i])) return [];
  const known = new Set(reader);
  return [...new Set(writer.filter((symbol) => !known.has(symbol)))].sort();
}
function located(walk, token, make) {
  walk.enter(token);
  const made = make();
  walk.leave();
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
function describeFailure(failure) {
  return `${UNEXPECTED_EXCEPTION_PREFIX}${failure.message}`;
}

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
function parseCompatibilityLevel(text) {
  const upper = typeof text === "string" ? text.trim().toUpperCase() : void 0;
  const level = COMPATIBILITY_LEVELS.find((candidate) => candidate === upper);
  if (level === void 0) throw new InvalidCompatibilityLevelError(text);
  return level;
}
var PLANS = {
  NONE: { directions: [], transitive: false },
  BACKWARD: { directions: ["backward"], transitive: false },
  BACKWARD_TRANSITIVE: { directions: ["backward"], transitive: true },
  FORWARD: { directions: ["forward"], transitive: false },
  FORWARD_TRANSITIVE: { directions: ["forward"], transitive: true },
  FULL: { directions: ["forward", "backward"], transitive: false },
  FULL_TRANSITIVE: { directions: ["forward", "backward"], transitive: true }
};
function checkLevel(candidate, history, level) {
  if (!Object.hasOwn(PLANS, level)) throw new InvalidCompatibilityLevelError(level);
  const plan = PLANS[level];
  const checkedVersions = versionsToCheck(history.length, plan);
  const findings = [];
  for (const version of checkedVersions) {
    for (const direction of plan.directions) {
      findings.push(...checkDirection(candidate, history[version], version, direction));
    }
  }
  const result = { level, compatible: findings.length === 0, findings, checkedVersions };
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
      ...stripUndefined(details)
    });
  }
};
function stripUndefined(details) {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== void 0));
}
function formatSchemaError(problem, details) {
  let where = "";
  if (details.file !== void 0) where = details.file;
  if (details.line !== void 0) {
    where += `${where ? ":" : "line "}${details.line}`;
    if (details.column !== void 0) where += `:${details.column}`;
  }
  const pointer = details.pointer !== void 0 && details.line === void 0 ? ` (at ${details.pointer || "/"})` : "";
  const hint = details.hint ? ` ${details.hint}` : "";
  return `${where ? `${where}: ` : ""}${problem}${pointer}.${hint}`.replace(/\.\./g, ".");
}

// src/avro/json-scanner.ts
var Failure = class {
  constructor(failure) {
    this.failure = failure;
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
  for (let at = text.indexOf("["); at >= 0; at = text.indexOf("[", at + 1)) {
    if (++arrayLevels + objectLevels > limit) return true;
  }
  return false;
}
function hasMoreOpeners(text, limit) {
  let count = 0;
  for (const opener of ["{", "["]) {
    for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at + 1)) {
      if (++count > limit) return true;
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
    const quote2 = text.indexOf('"', from);
    if (quote2 < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote2 - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote2 + 1;
    from = quote2 + 1;
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
  const bad = firstInvalidUtf8(bytes);
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
  const { line, column } = new TextLines(before).position(before.length);
  const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
  const utf16 = bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255;
  const hint = utf16 ? `The file looks like UTF-16. ${UTF8_HINT}` : UTF8_HINT;
  return new SchemaError("INVALID_UTF8", `invalid UTF-8: byte 0x${byte} at byte offset ${bad}`, { file, line, column, hint });
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
function parseJsonDocument(text, options = {}) {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const maxDepth = options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a positive integer, got ${String(maxDepth)}`);
  }
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    const failure = findJsonFailure(source, maxDepth);
    if (failure) throw scanError(source, options.file, failure);
    throw new SchemaError("INVALID_JSON", "the document is not valid JSON", { file: options.file });
  }
  const deep = findTooDeep(source, maxDepth);
  if (deep >= 0) throw scanError(source, options.file, { code: "TOO_DEEP", problem: tooDeepProblem(maxDepth), offset: deep });
  return new ParsedDocument(source, options.file, value);
}
function scanError(text, file, failure) {
  const { line, column } = new TextLines(text).position(failure.offset);
  const hint = failure.hint ?? (failure.code === "TOO_DEEP" ? "Reduce the nesting of the schema." : void 0);
  return new SchemaError(failure.code, failure.problem, { file, line, column, hint: hint && capitalise(hint) });
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
  lineText(line) {
    this.lines ??= new TextLines(this.text);
    return this.lines.lineText(line);
  }
};
var TextLines = class {
  constructor(text) {
    this.text = text;
    if (!text.includes("\r")) {
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) this.starts.push(at + 1);
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
  lineText(line) {
    const start = this.starts[line - 1];
    if (start === void 0 || line < 1) return "";
    const next = this.starts[line] ?? this.text.length;
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
  let at = from;
  for (; ; ) {
    TO_BRACKET.lastIndex = at;
    TO_BRACKET.test(text);
    at = TO_BRACKET.lastIndex;
    if (text.charCodeAt(at) !== 34) return at;
    at = stringEnd(text, at);
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
  for (let at = pointer.indexOf("/"); at >= 0; at = pointer.indexOf("/", at + 1)) if (++tokens > limit) return true;
  return false;
}
function isPointer(pointer, escaped) {
  if (pointer !== "" && pointer.charCodeAt(0) !== 47) return false;
  return !escaped || !/~[^01]|~$/.test(pointer);
}
function locate(text, containers, pointer, plain) {
  let at = skipWhitespace(text, 0);
  let anchor = at;
  for (let start = 1; start <= pointer.length; ) {
    let end = pointer.indexOf("/", start);
    if (end < 0) end = pointer.length;
    const c = text.charCodeAt(at);
    if (c === 123) {
      anchor = findMember(text, containers, at, pointer, start, end, plain);
      if (anchor < 0) return -1;
      at = valueAfterKey(text, anchor);
    } else if (c === 91) {
      at = anchor = findElement(text, containers, at, arrayIndex(pointer, start, end));
      if (at < 0) return -1;
    } else return -1;
    start = end + 1;
  }
  return anchor;
}
function findMember(text, containers, open, pointer, start, end, plain) {
  let found = -1;
  let i = skipWhitespace(text, open + 1);
  while (text.charCodeAt(i) === 34) {
    const value = valueAfterKey(text, i);
    if (plain ? plainKeyIs(text, i, pointer, start, end) : JSON.parse(text.slice(i, stringEnd(text, i))) === decodeToken(pointer.slice(start, end))) {
      found = i;
      if (plain && text.indexOf(pointer.slice(start, end), value) < 0) return found;
    }
    i = nextSibling(text, containers, value);
  }
  return found;
}
function plainKeyIs(text, keyStart, pointer, start, end) {
  if (text.charCodeAt(keyStart + 1 + end - start) !== 34) return false;
  for (let k = start, at = keyStart + 1; k < end; k++, at++) {
    const c = pointer.charCodeAt(k);
    if (c === 34 || text.charCodeAt(at) !== c) return false;
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

// src/avro/defined-types.ts
var SCAN_LIMIT = 2;
var DefinedTypes = class {
  types = [];
  byShortName;
  /** The type with this full name. */
  get(fullName) {
    if (this.byShortName === void 0) return this.scan(fullName);
    return this.among(this.byShortName.get(shortName(fullName)), fullName);
  }
  /** The type with this full name, whose short part the caller has at hand: no slice to hash. */
  getDeclared(name, fullName) {
    if (this.byShortName === void 0) return this.scan(fullName);
    return this.among(this.byShortName.get(name), fullName);
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
  scan(fullName) {
    for (const type of this.types) if (type.fullName === fullName) return type;
    return void 0;
  }
  among(candidates, fullName) {
    if (candidates !== void 0) {
      for (const type of candidates) if (type.fullName === fullName) return type;
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

// src/avro/parse.ts
var DEFAULT_MAX_DEPTH = 1e3;
var NO_ATTRIBUTES = Object.freeze({});
var NO_STRINGS = Object.freeze([]);
var NO_NAMED_TYPES = /* @__PURE__ */ new Map();
var SCAN_FOR_DUPLICATES = 16;
function parseSchema(json, options = {}) {
  const context = {
    file: options.file,
    strict: options.strict ?? true,
    validateNames: (options.names ?? "strict") === "strict",
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    external: options.namedTypes ?? NO_NAMED_TYPES,
    named: new DefinedTypes()
  };
  try {
    return new Parsed(parseNode(json, "", "", 0, context), context.named);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new SchemaError("TOO_DEEP", "the schema is nested too deeply to process", { file: context.file, hint: "Flatten the schema." });
    }
    throw error;
  }
}
var Parsed = class {
  constructor(root, defined) {
    this.root = root;
    this.defined = defined;
  }
  root;
  defined;
  table;
  /** Built when first asked for: a check reads the model, not this table. */
  get named() {
    return this.table ??= this.defined.toMap();
  }
};
function fail(context, code, pointer, problem, hint) {
  throw new SchemaError(code, problem, { file: context.file, pointer, hint });
}
var NAME_HINT = "use letters, digits and underscores, not starting with a digit; the registry refuses any other name";
function checkName2(context, name, kind, pointer, suffix, shown = name) {
  if (!context.validateNames) return;
  const problem = nameProblem(name);
  if (problem !== void 0) fail(context, "INVALID_NAME", pointer + suffix, `"${shown}" is not a valid ${kind}: ${problem}`, NAME_HINT);
}
function parseNode(json, pointer, namespace, depth, context) {
  if (depth > context.maxDepth) {
    fail(
      context,
      "TOO_DEEP",
      pointer,
      `schema nesting is deeper than ${context.maxDepth} levels`,
      "flatten the schema; the registry rejects JSON nested this deep"
    );
  }
  if (typeof json === "string") return parseTypeName(json, pointer, namespace, context);
  if (Array.isArray(json)) return parseUnion(json, pointer, namespace, depth, context);
  if (isObject(json)) return parseObject(json, pointer, namespace, depth, context);
  return fail(context, "INVALID_SCHEMA", pointer, `a schema must be a type name, an object or an array, not ${describe(json)}`);
}
function parseTypeName(name, pointer, namespace, context) {
  if (PRIMITIVE_NAMES.has(name)) {
    return { kind: "primitive", type: name, pointer, file: context.file, attributes: NO_ATTRIBUTES };
  }
  const found = lookupNamed(name, namespace, context);
  if (found) return found;
  return fail(
    context,
    "UNKNOWN_TYPE",
    pointer,
    `unknown type "${name}"`,
    "Define it before it is used, check its spelling and namespace, or map the file that defines it as a reference."
  );
}
function lookupNamed(name, namespace, context) {
  const qualified = qualify(name, namespace);
  const found = context.named.get(qualified) ?? externalType(qualified, context);
  if (found || qualified === name) return found;
  return context.named.get(name) ?? externalType(name, context);
}
function externalType(fullName, context) {
  return context.external.size === 0 ? void 0 : context.external.get(fullName);
}
function parseUnion(json, pointer, namespace, depth, context) {
  const branches = [];
  for (let index = 0; index < json.length; index++) {
    branches.push(parseNode(json[index], `${pointer}/${index}`, namespace, depth + 1, context));
  }
  const seen = branches.length > SCAN_FOR_DUPLICATES ? /* @__PURE__ */ new Set() : void 0;
  for (let index = 0; index < branches.length; index++) {
    if (branches[index].kind === "union") {
      fail(
        context,
        "INVALID_SCHEMA",
        `${pointer}/${index}`,
        "a union may not directly contain another union",
        "merge the inner union's branches into the outer one"
      );
    }
    const key = branchKey(branches[index]);
    if (seen ? seen.has(key) : hasBranchKey(branches, index, key)) {
      fail(context, "INVALID_SCHEMA", `${pointer}/${index}`, `the union contains "${key}" twice`, "remove the duplicate branch");
    }
    seen?.add(key);
  }
  return { kind: "union", branches, pointer, file: context.file, attributes: NO_ATTRIBUTES };
}
function branchKey(branch) {
  return isNamed(branch) ? branch.fullName : branch.kind === "primitive" ? branch.type : branch.kind;
}
function hasBranchKey(branches, index, key) {
  for (let before = 0; before < index; before++) if (branchKey(branches[before]) === key) return true;
  return false;
}
function parseObject(json, pointer, namespace, depth, context) {
  const type = json.type;
  if (type === void 0) {
    fail(context, "INVALID_SCHEMA", pointer, 'the schema object has no "type"', 'add a "type" attribute');
  }
  if (typeof type !== "string") {
    return parseNode(type, `${pointer}/type`, namespace, depth + 1, context);
  }
  switch (type) {
    case "record":
    case "error":
      return parseRecord(json, pointer, namespace, depth, context);
    case "enum":
      return parseEnum(json, pointer, namespace, context);
    case "fixed":
      return parseFixed(json, pointer, namespace, context);
    case "array":
      return parseArray(json, pointer, namespace, depth, context);
    case "map":
      return parseMap(json, pointer, namespace, depth, context);
  }
  if (PRIMITIVE_NAMES.has(type)) {
    const logicalType = parseLogicalType(json, type, void 0, pointer, context);
    return { kind: "primitive", type, pointer, file: context.file, logicalType, attributes: attributesOf(json) };
  }
  return parseTypeName(type, `${pointer}/type`, namespace, context);
}
function parseNamedHeader(json, pointer, enclosing, context) {
  const declared = json.name;
  if (typeof declared !== "string" || declared === "") {
    fail(context, "INVALID_SCHEMA", pointer, `a ${json.type} needs a "name" string`, 'add a "name" attribute');
  }
  const explicit = json.namespace;
  if (explicit !== void 0 && explicit !== null && typeof explicit !== "string") {
    fail(context, "INVALID_SCHEMA", `${pointer}/namespace`, `"namespace" must be a string, not ${describe(explicit)}`);
  }
  const resolved = resolveName(declared, explicit ?? void 0, enclosing);
  checkName2(context, resolved.name, "Avro name", pointer, "/name", declared);
  if (PRIMITIVE_NAMES.has(resolved.name) && !resolved.namespace) {
    fail(context, "INVALID_NAME", `${pointer}/name`, `"${resolved.name}" is a primitive type and cannot be redefined`);
  }
  if (context.named.getDeclared(resolved.name, resolved.fullName) !== void 0 || externalType(resolved.fullName, context) !== void 0) {
    fail(
      context,
      "DUPLICATE_NAME",
      `${pointer}/name`,
      `the type "${resolved.fullName}" is defined twice`,
      "refer to the first definition by name instead of defining it again"
    );
  }
  const declaredAliases = aliasList(json.aliases, pointer, context);
  let aliases = NO_STRINGS;
  if (declaredAliases.length > 0) {
    declaredAliases.forEach((alias, index) => checkName2(context, shortName(alias), "alias", pointer, `/aliases/${index}`, alias));
    aliases = declaredAliases.map((alias) => qualify(alias, resolved.namespace));
  }
  const doc = typeof json.doc === "string" ? json.doc : void 0;
  return { fullName: resolved.fullName, name: resolved.name, namespace: resolved.namespace, aliases, doc };
}
function parseRecord(json, pointer, enclosing, depth, context) {
  const header = parseNamedHeader(json, pointer, enclosing, context);
  if (!Array.isArray(json.fields)) {
    fail(context, "INVALID_SCHEMA", pointer, `record "${header.fullName}" needs a "fields" array`, 'add "fields": [] at least');
  }
  const fields = [];
  const record = {
    kind: "record",
    fullName: header.fullName,
    name: header.name,
    namespace: header.namespace,
    aliases: header.aliases,
    doc: header.doc,
    isError: json.type === "error",
    fields,
    pointer,
    file: context.file,
    attributes: attributesOf(json)
  };
  context.named.add(record);
  const fieldsJson = json.fields;
  const names = fieldsJson.length > SCAN_FOR_DUPLICATES ? /* @__PURE__ */ new Set() : void 0;
  const fieldsPointer = `${pointer}/fields/`;
  for (let position = 0; position < fieldsJson.length; position++) {
    const field = parseField(fieldsJson[position], fieldsPointer + position, position, header.namespace, depth, context);
    if (names ? names.has(field.name) : hasFieldNamed(fields, field.name)) {
      fail(
        context,
        "DUPLICATE_FIELD",
        `${pointer}/fields/${position}/name`,
        `record "${header.fullName}" has two fields named "${field.name}"`,
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
function parseField(json, pointer, position, namespace, depth, context) {
  if (!isObject(json)) fail(context, "INVALID_SCHEMA", pointer, `a field must be an object, not ${describe(json)}`);
  const name = json.name;
  if (typeof name !== "string") fail(context, "INVALID_SCHEMA", pointer, 'a field needs a "name" string', 'add a "name" attribute');
  checkName2(context, name, "field name", pointer, "/name");
  if (json.type === void 0 && !("type" in json)) fail(context, "INVALID_SCHEMA", pointer, `field "${name}" has no "type"`, 'add a "type" attribute');
  const type = parseNode(json.type, `${pointer}/type`, namespace, depth + 3, context);
  const order = json.order ?? "ascending";
  if (order !== "ascending" && order !== "descending" && order !== "ignore") {
    fail(
      context,
      "INVALID_SCHEMA",
      `${pointer}/order`,
      `field "${name}" has order ${describe(order)}`,
      'use "ascending", "descending" or "ignore"'
    );
  }
  const hasDefault = json.default !== void 0 || "default" in json;
  if (hasDefault && context.strict && !isValidDefault(type, json.default)) {
    fail(
      context,
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
    file: context.file,
    default: hasDefault ? { value: json.default } : void 0,
    aliases: aliasList(json.aliases, pointer, context),
    order,
    doc: typeof json.doc === "string" ? json.doc : void 0,
    attributes: attributesOf(json, fieldKeysPresent(json, hasDefault), isFieldKey)
  };
}
function parseEnum(json, pointer, enclosing, context) {
  const header = parseNamedHeader(json, pointer, enclosing, context);
  const symbols = json.symbols;
  if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== "string")) {
    fail(context, "INVALID_SCHEMA", `${pointer}/symbols`, `enum "${header.fullName}" needs a "symbols" array of strings`);
  }
  const seen = /* @__PURE__ */ new Set();
  symbols.forEach((symbol, index) => {
    checkName2(context, symbol, "enum symbol", pointer, `/symbols/${index}`);
    if (seen.has(symbol)) {
      fail(context, "DUPLICATE_SYMBOL", `${pointer}/symbols/${index}`, `enum "${header.fullName}" lists "${symbol}" twice`);
    }
    seen.add(symbol);
  });
  const enumDefault = json.default;
  if (enumDefault !== void 0 && (typeof enumDefault !== "string" || !seen.has(enumDefault))) {
    fail(
      context,
      "INVALID_DEFAULT",
      `${pointer}/default`,
      `the enum default ${truncate(jsonText(enumDefault))} is not one of the symbols of "${header.fullName}"`,
      "use one of its symbols"
    );
  }
  const schema = {
    kind: "enum",
    fullName: header.fullName,
    name: header.name,
    namespace: header.namespace,
    aliases: header.aliases,
    doc: header.doc,
    symbols,
    default: enumDefault,
    pointer,
    file: context.file,
    attributes: attributesOf(json)
  };
  context.named.add(schema);
  return schema;
}
function parseFixed(json, pointer, enclosing, context) {
  const header = parseNamedHeader(json, pointer, enclosing, context);
  const size = json.size;
  if (!Number.isInteger(size) || size < 0) {
    fail(context, "INVALID_SCHEMA", `${pointer}/size`, `fixed "${header.fullName}" needs a non-negative integer "size", not ${describe(size)}`);
  }
  const logicalType = parseLogicalType(json, "fixed", size, pointer, context);
  const schema = {
    kind: "fixed",
    fullName: header.fullName,
    name: header.name,
    namespace: header.namespace,
    aliases: header.aliases,
    doc: header.doc,
    size,
    logicalType,
    pointer,
    file: context.file,
    attributes: attributesOf(json)
  };
  context.named.add(schema);
  return schema;
}
function parseArray(json, pointer, namespace, depth, context) {
  if (!("items" in json)) fail(context, "INVALID_SCHEMA", pointer, 'an array needs "items"', 'add "items" with the element type');
  const items = parseNode(json.items, `${pointer}/items`, namespace, depth + 1, context);
  return { kind: "array", items, pointer, file: context.file, attributes: attributesOf(json, 2) };
}
function parseMap(json, pointer, namespace, depth, context) {
  if (!("values" in json)) fail(context, "INVALID_SCHEMA", pointer, 'a map needs "values"', 'add "values" with the value type');
  const values = parseNode(json.values, `${pointer}/values`, namespace, depth + 1, context);
  return { kind: "map", values, pointer, file: context.file, attributes: attributesOf(json, 2) };
}
function parseLogicalType(json, underlying, size, pointer, context) {
  const name = json.logicalType;
  if (name === void 0) return void 0;
  if (typeof name !== "string") {
    if (!context.strict) return void 0;
    return fail(context, "INVALID_LOGICAL_TYPE", `${pointer}/logicalType`, `"logicalType" must be a string, not ${describe(name)}`);
  }
  const checked = checkLogicalType(name, underlying, { precision: json.precision, scale: json.scale, size });
  if (checked.ok) return checked.logicalType;
  if (!context.strict) return void 0;
  return fail(
    context,
    "INVALID_LOGICAL_TYPE",
    `${pointer}/logicalType`,
    checked.problem,
    "fix the annotation; the registry would silently ignore it and readers would see the raw type"
  );
}
function aliasList(value, pointer, context) {
  if (value === void 0 || value === null) return NO_STRINGS;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    fail(context, "INVALID_SCHEMA", `${pointer}/aliases`, `expected an array of strings, not ${describe(value)}`);
  }
  return value;
}
function attributesOf(json, grammarKeys = 0, reserved = isSchemaKey) {
  if (grammarKeys > 0 && Object.keys(json).length === grammarKeys) return NO_ATTRIBUTES;
  let attributes;
  for (const key in json) {
    if (reserved(key)) continue;
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
  const defined = /* @__PURE__ */ new Set();
  const used = [];
  const stack = [{ node: value, namespace: "", pointer: "" }];
  for (let visit = stack.pop(); visit !== void 0; visit = stack.pop()) {
    const { node, namespace, pointer } = visit;
    if (typeof node === "string") {
      if (!PRIMITIVE_NAMES.has(node)) used.push({ candidates: candidatesFor(node, namespace), pointer });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], namespace, pointer: `${pointer}/${i}` });
    } else if (isObject2(node)) {
      const children = childTypes(node, visit, defined);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  const references = used.filter((ref) => {
    const key = ref.candidates.join("\n");
    if (defined.has(ref.candidates[0] ?? "") || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { defines: [...defined], references };
}
function childTypes(node, visit, defined) {
  const { type } = node;
  const at = (key, namespace2 = visit.namespace) => ({ node: node[key], namespace: namespace2, pointer: `${visit.pointer}/${key}` });
  if (typeof type !== "string") return type === void 0 ? [] : [at("type")];
  if (type === "array") return [at("items")];
  if (type === "map") return [at("values")];
  if (!NAMED_KINDS.has(type)) return PRIMITIVE_NAMES.has(type) ? [] : [at("type")];
  if (typeof node.name !== "string") return [];
  const explicit = typeof node.namespace === "string" ? node.namespace : void 0;
  const { fullName, namespace } = resolveName(node.name, explicit, visit.namespace);
  defined.add(fullName);
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
      const [definer, typeName] = definerOf(ref, definers, item.id);
      if (definer !== item.id && !needs.has(definer)) needs.set(definer, typeName);
    }
    edges.set(item.id, needs);
  }
  const dependsOn = new Map([...edges].map(([id, needs]) => [id, [...needs.keys()].sort(compareIds)]));
  const order = topologicalOrder([...byId.keys()], dependsOn, edges);
  return { order, items: order.map((id) => byId.get(id)), dependsOn };
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
function definerOf(ref, definers, id) {
  const candidates = typeof ref === "string" ? [ref] : ref.candidates;
  for (const name of candidates) {
    const definer = definers.get(name);
    if (definer !== void 0) return [definer, name];
  }
  const wanted = candidates.map((name, i) => i === 0 ? `'${name}'` : ` (or '${name}')`).join("");
  throw new SchemaError("MISSING_REFERENCE", `named type ${wanted} is used but no schema defines it`, {
    file: id,
    pointer: typeof ref === "string" ? void 0 : ref.pointer,
    hint: "Check its spelling and namespace, or add the schema file that defines it."
  });
}
function topologicalOrder(ids, dependsOn, edges) {
  const waiting = new Map(ids.map((id) => [id, dependsOn.get(id)?.length ?? 0]));
  const dependents = /* @__PURE__ */ new Map();
  for (const [id, needs] of dependsOn) for (const need of needs) dependents.set(need, [...dependents.get(need) ?? [], id]);
  const ready = ids.filter((id) => waiting.get(id) === 0).sort(compareIds);
  const order = [];
  while (ready.length > 0) {
    const id = ready.shift();
    order.push(id);
    for (const dependent of dependents.get(id) ?? []) {
      const left = (waiting.get(dependent) ?? 0) - 1;
      waiting.set(dependent, left);
      if (left === 0) insertSorted(ready, dependent);
    }
  }
  if (order.length < ids.length) throw cycleError(ids.filter((id) => (waiting.get(id) ?? 0) > 0), dependsOn, edges);
  return order;
}
function insertSorted(sorted, id) {
  let i = sorted.length;
  while (i > 0 && compareIds(sorted[i - 1], id) > 0) i--;
  sorted.splice(i, 0, id);
}
function cycleError(stuck, dependsOn, edges) {
  const unordered = new Set(stuck);
  const path = [];
  let id = [...stuck].sort(compareIds)[0];
  while (!path.includes(id)) {
    path.push(id);
    id = (dependsOn.get(id) ?? []).find((next) => unordered.has(next));
  }
  const cycle = [...path.slice(path.indexOf(id)), id];
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
function loadSchemaText(text, options = {}) {
  const decoded = typeof text === "string" ? text : decodeSchemaBytes(text, options.file);
  const document = parseJsonDocument(decoded, { file: options.file, maxDepth: options.maxDepth });
  const parsed = withPositions(document, () => parseSchema(document.value, options));
  return new Loaded(parsed, document, options.file);
}
function loadSchemaInput(input, options = {}) {
  if (typeof input === "string") {
    if (looksLikeJsonText(input)) return loadSchemaText(input, options);
  } else if (input instanceof Uint8Array) return loadSchemaText(input, options);
  return new Loaded(parseSchema(input, options), void 0, options.file);
}
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
function looksLikeJsonText(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 65279) continue;
    return c === 123 || c === 91 || c === 34;
  }
  return false;
}
function loadSchemaSet(sources, options = {}) {
  const documents = /* @__PURE__ */ new Map();
  const items = sources.map((source) => {
    const document = source.document !== void 0 && options.maxDepth === void 0 ? source.document : parseJsonDocument(typeof source.text === "string" ? source.text : decodeSchemaBytes(source.text, source.file), { file: source.file, maxDepth: options.maxDepth });
    documents.set(source.file, document);
    const scan = scanNamedTypes(document.value);
    return { id: source.file, defines: scan.defines, references: scan.references };
  });
  const external = new Set(options.namedTypes?.keys() ?? []);
  const unresolvedByOthers = items.map((item) => ({
    ...item,
    // Types supplied from outside the set (registry references) are not dependencies between files.
    references: item.references.filter((ref) => !ref.candidates.some((name) => external.has(name)))
  }));
  const { order, dependsOn } = withPositionsIn(documents, () => orderByDependencies(unresolvedByOthers));
  const loaded = /* @__PURE__ */ new Map();
  for (const file of order) {
    const document = documents.get(file);
    const namedTypes = new Map(options.namedTypes ?? []);
    for (const dependency of transitiveDependencies(file, dependsOn)) {
      for (const [name, type] of loaded.get(dependency).named) namedTypes.set(name, type);
    }
    const parsed = withPositions(document, () => parseSchema(document.value, { ...options, file, namedTypes }));
    loaded.set(file, new Loaded(parsed, document, file));
  }
  return loaded;
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
function withPositions(document, parse) {
  try {
    return parse();
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

// src/avro/api.ts
function checkReaderWriter(reader, writer, options = {}) {
  const names = options.names ?? "strict";
  const readerSchema = loadSchemaInput(reader, { strict: options.strict ?? false, names });
  const writerSchema = labelled("writer", () => loadSchemaInput(writer, { strict: false, names }));
  const result = checkReaderWriterSchemas(readerSchema.schema, writerSchema.schema);
  const issues = result.incompatibilities.map(
    (found) => locatedIn(readerSchema, found.readerNode, {
      type: found.type,
      location: found.location,
      message: found.message,
      description: describeIncompatibility(found, "new", "old")
    })
  );
  if (result.failure) {
    issues.push(
      locatedIn(readerSchema, result.failure.readerNode, {
        type: "UNEXPECTED_EXCEPTION",
        location: result.failure.location,
        message: result.failure.message,
        description: describeFailure(result.failure)
      })
    );
  }
  return { compatible: result.compatible, incompatibilities: issues };
}
function checkCompatibility(candidate, history, level = "BACKWARD", options = {}) {
  const checkedLevel = parseCompatibilityLevel(level);
  const loadedCandidate = loadSchemaInput(candidate, { strict: options.strict ?? true, names: "strict" });
  const names = options.names ?? "strict";
  const loadedHistory = history.map((version, index) => labelled(`history[${index}]`, () => loadSchemaInput(version, { strict: false, names })).schema);
  const result = checkLevel(loadedCandidate.schema, loadedHistory, checkedLevel);
  return {
    compatible: result.compatible,
    incompatibilities: result.findings.map(
      (finding) => locatedIn(loadedCandidate, finding.newNode, {
        type: finding.type,
        location: finding.location,
        message: finding.message,
        description: finding.description,
        version: finding.version,
        direction: finding.direction
      })
    )
  };
}
function locatedIn(loaded, node, issue) {
  if (!loaded.document || node.file !== loaded.file) return issue;
  const position = nearestPosition(loaded.document, node.pointer);
  if (position) {
    issue.line = position.line;
    issue.column = position.column;
  }
  return issue;
}
function labelled(label, load) {
  try {
    return load();
  } catch (error) {
    if (error instanceof SchemaError && error.file === void 0) throw error.withDetails({ file: label });
    throw error;
  }
}

// src/avro/canonical.ts
function toCanonicalForm(schema) {
  const out = [];
  const written = /* @__PURE__ */ new Set();
  const work = [schema];
  for (let piece = work.pop(); piece !== void 0; piece = work.pop()) {
    if (typeof piece === "string") {
      out.push(piece);
      continue;
    }
    const pieces = piecesOf(piece, written);
    for (let i = pieces.length - 1; i >= 0; i--) work.push(pieces[i]);
  }
  return out.join("");
}
function piecesOf(schema, written) {
  switch (schema.kind) {
    case "primitive":
      return [quote(schema.type)];
    case "array":
      return ['{"type":"array","items":', schema.items, "}"];
    case "map":
      return ['{"type":"map","values":', schema.values, "}"];
    case "union":
      return ["[", ...separated(schema.branches.map((branch) => [branch])), "]"];
    default:
      break;
  }
  const name = quote(schema.fullName);
  if (written.has(schema.fullName)) return [name];
  written.add(schema.fullName);
  const head = `{"name":${name},"type":"${schema.kind}"`;
  switch (schema.kind) {
    case "enum":
      return [`${head},"symbols":[${schema.symbols.map(quote).join(",")}]}`];
    case "fixed":
      return [`${head},"size":${schema.size.toFixed(0)}}`];
    case "record":
      return [`${head},"fields":[`, ...separated(schema.fields.map(fieldPieces)), "]}"];
  }
}
function fieldPieces(field) {
  return [`{"name":${quote(field.name)},"type":`, field.type, "}"];
}
function separated(groups) {
  return groups.flatMap((group, i) => i === 0 ? group : [",", ...group]);
}
function quote(text) {
  return JSON.stringify(text);
}

// src/avro/fingerprint.ts
import { createHash } from "node:crypto";
function fingerprint(schema) {
  return fingerprintCanonicalForm(toCanonicalForm(schema));
}
function fingerprintCanonicalForm(canonicalForm) {
  const bytes = new TextEncoder().encode(canonicalForm);
  return { rabin: rabinFingerprint(bytes), sha256: createHash("sha256").update(bytes).digest("hex") };
}
var EMPTY_HIGH = 3244106042;
var EMPTY_LOW = 2765596565;
var table;
function fingerprintTable() {
  if (table) return table;
  const high = new Uint32Array(256);
  const low = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let h = 0;
    let l = i;
    for (let j = 0; j < 8; j++) {
      const odd = l & 1;
      l = (l >>> 1 | h << 31) >>> 0;
      h = h >>> 1;
      if (odd) {
        h = (h ^ EMPTY_HIGH) >>> 0;
        l = (l ^ EMPTY_LOW) >>> 0;
      }
    }
    high[i] = h;
    low[i] = l;
  }
  table = { high, low };
  return table;
}
function rabinFingerprint(bytes) {
  const { high, low } = fingerprintTable();
  let h = EMPTY_HIGH;
  let l = EMPTY_LOW;
  for (let i = 0; i < bytes.length; i++) {
    const index = (l ^ (bytes[i] ?? 0)) & 255;
    l = ((l >>> 8 | h << 24) ^ (low[index] ?? 0)) >>> 0;
    h = (h >>> 8 ^ (high[index] ?? 0)) >>> 0;
  }
  return h.toString(16).padStart(8, "0") + l.toString(16).padStart(8, "0");
}
export {
  COMPATIBILITY_LEVELS,
  InvalidCompatibilityLevelError,
  SchemaError,
  checkCompatibility,
  checkLevel,
  checkReaderWriter,
  checkReaderWriterSchemas,
  fingerprint,
  loadSchemaInput,
  loadSchemaSet,
  loadSchemaText,
  parseCompatibilityLevel,
  parseSchema,
  toCanonicalForm
};
