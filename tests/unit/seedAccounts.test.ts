import { SeedEnvError, adminFromEnv } from '@/tools/seed/accounts'

describe('adminFromEnv', () => {
  it('takes the first admin from SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD', () => {
    expect(
      adminFromEnv({ SEED_ADMIN_EMAIL: ' owner@clinic.example ', SEED_ADMIN_PASSWORD: 'pw-123' }),
    ).toEqual({ role: 'admin', email: 'owner@clinic.example', password: 'pw-123' })
  })

  it('names what is missing, in development too: no default password for a script', () => {
    expect(() => adminFromEnv({ NODE_ENV: 'development' })).toThrow(
      'Nothing was seeded: SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD are not set.',
    )
    expect(() => adminFromEnv({ SEED_ADMIN_EMAIL: 'a@b.example' })).toThrow(SeedEnvError)
  })
})
