// The reference implementation of labels, annotations and label selectors
// (k8s.io/apimachinery pkg/labels, pkg/util/validation, metav1 LabelSelector). One export surface.
//
// Baseline: current upstream, where label keys and values are checked by
// k8s.io/apimachinery/pkg/api/validate/content; its texts say `bytes` and `a valid label key`
// (releases before it said `characters` and `a qualified name`). Deliberate differences, both
// invisible to matching: where upstream iterates a Go map (label and annotation errors, matchLabels)
// we use insertion order; requirements with equal keys keep input order even past 12 requirements,
// where Go's unstable sort may reorder them in String().
export {
  aggregateMessage,
  child,
  ERROR_TYPES,
  forbidden,
  formatFieldError,
  invalid,
  jsonValue,
  notSupported,
  required,
  stringValue,
  subscript,
  tooLong,
  type BadValue,
  type ErrorTypeText,
  type FieldError,
  type FieldPath,
} from './fieldError.ts';
export { isDNS1123Subdomain } from './isDNS1123Subdomain.ts';
export { isQualifiedName } from './isQualifiedName.ts';
export { isValidLabelValue } from './isValidLabelValue.ts';
export {
  DEFAULT_SELECTOR_PATH,
  labelSelectorAsSelector,
  validateLabelSelector,
  type LabelSelectorObject,
  type LabelSelectorRequirementObject,
  type LabelSelectorResult,
} from './labelSelector.ts';
export type { Operator } from './operator.ts';
export { parseSelector, type ParseResult } from './parseSelector.ts';
export { newRequirement, Requirement, type Labels, type RequirementResult } from './requirement.ts';
export { EVERYTHING, Selector } from './selector.ts';
export { annotationsSize, TOTAL_ANNOTATION_SIZE_LIMIT_B, validateAnnotations } from './validateAnnotations.ts';
export { validateLabels } from './validateLabels.ts';
