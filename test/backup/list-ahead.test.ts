import { setTimeout as sleep } from 'node:timers/promises';
import { ListAhead } from '../../src/adapters/archive/list-ahead.js';

/** The writer's listing ahead: sources listed while it waits, handed out in their order. */
describe('ListAhead', () => {
  function* numbers(count: number, listed: number[]): Generator<number> {
    for (let i = 0; i < count; i++) {
      listed.push(i);
      yield i;
    }
  }

  it('lists while a wait lasts, and hands every source out once, in order', async () => {
    const listed: number[] = [];
    const ahead = new ListAhead(numbers(5000, listed));
    const it = ahead[Symbol.iterator]();
    expect(it.next().value).toBe(0);
    expect(listed).toHaveLength(1);
    // A wait that ends only once everything was listed: it ends only if the listing goes on meanwhile.
    const listedAll = new Promise<string>((resolve) => {
      const timer = setInterval(() => {
        if (listed.length === 5000) {
          clearInterval(timer);
          resolve('done');
        }
      }, 1);
    });
    expect(await ahead.whileWaiting(listedAll)).toBe('done');
    expect(listed).toHaveLength(5000);
    const rest: number[] = [];
    for (let next = it.next(); next.done !== true; next = it.next()) rest.push(next.value);
    expect(rest).toEqual(Array.from({ length: 4999 }, (_, i) => i + 1));
  });

  it('stops listing once the awaited work settles, and passes its failure on', async () => {
    const listed: number[] = [];
    const ahead = new ListAhead(numbers(1_000_000, listed));
    await expect(ahead.whileWaiting(Promise.reject(new Error('worker failed')))).rejects.toThrow(
      'worker failed',
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(1_000_000);
  });

  it('passes on a failure of the listing itself while waiting', async () => {
    function* failing(): Generator<number> {
      yield 1;
      throw new Error('cannot list');
    }
    const ahead = new ListAhead(failing());
    await expect(ahead.whileWaiting(sleep(20))).rejects.toThrow('cannot list');
  });
});
