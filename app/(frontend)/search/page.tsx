import type { Metadata } from 'next'
import Link from 'next/link'

import { Highlighted } from '@/components/Highlighted'
import { Pagination } from '@/components/Pagination'
import { PostDate } from '@/components/PostDate'
import { SearchForm } from '@/components/SearchForm'
import { searchPosts } from '@/lib/data/search'
import { searchQuerySchema } from '@/lib/schemas/search'
import { queryWords } from '@/lib/search/words'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const parse = async ({ searchParams }: Props) => {
  const raw = await searchParams
  return searchQuerySchema.parse({ q: raw.q, page: raw.page })
}

// Answered per request, as the query asks (its reads are cached). Without this `next build` would
// start to prerender the page, and the layout would read the settings, opening the database,
// before the query string made it give up.
export const dynamic = 'force-dynamic'

// Results pages are for readers, not search engines.
export const generateMetadata = async (props: Props): Promise<Metadata> => {
  const { q } = await parse(props)
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } }
}

/** /search?q=...: posts matching every word, with the words marked, a page at a time. */
const SearchPage = async (props: Props) => {
  const { q, page } = await parse(props)
  const terms = queryWords(q)
  const found = q ? await searchPosts(q, page) : null
  return (
    <div className="search">
      <h1>{q ? `Search results for “${q}”` : 'Search'}</h1>
      <SearchForm query={q} id="search-page" name="Search again" />
      {found && (
        <p className="search__count" role="status">
          {found.totalDocs === 0
            ? 'No posts found.'
            : found.totalDocs === 1
              ? '1 post found.'
              : `${found.totalDocs} posts found.`}
        </p>
      )}
      {found && found.totalDocs === 0 && (
        <p className="empty">
          Nothing matches every word of “{q}”. Try fewer or different words, or browse the{' '}
          <Link href="/">latest posts</Link>.
        </p>
      )}
      {found && found.results.length > 0 && (
        <ol className="search-results">
          {found.results.map((result) => (
            <li key={result.slug} className="search-result">
              <h2 className="search-result__title">
                <Link href={`/posts/${result.slug}`}>
                  <Highlighted text={result.title} terms={terms} />
                </Link>
              </h2>
              {result.publishedAt && (
                <PostDate iso={result.publishedAt} className="search-result__date" />
              )}
              <p className="search-result__snippet">
                <Highlighted text={result.snippet} terms={terms} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {found && (
        <Pagination
          page={found.page}
          totalPages={found.totalPages}
          hrefFor={(n) => `/search?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ''}`}
        />
      )}
    </div>
  )
}

export default SearchPage
