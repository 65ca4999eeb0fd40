import { describe, expect, it } from 'vitest';
import { coAuthorEmails, loginForEmail } from '../../../src/github/api/co-authors.js';

describe('co-author trailers', () => {
  it('reads every Co-authored-by trailer, in any case, once each', () => {
    const message = 'Fix\n\nco-authored-by: A <A@x.io>\nCo-Authored-By: B B <b@y.io>\nCo-authored-by: A again <a@x.io>\nNot-a-trailer: C <c@z.io>';
    expect(coAuthorEmails(message)).toEqual(['a@x.io', 'b@y.io']);
  });

  it("maps GitHub's noreply addresses, old and new, and emails seen on the pull request's commits", () => {
    const known = new Map([['pal@acme.io', 'pal']]);
    expect(loginForEmail('4242+lead1@users.noreply.github.com', known)).toBe('lead1');
    expect(loginForEmail('lead1@users.noreply.github.com', known)).toBe('lead1');
    expect(loginForEmail('PAL@acme.io', known)).toBe('pal');
    expect(loginForEmail('stranger@acme.io', known)).toBeUndefined();
  });
});
