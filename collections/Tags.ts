import type { CollectionConfig } from 'payload'

import { taxonomyConfig } from './taxonomyConfig'

/** Finer keywords a post is filed under ("pain relief", "Dysport"). */
export const Tags: CollectionConfig = taxonomyConfig('tags')
