// How the history words edits of plan-format v2 fields, in both languages:
// goal status, a customer's needs and relationship plan, a person's limit,
// a decision's author — labelled and formatted, never raw keys or ids.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/translate';
import { changedFieldNames, fieldChanges, type FieldContext } from '../../renderer/stores/history/fields';

const NAMES: Record<string, string> = { p1: 'Entry', wang: 'Wang Li' };
const ctx = (locale: 'en' | 'zh-CN'): FieldContext => ({ tr: createTranslator(locale), currency: 'CNY', nameOf: (_kind, id) => NAMES[id] });

describe('history fields of plan-format v2', () => {
  it('labels a goal status and shows it translated', () => {
    const goal = { id: 'g1', title: 'First contract', status: 'notStarted' };
    const entity = { kind: 'goals', op: 'update', id: 'g1', before: goal, after: { ...goal, status: 'achieved' } } as const;
    expect(fieldChanges(entity, ctx('en'))).toMatchObject([{ label: 'status', before: 'Not started', after: 'Achieved' }]);
    expect(fieldChanges(entity, ctx('zh-CN'))).toMatchObject([{ before: '未开始', after: '已达成' }]);
  });

  it('names the phase and layer of a relationship-plan change, and the needs field', () => {
    const c = { id: 'c1', name: 'City Bank', relationshipPlan: { p1: { key: 2, broad: 1, organizational: 1 } } };
    const after = { ...c, needs: 'Campus refresh', relationshipPlan: { p1: { key: 3, broad: 1, organizational: 1 } } };
    const entity = { kind: 'customers', op: 'update', id: 'c1', before: c, after } as const;
    const en = fieldChanges(entity, ctx('en'));
    expect(en.map((f) => f.label)).toEqual(['relationship plan › Entry › Key relationship', 'needs']);
    expect(en[0]).toMatchObject({ before: '2', after: '3' });
    expect(changedFieldNames(entity, ctx('zh-CN'))).toEqual(['分阶段客户关系规划', '客户需求']);
  });

  it('shows who decided by name and labels a person’s limit', () => {
    const d = { kind: 'decisions', op: 'create', id: 'd1', before: null, after: { id: 'd1', at: '2027-03-14T10:05:00Z', text: 'Banks first', byId: 'wang' } } as const;
    expect(fieldChanges(d, ctx('en')).find((f) => f.label === 'decided by')).toMatchObject({ after: 'Wang Li' });
    const p = { id: 'wang', name: 'Wang Li', role: 'platform' };
    const limit = { kind: 'people', op: 'update', id: 'wang', before: p, after: { ...p, customerLimit: 5 } } as const;
    expect(fieldChanges(limit, ctx('zh-CN'))).toMatchObject([{ label: '客户数上限', after: '5' }]);
  });
});
