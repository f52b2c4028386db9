/**
 * happy-dom (21) cannot parse an attribute selector with a case flag and an unquoted value
 * (`input[name*=mail i]`), which browsers accept and the form rules use. This shim quotes such values
 * before happy-dom sees them, so the rules run unchanged in the unit tests.
 * Remove it once the rules quote their values (`input[name*="mail" i]`) or happy-dom parses the form.
 */
const UNQUOTED_WITH_FLAG = /\[\s*([\w-]+)\s*([~|^$*]?=)\s*([^\s"'\]]+)\s+([is])\s*\]/g;

export function quoteFlaggedAttributes(selector: string): string {
  return selector.replace(UNQUOTED_WITH_FLAG, '[$1$2"$3" $4]');
}

const METHODS = ['querySelector', 'querySelectorAll', 'matches', 'closest'] as const;

/** Patches the prototypes that own the methods, found from live instances (happy-dom's globals may be other classes). */
function patch(instance: object): void {
  for (const name of METHODS) {
    let proto: object | null = Object.getPrototypeOf(instance);
    while (proto && !Object.prototype.hasOwnProperty.call(proto, name)) proto = Object.getPrototypeOf(proto);
    if (!proto) continue;
    const owner = proto as Record<string, unknown>;
    const original = owner[name] as ((selector: string) => unknown) & { quoted?: boolean };
    if (typeof original !== 'function' || original.quoted) continue;
    const patched = function (this: unknown, selector: string) {
      return original.call(this, quoteFlaggedAttributes(selector));
    } as typeof original;
    patched.quoted = true;
    owner[name] = patched;
  }
}

patch(document);
patch(document.createElement('div'));
patch(document.createDocumentFragment());
patch(document.createElement('div').attachShadow({ mode: 'open' }));
patch(document.implementation.createHTMLDocument(''));
