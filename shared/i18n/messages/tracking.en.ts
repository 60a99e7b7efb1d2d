// Tracking: actuals month by month, plan vs actual, the reforecast (issue #12).
export const trackingEn = {
  'tracking.problem.columnMissing': 'The sheet needs a “{field}” column (found: {header}). Columns: month, metric, value, and optionally segment.',
  'tracking.problem.noRows': 'The sheet has a header but no actuals.',
  'tracking.problem.badMonth': 'Column “{column}”: “{example}” is not a month (rows {rows}; {count} in all). Write months as 2027-03.',
  'tracking.problem.outsideHorizon': 'Column “{column}”: {example} is outside the plan’s horizon (rows {rows}; {count} in all). Actuals must fall inside the plan’s months.',
  'tracking.problem.badMetric': 'Column “{column}”: “{example}” is not a metric (rows {rows}; {count} in all). Use one of: {metrics}.',
  'tracking.problem.noValue': 'Column “{column}”: the value is empty (rows {rows}; {count} in all).',
  'tracking.problem.badValue': 'Column “{column}”: “{example}” is not a number of 0 or more (rows {rows}; {count} in all).',
  'tracking.problem.unknownSegment': 'Column “{column}”: “{example}” is not a segment of this plan (rows {rows}; {count} in all). Leave it empty for the whole plan.',
  'tracking.problem.duplicate': 'Column “{column}”: {example} appears more than once (rows {rows}; {count} in all; first in row {first}). Give one value per month, metric and segment.',
} as const;
