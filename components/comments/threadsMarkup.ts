/** Fired on window once comments loaded after a client-side visit are in the page. */
export const COMMENTS_SHOWN = 'inkwell:comments-shown'

const TRIES = 4
const RETRY_MS = 400

/**
 * The threads' markup from a page of comments, as its own server rendered it: fetched from this
 * site only, parsed without running anything, the threads element's inner HTML taken whole. The
 * page may still be the one from before the change that made `version` (the edge is purged just
 * after the reader's comment is answered), so an older version is asked for again a few times
 * before it is taken as it is.
 */
export const threadsMarkupFrom = async (src: string, version: string): Promise<string> => {
  const url = new URL(src, window.location.href)
  if (url.origin !== window.location.origin) throw new Error(`${src}: not on this site`)
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, {
      credentials: 'same-origin',
      redirect: 'error',
      cache: 'no-cache',
      headers: { accept: 'text/html' },
    })
    if (!res.ok || !res.headers.get('content-type')?.startsWith('text/html')) {
      throw new Error(`${src}: ${res.status} ${res.headers.get('content-type')}`)
    }
    const page = new DOMParser().parseFromString(await res.text(), 'text/html')
    const threads = page.querySelector<HTMLElement>('#comment-threads[data-version]')
    if (!threads || threads.childElementCount === 0) throw new Error(`${src}: no comments in it`)
    if (threads.dataset.version === version || attempt === TRIES) return threads.innerHTML
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
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
