/** The metadata files a table document still names: itself, its metadata-log, and the Hadoop version hint. */
import { isJsonObject, type JsonObject } from './json.js';
import { expirationProperties } from './properties.js';
import type { TableMetadataView } from './table-metadata.js';

export function metadataLogFiles(doc: JsonObject): string[] {
  const log = doc['metadata-log'];
  if (!Array.isArray(log)) return [];
  return log.flatMap((entry) => (isJsonObject(entry) && typeof entry['metadata-file'] === 'string' ? [entry['metadata-file']] : []));
}

/** `<write.metadata.path or location/metadata>/version-hint.text`, which Java adds to every table's valid set. */
export function versionHintLocation(view: TableMetadataView): string {
  const dir = expirationProperties(view.properties).metadataPath ?? `${view.location.replace(/\/+$/, '')}/metadata`;
  return `${dir.replace(/\/+$/, '')}/version-hint.text`;
}

/**
 * Java's CatalogUtil.deleteRemovedMetadataFiles: when the committed document has delete-after-commit on, the
 * files of the base's log that the new log no longer lists (TableMetadata.Builder#addPreviousFile trims it to
 * previous-versions-max). Files trimmed while the flag was off are not tracked any more and stay.
 */
export function trimmedMetadataFiles(baseDoc: JsonObject, nextDoc: JsonObject, next: TableMetadataView): string[] {
  if (!expirationProperties(next.properties).deleteAfterCommit) return [];
  const kept = new Set(metadataLogFiles(nextDoc));
  return metadataLogFiles(baseDoc).filter((f) => !kept.has(f));
}
