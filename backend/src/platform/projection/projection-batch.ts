import pg from 'pg';
import type { SqlClient } from '../database/pg-pool.js';

type Row = Record<string, unknown>;

/**
 * How rows with one key fold together inside a batch, and how the folded rows reach their table:
 * - `newer`: a snapshot; the highest `version` wins, in the batch and against the stored row;
 * - `once`: inserted when no row with the key exists;
 * - `add`: counters (numbers, or arrays of numbers added slot by slot); deltas are summed, then added to the
 *   stored row (created when missing, unless `add-existing`);
 * - `greatest`: each column keeps its greatest value (e.g. a last-active time).
 */
type FoldKind = 'newer' | 'once' | 'add' | 'add-existing' | 'greatest';

interface Fold {
  table: string;
  kind: FoldKind;
  key: readonly string[];
  rows: Map<string, Row>;
}

// Creations first, so counters find the rows a batch creates.
const PHASE: Record<FoldKind, number> = { newer: 0, once: 0, add: 1, 'add-existing': 1, greatest: 1 };

const id = (column: string): string => pg.escapeIdentifier(column);
const list = (columns: readonly string[], prefix = ''): string => columns.map((c) => prefix + id(c)).join(', ');

/** Numbers add; arrays of numbers add slot by slot; anything else (a key) stays as it is. */
function addDeltas(stored: unknown, next: unknown): unknown {
  if (typeof next === 'number') return Number(stored ?? 0) + next;
  if (Array.isArray(next)) return next.map((n: number, i) => n + Number((stored as number[] | undefined)?.[i] ?? 0));
  return next;
}

function mergeRows(kind: FoldKind, stored: Row, next: Row): Row {
  switch (kind) {
    case 'newer':
      return Number(next.version) >= Number(stored.version) ? next : stored;
    case 'once':
      return stored;
    case 'add':
    case 'add-existing': {
      const sum: Row = { ...stored };
      for (const [column, value] of Object.entries(next)) sum[column] = addDeltas(sum[column], value);
      return sum;
    }
    case 'greatest': {
      const max: Row = { ...stored };
      for (const [column, value] of Object.entries(next)) {
        if (max[column] === undefined || (value as number | string) > (max[column] as number | string)) {
          max[column] = value;
        }
      }
      return max;
    }
  }
}

/**
 * One statement per table and kind. Rows travel as one JSON literal read back as the table's own row type
 * (`jsonb_populate_recordset`), so column types come from the table; inserted rows go in key order, so
 * concurrent batches lock shared rows in the same order. Literals (escaped by pg) rather than parameters let
 * a batch send all its statements and its COMMIT in one round trip.
 */
function flushStatement(fold: Fold, columns: readonly string[], arrays: ReadonlySet<string>, rows: string): string {
  const { table, key } = fold;
  const source = `jsonb_populate_recordset(NULL::${table}, ${pg.escapeLiteral(rows)}::jsonb)`;
  const values = columns.filter((c) => !key.includes(c));
  const plus = (stored: string, delta: string, c: string): string =>
    arrays.has(c)
      ? `ARRAY(SELECT a + b FROM unnest(${stored}, ${delta}) WITH ORDINALITY AS x(a, b, i) ORDER BY i)`
      : `${stored} + ${delta}`;
  const insert = `INSERT INTO ${table} AS t (${list(columns)}) SELECT ${list(columns)} FROM ${source} ORDER BY ${list(key)}`;
  const conflict = `ON CONFLICT (${list(key)})`;
  switch (fold.kind) {
    case 'newer':
      return `${insert} ${conflict} DO UPDATE SET ${values.map((c) => `${id(c)} = EXCLUDED.${id(c)}`).join(', ')}
              WHERE t.version < EXCLUDED.version`;
    case 'once':
      return `${insert} ON CONFLICT DO NOTHING`;
    case 'add':
      return `${insert} ${conflict} DO UPDATE SET ${values.map((c) => `${id(c)} = ${plus(`t.${id(c)}`, `EXCLUDED.${id(c)}`, c)}`).join(', ')}`;
    case 'add-existing':
      return `UPDATE ${table} AS t SET ${values.map((c) => `${id(c)} = ${plus(`t.${id(c)}`, `v.${id(c)}`, c)}`).join(', ')}
                FROM ${source} AS v WHERE ${key.map((c) => `t.${id(c)} = v.${id(c)}`).join(' AND ')}`;
    case 'greatest':
      return `${insert} ${conflict} DO UPDATE SET ${values.map((c) => `${id(c)} = greatest(t.${id(c)}, EXCLUDED.${id(c)})`).join(', ')}`;
  }
}

/**
 * The changes of one batch of events to one projection's tables. Handlers record row changes here; changes
 * to the same row fold together (200 enrollments in one course become one `+ 200`), and `statements()`
 * writes each table with one statement. `sql` is the batch's transaction, for reads and for the rare change
 * that must happen at once.
 */
export class ProjectionBatch {
  private readonly folds = new Map<string, Fold>();
  private readonly memos = new Map<string, Promise<unknown>>();

  constructor(readonly sql: SqlClient) {}

  /** A snapshot row with a `version` column: inserted, or replacing the stored row when newer. */
  upsertNewer(table: string, key: readonly string[], row: object): void {
    this.fold(table, 'newer', key, { ...row });
  }

  /** Inserted unless a row with the same key exists. */
  insertOnce(table: string, key: readonly string[], row: object): void {
    this.fold(table, 'once', key, { ...row });
  }

  /** Adds `deltas` to counters of the row at `key`; the row is created with them when missing, unless `existingOnly`. */
  increment(
    table: string,
    key: Row,
    deltas: Record<string, number | number[]>,
    options: { existingOnly?: boolean } = {},
  ): void {
    this.fold(table, options.existingOnly ? 'add-existing' : 'add', Object.keys(key), { ...key, ...deltas });
  }

  /** Each column of the row at `key` keeps the greatest value it has seen (created when missing). */
  keepGreatest(table: string, key: Row, values: Row): void {
    this.fold(table, 'greatest', Object.keys(key), { ...key, ...values });
  }

  /** Remembers a value loaded ahead for the batch's handlers (see Projection.prepare). */
  remember(key: string, value: unknown): void {
    this.memos.set(key, Promise.resolve(value));
  }

  /** Loads a value once per batch (e.g. a course title several events of the batch need). */
  memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.memos.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.memos.set(key, value);
    }
    return value;
  }

  /** The statements that write the batch's folded changes, creations first. */
  statements(): string[] {
    return [...this.folds.values()]
      .sort((a, b) => PHASE[a.kind] - PHASE[b.kind] || a.table.localeCompare(b.table) || a.kind.localeCompare(b.kind))
      .map((fold) => this.write(fold));
  }

  private fold(table: string, kind: FoldKind, key: readonly string[], row: Row): void {
    const foldKey = `${kind}\u0000${table}`;
    let fold = this.folds.get(foldKey);
    if (!fold) {
      fold = { table, kind, key, rows: new Map() };
      this.folds.set(foldKey, fold);
    }
    const rowKey = JSON.stringify(key.map((c) => row[c]));
    const stored = fold.rows.get(rowKey);
    fold.rows.set(rowKey, stored ? mergeRows(kind, stored, row) : row);
  }

  private write(fold: Fold): string {
    const rows = [...fold.rows.values()];
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const arrays = new Set(columns.filter((c) => rows.some((row) => Array.isArray(row[c]))));
    // A counter a row did not touch adds nothing.
    if (fold.kind === 'add' || fold.kind === 'add-existing') {
      const zeros = (c: string) =>
        Array(Math.max(...rows.map((row) => (row[c] as unknown[] | undefined)?.length ?? 0))).fill(0);
      for (const row of rows) for (const c of columns) row[c] ??= arrays.has(c) ? zeros(c) : 0;
    }
    return flushStatement(fold, columns, arrays, JSON.stringify(rows));
  }
}
