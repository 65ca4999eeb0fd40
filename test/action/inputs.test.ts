import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

function read(inputs: Record<string, string>) {
  const masked: string[] = [];
  const settings = readInputs((name) => inputs[name] ?? '', (s) => masked.push(s));
  return { settings, masked };
}

describe('readInputs', () => {
  it('applies defaults and masks the token', () => {
    const { settings, masked } = read({ 'github-token': 'tok' });
    expect(settings).toEqual({ token: 'tok', configPath: 'guardrails.yaml', configExplicit: false, failOn: 'error', mode: 'check', checkName: 'Schema guardrails', path: '', comment: true });
    expect(masked).toEqual(['tok']);
  });

  it('the sweep passes the pull request and the commit it checked out', () => {
    expect(read({ 'github-token': 't', 'pull-request': '12', 'head-sha': 'a'.repeat(40) }).settings).toEqual(expect.objectContaining({ pullRequest: 12, headSha: 'a'.repeat(40) }));
  });

  it('masks every registry secret before returning', () => {
    const { settings, masked } = read({ 'github-token': 't', 'registry-url': 'https://sr.example/', 'registry-username': 'key', 'registry-password': 'pw', 'registry-token': 'bearer' });
    expect(masked).toEqual(['t', 'pw', 'bearer']);
    expect(settings.registry).toEqual({ url: 'https://sr.example', username: 'key', password: 'pw', token: 'bearer' });
  });

  it.each([
    [{}, 'input github-token is empty'],
    [{ 'fail-on': 'never' }, 'input fail-on is "never"; expected one of error, warning'],
    [{ mode: 'dry' }, 'input mode is "dry"; expected one of check, report-only'],
    [{ comment: 'yes' }, 'input comment is "yes"; expected true or false'],
    [{ config: '../elsewhere.yaml' }, 'expected a path inside the repository'],
    [{ 'registry-url': 'ftp://x' }, 'input registry-url must be an http(s) URL'],
    [{ 'registry-url': 'https://u:p@x' }, 'must not contain credentials'],
    [{ 'registry-password': 'p' }, 'registry credentials were given without registry-url'],
    [{ 'pushgateway-url': 'not a url' }, 'input pushgateway-url is not a URL'],
    [{ 'pull-request': '#12' }, 'input pull-request is "#12"; expected a pull request number such as 42'],
    [{ 'head-sha': 'a'.repeat(40) }, 'input head-sha is only for the sweep, with the pull-request input'],
    [{ 'pull-request': '12', 'head-sha': 'main' }, 'input head-sha is "main"; expected the full commit sha the sweep checked out'],
  ])('rejects %j', (inputs, message) => {
    const all = { 'github-token': 'tok', ...inputs } as Record<string, string>;
    if (!('github-token' in inputs) && Object.keys(inputs).length === 0) all['github-token'] = '';
    expect(() => read(all)).toThrow(message);
  });
});
