/**
 * Co-authors named in commit trailers (`Co-authored-by: Name <email>`) are authors too, so they may
 * not approve (trap 5). GitHub links a trailer to an account by email; the API does not say which, so
 * an email is matched to a login through GitHub's noreply form or a commit of the same pull request
 * written with it. Anything else cannot be proven independent and is refused by the caller.
 */

const TRAILER = /^co-authored-by:\s*[^<\n]*<([^>\n]+)>\s*$/gim;
// 12345+login@users.noreply.github.com, or the older login@users.noreply.github.com.
const NOREPLY = /^(?:\d+\+)?([A-Za-z0-9-]+(?:\[bot\])?)@users\.noreply\.github\.com$/i;

/** The emails of the co-authors a commit message names, lower-cased, in order, once each. */
export function coAuthorEmails(message: string): string[] {
  return [...new Set([...message.matchAll(TRAILER)].map((match) => (match[1] ?? '').trim().toLowerCase()))].filter(Boolean);
}

/** The login an email belongs to: GitHub's noreply form, else a known author or committer email. */
export function loginForEmail(email: string, knownLogins: ReadonlyMap<string, string>): string | undefined {
  return NOREPLY.exec(email)?.[1] ?? knownLogins.get(email.toLowerCase());
}
