/**
 * The engine's passes: rules that need the whole document see every piece
 * collected before any check; rules that only look back run in one pass;
 * `finish` comes last.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lintDocument} from '../src/engine.js'
import type {DocumentRun, PreparedRules} from '../src/preset.js'

function recorder(log: string[], name: string, inOrder: boolean): DocumentRun {
  const first = (tree: {position?: {start: {offset?: number}}}) => tree.position?.start.offset
  return {
    rule: {id: name, description: '', plugin: () => undefined},
    inOrder,
    collect: (tree) => log.push(`${name} collect ${first(tree)}`),
    check: (tree) => log.push(`${name} check ${first(tree)}`),
    finish: () => log.push(`${name} finish`)
  }
}

function run(text: string, runs: DocumentRun[]): void {
  const prepared: PreparedRules = {begin: () => runs, finish: () => {}}
  lintDocument(new VFile(text), prepared)
}

const text = 'One para.\n\nTwo para.\n\nThree para.\n'

describe('lintDocument', () => {
  it('collects and checks each piece in turn when every rule looks only back', () => {
    const log: string[] = []
    run(text, [recorder(log, 'a', true)])
    expect(log).toEqual([
      'a collect 0', 'a check 0', 'a collect 11', 'a check 11', 'a collect 22', 'a check 22', 'a finish'
    ])
  })

  it('collects every piece before any check when a rule needs the whole document', () => {
    const log: string[] = []
    run(text, [recorder(log, 'a', true), recorder(log, 'b', false)])
    expect(log.indexOf('a check 0')).toBeGreaterThan(log.indexOf('b collect 22'))
    expect(log.slice(-2)).toEqual(['a finish', 'b finish'])
  })

  it('gives the same positions in both modes, for long documents too', () => {
    const long = 'Para one is here.\n\n'.repeat(20_000)
    for (const inOrder of [true, false]) {
      const log: string[] = []
      run(long, [recorder(log, 'a', inOrder)])
      const checks = log.filter((line) => line.includes('check'))
      expect(checks).toHaveLength(20_000)
      expect(checks[1]).toBe('a check 19')
    }
  })
})
