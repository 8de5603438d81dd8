import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import {
  databaseKind,
  sqliteDatabase,
  sqliteIdType,
  sqliteSynchronous,
  sqliteUrl,
} from '@/lib/server/database'
import { parsePageNumber } from '@/lib/pageNumber'
import { resolveSecret } from '@/lib/server/secret'
import { DEV_STAFF, demoStaffAccounts, shouldSeedOnBoot } from '@/tools/seed/staff'

describe('databaseKind', () => {
  it.each([
    [undefined, 'sqlite'],
    ['', 'sqlite'],
    ['file:./data/x.db', 'sqlite'],
    ['mongodb://localhost:27017/inkwell', 'mongodb'],
    ['mongodb+srv://user:pw@cluster.example.net/inkwell', 'mongodb'],
  ])('%s -> %s', (uri, kind) => {
    expect(databaseKind(uri)).toBe(kind)
  })
})

describe('sqliteUrl', () => {
  it('defaults to a file under data/', () => {
    expect(sqliteUrl(undefined)).toBe('file:./data/inkwell.db')
  })
  it('refuses an address it cannot open', () => {
    expect(() => sqliteUrl('postgres://localhost/x')).toThrow(/DATABASE_URI must be/)
  })
})

describe('sqliteDatabase', () => {
  // `next build` loads the config in several processes and must leave no database behind.
  it.each(['number', 'uuid'] as const)(
    'creates nothing when the config is loaded (%s ids)',
    (idType) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-config-'))
      try {
        sqliteDatabase({ uri: `file:${dir}/data/x.db`, migrationDir: dir, idType })
        expect(existsSync(path.join(dir, 'data'))).toBe(false)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  )
})

describe('sqliteIdType', () => {
  it('keeps numeric ids unless the string-id lane asks for uuids', () => {
    expect(sqliteIdType(undefined)).toBe('number')
    expect(sqliteIdType('number')).toBe('number')
    expect(sqliteIdType('uuid')).toBe('uuid')
  })

  it('refuses an id type it does not know', () => {
    expect(() => sqliteIdType('serial')).toThrow(/DATABASE_ID_TYPE must be/)
  })
})

describe('sqliteSynchronous', () => {
  // FULL syncs the WAL to disk on every commit, so what was answered "received" survives a power
  // cut; NORMAL syncs at checkpoints (faster; a power cut may lose the last commits).
  it('syncs every commit unless told to sync at checkpoints only', () => {
    expect(sqliteSynchronous(undefined)).toBe('FULL')
    expect(sqliteSynchronous('')).toBe('FULL')
    expect(sqliteSynchronous('normal')).toBe('NORMAL')
    expect(sqliteSynchronous('EXTRA')).toBe('EXTRA')
  })

  it('refuses OFF, which can corrupt the database, and anything it does not know', () => {
    expect(() => sqliteSynchronous('OFF')).toThrow(/DATABASE_SYNCHRONOUS must be/)
    expect(() => sqliteSynchronous('fast')).toThrow(/DATABASE_SYNCHRONOUS must be/)
  })

  it('is what the adapter sets on each connection', () => {
    const adapter = sqliteDatabase({
      uri: 'file:./data/x.db',
      migrationDir: tmpdir(),
      synchronous: 'NORMAL',
    })
    const db = adapter.init({ payload: {} as never }) as unknown as {
      wal: { synchronous: string }
    }
    expect(db.wal.synchronous).toBe('NORMAL')
  })
})

describe('resolveSecret', () => {
  it('uses PAYLOAD_SECRET when set', () => {
    expect(
      resolveSecret({ PAYLOAD_SECRET: 's3cret', NODE_ENV: 'production' } as NodeJS.ProcessEnv),
    ).toBe('s3cret')
  })
  it('falls back to a development secret outside production', () => {
    expect(resolveSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toMatch(/development/)
  })
  it('refuses to serve production without a secret', () => {
    expect(() => resolveSecret({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(
      /PAYLOAD_SECRET/,
    )
  })
  it('lets next build run without one', () => {
    const env = {
      NODE_ENV: 'production',
      NEXT_PHASE: 'phase-production-build',
    } as NodeJS.ProcessEnv
    expect(resolveSecret(env)).toMatch(/development/)
  })
})

describe('demo staff accounts', () => {
  it('uses documented defaults in development', () => {
    const accounts = demoStaffAccounts({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)
    expect(accounts).toEqual([
      { role: 'admin', ...DEV_STAFF.admin },
      { role: 'editor', ...DEV_STAFF.editor },
      { role: 'moderator', ...DEV_STAFF.moderator },
    ])
  })
  it('takes emails and passwords from the environment', () => {
    const env = {
      NODE_ENV: 'development',
      SEED_EDITOR_EMAIL: 'ed@clinic.example',
      SEED_EDITOR_PASSWORD: 'pw-ed-123',
    }
    const editor = demoStaffAccounts(env as NodeJS.ProcessEnv).find((a) => a.role === 'editor')
    expect(editor).toEqual({ role: 'editor', email: 'ed@clinic.example', password: 'pw-ed-123' })
  })
  it('never creates a default password in production', () => {
    const env = {
      NODE_ENV: 'production',
      SEED_ADMIN_EMAIL: 'a@clinic.example',
      SEED_ADMIN_PASSWORD: 'long-pass',
      SEED_EDITOR_EMAIL: 'e@clinic.example',
    }
    expect(demoStaffAccounts(env as NodeJS.ProcessEnv)).toEqual([
      { role: 'admin', email: 'a@clinic.example', password: 'long-pass' },
    ])
  })
})

describe('shouldSeedOnBoot', () => {
  it.each([
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'test' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, true],
    [{ NODE_ENV: 'development', SEED_DEMO: 'false' }, false],
  ])('%j -> %s', (env, expected) => {
    expect(shouldSeedOnBoot(env as NodeJS.ProcessEnv)).toBe(expected)
  })
})

describe('parsePageNumber', () => {
  it.each([
    ['1', 1],
    ['12', 12],
    ['0', null],
    ['01', null],
    ['-1', null],
    ['2.5', null],
    ['abc', null],
    ['9999999', null],
  ])('%s -> %s', (segment, expected) => {
    expect(parsePageNumber(segment)).toBe(expected)
  })
})
