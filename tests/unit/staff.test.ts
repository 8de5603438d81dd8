import { readFileSync } from 'node:fs'
import path from 'node:path'

import {
  StaffLoginError,
  readerCommentsWarning,
  staffAuthors,
  staffOptionSchema,
} from '@/tools/importer/staff'
import { type WxrAuthor, parseWxr } from '@/tools/importer/wxr'

const site = parseWxr(
  readFileSync(path.resolve('tests/fixtures/wordpress/lakeside-export.xml'), 'utf8'),
)
const author = (login: string, id: number): WxrAuthor => ({
  id,
  login,
  email: '',
  displayName: '',
  firstName: '',
  lastName: '',
})

describe('the --staff option', () => {
  it('reads logins separated by commas, spaces and empty entries ignored', () => {
    expect(staffOptionSchema.parse('clinic-editor, front-desk,,')).toEqual([
      'clinic-editor',
      'front-desk',
    ])
  })

  it('refuses no value, or only commas, saying what it needs', () => {
    for (const value of [undefined, '', ' , ']) {
      const parsed = staffOptionSchema.safeParse(value)
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe(
        '--staff needs WordPress logins, separated by commas.',
      )
    }
  })
})

describe('staffAuthors', () => {
  it('matches logins to the export’s authors whatever their case, by WordPress user id', () => {
    const staff = staffAuthors(site.authors, ['CLINIC-EDITOR'])
    expect([...staff.keys()]).toEqual([1])
    expect(staff.get(1)?.login).toBe('clinic-editor')
    expect(staffAuthors(site.authors, []).size).toBe(0)
  })

  it('refuses a login the export does not have, naming the ones it has', () => {
    expect(() => staffAuthors(site.authors, ['clinic-editor', 'nobody'])).toThrow(
      new StaffLoginError(
        '--staff nobody: there is no WordPress user “nobody” in this export (its users are clinic-editor, front-desk).',
      ),
    )
  })

  it('refuses an author without a user id, which would match every guest comment', () => {
    expect(() => staffAuthors([author('old-admin', 0)], ['old-admin'])).toThrow(
      /no user id \(wp:author_id\) for “old-admin”/,
    )
  })
})

describe('readerCommentsWarning', () => {
  it('names the login and suggests --staff, keeping the logins already given', () => {
    const staff = staffAuthors(site.authors, ['front-desk'])
    expect(readerCommentsWarning(1, 'Dr. Ana Ruiz', site.authors, staff)).toEqual({
      item: 'author clinic-editor',
      message:
        'comments by WordPress user “clinic-editor” (Dr. Ana Ruiz) were imported as reader comments: an export does not say who is an editor or administrator; run again with --staff front-desk,clinic-editor if they are',
    })
  })

  it('says when the user is not among the export’s authors (a subscriber, say)', () => {
    expect(readerCommentsWarning(7, 'José', site.authors, new Map())).toEqual({
      item: 'user 7',
      message:
        'comments by WordPress user 7 (José) were imported as reader comments: the export does not list this user among its authors, so --staff cannot name them',
    })
  })
})
