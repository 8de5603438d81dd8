import { type Field, type SanitizedConfig, flattenTopLevelFields } from 'payload'

/**
 * Requests Payload's REST API answers with a 500 because it takes them as far as the database
 * before finding them malformed: the version history of something that keeps none, an id that
 * cannot exist in this database, a filter comparing an id or a date with words. Each gets the
 * 4xx it deserves here, with a clear message, before Payload sees it.
 */
type Refusal = { status: 400 | 404; message: string }

/** Words after a collection's slug that name one of Payload's routes, not a document id. */
const COLLECTION_ROUTES = new Set([
  'access',
  'count',
  'distinct',
  'file',
  'first-register',
  'forgot-password',
  'init',
  'login',
  'logout',
  'me',
  'refresh-token',
  'reset-password',
  'unlock',
  'verify',
  'versions',
])

type IdShape = 'number' | 'objectid' | 'any'

/** What an id looks like in the database in use. */
export const idShapeOf = (db: { name?: string; defaultIDType?: string }): IdShape =>
  db.defaultIDType === 'number' ? 'number' : db.name === 'mongoose' ? 'objectid' : 'any'

const ID_PATTERN: Record<IdShape, RegExp> = {
  number: /^\d{1,15}$/,
  objectid: /^[a-f0-9]{24}$/i,
  any: /^.{1,128}$/,
}

const fieldNamed = (fields: Field[], name: string): Field | undefined =>
  fields.find((f) => 'name' in f && f.name === name)

/** The top-level field a filter names, and its last operator, from `where[...]` keys. */
const filterTarget = (key: string): { field: string; operator: string } | null => {
  const parts = [...key.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '')
  const words = parts.filter((p) => !/^\d+$/.test(p) && p !== 'and' && p !== 'or')
  if (!key.startsWith('where[') || words.length !== 2) return null
  return { field: words[0]!, operator: words[1]! }
}

const isIdField = (field: Field | undefined, name: string) =>
  name === 'id' || (field && (field.type === 'relationship' || field.type === 'upload'))

const whereRefusal = (fields: Field[], shape: IdShape, params: URLSearchParams): Refusal | null => {
  if (params.has('where')) {
    return { status: 400, message: 'Write filters as where[field][operator]=value.' }
  }
  for (const [key, raw] of params) {
    const target = filterTarget(key)
    if (!target || target.operator === 'exists') continue
    const field = fieldNamed(fields, target.field)
    if (target.operator === 'near' && field?.type !== 'point') {
      return { status: 400, message: `"near" filters need a point field; ${target.field} is not.` }
    }
    // Polymorphic relationships are filtered by { relationTo, value } and are left to Payload.
    const polymorphic = field && 'relationTo' in field && Array.isArray(field.relationTo)
    const values = raw.split(',').filter(Boolean)
    if (isIdField(field, target.field) && !polymorphic) {
      const bad = values.find((v) => !ID_PATTERN[shape].test(v))
      if (bad !== undefined)
        return { status: 400, message: `${target.field}: "${bad}" is not an id.` }
    }
    if (field?.type === 'date' && values.some((v) => Number.isNaN(Date.parse(v)))) {
      return { status: 400, message: `${target.field} is a date; give one like 2026-01-31.` }
    }
  }
  return null
}

/** Why a REST request would fail, or null when Payload can answer it properly. */
export const restRefusal = (
  config: SanitizedConfig,
  segments: string[],
  url: URL,
): Refusal | null => {
  const [first, second, third, fourth] = segments
  const noHistory: Refusal = { status: 404, message: 'This keeps no version history.' }
  if (first === 'globals') {
    const global = config.globals.find((g) => g.slug === second)
    return global && third === 'versions' && !global.versions ? noHistory : null
  }
  const collection = config.collections.find((c) => c.slug === first)
  if (!collection) return null
  const shape = idShapeOf(config.db)
  if (second === 'versions') {
    if (!collection.versions) return noHistory
    if (third && !fourth && !ID_PATTERN[shape].test(third))
      return { status: 404, message: 'Not Found' }
  }
  if (second && !third && !COLLECTION_ROUTES.has(second) && !ID_PATTERN[shape].test(second)) {
    return { status: 404, message: 'Not Found' }
  }
  // Fields laid out in rows and tabs are still top-level fields to a filter.
  return whereRefusal(flattenTopLevelFields(collection.fields) as Field[], shape, url.searchParams)
}

type RouteArgs = { params: Promise<{ slug: string[] }> }
type Route = (request: Request, args: RouteArgs) => Promise<Response>

/** Wraps one of Payload's REST handlers with the checks above. */
export const guardRest =
  (config: Promise<SanitizedConfig>, handler: Route): Route =>
  async (request, args) => {
    const { slug = [] } = await args.params
    const refusal = restRefusal(await config, slug, new URL(request.url))
    if (!refusal) return handler(request, args)
    return Response.json({ errors: [{ message: refusal.message }] }, { status: refusal.status })
  }
