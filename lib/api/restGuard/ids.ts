/** What an id looks like in the database in use. */
export type IdShape = 'number' | 'objectid' | 'any'

export const idShapeOf = (db: { name?: string; defaultIDType?: string }): IdShape =>
  db.defaultIDType === 'number' ? 'number' : db.name === 'mongoose' ? 'objectid' : 'any'

const ID_PATTERN: Record<IdShape, RegExp> = {
  number: /^\d{1,15}$/,
  objectid: /^[a-f0-9]{24}$/i,
  any: /^.{1,128}$/,
}

/** True when the text could be an id in this database. */
export const couldBeId = (shape: IdShape, text: string): boolean => ID_PATTERN[shape].test(text)

export type Refusal = { status: 400 | 404; message: string }
export const NOT_FOUND: Refusal = { status: 404, message: 'Not Found' }
