import type { Endpoint } from 'payload'
import { z } from 'zod'

import { expireTagsInRequest, isValidRevalidateSignature } from './revalidate'

const bodySchema = z.object({
  tags: z.array(z.string().min(1).max(256)).min(1).max(50),
})

/**
 * POST /api/revalidate: lets another process that changed content through the Local API (a
 * script, a benchmark, a worker) expire this server's cache. Signed with PAYLOAD_SECRET.
 */
export const revalidateEndpoint: Endpoint = {
  path: '/revalidate',
  method: 'post',
  handler: async (req) => {
    const parsed = bodySchema.safeParse(await req.json?.().catch(() => null))
    if (!parsed.success) {
      return Response.json({ error: 'Expected { tags: string[] }.' }, { status: 400 })
    }
    const signature = req.headers.get('x-revalidate-signature') ?? ''
    if (!isValidRevalidateSignature(req.payload.secret, parsed.data.tags, signature)) {
      return Response.json({ error: 'Invalid signature.' }, { status: 403 })
    }
    expireTagsInRequest(parsed.data.tags)
    return Response.json({ revalidated: parsed.data.tags })
  },
}
