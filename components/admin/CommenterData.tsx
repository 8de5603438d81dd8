import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { mayModerate } from '@/access/canModerate'

import { CommenterDataForm } from './CommenterData.client'
import { COMMENTER_DATA_PATH } from './CommenterDataLink'

/**
 * A commenter's request about their data, handled by a moderator or admin: download every
 * comment stored for an email, or erase the person from them. The endpoints check the role
 * again (lib/api/commenterData); this page only spares others a form that would refuse them.
 */
export const CommenterData = ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  if (!req.user) redirect(`/admin/login?redirect=${encodeURIComponent(COMMENTER_DATA_PATH)}`)
  const allowed = mayModerate(req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user}
      visibleEntities={visibleEntities}
    >
      <Gutter className="commenter-data">
        <h1>Commenter data</h1>
        {allowed ? (
          <>
            <p>
              When someone asks what we hold about them, or asks to be forgotten, enter the email
              they commented with. The download lists every comment stored for it, in every status,
              with the IP hash and browser we keep. Erasing keeps their comments but signs them
              “Anonymous” and removes the email, website, IP hash, browser and returning-commenter
              key; it cannot be undone.
            </p>
            <CommenterDataForm />
          </>
        ) : (
          <p>Only moderators and admins may export or erase a commenter’s data.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
