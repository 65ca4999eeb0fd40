/**
 * The `followups:` section of guardrails.yaml, validated once here. Other sections of the file are ignored.
 * Reference: docs/postmortem-followups.md.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FollowupsError } from './errors.js';
import { SEVERITIES } from './model.js';

const login = z.string().regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'a GitHub login like "alice"');
const team = z.string().regex(/^@?[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, 'a team like "acme/sre"');

const OwnerEntry = z.union([
  login.transform((u) => ({ users: [u], team: undefined })),
  z.array(login).transform((users) => ({ users, team: undefined })),
  z.object({ users: z.array(login).default([]), team: team.optional() }).strict(),
]);

export const FollowupsConfigSchema = z
  .object({
    /** Folder of incident reports, repository-relative. */
    reports: z.string().min(1).default('postmortems'),
    /** `owner/name`; defaults to $GITHUB_REPOSITORY. */
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name').optional(),
    /** Branch the report links and write-back point at. */
    defaultBranch: z.string().min(1).default('main'),
    labels: z
      .object({
        base: z.string().min(1).max(50).default('postmortem'),
        needsOwner: z.string().min(1).max(50).default('needs-owner'),
        missing: z.string().min(1).max(50).default('postmortem-missing'),
        severityPrefix: z.string().default('severity:'),
        incidentPrefix: z.string().default('incident:'),
      })
      .strict()
      .prefault({}),
    /** Owner name as written in reports (case-insensitive) → GitHub users and/or a team to mention. */
    owners: z.record(z.string(), OwnerEntry).default({}),
    reminders: z.object({ intervalDays: z.number().int().min(1).max(365).default(7) }).strict().prefault({}),
    writeback: z
      .object({
        /** `pr`: commit ticks on `branch` and open a PR; `commit`: commit straight to `branch`; `off`. */
        mode: z.enum(['pr', 'commit', 'off']).default('pr'),
        branch: z.string().min(1).default('postmortem-followups/sync'),
      })
      .strict()
      .prefault({}),
    missingPostmortems: z
      .object({
        enabled: z.boolean().default(true),
        severities: z.array(z.enum(SEVERITIES)).default(['P1', 'P2']),
        withinHours: z.number().positive().default(48),
        /** YAML or JSON list of incidents `{id, severity, date|resolvedAt, title}`; reports are used when unset. */
        incidentLog: z.string().optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type FollowupsConfig = z.infer<typeof FollowupsConfigSchema>;
export type OwnerMapping = FollowupsConfig['owners'][string];

/** Validates a raw `followups:` value (undefined → all defaults). */
export function parseFollowupsConfig(raw: unknown, file = 'guardrails.yaml'): FollowupsConfig {
  const result = FollowupsConfigSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = ['followups', ...issue.path.map(String)].join('.');
  throw new FollowupsError('config', `${file}: ${path}: ${issue.message}`, 'See docs/postmortem-followups.md#configuration');
}

/** Reads the `followups:` section of the YAML config file; a missing file means defaults. */
export async function loadFollowupsConfig(cwd: string, file = 'guardrails.yaml'): Promise<FollowupsConfig> {
  return parseFollowupsConfig(await readSection(cwd, file, 'followups'), file);
}

/** One top-level section of a YAML file, undefined when the file or the section is absent. */
export async function readSection(cwd: string, file: string, section: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(cwd, file), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FollowupsError('config', `cannot read ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new FollowupsError('config', `${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object') return undefined;
  return (doc as Record<string, unknown>)[section];
}
