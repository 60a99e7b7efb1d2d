// Messages of the CRM-export import additions (English): why the header row
// and each column were guessed, values to fields, potential from a column,
// and tiering by rule (keys 'import.*' and 'tiering.*').
export const importCrmEn = {
  'import.field.needs': 'Needs',
  'import.field.potentialBase': 'Number for potential (× factor)',

  'import.header.empty': 'The first row is empty.',
  'import.header.knownNames': 'First row is a header: {named} of its {total} cells name fields ({examples}).',
  'import.header.textAboveTyped': 'First row is a header: “{header}” is text above a column of numbers or dates.',
  'import.header.textAboveKnownValues': 'First row is a header: “{header}” is above a column of {field} values.',
  'import.header.typedFirstRow': 'First row is data: it has numbers or dates.',
  'import.header.looksLikeData': 'First row is data: its cells name no field and look like the rows below.',

  'import.reason.header': 'The header “{header}” means {field}.',
  'import.reason.duplicateHeader': 'The header “{header}” also means {field}, which an earlier column already feeds.',
  'import.reason.tiers': 'Every value is a tier (S, A, B, C).',
  'import.reason.statuses': 'Every value is a customer status.',
  'import.reason.segments': 'Every value is a segment of the plan ({distinct} different).',
  'import.reason.phases': 'Every value is a phase of the plan.',
  'import.reason.existingIds': 'Every value is the id of a customer in the plan.',
  'import.reason.people': 'Every value is a person of the plan.',
  'import.reason.amounts': 'Every value is an amount.',
  'import.reason.textOrder': 'A text column without a header: text columns are taken as name, region and industry in that order ({field}).',
  'import.reason.none': 'Neither the header nor the values match a field.',

  'import.valueMap.unmapped': '“{value}” ({count} rows, first in row {line}) has no {field} yet.',
  'import.problem.badFactor': '“{value}” is not a factor: write a number such as 0.03 or 3 %.',

  'tiering.method.share': 'Top shares',
  'tiering.method.threshold': 'Minimum values',
  'tiering.scope.all': 'Whole list',
  'tiering.scope.segment': 'Within each segment',
  'tiering.problem.shareRange': 'The share of tier {tier} must lie between 0 and 100 % (it is {value}).',
  'tiering.problem.sharesOver': 'The shares of S, A and B add up to {sum}: at most 100 %.',
  'tiering.problem.thresholdNegative': 'The minimum of tier {tier} must be 0 or more (it is {value}).',
  'tiering.problem.thresholdOrder': 'The minimums must not increase from S to A to B (S {S}, A {A}, B {B}).',
  'tiering.problem.textValues': 'The number column has {count} cells that are not numbers, e.g. {examples}. Nothing was tiered.',
  'tiering.changed.one': '{count} customer changes tier',
  'tiering.changed.other': '{count} customers change tier',
} as const;
