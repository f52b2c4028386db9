/**
 * Atomic, obfuscated class names in the style of Meta's StyleX output (`x1qjc9v5 x1q0q8m5`).
 * Every call generates fresh names, so each page load gets different classes, as after a Meta deployment.
 *
 * A spec maps a semantic name (used only by the replica's own code, never sent to the page) to a list of
 * declarations separated by `;`. A declaration may carry a pseudo-class prefix: `hover:background:#eee`.
 */
const PSEUDO = ['hover', 'focus', 'focus-visible', 'active', 'disabled', 'placeholder'] as const;

function randomAtomicName(taken: Set<string>): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    let name = 'x';
    const length = 6 + Math.floor(Math.random() * 3);
    for (let i = 0; i < length; i++) name += alphabet[Math.floor(Math.random() * alphabet.length)] ?? 'a';
    if (!/^x[0-9]/.test(name) && Math.random() < 0.6) continue; // most of Meta's start with x + digit
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export interface AtomicSheet<K extends string> {
  /** semantic name -> space separated obfuscated class list */
  cls: Record<K, string>;
  /** the CSS text defining every atomic class */
  css: string;
}

export function atomicSheet<K extends string>(spec: Record<K, string>): AtomicSheet<K> {
  const taken = new Set<string>();
  const byDeclaration = new Map<string, string>();
  const rules: string[] = [];
  const cls = {} as Record<K, string>;
  for (const key of Object.keys(spec) as K[]) {
    const names: string[] = [];
    for (const raw of spec[key].split(';')) {
      const decl = raw.trim();
      if (!decl) continue;
      let name = byDeclaration.get(decl);
      if (!name) {
        name = randomAtomicName(taken);
        byDeclaration.set(decl, name);
        let pseudo = '';
        let body = decl;
        for (const p of PSEUDO) {
          if (decl.startsWith(p + ':')) {
            pseudo = p === 'placeholder' ? '::placeholder' : p === 'disabled' ? '[aria-disabled=true]' : ':' + p;
            body = decl.slice(p.length + 1);
            break;
          }
        }
        rules.push('.' + name + pseudo + '{' + body + '}');
      }
      names.push(name);
    }
    // shuffle: atomic class order carries no meaning
    for (let i = names.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      const a = names[i] ?? '';
      names[i] = names[j] ?? '';
      names[j] = a;
    }
    cls[key] = names.join(' ');
  }
  // pseudo rules after plain ones so they win on equal specificity
  rules.sort((a, b) => Number(/^\.[a-z0-9]+[:[]/.test(a)) - Number(/^\.[a-z0-9]+[:[]/.test(b)));
  return { cls, css: rules.join('\n') };
}

/** React useId()-style id (`:r1a:`): awkward in CSS selectors, different on each load. */
export function reactId(): string {
  return ':r' + Math.random().toString(36).slice(2, 5) + ':';
}

/** Old server-rendered Facebook element id (`u_0_4_Xy`). */
export function legacyId(n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+';
  let suffix = '';
  for (let i = 0; i < 2; i++) suffix += alphabet[Math.floor(Math.random() * alphabet.length)] ?? 'a';
  return 'u_0_' + n.toString(36) + '_' + suffix;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe to place inside an inline <script>. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function randomToken(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)] ?? 'A';
  return s;
}

/** Font stack of Meta's web apps. */
export const SYSTEM_FONT =
  "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI Historic','Segoe UI',Helvetica,Arial,sans-serif";
