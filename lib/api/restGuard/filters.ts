import {
  type Field,
  type SanitizedCollectionConfig,
  type SanitizedConfig,
  flattenTopLevelFields,
} from 'payload'

import { type IdShape, type Refusal, couldBeId, idShapeOf } from './ids'

/**
 * Filters (`where[...]`, also inside `joins[...]`) and paging numbers that Payload would carry to
 * the database and fail on with a 500: an id or a date compared with words, a geometry operator
 * on a field that has no geometry, an empty list, a malformed key.
 */
type Target = { kind: 'id' | 'date' | 'number' | 'point' | 'other' | 'no-parts' }

const SHAPE_HELP = 'Write filters as where[field][operator]=value.'
const bad = (message: string): Refusal => ({ status: 400, message })

const fieldsOf = (fields: Field[]) => flattenTopLevelFields(fields) as Field[]
const named = (fields: Field[], name: string) =>
  fieldsOf(fields).find((f) => 'name' in f && f.name === name)

/** What a dotted field path ends at: `post.publishedAt`, `meta.image`, `document.value`. */
const resolve = (config: SanitizedConfig, fields: Field[], parts: string[]): Target | null => {
  const [head, ...rest] = parts
  if (head === 'id' && rest.length === 0) return { kind: 'id' }
  const field = head ? named(fields, head) : undefined
  if (!field) return null
  if (field.type === 'relationship' || field.type === 'upload') {
    if (Array.isArray(field.relationTo)) {
      if (rest.length === 0 || (rest.length === 1 && rest[0] === 'value')) return { kind: 'id' }
      return { kind: 'other' }
    }
    if (rest.length === 0) return { kind: 'id' }
    const related = config.collections.find((c) => c.slug === field.relationTo)
    return related ? resolve(config, related.fields, rest) : null
  }
  if ((field.type === 'group' || field.type === 'array') && rest.length) {
    return resolve(config, field.fields, rest)
  }
  // Only JSON has parts of its own to filter on; a path into anything else cannot match.
  if (rest.length) return field.type === 'json' ? { kind: 'other' } : { kind: 'no-parts' }
  if (field.type === 'date') return { kind: 'date' }
  if (field.type === 'number') return { kind: 'number' }
  if (field.type === 'point') return { kind: 'point' }
  return { kind: 'other' }
}

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEOMETRY = new Set(['near', 'within', 'intersects'])
const COMPARING = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

const valueRefusal = (
  path: string,
  operator: string,
  target: Target,
  raw: string,
  shape: IdShape,
) => {
  if (target.kind === 'no-parts') return bad(`${path}: there is nothing to filter on there.`)
  if (GEOMETRY.has(operator) && target.kind !== 'point')
    return bad(`"${operator}" filters need a point field; ${path} is not one.`)
  const values = LIST_OPERATORS.has(operator) ? raw.split(',').filter(Boolean) : [raw]
  if (LIST_OPERATORS.has(operator) && values.length === 0)
    return bad(`${path}: "${operator}" needs at least one value.`)
  if (!COMPARING.has(operator)) return null
  if (target.kind === 'id') {
    const wrong = values.find((v) => !couldBeId(shape, v))
    if (wrong !== undefined) return bad(`${path}: "${wrong}" is not an id.`)
  }
  if (target.kind === 'date' && values.some((v) => Number.isNaN(Date.parse(v))))
    return bad(`${path} is a date; give one like 2026-01-31.`)
  if (target.kind === 'number' && values.some((v) => !Number.isFinite(Number(v))))
    return bad(`${path} is a number.`)
  return null
}

/** The field path and operator of one filter key's brackets, or null when it has no shape. */
const parseFilter = (parts: string[]): { path: string; operator: string } | null => {
  let i = 0
  while (parts[i] === 'and' || parts[i] === 'or') {
    if (!/^\d+$/.test(parts[i + 1] ?? '')) return null
    i += 2
  }
  const [path, operator, ...rest] = parts.slice(i)
  if (!path || !operator) return null
  if (rest.length > 1 || (rest.length === 1 && !/^\d+$/.test(rest[0]!))) return null
  return { path, operator }
}

const versionFields = (c: SanitizedCollectionConfig): Field[] => [
  { name: 'parent', type: 'relationship', relationTo: c.slug },
  { name: 'version', type: 'group', fields: c.fields },
]

/** Why the query string (filters, joins, paging) would fail, or null. */
export const filterRefusal = (
  config: SanitizedConfig,
  collection: SanitizedCollectionConfig,
  params: URLSearchParams,
  { versions = false } = {},
): Refusal | null => {
  const shape = idShapeOf(config.db)
  const own = versions ? [...versionFields(collection), ...collection.fields] : collection.fields
  for (const name of ['page', 'limit', 'depth']) {
    const value = params.get(name)
    if (value !== null && !/^\d{1,9}$/.test(value)) return bad(`${name} must be a whole number.`)
  }
  if (params.has('where')) return bad(SHAPE_HELP)
  for (const [key, raw] of params) {
    const parts = [...key.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')
    let fields = own
    if (key.startsWith('joins[') && parts[1] === 'where') {
      const join = named(collection.fields, parts[0]!)
      const joined =
        join?.type === 'join' && config.collections.find((c) => c.slug === join.collection)
      if (!joined) continue
      fields = joined.fields
      parts.splice(0, 2)
    } else if (!key.startsWith('where[')) continue
    const filter = parseFilter(parts)
    if (!filter) return bad(SHAPE_HELP)
    if (filter.operator === 'exists') continue
    const target = resolve(config, fields, filter.path.split('.'))
    if (!target) continue // a field Payload does not know: it answers that itself
    const refusal = valueRefusal(filter.path, filter.operator, target, raw, shape)
    if (refusal) return refusal
  }
  return null
}
