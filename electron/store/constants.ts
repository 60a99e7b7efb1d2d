// Marks of our plan files. APPLICATION_ID is written into the SQLite header
// (offset 68) by the first migration, so a plan is recognised by its bytes,
// never by its name.
export const APPLICATION_ID = 0x5361506c; // "SaPl"
export const PLAN_EXTENSION = '.salesplan';
