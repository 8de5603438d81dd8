import { plainText } from '@/lib/content/lexical'

import { convertPostHtml } from '../content'
import type { Converters } from '../converters'
import { decodeEntities } from '../entities'
import { slugFor } from '../slugFor'
import { type ImportSession, type Ref, wpKey } from '../session'
import type { WxrItem } from '../wxr'

export type ImportedPost = { id: Ref; slug: string }

/** Pages and other post types: each counted, reported and left out (the blog has posts only). */
export const skipOtherTypes = (s: ImportSession): void => {
  for (const item of s.site.items.filter(
    (i) => !['post', 'attachment', 'wp_block'].includes(i.type),
  )) {
    s.options.onItem?.(`${item.type} ${item.id}`)
    s.report.counts.posts.skipped += 1
    s.warn(
      `${item.type} ${item.id} “${item.title}”`,
      `a ${item.type} is not a blog post; not imported`,
    )
  }
}

/** What a WordPress status becomes here, with a word in the report where something is lost. */
const statusOf = (s: ImportSession, item: WxrItem, label: string) => {
  let status: 'published' | 'draft' = 'draft'
  if (item.status === 'publish') status = 'published'
  if (item.status === 'private') s.warn(label, 'was private on WordPress; imported as a draft')
  if (item.password) {
    status = 'draft'
    s.warn(label, 'was password-protected on WordPress; imported as a draft')
  }
  if (!['publish', 'draft', 'pending', 'future', 'private'].includes(item.status)) {
    s.warn(label, `has status "${item.status}"; imported as a draft`)
  }
  return status
}

/** One post, with its status, content, taxonomy and images; a future one is scheduled. */
export const importPost = async (
  s: ImportSession,
  convert: Converters,
  item: WxrItem,
  label: string,
): Promise<ImportedPost> => {
  const status = statusOf(s, item, label)
  if (item.sticky)
    s.warn(label, 'was sticky on WordPress; the blog has no sticky posts, so it is listed by date')
  for (const metaKey of Object.keys(item.meta).filter((k) => !k.startsWith('_'))) {
    s.warn(label, `custom field "${metaKey}" is not imported`)
  }
  const { content, warnings } = convertPostHtml(item.content, convert.post)
  warnings.forEach((w) => s.warn(label, w))
  // WordPress's own attachment id: a number in the export.
  const thumbnail = Number(item.meta._thumbnail_id)
  const hasImage = Boolean(thumbnail) && s.ids.mediaByWpId.has(thumbnail)
  if (thumbnail && !hasImage)
    s.warn(label, `its featured image (attachment ${thumbnail}) was not imported`)
  const author = s.ids.authors.get(item.creator)
  const slug = slugFor(item.slug, item.title, `post-${item.id}`)
  // Ids are null only in a dry run, which writes nothing; dropped so the data stays valid.
  const ids = (refs: (Ref | undefined)[]) => refs.flatMap((id) => (id == null ? [] : [id]))
  const data = {
    title: item.title || `Untitled (WordPress post ${item.id})`,
    slug,
    excerpt:
      decodeEntities(item.excerpt.replace(/<[^>]+>/g, ''))
        .trim()
        .slice(0, 400) || null,
    content,
    publishedAt: item.date,
    _status: status,
    authors: ids([author]),
    categories: ids(item.categories.map((c) => s.ids.categories.get(c))),
    tags: ids(item.tags.map((t) => s.ids.tags.get(t))),
    featuredImage: hasImage ? (s.ids.mediaByWpId.get(thumbnail) ?? null) : null,
    commentsOpen: item.commentsOpen,
  }
  const id = await s.upsert(
    'posts',
    'posts',
    wpKey('post', item.id),
    data,
    (e) =>
      e.title === data.title &&
      e.slug === slug &&
      e._status === status &&
      (e.publishedAt ?? null) === (data.publishedAt ?? null) &&
      plainText(e.content as never) === plainText(content as never),
    { draft: status === 'draft' },
  )
  if (item.status === 'future' && id !== null) await schedule(s, id, item.date)
  return { id, slug }
}

/** Queues the publishing of a post WordPress had scheduled, once, if it is still to come. */
const schedule = async (s: ImportSession, id: NonNullable<Ref>, at: string | null) => {
  if (s.dryRun || !at || new Date(at).getTime() <= Date.now()) return
  // Compared here, not in the query: the job's input is JSON, where SQLite's numeric id never
  // equals its text ('5' is not 5), so a query on it missed every earlier run's job.
  const { docs } = await s.payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'schedulePublish' } },
    pagination: false,
    depth: 0,
  })
  const queued = docs.some(
    (job) => String((job.input as { doc?: { value?: unknown } } | null)?.doc?.value) === String(id),
  )
  if (queued) return
  await s.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'posts', value: id as never } },
    waitUntil: new Date(at),
  })
}
