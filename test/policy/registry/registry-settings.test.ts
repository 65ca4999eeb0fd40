import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/policy/config/load.js';
import { ConfigError } from '../../../src/policy/config/errors.js';
import { InputError } from '../../../src/policy/check/errors.js';
import { registrySettingsOf, registryUrlOf, type RegistryInputs } from '../../../src/policy/check/registry-settings.js';

const PEM = (what: string) => `-----BEGIN ${what}-----\nabc\n-----END ${what}-----\n`;
const files: Record<string, string> = { '/repo/ca.pem': PEM('CERTIFICATE'), '/ci/cert.pem': PEM('CERTIFICATE'), '/ci/key.pem': PEM('PRIVATE KEY') };

function inputs(env: Record<string, string> = {}, flags: RegistryInputs['flags'] = {}): RegistryInputs {
  return {
    flags,
    env,
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
  };
}

const config = (yaml: string) => parseConfigText(`version: 1\n${yaml}`, 'guardrails.yaml').settings.registry;

async function failure(pending: Promise<unknown>): Promise<string> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('registry settings of guardrails check', () => {
  it('takes the URL from the flag, then the environment, then the config', () => {
    const fromConfig = config('registry:\n  url: [https://a.example, https://b.example]\n');
    expect(registryUrlOf(inputs(), fromConfig)).toBe('https://a.example,https://b.example');
    expect(registryUrlOf(inputs({ GUARDRAILS_REGISTRY_URL: 'https://env.example' }), fromConfig)).toBe('https://env.example');
    expect(registryUrlOf(inputs({ GUARDRAILS_REGISTRY_URL: 'https://env.example' }, { url: 'https://flag.example' }), fromConfig)).toBe('https://flag.example');
    expect(registryUrlOf(inputs(), undefined)).toBeUndefined();
  });

  it('reads basic or bearer credentials from the environment, and TLS files from flags, env or config', async () => {
    const basic = await registrySettingsOf(inputs({ GUARDRAILS_REGISTRY_URL: 'https://sr.example', GUARDRAILS_REGISTRY_API_KEY: 'k', GUARDRAILS_REGISTRY_API_SECRET: 's' }), undefined, '/repo', '/cwd');
    expect(basic.auth).toEqual({ type: 'basic', username: 'k', password: 's' });
    const env = { GUARDRAILS_REGISTRY_BEARER_TOKEN: 't', GUARDRAILS_REGISTRY_CERT_FILE: '/ci/cert.pem', GUARDRAILS_REGISTRY_KEY_FILE: '/ci/key.pem' };
    const fromConfig = config('registry:\n  url: https://sr.example\n  ca-file: ca.pem\n  logical-cluster: lsrc-1\n  timeout-ms: 5000\n  retries: 2\n');
    const bearer = await registrySettingsOf(inputs(env), fromConfig, '/repo', '/cwd');
    expect(bearer.auth).toEqual({ type: 'bearer', token: 't', logicalCluster: 'lsrc-1' });
    expect(bearer.tls).toEqual({ ca: files['/repo/ca.pem'], cert: files['/ci/cert.pem'], key: files['/ci/key.pem'], rejectUnauthorized: true });
    expect([bearer.timeoutMs, bearer.retry.maxAttempts]).toEqual([5000, 2]);
  });

  it('refuses half or double credentials and unreadable TLS files, naming the variables, never the values', async () => {
    const url = { GUARDRAILS_REGISTRY_URL: 'https://sr.example' };
    expect(await failure(registrySettingsOf(inputs({ ...url, GUARDRAILS_REGISTRY_API_KEY: 'k' }), undefined, '/r', '/c'))).toBe(
      'set both GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or neither',
    );
    const both = { ...url, GUARDRAILS_REGISTRY_API_KEY: 'k', GUARDRAILS_REGISTRY_API_SECRET: 'hush', GUARDRAILS_REGISTRY_BEARER_TOKEN: 'tok' };
    const message = await failure(registrySettingsOf(inputs(both), undefined, '/r', '/c'));
    expect(message).toBe('set either GUARDRAILS_REGISTRY_API_KEY/GUARDRAILS_REGISTRY_API_SECRET or GUARDRAILS_REGISTRY_BEARER_TOKEN, not both');
    expect(await failure(registrySettingsOf(inputs(url, { caFile: 'nope.pem' }), undefined, '/r', '/c'))).toBe('cannot read the registry CA file /c/nope.pem (ENOENT)');
    expect(await failure(registrySettingsOf(inputs(url, { certFile: '/ci/cert.pem' }), undefined, '/r', '/c'))).toMatch(/^mutual TLS needs both/);
    expect(await failure(registrySettingsOf(inputs({ GUARDRAILS_REGISTRY_URL: 'ftp://x' }), undefined, '/r', '/c'))).toMatch(/^registry settings: url\[0\]: 'ftp:\/\/x' must use http or https/);
  });
});

describe('the registry sections of guardrails.yaml', () => {
  function problems(yaml: string): string[] {
    try {
      parseConfigText(`version: 1\n${yaml}`, 'g.yaml');
    } catch (error) {
      if (error instanceof ConfigError) return error.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.problem}`);
      throw error;
    }
    return [];
  }

  it('reads the registry and the fallback, failing closed by default', () => {
    expect(parseConfigText('version: 1\n', 'g.yaml').settings.onRegistryUnavailable).toBe('fail');
    const { settings, warnings } = parseConfigText('version: 1\nregistry:\n  url: https://sr.example\n  headers: {X-Team: data}\non-registry-unavailable: offline\n', 'g.yaml');
    expect(warnings).toEqual([]);
    expect(settings.registry).toEqual({ urls: ['https://sr.example'], headers: { 'X-Team': 'data' } });
    expect(settings.onRegistryUnavailable).toBe('offline');
    expect(problems('on-registry-unavailable: maybe\n')).toEqual(['2:26 on-registry-unavailable: got "maybe"; expected one of fail, offline']);
  });

  it('refuses secrets in the committed file without repeating them', () => {
    const found = problems('registry:\n  url: https://key:hush@sr.example\n  api-secret: hush\n  headers: {Authorization: Basic hush}\n');
    expect(found).toEqual([
      '4:3 registry.api-secret: secrets must not be in the config file, which is committed; set them in the environment (GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET, or GUARDRAILS_REGISTRY_BEARER_TOKEN)',
      '3:8 registry.url[0]: the URL carries credentials (user:password@); remove them and set GUARDRAILS_REGISTRY_API_KEY and GUARDRAILS_REGISTRY_API_SECRET instead',
      '5:13 registry.headers.Authorization: this header carries credentials; use the environment variables instead',
    ]);
    expect(found.join('\n')).not.toContain('hush');
    expect(problems('registry:\n  colour: blue\n')[0]).toMatch(/unknown key "colour"; expected one of: url, timeout-ms, retries, max-concurrency, headers, ca-file, cert-file, key-file, logical-cluster, identity-pool-id$/);
  });
});
