import { readFileSync } from 'node:fs'

/**
 * The dashboard's stylesheet is plain CSS that browsers read leniently: one missing brace
 * swallows every rule after it without an error anywhere (a merge did exactly that to the
 * moderation queue). Every block it opens, it closes, and only @-rules (@media and the like)
 * hold other blocks.
 */
describe('app/(payload)/custom.css', () => {
  it('closes every block it opens', () => {
    const css = readFileSync('app/(payload)/custom.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    const open: { atRule: boolean; at: number }[] = []
    let start = 0
    for (let i = 0; i < css.length; i += 1) {
      const line = css.slice(0, i).split('\n').length
      if (css[i] === '{') {
        if (open.length && !open[open.length - 1]!.atRule)
          throw new Error(`a rule opens inside another rule's block, line ${line}`)
        open.push({ atRule: css.slice(start, i).trim().startsWith('@'), at: line })
        start = i + 1
      } else if (css[i] === '}') {
        if (!open.pop()) throw new Error(`a block closes that never opened, line ${line}`)
        start = i + 1
      } else if (css[i] === ';') {
        start = i + 1
      }
    }
    expect(open).toEqual([])
  })
})
