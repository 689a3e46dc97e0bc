/**
 * Queries prepared once per database: the hottest reads (the session of every request, the
 * case and its log of every case action) skip building their SQL each time, and on a real
 * PostgreSQL server they are named statements, parsed and planned once per connection. A
 * query given a transaction is built for it anew (a prepared query runs on the pool).
 */
import type { Executor } from './client.ts';

export function preparedPerDb<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const byDb = new WeakMap<Executor, Q>();
  return (db) => {
    let query = byDb.get(db);
    if (!query) byDb.set(db, (query = build(db)));
    return query;
  };
}
