#!/usr/bin/env node
// The post-mortem follow-up sync (see docs/postmortem-followups.md): `guardrails followups`, with the CLI's options, signals and exit codes.
import { main } from '../src/cli/process.js';

process.exitCode = await main(['followups', ...process.argv.slice(2)]);
