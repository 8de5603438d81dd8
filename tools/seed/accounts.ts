import type { Seeder } from './seeder'
import { type StaffAccount, demoStaffAccounts } from './staff'

/** SEED_ADMIN_EMAIL or SEED_ADMIN_PASSWORD missing: nothing can be seeded without an admin. */
export class SeedEnvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SeedEnvError'
  }
}

/**
 * The first admin, from SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD (the variables the demo seed
 * reads too). Both are required, in every environment: `npm run seed` is how a live site gets
 * its first account, and a default password must never reach one.
 */
export const adminFromEnv = (
  env: Record<string, string | undefined> = process.env,
): StaffAccount => {
  const email = env.SEED_ADMIN_EMAIL?.trim()
  const password = env.SEED_ADMIN_PASSWORD
  const missing = [!email && 'SEED_ADMIN_EMAIL', !password && 'SEED_ADMIN_PASSWORD'].filter(Boolean)
  if (!email || !password) {
    throw new SeedEnvError(
      `Nothing was seeded: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. The first admin account is made from SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD.`,
    )
  }
  return { role: 'admin', email, password }
}

/** A staff account, by its email; one that exists is left alone (its password too). */
export const seedAccount = async (
  seeder: Seeder,
  account: StaffAccount,
  name = `Demo ${account.role}`,
): Promise<void> => {
  await seeder.ensure(
    'users',
    { field: 'email', value: account.email },
    { password: account.password, roles: [account.role], name },
  )
}

/** The demo's three staff accounts (see tools/seed/staff for where their passwords come from). */
export const seedStaffAccounts = async (seeder: Seeder): Promise<void> => {
  for (const account of demoStaffAccounts()) await seedAccount(seeder, account)
}
