import {
  TermArchivePage,
  type TermArchiveProps,
  termArchiveMetadata,
} from '@/components/TermArchivePage'

// Rendered on first request and cached until a post or the categories change.
export const generateStaticParams = async () => []

export const generateMetadata = (props: TermArchiveProps) =>
  termArchiveMetadata('categories', props)

const Page = (props: TermArchiveProps) => <TermArchivePage kind="categories" {...props} />

export default Page
