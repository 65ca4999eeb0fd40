#!/usr/bin/env node
// The long-running job scheduler (see docs/scheduler.md): `guardrails schedule`, with the CLI's options, signals and exit codes.
import { main } from '../src/cli/process.js';

process.exitCode = await main(['schedule', ...process.argv.slice(2)]);
