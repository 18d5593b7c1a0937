import { RealClock } from '../runtime/clock.js';
import { processOutput } from '../runtime/process-output.js';
import { runnerCore, useOutput } from './runner-core.js';
import { runAction } from './run.js';

// The action entry (dist/index.js): hand the runner protocol (inputs, outputs, summary, workflow
// commands) to the front end. Workflow commands are written as src/runtime/process-output.ts
// explains (no stream module loaded at start-up on Linux).
useOutput(processOutput(1));
await runAction(runnerCore, process.env, new RealClock());
