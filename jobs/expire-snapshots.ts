#!/usr/bin/env node
// The daily Iceberg snapshot expiration (see docs/iceberg-expiration.md): `guardrails expire-snapshots`, with the CLI's options, signals and exit codes.
import { main } from '../src/cli/process.js';

process.exitCode = await main(['expire-snapshots', ...process.argv.slice(2)]);
