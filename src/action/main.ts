import { RealClock } from '../runtime/clock.js';
import { runnerCore } from './runner-core.js';
import { runAction } from './run.js';

// The action entry (dist/index.js): hand the runner protocol (inputs, outputs, summary, workflow
// commands) to the front end.
await runAction(runnerCore, process.env, new RealClock());
