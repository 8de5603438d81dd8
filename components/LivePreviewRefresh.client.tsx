'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Inside the dashboard's live preview, re-renders the page on the server each time the editor
 * autosaves, so staff watch their draft change as they type. Speaks Payload's live-preview
 * messages: "ready" to the dashboard window, then a refresh on each document event from it.
 * (Payload's own helper package has no release matching our Payload version.)
 */
export const LivePreviewRefresh = ({ serverUrl }: { serverUrl: string }) => {
  const router = useRouter()
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string } | null
      if (event.origin === serverUrl && data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    const dashboard = window.opener ?? (window.parent !== window ? window.parent : null)
    dashboard?.postMessage({ type: 'payload-live-preview', ready: true }, serverUrl)
    return () => window.removeEventListener('message', onMessage)
  }, [router, serverUrl])
  return null
}
