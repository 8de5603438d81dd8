import { formatDate } from '@/lib/format'

/** A machine-readable date that reads naturally. */
export const PostDate = ({ iso, className }: { iso: string; className?: string }) => (
  <time dateTime={iso} className={className}>
    {formatDate(iso)}
  </time>
)
