/**
 * Progress on stderr: a bar redrawn in place in a terminal, a line every 10% in CI and logs.
 */

export type ProgressStyle = 'bar' | 'lines' | 'none';

export interface Progress {
  update(done: number, total: number): void;
  /** Ends the bar's line. */
  finish(): void;
}

export function createProgress(style: ProgressStyle, label: string, write: (text: string) => void): Progress {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (style === 'none' || total <= 0) return;
      const fraction = Math.min(1, done / total);
      if (style === 'bar') {
        const width = 30;
        const filled = Math.round(fraction * width);
        write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      write(`${label}: ${done}/${total} (${tenth * 10}%)\n`);
    },
    finish() {
      if (drawn) write('\n');
      drawn = false;
    },
  };
}

/** `auto`: a bar in a terminal unless CI is set, lines otherwise. */
export function progressStyle(option: string, isTty: boolean, env: NodeJS.ProcessEnv): ProgressStyle {
  if (option === 'bar' || option === 'lines' || option === 'none') return option;
  return isTty && !env['CI'] ? 'bar' : 'lines';
}
