import type { CommentFormState } from '@/lib/actions/comments'
import { COMMENTS_UNAVAILABLE_MESSAGE } from '@/lib/comments/unavailable'

export type PostComment = (state: CommentFormState, data: FormData) => Promise<CommentFormState>

/**
 * A post whose request never got an answer from the site (the network failed, or every app
 * instance is down and the edge answered 502-504 with its own page) becomes a message next to
 * the form, instead of an error thrown into the nearest error boundary, which would lose the
 * comment.
 */
export const answeringWhenUnreachable =
  (postComment: PostComment): PostComment =>
  async (state, data) => {
    try {
      return await postComment(state, data)
    } catch (error) {
      // Kept in the browser's console: a fault of the page itself would also land here.
      console.error('The comment could not be sent:', error)
      return { ok: false, message: COMMENTS_UNAVAILABLE_MESSAGE }
    }
  }
