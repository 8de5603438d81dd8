import type { AfterErrorHook } from 'payload'

import { isStaffMember } from '@/access/isStaff'
import { COMMENT_NOT_SAVED_API_MESSAGE } from '@/lib/comments/unavailable'
import {
  STAFF_STORAGE_MESSAGES,
  STORAGE_READ_MESSAGE,
  STORAGE_RETRY_AFTER_SECONDS,
  storageFailureOf,
} from '@/lib/server/storageFailure'

const PUBLIC_MESSAGE = 'This could not be saved just now. Please try again in a few minutes.'

/**
 * A write the database could not take (disk full, read-only, locked by a long task) is the
 * server's trouble, not the request's: 503 with Retry-After instead of Payload's 500 "Something
 * went wrong". Staff read why in the dashboard's error notice, so they know it was not their
 * edit and what to do; the public hear only that it was not saved and to try again later.
 */
export const answerStorageFailure: AfterErrorHook = ({ error, collection, req, graphqlResult }) => {
  const failure = storageFailureOf(error)
  if (!failure) return
  const path = (graphqlResult as { path?: unknown[] } | undefined)?.path
  const aboutComments = collection?.slug === 'comments' || path?.[0] === 'createComment'
  const message =
    req.method === 'GET' || req.method === 'HEAD'
      ? STORAGE_READ_MESSAGE
      : isStaffMember(req.user)
        ? STAFF_STORAGE_MESSAGES[failure]
        : aboutComments
          ? COMMENT_NOT_SAVED_API_MESSAGE
          : PUBLIC_MESSAGE
  if (graphqlResult) {
    const extensions = { ...(graphqlResult as { extensions?: object }).extensions, statusCode: 503 }
    return { graphqlResult: { ...graphqlResult, message, extensions } }
  }
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS[failure]))
  req.responseHeaders.set('Cache-Control', 'no-store')
  return { status: 503, response: { errors: [{ name: 'StorageUnavailable', message }] } }
}
