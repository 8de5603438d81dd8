import { slugFor } from '../slugFor'
import { type ImportSession, wpKey } from '../session'
import { authorName } from '../wxr'

/**
 * Authors as public profiles only, never login accounts. Who is staff (for comment badges) is
 * settled before any step runs, from the --staff logins (tools/importer/staff).
 */
export const importAuthors = async (s: ImportSession): Promise<void> => {
  for (const a of s.site.authors) {
    await s.each('authors', `author ${a.login}`, async () => {
      const name = authorName(a)
      const id = await s.upsert(
        'authors',
        'authors',
        wpKey('author', a.login),
        { name, slug: slugFor(name, a.login, a.login) },
        (e) => e.name === name,
      )
      s.ids.authors.set(a.login, id)
    })
  }
}
