import { type StoredRedirectTo, normalizeRedirectPath, redirectPostId } from '@/lib/redirects'

import { type ImportSession, wpKey } from '../session'
import type { WxrItem } from '../wxr'
import type { ImportedPost } from './posts'

/** A redirect from the post's old permalink, when it was on the exported site's address. */
export const importRedirect = async (
  s: ImportSession,
  item: WxrItem,
  post: ImportedPost,
): Promise<void> => {
  const baseUrl = s.site.baseUrl.replace(/\/+$/, '')
  const oldPath = item.link.startsWith(baseUrl) ? item.link.slice(baseUrl.length) : null
  if (!oldPath || oldPath.includes('?')) return
  const from = normalizeRedirectPath(oldPath)
  // To the post itself, not its address: a slug changed later never breaks the redirect.
  const to = { type: 'reference', reference: { relationTo: 'posts', value: post.id } } as const
  await s.upsert(
    'redirects',
    'redirects',
    wpKey('redirect', item.id),
    { from, to },
    // Compared as strings: the stored id is a number or a string, as the database keeps them.
    (e) =>
      e.from === from &&
      post.id !== null &&
      String(redirectPostId(e.to as StoredRedirectTo)) === String(post.id),
  )
}
