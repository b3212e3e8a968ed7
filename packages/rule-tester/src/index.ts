export {
  RuleTester,
  VIRTUAL_ROOT,
  type ExpectedError,
  type ExpectedRelated,
  type ExpectedSuggestion,
  type InvalidCase,
  type RuleTesterCases,
  type ValidCase,
} from './rule-tester.js';
