import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { decodeEntities } from './entities'

/** A file that is not a readable WordPress export, with what is wrong and where. */
export class WxrError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WxrError'
  }
}

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
export type WxrSite = {
  title: string
  link: string
  baseUrl: string
  wxrVersion: string
  authors: WxrAuthor[]
  categories: WxrTerm[]
  tags: WxrTerm[]
  items: WxrItem[]
}

/** The name WordPress shows for an author: the display name, else first and last, else login. */
export const authorName = (a: WxrAuthor): string =>
  a.displayName || [a.firstName, a.lastName].filter(Boolean).join(' ') || a.login

type Node = Record<string, unknown>

const ALWAYS_ARRAYS = new Set([
  'rss.channel.wp:author',
  'rss.channel.wp:category',
  'rss.channel.wp:tag',
  'rss.channel.wp:term',
  'rss.channel.item',
  'rss.channel.item.category',
  'rss.channel.item.wp:postmeta',
  'rss.channel.item.wp:comment',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, path) => ALWAYS_ARRAYS.has(String(path)),
})

/** A child's text: CDATA and plain text alike, '' when absent. */
const str = (node: Node | undefined, key: string): string => {
  const value = node?.[key]
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') {
    const text = (value as Node)['#text']
    return text === undefined ? '' : String(text)
  }
  return String(value)
}
const int = (node: Node, key: string): number => Number.parseInt(str(node, key), 10) || 0
const list = (node: Node | undefined, key: string): Node[] => (node?.[key] as Node[]) ?? []

/** "2024-04-20 21:30:00" (UTC) as ISO 8601; null for WordPress's zero date. */
export const gmtToIso = (value: string): string | null => {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value.trim())
  if (!m || m[1] === '0000') return null
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`
}

const decodeSlug = (slug: string): string => {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}

const COMMENT_TYPES = new Set(['comment', 'pingback', 'trackback'])

const toComment = (c: Node): WxrComment => {
  const type = str(c, 'wp:comment_type') || 'comment'
  return {
    id: int(c, 'wp:comment_id'),
    author: decodeEntities(str(c, 'wp:comment_author')),
    email: str(c, 'wp:comment_author_email').trim(),
    url: str(c, 'wp:comment_author_url').trim(),
    ip: str(c, 'wp:comment_author_IP').trim(),
    date: gmtToIso(str(c, 'wp:comment_date_gmt')) ?? new Date(0).toISOString(),
    approved: str(c, 'wp:comment_approved'),
    type: (COMMENT_TYPES.has(type) ? type : 'comment') as WxrComment['type'],
    parentId: int(c, 'wp:comment_parent'),
    userId: int(c, 'wp:comment_user_id'),
    content: str(c, 'wp:comment_content'),
  }
}

const toItem = (item: Node): WxrItem => {
  const terms = list(item, 'category')
  const termsOf = (domain: string) =>
    terms
      .filter((t) => t['@domain'] === domain)
      .map((t) => decodeSlug(String(t['@nicename'] ?? '')))
  const meta: Record<string, string> = {}
  for (const m of list(item, 'wp:postmeta')) meta[str(m, 'wp:meta_key')] = str(m, 'wp:meta_value')
  const format = termsOf('post_format')[0]
  return {
    id: int(item, 'wp:post_id'),
    type: str(item, 'wp:post_type'),
    status: str(item, 'wp:status'),
    title: decodeEntities(str(item, 'title')),
    link: str(item, 'link'),
    guid: str(item, 'guid'),
    creator: str(item, 'dc:creator'),
    content: str(item, 'content:encoded'),
    excerpt: str(item, 'excerpt:encoded'),
    slug: decodeSlug(str(item, 'wp:post_name')),
    date: gmtToIso(str(item, 'wp:post_date_gmt')),
    localDate: str(item, 'wp:post_date'),
    parentId: int(item, 'wp:post_parent'),
    sticky: str(item, 'wp:is_sticky') === '1',
    password: str(item, 'wp:post_password'),
    commentsOpen: str(item, 'wp:comment_status') === 'open',
    categories: termsOf('category'),
    tags: termsOf('post_tag'),
    postFormat: format ? format.replace(/^post-format-/, '') : null,
    meta,
    attachmentUrl: str(item, 'wp:attachment_url') || null,
    comments: list(item, 'wp:comment').map(toComment),
  }
}

/**
 * Reads a WordPress export (WXR 1.x). Refuses, before anything is imported, a file that is not
 * well-formed XML (saying at which line and column) or not a WordPress export.
 */
export const parseWxr = (xml: string): WxrSite => {
  if (xml.trim() === '') throw new WxrError('The file is empty.')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    const { msg, line, col } = valid.err
    throw new WxrError(`The file is not well-formed XML: ${msg} (line ${line}, column ${col}).`)
  }
  const doc = parser.parse(xml) as Node
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined
  const version = str(channel, 'wp:wxr_version')
  if (!channel || !version) {
    throw new WxrError(
      'This is not a WordPress export: there is no <rss><channel> with a <wp:wxr_version>. Export it from WordPress with Tools → Export → All content.',
    )
  }
  if (!/^1\.\d+$/.test(version)) {
    throw new WxrError(`WXR version ${version} is not supported (1.0 to 1.2 are).`)
  }
  const term = (t: Node, slugKey: string, nameKey: string, parentKey?: string): WxrTerm => ({
    id: int(t, 'wp:term_id'),
    slug: decodeSlug(str(t, slugKey)),
    name: decodeEntities(str(t, nameKey)),
    parent: parentKey && str(t, parentKey) ? decodeSlug(str(t, parentKey)) : null,
    description: decodeEntities(str(t, 'wp:category_description') || str(t, 'wp:tag_description')),
  })
  return {
    title: decodeEntities(str(channel, 'title')),
    link: str(channel, 'link'),
    baseUrl: str(channel, 'wp:base_site_url') || str(channel, 'link'),
    wxrVersion: version,
    authors: list(channel, 'wp:author').map((a) => ({
      id: int(a, 'wp:author_id'),
      login: str(a, 'wp:author_login'),
      email: str(a, 'wp:author_email'),
      displayName: decodeEntities(str(a, 'wp:author_display_name')),
      firstName: decodeEntities(str(a, 'wp:author_first_name')),
      lastName: decodeEntities(str(a, 'wp:author_last_name')),
    })),
    categories: list(channel, 'wp:category').map((c) =>
      term(c, 'wp:category_nicename', 'wp:cat_name', 'wp:category_parent'),
    ),
    tags: list(channel, 'wp:tag').map((t) => term(t, 'wp:tag_slug', 'wp:tag_name')),
    items: list(channel, 'item').map(toItem),
  }
}
