import type { Role } from './roles'

type MaybeUser = { roles?: (Role | string)[] | null } | null | undefined

/** True when the user holds at least one of the given roles; every role test goes through here. */
export const checkRole = (allowed: readonly Role[], user: MaybeUser): boolean =>
  Boolean(user?.roles?.some((role) => (allowed as readonly string[]).includes(role)))
