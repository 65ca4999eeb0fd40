import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../src/scheduler/index.js';

function capture(base: Record<string, unknown> = { replica: 'r1' }) {
  const lines: string[] = [];
  const logger = jsonLogger((line) => lines.push(line), base, () => new Date(Date.UTC(2026, 0, 1, 3)));
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('jsonLogger', () => {
  it('writes one JSON object per line with time, level, msg, replica, job and slot', () => {
    const { logger, lines, parsed } = capture();
    logger.child({ job: 'backup', slot: '2026-01-01T03:00:00.000Z' }).log('warn', 'previous run still going', { stream: 'stdout' });
    logger.log('debug', 'scheduler started');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.endsWith('}\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    expect(parsed()).toEqual([
      { time: '2026-01-01T03:00:00.000Z', level: 'warn', replica: 'r1', job: 'backup', slot: '2026-01-01T03:00:00.000Z', stream: 'stdout', msg: 'previous run still going' },
      { time: '2026-01-01T03:00:00.000Z', level: 'debug', replica: 'r1', msg: 'scheduler started' },
    ]);
  });

  it('lets a call field replace a bound one, printing each key once', () => {
    const { logger, lines, parsed } = capture();
    logger.child({ job: 'backup' }).log('info', 'job scheduled', { job: 'expire' });
    expect(lines[0]!.match(/"job"/g)).toHaveLength(1);
    expect(parsed()[0]).toMatchObject({ job: 'expire' });
  });

  it('logs an error as its name and message', () => {
    const { logger, parsed } = capture();
    logger.log('error', 'cannot claim the slot', { error: new TypeError('pool closed') });
    expect(parsed()[0]).toMatchObject({ level: 'error', error: { name: 'TypeError', message: 'pool closed' } });
  });

  it('prints no GITHUB_TOKEN value, no URL userinfo and no authorization header', () => {
    const { logger, lines, parsed } = capture({ replica: 'r1', env: { GITHUB_TOKEN: 'ghp_basefieldsecret' } });
    const secrets = ['ghp_topsecretvalue', 'ghp_nestedsecret', 'ghp_basefieldsecret', 'ghp_childsecret', 'hunter2', 'dbpass', 'argpass', 'Bearer abc.def', 'Basic dXNlcjpwYXNz'];
    const env = { GITHUB_TOKEN: 'ghp_nestedsecret' };
    logger.log('info', 'pushing to https://ci:hunter2@registry.example/apis', {
      GITHUB_TOKEN: 'ghp_topsecretvalue',
      env,
      url: 'https://ci:hunter2@registry.example/apis',
      database: { url: 'postgres://app:dbpass@db.internal:5432/guardrails' },
      request: { headers: { authorization: 'Bearer abc.def' } },
      headers: { Authorization: 'Basic dXNlcjpwYXNz' },
      args: ['--registry-url', 'https://ci:argpass@registry.example'],
      error: new Error('connect failed for postgres://app:dbpass@db.internal:5432/guardrails'),
    });
    logger.child({ job: 'backup', token: 'ghp_childsecret' }).log('info', 'job started');
    const text = lines.join('');
    for (const secret of secrets) expect(text).not.toContain(secret);
    const [first, second] = parsed();
    expect(first).toMatchObject({
      msg: 'pushing to https://registry.example/apis',
      GITHUB_TOKEN: '[Redacted]',
      env: { GITHUB_TOKEN: '[Redacted]' },
      url: 'https://registry.example/apis',
      database: { url: 'postgres://db.internal:5432/guardrails' },
      request: { headers: { authorization: '[Redacted]' } },
      headers: { Authorization: '[Redacted]' },
      args: ['--registry-url', 'https://registry.example'],
      error: { name: 'Error', message: 'connect failed for postgres://db.internal:5432/guardrails' },
    });
    expect(env.GITHUB_TOKEN).toBe('ghp_nestedsecret');
    expect(second).toMatchObject({ job: 'backup', token: '[Redacted]', msg: 'job started' });
  });
});
