import type { Payload } from 'payload'

import { seedAccount, seedStaffAccounts } from './accounts'
import { seedComments } from './comments'
import { seedPosts } from './posts'
import { type SeedSummary, type Seeder, createSeeder } from './seeder'
import { seedDemoSettings, seedSiteSettings } from './settings'
import type { StaffAccount } from './staff'

export { REFERENCE_POST_SLUG } from './posts'
export type { SeedSummary } from './seeder'

const seedDemo = async (seeder: Seeder) => {
  await seedStaffAccounts(seeder)
  await seedPosts(seeder)
  await seedComments(seeder)
  await seedDemoSettings(seeder)
}

/**
 * Creates the demo content: staff accounts, authors, taxonomy, images, the reference post and
 * shorter posts, its comments, and site settings. Idempotent: each item is looked up by its
 * key (email, slug, file name, importKey) and created only when missing, so a second run
 * changes nothing.
 */
export const seedDemoContent = async (payload: Payload): Promise<SeedSummary> => {
  const seeder = createSeeder(payload)
  await seedDemo(seeder)
  return { created: seeder.created }
}

/**
 * What `npm run seed` does: the first admin and stored site settings, and with `demo` the demo
 * content too. Idempotent, like seedDemoContent; an existing admin keeps its password.
 */
export const seedSite = async (
  payload: Payload,
  { admin, demo }: { admin: StaffAccount; demo: boolean },
): Promise<SeedSummary> => {
  const seeder = createSeeder(payload)
  await seedAccount(seeder, admin, 'Admin')
  await seedSiteSettings(seeder)
  if (demo) await seedDemo(seeder)
  return { created: seeder.created }
}

/** True when nothing has been created yet: no staff account and no post. */
export const isDatabaseEmpty = async (payload: Payload): Promise<boolean> => {
  const [users, posts] = await Promise.all([
    payload.count({ collection: 'users' }),
    payload.count({ collection: 'posts' }),
  ])
  return users.totalDocs === 0 && posts.totalDocs === 0
}
