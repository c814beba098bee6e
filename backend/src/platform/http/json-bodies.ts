import { LRUCache } from 'lru-cache';

/** JSON bytes of a `T`, typed so that a route's `@Responds` still checks what was serialized. */
export type JsonBody<T> = Buffer & { readonly serializes?: T };

/** The content type of a body from JsonBodies (Fastify sends bytes as they are once a type is set). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * JSON text of each row a page is made of, kept for as long as the row object lives. Rows of the cached read
 * models are never changed once loaded (a reload makes new objects, or keeps the old one where nothing
 * changed), so a list page nobody asked for since its rows were loaded — the specification's clients walk a
 * thousand offsets — is assembled from texts already made instead of stringifying twenty cards again.
 */
const rowTexts = new WeakMap<object, string>();

function rowText(row: object): string {
  let text = rowTexts.get(row);
  if (text === undefined) {
    text = JSON.stringify(row);
    rowTexts.set(row, text);
  }
  return text;
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
    return this.remember(key, parts, () => JSON.stringify(value()));
  }

  /** A page of read-model rows, `{"items":[…],"total":n}`, each row's text made once per row object. */
  page<Row extends object>(
    key: string,
    page: { items: Row[]; total: number },
  ): JsonBody<{ items: Row[]; total: number }> {
    const { items, total } = page;
    return this.remember(key, [...items, total], () => `{"items":[${items.map(rowText).join(',')}],"total":${total}}`);
  }

  private remember(key: string, parts: readonly unknown[], text: () => string): Buffer {
    const known = this.bodies.get(key);
    if (known && known.parts.length === parts.length && known.parts.every((part, i) => part === parts[i])) {
      return known.body;
    }
    const body = Buffer.from(text());
    this.bodies.set(key, { parts, body });
    return body;
  }
}
