import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * Payload's email: SMTP through nodemailer when SMTP_HOST is set; otherwise each message is
 * written to the server log, so development and tests show what would have been sent.
 */
export const emailAdapter = (env: NodeJS.ProcessEnv = process.env): EmailAdapter => {
  const defaultFromAddress = env.EMAIL_FROM || 'inkwell@localhost'
  const defaultFromName = env.EMAIL_FROM_NAME || 'inkwell'
  if (!env.SMTP_HOST) {
    return ({ payload }) => ({
      name: 'log',
      defaultFromAddress,
      defaultFromName,
      sendEmail: async (message) => {
        payload.logger.info({
          msg: `Email (not sent, no SMTP_HOST): ${message.subject}`,
          to: message.to,
          text: message.text,
        })
      },
    })
  }
  const transport = nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: Number(env.SMTP_PORT || 587),
    secure: env.SMTP_SECURE === 'true',
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
  })
  return () => ({
    name: 'smtp',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async (message) =>
      transport.sendMail({
        from: `${defaultFromName} <${defaultFromAddress}>`,
        ...message,
      } as nodemailer.SendMailOptions),
  })
}
