import { highlight } from '@/lib/search/highlight'

/** Text with the searched words marked. */
export const Highlighted = ({ text, terms }: { text: string; terms: string[] }) =>
  highlight(text, terms).map((segment, i) =>
    segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
  )
