import { LRUCache } from 'lru-cache';

/** JSON bytes of a `T`, typed so that a route's `@Responds` still checks what was serialized. */
export type JsonBody<T> = Buffer & { readonly serializes?: T };

/** The content type of a body from JsonBodies (Fastify sends bytes as they are once a type is set). */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

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
    const known = this.bodies.get(key);
    if (known && known.parts.length === parts.length && known.parts.every((part, i) => part === parts[i])) {
      return known.body;
    }
    const body = Buffer.from(JSON.stringify(value()));
    this.bodies.set(key, { parts, body });
    return body;
  }
}
