import { resolveLink, type PathKind } from '../../src/domain/backup/link-resolution.js';

/** A tree given as a table: path → kind; anything else is missing. */
function tree(entries: Record<string, PathKind>) {
  return (rel: string): PathKind => entries[rel] ?? { kind: 'missing' };
}

describe('resolveLink walks a link the way the kernel walks a path', () => {
  const dirs = { a: { kind: 'dir' }, 'a/b': { kind: 'dir' } } as const;

  it('accepts a relative link that stays inside, and names where it leads', () => {
    expect(resolveLink('a/b/l', '../x', tree({ ...dirs }), '/srv')).toEqual({ ok: true, resolved: 'a/x' });
  });

  it('refuses ".." above the top, even when a later step comes back in', () => {
    const r = resolveLink('a/l', '../../srv/a', tree({ ...dirs }), '/srv');
    expect(r.ok).toBe(false);
  });

  it('follows links inside the path: x -> .. makes "x/.." the parent of the parent', () => {
    const t = tree({ ...dirs, 'a/b/x': { kind: 'link', target: '..' } });
    // Lexically a/b/x/../.. is "a"; really x is "a", so x/.. is the top and x/../.. leaves it.
    expect(resolveLink('a/b/l', 'x/../..', t, '/srv').ok).toBe(false);
    expect(resolveLink('a/b/l', 'x/..', t, '/srv')).toEqual({ ok: true, resolved: '' });
  });

  it('judges absolute targets against the top on this host', () => {
    expect(resolveLink('a/l', '/srv/a/b', tree({ ...dirs }), '/srv')).toEqual({ ok: true, resolved: 'a/b' });
    expect(resolveLink('a/l', '/srv-other/a', tree({ ...dirs }), '/srv').ok).toBe(false);
    expect(resolveLink('a/l', '/etc/passwd', tree({ ...dirs }), '/srv').ok).toBe(false);
  });

  it('goes through a live link that leads out', () => {
    const t = tree({ ...dirs, out: { kind: 'link', target: '/etc' } });
    const r = resolveLink('a/l', '../out/passwd', t, '/srv');
    expect(r).toEqual({
      ok: false,
      reason: expect.stringMatching(/through "out".*outside the target/) as unknown,
    });
  });

  it('gives up on loops', () => {
    const t = tree({ p: { kind: 'link', target: 'q' }, q: { kind: 'link', target: 'p' } });
    expect(resolveLink('l', 'p', t, '/srv')).toEqual({
      ok: false,
      reason: expect.stringMatching(/more than 40 links/) as unknown,
    });
  });

  it('looks below a missing component too: "missing/../out" is refused when out links away', () => {
    const t = tree({ out: { kind: 'link', target: '../..' } });
    expect(resolveLink('l', 'missing/../out', t, '/srv').ok).toBe(false);
  });
});
