import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'

const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')

export type Violation = { rule: string; impact: string; help: string; nodes: string[] }

/**
 * Runs axe-core's full rule set (WCAG 2.x A and AA plus best practices) on the page as it is
 * now, and returns every violation with the elements it names.
 */
export const axeViolations = async (page: Page): Promise<Violation[]> => {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string
        impact: string
        help: string
        nodes: { target: string[]; failureSummary?: string }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe
    const { violations } = await axe.run(document)
    return violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
  })
}
