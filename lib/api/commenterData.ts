import type { Endpoint, PayloadRequest } from 'payload'

import { mayModerate } from '@/access/canModerate'
import {
  commenterEraseSchema,
  commenterExportSchema,
  firstIssue,
} from '@/lib/schemas/commenterData'

/**
 * A commenter's rights over what we store about them, exercised by a moderator or admin from
 * the dashboard (components/admin/CommenterData): download every comment stored for an email,
 * or erase the person from them. Both are POSTs so the email never sits in a URL or a log.
 */

const refuse = (message: string, status: number) => Response.json({ error: message }, { status })

const bodyOf = async (req: PayloadRequest): Promise<unknown> => {
  const body = await req.json?.().catch(() => null)
  return body && typeof body === 'object' ? body : {}
}

/** Who may: moderators and admins only, checked here since endpoints have no access rules. */
const staffRefusal = (req: PayloadRequest) =>
  mayModerate(req.user)
    ? null
    : refuse('Only moderators and admins may export or erase a commenter’s data.', 403)

/** Every comment stored for the email, whatever its status, as the asking moderator reads it. */
const commentsFor = (req: PayloadRequest, email: string) =>
  req.payload.find({
    collection: 'comments',
    where: { authorEmail: { equals: email } },
    overrideAccess: false,
    user: req.user,
    req,
    depth: 0,
    pagination: false,
    sort: 'createdAt',
  })

/** POST /api/commenter-data/export { email }: a JSON file of the commenter's comments. */
export const exportCommenterData: Endpoint = {
  path: '/commenter-data/export',
  method: 'post',
  handler: async (req) => {
    const refusal = staffRefusal(req)
    if (refusal) return refusal
    const parsed = commenterExportSchema.safeParse(await bodyOf(req))
    if (!parsed.success) return refuse(firstIssue(parsed.error), 400)
    const { email } = parsed.data
    const { docs } = await commentsFor(req, email)
    const file = {
      email,
      exportedAt: new Date().toISOString(),
      note: 'Every comment stored for this email address, with every detail kept about it.',
      comments: docs,
    }
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="commenter-data.json"',
        'cache-control': 'no-store',
      },
    })
  },
}

/**
 * POST /api/commenter-data/erase { email, confirm: true }: every comment for the email is kept,
 * signed "Anonymous", with the email, website, IP hash, user agent and browser key removed.
 * The comments' own hooks refresh the pages that showed them. The log records that an erase
 * happened and how many comments it touched, never the address.
 */
export const eraseCommenterData: Endpoint = {
  path: '/commenter-data/erase',
  method: 'post',
  handler: async (req) => {
    const refusal = staffRefusal(req)
    if (refusal) return refusal
    const parsed = commenterEraseSchema.safeParse(await bodyOf(req))
    if (!parsed.success) return refuse(firstIssue(parsed.error), 400)
    const { docs } = await commentsFor(req, parsed.data.email)
    if (docs.length === 0) return Response.json({ erased: 0 })
    // These fields are the server's alone (no API may write them), so the write goes with
    // access off; what it may touch was found above with the moderator's own access.
    const { errors } = await req.payload.update({
      collection: 'comments',
      where: { id: { in: docs.map((d) => d.id) } },
      data: {
        authorName: 'Anonymous',
        authorEmail: null,
        authorWebsite: null,
        ipHash: null,
        userAgent: null,
        commenterKey: null,
      },
      overrideAccess: true,
      req,
      depth: 0,
      select: { status: true },
    })
    if (errors.length) {
      req.payload.logger.error(
        `Commenter erase: ${errors.length} of ${docs.length} comments failed.`,
      )
      // Nothing the moderator sent was wrong: the database refused a write. Asking again
      // finishes the job (what is already anonymous stays so).
      return refuse('Some comments could not be erased. Please try again.', 503)
    }
    req.payload.logger.info(
      `Commenter erase by user ${req.user?.id}: ${docs.length} comments made anonymous.`,
    )
    return Response.json({ erased: docs.length })
  },
}
