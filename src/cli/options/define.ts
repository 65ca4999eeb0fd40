/**
 * Option declarations: the type of each option, the variable it falls back to, its help line and
 * its parser. The help text and the parser are both generated from these, so they cannot drift.
 */
import type { Parser } from './invalid-value.js';

export interface OptionSpec<T> {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's name in the help: `DIR`, `URL`. */
  readonly placeholder?: string;
  /** The help line, with the default when it is not obvious. */
  readonly description: string;
  /** The help section; options without one are listed under "Options". */
  readonly group?: string;
  /** A variable read when the flag is absent. */
  readonly env?: string;
  /** Absent from both the command line and `env` is bad input. */
  readonly required?: boolean;
  /** The value printed in messages, for values that may hold secrets (URLs). */
  readonly display?: (text: string) => string;
  /** Turns what was given (undefined when absent) into the value the command gets. */
  readonly read: (given: Given, context: { readonly cwd: string }) => T | Promise<T>;
}

/** What the command line or environment gave for one option. */
export type Given =
  | { readonly present: false }
  | { readonly present: true; readonly where: string; readonly texts: readonly string[] }
  | { readonly present: true; readonly where: string; readonly flag: true };

export type ValueOf<S> = S extends OptionSpec<infer T> ? T : never;

interface ValueSpec<T> {
  readonly placeholder: string;
  readonly description: string;
  readonly parse: Parser<T>;
  readonly group?: string;
  readonly env?: string;
  readonly short?: string;
  readonly display?: (text: string) => string;
}

/** A boolean flag: true when given. */
export function flag(description: string, extra: { group?: string; short?: string } = {}): OptionSpec<boolean> {
  return { type: 'boolean', description, ...extra, read: (given) => given.present };
}

/** A string option parsed once; undefined when absent, or `fallback` when given. */
export function option<T>(spec: ValueSpec<T>): OptionSpec<T | undefined>;
export function option<T>(spec: ValueSpec<T> & { readonly fallback: T }): OptionSpec<T>;
export function option<T>(spec: ValueSpec<T> & { readonly fallback?: T }): OptionSpec<T | undefined> {
  const { parse, fallback, ...rest } = spec;
  return {
    type: 'string',
    ...rest,
    read: async (given, context) => {
      if (!given.present || !('texts' in given)) return fallback;
      return parse(given.texts[given.texts.length - 1] as string, context);
    },
  };
}

/** A string option that must be given (on the command line or through its variable). */
export function required<T>(spec: ValueSpec<T>): OptionSpec<T> {
  // `read` only runs once the layer has checked presence, so the fallback is never reached.
  return { ...option(spec), required: true } as OptionSpec<T>;
}

/** A repeatable string option; each value parsed. */
export function repeatable<T>(spec: ValueSpec<T>): OptionSpec<T[]> {
  const { parse, ...rest } = spec;
  return {
    type: 'string',
    multiple: true,
    ...rest,
    read: async (given, context) => (given.present && 'texts' in given ? Promise.all(given.texts.map((t) => parse(t, context))) : []),
  };
}
