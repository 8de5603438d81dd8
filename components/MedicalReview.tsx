import Link from 'next/link'

import type { PostView } from '@/lib/data/views'
import { authorLabel } from '@/lib/format'

import { PostDate } from './PostDate'

/** "Medically reviewed by Dr. Ana Ruiz, MD · Last reviewed March 3, 2026", under the byline. */
export const MedicalReview = ({ review }: { review: NonNullable<PostView['review']> }) => (
  <p className="medical-review">
    {review.by && (
      <span>
        Medically reviewed by{' '}
        <Link href={`/authors/${review.by.slug}`}>{authorLabel(review.by)}</Link>
      </span>
    )}
    {review.by && review.lastReviewedAt && <span aria-hidden="true"> · </span>}
    {review.lastReviewedAt && (
      <span>
        Last reviewed <PostDate iso={review.lastReviewedAt} />
      </span>
    )}
  </p>
)
