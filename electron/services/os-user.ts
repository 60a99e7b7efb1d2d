// Who edits: the OS user's name, recorded as the actor of each change (app, CLI, host).
import { userInfo } from 'node:os';

export function osUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
