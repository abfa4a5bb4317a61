// The stores behind the ready-made `handlers` list; scenarios that need data use them unless given a store.

import { createKaitenRuStore } from './kaiten-ru.js'
import { createKaitenShStore } from './kaiten-sh.js'

/** The stores behind `handlers`, shared by every test that uses them: reset them after a test that appends. */
export const defaultStores = {
  kaitenSh: createKaitenShStore(),
  kaitenRu: createKaitenRuStore(),
}
