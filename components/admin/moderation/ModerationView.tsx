import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { getModerationCounts, getModerationQueue } from '@/lib/data/moderation'
import { MODERATION_PATH, parseTab } from '@/lib/moderation/tabs'
import { parsePageNumber } from '@/lib/pageNumber'

import { ModerationQueue } from './ModerationQueue.client'

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * The moderation queue at /admin/moderation: comments by status with counts, read with the
 * signed-in moderator's access. Payload lets anyone reach a custom view, so this one checks:
 * visitors go to sign in, and staff who may not moderate see a refusal and no data.
 */
export const ModerationView = async ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user } = req
  if (!user) redirect(`/admin/login?redirect=${encodeURIComponent(MODERATION_PATH)}`)

  const tab = parseTab(first(searchParams?.status))
  const page = parsePageNumber(first(searchParams?.page) ?? '1') ?? 1
  const [counts, queue] = await Promise.all([
    getModerationCounts({ payload, user }),
    getModerationQueue({ payload, user }, { tab, page }),
  ])

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Moderation' }]} />
      <Gutter className="moderation">
        <h1 className="moderation__title">Comments awaiting your decision</h1>
        {counts && queue ? (
          <ModerationQueue tab={tab} counts={counts} queue={queue} />
        ) : (
          <p role="alert">Only moderators and admins can moderate comments.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
