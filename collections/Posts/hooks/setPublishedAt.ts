import type { CollectionBeforeChangeHook } from 'payload'

import type { Post } from '@/payload-types'

/** A post published without a date is dated now, so the index can sort it and readers see when. */
export const setPublishedAt: CollectionBeforeChangeHook<Post> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
