import { existsSync } from 'node:fs'
import path from 'node:path'

import type { SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { type IdShape, NOT_FOUND, type Refusal, couldBeId, idShapeOf } from './ids'

/** Route words every collection answers after its slug ('access' and 'versions' below). */
const COMMON = new Set(['count', 'distinct'])
/** Route words only sign-in collections answer, when the feature is on. */
const authRoutes = (c: SanitizedCollectionConfig): Set<string> => {
  if (!c.auth) return new Set()
  const words = ['first-register', 'forgot-password', 'init', 'login', 'logout', 'me']
  words.push('refresh-token', 'reset-password')
  if (c.auth.verify) words.push('verify')
  if (c.auth.maxLoginAttempts > 0) words.push('unlock')
  return new Set(words)
}

/**
 * The first word of the paths of the collection's own endpoints that say so (`custom: {
 * namedRoute: true }`, as /redirects/resolve does). Payload's own words stay under the rules
 * above: an auth feature that is off, say, keeps its route refused.
 */
const ownWords = (c: SanitizedCollectionConfig): Set<string> =>
  new Set(
    (Array.isArray(c.endpoints) ? c.endpoints : [])
      .filter((e) => e.custom?.namedRoute === true)
      .map((e) => e.path.split('/')[1] ?? '')
      .filter((word) => word && !word.startsWith(':')),
  )

const noHistory: Refusal = { status: 404, message: 'This keeps no version history.' }

/**
 * A file an upload collection serves, refused when it is not on disk. Files kept in a bucket
 * (S3) are looked up by the storage adapter, which answers 404 itself.
 */
const fileRefusal = (c: SanitizedCollectionConfig, name: string | undefined): Refusal | null => {
  if (!name) return NOT_FOUND
  if (typeof c.upload === 'object' && c.upload.disableLocalStorage) return null
  const dir = typeof c.upload === 'object' ? c.upload.staticDir : undefined
  if (!dir) return NOT_FOUND
  const file = path.resolve(dir, decodeURIComponent(name))
  return file.startsWith(path.resolve(dir) + path.sep) && existsSync(file) ? null : NOT_FOUND
}

const collectionRouteRefusal = (
  c: SanitizedCollectionConfig,
  shape: IdShape,
  [second, third, fourth]: (string | undefined)[],
): Refusal | null => {
  if (!second) return null
  if (second === 'versions') {
    if (!c.versions) return noHistory
    return third && !fourth && !couldBeId(shape, third) ? NOT_FOUND : null
  }
  if (second === 'file') return c.upload ? fileRefusal(c, third) : NOT_FOUND
  // A document's permissions: the dashboard always names the document.
  if (second === 'access') return third && couldBeId(shape, third) ? null : NOT_FOUND
  if (COMMON.has(second)) return null
  if (authRoutes(c).has(second)) return null
  // A collection's own endpoints named by a word (/redirects/resolve) route as they say.
  if (ownWords(c).has(second)) return null
  // Collections with endpoints of their own keyed by something else than an id (preferences
  // are keyed by name) route as they say.
  const ownKeys = Array.isArray(c.endpoints) && c.endpoints.some((e) => /^\/:(?!id\b)/.test(e.path))
  if (ownKeys) return null
  // Anything else is an id, possibly followed by an action on that document.
  if (!couldBeId(shape, second)) return NOT_FOUND
  return null
}

/** Why the path of a REST request names nothing that can answer, or null. */
export const routeRefusal = (config: SanitizedConfig, segments: string[]): Refusal | null => {
  const [first, second, third, fourth] = segments
  if (first === 'globals') {
    const global = config.globals.find((g) => g.slug === second)
    if (!global || third !== 'versions') return null
    if (!global.versions) return noHistory
    return fourth && !couldBeId(idShapeOf(config.db), fourth) ? NOT_FOUND : null
  }
  const collection = config.collections.find((c) => c.slug === first)
  if (!collection) return null
  return collectionRouteRefusal(collection, idShapeOf(config.db), [second, third, fourth])
}
