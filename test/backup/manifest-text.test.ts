import { describe, expect, it } from '@jest/globals';
import {
  MANIFEST_FORMAT,
  manifestText,
  parseManifest,
  type BackupManifest,
} from '../../src/domain/backup/manifest.js';

function manifest(files: BackupManifest['files']): BackupManifest {
  return {
    format: MANIFEST_FORMAT,
    kind: 'backup',
    environment: 'production',
    created_at: '2026-11-29T11:00:00.000Z',
    tool_version: '1.0.0',
    release: 'v1.0.0',
    target_root: '/srv/dhash "quoted" \n root',
    paths: ['current', 'shared'],
    database: { path: 'shared/data/dhash.db', size: 3, sha256: 'a'.repeat(64) },
    files,
    totals: { files: files.filter((f) => f.type === 'file').length, bytes: 5 },
  };
}

describe('manifestText', () => {
  const files: BackupManifest['files'] = [
    { path: 'current', type: 'dir', size: 0, mode: 0o755 },
    { path: 'current/a "b".js', type: 'file', size: 5, mode: 0o644, sha256: 'b'.repeat(64) },
    { path: 'current/link', type: 'symlink', size: 1, mode: 0o777, sha256: 'c'.repeat(64), target: 'a\nb' },
    { path: 'shared', type: 'dir', size: 0, mode: 0o700 },
    { path: 'shared/data/dhash.db', type: 'file', size: 3, mode: 0o600, sha256: 'a'.repeat(64) },
  ];

  it('parses back to the very manifest, with every key in its order', () => {
    const m = manifest(files);
    const text = manifestText(m);
    expect(JSON.parse(text)).toEqual(m);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(m));
    expect(parseManifest(text).files.map((f) => f.path)).toEqual(files.map((f) => f.path));
  });

  it('puts one file record on each line', () => {
    const lines = manifestText(manifest(files)).split('\n');
    const recordLines = lines.filter((l) => l.startsWith('  {'));
    expect(recordLines).toHaveLength(files.length);
    expect(recordLines.map((l) => JSON.parse(l.replace(/,$/, '')) as unknown)).toEqual(files);
    expect(lines[0]).toBe('{');
    expect(lines.at(-1)).toBe('');
  });

  it('keeps a record whole when its path or target holds what separates records', () => {
    const tricky: BackupManifest['files'] = [
      { path: 'current', type: 'dir', size: 0, mode: 0o755 },
      { path: 'current/x},{"path":y', type: 'file', size: 1, mode: 0o644, sha256: 'd'.repeat(64) },
      {
        path: 'current/l',
        type: 'symlink',
        size: 1,
        mode: 0o777,
        sha256: 'e'.repeat(64),
        target: '},{"path":',
      },
    ];
    const text = manifestText(manifest(tricky));
    expect(JSON.parse(text)).toEqual(manifest(tricky));
    expect(text.split('\n').filter((l) => l.startsWith('  {'))).toHaveLength(3);
  });

  it('writes an empty list of files as valid JSON', () => {
    const m = manifest([]);
    m.database = null;
    expect(JSON.parse(manifestText(m))).toEqual(m);
  });
});
