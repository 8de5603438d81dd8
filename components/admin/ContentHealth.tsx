import type { ServerProps } from 'payload'

import { mayEditContent } from '@/access/canEditContent'
import { findMissingBlockReferences, findReviewsDue, reviewCutoff } from '@/lib/content/problems'
import { formatDate } from '@/lib/format'

const postUrl = (id: string) => `/admin/collections/posts/${id}`

/**
 * On the dashboard, for admins and editors: posts that insert a reusable block that no longer
 * exists, and posts whose medical review is missing or older than the site's limit.
 */
export const ContentHealth = async ({ payload, user }: ServerProps) => {
  if (!mayEditContent(user)) return null
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  const maxAge = settings.reviewMaxAgeDays ?? 365
  const [broken, due] = await Promise.all([
    findMissingBlockReferences(payload),
    findReviewsDue(payload, maxAge),
  ])
  const dueListUrl = `/admin/collections/posts?where[or][0][and][0][lastReviewedAt][less_than]=${encodeURIComponent(reviewCutoff(maxAge))}&where[or][1][and][0][lastReviewedAt][exists]=false`
  return (
    <section className="content-health" aria-labelledby="content-health-title">
      <h2 id="content-health-title">Content health</h2>
      <div className="content-health__panel">
        <h3>Content problems</h3>
        {broken.length === 0 ? (
          <p>No post refers to a missing reusable block.</p>
        ) : (
          <ul>
            {broken.map((post) => (
              <li key={post.id}>
                <a href={postUrl(post.id)}>{post.title}</a> inserts reusable block{' '}
                {post.missing.join(', ')}, which does not exist. Readers see nothing there; remove
                it or insert another block.
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="content-health__panel">
        <h3>Medical reviews due</h3>
        <p>
          {due.total === 0
            ? `Every published post was reviewed in the last ${maxAge} days.`
            : `${due.total} published ${due.total === 1 ? 'post has' : 'posts have'} no medical review in the last ${maxAge} days.`}{' '}
          {due.total > 0 && <a href={dueListUrl}>Show them all</a>}
        </p>
        {due.posts.length > 0 && (
          <ul>
            {due.posts.map((post) => (
              <li key={post.id}>
                <a href={postUrl(post.id)}>{post.title}</a>:{' '}
                {post.lastReviewedAt
                  ? `last reviewed ${formatDate(post.lastReviewedAt)}`
                  : 'never reviewed'}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
