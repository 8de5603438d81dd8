import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isStaffMember } from '@/access/isStaff'
import { getPayloadClient } from '@/lib/data/payload'
import { isValidPreviewSecret } from '@/lib/preview'
import { previewQuerySchema } from '@/lib/schemas/preview'

/**
 * GET /preview?slug=...&secret=...: the dashboard's preview link. Needs both the link's secret
 * and a signed-in staff member; then turns on Next's draft mode for this browser and opens the
 * post, which shows its latest draft until /preview/exit.
 */
export const GET = async (request: Request): Promise<Response> => {
  const query = previewQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) return new Response('This preview link is incomplete.', { status: 400 })
  const payload = await getPayloadClient()
  if (!isValidPreviewSecret(payload.secret, query.data.slug, query.data.secret)) {
    return new Response('This preview link is not valid.', { status: 403 })
  }
  const { user } = await payload.auth({ headers: request.headers })
  if (!user || !isStaffMember(user)) {
    return new Response('Sign in to the dashboard to preview posts.', { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(`/posts/${encodeURIComponent(query.data.slug)}`)
}
