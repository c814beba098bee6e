/** Marks each character of a PromQL expression that is outside parentheses, braces, brackets and strings. */
function topLevelMask(expr: string): boolean[] {
  const mask: boolean[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i += 1) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') {
        mask.push(false, false);
        i += 1;
        continue;
      }
      if (c === quote) quote = undefined;
      mask.push(false);
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('({['.includes(c)) depth += 1;
    else if (')}]'.includes(c)) depth -= 1;
    mask.push(depth === 0 && !quote && !')}]'.includes(c));
  }
  return mask;
}

/** Splits `expr` at every top-level match of a sticky `operator` pattern. */
function splitTopLevel(expr: string, operator: RegExp): string[] {
  const mask = topLevelMask(expr);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < expr.length; i += 1) {
    if (!mask[i]) continue;
    operator.lastIndex = i;
    const match = operator.exec(expr);
    if (!match) continue;
    parts.push(expr.slice(start, i));
    start = i + match[0].length;
    i = start - 1;
  }
  parts.push(expr.slice(start));
  return parts.map((p) => p.trim());
}

const SET_OPERATOR = /\s+(and|or|unless)\s+((on|ignoring)\s*\([^)]*\)\s*)?/y;
const COMPARISON = /\s*(==|!=|>=|<=|>|<)\s*(bool\s+)?/y;

/**
 * What an alert's condition looks at: each side of a top-level and/or/unless, with its comparison to a
 * threshold removed. A healthy platform makes the condition itself empty, so these are what must exist.
 */
export function alertOperands(expr: string): string[] {
  return splitTopLevel(expr, SET_OPERATOR).map((part) => splitTopLevel(part, COMPARISON)[0]);
}
