type Props = { cellData?: unknown }

/** The signals behind a comment's status, as words in the dashboard list, not a JSON array. */
export const SignalsCell = ({ cellData }: Props) => {
  const signals = Array.isArray(cellData)
    ? cellData.filter((s): s is string => typeof s === 'string')
    : []
  return <span>{signals.length ? signals.join(' · ') : '—'}</span>
}
