import type { Endpoint } from 'payload'
import { z } from 'zod'

import { expireTagsInRequest, isValidRevalidateSignature } from '../server/revalidate'

const bodySchema = z.object({
  tags: z.array(z.string().min(1).max(256)).min(1).max(50),
  at: z.number().int().positive(),
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
      return Response.json({ error: 'Expected { tags: string[], at: number }.' }, { status: 400 })
    }
    const signature = req.headers.get('x-revalidate-signature') ?? ''
    const { tags, at } = parsed.data
    if (!isValidRevalidateSignature(req.payload.secret, tags, at, signature)) {
      return Response.json({ error: 'Invalid or expired signature.' }, { status: 403 })
    }
    expireTagsInRequest(tags)
    return Response.json({ revalidated: tags })
  },
}
