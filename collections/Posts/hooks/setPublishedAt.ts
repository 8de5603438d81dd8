import type { CollectionBeforeChangeHook } from 'payload'

/** A post published without a date is dated now, so the index can sort it and readers see when. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
