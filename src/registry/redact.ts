/**
 * Keeping credentials out of messages. Every text the client builds from a URL, a server body or a
 * network failure passes through here before it reaches an error or a log line.
 */

/** `scheme://host[:port]/path` without userinfo, query or fragment, and without a trailing slash. */
export function sanitizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, '');
    return `${parsed.protocol}//${parsed.host}${path}`;
  } catch {
    // Not a URL: drop anything that looks like userinfo before the host.
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

/** The secret strings to scrub: passwords and tokens, and the forms they take on the wire. */
export function secretVariants(secrets: readonly (string | undefined)[], username?: string): string[] {
  const found = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    found.add(secret);
    found.add(encodeURIComponent(secret));
    if (username !== undefined) {
      const pair = `${username}:${secret}`;
      found.add(pair);
      found.add(Buffer.from(pair, 'utf8').toString('base64'));
    }
  }
  // Longest first, so that a secret contained in another variant is replaced as a whole.
  return [...found].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of every secret with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out.replace(/\/\/[^/\s@]*:[^/\s@]*@/g, '//');
}

/** One line of at most `max` characters, for quoting a server body in a message. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
