// Capabilities `labels` and `selectors`: label/annotation validation and label selectors, with
// the semantics of k8s.io/apimachinery (pkg/labels, pkg/util/validation, metav1 LabelSelector).

export type Labels = Record<string, string>;

/** One field error, as Kubernetes' field.Error prints it: `<field>: <message>`. */
export interface FieldError {
  field: string;
  /**
   * The error type's display text, as upstream's ErrorType.String() prints it at the start of the
   * message: `Invalid value`, `Required value`, `Forbidden`, `Too long`, `Unsupported value`
   * (not the StatusCause reason such as `FieldValueInvalid`).
   */
  type?: string;
  message: string;
}

export interface SelectorRequirement {
  key: string;
  /** Upstream's selection.Operator spelling. */
  operator: 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';
  values: string[];
}

export type SelectorVerdict =
  | { valid: true; canonical: string; requirements: SelectorRequirement[] }
  | { valid: false; error: string };

export type MatchVerdict =
  | { valid: true; canonical: string; matches: boolean[] }
  | { valid: false; error: string };

export interface LabelSelectorObject {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export type LabelSelectorVerdict =
  | { valid: true; canonical: string; matches: boolean[] }
  | { valid: false; errors: FieldError[] };

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

export interface LabelsMethods {
  /** Validate one label key and value (ValidateLabels); errors use the field `metadata.labels`. */
  'labels.validate': { params: { key: string; value: string }; result: { valid: boolean; errors: FieldError[] } };
  /** Validate annotations (ValidateAnnotations: qualified-name keys, 256 KiB in all). */
  'labels.validateAnnotations': {
    params: { annotations: Record<string, string> };
    result: { valid: boolean; errors: FieldError[] };
  };
}

export interface SelectorsMethods {
  /** Parse a selector string (labels.Parse). */
  'selectors.parse': { params: { selector: string }; result: SelectorVerdict };
  /** Parse a selector string and match it against each label set, in order. */
  'selectors.match': { params: { selector: string; labelSets: Labels[] }; result: MatchVerdict };
  /** Select objects by a selector string; returns the names selected, in input order. */
  'selectors.select': {
    params: { selector: string; objects: { metadata: ObjectMeta }[] };
    result: { valid: true; selected: string[] } | { valid: false; error: string };
  };
  /** Validate and convert a metav1.LabelSelector, then match it against each label set. */
  'selectors.matchLabelSelector': {
    params: { labelSelector: LabelSelectorObject | null; labelSets: Labels[] };
    result: LabelSelectorVerdict;
  };
}
