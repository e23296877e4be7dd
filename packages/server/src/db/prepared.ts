import type { Db } from './open.ts';

/**
 * A query built once per database handle and then only executed. Building a Drizzle
 * query (walking the schema, rendering SQL) costs more CPU than running a small one, so
 * the statements every request runs — the session check, Today — are built here once;
 * on PostgreSQL they are also named statements, parsed once per connection.
 */
export function preparedFor<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
