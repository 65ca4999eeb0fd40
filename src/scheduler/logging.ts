/** Structured JSON logs, one object per line, with a fixed set of base fields (replica id). */

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function jsonLogger(write: (line: string) => void, base: Record<string, unknown> = {}, now: () => Date = () => new Date()): Logger {
  return {
    log(level, msg, fields = {}) {
      write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...base, ...fields }, errorReplacer)}\n`);
    },
    child(fields) {
      return jsonLogger(write, { ...base, ...fields }, now);
    },
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
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
