/**
 * Where the time goes: parse time and each rule's collect, check and
 * finish time on one text file, run in the passes the engine uses.
 *
 *   node dist/src/tools/profile.js FILE [--rules a,b]
 *
 * `npm run bench` builds real MT text of 1–8 MB in `.bench/`.
 */
import fs from 'node:fs'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {parsePieces} from '../parse.js'
import {onlyRules, prepareRules} from '../preset.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {rules: {type: 'string', default: ''}}
})
const path = positionals[0]
if (!path) {
  console.error('usage: profile FILE [--rules a,b]')
  process.exit(2)
}

const settings = onlyRules(values.rules ? values.rules.split(',') : undefined)
const text = fs.readFileSync(path, 'utf8')
const file = new VFile(text)
const runs = prepareRules(undefined, {rules: settings}).begin()
const times = new Map<string, number>()
const add = (key: string, ms: number) => times.set(key, (times.get(key) ?? 0) + ms)
let parse = 0

// The passes as the engine runs them (see src/engine.ts): one pass when
// every collecting rule looks only back, else collect everything first.
const timed = (key: string, work: () => void) => {
  const before = performance.now()
  work()
  add(key, performance.now() - before)
}
const onePass = runs.every((run) => !run.collect || run.inOrder)
const passes = onePass ? [['collect', 'check']] : [['collect'], ['check']]
for (const steps of passes) {
  let start = performance.now()
  for (const tree of parsePieces(text)) {
    parse += performance.now() - start
    for (const step of steps) {
      for (const run of runs) {
        if (step === 'collect' && run.collect) timed(`${run.rule.id} collect`, () => run.collect!(tree, file))
        if (step === 'check') timed(`${run.rule.id} check`, () => run.check(tree, file))
      }
    }

    start = performance.now()
  }
}

for (const run of runs) {
  if (run.finish) timed(`${run.rule.id} finish`, () => run.finish!(file))
}

const megabytes = Buffer.byteLength(text) / 1024 / 1024
console.log(`${megabytes.toFixed(2)} MB, ${file.messages.length} findings`)
console.log(`parse (${onePass ? 'one pass' : 'two passes'}): ${parse.toFixed(0)} ms`)
for (const [key, ms] of [...times].sort((a, b) => b[1] - a[1])) {
  if (ms >= 1) console.log(`${key.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / megabytes).toFixed(0).padStart(5)} ms/MB`)
}
