/**
 * One spelling for an old path, whichever way a browser or an export writes it: decoded
 * (%F0%9F%A7%98 and 🧘 alike), without a trailing slash, Unicode-normalised. Query strings
 * are not part of a redirect's address.
 */
export const normalizeRedirectPath = (input: string): string => {
  let path = input.trim().split(/[?#]/)[0] ?? ''
  try {
    path = decodeURIComponent(path)
  } catch {
    // A stray % stays as written.
  }
  path = path.normalize('NFC').replace(/\/{2,}/g, '/')
  if (path.length > 1) path = path.replace(/\/+$/, '')
  return path.startsWith('/') ? path : `/${path}`
}
