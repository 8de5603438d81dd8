import type { Endpoint } from 'payload'
import { z } from 'zod'

const querySchema = z.object({ path: z.string().min(1).max(2000) })

/**
 * GET /api/redirects/resolve?path=/old-address: where a reader asking for that address goes,
 * as `{ location }` (null when nowhere). The proxy asks it, so redirects to posts are resolved
 * in one place, with a reader's access and the same cache as the pages.
 */
export const resolveRedirectEndpoint: Endpoint = {
  path: '/resolve',
  method: 'get',
  // Not an id: the REST guard (lib/api/restGuard) lets it through.
  custom: { namedRoute: true },
  handler: async (req) => {
    const parsed = querySchema.safeParse({ path: req.searchParams.get('path') })
    if (!parsed.success) {
      return Response.json({ error: 'Expected ?path=/an-old-address.' }, { status: 400 })
    }
    // Loaded when asked: lib/data is for Next's server, and Payload's CLI loads this config too.
    const { findRedirect } = await import('../data/redirects')
    return Response.json({ location: await findRedirect(parsed.data.path) })
  },
}
