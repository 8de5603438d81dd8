import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { safeReturnPath } from '@/lib/preview'

/** GET /preview/exit?path=/posts/...: leaves preview and returns to the page as readers see it. */
export const GET = async (request: Request): Promise<Response> => {
  ;(await draftMode()).disable()
  redirect(safeReturnPath(new URL(request.url).searchParams.get('path')))
}
