import Link from 'next/link'

import type { Crumb } from '@/lib/site'

/** Where a page sits: Home › Category › Post. The last crumb is the current page. */
export const Breadcrumbs = ({ trail }: { trail: Crumb[] }) => (
  <nav aria-label="Breadcrumb" className="breadcrumbs">
    <ol>
      {trail.map((crumb, i) => (
        <li key={crumb.path}>
          {i === trail.length - 1 ? (
            <span aria-current="page">{crumb.name}</span>
          ) : (
            <Link href={crumb.path}>{crumb.name}</Link>
          )}
        </li>
      ))}
    </ol>
  </nav>
)
