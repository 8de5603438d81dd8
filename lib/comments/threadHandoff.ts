import type { CommentNode } from './threads'

/**
 * A page's comment threads, handed from the server component that read them to the client
 * component that prints them, inside one server process.
 *
 * Why: a client component's props travel twice, once as HTML and again in the page's hydration
 * data (and every prop of a server component's output does too). A busy page of 50 threads held
 * each comment twice, more than half of its bytes. Handing the threads over here, under a key,
 * lets the HTML carry them once: only the key goes into the hydration data, and the browser keeps
 * the server's markup as it is (CommentThreads.client.tsx).
 *
 * Next renders a page's server components and then its HTML in the same process, one right after
 * the other. A request for the page's data alone (a client-side visit) stores threads that nobody
 * reads, so entries expire, and the store never holds more than a bounded number.
 */
export type HandedThreads = { threads: CommentNode[]; maxDepth: number }

type Entry = HandedThreads & { at: number }

const MAX_ENTRIES = 256
const TTL_MS = 60_000
const STORE = Symbol.for('inkwell.commentThreadHandoff')

const store = (): Map<string, Entry> => {
  const holder = globalThis as { [STORE]?: Map<string, Entry> }
  return (holder[STORE] ??= new Map())
}

/**
 * Drops what has expired, then the oldest until there is room for one more (a Map keeps
 * insertion order, so the oldest come first).
 */
const prune = (entries: Map<string, Entry>, now: number) => {
  for (const [key, entry] of entries) {
    if (entries.size < MAX_ENTRIES && now - entry.at < TTL_MS) break
    entries.delete(key)
  }
}

/** Stores a page's threads; returns the key to pass down. */
export const handOffThreads = (threads: HandedThreads, now = Date.now()): string => {
  const entries = store()
  prune(entries, now)
  const key = crypto.randomUUID()
  entries.set(key, { ...threads, at: now })
  return key
}

/**
 * The threads stored under a key, while they last. Read, not taken: a render that runs twice
 * must print the same comments both times.
 */
export const threadsHandedOff = (key: string): HandedThreads | undefined => store().get(key)
