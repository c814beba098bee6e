import pg from 'pg';
import type { SqlClient } from '../database/pg-pool.js';

type Row = Record<string, unknown>;

/**
 * How rows with one key fold together inside a batch, and how the folded rows reach their table:
 * - `newer`: a snapshot; the highest `version` wins, in the batch and against the stored row;
 * - `once`: inserted when no row with the key exists;
 * - `add`: counters; deltas are summed, then added to the stored row (created when missing unless `existing`);
 * - `greatest`: each column keeps its greatest value (e.g. a last-active time).
 */
type FoldKind = 'newer' | 'once' | 'add' | 'add-existing' | 'greatest';

interface Fold {
  table: string;
  kind: FoldKind;
  key: readonly string[];
  rows: Map<string, Row>;
}

// Creations first, so counters and later statements find the rows a batch creates.
const PHASE: Record<FoldKind, number> = { newer: 0, once: 0, add: 2, 'add-existing': 2, greatest: 2 };

const id = (column: string): string => pg.escapeIdentifier(column);
const list = (columns: readonly string[], prefix = ''): string => columns.map((c) => prefix + id(c)).join(', ');

function mergeRows(kind: FoldKind, stored: Row, next: Row): Row {
  switch (kind) {
    case 'newer':
      return Number(next.version) >= Number(stored.version) ? next : stored;
    case 'once':
      return stored;
    case 'add':
    case 'add-existing': {
      const sum: Row = { ...stored };
      for (const [column, value] of Object.entries(next)) {
        sum[column] = typeof value === 'number' ? Number(sum[column] ?? 0) + value : value;
      }
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
 * One flush statement per table and kind. Rows travel as one JSON parameter read back as the table's own row
 * type (`jsonb_populate_recordset`), so column types come from the table, and rows go in key order, so
 * concurrent batches lock shared rows in the same order.
 */
function flushStatement(fold: Fold, columns: readonly string[]): string {
  const { table, key } = fold;
  const source = `jsonb_populate_recordset(NULL::${table}, $1::jsonb)`;
  const values = columns.filter((c) => !key.includes(c));
  const insert = `INSERT INTO ${table} AS t (${list(columns)}) SELECT ${list(columns)} FROM ${source} ORDER BY ${list(key)}`;
  const conflict = `ON CONFLICT (${list(key)})`;
  switch (fold.kind) {
    case 'newer':
      return `${insert} ${conflict} DO UPDATE SET ${values.map((c) => `${id(c)} = EXCLUDED.${id(c)}`).join(', ')}
              WHERE t.version < EXCLUDED.version`;
    case 'once':
      return `${insert} ON CONFLICT DO NOTHING`;
    case 'add':
      return `${insert} ${conflict} DO UPDATE SET ${values.map((c) => `${id(c)} = t.${id(c)} + EXCLUDED.${id(c)}`).join(', ')}`;
    case 'add-existing':
      return `UPDATE ${table} AS t SET ${values.map((c) => `${id(c)} = t.${id(c)} + v.${id(c)}`).join(', ')}
                FROM ${source} AS v WHERE ${key.map((c) => `t.${id(c)} = v.${id(c)}`).join(' AND ')}`;
    case 'greatest':
      return `${insert} ${conflict} DO UPDATE SET ${values.map((c) => `${id(c)} = greatest(t.${id(c)}, EXCLUDED.${id(c)})`).join(', ')}`;
  }
}

/**
 * The changes of one batch of events to one projection's tables. Handlers record row changes here; changes
 * to the same row fold together (200 enrollments in one course become one `+ 200`), and `flush` writes each
 * table with one statement. `sql` is the batch's transaction, for reads and for changes that must happen
 * at once; `run` queues a statement for after the batch's rows are created.
 */
export class ProjectionBatch {
  private readonly folds = new Map<string, Fold>();
  private readonly statements: { text: string; values: unknown[] }[] = [];
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
  increment(table: string, key: Row, deltas: Record<string, number>, options: { existingOnly?: boolean } = {}): void {
    this.fold(table, options.existingOnly ? 'add-existing' : 'add', Object.keys(key), { ...key, ...deltas });
  }

  /** Each column of the row at `key` keeps the greatest value it has seen (created when missing). */
  keepGreatest(table: string, key: Row, values: Row): void {
    this.fold(table, 'greatest', Object.keys(key), { ...key, ...values });
  }

  /** A statement run in event order after the batch's rows are created, before counters are added. */
  run(text: string, values: unknown[]): void {
    this.statements.push({ text, values });
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

  async flush(): Promise<void> {
    const folds = [...this.folds.values()].sort(
      (a, b) => PHASE[a.kind] - PHASE[b.kind] || a.table.localeCompare(b.table) || a.kind.localeCompare(b.kind),
    );
    for (const fold of folds.filter((f) => PHASE[f.kind] === 0)) await this.write(fold);
    for (const { text, values } of this.statements) await this.sql.query(text, values);
    for (const fold of folds.filter((f) => PHASE[f.kind] > 0)) await this.write(fold);
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

  private async write(fold: Fold): Promise<void> {
    const rows = [...fold.rows.values()];
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    // A counter a row did not touch adds nothing.
    if (fold.kind === 'add' || fold.kind === 'add-existing') {
      for (const row of rows) for (const c of columns) row[c] ??= 0;
    }
    await this.sql.query(flushStatement(fold, columns), [JSON.stringify(rows)]);
  }
}
