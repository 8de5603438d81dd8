/** Fired on window once comments loaded after a client-side visit are in the page. */
export const COMMENTS_SHOWN = 'inkwell:comments-shown'

/**
 * The threads' markup from a page of comments, as its own server rendered it: fetched from the
 * same origin, parsed without running anything, the threads element's inner HTML taken whole.
 */
export const threadsMarkupFrom = async (src: string): Promise<string> => {
  const res = await fetch(src, { credentials: 'same-origin', headers: { accept: 'text/html' } })
  if (!res.ok) throw new Error(`${src}: ${res.status}`)
  const page = new DOMParser().parseFromString(await res.text(), 'text/html')
  const threads = page.getElementById('comment-threads')
  if (!threads || threads.childElementCount === 0) throw new Error(`${src}: no comments in it`)
  return threads.innerHTML
}

/** Brings the comment the address names into view, once it exists. */
export const scrollToNamedComment = () => {
  const hash = window.location.hash.slice(1)
  if (hash) document.getElementById(safelyDecoded(hash))?.scrollIntoView()
}

const safelyDecoded = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
