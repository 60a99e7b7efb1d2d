// The CLI's commands, in the order `--help` lists them. A new command is a
// module in this folder plus one line here.
import type { CliCommand } from '../command';
import { actualsCommand } from './actuals';
import { calibrateCommand } from './calibrate';
import { backupsCommand, restoreCommand } from './backups';
import { exportCommand } from './export';
import { importCommand } from './import';
import { infoCommand } from './info';
import { newCommand } from './new';
import { requiredLeadsCommand } from './required-leads';
import { sensitivityCommand } from './sensitivity';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

export const COMMANDS: readonly CliCommand[] = [
  newCommand,
  importCommand,
  exportCommand,
  validateCommand,
  infoCommand,
  simulateCommand,
  requiredLeadsCommand,
  sensitivityCommand,
  calibrateCommand,
  backupsCommand,
  restoreCommand,
  actualsCommand,
];
