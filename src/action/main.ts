import { RealClock } from '../runtime/clock.js';
import { processOutput } from '../runtime/process-output.js';
import { runnerCore, useOutput } from './runner-core.js';
import { runAction } from './run.js';

// The action entry (dist/index.js): hand the runner protocol (inputs, outputs, summary, workflow
// commands) to the front end. A validate step (the first of most jobs, and over in a moment)
// writes its workflow commands as src/runtime/process-output.ts explains, without loading Node's
// stream modules; the long commands keep Node's stream, which queues output for a slow reader
// instead of stopping the event loop.
if (process.env.INPUT_COMMAND?.trim() === 'validate') useOutput(processOutput(1));
await runAction(runnerCore, process.env, new RealClock());
