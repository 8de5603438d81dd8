// The abuse corpus (abuse.int.test.ts): what must be refused and what held, and the posts and
// comments the refusals aim at, made once before the corpus runs.

import {
  type Submission,
  approve,
  otherPostId,
  payload,
  postId,
  submit,
  token,
  valid,
} from '../../support/commentApi'
import { createTestPost } from '../../support/posts'

export const targets = {} as {
  draftId: number | string
  closedId: number | string
  futureId: number | string
  pendingParent: number | string
  approvedParent: number | string
}

export const makeTargets = async () => {
  targets.draftId = (await createTestPost(payload, 'draft', 'Unpublished')).id
  targets.closedId = (await createTestPost(payload, 'closed', 'Closed for comments')).id
  targets.futureId = (await createTestPost(payload, 'future', 'Published for next week')).id
  await payload.updateGlobal({
    slug: 'moderation-settings',
    data: { disallowedWords: 'casino\ncheap pills', moderationWords: 'refund', maxLinks: 2 },
  })
  targets.pendingParent = (await submit(valid())).doc!.id as string
  targets.approvedParent = (await submit(valid())).doc!.id as string
  await approve(targets.approvedParent)
}

export const refused: [string, () => Submission, number, RegExp][] = [
  ['missing name', () => valid({ authorName: '' }), 400, /enter your name/],
  [
    'a name of zero-width spaces',
    () => valid({ authorName: '\u200b\u200b\u200b' }),
    400,
    /enter your name/,
  ],
  [
    'a name with a right-to-left override',
    () => valid({ authorName: 'Rosa\u202eesoR' }),
    400,
    /line breaks or invisible characters/,
  ],
  [
    'a name with a line break',
    () => valid({ authorName: 'Rosa\nAdmin: approved' }),
    400,
    /line breaks or invisible characters/,
  ],
  ['missing email', () => valid({ authorEmail: undefined }), 400, /enter your email/],
  ['invalid email', () => valid({ authorEmail: 'not-an-email' }), 400, /valid email/],
  ['SQL in the email', () => valid({ authorEmail: "a@b.com' OR '1'='1" }), 400, /valid email/],
  [
    'javascript: website',
    () => valid({ authorWebsite: 'javascript:alert(1)' }),
    400,
    /http:\/\/ or https:\/\//,
  ],
  [
    'data: website',
    () => valid({ authorWebsite: 'data:text/html,<script>alert(1)</script>' }),
    400,
    /http:\/\/ or https:\/\//,
  ],
  ['one-character comment', () => valid({ body: 'x' }), 400, /at least 2 characters/],
  ['whitespace-only comment', () => valid({ body: '     ' }), 400, /at least 2 characters/],
  [
    'invisible-only comment',
    () => valid({ body: '\u200b\u00ad\u2060' }),
    400,
    /at least 2 characters/,
  ],
  ['oversized comment', () => valid({ body: 'x'.repeat(5001) }), 400, /under 5000 characters/],
  ['oversized name', () => valid({ authorName: 'n'.repeat(81) }), 400, /under 80 characters/],
  [
    'script tag as a name',
    () => valid({ authorName: '<script>alert(1)</script>' }),
    400,
    /cannot contain/,
  ],
  ['honeypot filled', () => valid({ homepage: 'http://spam.example' }), 400, /could not be posted/],
  ['no time token', () => valid({ formToken: undefined }), 400, /expired/],
  ['posted too fast', () => valid({ formToken: token(postId, 0) }), 400, /That was quick/],
  [
    'forged token',
    () => valid({ formToken: `${postId}.${Math.floor(Date.now() / 1000) - 60}.nonce.forged` }),
    400,
    /expired/,
  ],
  ['token for another post', () => valid({ formToken: token(otherPostId) }), 400, /expired/],
  ['stale token', () => valid({ formToken: token(postId, 3 * 86_400_000) }), 400, /expired/],
  [
    'unknown post',
    () => valid({ post: 987654, formToken: token(987654) }),
    403,
    /cannot be commented/,
  ],
  [
    'unpublished post',
    () => valid({ post: targets.draftId, formToken: token(targets.draftId) }),
    403,
    /cannot be commented/,
  ],
  [
    'future-dated post',
    () => valid({ post: targets.futureId, formToken: token(targets.futureId) }),
    403,
    /cannot be commented/,
  ],
  [
    'closed post',
    () => valid({ post: targets.closedId, formToken: token(targets.closedId) }),
    403,
    /Comments are closed/,
  ],
  [
    'reply to a pending comment',
    () => valid({ parent: targets.pendingParent }),
    400,
    /not available/,
  ],
  [
    'reply across posts',
    () =>
      valid({ parent: targets.approvedParent, post: otherPostId, formToken: token(otherPostId) }),
    400,
    /not available/,
  ],
]

export const held: [string, () => Submission, string, string][] = [
  [
    'three links',
    () => valid({ body: 'https://a.example https://b.example https://c.example' }),
    'pending',
    '3 links',
  ],
  [
    'a disallowed word',
    () => valid({ body: 'Visit my casino tonight' }),
    'spam',
    'disallowed word: casino',
  ],
  [
    'a disallowed word behind a zero-width space',
    () => valid({ body: 'Visit my cas\u200bino tonight' }),
    'spam',
    'disallowed word: casino',
  ],
  [
    'a disallowed word behind a soft hyphen',
    () => valid({ body: 'Visit my cas\u00adino tonight' }),
    'spam',
    'disallowed word: casino',
  ],
  [
    'a disallowed word in Cyrillic look-alikes',
    () => valid({ body: 'Visit my саsіnо tonight' }),
    'spam',
    'disallowed word: casino',
  ],
  [
    'a disallowed word in fullwidth letters',
    () => valid({ body: 'Visit my ｃａｓｉｎｏ tonight' }),
    'spam',
    'disallowed word: casino',
  ],
  [
    'a disallowed phrase spread over extra spaces',
    () => valid({ body: 'Buy cheap     pills here' }),
    'spam',
    'disallowed word: cheap pills',
  ],
  [
    'a moderation word',
    () => valid({ body: 'I would like a refund please' }),
    'pending',
    'matched word: refund',
  ],
  [
    'a script tag in the comment',
    () => valid({ body: '<script>alert("x")</script> nice post' }),
    'pending',
    'first comment from this email',
  ],
  [
    'SQL in the comment',
    () => valid({ body: "'); DROP TABLE comments;--" }),
    'pending',
    'first comment from this email',
  ],
]
