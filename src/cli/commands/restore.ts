/** `guardrails restore`. */
import { runRestoreCommand } from '../../backup/index.js';
import { legacy } from './legacy.js';

export const restoreCommand = legacy('restore', 'Restore a backup (or schemas/ at a git ref) into a registry', runRestoreCommand);
