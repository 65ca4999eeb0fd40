#!/usr/bin/env node
// Nightly registry backup (see docs/backup-restore.md): `guardrails backup`, with the CLI's options, signals and exit codes.
import { main } from '../src/cli/process.js';

process.exitCode = await main(['backup', ...process.argv.slice(2)]);
