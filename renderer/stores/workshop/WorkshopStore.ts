// Workshop mode: the plan walked through on a projector, one step at a time.
// The step survives a language switch (it is state here, not in the view)
// and leaving and coming back starts where the room left off.
import { action, computed, makeObservable, observable } from 'mobx';
import { presentable } from './presentable';

export const WORKSHOP_STEPS = ['plan', 'phases', 'targets', 'ironTriangles', 'funnel', 'odds', 'whatIf', 'scenarios', 'decisions'] as const;
export type WorkshopStep = (typeof WORKSHOP_STEPS)[number];

export class WorkshopStore {
  active = false;
  step: WorkshopStep = 'plan';

  constructor() {
    makeObservable(this, {
      active: observable,
      step: observable,
      enter: action,
      leave: action,
      go: action,
      next: action,
      previous: action,
      index: computed,
    });
  }

  get index(): number {
    return WORKSHOP_STEPS.indexOf(this.step);
  }

  /** A message as it may be shown: in workshop mode without file paths or the token. */
  shown(text: string): string {
    return this.active ? presentable(text) : text;
  }

  enter(): void {
    this.active = true;
  }

  leave(): void {
    this.active = false;
  }

  go(step: WorkshopStep): void {
    this.step = step;
  }

  next(): void {
    this.step = WORKSHOP_STEPS[Math.min(WORKSHOP_STEPS.length - 1, this.index + 1)]!;
  }

  previous(): void {
    this.step = WORKSHOP_STEPS[Math.max(0, this.index - 1)]!;
  }
}
