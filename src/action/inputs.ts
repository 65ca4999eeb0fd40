/**
 * The only reader of the action's inputs (house style §1): every input validated up front, secrets
 * masked before anything can log them, and a typed, documented settings object for the rest.
 */

/** What the action was asked to do. */
export interface ActionSettings {
  /** Token for the GitHub API; masked. */
  readonly token: string;
  /** Config path relative to the repository root, read from the BASE commit. */
  readonly configPath: string;
  /** The `config` input was given: a missing file is then an error, not the embedded default. */
  readonly configExplicit: boolean;
  /** `warning`: semantic-diff warnings fail the check too. */
  readonly failOn: 'error' | 'warning';
  /** `report-only`: report everything, never fail the job or the check run. */
  readonly mode: 'check' | 'report-only';
  /** The check-run name every trigger reports under (the base branch is appended, see verdict.ts). */
  readonly checkName: string;
  /** Where the pull request's checkout is, relative to GITHUB_WORKSPACE ('' for the workspace itself). */
  readonly path: string;
  /** The PR a schedule or workflow_dispatch run re-checks (the sweep). */
  readonly pullRequest?: number;
  /**
   * With `pullRequest`: the commit the sweep checked out. When the PR's head has moved since, the run
   * skips (a newer run owns the check) instead of failing on a checkout that is no longer the head.
   */
  readonly headSha?: string;
  /** Post or update the sticky PR comment. */
  readonly comment: boolean;
  /** The login the sticky comment is written as (matched with the hidden marker); undefined: any Bot account. */
  readonly botLogin?: string;
  /** Schema registry for the registry-backed check; passed through, credentials masked. */
  readonly registry?: { readonly url: string; readonly username?: string; readonly password?: string; readonly token?: string };
  /** Prometheus Pushgateway base URL for the check metrics. */
  readonly pushgatewayUrl?: string;
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

export type InputReader = (name: string) => string;

export const DEFAULT_CHECK_NAME = 'Schema guardrails';

/** Reads and validates every input; `mask` registers secrets with the runner before any use. */
export function readInputs(get: InputReader, mask: (secret: string) => void): ActionSettings {
  const token = get('github-token').trim();
  if (token === '') throw new InputError('input github-token is empty; pass `github-token: ${{ github.token }}` or an App/PAT token (see docs/action.md)');
  mask(token);
  const secrets = ['registry-password', 'registry-token'].map((name) => optional(get, name));
  for (const secret of secrets) if (secret !== undefined) mask(secret);
  const [password, registryToken] = secrets;
  const url = optional(get, 'registry-url');
  const username = optional(get, 'registry-username');
  if (url === undefined && (username ?? password ?? registryToken) !== undefined) {
    throw new InputError('registry credentials were given without registry-url; set registry-url or remove the credentials');
  }
  const pushgatewayUrl = optional(get, 'pushgateway-url');
  const headSha = optional(get, 'head-sha');
  if (headSha !== undefined && optional(get, 'pull-request') === undefined) {
    throw new InputError('input head-sha is only for the sweep, with the pull-request input; remove it or set pull-request');
  }
  return {
    token,
    configPath: configPath(optional(get, 'config') ?? 'guardrails.yaml'),
    configExplicit: optional(get, 'config') !== undefined,
    failOn: oneOf(get, 'fail-on', ['error', 'warning'], 'error'),
    mode: oneOf(get, 'mode', ['check', 'report-only'], 'check'),
    checkName: optional(get, 'check-name') ?? DEFAULT_CHECK_NAME,
    path: optional(get, 'path') ?? '',
    ...(optional(get, 'pull-request') !== undefined && { pullRequest: pullNumber(optional(get, 'pull-request') as string) }),
    ...(headSha !== undefined && { headSha: commitSha(headSha) }),
    comment: bool(get, 'comment', true),
    ...(optional(get, 'bot-login') !== undefined && { botLogin: optional(get, 'bot-login') }),
    ...(url !== undefined && {
      registry: {
        url: httpUrl('registry-url', url),
        ...(username !== undefined && { username }),
        ...(password !== undefined && { password }),
        ...(registryToken !== undefined && { token: registryToken }),
      },
    }),
    ...(pushgatewayUrl !== undefined && { pushgatewayUrl: httpUrl('pushgateway-url', pushgatewayUrl) }),
  };
}

function optional(get: InputReader, name: string): string | undefined {
  const value = get(name).trim();
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(get: InputReader, name: string, allowed: readonly T[], fallback: T): T {
  const value = optional(get, name) ?? fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input ${name} is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
}

function bool(get: InputReader, name: string, fallback: boolean): boolean {
  const value = optional(get, name);
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InputError(`input ${name} is ${JSON.stringify(value)}; expected true or false`);
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`input ${name} is not a URL; expected the form https://host[:port][/path]`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError(`input ${name} must be an http(s) URL, got the scheme ${url.protocol}`);
  // Credentials in the URL would end up in logs; they belong in the secret inputs.
  if (url.username !== '' || url.password !== '') throw new InputError(`input ${name} must not contain credentials; use registry-username/registry-password`);
  return value.replace(/\/+$/, '');
}

function pullNumber(value: string): number {
  if (/^[1-9]\d{0,9}$/.test(value)) return Number(value);
  throw new InputError(`input pull-request is ${JSON.stringify(value)}; expected a pull request number such as 42`);
}

function commitSha(value: string): string {
  if (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)) return value;
  throw new InputError(`input head-sha is ${JSON.stringify(value)}; expected the full commit sha the sweep checked out (git rev-parse HEAD)`);
}

function configPath(value: string): string {
  const normal = value.replace(/\\/g, '/').replace(/^\.\//, '');
  if (normal.startsWith('/') || normal.split('/').includes('..')) {
    throw new InputError(`input config is ${JSON.stringify(value)}; expected a path inside the repository such as guardrails.yaml`);
  }
  return normal;
}
