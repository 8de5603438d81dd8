import type { Client, InArgs, InStatement } from '@libsql/client'
import type { Payload } from 'payload'

// Asking SQLite itself how it runs what Payload sends: the statements a read makes, and each
// one's query plan. For the tests that hold a lookup to its index as the data grows.

export type Statement = { sql: string; args: InArgs }

const clientOf = (payload: Payload) => (payload.db as unknown as { client: Client }).client

/** Runs `read`, returning every statement it sent to the database. */
export const statementsOf = async (
  payload: Payload,
  read: () => Promise<unknown>,
): Promise<Statement[]> => {
  const client = clientOf(payload)
  const original = client.execute
  const seen: Statement[] = []
  client.execute = function (this: Client, q: InStatement) {
    seen.push(typeof q === 'string' ? { sql: q, args: [] } : { sql: q.sql, args: q.args ?? [] })
    return original.call(this, q)
  } as Client['execute']
  try {
    await read()
  } finally {
    client.execute = original
  }
  return seen
}

/**
 * SQLite's plan for a statement, its steps joined by "; ": `all` of them, and the statement's
 * `own` (parent 0), apart from those of its subqueries.
 */
export const queryPlan = async (
  payload: Payload,
  statement: Statement | string,
): Promise<{ own: string; all: string }> => {
  const { sql, args } = typeof statement === 'string' ? { sql: statement, args: [] } : statement
  const { rows } = await clientOf(payload).execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })
  const steps = (list: typeof rows) => list.map((r) => String(r.detail)).join('; ')
  return { own: steps(rows.filter((r) => Number(r.parent) === 0)), all: steps(rows) }
}
