/** What a command may touch of the process: its directory, environment and output streams. */
export interface OutputStream {
  write(text: string): unknown;
  /** True when the stream is a terminal (colour allowed). */
  readonly isTTY?: boolean;
}

export interface CliIo {
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}
