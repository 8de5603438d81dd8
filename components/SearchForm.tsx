/** A plain GET form: works without JavaScript and gives every search its own address. */
export const SearchForm = ({
  query = '',
  id = 'search',
  name = 'Search the blog',
}: {
  query?: string
  id?: string
  /** Each search landmark on a page needs its own name. */
  name?: string
}) => (
  <form action="/search" method="get" role="search" aria-label={name} className="search-form">
    <label htmlFor={`${id}-q`} className="visually-hidden">
      Search posts
    </label>
    <input
      id={`${id}-q`}
      type="search"
      name="q"
      defaultValue={query}
      maxLength={100}
      placeholder="Search posts"
    />
    <button type="submit" className="button button--small">
      Search
    </button>
  </form>
)
