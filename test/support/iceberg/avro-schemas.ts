/** Spec v2 Avro schemas (with Iceberg field ids) for the manifest lists and manifests the table builder writes. */
import manifestListSchema from './manifest-list.schema.json' with { type: 'json' };

// Shared with test/fixtures/avro-codecs/generate.mjs, which writes the codec fixtures.
export const MANIFEST_LIST_SCHEMA = JSON.stringify(manifestListSchema);

export const MANIFEST_ENTRY_SCHEMA = JSON.stringify({
  type: 'record', name: 'manifest_entry', fields: [
    { name: 'status', type: 'int', 'field-id': 0 },
    { name: 'snapshot_id', type: ['null', 'long'], default: null, 'field-id': 1 },
    { name: 'sequence_number', type: ['null', 'long'], default: null, 'field-id': 3 },
    { name: 'file_sequence_number', type: ['null', 'long'], default: null, 'field-id': 4 },
    {
      name: 'data_file', 'field-id': 2, type: {
        type: 'record', name: 'r2', fields: [
          { name: 'content', type: 'int', 'field-id': 134 },
          { name: 'file_path', type: 'string', 'field-id': 100 },
          { name: 'file_format', type: 'string', 'field-id': 101 },
          { name: 'partition', type: { type: 'record', name: 'r102', fields: [] }, 'field-id': 102 },
          { name: 'record_count', type: 'long', 'field-id': 103 },
          { name: 'file_size_in_bytes', type: 'long', 'field-id': 104 },
        ],
      },
    },
  ],
});

export const ENTRY_STATUS = { EXISTING: 0, ADDED: 1, DELETED: 2 } as const;
