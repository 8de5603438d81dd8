import { DASHBOARD_TITLE_SUFFIX, withSiteName } from '@/lib/dashboardTitle'

describe('withSiteName', () => {
  it("ends the dashboard's titles with the clinic's name", () => {
    const meta = withSiteName(
      {
        title: `Comments${DASHBOARD_TITLE_SUFFIX}`,
        openGraph: { title: `Comments${DASHBOARD_TITLE_SUFFIX}`, siteName: 'Payload App' },
      },
      'Lakeside Clinic',
    )
    expect(meta.title).toBe('Comments · Lakeside Clinic')
    expect(meta.openGraph).toMatchObject({
      title: 'Comments · Lakeside Clinic',
      siteName: 'Lakeside Clinic',
    })
  })

  it('leaves a title without the suffix as it is', () => {
    expect(withSiteName({ title: 'Login' }, 'Lakeside Clinic').title).toBe('Login')
    expect(withSiteName({ title: { absolute: 'X' } }, 'Lakeside Clinic').title).toEqual({
      absolute: 'X',
    })
  })
})
