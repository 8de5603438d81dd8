import { XMLParser } from 'fast-xml-parser'

import { decodeEntities } from './entities'
import type { WxrComment, WxrHead, WxrItem, WxrTerm } from './wxr'

// How the parsed XML of an export's head and items becomes the importer's plain objects.

export type Node = Record<string, unknown>

// By path, less "rss.channel.": the head and an item are parsed apart, each on its own.
const ALWAYS_ARRAYS = new Set([
  'wp:author',
  'wp:category',
  'wp:tag',
  'wp:term',
  'item',
  'item.category',
  'item.wp:postmeta',
  'item.wp:comment',
])

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, path) => ALWAYS_ARRAYS.has(String(path).replace(/^rss\.channel\./, '')),
})

/** A child's text: CDATA and plain text alike, '' when absent. */
export const str = (node: Node | undefined, key: string): string => {
  const value = node?.[key]
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') {
    const text = (value as Node)['#text']
    return text === undefined ? '' : String(text)
  }
  return String(value)
}
export const int = (node: Node, key: string): number => Number.parseInt(str(node, key), 10) || 0
export const list = (node: Node | undefined, key: string): Node[] => (node?.[key] as Node[]) ?? []

/** "2024-04-20 21:30:00" (UTC) as ISO 8601; null for WordPress's zero date. */
export const gmtToIso = (value: string): string | null => {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value.trim())
  if (!m || m[1] === '0000') return null
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`
}

export const decodeSlug = (slug: string): string => {
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

export const toItem = (item: Node): WxrItem => {
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

/** The export's head from its parsed <channel>: the site, its authors and its terms. */
export const toHead = (channel: Node, version: string): WxrHead => {
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
  }
}
