import type { SiteSettingsView } from '@/lib/data/views'

type Props = { cta: NonNullable<SiteSettingsView['callToAction']> }

/** The site-wide call to action ("Ready to schedule your treatment...?") and its link. */
export const CallToAction = ({ cta }: Props) => (
  <section className="cta" aria-labelledby="cta-heading">
    <h2 id="cta-heading">{cta.text}</h2>
    {cta.linkUrl && (
      <a className="button" href={cta.linkUrl}>
        {cta.linkLabel || 'Get in touch'}
      </a>
    )}
  </section>
)
