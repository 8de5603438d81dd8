// What the importer reads from a WordPress export (WXR 1.x): the shapes, and where to get them.
export { WxrError, WxrReader, parseWxr, readItem } from './wxrReader'
export { gmtToIso } from './wxrNodes'

export type WxrAuthor = {
  /** The WordPress user id, which a comment's `userId` refers to; 0 when the file has none. */
  id: number
  login: string
  email: string
  displayName: string
  firstName: string
  lastName: string
}
export type WxrTerm = {
  id: number
  slug: string
  name: string
  /** The parent category's slug, or null at the top. */
  parent: string | null
  description: string
}
export type WxrComment = {
  id: number
  author: string
  email: string
  url: string
  ip: string
  /** UTC, ISO 8601. */
  date: string
  /** WordPress's comment_approved: "1", "0", "spam" or "trash". */
  approved: string
  type: 'comment' | 'pingback' | 'trackback'
  parentId: number
  userId: number
  content: string
}
export type WxrItem = {
  id: number
  type: string
  status: string
  title: string
  link: string
  guid: string
  creator: string
  content: string
  excerpt: string
  /** Decoded (emoji and accents as characters); empty for a draft never given one. */
  slug: string
  /** UTC, ISO 8601; null for a draft never dated ("0000-00-00 00:00:00"). */
  date: string | null
  localDate: string
  parentId: number
  sticky: boolean
  password: string
  commentsOpen: boolean
  categories: string[]
  tags: string[]
  postFormat: string | null
  meta: Record<string, string>
  attachmentUrl: string | null
  comments: WxrComment[]
}
/** Everything in an export but its items: the site, its authors and its terms. */
export type WxrHead = {
  title: string
  link: string
  baseUrl: string
  wxrVersion: string
  authors: WxrAuthor[]
  categories: WxrTerm[]
  tags: WxrTerm[]
}
/** A whole export in memory (a small one: `readWxrFile` streams a large one). */
export type WxrSite = WxrHead & { items: WxrItem[] }

/** The name WordPress shows for an author: the display name, else first and last, else login. */
export const authorName = (a: WxrAuthor): string =>
  a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login
