// JSON text of stored items, cached per item. Stored items are frozen, so the text can never go stale; serialising a
// page becomes a join of cached strings, which is what lets the standalone server stay several times faster than a
// generic spec-driven mock.

const texts = new WeakMap<object, string>()

function itemText(item: object): string {
  let text = texts.get(item)
  if (text === undefined) {
    text = JSON.stringify(item)
    if (Object.isFrozen(item)) texts.set(item, text)
  }
  return text
}

/** The same text as `JSON.stringify(items)` for an array of objects. */
export function stringifyItems(items: readonly object[]): string {
  let out = '['
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + itemText(items[i] as object)
  return `${out}]`
}
