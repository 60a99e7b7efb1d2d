// Messages of a customer's account plan (English): needs (客户需求), the
// account ladder (分阶段加深客户合作深度) with the behind-plan filter, and the
// breakthrough odds of the latest run (customer detail, Goals).
export const accountEn = {
  'customers.col.needs': 'Needs',
  'customers.needs.label': 'What this customer needs (客户需求)',
  'customers.needs.hint': 'The method starts here: the need, how we guide and meet it. Saved when you leave the field; searchable in the customer list.',
  'customers.needs.count': '{count} of {max} characters',
  'customers.needs.tooLong': 'Needs are limited to {max} characters; this text has {count}. Nothing was saved.',
  'customers.needs.save': 'Save needs',

  'customers.ladder.title': 'Account ladder — planned levels by the end of each phase',
  'customers.ladder.hint':
    'The level each relationship layer should reach by the end of each phase (0–4). A phase is planned on all three layers together: its first level copies the others from the phase before (or today); “—” removes that phase’s plan. The simulation uses the plan of the breakthrough phase.',
  'customers.ladder.today': 'Today',
  'customers.ladder.phase': 'Phase',
  'customers.ladder.notPlanned': '— not planned',
  'customers.ladder.cell': '{layer} by the end of {phase}',
  'customers.ladder.current': 'current',
  'customers.ladder.behind': 'Behind plan for {phase}: {layers}.',
  'customers.ladder.onPlan': 'On plan for {phase}.',
  'customers.ladder.noPhases': 'The plan has no phases yet.',

  'customers.filter.behindPlan': 'Behind plan',
  'customers.filter.behindPlan.tip':
    'Customers whose level today is below the level planned for the current phase on any relationship layer. Current phase: the phase containing this month; before or between phases, the first phase not yet ended; after the last phase, the last one. Now: {phase}.',
  'customers.filter.behindPlan.noPhase': 'no phase',
  'customers.chip.behindPlan': 'Behind plan for {phase}',

  'odds.title': 'Breakthrough odds',
  'odds.planned': 'With planned levels',
  'odds.today': 'With today’s levels',
  'odds.explain':
    'Chance that the first deal is signed by the end of the breakthrough phase, from the latest simulation run: with the levels the account ladder plans for that phase, and with today’s levels.',
  'odds.noPlan': 'No levels are planned for the breakthrough phase, so both odds use today’s levels.',
  'odds.notSimulated': 'Not simulated',
  'odds.notSimulated.none': 'Run the simulation to see the odds.',
  'odds.notSimulated.stale': 'The plan changed since the last run: run the simulation again to see the odds.',
  'odds.notPursued': 'Not pursued: this customer has no breakthrough phase within the plan’s horizon.',
  'odds.loading': 'Loading…',
  'odds.toSimulation': 'Open Simulation',
  'odds.column': 'Odds',
  'odds.goal.today': 'today’s levels: {value}',
  'odds.goal.notPursued': 'not pursued',
  'odds.goal.notPursued.tip': 'The goal’s customer has no breakthrough phase within the horizon, so nothing is simulated for it.',
  'odds.goal.notApplicable': 'Only first-contract goals are simulated.',
} as const;
