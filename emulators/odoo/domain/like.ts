// SQL LIKE patterns: % any run, _ one character, backslash escapes. `like`/`ilike` wrap
// the value in % without escaping it, exactly like Odoo, so '_' in a value is a wildcard.
export function likeToRegExp(pattern: string, insensitive: boolean): RegExp {
  let src = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) src += escape(pattern[++i]!);
    else if (c === "%") src += "[\\s\\S]*";
    else if (c === "_") src += "[\\s\\S]";
    else src += escape(c);
  }
  return new RegExp(`^${src}$`, insensitive ? "iu" : "u");
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
