/**
 * Why the database refused a write, when the reason is the storage and not the request: the disk
 * is full, the file or its disk cannot be written (read-only, an I/O error), or another process
 * (a long import, a restore) holds the write lock past our wait, or the database server cannot be
 * reached. Each is temporary from a
 * reader's point of view: nothing they sent was wrong, and the same request works once an
 * operator has acted. Classified from the driver's error codes, which arrive wrapped by Drizzle,
 * Payload or GraphQL (`cause`, `originalError`), so the whole chain is searched.
 */
export type StorageFailure = 'full' | 'unwritable' | 'busy' | 'unreachable'

const SQLITE_CODES: [RegExp, StorageFailure][] = [
  [/^SQLITE_FULL(_|$)/, 'full'],
  [/^SQLITE_(READONLY|IOERR|CANTOPEN|PERM)(_|$)/, 'unwritable'],
  [/^SQLITE_(BUSY|LOCKED)(_|$)/, 'busy'],
]

/** MongoDB's own codes: 14031 OutOfDiskSpace; 10107/13435 not a writable primary. */
const MONGO_CODES: Record<number, StorageFailure> = {
  14031: 'full',
  10107: 'unwritable',
  13435: 'unwritable',
}

const MONGO_UNREACHABLE = /^Mongo(ServerSelection|Network|NetworkTimeout)Error$/

const ownFailure = (error: Record<string, unknown>): StorageFailure | null => {
  const { code, name } = error
  if (typeof code === 'string') {
    for (const [pattern, failure] of SQLITE_CODES) if (pattern.test(code)) return failure
  }
  if (typeof code === 'number' && MONGO_CODES[code]) return MONGO_CODES[code]
  if (typeof name === 'string' && MONGO_UNREACHABLE.test(name)) return 'unreachable'
  return null
}

export const storageFailureOf = (error: unknown): StorageFailure | null => {
  const seen = new Set<unknown>()
  let current = error
  // A short walk: real chains are two or three deep, and a cycle must not hang a request.
  while (typeof current === 'object' && current !== null && !seen.has(current) && seen.size < 8) {
    seen.add(current)
    const e = current as Record<string, unknown>
    const failure = ownFailure(e)
    if (failure) return failure
    current = e.cause ?? e.originalError
  }
  return null
}

/**
 * What staff are told in the dashboard when a save fails: what happened and what to do. "May not
 * have been saved": Payload writes a save to SQLite statement by statement, so a fault that
 * begins partway through can leave part of it written, and saving again completes it. No colons
 * or commas: the dashboard's error notice reads a colon as the start of a list of field errors
 * and splits that list at each comma.
 */
export const STAFF_STORAGE_MESSAGES: Record<StorageFailure, string> = {
  full:
    'This change may not have been saved because the disk holding the database is full. Free ' +
    'some space on the server (or ask whoever runs it) and save again.',
  unwritable:
    'This change may not have been saved because the database cannot be written to (its file ' +
    'or disk is read-only or failing). Ask whoever runs the server to check it and save again.',
  busy:
    'This change may not have been saved because the database is busy with a long task such ' +
    'as an import or a restore. Please save again in a minute.',
  unreachable:
    'This change may not have been saved because the server cannot reach its database just ' +
    'now. Please save again in a minute.',
}

/** What anyone is told when a read (not a save) meets the same trouble. */
export const STORAGE_READ_MESSAGE =
  'The database cannot answer just now. Please try again in a few minutes.'

/** How long a client should wait before trying again, in seconds (the Retry-After header). */
export const STORAGE_RETRY_AFTER_SECONDS: Record<StorageFailure, number> = {
  full: 300,
  unwritable: 300,
  busy: 30,
  unreachable: 30,
}
