/**
 * What a reader sees when their comment could not reach the site at all (every app instance
 * down, the edge answering 502-504), in the form, with their text still in it. The edge's own
 * page for a form posted without JavaScript says the same in its words
 * (deploy/varnish/inkwell.vcl), since the reader has to go back to the form from there.
 */
export const COMMENTS_UNAVAILABLE_MESSAGE =
  'Comments are unavailable for a moment. Your comment was not sent; it is still here, so please try again in a few minutes.'

/**
 * What a reader sees when the site is up but its database cannot take the comment just now (the
 * disk is full, the file is read-only, a long import holds the write lock). Nothing they wrote
 * was wrong, so the form keeps it. Over REST the same words, without the part about the form.
 */
export const COMMENT_NOT_SAVED_MESSAGE =
  'We could not save your comment just now. It is still here: please try again in a few minutes.'
export const COMMENT_NOT_SAVED_API_MESSAGE =
  'We could not save your comment just now. Please try again in a few minutes.'
