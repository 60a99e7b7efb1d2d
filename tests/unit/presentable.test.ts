// Workshop mode's presenter safety: paths and the access token never reach the projector.
import { describe, expect, it } from 'vitest';
import { presentable } from '../../renderer/stores/workshop/presentable';

describe('presentable', () => {
  it('hides POSIX, Windows and file: paths and a token, and keeps the rest of the message', () => {
    expect(presentable('The plan /home/li/plans/East.salesplan was closed')).toBe('The plan … was closed');
    expect(presentable('Cannot read C:\\Users\\li\\plans\\东区.salesplan: busy')).toBe('Cannot read … busy');
    expect(presentable('see file:///tmp/x.json')).toBe('see …');
    expect(presentable('token ' + 'ab12'.repeat(16) + ' expired')).toBe('token … expired');
  });

  it('leaves ordinary text alone: ratios, dates, JSON paths of plan issues', () => {
    for (const t of ['Win rate 40/60', 'funnels[0].stages[2].conversion: must be at most 1', '2027-03/2027-06', '1/2 done']) expect(presentable(t)).toBe(t);
  });
});
