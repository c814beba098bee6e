import { describe, expect, it } from 'vitest';
import { JsonBodies } from './json-bodies.js';

describe('JsonBodies', () => {
  it('serializes once while every part is the identical object, again when one is replaced', () => {
    const bodies = new JsonBodies();
    let serialized = 0;
    const page = (items: object[], total: number) => () => {
      serialized += 1;
      return { items, total };
    };
    const first = { id: 'a' };
    const second = { id: 'b' };

    const body = bodies.of('list', [first, second, 2], page([first, second], 2));
    expect(JSON.parse(body.toString('utf8'))).toEqual({ items: [{ id: 'a' }, { id: 'b' }], total: 2 });
    expect(bodies.of('list', [first, second, 2], page([first, second], 2))).toBe(body);
    expect(serialized).toBe(1);

    // An equal copy is not the same state (a reload made it): serialized afresh, as is a changed total.
    const reloaded = { id: 'a' };
    expect(bodies.of('list', [reloaded, second, 2], page([reloaded, second], 2))).not.toBe(body);
    bodies.of('list', [reloaded, second, 3], page([reloaded, second], 3));
    expect(serialized).toBe(3);
    // Another key never shares a body.
    bodies.of('other', [reloaded, second, 3], page([reloaded, second], 3));
    expect(serialized).toBe(4);
  });

  it('assembles a page exactly as JSON.stringify would, stringifying each row object once across pages', () => {
    const bodies = new JsonBodies();
    const stringified: string[] = [];
    const row = (id: string) => ({ id, title: `«${id}» "quoted"`, toJSON: () => (stringified.push(id), { id }) });
    const [a, b, c] = [row('a'), row('b'), row('c')];
    const expected = (items: object[], total: number) => {
      const text = JSON.stringify({ items, total });
      stringified.length = 0;
      return text;
    };

    let text = expected([a, b], 3);
    expect(bodies.page('offset 0', { items: [a, b], total: 3 }).toString('utf8')).toBe(text);
    expect(stringified).toEqual(['a', 'b']);
    // Another page sharing a row: only its new row is stringified; a moved total stringifies no row at all.
    text = expected([b, c], 3);
    expect(bodies.page('offset 1', { items: [b, c], total: 3 }).toString('utf8')).toBe(text);
    expect(stringified).toEqual(['c']);
    text = expected([a, b], 4);
    expect(bodies.page('offset 0', { items: [a, b], total: 4 }).toString('utf8')).toBe(text);
    expect(stringified).toEqual([]);
    expect(bodies.page('empty', { items: [], total: 0 }).toString('utf8')).toBe('{"items":[],"total":0}');
  });

  it('keeps bodies within its byte budget, dropping the least recently used', () => {
    const bodies = new JsonBodies(64);
    const big = { text: 'x'.repeat(40) };
    const a = bodies.of('a', [big], () => big);
    bodies.of('b', [big], () => big);
    expect(bodies.of('a', [big], () => big)).not.toBe(a);
  });
});
