/**
 * Where the time goes: parse time and each rule's collect and check time
 * on one text file, run as the engine runs them (collect over every piece,
 * then check over every piece).
 *
 *   node dist/src/tools/profile.js FILE [--rules a,b]
 *
 * `npm run bench` builds real MT text of 1–8 MB in `.bench/`.
 */
import fs from 'node:fs'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {parsePieces} from '../parse.js'
import {prepareRules} from '../preset.js'
import {rules} from '../../rules/index.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {rules: {type: 'string', default: ''}}
})
const path = positionals[0]
if (!path) {
  console.error('usage: profile FILE [--rules a,b]')
  process.exit(2)
}

// Without --rules, the preset's defaults (opt-in rules stay off).
const chosen = values.rules ? new Set(values.rules.split(',')) : undefined
const settings = chosen
  ? Object.fromEntries(rules.map((rule) => [rule.id, chosen.has(rule.id)]))
  : undefined
const text = fs.readFileSync(path, 'utf8')
const file = new VFile(text)
const runs = prepareRules(undefined, {rules: settings}).begin()
const times = new Map<string, number>()
const add = (key: string, ms: number) => times.set(key, (times.get(key) ?? 0) + ms)
let parse = 0

for (const pass of ['collect', 'check'] as const) {
  let start = performance.now()
  for (const tree of parsePieces(text)) {
    parse += performance.now() - start
    for (const run of runs) {
      const before = performance.now()
      if (pass === 'collect') run.collect?.(tree, file)
      else run.check(tree, file)
      add(`${run.rule.id} ${pass}`, performance.now() - before)
    }

    start = performance.now()
  }
}

const megabytes = Buffer.byteLength(text) / 1024 / 1024
console.log(`${megabytes.toFixed(2)} MB, ${file.messages.length} findings`)
console.log(`parse (two passes): ${parse.toFixed(0)} ms`)
for (const [key, ms] of [...times].sort((a, b) => b[1] - a[1])) {
  if (ms >= 1) console.log(`${key.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / megabytes).toFixed(0).padStart(5)} ms/MB`)
}
