import { randomUUID } from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { type Owner, isRunning, thisProcess } from './processOwner'
import { markNewestVersionLatest } from './repairVersions'

/**
 * All or nothing for a post's save on SQLite. Payload runs SQLite without transactions (a
 * transaction there takes its own connection and would stall the one server thread while another
 * waits for the lock), so a save is a dozen statements that each commit: the post's row and its
 * tags, categories and authors, then a new version, then the older versions unmarked. A process
 * killed in between (the crash drill catches it) leaves a post whose published row and newest
 * version disagree, or a version without its relations.
 *
 * So before a save's first write to a post, the journal stores (in Payload's key-value store, one
 * committed row) the post as it was and the ids of its versions; when the save's version is
 * written, the entry is deleted. An entry left behind by a process that is gone is a save that
 * never finished, never answered "saved": at start-up `recoverInterruptedSaves` puts the post
 * back as it was, removes the versions the save made and marks the newest remaining one latest.
 * A write that fails in a running server (a full disk) is put back the same way at once, or at
 * the next start if putting it back fails too.
 *
 * Creating a post is not journaled: until its first version exists there is nothing to go back
 * to, and the importer creates thousands. Two staff saving the same post at the same moment share
 * one entry (Payload's document lock keeps that from happening through the dashboard).
 */
const COLLECTION = 'posts'
const VERSIONS_TABLE = '_posts_v'
export const JOURNAL_PREFIX = 'inkwell:post-save:'

type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

export type SaveEntry = {
  post: Id
  owner: Owner
  startedAt: string
  /** The ids of the versions the post had before the save: any other was made by it. */
  versions: Id[]
  /** The post as stored before the save's first write to it, when the save writes the post. */
  before?: Doc
  /** A version as it was before the save changed it in place (autosave, unpublish). */
  versionBefore?: Doc
}

type Span = { key: string; entry: SaveEntry }
type Write = (args: Record<string, unknown>) => Promise<unknown>
type Adapter = {
  name: string
  findOne: Write
  findVersions: Write
  updateOne: Write
  updateVersion: Write
  createVersion: Write
  deleteVersions: Write
  drizzle: { all: (query: unknown) => Promise<Array<Record<string, unknown>>> }
}

const JOURNALED = Symbol.for('inkwell.saveJournal')

type Spans = Map<string, Span>
/** The open spans of this process, and the adapter's own writes (an undo is not journaled). */
type Journal = { spans: Spans; raw: Pick<Adapter, 'updateOne' | 'updateVersion' | 'createVersion'> }
const adapterOf = (payload: Payload) => payload.db as unknown as Adapter & { [JOURNALED]?: Journal }

const versionIdsOf = async (db: Adapter, post: Id): Promise<Id[]> =>
  (
    await db.drizzle.all(sql`SELECT id FROM ${sql.identifier(VERSIONS_TABLE)}
      WHERE parent_id = ${post}`)
  ).map((row) => row.id as Id)

const findPost = async (db: Adapter, post: Id) =>
  (await db.findOne({ collection: COLLECTION, where: { id: { equals: post } } })) as Doc | null

const findVersion = async (db: Adapter, id: Id) =>
  (
    (await db.findVersions({
      collection: COLLECTION,
      where: { id: { equals: id } },
      limit: 1,
      pagination: false,
    })) as { docs: Doc[] }
  ).docs[0]

/** Puts a post back as the entry found it, then forgets the entry. Safe to repeat. */
export const undoSave = async (payload: Payload, key: string, entry: SaveEntry) => {
  const db = adapterOf(payload)
  const raw = db[JOURNALED]?.raw ?? db
  if (await findPost(db, entry.post)) {
    if (entry.before) await updatePostOutsideSaves(payload, { id: entry.post, data: entry.before })
    const version = entry.versionBefore
    if (version) {
      const { id, ...versionData } = version
      await raw.updateVersion.call(db, { collection: COLLECTION, id, versionData })
    }
    await db.deleteVersions({
      collection: COLLECTION,
      where: { and: [{ parent: { equals: entry.post } }, { id: { not_in: entry.versions } }] },
    })
    await markNewestVersionLatest(payload, entry.post)
  }
  await payload.kv.delete(key)
}

/**
 * The entry for a post's save, written before the first write `need` names. A span left open by
 * an earlier save that failed is reused: it holds the last state known to be whole.
 */
const openSpan = async (
  payload: Payload,
  spans: Spans,
  post: Id,
  need: { before?: true; versionId?: Id },
): Promise<Span | null> => {
  const db = adapterOf(payload)
  let span = spans.get(String(post))
  let changed = false
  if (!span) {
    const versions = await versionIdsOf(db, post)
    if (!versions.length) return null
    span = {
      key: `${JOURNAL_PREFIX}${post}:${randomUUID()}`,
      entry: { post, owner: thisProcess(), startedAt: new Date().toISOString(), versions },
    }
    changed = true
  }
  const { entry } = span
  if (need.before && !entry.before) {
    const before = await findPost(db, post)
    if (!before) return null
    entry.before = before
    changed = true
  }
  const versionId = need.versionId
  if (
    versionId !== undefined &&
    !entry.versionBefore &&
    entry.versions.some((id) => String(id) === String(versionId))
  ) {
    entry.versionBefore = await findVersion(db, versionId)
    changed = Boolean(entry.versionBefore) || changed
  }
  if (changed) await payload.kv.set(span.key, entry)
  spans.set(String(post), span)
  return span
}

/** Runs one of the adapter's writes to a post inside its span. */
const journaled = async (
  payload: Payload,
  spans: Spans,
  post: Id,
  need: { before?: true; versionId?: Id },
  write: () => Promise<unknown>,
  { closes }: { closes: boolean },
) => {
  const span = await openSpan(payload, spans, post, need)
  if (!span) return write()
  let result: unknown
  try {
    result = await write()
    // Deleting the entry is part of the save: if it cannot be deleted, the save is undone, so a
    // later start never undoes a save that was answered "saved".
    if (closes) await payload.kv.delete(span.key)
  } catch (error) {
    // Put the post back now; if that fails too (the disk is still full), the span stays open for
    // the next save of this post and the entry for the next start.
    try {
      await undoSave(payload, span.key, span.entry)
      spans.delete(String(post))
    } catch (undoError) {
      payload.logger.error({ err: undoError, msg: `Could not put post ${post} back yet.` })
    }
    throw error
  }
  if (closes) spans.delete(String(post))
  return result
}

/** Wraps the SQLite adapter's writes to posts; other adapters and collections are untouched. */
export const installSaveJournal = (payload: Payload): void => {
  const db = adapterOf(payload)
  if (db.name !== 'sqlite' || db[JOURNALED]) return
  const spans: Spans = new Map()
  const { updateOne, createVersion, updateVersion } = db
  db[JOURNALED] = { spans, raw: { updateOne, createVersion, updateVersion } }

  db.updateOne = function (args) {
    const id = args.id as Id | undefined
    if (args.collection !== COLLECTION || id === undefined) return updateOne.call(this, args)
    return journaled(payload, spans, id, { before: true }, () => updateOne.call(this, args), {
      closes: false,
    })
  }
  // A save's last write is its version: created new, or the latest one changed in place.
  db.createVersion = function (args) {
    const post = args.parent as Id | undefined
    if (args.collectionSlug !== COLLECTION || post === undefined) {
      return createVersion.call(this, args)
    }
    return journaled(payload, spans, post, {}, () => createVersion.call(this, args), {
      closes: true,
    })
  }
  db.updateVersion = function (args) {
    const id = args.id as Id | undefined
    const post = (args.versionData as { parent?: Id } | undefined)?.parent
    if (args.collection !== COLLECTION || id === undefined || post === undefined) {
      return updateVersion.call(this, args)
    }
    return journaled(
      payload,
      spans,
      post,
      { versionId: id },
      () => updateVersion.call(this, args),
      {
        closes: true,
      },
    )
  }
}

/**
 * A write to a post's row that is not part of a save (the start-up pass that adds its search
 * words, lib/server/searchBackfill): straight to the adapter, since the journal would keep an
 * entry for it that nothing closes, and a later start would undo it.
 */
export const updatePostOutsideSaves = (payload: Payload, args: { id: Id; data: Doc | object }) => {
  const db = adapterOf(payload)
  const raw = db[JOURNALED]?.raw ?? db
  return raw.updateOne.call(db, { collection: COLLECTION, ...args })
}

/** The entries still in the journal, with their keys. */
export const journalEntries = async (payload: Payload) => {
  const keys = (await payload.kv.keys()).filter((key) => key.startsWith(JOURNAL_PREFIX))
  const entries: Array<{ key: string; entry: SaveEntry }> = []
  for (const key of keys) {
    const entry = await payload.kv.get<SaveEntry>(key)
    if (entry) entries.push({ key, entry })
  }
  return entries
}

/**
 * At start-up: undoes every save whose process is gone (killed in the middle of it). Entries of
 * processes still running (another instance, a script) are saves under way and stay.
 */
export const recoverInterruptedSaves = async (
  payload: Payload,
  { isGone = (owner: Owner) => !isRunning(owner) } = {},
): Promise<number> => {
  const db = adapterOf(payload)
  if (db.name !== 'sqlite') return 0
  let undone = 0
  for (const { key, entry } of await journalEntries(payload)) {
    if (!isGone(entry.owner)) continue
    await undoSave(payload, key, entry)
    const spans = db[JOURNALED]?.spans
    if (spans?.get(String(entry.post))?.key === key) spans.delete(String(entry.post))
    undone += 1
    payload.logger.warn(
      `Post ${entry.post}: a save cut off at ${entry.startedAt} was undone; the post is as it was before it.`,
    )
  }
  return undone
}
