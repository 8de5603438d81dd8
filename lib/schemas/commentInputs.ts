/**
 * The "Leave a Reply" form's input names for the comment collection's fields: the one place the
 * two are paired. The form keeps the names readers' browsers know (and autofill fills); the
 * schema, the action and the screening hook speak in field names. No zod here, so the form can
 * import it without taking the schema into the browser.
 */
export const COMMENT_INPUTS = {
  post: 'postId',
  parent: 'parentId',
  authorName: 'name',
  authorEmail: 'email',
  authorWebsite: 'website',
  body: 'body',
  formToken: 'token',
  homepage: 'homepage',
} as const

export type CommentField = keyof typeof COMMENT_INPUTS
export type CommentInputName = (typeof COMMENT_INPUTS)[CommentField]

export const isCommentField = (path: string): path is CommentField =>
  Object.hasOwn(COMMENT_INPUTS, path)

/** The form's values, read by field name, as the schema takes them (a missing input is undefined). */
export const commentFromForm = (form: FormData): Record<CommentField, unknown> => {
  const out = {} as Record<CommentField, unknown>
  for (const [field, input] of Object.entries(COMMENT_INPUTS) as [CommentField, string][]) {
    out[field] = form.get(input) ?? undefined
  }
  return out
}

/**
 * Errors by field (the schema's and the collection's paths alike) put under the form's inputs;
 * errors on anything that is not one of the form's fields are returned apart, to be said in words.
 */
export const inputErrorsOf = (errors: { path: string; message: string }[]) => {
  const byInput: Partial<Record<CommentInputName, string>> = {}
  const other: string[] = []
  for (const { path, message } of errors) {
    if (!isCommentField(path)) other.push(message)
    else byInput[COMMENT_INPUTS[path]] ??= message
  }
  return { byInput, other }
}
