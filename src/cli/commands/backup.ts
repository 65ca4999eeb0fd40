/** `guardrails backup`. */
import { runBackupCommand } from '../../backup/index.js';
import { legacy } from './legacy.js';

export const backupCommand = legacy('backup', 'Back up every registry subject, version, config and mode', (argv, io) => runBackupCommand(argv, io));
