import { editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload, SanitizedConfig } from 'payload'

import { blockEditor } from '@/fields/blockContent'
import { postEditor } from '@/fields/postContent'
import { CacheTags } from '@/lib/cacheTags'
import { hashIp } from '@/lib/comments/client'
import { plainText } from '@/lib/content/lexical'
import { type StoredRedirectTo, normalizeRedirectPath, redirectPostId } from '@/lib/redirects'
import { expireTags } from '@/lib/revalidate'
import { COMMENT_LIMITS } from '@/lib/schemas/commentLimits'
import { slugify } from '@/lib/slugify'

import { type ConvertContext, convertPostHtml } from './content'
import { decodeEntities } from './entities'
import {
  type UploadFile,
  type UploadRead,
  type UploadRefusal,
  readUpload,
  uploadPath,
} from './media'
import { readerCommentsWarning, staffAuthors } from './staff'
import { type WxrComment, type WxrItem, type WxrSite, authorName } from './wxr'

export const KINDS = [
  'authors',
  'categories',
  'tags',
  'media',
  'blocks',
  'posts',
  'comments',
  'redirects',
] as const
export type Kind = (typeof KINDS)[number]
export type Tally = { imported: number; updated: number; unchanged: number; skipped: number }
export type ImportReport = {
  site: string
  dryRun: boolean
  counts: Record<Kind, Tally>
  /** Every document created or changed (or, in a dry run, that would be), by import key. */
  changes: { key: string; action: 'imported' | 'updated' }[]
  warnings: { item: string; message: string }[]
}
export type ImportOptions = {
  dryRun?: boolean
  /** The WordPress uploads folder (wp-content/uploads), for images. */
  mediaDir?: string
  /**
   * Logins of the WordPress editors and administrators: only their comments become staff replies
   * (an export does not say who is staff). A login the export does not have is refused.
   */
  staffLogins?: string[]
  /** Called before each item, for a progress bar. */
  onItem?: (label: string) => void
}

type Collection =
  | 'authors'
  | 'categories'
  | 'tags'
  | 'media'
  | 'reusable-blocks'
  | 'posts'
  | 'comments'
  | 'redirects'
type Doc = Record<string, unknown> & { id: number }

const key = (kind: string, id: string | number) => `wordpress:${kind}:${id}`
/**
 * Hooks do no screening (these comments were moderated on WordPress) and no page refreshes.
 * A fresh object per call: Payload and its plugins write flags into a call's context (the
 * storage plugin's skipCloudStorage), and a shared one kept every upload after the first out
 * of the S3 bucket.
 */
const context = () => ({ trustedImport: true, disableRevalidate: true })

const COMMENT_STATUS: Record<string, 'approved' | 'pending' | 'spam' | 'trash'> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
  trash: 'trash',
}

/** What the report says of an image file the uploads folder does not give. */
const UPLOAD_REFUSED: Record<UploadRefusal, string> = {
  missing: 'is missing from the uploads folder',
  outside: 'points outside the uploads folder (through a symbolic link), so it is not imported',
  'not-a-file': 'is not a regular file, so it is not imported',
}

/** Plain text of a WordPress comment: tags dropped, paragraphs kept, entities decoded. */
const commentText = (html: string): string =>
  decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/** A slug our URLs can carry: the export's when it has letters we keep, else from the title. */
const slugFor = (wanted: string, title: string, fallback: string): string =>
  slugify(wanted) || slugify(title) || fallback

/** Counts the number of total items for a progress bar: every term, item and comment. */
export const countWork = (site: WxrSite): number =>
  site.authors.length +
  site.categories.length +
  site.tags.length +
  site.items.length +
  site.items.reduce((n, i) => n + i.comments.length, 0)

/**
 * Imports a parsed WordPress export through the Local API: authors (as public profiles),
 * categories with their hierarchy, tags, images, reusable blocks, posts with their status and
 * content, comments with their status and threads, and a redirect from each old permalink.
 * Keyed by WordPress ids, so a second run updates what changed and duplicates nothing. A bad
 * item is reported and skipped; the items after it still import. With dryRun nothing is
 * written: the report says what would happen. A staff login the export does not have throws
 * before anything is written.
 */
export const importWordpress = async (
  payload: Payload,
  config: SanitizedConfig,
  site: WxrSite,
  options: ImportOptions = {},
): Promise<ImportReport> => {
  const staff = staffAuthors(site.authors, options.staffLogins ?? [])
  const dryRun = Boolean(options.dryRun)
  const report: ImportReport = {
    site: site.title,
    dryRun,
    counts: Object.fromEntries(
      KINDS.map((k) => [k, { imported: 0, updated: 0, unchanged: 0, skipped: 0 }]),
    ) as Record<Kind, Tally>,
    changes: [],
    warnings: [],
  }
  const warn = (item: string, message: string) => report.warnings.push({ item, message })
  let placeholder = 0

  /** Creates, updates or leaves alone one document, by its import key. */
  const upsert = async (
    kind: Kind,
    collection: Collection,
    importKey: string,
    data: Record<string, unknown>,
    same: (existing: Doc) => boolean,
    extra: { file?: UploadFile; draft?: boolean } = {},
  ): Promise<number> => {
    const { docs } = await payload.find({
      collection,
      where: { importKey: { equals: importKey } },
      limit: 1,
      depth: 0,
      ...(collection === 'posts' ? { draft: true } : {}),
    })
    const existing = docs[0] as unknown as Doc | undefined
    if (existing && same(existing)) {
      report.counts[kind].unchanged += 1
      return existing.id
    }
    const action = existing ? 'updated' : 'imported'
    // Counted once written, so an item refused by the database is only "skipped".
    const counted = () => {
      report.counts[kind][action] += 1
      report.changes.push({ key: importKey, action })
    }
    if (dryRun) {
      counted()
      return existing?.id ?? --placeholder
    }
    if (existing) {
      await payload.update({
        collection,
        id: existing.id,
        data,
        context: context(),
        depth: 0,
        draft: extra.draft,
      } as never)
      counted()
      return existing.id
    }
    const created = (await payload.create({
      collection,
      data: { ...data, importKey },
      context: context(),
      depth: 0,
      draft: extra.draft,
      ...(extra.file ? { file: extra.file } : {}),
    } as never)) as unknown as Doc
    counted()
    return created.id
  }

  /** Runs one item, reporting instead of stopping when it fails. */
  const each = async (kind: Kind, label: string, work: () => Promise<void>) => {
    options.onItem?.(label)
    try {
      await work()
    } catch (error) {
      report.counts[kind].skipped += 1
      warn(label, `not imported: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  // Authors: public profiles only, never login accounts.
  const authors = new Map<string, number>()
  for (const a of site.authors) {
    await each('authors', `author ${a.login}`, async () => {
      const name = authorName(a)
      const id = await upsert(
        'authors',
        'authors',
        key('author', a.login),
        { name, slug: slugFor(name, a.login, a.login) },
        (e) => e.name === name,
      )
      authors.set(a.login, id)
    })
  }

  // Categories first without, then with their parents; tags.
  const categories = new Map<string, number>()
  for (const c of site.categories) {
    await each('categories', `category ${c.slug}`, async () => {
      const id = await upsert(
        'categories',
        'categories',
        key('category', c.id),
        { title: c.name, slug: slugFor(c.slug, c.name, `category-${c.id}`) },
        (e) => e.title === c.name,
      )
      categories.set(c.slug, id)
    })
  }
  for (const c of site.categories.filter((c) => c.parent)) {
    const id = categories.get(c.slug)
    const parent = categories.get(c.parent as string)
    if (!id || !parent) {
      if (!parent) warn(`category ${c.slug}`, `its parent "${c.parent}" is not in the export`)
      continue
    }
    if (!dryRun && id > 0) {
      const current = await payload.findByID({ collection: 'categories', id, depth: 0 })
      if (current.parent !== parent)
        await payload.update({ collection: 'categories', id, data: { parent }, context: context() })
    }
  }
  const tags = new Map<string, number>()
  for (const t of site.tags) {
    await each('tags', `tag ${t.slug}`, async () => {
      const id = await upsert(
        'tags',
        'tags',
        key('tag', t.id),
        { title: t.name, slug: slugFor(t.slug, t.name, `tag-${t.id}`) },
        (e) => e.title === t.name,
      )
      tags.set(t.slug, id)
    })
  }

  // Images: attachments whose file is in the uploads folder.
  const media = new Map<string, number>()
  const mediaByWpId = new Map<number, number>()
  for (const item of site.items.filter((i) => i.type === 'attachment')) {
    await each('media', `image ${item.id}`, async () => {
      const relative =
        item.meta._wp_attached_file || (item.attachmentUrl && uploadPath(item.attachmentUrl))
      const alt = decodeEntities(item.meta._wp_attachment_image_alt || item.title)
      const read: UploadRead =
        options.mediaDir && relative
          ? await readUpload(options.mediaDir, relative)
          : { refused: 'missing' }
      // A refused file is reported and treated as missing: the posts that show it still import.
      if (!relative || 'refused' in read) {
        report.counts.media.skipped += 1
        const why = !options.mediaDir
          ? 'is missing (no --media-dir given)'
          : UPLOAD_REFUSED['refused' in read ? read.refused : 'missing']
        warn(
          `image ${item.id}`,
          `file ${relative ?? item.attachmentUrl} ${why}; its alt text is kept where it is used: “${alt}”`,
        )
        return
      }
      const { file } = read
      const caption = decodeEntities(item.excerpt).slice(0, 300) || undefined
      const id = await upsert(
        'media',
        'media',
        key('attachment', item.id),
        { alt, caption },
        (e) => e.alt === alt,
        { file },
      )
      media.set(relative, id)
      mediaByWpId.set(item.id, id)
    })
  }

  const baseUrl = site.baseUrl.replace(/\/+$/, '')
  const editorConfig = await editorConfigFactory.fromEditor({ config, editor: postEditor })
  const blockEditorConfig = await editorConfigFactory.fromEditor({ config, editor: blockEditor })
  const blocks = new Map<number, number>()
  const convertContext = (cfg: ConvertContext['editorConfig']): ConvertContext => ({
    editorConfig: cfg,
    mediaFor: (url) => {
      const relative = uploadPath(url)
      return relative ? (media.get(relative) ?? null) : null
    },
    blockFor: (ref) => blocks.get(ref) ?? null,
    rewriteLink: (href) => (href.startsWith(baseUrl) ? href.slice(baseUrl.length) || '/' : href),
  })

  for (const item of site.items.filter((i) => i.type === 'wp_block')) {
    await each('blocks', `block ${item.id}`, async () => {
      const { content, warnings } = convertPostHtml(item.content, convertContext(blockEditorConfig))
      warnings.forEach((w) => warn(`block ${item.id} “${item.title}”`, w))
      const id = await upsert(
        'blocks',
        'reusable-blocks',
        key('block', item.id),
        { title: item.title, content },
        (e) =>
          e.title === item.title && plainText(e.content as never) === plainText(content as never),
      )
      blocks.set(item.id, id)
    })
  }

  // Posts, then each one's comments and old address.
  const posts = site.items.filter((i) => i.type === 'post')
  const importedPosts: { id: number; slug: string }[] = []
  for (const item of site.items.filter(
    (i) => !['post', 'attachment', 'wp_block'].includes(i.type),
  )) {
    options.onItem?.(`${item.type} ${item.id}`)
    report.counts.posts.skipped += 1
    warn(
      `${item.type} ${item.id} “${item.title}”`,
      `a ${item.type} is not a blog post; not imported`,
    )
  }
  // Registered WordPress users whose comments were imported as a reader's, by WordPress user id.
  const readerUsers = new Map<number, string>()
  for (const item of posts) {
    const label = `post ${item.id} “${item.title}”`
    await each('posts', label, async () => {
      const post = await importPost(item, label)
      importedPosts.push(post)
      await importComments(item, post.id, label)
    })
  }
  for (const [userId, commentAuthor] of readerUsers) {
    const { item, message } = readerCommentsWarning(userId, commentAuthor, site.authors, staff)
    warn(item, message)
  }

  async function importPost(item: WxrItem, label: string): Promise<{ id: number; slug: string }> {
    let status: 'published' | 'draft' = 'draft'
    let scheduleAt: string | null = null
    if (item.status === 'publish') status = 'published'
    if (item.status === 'future') scheduleAt = item.date
    if (item.status === 'private') warn(label, 'was private on WordPress; imported as a draft')
    if (item.password) {
      status = 'draft'
      warn(label, 'was password-protected on WordPress; imported as a draft')
    }
    if (!['publish', 'draft', 'pending', 'future', 'private'].includes(item.status)) {
      warn(label, `has status "${item.status}"; imported as a draft`)
    }
    if (item.sticky)
      warn(label, 'was sticky on WordPress; the blog has no sticky posts, so it is listed by date')
    for (const metaKey of Object.keys(item.meta).filter((k) => !k.startsWith('_'))) {
      warn(label, `custom field "${metaKey}" is not imported`)
    }
    const { content, warnings } = convertPostHtml(item.content, convertContext(editorConfig))
    warnings.forEach((w) => warn(label, w))
    const thumbnail = Number(item.meta._thumbnail_id)
    const featuredImage = thumbnail ? mediaByWpId.get(thumbnail) : undefined
    if (thumbnail && !featuredImage)
      warn(label, `its featured image (attachment ${thumbnail}) was not imported`)
    const author = authors.get(item.creator)
    const slug = slugFor(item.slug, item.title, `post-${item.id}`)
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
      authors: author ? [author] : [],
      categories: item.categories.flatMap((c) => categories.get(c) ?? []),
      tags: item.tags.flatMap((t) => tags.get(t) ?? []),
      featuredImage: featuredImage ?? null,
      commentsOpen: item.commentsOpen,
    }
    const id = await upsert(
      'posts',
      'posts',
      key('post', item.id),
      data,
      (e) =>
        e.title === data.title &&
        e.slug === slug &&
        e._status === status &&
        (e.publishedAt ?? null) === (data.publishedAt ?? null) &&
        plainText(e.content as never) === plainText(content as never),
      { draft: status === 'draft' },
    )
    if (scheduleAt && !dryRun && id > 0 && new Date(scheduleAt).getTime() > Date.now()) {
      const { totalDocs } = await payload.count({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { equals: 'schedulePublish' } },
            { 'input.doc.value': { equals: String(id) } },
          ],
        },
      })
      if (totalDocs === 0) {
        await payload.jobs.queue({
          task: 'schedulePublish',
          input: { type: 'publish', doc: { relationTo: 'posts', value: id } },
          waitUntil: new Date(scheduleAt),
        })
      }
    }
    const oldPath = item.link.startsWith(baseUrl) ? item.link.slice(baseUrl.length) : null
    if (oldPath && !oldPath.includes('?')) {
      const from = normalizeRedirectPath(oldPath)
      // To the post itself, not its address: a slug changed later never breaks the redirect.
      const to = { type: 'reference', reference: { relationTo: 'posts', value: id } } as const
      await upsert(
        'redirects',
        'redirects',
        key('redirect', item.id),
        { from, to },
        (e) => e.from === from && String(redirectPostId(e.to as StoredRedirectTo)) === String(id),
      )
    }
    return { id, slug }
  }

  async function importComments(item: WxrItem, postId: number, label: string) {
    const ids = new Map<number, { id: number; depth: number }>()
    const ordered = [...item.comments].sort((a, b) => a.id - b.id)
    for (const c of ordered) {
      await each('comments', `comment ${c.id} on ${label}`, () => importComment(c, postId, ids))
    }
  }

  async function importComment(
    c: WxrComment,
    postId: number,
    ids: Map<number, { id: number; depth: number }>,
  ) {
    if (c.type !== 'comment') {
      report.counts.comments.skipped += 1
      warn(`comment ${c.id}`, `a ${c.type} from “${c.author}” is not a reader comment; skipped`)
      return
    }
    const status = COMMENT_STATUS[c.approved] ?? 'pending'
    const parent = c.parentId ? ids.get(c.parentId) : undefined
    if (c.parentId && !parent)
      warn(
        `comment ${c.id}`,
        `its parent comment ${c.parentId} is not in the export; imported at the top level`,
      )
    const body = commentText(c.content).slice(0, COMMENT_LIMITS.bodyMax)
    const data = {
      post: postId,
      parent: parent?.id ?? null,
      threadDepth: (parent?.depth ?? 0) + 1,
      authorName: c.author.slice(0, COMMENT_LIMITS.nameMax) || 'Anonymous',
      authorEmail: c.email.toLowerCase() || `unknown-${c.id}@import.invalid`,
      authorWebsite: /^https?:\/\//.test(c.url) ? c.url.slice(0, COMMENT_LIMITS.websiteMax) : null,
      body: body.length >= COMMENT_LIMITS.bodyMin ? body : `${body}…`,
      status,
      // Only for the users named as staff: a registered user may be a mere subscriber.
      isStaffReply: staff.has(c.userId),
      submittedAt: c.date,
      ipHash: c.ip ? hashIp(payload.secret, c.ip) : null,
      signals: ['imported from WordPress'],
    }
    const id = await upsert(
      'comments',
      'comments',
      key('comment', c.id),
      data,
      (e) =>
        e.body === data.body &&
        e.status === status &&
        e.authorName === data.authorName &&
        Boolean(e.isStaffReply) === data.isStaffReply,
    )
    ids.set(c.id, { id, depth: data.threadDepth })
    if (c.userId !== 0 && !data.isStaffReply) readerUsers.set(c.userId, data.authorName)
  }

  // One refresh of every reader page at the end, not one per item.
  if (!dryRun) {
    await expireTags(payload, [
      CacheTags.postLists,
      CacheTags.authors,
      CacheTags.taxonomy,
      CacheTags.media,
      CacheTags.reusableBlocks,
      CacheTags.allComments,
      CacheTags.redirects,
      ...importedPosts.map((p) => CacheTags.post(p.slug)),
      ...importedPosts.map((p) => CacheTags.comments(p.id)),
    ])
  }
  return report
}
