import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram, runCli } from '../../src/cli/program.js';
import { captureIo } from '../helpers/cli-io.js';
import { requireTool } from '../helpers/tools.js';

const cwd = mkdtempSync(join(tmpdir(), 'dhash-help-'));

async function run(...argv: string[]) {
  const io = captureIo(cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const program = await buildProgram(captureIo(cwd));
const commands = program.commands.map((c) => c.name());
// Subcommands too (backup list, backup verify, evidence replay): each is a command a user asks help of.
const subcommands = program.commands.flatMap((c) => c.commands.map((s) => [c.name(), s.name()]));

describe('--help', () => {
  test.each(commands)('%s --help ends with its exit codes', async (name) => {
    const help = await run(name, '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Exit codes/);
  });

  test.each(subcommands)('%s %s --help ends with its exit codes', async (name, sub) => {
    const help = await run(name, sub, '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Exit codes/);
  });

  test('rollback --help shows no ./scripts path (they exist only in a checkout)', async () => {
    const help = await run('rollback', '--help');
    expect(help.out).not.toMatch(/^\s*\.\/scripts\//m);
    expect(help.out).toContain('dhash-rollout rollback --backup "$LATEST_BACKUP" --env production');
  });
});

describe('completion', () => {
  test('an unknown shell is a usage error', async () => {
    const ran = await run('completion', 'tcsh');
    expect(ran.code).toBe(2);
    expect(ran.err).toMatch(/bash, zsh, fish/);
  });

  test('bash: the script loads and completes commands, flags and --direction values', async () => {
    const script = (await run('completion', 'bash')).out;
    const file = join(cwd, 'completion.bash');
    writeFileSync(file, script);
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const program = [
        `source ${file}`,
        `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
        `COMP_CWORD=${words.length - 1}`,
        '_dhash_rollout_complete',
        'printf "%s\\n" "${COMPREPLY[@]}"',
      ].join('\n');
      const ran = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
      expect(ran.stderr).toBe('');
      return ran.stdout.trim().split('\n').filter(Boolean);
    };
    expect(complete('dhash-rollout mig')).toEqual(['migrate']);
    expect(complete('dhash-rollout deploy --dry')).toEqual(['--dry-run']);
    expect(complete('dhash-rollout migrate --direction ')).toEqual(['up', 'down']);
    expect(complete('dhash-rollout completion ')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });

  const zshTool = requireTool('zsh', 'apt-get install -y zsh');
  const zsh = zshTool.path;
  zshTool.test('zsh: the script parses', async () => {
    const file = join(cwd, '_dhash-rollout');
    writeFileSync(file, (await run('completion', 'zsh')).out);
    expect(spawnSync(zsh!, ['-n', file], { encoding: 'utf8' }).status).toBe(0);
  });

  const fishTool = requireTool('fish', 'apt-get install -y fish');
  const fish = fishTool.path;
  fishTool.test('fish: the script parses', async () => {
    const file = join(cwd, 'dhash-rollout.fish');
    writeFileSync(file, (await run('completion', 'fish')).out);
    expect(spawnSync(fish!, ['-n', file], { encoding: 'utf8' }).status).toBe(0);
  });

  test('zsh and fish scripts name every command', async () => {
    const zshScript = (await run('completion', 'zsh')).out;
    const fishScript = (await run('completion', 'fish')).out;
    for (const name of commands) {
      expect(zshScript).toContain(`'${name}:`);
      expect(fishScript).toContain(`-a ${name} `);
    }
  });
});
