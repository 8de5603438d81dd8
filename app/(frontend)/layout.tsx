import type { Metadata } from 'next'
import type React from 'react'

import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { getSiteSettings } from '@/lib/data/settings'
import { FEED_LINKS } from '@/lib/feeds/links'
import { siteUrl } from '@/lib/site'

import './styles.css'

export const generateMetadata = async (): Promise<Metadata> => {
  const settings = await getSiteSettings()
  return {
    title: { default: settings.siteName, template: `%s · ${settings.siteName}` },
    description: settings.tagline ?? undefined,
    metadataBase: new URL(siteUrl()),
    alternates: { types: FEED_LINKS },
    openGraph: { siteName: settings.siteName, locale: 'en_US', type: 'website' },
    // One file at one address for the site and the dashboard (payload.config.ts admin.meta).
    icons: { icon: { url: '/icon.svg', type: 'image/svg+xml' } },
  }
}

const FrontendLayout = async ({ children }: { children: React.ReactNode }) => {
  const settings = await getSiteSettings()
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader siteName={settings.siteName} tagline={settings.tagline} />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter settings={settings} />
      </body>
    </html>
  )
}

export default FrontendLayout
