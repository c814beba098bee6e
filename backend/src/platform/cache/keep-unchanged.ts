/** A row as a query returns it: column → a primitive or an array of primitives. */
type Row = { readonly id: string };

function sameValues(a: object, b: object): boolean {
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  // Rows of one query have the same columns.
  for (const column in after) {
    const was = before[column];
    const is = after[column];
    if (was === is) continue;
    if (!Array.isArray(was) || !Array.isArray(is) || was.length !== is.length) return false;
    if (was.some((value, i) => value !== is[i])) return false;
  }
  return true;
}

/**
 * The freshly read `rows`, each replaced by its previous object where every value is the same. Caches keyed by
 * object identity (serialized response bodies) then stay valid across a reload for every row that did not
 * change: a reload of a thousand cards in which one counter moved re-serializes one card.
 */
export function keepUnchanged<T extends Row>(previous: ReadonlyMap<string, T> | undefined, rows: T[]): T[] {
  if (!previous) return rows;
  return rows.map((row) => {
    const old = previous.get(row.id);
    return old && sameValues(old, row) ? old : row;
  });
}
