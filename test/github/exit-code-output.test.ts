import { ExitCode } from '../../src/runtime/exit-codes.js';
import { actionFiles } from './yaml-files.js';

// The exit-code output is how a workflow tells the outcomes apart: its description must name every
// code the CLI (and so the action) can end with.
const codes = [...new Set(Object.values(ExitCode))].filter((c) => c !== ExitCode.ok);

describe('the exit-code output', () => {
  test.each(actionFiles().filter((f) => f.doc.outputs?.['exit-code'] !== undefined))(
    '$name names every exit code',
    (file) => {
      const description = String(file.doc.outputs['exit-code'].description);
      for (const code of codes) expect(description).toMatch(new RegExp(`(^|[^0-9])${code}([^0-9]|$)`));
    },
  );
});
