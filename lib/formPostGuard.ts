import { NextResponse } from 'next/server'

/** Next refuses server-action bodies over 1 MB (its default limit); we say so first, as a 413. */
export const FORM_POST_MAX_BYTES = 1024 * 1024

const page = (status: number, title: string, text: string) =>
  new NextResponse(
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><main style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${title}</h1><p>${text}</p><p><a href="/">Go to the latest posts</a></p></main></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    },
  )

/**
 * Where a post says it comes from: a page of this site (its Origin names the host it came to),
 * another origin ("null" from a sandboxed frame or a file counts as one), or none at all.
 */
export const postOrigin = (headers: Headers): 'this-site' | 'elsewhere' | 'none' => {
  const origin = headers.get('origin')
  if (origin === null) return 'none'
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  try {
    return host && new URL(origin).host === host ? 'this-site' : 'elsewhere'
  } catch {
    return 'elsewhere'
  }
}

/**
 * A form post (a server action) that Next itself would answer with a 500, answered with a 4xx
 * page a person can read instead: from another site, with no length, or too large. Null when
 * the post may go on to Next.
 */
export const refuseFormPost = (request: Request): NextResponse | null => {
  const { headers } = request
  // No Origin at all is not a browser's cross-site post (browsers always send one on POST); the
  // comment action refuses it itself, with a message in the form.
  if (postOrigin(headers) === 'elsewhere') {
    return page(
      403,
      'This form can only be sent from this website',
      'Open the page on this site and send the form from there.',
    )
  }
  const length = headers.get('content-length')
  if (length === null && headers.get('transfer-encoding')) {
    return page(
      411,
      'This form could not be sent',
      'Your browser sent the form without saying its size. Please try again.',
    )
  }
  if (Number(length) > FORM_POST_MAX_BYTES) {
    return page(
      413,
      'This is too much to send at once',
      'A comment can be up to 5,000 characters. Please shorten it and try again.',
    )
  }
  return null
}
