import type { CollectionSlug, Payload, RequestContext } from 'payload'

import type { DocId } from '@/lib/docId'
import { type CreateOptions, type Key, findByKey, findOrCreate } from '@/tools/findOrCreate'

/** What a seed run made, by collection (and 'settings'); empty when everything was there. */
export type SeedSummary = { created: Record<string, number> }

/**
 * Hooks are told not to revalidate: nothing is cached yet, and seeding may run outside Next.
 * A fresh context for every call: Payload and its plugins write flags into it while a call
 * runs (the storage plugin's skipCloudStorage), which must not leak into the next call.
 */
export const seedContext = (): RequestContext => ({ disableRevalidate: true })

/** One seed run: finds each item by its key and creates it only when missing, counting it. */
export const createSeeder = (payload: Payload) => {
  const created: Record<string, number> = {}
  const count = (what: string) => (created[what] = (created[what] ?? 0) + 1)
  return {
    payload,
    created,
    count,
    find: (collection: CollectionSlug, key: Key) =>
      findByKey(payload, collection, key, seedContext),
    /** Creates a document whose key the data cannot carry (a file's name), counting it. */
    create: async (
      collection: CollectionSlug,
      data: Record<string, unknown>,
      extra: Pick<CreateOptions, 'file'> = {},
    ): Promise<DocId> => {
      count(collection)
      const doc = await payload.create({
        collection,
        data,
        context: seedContext(),
        ...extra,
      } as never)
      return (doc as { id: DocId }).id
    },
    ensure: async (
      collection: CollectionSlug,
      key: Key,
      data: Record<string, unknown>,
      extra: Partial<Pick<CreateOptions, 'context' | 'draft' | 'file'>> = {},
    ): Promise<DocId> => {
      const done = await findOrCreate(payload, {
        collection,
        key,
        data,
        context: seedContext,
        ...extra,
      })
      if (done.created) count(collection)
      return done.id
    },
  }
}
export type Seeder = ReturnType<typeof createSeeder>

/** The natural keys the seed finds its items by. */
export const bySlug = (value: string): Key => ({ field: 'slug', value })
