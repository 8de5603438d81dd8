import type { TaskConfig } from 'payload'

import { CacheTags } from '@/lib/cacheTags'
import { expireTags } from '@/lib/server/revalidate'

/**
 * A post published with a future date is hidden until then (see publishedOrStaff). Cached
 * pages do not know the hour has come, so this task, queued for the publication time, expires
 * the post and every list at that moment.
 */
export const expireAtPublication: TaskConfig<{
  input: { slug: string }
  output: Record<string, never>
}> = {
  slug: 'expireAtPublication',
  label: 'Show a post at its publication time',
  inputSchema: [{ name: 'slug', type: 'text', required: true }],
  retries: 3,
  handler: async ({ input, req }) => {
    await expireTags(req.payload, [CacheTags.postLists, CacheTags.post(input.slug)])
    return { output: {} }
  },
}
