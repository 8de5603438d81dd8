'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { type FormEvent, useState } from 'react'

const comments = (n: number) => `${n} ${n === 1 ? 'comment' : 'comments'}`

type Outcome = { kind: 'ok' | 'error'; message: string } | null

const errorOf = async (res: Response) =>
  ((await res.json().catch(() => null)) as { error?: string } | null)?.error ??
  'That did not work. Please try again.'

/** The email form of the Commenter data view: download, or erase after a confirmation. */
export const CommenterDataForm = () => {
  const { config } = useConfig()
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const endpoint = (action: string) =>
    `${config.serverURL}${config.routes.api}/commenter-data/${action}`

  const post = (action: string, body: object) =>
    fetch(endpoint(action), {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  const download = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setOutcome(null)
    try {
      const res = await post('export', { email })
      if (!res.ok) return setOutcome({ kind: 'error', message: await errorOf(res) })
      const file = await res.blob()
      const count = (JSON.parse(await file.text()) as { comments: unknown[] }).comments.length
      const link = document.createElement('a')
      link.href = URL.createObjectURL(file)
      link.download = 'commenter-data.json'
      link.click()
      URL.revokeObjectURL(link.href)
      setOutcome({ kind: 'ok', message: `Downloaded ${comments(count)} stored for this email.` })
    } finally {
      setBusy(false)
    }
  }

  const erase = async () => {
    const sure = window.confirm(
      `Erase ${email} from every comment? The comments stay, signed “Anonymous”. This cannot be undone.`,
    )
    if (!sure) return
    setBusy(true)
    setOutcome(null)
    try {
      const res = await post('erase', { email, confirm: true })
      if (!res.ok) return setOutcome({ kind: 'error', message: await errorOf(res) })
      const { erased } = (await res.json()) as { erased: number }
      setOutcome({
        kind: 'ok',
        message: `${comments(erased)} ${erased === 1 ? 'is' : 'are'} now anonymous.`,
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="commenter-data__form" onSubmit={download} noValidate>
      <label htmlFor="commenter-email">Commenter’s email</label>
      <input
        id="commenter-email"
        name="email"
        type="email"
        autoComplete="off"
        required
        value={email}
        aria-describedby="commenter-data-outcome"
        onChange={(e) => setEmail(e.target.value)}
      />
      <div className="commenter-data__actions">
        <Button type="submit" disabled={busy} buttonStyle="primary">
          Download their data
        </Button>
        <Button type="button" disabled={busy} buttonStyle="secondary" onClick={erase}>
          Erase their details…
        </Button>
      </div>
      <p id="commenter-data-outcome" role="status" className={`commenter-data__${outcome?.kind}`}>
        {outcome?.message}
      </p>
    </form>
  )
}
