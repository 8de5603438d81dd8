'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

/**
 * Inside the dashboard's live preview, re-renders the page on the server each time the editor
 * autosaves, so staff watch their draft change as they type (Payload's own live-preview helper:
 * it says "ready" to the dashboard, then refreshes on each document event from serverUrl only).
 */
export const LivePreviewRefresh = ({ serverUrl }: { serverUrl: string }) => {
  const router = useRouter()
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={serverUrl} />
}
