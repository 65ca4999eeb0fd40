/**
 * What a value parser throws: the reason a value is refused and what to give instead. The command
 * layer adds where the value came from (`--out`, `$GUARDRAILS_REGISTRY_URL`) and the command.
 */
export class InvalidValue extends Error {
  override readonly name = 'InvalidValue';
  constructor(
    /** Why the value is refused: "does not exist", "is a file, not a directory". */
    readonly reason: string,
    /** What to give instead: "use e.g. 90d, 36h or 15m". */
    readonly hint?: string,
  ) {
    super(hint ? `${reason}; ${hint}` : reason);
  }
}

/** Where a value is read from, for parsers that resolve paths or read the environment. */
export interface ValueContext {
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
}

/** Text → value, or `InvalidValue`. Async for parsers that look at the file system. */
export type Parser<T> = (text: string, context: ValueContext) => T | Promise<T>;
