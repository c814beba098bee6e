import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiResponse } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import type { JsonBody } from './json-bodies.js';

/**
 * The API's answer shapes. Each is one zod schema: the TypeScript type of the view is inferred from it, the
 * route's `@Responds` checks the handler's return type against it, and the OpenAPI document lists it under
 * `components.schemas.<id>` — from which the frontend's types are generated (`npm run api:contract`).
 */
export const responseSchemas = z.registry<{ id: string }>();

/** A moment in time as answers carry it: ISO 8601 with its offset (Postgres' `to_json` gives `+00:00`). */
export const timestamp = z.iso.datetime({ offset: true });

/** A response schema under its OpenAPI name. */
export function named<S extends ZodType>(id: string, schema: S): S {
  responseSchemas.add(schema, { id });
  return schema;
}

/** A `{items, total}` page of `item`, named `<item's name>Page`. */
export function pageOf<S extends ZodType>(item: S) {
  const id = responseSchemas.get(item)?.id;
  if (!id) throw new Error('pageOf() needs a named item schema');
  return named(`${id}Page`, z.object({ items: z.array(item), total: z.number().int() }));
}

/** Every named schema as OpenAPI 3.0 components, referring to each other by `#/components/schemas/<id>`. */
export function responseComponents(): Record<string, object> {
  const { schemas } = z.toJSONSchema(responseSchemas, {
    target: 'openapi-3.0',
    uri: (id) => `#/components/schemas/${id}`,
    // Answers are described, not validated: `format` (uuid, date-time) without zod's long regexes, integers
    // without the safe-integer bounds, and no promise that an object never gains a field (additions are
    // compatible).
    override: ({ jsonSchema }) => {
      if (jsonSchema.format) delete jsonSchema.pattern;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  // `$id` is JSON Schema's, not a field of an OpenAPI 3.0 schema object.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _id, ...schema }]) => [id, schema]));
}

/** A route returns its schema's shape, or that shape already serialized (json-bodies.ts). */
type Returning<T> = (...args: never[]) => T | JsonBody<T> | Promise<T | JsonBody<T>>;

/**
 * The route's success answer: documented as the named schema under the route's status (201 for POST unless
 * `@HttpCode` says otherwise), and the method must return that shape (a compile error otherwise). It reads the
 * route's metadata, so it sits above `@Get`/`@Post`/`@HttpCode` (decorators apply bottom-up).
 */
export function Responds<S extends ZodType>(schema: S) {
  const id = responseSchemas.get(schema)?.id;
  if (!id) throw new Error('@Responds needs a schema made with named()');
  return <M extends Returning<z.output<S>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const method = descriptor.value;
    const verb: RequestMethod | undefined = method ? Reflect.getMetadata(METHOD_METADATA, method) : undefined;
    if (!method || verb === undefined)
      throw new Error(`@Responds on ${String(key)} must sit above its route decorator`);
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, method) ?? (verb === RequestMethod.POST ? 201 : 200);
    ApiResponse({ status, description: id, schema: { $ref: `#/components/schemas/${id}` } })(target, key, descriptor);
  };
}
