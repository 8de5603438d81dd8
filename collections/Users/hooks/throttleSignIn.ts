import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { clientIp, hashEmail, hashIp } from '@/lib/comments/client'
import { countEvent, forgetEvents, refundEvent } from '@/lib/server/limits'
import { knownDeviceCookie, knownDeviceOf } from '@/lib/signIn/knownDevice'
import type { User } from '@/payload-types'

import { resetInBackground } from './resetInBackground'

/**
 * Sign-in attempts are limited by who is trying, never by locking the account: a lock anyone
 * can trigger keeps staff out, and a "locked" message tells that the account exists. Every
 * limit counts the email as typed, whether or not an account has it, and answers the same
 * words. A browser the account signed in from before (its signed cookie) is never slowed by
 * anyone else's guessing; only its own failures count.
 */
export const SIGN_IN_LIMITS = {
  /** One address trying many accounts (or one, many times). */
  address: { name: 'sign-in-address', seconds: 900, max: 20 },
  /** One address guessing one account's password. */
  accountFromAddress: { name: 'sign-in-account-address', seconds: 900, max: 5 },
  /** Many addresses guessing one account. */
  account: { name: 'sign-in-account', seconds: 900, max: 25 },
  /** A known browser getting its password wrong. */
  device: { name: 'sign-in-device', seconds: 900, max: 10 },
  /** Password reset emails asked for, per address and per email. */
  resetAddress: { name: 'reset-address', seconds: 3600, max: 5 },
  resetEmail: { name: 'reset-email', seconds: 3600, max: 3 },
} as const

export const SIGN_IN_REFUSAL = 'Too many sign-in attempts. Please wait 15 minutes and try again.'
export const RESET_REFUSAL = 'Too many password reset requests. Please try again in an hour.'

type Limit = (typeof SIGN_IN_LIMITS)[keyof typeof SIGN_IN_LIMITS]
const over = async (req: PayloadRequest, limit: Limit, key: string) =>
  (await countEvent(req.payload, limit, key)) > limit.max

const keysOf = (req: PayloadRequest, email: unknown) => {
  const secret = req.payload.secret
  const headers = req.headers ?? new Headers()
  const address = hashIp(secret, clientIp(headers))
  const account = hashEmail(secret, typeof email === 'string' ? email : '')
  const device = knownDeviceOf(secret, headers.get('cookie'), account)
  return {
    address,
    account,
    pair: `${account}:${address}`,
    device: device && `${account}:${device}`,
  }
}

/** Payload answers an unknown email at once but hashes for a known one; this evens the time. */
const hashAsIfKnown = (password: unknown) =>
  promisify(pbkdf2)(String(password ?? ''), randomBytes(32).toString('hex'), 600_000, 32, 'sha256')

const throttleLogin = async (req: PayloadRequest, data: Record<string, unknown>) => {
  const { address, account, pair, device } = keysOf(req, data.email)
  const L = SIGN_IN_LIMITS
  const refused = device
    ? await over(req, L.device, device)
    : (await over(req, L.address, address)) ||
      (await over(req, L.accountFromAddress, pair)) ||
      (await over(req, L.account, account))
  if (refused) throw new APIError(SIGN_IN_REFUSAL, 429, undefined, true)
  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : ''
  const user = email
    ? await req.payload.db.findOne({
        collection: 'users',
        where: { email: { equals: email } },
        req,
      })
    : null
  if (!user) await hashAsIfKnown(data.password)
}

const throttleReset = async (req: PayloadRequest, data: Record<string, unknown>) => {
  const { address, account } = keysOf(req, data.email)
  if (
    (await over(req, SIGN_IN_LIMITS.resetAddress, address)) ||
    (await over(req, SIGN_IN_LIMITS.resetEmail, account))
  ) {
    throw new APIError(RESET_REFUSAL, 429, undefined, true)
  }
}

export const throttleSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const data = ((args as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>
  if (operation === 'login') await throttleLogin(req, data)
  if (operation === 'forgotPassword' && !req.context.passwordResetInBackground) {
    await throttleReset(req, data)
    return resetInBackground(req, args as never)
  }
  return args
}

/**
 * Attempts are counted before they are tried; one that succeeds was no failure, so it is taken
 * back, that address's failures on the account are cleared and the browser is marked as known.
 */
export const rememberSignIn: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  const { address, account, pair, device } = keysOf(req, user.email)
  const L = SIGN_IN_LIMITS
  if (device) await refundEvent(req.payload, L.device, device)
  else {
    await refundEvent(req.payload, L.address, address)
    await refundEvent(req.payload, L.account, account)
    await forgetEvents(req.payload, L.accountFromAddress, pair)
  }
  const secure = req.headers?.get('x-forwarded-proto') === 'https'
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.append('Set-Cookie', knownDeviceCookie(req.payload.secret, account, secure))
  return user
}
