'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

/**
 * Inside the dashboard's live preview, re-renders the page on the server each time the editor
 * autosaves, so staff watch their draft change as they type. Loaded only in preview.
 */
export const LivePreviewRefresh = ({ serverUrl }: { serverUrl: string }) => {
  const router = useRouter()
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={serverUrl} />
}
