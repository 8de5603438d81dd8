/**
 * npm run seed [-- --demo]
 *
 * Seeds this blog's database (the one DATABASE_URI names): the first admin account, from
 * SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD, and the site settings; with --demo the demo content
 * too (staff accounts, posts, images, comments). Safe to run again: what exists is left alone,
 * so it also serves to create the first admin on a live site.
 */
import { SeedEnvError, adminFromEnv } from '@/tools/seed/accounts'
import { runScript } from '@/scripts/finished'

const USAGE = `Usage: npm run seed [-- --demo]
  --demo  the demo content too (staff accounts, posts, images, comments)
Needs SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD: the first admin account.`

class UsageError extends Error {}

const parseArgs = (argv: string[]) => {
  let demo = false
  for (const arg of argv) {
    if (arg === '--demo') demo = true
    else throw new UsageError(`Unknown argument ${arg}.\n${USAGE}`)
  }
  return { demo }
}

const main = async () => {
  const { demo } = parseArgs(process.argv.slice(2))
  // Checked before the database is opened: a missing variable writes nothing.
  const admin = adminFromEnv()
  // This script decides what is seeded, not the boot-time seeding in onInit.
  process.env.SEED_DEMO = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    const { seedSite } = await import('@/tools/seed')
    const { created } = await seedSite(payload, { admin, demo })
    const made = Object.entries(created).map(([what, n]) => `${n} ${what}`)
    process.stdout.write(`Seeded: ${made.length ? made.join(', ') : 'nothing new'}\n`)
  } finally {
    await payload.destroy()
  }
}

// A missing variable or a wrong argument is said in a sentence; anything else with its stack.
runScript(main, (error) =>
  error instanceof SeedEnvError || error instanceof UsageError
    ? error.message
    : error instanceof Error
      ? (error.stack ?? error.message)
      : String(error),
)
