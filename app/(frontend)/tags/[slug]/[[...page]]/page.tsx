import {
  TermArchivePage,
  type TermArchiveProps,
  termArchiveMetadata,
} from '@/app/(frontend)/_archive/TermArchivePage'

// Rendered on first request and cached until a post or the tags change.
export const generateStaticParams = async () => []

export const generateMetadata = (props: TermArchiveProps) => termArchiveMetadata('tags', props)

const Page = (props: TermArchiveProps) => <TermArchivePage kind="tags" {...props} />

export default Page
