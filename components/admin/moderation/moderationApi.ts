import { type QueueAction, TARGET_STATUS } from '@/lib/moderation/actions'

/**
 * Calls to Payload's REST API with the moderator's own session cookie, so the comments
 * collection's access rules and hooks apply exactly as they do in the edit view.
 */
type ErrorBody = { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }

const messageOf = async (res: Response, fallback: string): Promise<string> => {
  try {
    const body = (await res.json()) as ErrorBody
    const first = body.errors?.[0]
    return first?.data?.errors?.[0]?.message ?? first?.message ?? fallback
  } catch {
    return fallback
  }
}

const byIds = (ids: string[]) =>
  ids.map((id, i) => `where[id][in][${i}]=${encodeURIComponent(id)}`).join('&')

/**
 * Sets the status of (or deletes) the comments a query string (`?where[...]`) selects; throws
 * with Payload's message on failure, including a bulk change that left some comments unchanged.
 */
export const applyToSelection = async (
  api: string,
  query: string,
  action: QueueAction,
  expected?: number,
) => {
  const res = await fetch(`${api}/comments${query}${query ? '&' : '?'}depth=0`, {
    method: action === 'delete' ? 'DELETE' : 'PATCH',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: action === 'delete' ? undefined : JSON.stringify({ status: TARGET_STATUS[action] }),
  })
  const failed = 'The comments could not be updated. Please try again.'
  if (!res.ok) throw new Error(await messageOf(res, failed))
  // A bulk change answers 200 and lists the documents it could not change.
  const body = (await res.clone().json()) as ErrorBody & { docs?: unknown[] }
  if (body.errors?.length || (expected !== undefined && (body.docs?.length ?? 0) < expected)) {
    throw new Error(body.errors?.[0]?.message ?? failed)
  }
}

/** Sets the status of (or deletes) the given comments; throws with Payload's message on failure. */
export const applyAction = (api: string, ids: string[], action: QueueAction) =>
  applyToSelection(api, `?${byIds(ids)}`, action, ids.length)

/**
 * A staff reply in the comment's thread: the same create, with `parent`, that the edit view
 * makes, so the screening hook signs, places and approves it.
 */
export const sendReply = async (api: string, parent: number | string, body: string) => {
  const res = await fetch(`${api}/comments?depth=0`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ parent, body }),
  })
  if (!res.ok) throw new Error(await messageOf(res, 'The reply could not be sent.'))
}
