import { hashIp } from '@/lib/comments/client'
import { COMMENT_LIMITS } from '@/lib/schemas/commentLimits'

import { decodeEntities } from '../entities'
import { type ImportSession, type Ref, wpKey } from '../session'
import { readerCommentsWarning } from '../staff'
import type { WxrComment, WxrItem } from '../wxr'

const COMMENT_STATUS: Record<string, 'approved' | 'pending' | 'spam' | 'trash'> = {
  '1': 'approved',
  '0': 'pending',
  spam: 'spam',
  trash: 'trash',
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

/** Our comment for each WordPress comment id, with its depth in the thread. */
type Thread = Map<number, { id: Ref; depth: number }>

/** A post's comments, oldest first so each parent is in before its replies. */
export const importComments = async (
  s: ImportSession,
  item: WxrItem,
  postId: Ref,
  label: string,
): Promise<void> => {
  const thread: Thread = new Map()
  const ordered = [...item.comments].sort((a, b) => a.id - b.id)
  for (const c of ordered) {
    await s.each('comments', `comment ${c.id} on ${label}`, () =>
      importComment(s, c, postId, thread),
    )
  }
}

const importComment = async (s: ImportSession, c: WxrComment, postId: Ref, thread: Thread) => {
  if (c.type !== 'comment') {
    s.report.counts.comments.skipped += 1
    s.warn(`comment ${c.id}`, `a ${c.type} from “${c.author}” is not a reader comment; skipped`)
    return
  }
  const status = COMMENT_STATUS[c.approved] ?? 'pending'
  const parent = c.parentId ? thread.get(c.parentId) : undefined
  if (c.parentId && !parent)
    s.warn(
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
    isStaffReply: s.staff.has(c.userId),
    submittedAt: c.date,
    ipHash: c.ip ? hashIp(s.payload.secret, c.ip) : null,
    signals: ['imported from WordPress'],
  }
  const id = await s.upsert(
    'comments',
    'comments',
    wpKey('comment', c.id),
    data,
    (e) =>
      e.body === data.body &&
      e.status === status &&
      e.authorName === data.authorName &&
      Boolean(e.isStaffReply) === data.isStaffReply,
  )
  thread.set(c.id, { id, depth: data.threadDepth })
  if (c.userId !== 0 && !data.isStaffReply) s.readerUsers.set(c.userId, data.authorName)
}

/** Says whose comments came in as a reader's, and how to badge them if they were staff. */
export const warnReaderComments = (s: ImportSession): void => {
  for (const [userId, commentAuthor] of s.readerUsers) {
    const { item, message } = readerCommentsWarning(userId, commentAuthor, s.site.authors, s.staff)
    s.warn(item, message)
  }
}
