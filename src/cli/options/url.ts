/**
 * HTTP(S) URLs. Credentials never travel in a URL: a URL with a user or password is refused
 * wherever it comes from (a flag, the environment, the config), naming the variables to use, and is
 * never echoed back, nor is a query string that may hold a token.
 */
import { InvalidValue, type Parser } from './invalid-value.js';

/** `scheme://host[:port]/path` without userinfo, query or fragment: safe to print. */
export function displayUrl(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return text.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '');
  }
}

/** Each URL of a comma-separated list, displayed safely. */
export function displayUrls(text: string): string {
  return text
    .split(',')
    .map((u) => displayUrl(u.trim()))
    .join(',');
}

export interface UrlOptions {
  /** Where the credentials go instead, for the message: "GUARDRAILS_REGISTRY_API_KEY and _API_SECRET". */
  readonly credentialsFrom: string;
  /** Allowed schemes; default http: and https:. */
  readonly protocols?: readonly string[];
}

function parseOne(text: string, options: UrlOptions): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidValue('is not a URL', 'give e.g. https://host:8081');
  }
  const protocols = options.protocols ?? ['http:', 'https:'];
  if (url.username !== '' || url.password !== '') {
    throw new InvalidValue('holds credentials', `put them in ${options.credentialsFrom}, never in a URL`);
  }
  if (!protocols.includes(url.protocol)) throw new InvalidValue(`is not ${protocols.map((p) => p.replace(/:$/, '')).join(' or ')}`);
  if (url.search !== '' || url.hash !== '') throw new InvalidValue('has a query or fragment', 'give the base URL only');
  return text.replace(/\/+$/, '');
}

export function urlValue(options: UrlOptions): Parser<string> {
  return (text) => parseOne(text.trim(), options);
}

/** A comma-separated list of URLs (registry failover), each checked as `urlValue`. */
export function urlListValue(options: UrlOptions): Parser<string> {
  return (text) => {
    const parts = text.split(',').map((u) => u.trim());
    if (parts.some((u) => u === '')) throw new InvalidValue('has an empty entry', 'separate URLs with single commas');
    return parts.map((u) => parseOne(u, options)).join(',');
  };
}

/**
 * A PostgreSQL connection URI. A password in it is refused on the command line, where any process
 * listing shows it; `PGPASSWORD` (or the URI in an environment variable) carries it instead.
 */
export function postgresUriValue(options: { allowPassword: boolean; passwordFrom: string }): Parser<string> {
  return (text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new InvalidValue('is not a PostgreSQL URI', 'give e.g. postgres://user@host:5432/db');
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new InvalidValue('is not a postgres:// URI', 'give e.g. postgres://user@host:5432/db');
    if (url.password !== '' && !options.allowPassword) throw new InvalidValue('holds a password', `put it in ${options.passwordFrom}, never on the command line`);
    return text;
  };
}

/** A PostgreSQL URI safe to print: no password, no query. */
export function displayPostgresUri(text: string): string {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return '(unparsable URI)';
  }
}
