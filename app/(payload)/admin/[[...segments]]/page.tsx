import type { Metadata } from 'next'

import config from '@payload-config'
import { generatePageMetadata, RootPage } from '@payloadcms/next/views'

import { getSiteSettings } from '@/lib/data/settings'
import { withSiteName } from '@/lib/dashboardTitle'

import { importMap } from '../importMap.js'

type Args = {
  params: Promise<{ segments: string[] }>
  searchParams: Promise<{ [key: string]: string | string[] }>
}

export const generateMetadata = async ({ params, searchParams }: Args): Promise<Metadata> => {
  const [metadata, { siteName }] = await Promise.all([
    generatePageMetadata({ config, params, searchParams }),
    getSiteSettings(),
  ])
  return withSiteName(metadata, siteName)
}

const Page = ({ params, searchParams }: Args) =>
  RootPage({ config, params, searchParams, importMap })

export default Page
