import { REFERENCE_POST_SLUG } from '@/tools/seed'

import { signIn, TEST_STAFF } from '../support/server'
import { api, json, nextIp, payload, server, staffSecuritySite } from '../support/staffApi'

staffSecuritySite()

describe('signing in tells nobody who has an account, and nobody can lock staff out', () => {
  const attempt = async (email: string, password: string, ip: string) => {
    const res = await api('/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    })
    const body = (await res.json()) as { errors?: { message: string }[] }
    return { status: res.status, message: body.errors?.[0]?.message ?? 'signed in' }
  }

  it('a wrong password and an unknown email get the same answer, every time', async () => {
    // From a new address each time: the account itself is never locked, so the answer a real
    // account gets never changes from the one a made-up email gets.
    for (let i = 0; i < 6; i += 1) {
      const known = await attempt(TEST_STAFF.moderator.email, `wrong-${i}`, nextIp())
      const unknown = await attempt('nobody@inkwell.test', `wrong-${i}`, nextIp())
      expect(known).toEqual({
        status: 401,
        message: 'The email or password provided is incorrect.',
      })
      expect(unknown).toEqual(known)
    }
  })

  it('an address guessing is slowed with the same words for a real and a made-up account', async () => {
    for (const email of [TEST_STAFF.editor.email, 'made-up@inkwell.test']) {
      const ip = nextIp()
      const answers = []
      for (let i = 0; i < 6; i += 1) answers.push(await attempt(email, `guess-${i}`, ip))
      expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401])
      expect(answers[5]).toEqual({
        status: 429,
        message: 'Too many sign-in attempts. Please wait 15 minutes and try again.',
      })
    }
  })

  it('after someone else’s guessing, the real editor still signs in from their own address', async () => {
    const attacker = nextIp()
    for (let i = 0; i < 6; i += 1) await attempt(TEST_STAFF.editor.email, `guess-${i}`, attacker)
    const res = await attempt(TEST_STAFF.editor.email, TEST_STAFF.editor.password, nextIp())
    expect(res).toEqual({ status: 200, message: 'signed in' })
  })

  it('a successful sign-in does not count as a failure; failures after it still do', async () => {
    const ip = nextIp()
    for (let i = 0; i < 8; i += 1) {
      expect((await attempt(TEST_STAFF.editor.email, TEST_STAFF.editor.password, ip)).status).toBe(
        200,
      )
    }
    const wrong = []
    for (let i = 0; i < 6; i += 1) wrong.push(await attempt(TEST_STAFF.editor.email, `x-${i}`, ip))
    expect(wrong.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429])
  })
})

describe('a known browser is never kept out by someone else’s guessing', () => {
  const attempt = async (email: string, password: string, ip: string, cookie?: string) => {
    const res = await api('/users/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': ip,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ email, password }),
    })
    return { status: res.status, setCookie: res.headers.getSetCookie() }
  }

  it('guessing from the same office network slows strangers, not the admin’s own browser', async () => {
    const office = nextIp()
    const first = await attempt(TEST_STAFF.admin.email, TEST_STAFF.admin.password, office)
    expect(first.status).toBe(200)
    const device = first.setCookie.find((c) => c.startsWith('inkwell_device_'))
    expect(device).toMatch(/HttpOnly/i)
    const cookie = device!.split(';')[0]!
    for (let i = 0; i < 21; i += 1) await attempt(`someone-${i}@inkwell.test`, 'guess', office)
    for (let i = 0; i < 6; i += 1) await attempt(TEST_STAFF.admin.email, `guess-${i}`, office)
    expect((await attempt(TEST_STAFF.admin.email, TEST_STAFF.admin.password, office)).status).toBe(
      429,
    )
    expect(
      (await attempt(TEST_STAFF.admin.email, TEST_STAFF.admin.password, office, cookie)).status,
    ).toBe(200)
  })

  it('a device cookie for one account is no pass for another', async () => {
    const ip = nextIp()
    const signedIn = await attempt(TEST_STAFF.moderator.email, TEST_STAFF.moderator.password, ip)
    const cookie = signedIn.setCookie.find((c) => c.startsWith('inkwell_device_'))!.split(';')[0]!
    const answers = []
    for (let i = 0; i < 6; i += 1)
      answers.push((await attempt(TEST_STAFF.admin.email, `g-${i}`, ip, cookie)).status)
    expect(answers).toEqual([401, 401, 401, 401, 401, 429])
  })
})

describe('editing locks name whoever holds them', () => {
  let postId: number | string
  let adminId: number | string

  beforeAll(async () => {
    postId = (
      await payload.find({ collection: 'posts', where: { slug: { equals: REFERENCE_POST_SLUG } } })
    ).docs[0]!.id
    adminId = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: TEST_STAFF.admin.email } },
      })
    ).docs[0]!.id
  })

  it('a lock made in someone else’s name is made in the maker’s own', async () => {
    const { headers, user } = await signIn(server, 'editor')
    const res = await api('/payload-locked-documents', {
      method: 'POST',
      headers: json(headers),
      body: JSON.stringify({
        document: { relationTo: 'posts', value: postId },
        user: { relationTo: 'users', value: adminId },
      }),
    })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: { id: string; user: { value: unknown } } }
    const owner = doc.user.value
    expect(typeof owner === 'object' && owner ? (owner as { id: unknown }).id : owner).toBe(user.id)
  })

  it('staff cannot remove another’s lock; its owner and admins can', async () => {
    const admin = await signIn(server, 'admin')
    const made = await api('/payload-locked-documents', {
      method: 'POST',
      headers: json(admin.headers),
      body: JSON.stringify({
        document: { relationTo: 'posts', value: postId },
        user: { relationTo: 'users', value: admin.user.id },
      }),
    })
    const lockId = ((await made.json()) as { doc: { id: string } }).doc.id
    const editor = await signIn(server, 'editor')
    const refused = await api(`/payload-locked-documents/${lockId}`, {
      method: 'DELETE',
      headers: editor.headers,
    })
    expect([403, 404]).toContain(refused.status)
    expect(
      (
        await payload.count({
          collection: 'payload-locked-documents',
          where: { id: { equals: lockId } },
        })
      ).totalDocs,
    ).toBe(1)
    const removed = await api(`/payload-locked-documents/${lockId}`, {
      method: 'DELETE',
      headers: admin.headers,
    })
    expect(removed.status).toBe(200)
  })

  it('nobody may lock what they may not edit', async () => {
    const moderator = await signIn(server, 'moderator')
    const onPost = await api('/payload-locked-documents', {
      method: 'POST',
      headers: json(moderator.headers),
      body: JSON.stringify({ document: { relationTo: 'posts', value: postId } }),
    })
    expect(onPost.status).toBe(403)
    const editor = await signIn(server, 'editor')
    const onSettings = await api('/payload-locked-documents', {
      method: 'POST',
      headers: json(editor.headers),
      body: JSON.stringify({ globalSlug: 'moderation-settings' }),
    })
    expect(onSettings.status).toBe(403)
  })

  it('taking over a lock keeps it on its document', async () => {
    const admin = await signIn(server, 'admin')
    const made = await api('/payload-locked-documents', {
      method: 'POST',
      headers: json(admin.headers),
      body: JSON.stringify({ document: { relationTo: 'posts', value: postId } }),
    })
    const lockId = ((await made.json()) as { doc: { id: string } }).doc.id
    const other = (
      await payload.find({ collection: 'posts', where: { id: { not_equals: postId } }, limit: 1 })
    ).docs[0]!.id
    const editor = await signIn(server, 'editor')
    const taken = await api(`/payload-locked-documents/${lockId}`, {
      method: 'PATCH',
      headers: json(editor.headers),
      body: JSON.stringify({
        document: { relationTo: 'posts', value: other },
        user: { relationTo: 'users', value: adminId },
      }),
    })
    expect(taken.status).toBe(200)
    const lock = await payload.findByID({
      collection: 'payload-locked-documents',
      id: lockId,
      depth: 0,
    })
    expect(lock.document).toEqual({ relationTo: 'posts', value: postId })
    expect(lock.user).toEqual({ relationTo: 'users', value: editor.user.id })
  })

  it('the public sees no locks', async () => {
    expect((await api('/payload-locked-documents')).status).toBe(403)
  })
})
