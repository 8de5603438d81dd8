import type { SanitizedConfig } from 'payload'

import { filterRefusal } from './filters'
import { routeRefusal } from './routes'

/**
 * Requests Payload's REST API answers with a 500 because it takes them as far as the database
 * before finding them malformed: the version history of something that keeps none, an id that
 * cannot exist in this database, a file that is not there, a filter comparing an id or a date
 * with words. Each gets the 4xx it deserves here, with a clear message, before Payload sees it.
 */

/** Flattens a JSON query ({ where: { a: { equals: 1 } } }) into its `where[a][equals]` keys. */
const toParams = (value: unknown, prefix = '', out = new URLSearchParams()) => {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      toParams(inner, prefix ? `${prefix}[${key}]` : key, out)
    }
  } else if (prefix) out.append(prefix, String(value))
  return out
}

/** The query a request asks with: its URL's, or the body of a POST standing in for a GET. */
const queryOf = async (request: Request): Promise<URLSearchParams> => {
  const params = new URL(request.url).searchParams
  const override =
    request.headers.get('x-payload-http-method-override') ??
    request.headers.get('x-http-method-override')
  if (request.method !== 'POST' || override !== 'GET') return params
  const type = request.headers.get('content-type') ?? ''
  const body = await request.clone().text()
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body)) params.append(k, v)
  } else if (type.startsWith('application/json')) {
    try {
      for (const [k, v] of toParams(JSON.parse(body))) params.append(k, v)
    } catch {
      params.append('where', 'unreadable') // refused below as a malformed filter
    }
  }
  return params
}

export const restRefusal = (
  config: SanitizedConfig,
  segments: string[],
  params: URLSearchParams,
) => {
  const route = routeRefusal(config, segments)
  if (route) return route
  const collection = config.collections.find((c) => c.slug === segments[0])
  if (!collection) return null
  return filterRefusal(config, collection, params, { versions: segments[1] === 'versions' })
}

type RouteArgs = { params: Promise<{ slug: string[] }> }
type Route = (request: Request, args: RouteArgs) => Promise<Response>

/** Wraps one of Payload's REST handlers with the checks above. */
export const guardRest =
  (config: Promise<SanitizedConfig>, handler: Route): Route =>
  async (request, args) => {
    const { slug = [] } = await args.params
    const refusal = restRefusal(await config, slug, await queryOf(request))
    if (!refusal) return handler(request, args)
    return Response.json({ errors: [{ message: refusal.message }] }, { status: refusal.status })
  }
