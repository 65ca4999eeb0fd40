/**
 * The policy as the BASE branch has it (issue 4 §2): the config file is read at the base commit
 * through the API, validated, and written to a private temporary file that the check reads instead
 * of the checkout's copy, so a PR that edits guardrails.yaml gets no benefit from the edit.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentSource } from '../github/api/contents.js';
import { parseConfigText, EMBEDDED_DEFAULT } from '../policy/config/load.js';
import type { LoadedConfig } from '../policy/config/settings.js';

export interface BasePolicy {
  readonly loaded: LoadedConfig;
  /** Absolute path of the private copy the check reads. */
  readonly file: string;
  /** How messages name the config: `guardrails.yaml@base` or the embedded default. */
  readonly label: string;
}

export class MissingPolicyError extends Error {
  override readonly name = 'MissingPolicyError';
}

/** `explicit`: the path came from the `config` input, so a missing file fails closed instead of using the default. */
export async function loadBasePolicy(contents: ContentSource, configPath: string, baseSha: string, explicit = false): Promise<BasePolicy> {
  const text = await contents.fileAt(configPath, baseSha);
  if (text === undefined && explicit) {
    throw new MissingPolicyError(
      `the config input names ${configPath}, which does not exist on the base branch (${baseSha.slice(0, 12)}); commit it to the base branch or fix the path (the embedded default applies only when the input is not set)`,
    );
  }
  const label = text === undefined ? EMBEDDED_DEFAULT : `${configPath}@base`;
  const body = text ?? 'version: 1\n';
  // Validated here with a label people recognise; the check re-reads the copy.
  const loaded = parseConfigText(body, label);
  const dir = await mkdtemp(join(tmpdir(), 'guardrails-policy-'));
  const file = join(dir, 'guardrails.yaml');
  await writeFile(file, body, { mode: 0o600 });
  return { loaded, file, label };
}
