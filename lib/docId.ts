/**
 * A Payload document's id: a number on SQLite with its default ids, a string on MongoDB (and on
 * SQLite with uuid ids). Code that keeps ids must not compare them as numbers.
 */
export type DocId = number | string
