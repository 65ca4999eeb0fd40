/** The command table: one declaration per command; help and dispatch follow from it. */
import { backupCommand } from './backup.js';
import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { compatCommand } from './compat.js';
import { driftCommand } from './drift.js';
import { expireSnapshotsCommand } from './expire-snapshots.js';
import { followupsCommand } from './followups.js';
import { registerCommand } from './register.js';
import { removeOrphansCommand } from './remove-orphans.js';
import { restoreCommand } from './restore.js';
import { scheduleCommand } from './schedule.js';

export const COMMANDS: readonly Command[] = [checkCommand, compatCommand, backupCommand, restoreCommand, expireSnapshotsCommand, removeOrphansCommand, followupsCommand, driftCommand, registerCommand, scheduleCommand];
