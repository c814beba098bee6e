import { createHash } from 'node:crypto';
import {
  ChangeSetType,
  ReferenceKind,
  Utils,
  helper,
  type ChangeSet,
  type EntityMetadata,
  type EntityProperty,
} from '@mikro-orm/core';

/** One `INSERT`, `UPDATE` or `DELETE` of the command, written as a data-modifying `WITH` clause. */
interface Write {
  sql: string;
  /** Rows this write must change (a version check: 1) for the statement to stand; undefined when unchecked. */
  expectedRows?: number;
}

const qualified = (meta: EntityMetadata): string =>
  meta.schema ? `${quoteName(meta.schema)}.${quoteName(meta.tableName)}` : quoteName(meta.tableName);

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const property = (meta: EntityMetadata, name: string): EntityProperty | undefined =>
  (meta.properties as Record<string, EntityProperty | undefined>)[name];
const column = (meta: EntityMetadata, name: string): string => property(meta, name)!.fieldNames[0];
/** Aggregates here have single-column primary keys. */
const primaryKey = (meta: EntityMetadata): string => column(meta, meta.primaryKeys[0]);

/**
 * Everything one command writes — its aggregates' rows and their outbox events — as ONE SQL statement: one
 * round trip, atomic by itself, no transaction held open while Node works. Each write is a data-modifying
 * `WITH` clause; every root row updated is version-guarded (`… AND version = v`), rows that must be new are
 * inserted `ON CONFLICT DO NOTHING`, and `platform.expect_rows` refuses the whole statement (SQLSTATE 40001)
 * unless every guarded write changed the rows it expected, so a concurrent command is detected exactly as a
 * transaction's version check would, and nothing half-written stays.
 * The text depends only on the command's shape (tables, columns, row counts), so it is prepared once per
 * connection and reused (the statement name is a hash of the text).
 */
export class CommandStatement {
  private readonly writes: Write[] = [];
  private readonly values: unknown[] = [];

  get isEmpty(): boolean {
    return this.writes.length === 0;
  }

  /** Adds a MikroORM change set: a new row, the changed columns of a loaded one, or a deleted one. */
  addChangeSet(changeSet: ChangeSet<object>, versionGuard: { expected: number } | undefined): void {
    const { meta } = changeSet;
    if (changeSet.type === ChangeSetType.CREATE) {
      this.insert(qualified(meta), [this.columns(meta, changeSet.payload)]);
    } else if (changeSet.type === ChangeSetType.UPDATE) {
      const columns = this.columns(meta, changeSet.payload);
      // The guard moves the version itself, from the value the command read.
      if (versionGuard) columns.delete(column(meta, meta.versionProperty!));
      this.update(meta, changeSet.getPrimaryKey(), columns, versionGuard);
    } else if (changeSet.type === ChangeSetType.DELETE) {
      this.writes.push({
        sql: `DELETE FROM ${qualified(meta)} WHERE ${quoteName(primaryKey(meta))} = ${this.param(changeSet.getPrimaryKey())}`,
      });
    } else {
      throw new Error(`unsupported change set type ${changeSet.type}`);
    }
  }

  /** A root whose children changed but whose own row did not still moves its version (see AggregateActors). */
  bumpVersion(meta: EntityMetadata, id: unknown, expected: number): void {
    this.update(meta, id, new Map(), { expected });
  }

  /**
   * Rows of one table, all with the same columns. With `onlyNew`, rows that exist already are not written and
   * the whole statement is refused (as by a version check) unless every row was new.
   */
  insert(table: string, rows: Map<string, unknown>[], { onlyNew = false } = {}): void {
    const columns = [...rows[0].keys()];
    const tuples = rows.map((row) => `(${columns.map((column) => this.param(row.get(column))).join(', ')})`);
    const sql = `INSERT INTO ${table} (${columns.map(quoteName).join(', ')}) VALUES ${tuples.join(', ')}`;
    this.writes.push(onlyNew ? { sql: `${sql} ON CONFLICT DO NOTHING`, expectedRows: rows.length } : { sql });
  }

  /** The statement and its parameters, named for reuse as a prepared statement. */
  build(): { name: string; text: string; values: unknown[] } {
    const checked = this.writes.flatMap((write, i) => (write.expectedRows ? [i] : []));
    const clauses = this.writes.map((write, i) => `w${i} AS (${write.sql}${write.expectedRows ? ' RETURNING 1' : ''})`);
    const expected = checked.reduce((sum, i) => sum + this.writes[i].expectedRows!, 0);
    const matched = checked.map((i) => `(SELECT count(*) FROM w${i})`).join(' + ');
    const check = checked.length ? `platform.expect_rows(${matched}, ${expected})` : '1';
    const text = `WITH ${clauses.join(',\n')}\nSELECT ${check} AS checked`;
    return { name: `cmd-${createHash('sha1').update(text).digest('base64url')}`, text, values: this.values };
  }

  private update(
    meta: EntityMetadata,
    id: unknown,
    columns: Map<string, unknown>,
    versionGuard: { expected: number } | undefined,
  ): void {
    const assignments = [...columns].map(([column, value]) => `${quoteName(column)} = ${this.param(value)}`);
    let where = `${quoteName(primaryKey(meta))} = ${this.param(id)}`;
    if (versionGuard) {
      const version = quoteName(column(meta, meta.versionProperty!));
      assignments.push(`${version} = ${version} + 1`);
      where += ` AND ${version} = ${this.param(versionGuard.expected)}`;
    }
    if (assignments.length === 0) return;
    this.writes.push({
      sql: `UPDATE ${qualified(meta)} SET ${assignments.join(', ')} WHERE ${where}`,
      expectedRows: versionGuard ? 1 : undefined,
    });
  }

  /**
   * Column → value for the properties in a change set's payload. The payload already holds database values
   * (custom types converted by MikroORM's change set computer); a reference becomes its primary key.
   */
  private columns(meta: EntityMetadata, payload: Record<string, unknown>): Map<string, unknown> {
    const columns = new Map<string, unknown>();
    for (const [name, value] of Object.entries(payload)) {
      const prop = property(meta, name);
      if (!prop || prop.persist === false) continue;
      if (prop.kind !== ReferenceKind.SCALAR && prop.kind !== ReferenceKind.MANY_TO_ONE) {
        throw new Error(`${meta.className}.${name}: only scalar and many-to-one properties are written`);
      }
      columns.set(prop.fieldNames[0], Utils.isEntity(value) ? helper(value).getPrimaryKey() : value);
    }
    return columns;
  }

  private param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
