#!/usr/bin/env node
// The restore-schemas workflow's restore (see docs/backup-restore.md): `guardrails restore`, with the CLI's options, signals and exit codes.
import { main } from '../src/cli/process.js';

process.exitCode = await main(['restore', ...process.argv.slice(2)]);
