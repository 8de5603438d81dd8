import 'server-only'

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/**
 * The one Payload instance the reader pages use; getPayload caches it per process. `cron`
 * starts the jobs queue's runner (scheduled publishing) in this server, whichever page is asked
 * for first; JOBS_AUTORUN=false turns it off where a separate worker runs the jobs.
 */
export const getPayloadClient = (): Promise<Payload> => getPayload({ config, cron: true })
