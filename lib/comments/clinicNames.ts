import type { Payload } from 'payload'

import { skeleton } from './text'

/**
 * Names only the clinic signs with: the site's name, its staff's and its authors' names, and
 * "The clinic" that unsigned staff replies carry. A reader's comment under one of them could
 * pass for the clinic speaking, so it always waits for a moderator.
 */
export const clinicNameUsed = async (payload: Payload, name: string): Promise<string | null> => {
  const [settings, users, authors] = await Promise.all([
    payload.findGlobal({ slug: 'site-settings', depth: 0, select: { siteName: true } }),
    payload.find({
      collection: 'users',
      depth: 0,
      limit: 200,
      pagination: false,
      select: { name: true },
    }),
    payload.find({
      collection: 'authors',
      depth: 0,
      limit: 200,
      pagination: false,
      select: { name: true },
    }),
  ])
  const names = [
    settings.siteName,
    'The clinic',
    ...users.docs.map((u) => u.name),
    ...authors.docs.map((a) => a.name),
  ].filter((n): n is string => Boolean(n))
  const given = skeleton(name)
  return names.find((n) => skeleton(n) === given) ?? null
}
