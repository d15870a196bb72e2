// labels.Parse: the label selector string grammar, with upstream's exact error texts.
//
//   selector    ::= requirement ("," requirement)* | ""
//   requirement ::= ["!"] KEY [ ("in" | "notin") "(" [VALUE ("," VALUE)*] ")" | ("=" | "==" | "!=" | ">" | "<") [VALUE] ]
//
// `in` and `notin` are identifiers wherever a key or value may stand. A set's values are
// de-duplicated and sorted; `()`, `(,)`, `(a,)` and a missing exact value all denote the empty value.
import { aggregateMessage, formatFieldError, invalid, stringValue, type FieldPath } from './fieldError.ts';
import { compareGo } from './goText.ts';
import { isQualifiedName } from './isQualifiedName.ts';
import { lex, Token, type ScannedItem } from './lexer.ts';
import { BINARY_OPERATORS, type Operator } from './operator.ts';
import { newRequirement, type Requirement } from './requirement.ts';
import { Selector } from './selector.ts';

export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

/** A syntax or validation failure inside the parser; never escapes parseSelector. */
class SelectorSyntaxError extends Error {}
const fail = (message: string): never => {
  throw new SelectorSyntaxError(message);
};

const EXACT_OPERATORS: Partial<Record<Token, Operator>> = {
  [Token.Equals]: '=',
  [Token.DoubleEquals]: '==',
  [Token.NotEquals]: '!=',
  [Token.GreaterThan]: 'gt',
  [Token.LessThan]: 'lt',
};

class Parser {
  private pos = 0;
  constructor(
    private readonly items: readonly ScannedItem[],
    private readonly path: FieldPath,
  ) {}

  /** The current token; with `asValue`, `in`/`notin` read as identifiers (upstream's Values context). */
  private peek(asValue = true): ScannedItem {
    const item = this.items[Math.min(this.pos, this.items.length - 1)];
    return asValue && (item.tok === Token.In || item.tok === Token.NotIn) ? { tok: Token.Identifier, literal: item.literal } : item;
  }

  private next(asValue = true): ScannedItem {
    const item = this.peek(asValue);
    this.pos++;
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, literal } = this.peek();
      if (tok === Token.EndOfString) return requirements;
      if (tok !== Token.Identifier && tok !== Token.DoesNotExist) fail(`found '${literal}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (e) {
        if (e instanceof SelectorSyntaxError) fail(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const sep = this.next();
      if (sep.tok === Token.EndOfString) return requirements;
      if (sep.tok !== Token.Comma) fail(`found '${sep.literal}', expected: ',' or 'end of string'`);
      const after = this.peek();
      if (after.tok !== Token.Identifier && after.tok !== Token.DoesNotExist) fail(`found '${after.literal}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let first = this.next();
    const negated = first.tok === Token.DoesNotExist;
    if (negated) first = this.next();
    if (first.tok !== Token.Identifier) fail(`found '${first.literal}', expected: identifier`);
    const key = first.literal;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) fail(formatFieldError(invalid(this.path, stringValue(key), keyErrs.join('; '))));
    const la = this.peek().tok;
    if (negated || la === Token.EndOfString || la === Token.Comma) return this.build(key, negated ? '!' : 'exists', []);
    const opItem = this.next(false);
    if (opItem.tok === Token.In || opItem.tok === Token.NotIn) return this.build(key, opItem.tok === Token.In ? 'in' : 'notin', this.valueSet());
    const op = EXACT_OPERATORS[opItem.tok];
    if (!op) return fail(`found '${opItem.literal}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return this.build(key, op, [this.exactValue()]);
  }

  private build(key: string, op: Operator, values: string[]): Requirement {
    const r = newRequirement(key, op, values, this.path);
    return r.ok ? r.requirement : fail(aggregateMessage(r.errors));
  }

  /** `( values )`, returned de-duplicated and sorted like upstream's sets.String.List(). */
  private valueSet(): string[] {
    const open = this.next();
    if (open.tok !== Token.OpenPar) fail(`found '${open.literal}' expected: '('`);
    const { tok, literal } = this.peek();
    let values: Set<string>;
    if (tok === Token.ClosedPar) {
      this.next();
      values = new Set(['']);
    } else if (tok === Token.Identifier || tok === Token.Comma) {
      values = this.identifiers();
      this.next(); // identifiers() stops only in front of ')'
    } else return fail(`found '${literal}', expected: ',', ')' or identifier`);
    return [...values].sort(compareGo);
  }

  /** A comma-separated list in which an empty slot denotes the empty value; stops before ')'. */
  private identifiers(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const item = this.next();
      if (item.tok === Token.Identifier) {
        values.add(item.literal);
        const la = this.peek();
        if (la.tok === Token.ClosedPar) return values;
        if (la.tok !== Token.Comma) fail(`found '${la.literal}', expected: ',' or ')'`);
      } else if (item.tok === Token.Comma) {
        if (values.size === 0) values.add('');
        const la = this.peek().tok;
        if (la === Token.ClosedPar) {
          values.add('');
          return values;
        }
        if (la === Token.Comma) {
          this.next();
          values.add('');
        }
      } else fail(`found '${item.literal}', expected: ',', or identifier`);
    }
  }

  /** The value after `=`, `==`, `!=`, `>` or `<`; absent means the empty value. */
  private exactValue(): string {
    const la = this.peek().tok;
    if (la === Token.EndOfString || la === Token.Comma) return '';
    const item = this.next();
    return item.tok === Token.Identifier ? item.literal : fail(`found '${item.literal}', expected: identifier`);
  }
}

/**
 * Parses a label selector string. Returns the selector (requirements sorted by key) or upstream's
 * error text, e.g. `found '', expected: identifier after ','` for `app=nginx,`. Never throws.
 * `path` is upstream's optional field path for key/value errors (default: the nil path, `<nil>`).
 */
export function parseSelector(input: string, path: FieldPath = null): ParseResult {
  try {
    return { ok: true, selector: new Selector(new Parser(lex(input), path).parse()) };
  } catch (e) {
    if (e instanceof SelectorSyntaxError) return { ok: false, error: e.message };
    throw e;
  }
}
