import fs from 'node:fs'

import type { DatabaseAdapterObj } from 'payload'

/** Every adapter method that reads or writes data; lifecycle and transaction calls are left out. */
const DATA_OPERATIONS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/**
 * When INKWELL_QUERY_LOG names a file, each database operation appends one line to it
 * ("find posts"), whatever the adapter. The benchmark counts the lines during a burst of cached
 * page views to prove they cost no database work. Off (and free) unless the variable is set.
 */
export const withQueryLog = (
  adapter: DatabaseAdapterObj,
  logFile = process.env.INKWELL_QUERY_LOG,
): DatabaseAdapterObj => {
  if (!logFile) return adapter
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as unknown as Record<string, unknown>
      // Opened once: appendFileSync would open and close the file on every operation, a cost
      // the comment flood's profile showed beside the work being counted.
      const fd = fs.openSync(logFile, 'a')
      for (const name of DATA_OPERATIONS) {
        const operation = db[name]
        if (typeof operation !== 'function') continue
        db[name] = function (this: unknown, ...params: unknown[]) {
          const target = (params[0] as { collection?: string; slug?: string } | undefined) ?? {}
          fs.writeSync(fd, `${name} ${target.collection ?? target.slug ?? ''}\n`)
          return operation.apply(this, params)
        }
      }
      return db as unknown as ReturnType<DatabaseAdapterObj['init']>
    },
  }
}
