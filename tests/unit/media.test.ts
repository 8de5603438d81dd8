import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { readUpload, uploadPath } from '@/tools/importer/media'

// A temp folder holding an uploads folder and, beside it, files the uploads must never reach.
let dir: string
let uploads: string
const SECRET = 'SECRET-OUTSIDE-THE-UPLOADS-FOLDER'

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'inkwell-media-'))
  uploads = path.join(dir, 'uploads')
  await mkdir(path.join(uploads, '2024/04'), { recursive: true })
  await mkdir(path.join(dir, 'outside/04'), { recursive: true })
  await writeFile(path.join(uploads, '2024/04/room.png'), 'PNG')
  await writeFile(path.join(dir, 'outside/secret.png'), SECRET)
  await writeFile(path.join(dir, 'outside/04/secret.png'), SECRET)
  // A file, and a folder, that point out of the uploads folder.
  await symlink(path.join(dir, 'outside/secret.png'), path.join(uploads, '2024/04/leak.png'))
  await symlink(path.join(dir, 'outside'), path.join(uploads, 'linked'))
  // A relative link that climbs out, and one that stays inside (which is fine).
  await symlink('../../../outside/secret.png', path.join(uploads, '2024/04/climb.png'))
  await symlink('room.png', path.join(uploads, '2024/04/alias.png'))
  await mkdir(path.join(uploads, '2024/04/folder.png'))
  execFileSync('mkfifo', [path.join(uploads, '2024/04/pipe.png')])
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readUpload', () => {
  it('reads a file of the uploads folder, with its type', async () => {
    const result = await readUpload(uploads, '2024/04/room.png')
    expect(result).toEqual({
      file: { data: Buffer.from('PNG'), mimetype: 'image/png', name: 'room.png', size: 3 },
    })
  })

  it('refuses a symlink that points outside the uploads folder', async () => {
    expect(await readUpload(uploads, '2024/04/leak.png')).toEqual({ refused: 'outside' })
    expect(await readUpload(uploads, '2024/04/climb.png')).toEqual({ refused: 'outside' })
  })

  it('refuses a file under a symlinked folder that points outside', async () => {
    expect(await readUpload(uploads, 'linked/secret.png')).toEqual({ refused: 'outside' })
    expect(await readUpload(uploads, 'linked/04/secret.png')).toEqual({ refused: 'outside' })
  })

  it('refuses a path that climbs out with ..', async () => {
    expect(await readUpload(uploads, '../outside/secret.png')).toEqual({ refused: 'outside' })
  })

  it('follows a symlink that stays inside the uploads folder', async () => {
    const result = await readUpload(uploads, '2024/04/alias.png')
    expect(result).toEqual({
      file: { data: Buffer.from('PNG'), mimetype: 'image/png', name: 'alias.png', size: 3 },
    })
  })

  it('refuses what is not a regular file, without waiting on a named pipe', async () => {
    expect(await readUpload(uploads, '2024/04/folder.png')).toEqual({ refused: 'not-a-file' })
    expect(await readUpload(uploads, '2024/04/pipe.png')).toEqual({ refused: 'not-a-file' })
  })

  it('says missing for a file that is not there', async () => {
    expect(await readUpload(uploads, '2024/04/gone.png')).toEqual({ refused: 'missing' })
  })

  it('reads through an uploads folder that is itself a symlink', async () => {
    const alias = path.join(dir, 'uploads-alias')
    await symlink(uploads, alias)
    const result = await readUpload(alias, '2024/04/room.png')
    expect(result).toHaveProperty('file.data', Buffer.from('PNG'))
    expect(await readUpload(alias, '2024/04/leak.png')).toEqual({ refused: 'outside' })
  })
})

describe('uploadPath', () => {
  it('maps a size URL to the original file under uploads', () => {
    expect(uploadPath('http://localhost:8080/wp-content/uploads/2024/04/a-300x188.png?x=1')).toBe(
      '2024/04/a.png',
    )
    expect(uploadPath('http://localhost:8080/about-us/')).toBeNull()
  })
})
