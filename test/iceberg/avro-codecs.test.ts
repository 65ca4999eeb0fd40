/**
 * Manifest lists compressed with every codec Iceberg writes (write.avro.compression-codec): the
 * fixtures are written by avsc with snappyjs and the zstd CLI (test/fixtures/avro-codecs/generate.mjs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IcebergError } from '../../src/iceberg/errors.js';
import { parseManifestList } from '../../src/iceberg/metadata/manifests.js';

const FIXTURES = 'test/fixtures/avro-codecs';
const expected = JSON.parse(readFileSync(`${FIXTURES}/expected-paths.json`, 'utf8')) as [string, number, number][];
const fixture = (codec: string) => readFileSync(`${FIXTURES}/manifest-list.${codec}.avro`);

function unreadable(bytes: Buffer): IcebergError {
  try {
    parseManifestList(bytes, 'metadata/snap-1.avro');
  } catch (error) {
    if (error instanceof IcebergError) return error;
    throw error;
  }
  throw new Error('expected the manifest list to be unreadable');
}

describe('Avro codecs of manifest lists', () => {
  it.each(['snappy', 'zstandard'])('reads every block of a %s manifest list', (codec) => {
    const bytes = fixture(codec);
    expect(bytes.includes(Buffer.from(codec))).toBe(true);
    const refs = parseManifestList(bytes, `metadata/snap-1-${codec}.avro`);
    expect(refs.map((r) => [r.path, r.length, r.content])).toEqual(expected);
  });

  it('refuses a snappy block whose checksum does not match, naming the file', () => {
    const bytes = Buffer.from(fixture('snappy'));
    // The last block ends with its 4-byte CRC-32, then the 16-byte sync marker.
    const crcByte = bytes.length - 17;
    bytes[crcByte] = (bytes[crcByte] as number) ^ 0xff;
    const error = unreadable(bytes);
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toContain('snappy block checksum mismatch');
    expect(error.message).toContain('metadata/snap-1.avro');
  });

  it('refuses a corrupt zstandard block as unreadable, never as an empty list', () => {
    const bytes = Buffer.from(fixture('zstandard'));
    bytes.fill(0x55, bytes.length - 200, bytes.length - 40);
    expect(unreadable(bytes).code).toBe('UNREADABLE');
  });

  it('names the codecs it supports when a file uses another', () => {
    const bytes = Buffer.from(fixture('snappy'));
    const at = bytes.indexOf('snappy');
    bytes.write('bzip2x', at);
    expect(unreadable(bytes).message).toContain('unsupported Avro codec bzip2x (supported: null, deflate, snappy, zstandard)');
  });
});
