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
 * The key is the threads' version (a hash of them, made by the server component), so every render
 * of the same comments shares one entry, and the browser can tell when the comments changed.
 * Next renders a page's server components and then its HTML in the same process, one right after
 * the other. A request for the page's data alone (a client-side visit) stores threads that nobody
 * reads, so entries expire; past a soft bound the oldest go, but never one handed over in the last
 * few seconds (its HTML may still be rendering), and past a hard bound the oldest go regardless.
 */
export type HandedThreads = { threads: CommentNode[]; maxDepth: number }

type Entry = HandedThreads & { at: number }

const SOFT_MAX_ENTRIES = 256
const HARD_MAX_ENTRIES = 4096
const TTL_MS = 60_000
const MIN_AGE_MS = 10_000
const STORE = Symbol.for('inkwell.commentThreadHandoff')

const store = (): Map<string, Entry> => {
  const holder = globalThis as { [STORE]?: Map<string, Entry> }
  return (holder[STORE] ??= new Map())
}

/** Drops entries oldest first (a Map keeps insertion order, and a renewed entry goes last). */
const prune = (entries: Map<string, Entry>, now: number) => {
  for (const [key, entry] of entries) {
    const age = now - entry.at
    const expired = age >= TTL_MS
    const crowded = entries.size >= SOFT_MAX_ENTRIES && age >= MIN_AGE_MS
    if (!expired && !crowded && entries.size < HARD_MAX_ENTRIES) break
    entries.delete(key)
  }
}

/** Stores a page's threads under their version; returns the key to pass down. */
export const handOffThreads = (version: string, threads: HandedThreads, now = Date.now()) => {
  const entries = store()
  entries.delete(version)
  prune(entries, now)
  entries.set(version, { ...threads, at: now })
  return version
}

/**
 * The threads stored under a key, while they last. Read, not taken: a render that runs twice
 * must print the same comments both times.
 */
export const threadsHandedOff = (key: string): HandedThreads | undefined => store().get(key)
