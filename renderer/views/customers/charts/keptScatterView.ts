// ECharts' scatter view, except that a large series whose drawing would not
// change keeps the drawing it has. ECharts re-reads, lays out and re-renders
// every series on any setOption, even one that gives it a single series
// (SeriesModel.mergeOption runs for all of them); each render makes a new
// path for the series' points, which marks its canvas layer dirty, so every
// layer is painted again. With each tier's series on its own layer (`zlevel`,
// ReadinessScatter.tsx), keeping the path of a tier whose points have not
// moved on screen leaves that layer's canvas as it is: after one edit only
// the edited tier's points are painted (50,000 points: ~15 ms of 25).
//
// What "would not change" means is what ECharts' large drawing reads
// (LargeSymbolDraw): the points' pixel positions, the symbol and its size,
// the style and colour, the clip area and the series' place. Anything else
// (a point moved, a resize, a legend toggle, a new language) renders as
// ECharts does. Registered in place of the scatter chart's own view.
import { use as registerChartParts } from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import ScatterView from 'echarts/lib/chart/scatter/ScatterView.js';

type ScatterArgs = Parameters<ScatterView['render']>;

interface Drawn {
  /** The pixel positions drawn: x, y of each point (ECharts' layout 'points'). */
  points: Float32Array;
  look: string;
}

class KeptScatterView extends ScatterView {
  static override readonly type = 'scatter';
  private drawn: Drawn | null = null;

  override render(seriesModel: ScatterArgs[0], ecModel: ScatterArgs[1], api: ScatterArgs[2]): void {
    const data = seriesModel.getData();
    const points = data.getLayout('points') as Float32Array | undefined;
    const large = !!seriesModel.pipelineContext?.large && !seriesModel.pipelineContext.progressiveRender && points instanceof Float32Array;
    const look = large ? lookOf(seriesModel) : '';
    const drawn = this.drawn;
    if (large && drawn && this._symbolDraw && this._isLargeDraw && drawn.look === look && sameNumbers(drawn.points, points)) {
      // The same picture: keep the path (and so the layer's canvas). The draw keeps the data
      // it lays out again on a coordinate-system change; hand it the current one.
      (this._symbolDraw as unknown as { _data: unknown })._data = data;
      return;
    }
    super.render(seriesModel, ecModel, api);
    this.drawn = large ? { points: points.slice(), look } : null;
  }

  override remove(...args: Parameters<ScatterView['remove']>): void {
    this.drawn = null;
    super.remove(...args);
  }
}

/** Everything besides the points that LargeSymbolDraw draws with. */
function lookOf(seriesModel: ScatterArgs[0]): string {
  const data = seriesModel.getData();
  const area = (seriesModel.coordinateSystem as { getArea?: () => object } | undefined)?.getArea?.();
  return JSON.stringify([
    seriesModel.seriesIndex,
    data.getVisual('symbol'),
    data.getVisual('symbolSize'),
    data.getVisual('style'),
    seriesModel.get('itemStyle'),
    seriesModel.get('clip'),
    area,
  ]);
}

function sameNumbers(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function installKeptScatterView(registers: { registerChartView(view: unknown): void }): void {
  registers.registerChartView(KeptScatterView);
}

/** Registers the scatter chart with the kept view (after ECharts' own, which it replaces). */
export function registerKeptScatter(): void {
  registerChartParts([ScatterChart, installKeptScatterView]);
}
