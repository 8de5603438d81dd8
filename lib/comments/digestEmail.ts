import { shortText } from '@/lib/format'
import { MODERATION_PATH } from '@/lib/moderation/tabs'

/** How many held comments one digest lists; the rest are counted and wait in the dashboard. */
export const DIGEST_LIST_MAX = 20

export type HeldComment = {
  id: string
  authorName: string
  postTitle: string
  body: string
  signals: string[]
}

/**
 * Links in a stranger's words, made unclickable: the email quotes the comment to people who
 * trust mail from their own site, which is what a phishing link would count on.
 */
export const defang = (text: string): string =>
  text.replace(/\b(https?):\/\//gi, '$1[:]//').replace(/\bwww\./gi, 'www[.]')

/** "1 comment awaits moderation", "3 comments await moderation". */
export const digestSubject = (pending: number): string =>
  pending === 1 ? '1 comment awaits moderation' : `${pending} comments await moderation`

/**
 * The digest a moderator gets: what arrived since their last one (author, post, a defanged
 * excerpt, why it was held, a link to it) and, in the subject, how many wait in all.
 */
export const digestEmail = ({
  comments,
  pending,
  serverUrl,
}: {
  comments: HeldComment[]
  pending: number
  serverUrl: string
}): { subject: string; text: string } => {
  const listed = comments.slice(0, DIGEST_LIST_MAX)
  const lines = listed.flatMap((c) => [
    `${defang(c.authorName)} on "${c.postTitle}":`,
    `  ${defang(shortText(c.body, 300))}`,
    `  Why it is held: ${c.signals.join(', ') || 'none'}`,
    `  Review it: ${serverUrl}/admin/collections/comments/${c.id}`,
    '',
  ])
  const more = comments.length - listed.length
  return {
    subject: digestSubject(pending),
    text: [
      `New since your last digest: ${comments.length}. Waiting in all: ${pending}.`,
      '',
      ...lines,
      ...(more > 0 ? [`And ${more} more.`, ''] : []),
      'Links in comments are shown broken on purpose; read them in the dashboard.',
      `The whole queue: ${serverUrl}${MODERATION_PATH}`,
    ].join('\n'),
  }
}
