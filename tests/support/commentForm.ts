import { readFileSync } from 'node:fs'
import path from 'node:path'

import { issueFormToken } from '@/lib/comments/formToken'

import type { TestServer } from './server'

export type FormFields = {
  name: string
  email: string
  body: string
  website?: string
  parentId?: string
}

type FormOptions = {
  /** Payload's secret (payload.secret, derived from PAYLOAD_SECRET), to make a token. */
  secret?: string
  /** The reader's address, as a proxy in front would pass it (the server trusts one hop). */
  ip?: string
  /** Cookies the browser holds (the returning-commenter cookie). */
  cookie?: string
  /** The Origin header; this site's own by default. */
  origin?: string | null
  /**
   * Use the page's own token as it is (the default without a secret); otherwise one made 10 s
   * ago, as the token of a reader who took a moment to write would be.
   */
  pageToken?: boolean
}

const hiddenInputs = (html: string): [string, string][] => {
  const form = html.slice(html.indexOf('encType="multipart/form-data"'))
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    (m) => [decode(m[1]!), decode(m[2] ?? '')],
  )
}

/**
 * Posts a post page's "Leave a Reply" form as a browser without JavaScript does: it reads the
 * page, keeps every hidden field Next put in the form (the action's id and state), fills the
 * visible ones and posts the lot to the page. Returns the page Next answers with.
 */
export const postCommentForm = async (
  server: Pick<TestServer, 'url'>,
  slug: string,
  fields: FormFields,
  { ip, cookie, origin, secret, pageToken = !secret }: FormOptions = {},
) => {
  const url = `${server.url}/posts/${slug}`
  const page = await (await fetch(url)).text()
  const form = new FormData()
  let postId = ''
  for (const [name, value] of hiddenInputs(page)) {
    if (name === 'postId') postId = value
    if (name === 'token' && !pageToken) continue
    if (name === 'parentId') continue
    form.append(name, value)
  }
  if (!pageToken) form.append('token', issueFormToken(secret!, postId, Date.now() - 10_000))
  form.append('parentId', fields.parentId ?? '')
  form.append('name', fields.name)
  form.append('email', fields.email)
  form.append('website', fields.website ?? '')
  form.append('body', fields.body)
  const headers: Record<string, string> = {}
  if (origin !== null) headers.origin = origin ?? server.url
  if (ip) headers['x-forwarded-for'] = ip
  if (cookie) headers.cookie = cookie
  const res = await fetch(url, { method: 'POST', body: form, headers, redirect: 'manual' })
  return {
    status: res.status,
    html: await res.text(),
    setCookie: res.headers.get('set-cookie'),
    postId,
  }
}

/** The id Next gave a server action in this build, from its manifest. */
export const serverActionId = (exportedName: string): string => {
  const manifest = JSON.parse(
    readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName: string; filename: string }> }
  const found = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === exportedName && action.filename.startsWith('lib/'),
  )
  if (!found) throw new Error(`No server action ${exportedName} in the build`)
  return found[0]
}

/**
 * Calls a server action as the browser's JavaScript does (a POST with a Next-Action header and
 * the arguments as JSON) and returns the value it answered with.
 */
export const callServerAction = async (
  server: Pick<TestServer, 'url'>,
  pagePath: string,
  exportedName: string,
  args: unknown[],
): Promise<unknown> => {
  const res = await fetch(`${server.url}${pagePath}`, {
    method: 'POST',
    headers: {
      'next-action': serverActionId(exportedName),
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: server.url,
    },
    body: JSON.stringify(args),
  })
  const text = await res.text()
  // The answer is an RSC stream; the action's value is the row Next labels 1.
  const row = /^1:(.*)$/m.exec(text)
  if (res.status !== 200 || !row) throw new Error(`${exportedName}: HTTP ${res.status}\n${text}`)
  return JSON.parse(row[1]!)
}
