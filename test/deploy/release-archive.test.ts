import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRelease } from '../../src/adapters/targets/release-bundle.js';
import { tinyRelease } from './helpers.js';
import { requireInfoZip } from '../helpers/tools.js';

const infoZip = requireInfoZip();

// Archives made by the system's own tar and zip, as an operator or a CI job would make them.
describe('--release archives', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dhash-release-archive-'));
    tinyRelease(dir, '4.2.0', { migrations: { '001_a.up.sql': 'CREATE TABLE a (x int);' } });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  infoZip.test('a .tar.gz with a top-level folder and a flat .zip both resolve to the release', async () => {
    execFileSync('tar', ['czf', 'r.tar.gz', '4.2.0'], { cwd: dir });
    execFileSync('zip', ['-qr', '../r.zip', '.'], { cwd: join(dir, '4.2.0') });
    for (const archive of ['r.tar.gz', 'r.zip']) {
      const resolved = await resolveRelease(join(dir, archive), dir);
      try {
        expect(resolved.bundle.id).toBe('4.2.0');
        expect(resolved.unpackedFrom).toBe(join(dir, archive));
        expect(
          execFileSync('cat', [join(resolved.bundle.path, 'migrations', '001_a.up.sql')]).toString(),
        ).toBe('CREATE TABLE a (x int);');
      } finally {
        resolved.cleanup();
      }
    }
  });

  test('links, ".." and bad manifests are refused with the flag named', async () => {
    symlinkSync('/etc/passwd', join(dir, '4.2.0', 'passwd'));
    execFileSync('tar', ['czf', 'link.tar.gz', '4.2.0'], { cwd: dir });
    await expect(resolveRelease(join(dir, 'link.tar.gz'), dir)).rejects.toThrow(
      /--release: cannot unpack .*is not a plain file or directory/,
    );
    mkdirSync(join(dir, 'up', 'x'), { recursive: true });
    writeFileSync(join(dir, 'evil'), 'x');
    execFileSync('tar', ['czf', '../../dots.tar.gz', '-P', '../../evil'], { cwd: join(dir, 'up', 'x') });
    await expect(resolveRelease(join(dir, 'dots.tar.gz'), dir)).rejects.toThrow(/climbs out of the target/);
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'release.json'), '{"version": "../escape"}');
    await expect(resolveRelease(join(dir, 'bad'), dir)).rejects.toThrow(
      /--release: .*"version" must be a string of letters/,
    );
    await expect(resolveRelease(join(dir, 'missing'), dir)).rejects.toThrow(/--release: .* does not exist/);
  });

  test('a long (pax) name and the execute bit survive; an absolute entry is refused and writes nothing', async () => {
    const deep = join(dir, '4.2.0', 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'start.sh'), '#!/bin/sh\n', { mode: 0o750 });
    execFileSync('tar', ['--format=pax', '-czf', 'long.tar.gz', '4.2.0'], { cwd: dir });
    const resolved = await resolveRelease(join(dir, 'long.tar.gz'), dir);
    try {
      const unpacked = join(resolved.bundle.path, 'a'.repeat(60), 'b'.repeat(60), 'start.sh');
      expect(statSync(unpacked).mode & 0o777).toBe(0o755);
    } finally {
      resolved.cleanup();
    }
    const outside = join(dir, 'outside-target.txt');
    writeFileSync(outside, 'x');
    execFileSync('tar', ['czf', 'abs.tar.gz', '-P', outside], { cwd: dir });
    rmSync(outside);
    await expect(resolveRelease(join(dir, 'abs.tar.gz'), dir)).rejects.toThrow(/--release: cannot unpack/);
    expect(existsSync(outside)).toBe(false);
  });
});
