import fc from 'fast-check';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';

/**
 * Property: whatever arrives at any route of the OpenAPI document — random and malformed bodies, parameters and
 * headers, NUL bytes and lone surrogates, invalid UTF-8, oversize and deeply nested payloads, forged tokens — the
 * answer is never a 5xx, every refusal is `{detail}`, and no body carries a stack trace or SQL.
 */

const BATCH = 50; // requests in flight at once
const RUNS = 210; // batches: 10,500 requests

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
};
interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body?: JsonSchema;
}
interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

const STACK_TRACE = /\bat [^\n]*\.(?:ts|js|mjs):\d+/;
// Case-sensitive, as the server writes them: SQL keywords in capitals, Postgres and JavaScript error texts as they
// read, so a fuzzed string echoed back in a 422 (an unknown field's name) cannot match by chance.
const INTERNALS =
  /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^\n]*\b(?:FROM|VALUES|SET|WHERE)\b|syntax error at|violates (?:unique|foreign key|check|not-null) constraint|duplicate key value|relation "|column "|invalid input syntax|TypeError|ReferenceError|RangeError|Cannot read properties|is not a function/;

/** Characters of every kind, with NUL and lone surrogates over-represented. */
const hostileChar = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constant('\u0000') },
);
const hostileText = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '🎓',
    "' OR '1'='1",
    '"; DROP TABLE identity.users; --',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '${7*7}{{7*7}}',
    '%00',
    'null',
    '-1',
    '1e309',
    'NaN',
    '__proto__',
  ),
  fc.string({ minLength: 300, maxLength: 5000 }),
);
const anyJson = fc.oneof(hostileText, fc.jsonValue({ maxDepth: 3 }), fc.integer(), fc.double(), fc.constant(null));

/** Bytes as a percent-encoded URL component: any bytes, including invalid UTF-8. */
const percentEncode = (bytes: Uint8Array) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const encodedText = (text: string) => percentEncode(new TextEncoder().encode(text));
const urlComponent = fc.oneof(
  hostileText.map(encodedText),
  fc.uint8Array({ maxLength: 20 }).map(percentEncode),
  fc.constantFrom('%ED%A0%80', '%C0%80', '%FF', '%', '%zz', '..', '.'),
);

/** Values that fit `schema` (those of the fixtures for ids), so requests get past validation often. */
function fitting(schema: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => fitting(s, ids)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'uri') return fc.webUrl();
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fitting(schema.items ?? {}, ids), { maxLength: 3 });
    case 'object':
      return fc.record(
        Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, field(s, ids)])),
        { requiredKeys: schema.required ?? [] },
      );
    default:
      return anyJson;
  }
}
/** Mostly a fitting value, sometimes a hostile one. */
const field = (schema: JsonSchema, ids: string[]) =>
  fc.oneof({ weight: 3, arbitrary: fitting(schema, ids) }, { weight: 1, arbitrary: anyJson });

const OVERSIZE = JSON.stringify({ title: 'x'.repeat(600 * 1024) });
const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);

function bodyFor(op: Operation, ids: string[]): fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> {
  const shaped = op.body
    ? fc
        .tuple(field(op.body, ids), fc.option(fc.tuple(hostileText, anyJson), { freq: 4 }))
        .map(([value, extra]) =>
          JSON.stringify(
            value !== null && typeof value === 'object' && extra ? { ...value, [extra[0]]: extra[1] } : value,
          ),
        )
    : fc.constant(undefined);
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: hostileChar, maxLength: 30 }).map((s) => `{"title": "${s}`) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 60 }).map((bytes) => new Uint8Array(bytes)) },
    { weight: 1, arbitrary: fc.constantFrom(OVERSIZE, DEEP, '', '{}', '[]', 'null', '{"__proto__": {"x": 1}}') },
  );
}

interface Tokens {
  real: string[];
  forged: string[];
}

function requestFor(op: Operation, ids: string[], tokens: Tokens, baseUrl: string): fc.Arbitrary<FuzzRequest> {
  const pathValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.uuid(), urlComponent);
  const queryParams = fc
    .tuple(
      fc.record(
        Object.fromEntries(
          Object.entries(op.query).map(([name, schema]) => [
            name,
            fc.oneof(
              fitting(schema, ids).map((v) => encodedText(String(v))),
              urlComponent,
            ),
          ]),
        ),
        { requiredKeys: [] },
      ),
      fc.option(fc.tuple(urlComponent, urlComponent), { freq: 5 }),
    )
    .map(([known, unknown]) => {
      const pairs = Object.entries(known).map(([k, v]) => `${k}=${v as string}`);
      if (unknown) pairs.push(`${unknown[0]}=${unknown[1]}`);
      return pairs.length > 0 ? `?${pairs.join('&')}` : '';
    });
  const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 60 });
  const authorization = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: fc.constantFrom(...tokens.real).map((t) => `Bearer ${t}`) },
    { weight: 2, arbitrary: fc.constantFrom(...tokens.forged).map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: headerText.map((t) => `Bearer ${t}`) },
    { weight: 1, arbitrary: fc.constantFrom('Bearer', 'Basic YTpi', 'bearer  x.y.z', 'Bearer a.b.c.d') },
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', ''),
  );
  const hasBody = !['GET', 'HEAD'].includes(op.method);
  return fc
    .record({
      params: fc.array(pathValue, { minLength: op.pathParams.length, maxLength: op.pathParams.length }),
      query: queryParams,
      authorization,
      contentType,
      body: hasBody ? bodyFor(op, ids) : fc.constant(undefined),
      forwardedFor: fc.option(headerText, { freq: 4 }),
      idempotencyKey: fc.option(headerText, { freq: 3 }),
    })
    .map((r) => {
      let i = 0;
      const path = op.path.replace(/\{\w+\}/g, () => r.params[i++]);
      const headers: Record<string, string> = {};
      if (r.authorization) headers.authorization = r.authorization;
      if (r.body !== undefined && r.contentType) headers['content-type'] = r.contentType;
      if (r.forwardedFor !== null) headers['x-forwarded-for'] = r.forwardedFor;
      if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
      return { method: op.method, url: `${baseUrl}${path}${r.query}`, headers, body: r.body };
    });
}

/** Tokens of real users, and forged ones: wrong key, wrong algorithm, expired, and well-signed nonsense claims. */
function tokensFor(secret: string, real: { id: string; token: string }[], admin: string): Tokens {
  const right = createSigner({ key: secret, algorithm: 'HS256', expiresIn: 600_000 });
  const id = real[0].id;
  const now = Math.floor(Date.now() / 1000);
  return {
    real: [...real.map((r) => r.token), admin],
    forged: [
      createSigner({ key: 'x'.repeat(40), algorithm: 'HS256' })({ sub: id, role: 'admin', is_verified: true }),
      createSigner({ key: secret, algorithm: 'HS512' })({ sub: id, role: 'admin', is_verified: true }),
      createSigner({ algorithm: 'none' })({ sub: id, role: 'admin', is_verified: true }),
      createSigner({ key: secret, algorithm: 'HS256' })({ sub: id, role: 'student', iat: now - 7200, exp: now - 3600 }),
      right({ sub: 'not-a-uuid', role: 'student', is_verified: true }),
      right({ sub: "1' OR '1'='1", role: 'admin' }),
      right({ sub: id }),
      right({ sub: id, role: 'superuser' }),
      right({ sub: 12, role: 'teacher', is_verified: 'yes' }),
      right({ sub: '00000000-0000-4000-8000-000000000000', role: 'admin', is_verified: true }),
      right({ sub: id, role: 'student', pad: 'x'.repeat(6000) }),
    ],
  };
}

let platform: TestPlatform;
const statusCounts = new Map<number, number>();

beforeAll(async () => {
  platform = await TestPlatform.start();
});
afterAll(async () => {
  const total = [...statusCounts.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...statusCounts.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  console.log(`fuzz: ${total} requests; by status ${byStatus.join(', ')}`);
  await platform?.stop();
});

describe('fuzzing every route of the OpenAPI document', () => {
  it(`answers ${BATCH * RUNS} hostile requests without a 5xx, a stack trace or SQL`, async () => {
    const http = platform.http;
    const actors = new Actors(http);
    const teacher = await actors.verifiedTeacher();
    const student = await actors.register('student');
    const course = await actors.course(teacher.token, { is_free: false, price: 10 });
    const module = (await http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    const lesson = (
      await http.post(`/api/course/modules/${module.id}/lessons`, { title: 'L', content: 'x' }, teacher.token)
    ).body;
    await platform.settle();
    const ids = [course.id, module.id, lesson.id, teacher.id, student.id];
    const tokens = tokensFor(platform.config.JWT_SECRET, [student, teacher], await actors.admin());

    const document = (await http.get('/api/docs/openapi.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string; schema: JsonSchema }[];
            requestBody?: { content: Record<string, { schema: JsonSchema }> };
          }
        >
      >;
    };
    const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema])),
        body: op.requestBody?.content['application/json']?.schema,
      })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(37);
    const request = fc.constantFrom(...operations).chain((op) => requestFor(op, ids, tokens, http.baseUrl));

    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await Promise.all(
          batch.map(async (r) => {
            const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
            return { request: r, status: response.status, text: await response.text() };
          }),
        );
        for (const { request: r, status, text } of answers) {
          statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
          const where = `${r.method} ${r.url.slice(0, 200)} → ${status} ${text.slice(0, 300)}`;
          expect(status, where).toBeLessThan(500);
          expect(text, where).not.toMatch(STACK_TRACE);
          if (status >= 400) {
            expect(text, where).not.toMatch(INTERNALS);
            expect(typeof JSON.parse(text).detail, where).toBe('string');
          }
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 300_000);
});
