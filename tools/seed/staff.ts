import type { Role } from '@/access/roles'

export type StaffAccount = { role: Role; email: string; password: string }

/** Development defaults, documented in the README. Never used in production. */
export const DEV_STAFF: Record<Role, { email: string; password: string }> = {
  admin: { email: 'admin@inkwell.test', password: 'inkwell-admin' },
  editor: { email: 'editor@inkwell.test', password: 'inkwell-editor' },
  moderator: { email: 'moderator@inkwell.test', password: 'inkwell-moderator' },
}

/**
 * The demo staff accounts to create, from SEED_<ROLE>_EMAIL and SEED_<ROLE>_PASSWORD. Outside
 * production a missing value falls back to the development default; in production an account
 * is created only when both are given, so no known password ever reaches a live site.
 */
export const demoStaffAccounts = (env: NodeJS.ProcessEnv = process.env): StaffAccount[] => {
  const production = env.NODE_ENV === 'production'
  const roles = Object.keys(DEV_STAFF) as Role[]
  return roles.flatMap((role) => {
    const key = role.toUpperCase()
    const email = env[`SEED_${key}_EMAIL`]
    const password = env[`SEED_${key}_PASSWORD`]
    if (production) return email && password ? [{ role, email, password }] : []
    return [
      {
        role,
        email: email || DEV_STAFF[role].email,
        password: password || DEV_STAFF[role].password,
      },
    ]
  })
}

/**
 * Seeding on boot: always in development when the database is empty; in production only when
 * SEED_DEMO=true asks for it. SEED_DEMO=false turns it off everywhere.
 */
export const shouldSeedOnBoot = (env: NodeJS.ProcessEnv = process.env): boolean => {
  if (env.SEED_DEMO === 'false') return false
  if (env.SEED_DEMO === 'true') return true
  return env.NODE_ENV !== 'production'
}
