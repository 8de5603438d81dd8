import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { keptName, swapAllIn } from '@/lib/backup/swap'

/**
 * Restore's last step on real files: the database (with its -wal) and the uploads folder are
 * replaced together or not at all.
 */
const STAMP = '2026-12-01T05-00-00Z'

let root: string
let db: string
let media: string
let staging: string

const read = (file: string) => readFile(file, 'utf8')

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'inkwell-swap-'))
  db = path.join(root, 'data', 'inkwell.db')
  media = path.join(root, 'data', 'media')
  staging = path.join(root, 'data', '.staging')
  await mkdir(media, { recursive: true })
  await mkdir(path.join(staging, 'uploads'), { recursive: true })
  await writeFile(db, 'live database')
  await writeFile(`${db}-wal`, 'live log')
  await writeFile(path.join(media, 'live.webp'), 'live image')
  await writeFile(path.join(staging, 'inkwell.db'), 'restored database')
  await writeFile(path.join(staging, 'uploads', 'restored.webp'), 'restored image')
})
afterEach(() => rm(root, { recursive: true, force: true }))

const swaps = () => [
  { staged: path.join(staging, 'inkwell.db'), target: db, companions: ['-wal', '-shm'] },
  { staged: path.join(staging, 'uploads'), target: media, companions: [] },
]

it('puts both in place and keeps what they replaced', async () => {
  const kept = await swapAllIn(swaps(), STAMP)
  expect(await read(db)).toBe('restored database')
  expect(await read(path.join(media, 'restored.webp'))).toBe('restored image')
  expect(kept.sort()).toEqual(
    [keptName(db, STAMP), keptName(`${db}-wal`, STAMP), keptName(media, STAMP)].sort(),
  )
  expect(await read(keptName(`${db}-wal`, STAMP))).toBe('live log')
})

it('when the uploads cannot be put in place, puts the database back too', async () => {
  // A folder already where the old uploads would be kept: that rename fails, after the
  // database's have been done.
  await mkdir(path.join(keptName(media, STAMP), 'in-the-way'), { recursive: true })
  await expect(swapAllIn(swaps(), STAMP)).rejects.toThrow()
  expect(await read(db)).toBe('live database')
  expect(await read(`${db}-wal`)).toBe('live log')
  expect(await readdir(media)).toEqual(['live.webp'])
  const left = await readdir(path.join(root, 'data'))
  expect(left.filter((name) => name.includes('.restoring-'))).toEqual([])
  expect(left).not.toContain(path.basename(keptName(db, STAMP)))
})
