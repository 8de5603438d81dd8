import { randomUUID } from 'node:crypto'

import { after } from 'next/server.js'
import type { PayloadRequest } from 'payload'

/**
 * "Forgot password" answers at once and the same way whoever asks. Payload writes a reset token
 * and sends the email before answering, and only when the account exists, so the time it took
 * told who has an account. Here the request's own run looks up an address no account can have,
 * and the real reset runs after the answer has gone.
 */
export const resetInBackground = <A extends { data: Record<string, unknown> }>(
  req: PayloadRequest,
  args: A,
): A => {
  const { payload } = req
  const real = { ...args.data }
  const reset = async () => {
    try {
      await payload.forgotPassword({
        collection: 'users',
        data: { email: String(real.email ?? '') },
        context: { passwordResetInBackground: true },
        // The reset link is built from the site's address, or this request's when none is set.
        req: { headers: req.headers, url: req.url },
      })
    } catch (err) {
      payload.logger.error({ msg: 'Could not send a password reset', err })
    }
  }
  try {
    after(reset)
  } catch {
    void reset() // outside a Next request (a script): run it now, unawaited
  }
  return { ...args, data: { ...args.data, email: `nobody-${randomUUID()}@reset.invalid` } }
}
