#!/usr/bin/env node
// Entry point for the post-mortem follow-up job (`guardrails followups` in the CLI).
import { runFollowupsCommand } from '../src/postmortem/index.js';

const code = await runFollowupsCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
