/**
 * The command table. A new command (backup, restore, expire-snapshots, followups, schedule) is one
 * module implementing `Command` and one entry here; help and dispatch follow from the table.
 */
import { checkCommand } from './check.js';
import type { AnyCommand } from './command.js';
import { compatCommand } from './compat.js';
import { backupCommand, expireSnapshotsCommand, followupsCommand, restoreCommand, scheduleCommand } from './jobs.js';

export const COMMANDS: readonly AnyCommand[] = [checkCommand, compatCommand, backupCommand, restoreCommand, expireSnapshotsCommand, followupsCommand, scheduleCommand];
