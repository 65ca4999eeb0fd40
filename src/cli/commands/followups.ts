/** `guardrails followups`. */
import { runFollowupsCommand } from '../../postmortem/index.js';
import { legacy } from './legacy.js';

export const followupsCommand = legacy('followups', 'Sync post-mortem follow-up actions to tracked GitHub issues', runFollowupsCommand);
