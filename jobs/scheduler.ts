#!/usr/bin/env node
// Entry point of the job scheduler (`guardrails schedule` in the CLI).
import { runScheduleCommand } from './scheduler/index.js';

const code = await runScheduleCommand(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});
process.exit(code);
