import 'server-only'

import config from '@payload-config'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { getPayload, type Payload } from 'payload'

/**
 * The one Payload instance the reader pages use; getPayload caches it per process. `cron`
 * starts the jobs queue's runner (scheduled publishing) in this server, whichever page is asked
 * for first; JOBS_AUTORUN=false turns it off where a separate worker runs the jobs.
 */
export const getPayloadClient = (): Promise<Payload> => {
  // The build must run where no database is (a Docker build, CI) and leave none behind: a page
  // prerendered by `next build` that reads content fails the build here, naming itself, rather
  // than creating data/inkwell.db or waiting on MongoDB. Such a page should render on request.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) {
    return Promise.reject(
      new Error('A page read the database during `next build`; render it on request instead.'),
    )
  }
  return getPayload({ config, cron: true })
}
