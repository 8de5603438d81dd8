import { BrandMark } from '@/components/BrandMark'
import { getSiteSettings } from '@/lib/data/settings'

/** The sign-in page's logo: the clinic's mark and name (Site settings), not Payload's. */
export const BrandLogo = async () => {
  const { siteName } = await getSiteSettings()
  return (
    <div className="brand-logo">
      <BrandMark size={56} />
      <span className="brand-logo__name">{siteName}</span>
      <span className="brand-logo__sub">Dashboard</span>
    </div>
  )
}
