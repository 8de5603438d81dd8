import type { TermRef } from '@/lib/data/views'

type Props = { categories: TermRef[]; tags: TermRef[] }

/** Where a post is filed. Plain text for now: archive pages come with the publishing issue (#5). */
export const TermList = ({ categories, tags }: Props) => {
  if (categories.length === 0 && tags.length === 0) return null
  return (
    <dl className="terms">
      {categories.length > 0 && (
        <div>
          <dt>Filed under</dt>
          <dd>{categories.map((c) => c.title).join(', ')}</dd>
        </div>
      )}
      {tags.length > 0 && (
        <div>
          <dt>Tags</dt>
          <dd>{tags.map((t) => t.title).join(', ')}</dd>
        </div>
      )}
    </dl>
  )
}
