import { describe, expect, test } from '@jest/globals';
import {
  describeValidated,
  isSkeleton,
  rebuildValidated,
  type SkeletonNode,
} from '../../src/config/config-skeleton.js';

const rebuild = (stored: string, file: unknown) => rebuildValidated(JSON.parse(stored) as SkeletonNode, file);

describe('config skeleton (what the start-up cache stores of a validated file)', () => {
  test('file values are referenced, defaults kept, and the result key order restored', () => {
    const file = { b: 'secret-literal', list: [1, { x: true }] };
    const validated = { a: 5, b: 'secret-literal', list: [1, { x: true, y: 'dflt' }], c: { d: [] } };
    const stored = describeValidated(validated, file);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain('secret-literal');
    expect(JSON.parse(stored!)).toEqual([
      'object',
      [
        ['a', ['default', 5]],
        ['b', ['file']],
        [
          'list',
          [
            'array',
            [
              ['file'],
              [
                'object',
                [
                  ['x', ['file']],
                  ['y', ['default', 'dflt']],
                ],
              ],
            ],
          ],
        ],
        ['c', ['default', { d: [] }]],
      ],
    ]);
    expect(JSON.stringify(rebuild(stored!, file))).toBe(JSON.stringify(validated));
  });

  test('a result that is not the file plus defaults is not described (so never cached)', () => {
    // A transformed value, a coerced type, a dropped array item, a key holding undefined.
    expect(describeValidated({ a: 'X' }, { a: 'x' })).toBeNull();
    expect(describeValidated({ a: 1 }, { a: '1' })).toBeNull();
    expect(describeValidated({ a: [1] }, { a: [1, 2] })).toBeNull();
    expect(describeValidated({ a: undefined }, {})).toBeNull();
    expect(describeValidated({ a: { b: 1 } }, { a: 'text' })).toBeNull();
  });

  test('a skeleton of another file is refused on rebuild, never half applied', () => {
    const stored = describeValidated({ a: 1, b: [2], c: { d: 3 } }, { a: 1, b: [2], c: { d: 3 } })!;
    expect(() => rebuild(stored, { a: 1, b: [2] })).toThrow('an object the file does not have');
    expect(() => rebuild(stored, { a: 1, b: [2, 3], c: { d: 3 } })).toThrow('an array');
    expect(() => rebuild(stored, { b: [2], c: { d: 3 } })).toThrow('a value the file does not have');
  });

  test('a damaged skeleton is recognised as such', () => {
    expect(isSkeleton(['object', [['a', ['file']]]])).toBe(true);
    for (const bad of [
      null,
      {},
      [],
      ['file', 1],
      ['default'],
      ['object', [['a']]],
      ['array', [['nope']]],
      'x',
    ])
      expect(isSkeleton(bad)).toBe(false);
  });
});
