/** Loading metadata files through a FileIO and naming the next one the way Iceberg's metastore tables do. */
import { randomUUID } from 'node:crypto';
import type { FileIO } from '../io/file-io.js';
import { type JsonObject, parseMetadataBytes, serializeMetadata } from './json.js';
import { expirationProperties } from './properties.js';
import { type TableMetadataView, readTableMetadata } from './table-metadata.js';

export interface LoadedMetadata {
  readonly location: string;
  readonly doc: JsonObject;
  readonly view: TableMetadataView;
}

export async function loadMetadata(io: FileIO, location: string): Promise<LoadedMetadata> {
  const doc = parseMetadataBytes(await io.read(location), location);
  return { location, doc, view: readTableMetadata(doc, location) };
}

/** Version of a metadata file name: `00042-<uuid>.metadata.json` → 42, Hadoop `v5.metadata.json` → 5, else -1. */
export function metadataVersion(location: string): number {
  const name = location.slice(location.lastIndexOf('/') + 1);
  const match = /^(\d+)-/.exec(name) ?? /^v(\d+)\./.exec(name);
  return match === null ? -1 : Number(match[1]);
}

/** `<write.metadata.path or location/metadata>/<%05d version+1>-<uuid>[.gz].metadata.json`. */
export function nextMetadataLocation(base: TableMetadataView, baseLocation: string, uuid: string = randomUUID()): string {
  const props = expirationProperties(base.properties);
  const dir = (props.metadataPath ?? `${base.location.replace(/\/+$/, '')}/metadata`).replace(/\/+$/, '');
  const version = String(metadataVersion(baseLocation) + 1).padStart(5, '0');
  const extension = props.metadataCompression === 'gzip' ? '.gz.metadata.json' : '.metadata.json';
  return `${dir}/${version}-${uuid}${extension}`;
}

export async function writeMetadata(io: FileIO, location: string, doc: JsonObject): Promise<void> {
  await io.writeNew(location, serializeMetadata(doc, location));
}
