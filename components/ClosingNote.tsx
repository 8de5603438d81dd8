import type { SiteSettingsView } from '@/lib/data/views'

type Props = { note: NonNullable<SiteSettingsView['closingNote']> }

/** The clinic's note under every post. Paragraph breaks typed by staff are kept. */
export const ClosingNote = ({ note }: Props) => (
  <aside className="closing-note" aria-label={note.heading ?? 'A note from us'}>
    {note.heading && <h2>{note.heading}</h2>}
    {note.body
      .split(/\n\s*\n/)
      .filter((p) => p.trim() !== '')
      .map((p, i) => (
        <p key={i}>{p}</p>
      ))}
  </aside>
)
