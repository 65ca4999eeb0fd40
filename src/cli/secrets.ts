/**
 * Defence in depth: every line a command writes has the values of the secret variables replaced,
 * so that no message, report or log line can carry one, whatever code path produced it.
 */
import type { CliIo, OutputStream } from './io.js';

/** The variables whose values never reach an output line. */
export const SECRET_VARIABLES = [
  'GUARDRAILS_REGISTRY_API_KEY',
  'GUARDRAILS_REGISTRY_API_SECRET',
  'GUARDRAILS_REGISTRY_BEARER_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'PGPASSWORD',
  'GUARDRAILS_ICEBERG_REST_CREDENTIAL',
  'GUARDRAILS_ICEBERG_REST_TOKEN',
] as const;

/** Variables holding `client_id:secret`, whose secret part alone is a secret too. */
export const CREDENTIAL_VARIABLES = ['GUARDRAILS_ICEBERG_REST_CREDENTIAL'] as const;

function secretOf(credential: string | undefined): string | undefined {
  if (credential === undefined) return undefined;
  const at = credential.indexOf(':');
  return at < 0 ? undefined : credential.slice(at + 1);
}

/** Variables holding a connection URI whose password, if any, is a secret too. */
export const URI_VARIABLES = ['DATABASE_URL', 'ICEBERG_CATALOG_URI'] as const;

function passwordOf(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  try {
    const password = new URL(uri).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}

export function scrubbing(io: CliIo): CliIo {
  const secrets = [
    ...SECRET_VARIABLES.map((name) => io.env[name]),
    ...URI_VARIABLES.map((name) => passwordOf(io.env[name])),
    ...CREDENTIAL_VARIABLES.map((name) => secretOf(io.env[name])),
  ]
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    // A URL that is displayed re-encodes what it holds: the percent-encoded spelling is the same secret.
    .flatMap((v) => (encodeURIComponent(v) === v ? [v] : [v, encodeURIComponent(v)]))
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return io;
  const scrub = (text: string) => secrets.reduce((out, s) => out.split(s).join('***'), text);
  const wrap = (stream: OutputStream): OutputStream => ({ write: (text: string) => stream.write(scrub(text)), ...(stream.isTTY !== undefined ? { isTTY: stream.isTTY } : {}) });
  return { ...io, stdout: wrap(io.stdout), stderr: wrap(io.stderr) };
}
