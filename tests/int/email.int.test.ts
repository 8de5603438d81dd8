import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

import { standalonePayload } from '../support/server'

/**
 * With SMTP_HOST set, Payload's own nodemailer adapter delivers mail to that server: here a real
 * SMTP server on a loopback port, which keeps what it receives.
 */
type Received = { from?: string; to: string[]; raw: string }
const received: Received[] = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    let raw = ''
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        to: session.envelope.rcptTo.map((r) => r.address),
        raw,
      })
      callback()
    })
  },
})

let payload: Payload
let cleanup: () => Promise<void>

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as AddressInfo
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_SECURE: 'false',
    EMAIL_FROM: 'clinic@inkwell.test',
    EMAIL_FROM_NAME: 'Lakeside Clinic',
  })
  ;({ payload, cleanup } = await standalonePayload({ seed: false }))
}, 120_000)

afterAll(async () => {
  await cleanup?.()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  for (const key of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'EMAIL_FROM', 'EMAIL_FROM_NAME'])
    delete process.env[key]
})

describe('email through SMTP', () => {
  it('uses the nodemailer adapter and delivers from the configured sender', async () => {
    expect(payload.email.name).toBe('nodemailer')
    await payload.sendEmail({
      to: 'moderator@clinic.example',
      subject: 'Two comments await moderation',
      text: 'Review them in the dashboard.',
    })
    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({
      from: 'clinic@inkwell.test',
      to: ['moderator@clinic.example'],
    })
    expect(received[0]?.raw).toMatch(/^From: Lakeside Clinic <clinic@inkwell\.test>/m)
    expect(received[0]?.raw).toMatch(/^Subject: Two comments await moderation/m)
  })

  it("sends Payload's own mail too: a password reset reaches the staff member", async () => {
    await payload.create({
      collection: 'users',
      data: { email: 'owner@clinic.example', password: 'owner-password-1', roles: ['admin'] },
    })
    await payload.forgotPassword({ collection: 'users', data: { email: 'owner@clinic.example' } })
    const mail = received.find((m) => m.to.includes('owner@clinic.example'))
    expect(mail?.raw).toMatch(/reset/i)
  })
})
