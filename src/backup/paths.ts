/**
 * Where each part of a registry lives in a backup. Subject and context names are percent-encoded
 * (`:` is invalid on NTFS and subjects may contain `/`); the raw name is kept inside the file.
 */

export const MANIFEST_FILE = 'MANIFEST.json';
export const SUMS_FILE = 'SHA256SUMS';

/** encodeURIComponent, plus `*` and a leading `.` (so no name becomes `.` or `..`). */
export function encodeName(name: string): string {
  return encodeURIComponent(name)
    .replace(/\*/g, '%2A')
    .replace(/^\./, '%2E');
}

export function decodeName(encoded: string): string {
  return decodeURIComponent(encoded);
}

export const backupPaths = {
  globalConfig: () => 'global/config.json',
  globalMode: () => 'global/mode.json',
  contextConfig: (context: string) => `contexts/${encodeName(context)}/config.json`,
  contextMode: (context: string) => `contexts/${encodeName(context)}/mode.json`,
  subject: (subject: string) => `subjects/${encodeName(subject)}/subject.json`,
  version: (subject: string, version: number) => `subjects/${encodeName(subject)}/v${String(version).padStart(6, '0')}.json`,
};

/** What a path in a backup is; undefined for a path the format does not have. */
export type BackupPathKind =
  | { readonly kind: 'manifest' | 'sums' | 'global-config' | 'global-mode' }
  | { readonly kind: 'context-config' | 'context-mode'; readonly context: string }
  | { readonly kind: 'subject'; readonly subject: string }
  | { readonly kind: 'version'; readonly subject: string; readonly version: number };

export function classifyPath(path: string): BackupPathKind | undefined {
  if (path === MANIFEST_FILE) return { kind: 'manifest' };
  if (path === SUMS_FILE) return { kind: 'sums' };
  if (path === backupPaths.globalConfig()) return { kind: 'global-config' };
  if (path === backupPaths.globalMode()) return { kind: 'global-mode' };
  const context = /^contexts\/([^/]+)\/(config|mode)\.json$/.exec(path);
  if (context) return { kind: context[2] === 'config' ? 'context-config' : 'context-mode', context: safeDecode(context[1]) ?? '' };
  const subject = /^subjects\/([^/]+)\/subject\.json$/.exec(path);
  if (subject) return { kind: 'subject', subject: safeDecode(subject[1]) ?? '' };
  const version = /^subjects\/([^/]+)\/v(\d{6,})\.json$/.exec(path);
  if (version) return { kind: 'version', subject: safeDecode(version[1]) ?? '', version: Number(version[2]) };
  return undefined;
}

function safeDecode(text: string | undefined): string | undefined {
  try {
    return text === undefined ? undefined : decodeName(text);
  } catch {
    return undefined;
  }
}
