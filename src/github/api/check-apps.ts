/**
 * Which app wrote a check run (issue 12). Any app or token with checks: write can post a run under
 * any name (notes §1: "pin the expected source app"), so a run named like the gate is only ours when
 * our app created it. A run of that name from another app is a decoy: it may pass where the ruleset
 * does not pin the source, and it is evidence that something forges the gate. Pure.
 */

/** The app that created a check run, as GitHub reports it in `app`. */
export interface CheckApp {
  readonly id: number;
  readonly slug: string;
}

export interface NamedRun {
  readonly id: number;
  /** Absent only where the API does not say (GitHub always does). */
  readonly app?: CheckApp;
}

/** The runs created by another app than `own`, the app of the run we just created. */
export function decoysOf(runs: readonly NamedRun[], own: CheckApp | undefined): NamedRun[] {
  return runs.filter((run) => run.app?.id !== own?.id);
}

/** Another app posts check runs under the gate's name on the head commit: the job fails with this. */
export class DecoyCheckError extends Error {
  override readonly name = 'DecoyCheckError';
  /** The Markdown the failed check run shows. */
  readonly summary: string;

  constructor(
    readonly checkName: string,
    readonly headSha: string,
    readonly own: CheckApp | undefined,
    readonly decoys: readonly NamedRun[],
  ) {
    const others = [...new Map(decoys.map((run) => [run.app?.id, describe(run.app)])).values()].join(', ');
    const ours = describe(own);
    super(
      `another app posts check runs named "${checkName}" on ${headSha.slice(0, 12)}: ${others}, not this action's ${ours}; ` +
        `a decoy can pass where the ruleset does not pin the source, so this run fails: require "${checkName}" with ${ours} as its expected source (docs/security.md) and remove the other app's checks: write access`,
    );
    const rows = decoys.map((run) => `| ${run.id} | ${describe(run.app)} |`).join('\n');
    this.summary =
      `**Decoy check runs.** Another app has check runs named \`${checkName}\` on this commit; only ${ours} writes this check.\n\n` +
      `| Check run | Created by |\n|---|---|\n${rows}\n\n` +
      `Require the check with ${ours} as its expected source (docs/security.md) and find out what posts the others.`;
  }
}

function describe(app: CheckApp | undefined): string {
  return app === undefined ? 'an unnamed app' : `app ${app.slug} (id ${app.id})`;
}
