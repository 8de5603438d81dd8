import type { Payload, SanitizedConfig } from 'payload'

import type { DocId } from '@/lib/docId'
import { type KeyedDoc, createWithKey, findByKey, importKey } from '@/tools/findOrCreate'

import type { UploadFile } from './media'
import { staffAuthors } from './staff'
import type { WxrAuthor, WxrHead, WxrItem } from './wxr'

export const KINDS = [
  'authors',
  'categories',
  'tags',
  'media',
  'blocks',
  'posts',
  'comments',
  'redirects',
] as const
export type Kind = (typeof KINDS)[number]
export type Tally = { imported: number; updated: number; unchanged: number; skipped: number }
export type ImportReport = {
  site: string
  dryRun: boolean
  counts: Record<Kind, Tally>
  /** Every document created or changed (or, in a dry run, that would be), by import key. */
  changes: { key: string; action: 'imported' | 'updated' }[]
  warnings: { item: string; message: string }[]
}
export type ImportOptions = {
  dryRun?: boolean
  /** The WordPress uploads folder (wp-content/uploads), for images. */
  mediaDir?: string
  /**
   * Logins of the WordPress editors and administrators: only their comments become staff replies
   * (an export does not say who is staff). A login the export does not have is refused.
   */
  staffLogins?: string[]
  /** Called before each item, for a progress bar. */
  onItem?: (label: string) => void
}

/**
 * What an import step gets back for a document: its id, or null when a dry run would create it
 * (nothing is written, so there is no id yet). Never a made-up id: ids may be strings.
 */
export type Ref = DocId | null

type Collection =
  | 'authors'
  | 'categories'
  | 'tags'
  | 'media'
  | 'reusable-blocks'
  | 'posts'
  | 'comments'
  | 'redirects'

/** The import key of a WordPress thing, by its kind and its WordPress id (or login). */
export const wpKey = (kind: string, id: string | number) => `wordpress:${kind}:${id}`

/**
 * Hooks do no screening (these comments were moderated on WordPress) and no page refreshes.
 * A fresh object per call: Payload and its plugins write flags into a call's context (the
 * storage plugin's skipCloudStorage), and a shared one kept every upload after the first out
 * of the S3 bucket.
 */
export const importContext = () => ({ trustedImport: true, disableRevalidate: true })

/**
 * Waits for the event loop's next turn. SQLite answers the Local API without ever leaving the
 * current turn, so a whole import used to run in one: what its work deferred to the end of the
 * turn (process.nextTick callbacks, and all they hold: once a JSDOM window per post) piled up
 * until the end. Ending each item's turn lets them run and be let go.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** One import run: its report, the ids of what it brought over so far, and how it writes. */
export type ImportSession = ReturnType<typeof createSession>

export const createSession = (
  payload: Payload,
  config: SanitizedConfig,
  /** The head, and the items other than posts (the posts come one at a time, to importPost). */
  site: WxrHead & { items: WxrItem[] },
  options: ImportOptions,
) => {
  const staff: Map<number, WxrAuthor> = staffAuthors(site.authors, options.staffLogins ?? [])
  const dryRun = Boolean(options.dryRun)
  const report: ImportReport = {
    site: site.title,
    dryRun,
    counts: Object.fromEntries(
      KINDS.map((k) => [k, { imported: 0, updated: 0, unchanged: 0, skipped: 0 }]),
    ) as Record<Kind, Tally>,
    changes: [],
    warnings: [],
  }
  const warn = (item: string, message: string) => report.warnings.push({ item, message })

  /** Creates, updates or leaves alone one document, by its import key. */
  const upsert = async (
    kind: Kind,
    collection: Collection,
    key: string,
    data: Record<string, unknown>,
    same: (existing: KeyedDoc) => boolean,
    extra: { file?: UploadFile; draft?: boolean } = {},
  ): Promise<Ref> => {
    const existing = await findByKey(payload, collection, importKey(key))
    if (existing && same(existing)) {
      report.counts[kind].unchanged += 1
      return existing.id
    }
    const action = existing ? 'updated' : 'imported'
    // Counted once written, so an item refused by the database is only "skipped".
    const counted = () => {
      report.counts[kind][action] += 1
      report.changes.push({ key, action })
    }
    if (dryRun) {
      counted()
      return existing?.id ?? null
    }
    if (existing) {
      await payload.update({
        collection,
        id: existing.id,
        data,
        context: importContext(),
        depth: 0,
        draft: extra.draft,
      } as never)
      counted()
      return existing.id
    }
    const id = await createWithKey(payload, {
      collection,
      key: importKey(key),
      data,
      context: importContext,
      draft: extra.draft,
      file: extra.file,
    })
    counted()
    return id
  }

  /** Runs one item, reporting instead of stopping when it fails. */
  const each = async (kind: Kind, label: string, work: () => Promise<void>) => {
    options.onItem?.(label)
    try {
      await work()
    } catch (error) {
      report.counts[kind].skipped += 1
      warn(label, `not imported: ${error instanceof Error ? error.message : String(error)}`)
    }
    await nextTurn()
  }

  return {
    payload,
    config,
    site,
    options,
    dryRun,
    staff,
    report,
    warn,
    upsert,
    each,
    /** What each step brought over, for the steps after it; by WordPress login, slug or id. */
    ids: {
      authors: new Map<string, Ref>(),
      categories: new Map<string, Ref>(),
      tags: new Map<string, Ref>(),
      /** By path under the uploads folder, as post content links to images. */
      media: new Map<string, Ref>(),
      mediaByWpId: new Map<number, Ref>(),
      blocks: new Map<number, Ref>(),
    },
    /** Posts brought over, for the refresh at the end. */
    posts: [] as { id: Ref; slug: string }[],
    /** Registered WordPress users whose comments were imported as a reader's, by user id. */
    readerUsers: new Map<number, string>(),
  }
}
