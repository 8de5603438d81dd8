import type { Payload } from 'payload'

import { skeleton } from './text'

/**
 * Names only the clinic signs with: the site's name, its staff's and its authors' names, and
 * "The clinic" that unsigned staff replies carry. A reader's comment under one of them could
 * pass for the clinic speaking, so it always waits for a moderator.
 */
export const clinicNameUsed = async (payload: Payload, name: string): Promise<string | null> =>
  firstContained(name, await clinicNames(payload))

/** Letters and digits only, as the name reads: "Dr. Maya  Alvarez" holds "mayaaivarez". */
const compact = (name: string) => skeleton(name).replace(/[^\p{L}\p{N}]/gu, '')

/**
 * The first of the names that the given one reads as or contains ("Dr. Maya Alvarez", "The
 * Clinic Team"), else null. Names shorter than four letters would catch innocent readers.
 */
export const nameContaining = (given: string, names: string[]): string | null =>
  firstContained(given, readable(names))

/** A name with how it reads, worked out once: reading one takes a dozen passes over the text. */
type Readable = { name: string; read: string }
const readable = (names: string[]): Readable[] =>
  names.map((name) => ({ name, read: compact(name) })).filter(({ read }) => read.length >= 4)
const firstContained = (given: string, names: Readable[]): string | null => {
  const read = compact(given)
  return names.find((n) => read.includes(n.read))?.name ?? null
}

/**
 * The names, read at most every half minute: a renamed author held a little late costs
 * nothing, three queries on every comment would.
 */
const MEMO = Symbol.for('inkwell.clinicNames')
type Memo = { names: Readable[]; until: number }
const clinicNames = async (payload: Payload): Promise<Readable[]> => {
  const memo = (globalThis as { [MEMO]?: Memo })[MEMO]
  if (memo && memo.until > Date.now()) return memo.names
  const names = readable(await readClinicNames(payload))
  ;(globalThis as { [MEMO]?: Memo })[MEMO] = { names, until: Date.now() + 30_000 }
  return names
}

const readClinicNames = async (payload: Payload): Promise<string[]> => {
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
  return [
    settings.siteName,
    'The clinic',
    ...users.docs.map((u) => u.name),
    ...authors.docs.map((a) => a.name),
  ].filter((n): n is string => Boolean(n))
}
