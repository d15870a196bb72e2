// The reference implementation of labels, annotations and label selectors
// (k8s.io/apimachinery pkg/labels, pkg/util/validation, metav1 LabelSelector). One export surface.
export { aggregateMessage, ERROR_TYPES, formatFieldError, type ErrorTypeText, type FieldError } from './fieldError.ts';
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
