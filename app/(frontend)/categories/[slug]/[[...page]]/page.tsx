import {
  TermArchivePage,
  type TermArchiveProps,
  termArchiveMetadata,
} from '@/app/(frontend)/_archive/TermArchivePage'

// Rendered on first request and cached until a post or the categories change.
export const generateStaticParams = async () => []

export const generateMetadata = (props: TermArchiveProps) =>
  termArchiveMetadata('categories', props)

const Page = (props: TermArchiveProps) => <TermArchivePage kind="categories" {...props} />

export default Page
