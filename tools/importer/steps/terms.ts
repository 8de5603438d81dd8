import { slugFor } from '../slugFor'
import { type ImportSession, importContext, wpKey } from '../session'

/** Categories, first without and then with their parents (a parent may come later), and tags. */
export const importTerms = async (s: ImportSession): Promise<void> => {
  const { categories, tags } = s.ids
  for (const c of s.site.categories) {
    await s.each('categories', `category ${c.slug}`, async () => {
      const id = await s.upsert(
        'categories',
        'categories',
        wpKey('category', c.id),
        { title: c.name, slug: slugFor(c.slug, c.name, `category-${c.id}`) },
        (e) => e.title === c.name,
      )
      categories.set(c.slug, id)
    })
  }
  for (const c of s.site.categories.filter((c) => c.parent)) {
    const parentKnown = categories.has(c.parent as string)
    if (!categories.has(c.slug) || !parentKnown) {
      if (!parentKnown)
        s.warn(`category ${c.slug}`, `its parent "${c.parent}" is not in the export`)
      continue
    }
    const id = categories.get(c.slug) ?? null
    const parent = categories.get(c.parent as string) ?? null
    // A dry run has no ids for what it would create, and writes nothing anyway.
    if (s.dryRun || id === null || parent === null) continue
    const current = await s.payload.findByID({ collection: 'categories', id, depth: 0 })
    if (current.parent !== parent) {
      await s.payload.update({
        collection: 'categories',
        id,
        data: { parent } as never,
        context: importContext(),
      })
    }
  }
  for (const t of s.site.tags) {
    await s.each('tags', `tag ${t.slug}`, async () => {
      const id = await s.upsert(
        'tags',
        'tags',
        wpKey('tag', t.id),
        { title: t.name, slug: slugFor(t.slug, t.name, `tag-${t.id}`) },
        (e) => e.title === t.name,
      )
      tags.set(t.slug, id)
    })
  }
}
