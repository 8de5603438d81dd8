import type { AuthorRef, PostView } from './data/views'
import { type Crumb, absoluteUrl } from './site'

const person = (author: AuthorRef) => ({
  '@type': 'Person',
  name: author.name,
  ...(author.credentials ? { honorificSuffix: author.credentials } : {}),
  url: absoluteUrl(`/authors/${author.slug}`),
})

/**
 * JSON-LD for a post page: a BlogPosting with its authors, dates and image; when a clinician
 * reviewed it, also a MedicalWebPage naming the reviewer and the review date; and the
 * breadcrumb trail.
 */
export const postStructuredData = (post: PostView, siteName: string, trail: Crumb[]) => {
  const url = absoluteUrl(`/posts/${post.slug}`)
  const image = post.meta.image ?? post.image
  const graph: object[] = [
    {
      '@type': 'BlogPosting',
      '@id': `${url}#article`,
      headline: post.title,
      description: post.meta.description ?? post.excerpt ?? undefined,
      url,
      mainEntityOfPage: url,
      datePublished: post.publishedAt ?? undefined,
      dateModified: post.updatedAt,
      ...(image ? { image: [absoluteUrl(image.url)] } : {}),
      author: post.authors.map(person),
      publisher: { '@type': 'Organization', name: siteName, url: absoluteUrl('/') },
      keywords: post.tags.map((t) => t.title).join(', ') || undefined,
    },
  ]
  if (post.review) {
    graph.push({
      '@type': 'MedicalWebPage',
      '@id': `${url}#webpage`,
      url,
      name: post.title,
      ...(post.review.by ? { reviewedBy: person(post.review.by) } : {}),
      ...(post.review.lastReviewedAt
        ? { lastReviewed: post.review.lastReviewedAt.slice(0, 10) }
        : {}),
    })
  }
  graph.push({
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  })
  return { '@context': 'https://schema.org', '@graph': graph }
}
