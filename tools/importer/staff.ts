import { z } from 'zod'

import { type WxrAuthor, authorName } from './wxr'

/** A --staff login the export cannot match, refused before anything is written. */
export class StaffLoginError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StaffLoginError'
  }
}

/** The --staff option's value: WordPress logins (60 characters at most) separated by commas. */
export const staffOptionSchema = z
  .string({ error: '--staff needs WordPress logins, separated by commas.' })
  .transform((value) =>
    value
      .split(',')
      .map((login) => login.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(60, 'A WordPress login has 60 characters at most.'))
      .min(1, '--staff needs WordPress logins, separated by commas.'),
  )

/**
 * The export's authors named as staff, by WordPress user id. An export does not say who is an
 * editor or administrator, so only the logins the person importing names are trusted; they
 * match the export's `wp:author` entries whatever their case. A login the export does not have
 * is refused, rather than quietly leaving that person's replies unbadged.
 */
export const staffAuthors = (authors: WxrAuthor[], logins: string[]): Map<number, WxrAuthor> => {
  const byLogin = new Map(authors.map((a) => [a.login.toLowerCase(), a]))
  const staff = new Map<number, WxrAuthor>()
  for (const login of logins) {
    const author = byLogin.get(login.toLowerCase())
    if (!author) {
      const known = authors.map((a) => a.login).join(', ') || 'none'
      throw new StaffLoginError(
        `--staff ${login}: there is no WordPress user “${login}” in this export (its users are ${known}).`,
      )
    }
    // Without its id nothing ties the login to comments; 0 would match every guest's comment.
    if (!author.id) {
      throw new StaffLoginError(
        `--staff ${login}: the export gives no user id (wp:author_id) for “${author.login}”, so their comments cannot be found.`,
      )
    }
    staff.set(author.id, author)
  }
  return staff
}

/**
 * The report's word on a registered WordPress user whose comments were imported as a reader's:
 * their comments would get a Staff badge only if named with --staff, and nobody knows to do that
 * unless told. The suggested option keeps the logins already given, so the rerun demotes no one.
 */
export const readerCommentsWarning = (
  userId: number,
  commentAuthor: string,
  authors: WxrAuthor[],
  staff: Map<number, WxrAuthor>,
): { item: string; message: string } => {
  const author = authors.find((a) => a.id === userId)
  if (!author) {
    return {
      item: `user ${userId}`,
      message: `comments by WordPress user ${userId} (${commentAuthor}) were imported as reader comments: the export does not list this user among its authors, so --staff cannot name them`,
    }
  }
  const logins = [...[...staff.values()].map((a) => a.login), author.login].join(',')
  return {
    item: `author ${author.login}`,
    message: `comments by WordPress user “${author.login}” (${authorName(author)}) were imported as reader comments: an export does not say who is an editor or administrator; run again with --staff ${logins} if they are`,
  }
}
