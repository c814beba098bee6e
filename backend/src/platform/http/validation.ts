import { Body, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

/** A request that failed validation: 422 with a readable summary and the offending fields. */
export class ValidationFailed extends Error {
  constructor(
    readonly detail: string,
    readonly errors: { field: string; message: string }[],
  ) {
    super(detail);
  }
}

const NUL_OR_LONE_SURROGATE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A value met while walking a request, linked to its parent so a path is only built for the offender. */
interface Visit {
  value: unknown;
  key?: string | number;
  parent?: Visit;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The path (keys and indexes) of the first string in `value` that holds a NUL byte or a lone UTF-16 surrogate:
 * text Postgres cannot store (NUL in text, lone surrogates in jsonb) and no honest client sends.
 * Walks without recursion and in linear time, so a deeply nested body can neither exhaust the stack nor stall.
 */
export function findInvalidText(value: unknown): (string | number)[] | undefined {
  const pending: Visit[] = [{ value }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const current = visit.value;
    if (typeof current === 'string') {
      if (NUL_OR_LONE_SURROGATE.test(current)) return pathOf(visit);
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        pending.push({ value: current[index], key: index, parent: visit });
      }
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (NUL_OR_LONE_SURROGATE.test(key)) return pathOf(visit);
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return undefined;
}

export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: ZodType<T>,
    private readonly where: string,
  ) {}

  transform(value: unknown): T {
    const invalidAt = findInvalidText(value);
    if (invalidAt) {
      // A path into a deeply nested body is cut short: the answer names where, it does not echo the body.
      const shown = invalidAt.length > 8 ? [...invalidAt.slice(0, 8), '…'] : invalidAt;
      const field = shown.length > 0 ? shown.join('.') : this.where;
      const message = 'must be valid Unicode text without NUL bytes or unpaired surrogates';
      throw new ValidationFailed(`${field}: ${message}`, [{ field, message }]);
    }
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : this.where,
      message: issue.message,
    }));
    throw new ValidationFailed(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
}

function describe(target: object, key: string | symbol | undefined, decorator: MethodDecorator): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) decorator(target, key, descriptor);
}

/** The request body, validated by `schema` and documented in OpenAPI from the same schema. */
export function ValidBody<T>(schema: ZodType<T>): ParameterDecorator {
  return (target, key, index) => {
    // A JSON body that is not an object (e.g. `null`, `[]`) gets the same 422 as a wrong field.
    Body(new ZodPipe(z.unknown().pipe(schema), 'body'))(target, key, index);
    describe(
      target,
      key,
      ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object }),
    );
  };
}

/** The query string, validated and documented from one schema whose fields are query parameters. */
export function ValidQuery<T extends Record<string, unknown>>(schema: z.ZodObject & ZodType<T>): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema, 'query'))(target, key, index);
    for (const [name, field] of Object.entries(schema.shape)) {
      describe(
        target,
        key,
        ApiQuery({
          name,
          required: false,
          schema: z.toJSONSchema(field as ZodType, { io: 'input', unrepresentable: 'any' }) as object,
        }),
      );
    }
  };
}

const uuid = z.uuid({ error: 'must be a UUID' });

/** A path parameter that must be a UUID (422 otherwise, before any lookup). */
export function UuidParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ZodPipe(uuid, name))(target, key, index);
    describe(target, key, ApiParam({ name, format: 'uuid', type: 'string' }));
  };
}

/** Shared request-field schemas. */
export const fields = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Money accepted as number or decimal string, at most two decimals. */
  money: z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be a decimal amount like 49.99'),
    ])
    .transform((v) => Number(v))
    .pipe(z.number().min(0).max(99_999_999.99).multipleOf(0.01, 'has at most two decimals')),
  boolString: z.enum(['true', 'false']).transform((v) => v === 'true'),
};

/** `?limit=&offset=` of every paginated list (limit 1–100, default 20; offset ≥ 0). */
export const pageQuery = z.strictObject({ limit: fields.limit, offset: fields.offset });
export type PageQuery = z.infer<typeof pageQuery>;
