import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './keep-unchanged.js';

describe('keepUnchanged', () => {
  const card = (id: string, count: number, histogram = [0, 0, 0, 0, count]) => ({ id, count, histogram });

  it('keeps the previous object of every row whose values are all the same, in the new order', () => {
    const before = [card('a', 1), card('b', 2), card('c', 3)];
    const previous = new Map(before.map((row) => [row.id, row]));
    const reread = [card('c', 3), card('a', 1), card('b', 5), card('d', 0)];

    const rows = keepUnchanged(previous, reread);

    expect(rows).toEqual(reread);
    expect(rows[0]).toBe(before[2]);
    expect(rows[1]).toBe(before[0]);
    // A moved value and a row not read before are the new objects.
    expect(rows[2]).toBe(reread[2]);
    expect(rows[3]).toBe(reread[3]);
  });

  it('compares arrays element by element', () => {
    const previous = new Map([['a', card('a', 1, [1, 0, 0, 0, 0])]]);
    expect(keepUnchanged(previous, [card('a', 1, [1, 0, 0, 0, 0])])[0]).toBe(previous.get('a'));
    expect(keepUnchanged(previous, [card('a', 1, [0, 1, 0, 0, 0])])[0]).not.toBe(previous.get('a'));
    expect(keepUnchanged(previous, [card('a', 1, [1, 0, 0, 0])])[0]).not.toBe(previous.get('a'));
  });

  it('returns the rows as read when there is nothing to keep', () => {
    const rows = [card('a', 1)];
    expect(keepUnchanged(undefined, rows)).toBe(rows);
  });
});
