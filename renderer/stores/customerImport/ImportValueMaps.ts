// The import's values step: a column's values mapped to segments, tiers,
// statuses or owners (the edits themselves in valueMapEdits.ts). Values still
// without a target hold the import back; columns whose values do not all
// name one are offered a map.
import { action, computed, makeObservable, observableRef } from 'mobx';
import { suggestValueMap, type ColumnMapping, type ImportContext, type SourceRow, type ValueMap, type ValueMapField } from '../../../shared/import';
import type { Person, Segment } from '../../../shared/plan/types';
import { newValueMapPlace, valueMapSuggestions, valueMapViews, withMapMoved, withValueTarget, type ValueMapView } from './valueMapEdits';

/** What the values step reads of the import session. */
export interface ValueMapsSource {
  readonly rows: readonly SourceRow[];
  readonly mapping: ColumnMapping;
  readonly width: number;
  readonly context: ImportContext;
  readonly segments: readonly Segment[];
  readonly people: readonly Person[];
}

export class ImportValueMaps {
  maps: ValueMap[] = [];

  constructor(private readonly source: ValueMapsSource) {
    makeObservable(this, {
      maps: observableRef,
      views: computed,
      unmappedCount: computed,
      suggestions: computed,
      replace: action,
      addFor: action,
      add: action,
      move: action,
      setTarget: action,
      remove: action,
    });
  }

  get views(): ValueMapView[] {
    return valueMapViews(this.source.rows, this.maps);
  }

  /** Values still without a target over all maps: the import waits while any is left. */
  get unmappedCount(): number {
    return this.views.reduce((n, v) => n + v.unmapped.length, 0);
  }

  /** Columns whose values do not all name a segment, tier, status or owner, offered as "map its values". */
  get suggestions(): { column: number; field: ValueMapField; unresolved: number }[] {
    const s = this.source;
    return valueMapSuggestions(s.rows, s.mapping, this.maps, s.context);
  }

  /** What a map's field can take: [value, label] pairs (labels of tiers and statuses are translated by the view). */
  targetsFor(field: ValueMapField): { value: string; label: string }[] {
    if (field === 'segment') return this.source.segments.map((s) => ({ value: s.id, label: s.name }));
    if (field === 'tier' || field === 'status') return [];
    return this.source.people.map((p) => ({ value: p.id, label: p.name }));
  }

  /** The maps of a new mapping (none) or of the last import of this kind of file. */
  replace(maps: ValueMap[]): void {
    this.maps = maps;
  }

  /** A map for `column` → `field`, values that already name one filled in. */
  addFor(column: number, field: ValueMapField): void {
    this.maps = [...this.maps, suggestValueMap(this.source.rows, column, field, this.source.context)];
  }

  /** A new map: the first column not mapped yet, to the first field without a map. */
  add(): void {
    const { column, field } = newValueMapPlace(this.source.mapping, this.maps, this.source.width);
    this.addFor(column, field);
  }

  /** Another column or field for map `index`: its values are suggested afresh. */
  move(index: number, patch: { column?: number; field?: ValueMapField }): void {
    const next = withMapMoved(this.source.rows, this.maps, index, patch, this.source.context);
    if (next) this.maps = next;
  }

  /** `target` null leaves the value without one (listed; the import waits). */
  setTarget(index: number, value: string, target: string | null): void {
    this.maps = withValueTarget(this.maps, index, value, target);
  }

  remove(index: number): void {
    this.maps = this.maps.filter((_, i) => i !== index);
  }
}
