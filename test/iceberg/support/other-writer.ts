/**
 * Another engine committing on top of whatever is current: a property change, written the way Java's metastore
 * tables do it (new numbered file, the replaced one appended to the metadata-log) and swapped in with the
 * catalog's compare-and-swap. It moves the pointer without expiring anything.
 */
import type { TableCatalog, TableIdent } from '../../../src/iceberg/catalog/sql-catalog.js';
import type { FileIO } from '../../../src/iceberg/io/file-io.js';
import { loadMetadata, nextMetadataLocation, writeMetadata } from '../../../src/iceberg/metadata/files.js';
import { isJsonObject, jsonInt } from '../../../src/iceberg/metadata/json.js';

export async function commitPropertyChange(catalog: TableCatalog, io: FileIO, ident: TableIdent, key: string, value: string): Promise<string> {
  const base = await loadMetadata(io, await catalog.loadPointer(ident));
  const log = Array.isArray(base.doc['metadata-log']) ? base.doc['metadata-log'] : [];
  const properties = isJsonObject(base.doc['properties']) ? base.doc['properties'] : {};
  const next = {
    ...base.doc,
    properties: { ...properties, [key]: value },
    'metadata-log': [...log, { 'timestamp-ms': jsonInt(base.view.lastUpdatedMs), 'metadata-file': base.location }],
  };
  const location = nextMetadataLocation(base.view, base.location);
  await writeMetadata(io, location, next);
  const outcome = await catalog.commit(ident, base.location, location);
  if (outcome !== 'committed') throw new Error(`the other writer's commit did not land: ${outcome}`);
  return location;
}
