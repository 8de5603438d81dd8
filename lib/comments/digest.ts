import type { Payload } from 'payload'

import { relationId } from './ids'
import { moderationSettings } from './settings'
import { SIGNALS } from './signals'
import { type HeldComment, digestEmail } from './digestEmail'

const HOUR_MS = 3_600_000

type Moderator = { id: string | number; email: string }
type Settings = Awaited<ReturnType<typeof moderationSettings>>

/** A comment just held, which a database transaction may not have made visible yet. */
export type FreshComment = HeldComment

/**
 * Comments held since `since` (all of them when null) up to `now`, newest first, that may
 * cause an email: one held quietly because the queue was over its ceiling never does.
 */
const heldSince = async (payload: Payload, since: string | null, now: Date) => {
  const { docs } = await payload.find({
    collection: 'comments',
    where: {
      and: [
        { status: { equals: 'pending' } },
        { createdAt: { less_than_equal: now.toISOString() } },
        ...(since ? [{ createdAt: { greater_than: since } }] : []),
      ],
    },
    sort: '-createdAt',
    limit: 100,
    depth: 0,
    select: { authorName: true, body: true, post: true, signals: true, createdAt: true },
  })
  const loud = docs.filter((c) => !(c.signals ?? []).includes(SIGNALS.queueFull))
  const postIds = [...new Set(loud.map((c) => relationId(c.post)).filter((p) => p !== null))]
  const { docs: posts } = postIds.length
    ? await payload.find({
        collection: 'posts',
        where: { id: { in: postIds } },
        depth: 0,
        limit: postIds.length,
        pagination: false,
        select: { title: true },
      })
    : { docs: [] }
  const titles = new Map(posts.map((p) => [String(p.id), p.title]))
  return loud.map((c): HeldComment => ({
    id: String(c.id),
    authorName: c.authorName ?? 'Anonymous',
    postTitle: titles.get(relationId(c.post) ?? '') ?? '(a post)',
    body: c.body,
    signals: c.signals ?? [],
  }))
}

/**
 * Takes the right to send this moderator's next digest. The claim names the digest it
 * follows and is unique, so of two runners that read the same last digest only one inserts
 * it; the other gets an error, sees the claim taken and sends nothing.
 */
const claimDigest = async (
  payload: Payload,
  moderator: Moderator,
  lastId: string | number | undefined,
  now: Date,
  comments: number,
) => {
  const claim = `${moderator.id}:${lastId ?? 'first'}`
  try {
    return await payload.create({
      collection: 'moderator-digests',
      data: {
        moderator: String(moderator.id),
        claim,
        sentAt: now.toISOString(),
        coveredUntil: now.toISOString(),
        comments,
      },
    })
  } catch (err) {
    const taken = await payload.count({
      collection: 'moderator-digests',
      where: { claim: { equals: claim } },
    })
    if (taken.totalDocs > 0) return null
    throw err
  }
}

/**
 * Sends one moderator their digest when it is due: the interval since their last one is up,
 * the hour's budget is not spent, and something held since then still waits. Returns whether
 * an email went out.
 */
const sendDigestTo = async (
  payload: Payload,
  moderator: Moderator,
  settings: Settings,
  now: Date,
  fresh?: FreshComment,
): Promise<boolean> => {
  const {
    docs: [last],
  } = await payload.find({
    collection: 'moderator-digests',
    where: { moderator: { equals: String(moderator.id) } },
    sort: '-sentAt',
    limit: 1,
    depth: 0,
  })
  const intervalMs = settings.digestIntervalMinutes * 60_000
  if (last && now.getTime() - new Date(last.sentAt).getTime() < intervalMs) return false
  const lastHour = await payload.count({
    collection: 'moderator-digests',
    where: {
      moderator: { equals: String(moderator.id) },
      sentAt: { greater_than: new Date(now.getTime() - HOUR_MS).toISOString() },
    },
  })
  if (lastHour.totalDocs >= settings.moderatorEmailsPerHour) return false

  const held = await heldSince(payload, last?.coveredUntil ?? null, now)
  const unseen = fresh && !held.some((c) => c.id === fresh.id) ? [fresh] : []
  const comments = [...unseen, ...held]
  if (comments.length === 0) return false
  const pending = await payload.count({
    collection: 'comments',
    where: { status: { equals: 'pending' } },
  })
  const claimed = await claimDigest(payload, moderator, last?.id, now, comments.length)
  if (!claimed) return false
  const serverUrl = payload.config.serverURL || process.env.SERVER_URL || ''
  const email = digestEmail({ comments, pending: pending.totalDocs + unseen.length, serverUrl })
  try {
    await payload.sendEmail({ to: moderator.email, ...email })
  } catch (err) {
    // Give the claim back so the next run tries again, rather than skip a whole interval.
    await payload.delete({ collection: 'moderator-digests', id: claimed.id })
    throw err
  }
  return true
}

/**
 * Emails each moderator and admin whose digest is due (see sendDigestTo); safe to run from
 * any number of places at once. `fresh` is a comment held a moment ago, listed even if the
 * database does not show it yet. Returns how many emails went out.
 */
export const sendDueDigests = async (
  payload: Payload,
  { now = new Date(), fresh }: { now?: Date; fresh?: FreshComment } = {},
): Promise<number> => {
  const settings = await moderationSettings(payload)
  if (settings.moderatorEmailsPerHour <= 0) return 0
  const { docs } = await payload.find({
    collection: 'users',
    where: { roles: { in: ['moderator', 'admin'] } },
    depth: 0,
    pagination: false,
    select: { email: true },
  })
  let sent = 0
  for (const moderator of docs) {
    if (!moderator.email) continue
    try {
      if (await sendDigestTo(payload, moderator, settings, now, fresh)) sent += 1
    } catch (err) {
      payload.logger.error({
        msg: `Could not send the moderation digest to user ${moderator.id}`,
        err,
      })
    }
  }
  return sent
}
