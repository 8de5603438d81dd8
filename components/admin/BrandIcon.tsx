import { BrandMark } from '@/components/BrandMark'
import { getSiteSettings } from '@/lib/data/settings'

/** The mark in the dashboard's header, named for screen readers as the clinic. */
export const BrandIcon = async () => {
  const { siteName } = await getSiteSettings()
  return (
    <span className="brand-icon" role="img" aria-label={siteName}>
      <BrandMark size={28} />
    </span>
  )
}
