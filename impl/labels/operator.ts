// selection.Operator: the operators a label selector requirement may use, with upstream's spelling.

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

/** Upstream's binaryOperators, in upstream's order (it appears in parse error messages). */
export const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
/** Upstream's unaryOperators. */
export const UNARY_OPERATORS: readonly Operator[] = ['exists', '!'];
/** Upstream's validRequirementOperators. */
export const VALID_REQUIREMENT_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, ...UNARY_OPERATORS];

export const isOperator = (s: string): s is Operator => (VALID_REQUIREMENT_OPERATORS as readonly string[]).includes(s);
