/** Reports, the config and the incident log are strict UTF-8: a Latin-1 byte would reach GitHub as U+FFFD. */
import { SchemaError } from '../../avro/errors.js';
import { decodeSchemaBytes } from '../../avro/json-document.js';
import { FollowupsError } from '../errors.js';

/** The text of `bytes`; refused with the file, line, column and byte offset of the first bad byte. */
export function decodeStrict(bytes: Uint8Array, display: string): string {
  try {
    return decodeSchemaBytes(bytes, display);
  } catch (e) {
    if (e instanceof SchemaError) throw new FollowupsError('config', e.message);
    throw e;
  }
}
