#!/usr/bin/env node
// Iceberg orphan file removal (see docs/iceberg-orphans.md): `guardrails remove-orphans`, with the CLI's options, signals and exit codes.
import { main } from '../src/cli/process.js';

process.exitCode = await main(['remove-orphans', ...process.argv.slice(2)]);
