import { referencePost } from './content/referencePost'
import { type Seeder, seedContext } from './seeder'

/**
 * Saves the site settings once with their defaults, so a new site starts from stored settings.
 * A global that was never saved has no updatedAt; one that was is left as it is.
 */
export const seedSiteSettings = async (seeder: Seeder): Promise<void> => {
  const settings = await seeder.payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (settings.updatedAt) return
  seeder.count('settings')
  await seeder.payload.updateGlobal({ slug: 'site-settings', context: seedContext(), data: {} })
}

/** The demo clinic's name, tagline, closing note and call to action, unless a tagline is set. */
export const seedDemoSettings = async (seeder: Seeder): Promise<void> => {
  const settings = await seeder.payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (settings.tagline) return
  seeder.count('settings')
  await seeder.payload.updateGlobal({
    slug: 'site-settings',
    context: seedContext(),
    data: {
      siteName: 'Replenish Aesthetics and Wellness',
      tagline: 'Medical massage, aesthetics and wellness',
      closingNote: referencePost.closingNote,
      callToAction: {
        text: 'Ready to schedule your treatment or Dysport/ Filler Party?',
        linkLabel: 'Call (555) 010-0123 to book',
        linkUrl: 'tel:+15550100123',
      },
    },
  })
}
