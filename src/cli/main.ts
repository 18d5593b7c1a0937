import { processIo } from './io.js';
import { runCli } from './program.js';

// The bin entry: translate the result into the process exit code and nothing more.
const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
