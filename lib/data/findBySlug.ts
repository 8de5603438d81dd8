import 'server-only'

import type {
  CollectionSlug,
  FindOptions,
  SelectType,
  TransformCollectionWithSelect,
  TypedCollectionSelect,
  Where,
} from 'payload'

import { getPayloadClient } from './payload'

type Query<S extends CollectionSlug, T extends TypedCollectionSelect[S] & SelectType> = Omit<
  FindOptions<S, T>,
  'collection' | 'where' | 'limit' | 'pagination' | 'overrideAccess'
> & {
  /** Narrows the match further (published versions only, say). */
  where?: Where
  /** The field that names a document in its address: `slug`, or a redirect's `from`. */
  by?: string
}

/**
 * The one document at a slug that the visitor may see (the collection's read rules apply), with
 * the depth, select and populate the caller asks for; null when there is none.
 */
export const findBySlug = async <
  S extends CollectionSlug,
  T extends TypedCollectionSelect[S] & SelectType,
>(
  collection: S,
  slug: string,
  { by = 'slug', where, ...query }: Query<S, T>,
): Promise<TransformCollectionWithSelect<S, T> | null> => {
  const payload = await getPayloadClient()
  const match: Where = { [by]: { equals: slug } }
  const { docs } = await payload.find<S, T, boolean>({
    ...query,
    collection,
    overrideAccess: false,
    where: where ? { and: [where, match] } : match,
    limit: 1,
    pagination: false,
  })
  return docs[0] ?? null
}
