/** `guardrails expire-snapshots`. */
import { runExpireSnapshotsCommand } from '../../iceberg/job/index.js';
import { legacy } from './legacy.js';

export const expireSnapshotsCommand = legacy(
  'expire-snapshots',
  'Expire old Iceberg snapshots in a PostgreSQL SQL catalog and delete files nothing kept needs',
  runExpireSnapshotsCommand,
);
