/** ANSI styling for the text report, or none (NO_COLOR, output not a terminal). */
export interface Style {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const plain = (text: string) => text;

export const NO_STYLE: Style = { red: plain, green: plain, yellow: plain, bold: plain, dim: plain };

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI_STYLE: Style = {
  red: ansi(31, 39),
  green: ansi(32, 39),
  yellow: ansi(33, 39),
  bold: ansi(1, 22),
  dim: ansi(2, 22),
};

/** Colour only on a terminal, and never when NO_COLOR is set to anything but '' (no-color.org). */
export function styleFor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return isTTY === true && !noColor ? ANSI_STYLE : NO_STYLE;
}
