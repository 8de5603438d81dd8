import 'server-only'

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The one Payload instance the reader pages use; getPayload caches it per process. */
export const getPayloadClient = (): Promise<Payload> => getPayload({ config })
