import Link from 'next/link'

import { SearchForm } from './SearchForm'

type Props = { siteName: string; tagline: string | null }

/** The masthead on every reader page. */
export const SiteHeader = ({ siteName, tagline }: Props) => (
  <header className="site-header">
    <div className="container site-header__inner">
      <Link href="/" className="site-header__name">
        {siteName}
      </Link>
      {tagline && <p className="site-header__tagline">{tagline}</p>}
      <SearchForm id="site-search" />
    </div>
  </header>
)
