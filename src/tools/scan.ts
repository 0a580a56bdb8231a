/**
 * Run rules over a JSON-lines file of real text and print what they flag:
 * counts per rule, flags per 10,000 words, and samples. For measuring
 * false alarms on well-edited English and looking at behaviour on real MT.
 *
 *   node dist/src/tools/scan.js FILE [--field text] [--rules a,b] [--limit N] [--samples N]
 *     [--where is_human_translation]
 */
import fs from 'node:fs'
import readline from 'node:readline'
import {parseArgs} from 'node:util'
import {check} from '../api.js'
import {onlyRules} from '../preset.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    field: {type: 'string', default: ''},
    rules: {type: 'string', default: ''},
    limit: {type: 'string', default: '0'},
    samples: {type: 'string', default: '20'},
    where: {type: 'string', default: ''}
  }
})

const file = positionals[0]
if (!file) {
  console.error('usage: scan FILE [--field text] [--rules a,b] [--limit N] [--samples N]')
  process.exit(2)
}

const settings = onlyRules(values.rules ? values.rules.split(',') : undefined)
const limit = Number(values.limit)
const sampleCount = Number(values.samples)
const counts = new Map<string, number>()
const fixes = new Map<string, number>()
const samples = new Map<string, string[]>()
let words = 0
let records = 0

const lines = readline.createInterface({input: fs.createReadStream(file)})
for await (const line of lines) {
  if (!line.trim()) continue
  const record = JSON.parse(line) as Record<string, unknown>
  if (values.where && !record[values.where]) continue
  const field = values.field || ('text' in record ? 'text' : 'mt')
  const text = String(record[field] ?? '')
  words += text.split(/\s+/).filter(Boolean).length
  records++
  const result = await check(text, {rules: settings})
  for (const message of result.messages) {
    const id = message.ruleId ?? '?'
    counts.set(id, (counts.get(id) ?? 0) + 1)
    if (message.fix) fixes.set(id, (fixes.get(id) ?? 0) + 1)
    const list = samples.get(id) ?? []
    if (list.length < sampleCount) {
      const start = (message.place as {start: {offset: number}}).start.offset
      const context = text.slice(Math.max(0, start - 50), start + 60).replace(/\n/g, ' ')
      list.push(
        `${String(record.id)}: ${JSON.stringify(message.actual)} -> ${JSON.stringify(message.expected?.[0])}${message.fix ? '' : ' (no fix)'}\n      …${context}…`
      )
      samples.set(id, list)
    }
  }

  if (limit && records >= limit) break
}

console.log(`${records} records, ${words} words`)
for (const [id, count] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(
    `\n${id}: ${count} flags (${fixes.get(id) ?? 0} with fix), ${((count / words) * 10_000).toFixed(2)} per 10k words`
  )
  for (const sample of samples.get(id) ?? []) console.log('  ' + sample)
}
