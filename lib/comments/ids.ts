/**
 * The id of a relationship value as a string, whether Payload gave the id (number on SQLite,
 * string on MongoDB) or the populated document; null when there is none.
 */
export const relationId = (value: unknown): string | null => {
  if (value == null || value === '') return null
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}
