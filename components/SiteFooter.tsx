import type { SiteSettingsView } from '@/lib/data/views'

import { CallToAction } from './CallToAction'

/** The call to action and the small print, on every reader page. */
export const SiteFooter = ({ settings }: { settings: SiteSettingsView }) => (
  <footer className="site-footer">
    {settings.callToAction && (
      <div className="container">
        <CallToAction cta={settings.callToAction} />
      </div>
    )}
    <p className="container site-footer__small">
      © {settings.siteName}. Information on this blog is general and is not a substitute for medical
      advice.
    </p>
  </footer>
)
