const DEV_SECRET = 'inkwell-development-secret-do-not-use-in-production'

/**
 * PAYLOAD_SECRET signs sessions. Development may run without one so two commands start the
 * blog; a production server refuses to start without it. `next build` also runs with
 * NODE_ENV=production but serves nobody, so it may use the placeholder.
 */
export const resolveSecret = (env: NodeJS.ProcessEnv = process.env): string => {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  const building = env.NEXT_PHASE === 'phase-production-build'
  if (env.NODE_ENV === 'production' && !building) {
    throw new Error('PAYLOAD_SECRET is not set. Set it to a long random string (see README).')
  }
  return DEV_SECRET
}
