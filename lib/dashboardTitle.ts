import type { Metadata } from 'next'

/** What payload.config.ts puts after every dashboard page's title until the site's name is known. */
export const DASHBOARD_TITLE_SUFFIX = ' · inkwell'

/**
 * The dashboard's page titles end in the clinic's name from Site settings ("Comments ·
 * Lakeside Clinic"), which the config, read once at start-up, cannot know.
 */
export const withSiteName = (metadata: Metadata, siteName: string): Metadata => {
  const suffix = ` · ${siteName}`
  const retitle = (title: unknown) =>
    typeof title === 'string' && title.endsWith(DASHBOARD_TITLE_SUFFIX)
      ? `${title.slice(0, -DASHBOARD_TITLE_SUFFIX.length)}${suffix}`
      : title
  return {
    ...metadata,
    title: retitle(metadata.title) as Metadata['title'],
    openGraph: metadata.openGraph && {
      ...metadata.openGraph,
      siteName,
      title: retitle(metadata.openGraph.title) as string,
    },
  }
}
