import {
  growthPerMinute,
  heapSamplesFromLogs,
  median,
  minutesFrom,
  rssMbFromStatus,
} from '@/bench/soakFigures'

describe('the soak figures', () => {
  it('reads VmRSS from /proc/<pid>/status in MB', () => {
    const status = 'Name:\tnode\nVmPeak:\t 2000000 kB\nVmRSS:\t  524288 kB\nThreads:\t11\n'
    expect(rssMbFromStatus(status)).toBe(512)
    expect(rssMbFromStatus('Name:\tnode\n')).toBeUndefined()
  })

  it('fits the growth per minute through the second half only', () => {
    const samples = [
      { atMs: 0, rssMb: 300 },
      { atMs: 30_000, rssMb: 450 },
      { atMs: 60_000, rssMb: 500 },
      { atMs: 90_000, rssMb: 501 },
      { atMs: 120_000, rssMb: 502 },
    ]
    expect(growthPerMinute(samples, 60_000)).toBe(2)
    expect(growthPerMinute(samples.slice(2).map((s) => ({ ...s, rssMb: 500 })))).toBe(0)
  })

  it('has no slope with fewer than two samples', () => {
    expect(growthPerMinute([{ atMs: 0, rssMb: 1 }])).toBeNull()
    expect(
      growthPerMinute(
        [
          { atMs: 0, rssMb: 1 },
          { atMs: 1, rssMb: 2 },
        ],
        1,
      ),
    ).toBeNull()
  })

  it('takes medians', () => {
    expect(median([])).toBeUndefined()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('reads --minutes, fractions included, and refuses nonsense', () => {
    expect(minutesFrom([])).toBe(10)
    expect(minutesFrom(['--minutes', '0.5'])).toBe(0.5)
    expect(minutesFrom(['--minutes=2'])).toBe(2)
    expect(() => minutesFrom(['--minutes', 'soon'])).toThrow(/positive number/)
    expect(() => minutesFrom(['--minutes', '0'])).toThrow(/positive number/)
  })
})

describe('heapSamplesFromLogs', () => {
  it("reads the server's heap lines among its other output, timed from the start", () => {
    const logs = [
      'inkwell ready on http://127.0.0.1:3000',
      'inkwell-heap {"at":900,"heapUsedMb":99}',
      'inkwell-heap {"at":1000,"heapUsedMb":120.5,"externalMb":3}',
      '[05:00:00] INFO: something else',
      'inkwell-heap {"at":31000,"heapUsedMb":121}',
      'inkwell-heap {not json}',
      'inkwell-heap {"at":"late","heapUsedMb":1}',
    ].join('\n')
    expect(heapSamplesFromLogs(logs, 1000)).toEqual([
      { atMs: 0, rssMb: 120.5 },
      { atMs: 30000, rssMb: 121 },
    ])
  })
})
