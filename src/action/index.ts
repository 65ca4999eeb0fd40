/** The action's entry point: dist/index.js runs this. */
import { run } from './run.js';

await run();
