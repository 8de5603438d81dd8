import type { LiveState } from '@/collections/Posts/hooks/revalidatePost'

/**
 * What our hooks read from a request's context, typed once. Only server code sets context:
 * REST and GraphQL requests cannot, so nothing here can be forged by a client.
 */
declare module 'payload' {
  interface RequestContext {
    /** Set by the comment form's server action, which reads these from the request itself. */
    commentForm?: {
      clientIp?: string
      userAgent?: string
      /** The id in the browser's signed returning-commenter cookie (one is issued if none). */
      commenterId?: string | null
      /** Written back by the screening hook: whether the comment was published at once. */
      published?: boolean
    }
    /** Imports and seeds of comments already moderated elsewhere skip screening. */
    trustedImport?: boolean
    /** Seeding and imports refresh pages once at the end instead of per document. */
    disableRevalidate?: boolean
    /** The real password reset, run after "forgot password" has answered (resetInBackground). */
    passwordResetInBackground?: boolean
    /** Posts' live states read before a change, for the after-hooks (see revalidatePost). */
    livePostsBefore?: Record<string, LiveState | null>
  }
}
