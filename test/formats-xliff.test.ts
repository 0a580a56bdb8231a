/**
 * XLIFF 1.2 and 2.x: targets linted with inline markup masked or kept out
 * of fixes, entities and CDATA decoded and re-encoded, and a saxes parse of
 * the fixed file equal to the original's but for the fixed targets.
 */
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {check} from '../src/api.js'
import {FormatError} from '../src/formats/index.js'

const onlyEnglish = {
  rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'repeated-words' || rule.id === 'indefinite-article']))
}

const xliff12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="ru" target-language="en" datatype="html" original="checkout.html">
    <body>
      <trans-unit id="cart.empty" resname="cart.empty">
        <source>Ваша корзина пуста. <g id="1">Продолжить покупки</g></source>
        <target state="translated">Your cart is is empty. <g id="1">Continue shopping</g></target>
      </trans-unit>
      <trans-unit id="cart.items">
        <source>В корзине <x id="1" ctype="x-count"/> товаров на сумму <ph id="2">{{total}}</ph></source>
        <target>There are <x id="1" ctype="x-count"/> items for a <ph id="2">{{total}}</ph> in the the cart</target>
      </trans-unit>
      <trans-unit id="terms">
        <source>Я принимаю &lt;условия&gt; &amp; правила</source>
        <target>I accept the &lt;terms&gt; &amp; the the rules</target>
      </trans-unit>
      <trans-unit id="promo">
        <source><![CDATA[Скидка <b>10%</b> на всё]]></source>
        <target><![CDATA[It is a <b>10%</b> discount & a offer]]></target>
        <alt-trans origin="mt"><target>A alternative the the proposal</target></alt-trans>
      </trans-unit>
      <trans-unit id="brand" translate="no">
        <source>Shop</source>
        <target>the the Shop</target>
      </trans-unit>
      <trans-unit id="split">
        <source>Это лучший выбор</source>
        <target>It is <g id="1">the</g> the best choice</target>
      </trans-unit>
      <trans-unit id="untranslated-yet">
        <source>Новое</source>
      </trans-unit>
    </body>
  </file>
</xliff>
`

const xliff20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>Нажмите <ph id="1" equiv="[Enter]"/>, чтобы сохранить</source>
        <target>Press <ph id="1" equiv="[Enter]"/> to to save</target>
      </segment>
      <ignorable><source> </source><target> the the </target></ignorable>
      <segment id="s2">
        <source><pc id="2">Внимание:</pc> это <mrk id="m1" translate="no">API</mrk></source>
        <target><pc id="2">Note:</pc> it is a <mrk id="m1" translate="no">API</mrk> call and a error</target>
      </segment>
    </unit>
    <unit id="u2" translate="no">
      <segment><source>x</source><target>a error a error</target></segment>
    </unit>
  </file>
</xliff>
`

/** Every target's content, as saxes reads it (text, CDATA and elements). */
function targets(xml: string): string[] {
  const parser = new SaxesParser()
  const found: string[] = []
  let depth = 0
  let current = ''
  parser.on('opentag', (tag) => {
    if (tag.name === 'target' && depth === 0) {
      depth = 1
      current = ''
    } else if (depth > 0) {
      depth++
      current += `<${tag.name} ${JSON.stringify(tag.attributes)}>`
    }
  })
  parser.on('closetag', (tag) => {
    if (depth === 0) return
    depth--
    if (depth === 0) found.push(current)
    else current += `</${tag.name}>`
  })
  parser.on('text', (text) => {
    if (depth > 0) current += text
  })
  parser.on('cdata', (text) => {
    if (depth > 0) current += '[CDATA:' + text + ']'
  })
  parser.write(xml).close()
  return found
}

describe('XLIFF 1.2', () => {
  it('lints targets, not sources, alt-trans proposals or translate="no" units', async () => {
    const result = await check(xliff12, {type: 'xliff', path: 'checkout.xlf', ...onlyEnglish})
    expect(result.messages.map((m) => [m.ruleId, m.actual, m.fix])).toEqual([
      ['repeated-words', 'is is', true],
      ['repeated-words', 'the the', true],
      ['repeated-words', 'the the', true],
      // `a <b>10%</b>` in the CDATA: the tag is masked; `a offer` is not.
      ['indefinite-article', 'a', true],
      // `<g id="1">the</g> the`: the fix would swallow the tag.
      ['repeated-words', 'the</g> the', false]
    ])
    const second = result.messages[1]!
    expect(second.line).toBe(xliff12.slice(0, xliff12.indexOf('in the the cart')).split('\n').length)
  })

  it('masks placeholders: `a <ph>{{total}}</ph>` is not `a` before a word', async () => {
    const result = await check(xliff12, {type: 'xliff', ...onlyEnglish})
    expect(result.messages.some((m) => /<x|<ph|\{\{/.test(m.actual ?? ''))).toBe(false)
  })

  it('writes fixes escaped for their place and keeps everything else', async () => {
    const result = await check(xliff12, {type: 'xliff', ...onlyEnglish})
    expect(result.fixed).toBe(
      xliff12
        .replace('Your cart is is empty', 'Your cart is empty')
        .replace('in the the cart', 'in the cart')
        .replace('&amp; the the rules', '&amp; the rules')
        .replace('It is a <b>10%</b> discount & a offer', 'It is a <b>10%</b> discount & an offer')
    )
  })

  it('round trip: saxes reads every untouched target as before', async () => {
    const result = await check(xliff12, {type: 'xliff', ...onlyEnglish})
    const before = targets(xliff12)
    const after = targets(result.fixed)
    expect(after).toHaveLength(before.length)
    const changed = before.map((value, index) => value !== after[index])
    expect(changed.filter(Boolean)).toHaveLength(4)
    expect(after[2]).toBe('I accept the <terms> & the rules')
    expect(after[3]).toBe('[CDATA:It is a <b>10%</b> discount & an offer]')
    // The alt-trans proposal and the translate="no" unit are untouched.
    expect(after[4]).toBe(before[4])
    expect(after[5]).toBe(before[5])
  })
})

describe('XLIFF 2.0', () => {
  it('lints segment targets, skips ignorables and translate="no", masks <ph/> and protected <mrk>', async () => {
    const result = await check(xliff20, {type: 'xliff', path: 'app.xlf', ...onlyEnglish})
    expect(result.messages.map((m) => [m.ruleId, m.actual])).toEqual([
      ['repeated-words', 'to to'],
      ['indefinite-article', 'a']
    ])
    // `a <mrk translate="no">API</mrk>`: the protected text is masked.
    expect(result.fixed).toContain('it is a <mrk id="m1" translate="no">API</mrk> call and an error')
    expect(result.fixed).toContain('<target> the the </target>')
  })
})

describe('XLIFF errors', () => {
  it('a malformed file is a FormatError naming line and column', async () => {
    const broken = xliff12.replace('</target>\n      </trans-unit>\n      <trans-unit id="cart.items">', '\n      </trans-unit>\n      <trans-unit id="cart.items">')
    await expect(check(broken, {type: 'xliff'})).rejects.toThrow(FormatError)
    await expect(check(broken, {type: 'xliff'})).rejects.toMatchObject({line: 8})
  })

  it('another XML vocabulary is refused', async () => {
    await expect(check('<html><body>the the</body></html>', {type: 'xliff'})).rejects.toThrow(/not an XLIFF file/)
  })
})
