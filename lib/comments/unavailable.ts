/**
 * What a reader sees when their comment could not reach the site at all (every app instance
 * down, the edge answering 502-504). Plain words in one place, so the edge's own error page can
 * say the same thing.
 */
export const COMMENTS_UNAVAILABLE_MESSAGE =
  'Comments are unavailable for a moment. Your comment was not sent; it is still here, so please try again in a few minutes.'
