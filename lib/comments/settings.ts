import type { Payload } from 'payload'

/**
 * The moderation settings with their defaults. Staff-only (the word lists would tell spammers
 * what to avoid), so the server reads them with access off and hands out only what it needs.
 */
export const moderationSettings = async (payload: Payload) => {
  const s = await payload.findGlobal({
    slug: 'moderation-settings',
    depth: 0,
    overrideAccess: true,
  })
  return {
    disallowedWords: s.disallowedWords ?? '',
    moderationWords: s.moderationWords ?? '',
    maxLinks: s.maxLinks ?? 2,
    trustApprovedCommenters: s.trustApprovedCommenters ?? true,
    closeAfterDays: s.closeAfterDays ?? 0,
    maxThreadDepth: s.maxThreadDepth ?? 3,
    threadsPerPage: s.threadsPerPage ?? 50,
    threadOrder: s.threadOrder ?? 'oldest',
    pendingCeiling: s.pendingCeiling ?? 100,
    moderatorEmailsPerHour: s.moderatorEmailsPerHour ?? 10,
    digestIntervalMinutes: s.digestIntervalMinutes ?? 60,
    commenterDetailsDays: s.commenterDetailsDays ?? 90,
    spamDays: s.spamDays ?? 30,
    trashDays: s.trashDays ?? 30,
  }
}

export type ModerationSettings = Awaited<ReturnType<typeof moderationSettings>>

/** Duplicates are the same text (as it reads) from the same email or IP within this window. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000
