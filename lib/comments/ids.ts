import type { DocId } from '@/lib/docId'

/**
 * The id of a relationship value as a string, whether Payload gave the id (number on SQLite,
 * string on MongoDB) or the populated document; null when there is none.
 */
export const relationId = (value: unknown): string | null => {
  if (value == null || value === '') return null
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}

/**
 * The id of a relationship value as the database stores it (a number on SQLite, a string on
 * MongoDB), for writing back into a relationship field; null when there is none.
 */
export const storedId = (value: unknown): DocId | null => {
  const isId = (v: unknown): v is DocId => typeof v === 'number' || typeof v === 'string'
  if (isId(value)) return value
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : null
  return isId(id) ? id : null
}
