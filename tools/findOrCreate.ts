import type { CollectionSlug, Payload, RequestContext } from 'payload'

import type { DocId } from '@/lib/docId'

/**
 * The field and value a document is found again by: `importKey` ("wordpress:post:7",
 * "demo:comment:…") for what an import or the seed made, or a natural key (slug, email).
 */
export type Key = { field: string; value: string }
export type KeyedDoc = Record<string, unknown> & { id: DocId }
export type CreateOptions = {
  collection: CollectionSlug
  key: Key
  data: Record<string, unknown>
  /**
   * Called once per Local API call: Payload and its plugins write flags into a call's context
   * (the storage plugin's skipCloudStorage), so one shared object would leak them into the next.
   */
  context: () => RequestContext
  file?: { data: Buffer; mimetype: string; name: string; size: number }
  draft?: boolean
}

export const importKey = (value: string): Key => ({ field: 'importKey', value })

/** The document stored under `key`, drafts included, or undefined. */
export const findByKey = async (
  payload: Payload,
  collection: CollectionSlug,
  key: Key,
  context: () => RequestContext = () => ({}),
): Promise<KeyedDoc | undefined> => {
  const { docs } = await payload.find({
    collection,
    where: { [key.field]: { equals: key.value } },
    limit: 1,
    depth: 0,
    draft: true,
    context: context(),
  })
  return docs[0] as unknown as KeyedDoc | undefined
}

/** Creates a document carrying its key, so the next run finds it; returns its id. */
export const createWithKey = async (payload: Payload, options: CreateOptions): Promise<DocId> => {
  const { collection, key, data, context, file, draft } = options
  const created = (await payload.create({
    collection,
    data: { ...data, [key.field]: key.value },
    context: context(),
    depth: 0,
    draft,
    ...(file ? { file } : {}),
  } as never)) as unknown as KeyedDoc
  return created.id
}

/**
 * The document stored under `key`, created from `data` when there is none: what makes the seed
 * and the importer safe to run twice. An existing document is left as it is.
 */
export const findOrCreate = async (
  payload: Payload,
  options: CreateOptions,
): Promise<{ id: DocId; created: boolean }> => {
  const existing = await findByKey(payload, options.collection, options.key, options.context)
  if (existing) return { id: existing.id, created: false }
  return { id: await createWithKey(payload, options), created: true }
}
