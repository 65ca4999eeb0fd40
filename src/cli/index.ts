/** The `guardrails` executable: everything is in process.ts and main.ts, so tests call `run()`. */
import { main } from './process.js';

process.exitCode = await main(process.argv.slice(2));
