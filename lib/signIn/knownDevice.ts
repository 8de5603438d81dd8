import { sameSignature, signFor } from '@/lib/signing'

/**
 * A browser a staff member has signed in from: after a successful sign-in it gets a signed,
 * HttpOnly cookie naming the account (as a hash). Guessing from anywhere else, even the same
 * office network, never slows a known browser down, so nobody can keep staff out by failing
 * on purpose. One cookie per account, so a shared computer serves several staff.
 */
export const KNOWN_DEVICE_MAX_AGE = 90 * 24 * 60 * 60
const PREFIX = 'inkwell_device_'

const mac = (secret: string, account: string, issued: string) =>
  signFor(secret, 'device', `${account}.${issued}`)

const cookieName = (account: string) => `${PREFIX}${account.slice(0, 16)}`

/** The Set-Cookie header that marks this browser as known for the account. */
export const knownDeviceCookie = (secret: string, account: string, secure: boolean): string => {
  const issued = String(Math.floor(Date.now() / 1000))
  return [
    `${cookieName(account)}=${issued}.${mac(secret, account, issued)}`,
    `Max-Age=${KNOWN_DEVICE_MAX_AGE}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}

/** The device's id (when it was marked) if the request carries a valid cookie for the account. */
export const knownDeviceOf = (
  secret: string,
  cookieHeader: string | null,
  account: string,
): string | null => {
  const name = cookieName(account)
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, value = ''] = part.trim().split('=')
    if (key !== name) continue
    const [issued, signature, ...rest] = value.split('.')
    if (!issued || !signature || rest.length) return null
    const age = Date.now() / 1000 - Number(issued)
    if (!(age >= 0 && age < KNOWN_DEVICE_MAX_AGE)) return null
    return sameSignature(mac(secret, account, issued), signature) ? issued : null
  }
  return null
}
