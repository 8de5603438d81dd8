import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

const sender = (env: NodeJS.ProcessEnv) => ({
  defaultFromAddress: env.EMAIL_FROM || 'inkwell@localhost',
  defaultFromName: env.EMAIL_FROM_NAME || 'inkwell',
})

/**
 * Without SMTP_HOST each message is written to the server log, so development and tests show
 * what would have been sent. (Payload's nodemailer adapter would instead open a test account at
 * ethereal.email: an outside request, and mail nobody reads.)
 */
const logAdapter =
  (env: NodeJS.ProcessEnv): EmailAdapter =>
  ({ payload }) => ({
    name: 'log',
    ...sender(env),
    sendEmail: async (message) => {
      payload.logger.info({
        msg: `Email (not sent, no SMTP_HOST): ${message.subject}`,
        to: message.to,
        text: message.text,
      })
    },
  })

/** Payload's email: SMTP through Payload's nodemailer adapter when SMTP_HOST is set, else the log. */
export const emailAdapter = (
  env: NodeJS.ProcessEnv = process.env,
): EmailAdapter | Promise<EmailAdapter> => {
  if (!env.SMTP_HOST) return logAdapter(env)
  return nodemailerAdapter({
    ...sender(env),
    // Verifying would connect to the mail server on every start, and during the build.
    skipVerify: true,
    transportOptions: {
      host: env.SMTP_HOST,
      port: Number(env.SMTP_PORT || 587),
      secure: env.SMTP_SECURE === 'true',
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
    },
  })
}
