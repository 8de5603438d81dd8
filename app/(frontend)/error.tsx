'use client'

import Link from 'next/link'

// Readers get a way forward, never a stack trace; the digest lets staff find the server log line.
const ErrorPage = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <div className="message-page" role="alert">
    <h1>Something went wrong</h1>
    <p>This page could not be shown just now. Please try again in a moment.</p>
    <p className="message-page__actions">
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
      <Link href="/">Go to the latest posts</Link>
    </p>
    {error.digest && <p className="message-page__ref">Reference: {error.digest}</p>}
  </div>
)

export default ErrorPage
