import Link from 'next/link'
import { Fragment } from 'react'

import type { TermRef } from '@/lib/data/views'

type Props = { categories: TermRef[]; tags: TermRef[] }

const Terms = ({ terms, base }: { terms: TermRef[]; base: string }) =>
  terms.map((term, i) => (
    <Fragment key={term.slug}>
      {i > 0 && ', '}
      <Link href={`${base}/${term.slug}`}>{term.title}</Link>
    </Fragment>
  ))

/** Where a post is filed, each category and tag linking to its archive. */
export const TermList = ({ categories, tags }: Props) => {
  if (categories.length === 0 && tags.length === 0) return null
  return (
    <dl className="terms">
      {categories.length > 0 && (
        <div>
          <dt>Filed under</dt>
          <dd>
            <Terms terms={categories} base="/categories" />
          </dd>
        </div>
      )}
      {tags.length > 0 && (
        <div>
          <dt>Tags</dt>
          <dd>
            <Terms terms={tags} base="/tags" />
          </dd>
        </div>
      )}
    </dl>
  )
}
