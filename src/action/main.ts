import * as core from '@actions/core';
import { RealClock } from '../runtime/clock.js';
import { runAction } from './run.js';

// The action entry (dist/index.js): hand the real @actions/core to the front end.
await runAction(core, process.env, new RealClock());
