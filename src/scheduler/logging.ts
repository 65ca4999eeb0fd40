/** Structured JSON logs through pino, one object per line, with a fixed set of base fields (replica id). */
import { createRequire } from 'node:module';
import type { Logger as PinoLogger, pino as Pino } from 'pino';

// Required when a logger is made, not imported: loading pino costs every CLI command's start-up
// tens of milliseconds, and only --log-format json and the scheduler use it.
const require = createRequire(import.meta.url);

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Keys whose values are secrets at the top level or up to two objects down (`env.GITHUB_TOKEN`, `request.headers.authorization`). */
const SECRET_KEYS = ['GITHUB_TOKEN', 'GH_TOKEN', 'token', 'password', 'secret', 'authorization', 'Authorization', 'cookie', 'apiKey'];
/** Keys holding URLs or connection strings: only their userinfo is a secret, the host stays useful in a log. */
const URL_KEYS = ['url', 'uri', 'dsn', 'databaseUrl', 'registryUrl', 'catalogUrl', 'pushgatewayUrl'];
/** Command lines: an argument may be a URL with credentials (`--registry-url https://user:pass@…`). */
const ARG_KEYS = ['args'];

// Paths are fixed here, never built from input (pino's redaction docs: user-controlled paths are unsafe).
const REDACT_PATHS = [...SECRET_KEYS, ...URL_KEYS, ...ARG_KEYS].flatMap((key) => [key, `*.${key}`, `*.headers.${key}`, `*.*.${key}`]);
const URL_KEY_SET = new Set(URL_KEYS);
const ARG_KEY_SET = new Set(ARG_KEYS);
const CENSORED = '[Redacted]';

/** `scheme://user:pass@host` → `scheme://host`, anywhere in a string. */
function withoutUserinfo(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1');
}

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? '';
  if (URL_KEY_SET.has(key) && typeof value === 'string') return withoutUserinfo(value);
  if (ARG_KEY_SET.has(key) && Array.isArray(value)) return value.map((a) => (typeof a === 'string' ? withoutUserinfo(a) : a));
  if (ARG_KEY_SET.has(key) || (URL_KEY_SET.has(key) && value !== null && typeof value === 'object')) return value;
  return CENSORED;
}

/** Name and message only (as before pino): stacks are noise in a job log and may quote connection strings. */
function serializeError(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: withoutUserinfo(value.message) } : value;
}

/**
 * A logger writing each line (one JSON object ending in `\n`) to `write`. Fields: `level` (label), `time`
 * (ISO, from `now`), the `base` and child fields, the call's fields, `msg`.
 */
export function jsonLogger(write: (line: string) => void, base: Record<string, unknown> = {}, now: () => Date = () => new Date()): Logger {
  const { pino } = require('pino') as { pino: typeof Pino };
  const root = pino(
    {
      level: 'debug',
      base: null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: serializeError, err: serializeError },
      redact: { paths: REDACT_PATHS, censor },
    },
    { write },
  );
  return bound(root, base);
}

// Bound fields are merged per line rather than with pino's child(): a call's field then replaces a bound one of
// the same name (`job`), where a pino child would print the key twice in one object.
function bound(logger: PinoLogger, fields: Record<string, unknown>): Logger {
  return {
    log(level, msg, own = {}) {
      logger[level]({ ...fields, ...own }, withoutUserinfo(msg));
    },
    child(more) {
      return bound(logger, { ...fields, ...more });
    },
  };
}

/** Adapts the logger for node-cron's own warnings (missed executions, overlap). */
export function cronLogger(logger: Logger) {
  return {
    info: (m: string) => logger.log('info', m, { source: 'node-cron' }),
    warn: (m: string) => logger.log('warn', m, { source: 'node-cron' }),
    error: (m: string | Error, err?: Error) => logger.log('error', String(m instanceof Error ? m.message : m), { source: 'node-cron', error: err }),
    debug: () => {},
  };
}
