import type { CollectionConfig } from 'payload'

import { taxonomyConfig } from './taxonomyConfig'

/** Broad topics a post belongs to ("Massage Therapy", "Injectables"). */
export const Categories: CollectionConfig = taxonomyConfig('categories')
