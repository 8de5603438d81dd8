import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Payload } from 'payload'

import { document } from '@/tools/seed/lexical'

import { getHtml, type TestServer, withTestSite } from './server'

// What newsroomVisibility and newsroomContent share: one seeded server per file, and readers' views
// of its pages, feeds and sitemap.

export let server: TestServer
export let payload: Payload

export const newsroomSite = () =>
  withTestSite({}, (site) => {
    ;({ server, payload } = site)
  })

export const page = (path: string, status = 200) => getHtml(`${server.url}${path}`, status)
export const text = (words: string) => document([{ type: 'p', text: words }], () => 0) as never
const parser = new XMLParser({ ignoreAttributes: false })

/** Fetches an XML document, checks it is well-formed and returns it parsed. */
export const xml = async (path: string) => {
  const res = await fetch(`${server.url}${path}`)
  expect(res.status).toBe(200)
  const body = await res.text()
  expect(XMLValidator.validate(body)).toBe(true)
  return { body, doc: parser.parse(body) }
}
export const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]
export const feedTitles = async (path: string): Promise<string[]> =>
  asArray((await xml(path)).doc.rss.channel.item as { title: string }[] | undefined).map(
    (i) => i.title,
  )
export const sitemapUrls = async (): Promise<string[]> =>
  asArray((await xml('/sitemap.xml')).doc.urlset.url as { loc: string }[]).map((u) => u.loc)
export const restFind = async (slug: string) => {
  const res = await fetch(`${server.url}/api/posts?where[slug][equals]=${slug}&depth=0`)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}
