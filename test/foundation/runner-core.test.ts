import * as actionsCore from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionCore } from '../../src/action/core.js';
import { runnerCore } from '../../src/action/runner-core.js';

// The action entry speaks the runner protocol itself (runner-core.ts) instead of loading
// @actions/core; these tests hold it to what @actions/core writes for the same calls.

const dir = mkdtempSync(join(tmpdir(), 'dhash-runner-core-'));
const saved = { ...process.env };
const savedExitCode = process.exitCode;
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = savedExitCode;
});

/** Runs fn with stdout captured; returns what was written. */
async function stdoutOf(fn: () => unknown): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = (chunk: string) => ((out += chunk), true);
  try {
    await fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

const real = actionsCore as unknown as ActionCore;
const both: Array<[string, ActionCore]> = [
  ['@actions/core', real],
  ['runner-core', runnerCore],
];

function sameForBoth<T>(fn: (core: ActionCore) => T): [T, T] {
  return [fn(real), fn(runnerCore)];
}

test('inputs: names, trimming, required and booleans as @actions/core reads them', () => {
  process.env['INPUT_WORKING-DIRECTORY'] = '  sub/dir  ';
  process.env.INPUT_DRY_RUN = 'True';
  process.env.INPUT_BAD = 'yes';
  const [a, b] = sameForBoth((core) => [
    core.getInput('working-directory'),
    core.getInput('working-directory', { trimWhitespace: false }),
    core.getInput('missing'),
    core.getBooleanInput('dry run'),
  ]);
  expect(b).toEqual(a);
  expect(b).toEqual(['sub/dir', '  sub/dir  ', '', true]);
  for (const [, core] of both) {
    expect(() => core.getInput('missing', { required: true })).toThrow(
      'Input required and not supplied: missing',
    );
    expect(() => core.getBooleanInput('bad')).toThrow(/YAML 1.2 "Core Schema".*: bad/);
  }
});

test('outputs: the same GITHUB_OUTPUT records (delimiters aside)', () => {
  const files = both.map(([name, core]) => {
    const file = join(dir, `output-${name.replace(/\W/g, '')}`);
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    core.setOutput('result', 'ok');
    core.setOutput('multi', 'line 1\nline 2');
    core.setOutput('json', { a: 1 });
    return readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-z_-]+/g, 'DELIM');
  });
  expect(files[1]).toBe(files[0]);
  expect(files[1]).toContain('multi<<DELIM\nline 1\nline 2\nDELIM\n');
});

test('an output value can never end its block: a delimiter it contains is never used', () => {
  const file = join(dir, 'output-hostile');
  writeFileSync(file, '');
  process.env.GITHUB_OUTPUT = file;
  // Every delimiter this process could pick next, in the value, followed by an injected output.
  const now = Date.now();
  const guesses = [0, 1, 2, 3]
    .flatMap((n) => [-1, 0, 1, 2].map((ms) => `ghadelimiter_${process.pid}_${(now + ms).toString(36)}_${n}`))
    .map((d) => `${d}\ninjected=yes\n`)
    .join('');
  runnerCore.setOutput('result', `ok\n${guesses}`);
  const text = readFileSync(file, 'utf8');
  const [, delimiter] = /^result<<(.+)$/m.exec(text)!;
  expect(text).toBe(`result<<${delimiter}\nok\n${guesses}\n${delimiter}\n`);
  expect(`ok\n${guesses}`).not.toContain(delimiter);
});

test('workflow commands: the same lines for annotations, masks, groups and failure', async () => {
  const outs: string[] = [];
  const codes: unknown[] = [];
  for (const [, core] of both) {
    process.exitCode = undefined;
    outs.push(
      await stdoutOf(() => {
        core.info('plain 100%');
        core.debug('line 1\nline 2');
        core.setSecret('s3cret');
        core.warning('careful', { title: 'Gate: p95', file: 'a,b.json', startLine: 3 });
        core.notice(new Error('boom'));
        core.error('bad\r\nthing');
        core.startGroup('group 1');
        core.endGroup();
        core.setFailed('it failed');
      }),
    );
    codes.push(process.exitCode);
  }
  expect(outs[1]).toBe(outs[0]);
  expect(codes).toEqual([1, 1]);
  expect(outs[1]).toContain('::warning title=Gate%3A p95,file=a%2Cb.json,line=3::careful');
});

test('summary: addRaw(text, true).write() appends the same text to GITHUB_STEP_SUMMARY', async () => {
  const files = [];
  for (const [name, core] of both) {
    const file = join(dir, `summary-${name.replace(/\W/g, '')}`);
    writeFileSync(file, 'before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await core.summary.addRaw('## one', true).write();
    await core.summary.addRaw('two', true).write();
    files.push(readFileSync(file, 'utf8'));
  }
  expect(files[1]).toBe(files[0]);
  expect(files[1]).toBe('before\n## one\ntwo\n');
});
