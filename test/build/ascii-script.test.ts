import { describe, expect, test } from '@jest/globals';
import { runInNewContext } from 'node:vm';
// @ts-expect-error -- a plain-JS build script without type declarations
import { asciiScript as asciiScriptUntyped } from '../../build/ascii-script.mjs';

// build/ascii-script.mjs makes the bundle scripts plain ASCII (read as Latin-1 at start-up); the
// rewritten script must compute exactly what the original did.
const asciiScript = asciiScriptUntyped as (code: string, label: string) => string | null;
const run = (code: string): unknown =>
  JSON.parse(runInNewContext(`JSON.stringify((() => {${code}})())`) as string);

describe('ASCII bundle scripts (build/ascii-script.mjs)', () => {
  test.each([
    [
      'strings, untagged templates, regular expressions, comments',
      "const a = 'café …'; const b = `x ≤ ${a}`; // ✔ done\nreturn [a, b, /[à-ÿ]+/u.test('é'), /^.$/u.test('😀'), /^..$/.test('😀'), '😀'.length];",
    ],
    ['a character already escaped with a backslash', "return ['\\é', /\\é/.test('é'), '\\\\é'];"],
    ['a no-break space and a line separator between tokens', 'const a = 1 ||\u00a0{};\u2028return [a]'],
    ['an identifier', 'const café = 2; return café;'],
  ])('%s', (_name, code) => {
    const out = asciiScript(code, 'test.js');
    expect(out).not.toBeNull();
    expect(Buffer.from(out!, 'utf8').length).toBe(out!.length);
    expect(run(out!)).toEqual(run(code));
  });

  test('a tagged template keeps its raw text: such a script is left as it is', () => {
    expect(asciiScript('return String.raw`a…b`;', 'test.js')).toBeNull();
    expect(asciiScript("return 'x\\\u2028y';", 'test.js')).toBeNull();
  });

  test('an ASCII script is returned unchanged', () => {
    expect(asciiScript('return 1;', 'test.js')).toBe('return 1;');
  });
});
