import { LRUCache } from 'lru-cache';

/** JSON bytes of a `T`, typed so that a route's `@Responds` still checks what was serialized. */
export type JsonBody<T> = Buffer & { readonly serializes?: T };

/** The content type of a body from JsonBodies (Fastify sends bytes as they are once a type is set). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * JSON bytes of each row a page is made of, kept for as long as the row object lives. Rows of the cached read
 * models are never changed once loaded (a reload makes new objects only for rows that changed), so a list page
 * nobody asked for since its rows were loaded — the specification's clients walk a thousand offsets — is copied
 * together from bytes already made, instead of stringifying and UTF-8 encoding twenty cards again.
 */
const rowBytes = new WeakMap<object, Buffer>();

function bytesOf(row: object): Buffer {
  let bytes = rowBytes.get(row);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(row));
    rowBytes.set(row, bytes);
  }
  return bytes;
}

const PAGE_START = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/** `{"items":[…],"total":n}` from the rows' bytes. */
function pageBytes(items: readonly object[], total: number): Buffer {
  const pieces: Buffer[] = [PAGE_START];
  items.forEach((row, i) => {
    if (i > 0) pieces.push(COMMA);
    pieces.push(bytesOf(row));
  });
  pieces.push(Buffer.from(`],"total":${total}}`));
  return Buffer.concat(pieces);
}

/**
 * Response bodies serialized once and sent as bytes while what they serialize stays the same. Cached read
 * models hand out the very same objects until they reload, so a hot public page need not be stringified and
 * UTF-8 encoded for every request. A body is remembered under the request's key with the parts it was made
 * of, and reused only while every part is still the identical object (or equal primitive): never staler than
 * the caches it is made from.
 */
export class JsonBodies {
  private readonly bodies: LRUCache<string, { parts: readonly unknown[]; body: Buffer }>;

  constructor(maxBytes = 16 * 1024 * 1024) {
    this.bodies = new LRUCache({ maxSize: maxBytes, sizeCalculation: ({ body }) => body.length || 1 });
  }

  of<T>(key: string, parts: readonly unknown[], value: () => T): JsonBody<T> {
    return this.remember(key, parts, () => Buffer.from(JSON.stringify(value())));
  }

  /** A page of read-model rows, `{"items":[…],"total":n}`, each row's bytes made once per row object. */
  page<Row extends object>(
    key: string,
    page: { items: Row[]; total: number },
  ): JsonBody<{ items: Row[]; total: number }> {
    const { items, total } = page;
    return this.remember(key, [...items, total], () => pageBytes(items, total));
  }

  private remember(key: string, parts: readonly unknown[], serialize: () => Buffer): Buffer {
    const known = this.bodies.get(key);
    if (known && known.parts.length === parts.length && known.parts.every((part, i) => part === parts[i])) {
      return known.body;
    }
    const body = serialize();
    this.bodies.set(key, { parts, body });
    return body;
  }
}
