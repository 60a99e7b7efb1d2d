// The one ECharts wrapper: give it an option, a label and a text summary.
// Each screen registers only the chart types and components it uses (with
// echarts/core's `use`, imported as registerChartParts: React's lint would
// take a bare `use` for React's hook), which keeps the bundle small; this file adds
// the SVG renderer (crisp at any zoom, and it sets styles through CSSOM
// only, which the strict CSP allows). The chart is one image to assistive
// technology, named by `label`, with `summary` as its text equivalent.
import { getInstanceByDom, init, use as registerChartParts, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef } from 'react';
import '../styles/echart.css';

registerChartParts([SVGRenderer]);

declare global {
  interface Window {
    /** The chart drawn in an element: how the bench and the end-to-end tests read what a
     * canvas chart shows (its series data), which the DOM cannot tell them. */
    plannerCharts?: { of(el: Element): EChartsType | undefined };
  }
}
window.plannerCharts = { of: (el) => getInstanceByDom(el as HTMLElement) };

export interface EChartProps {
  option: EChartsCoreOption;
  /** Accessible name of the chart. */
  label: string;
  /** What the chart shows, as text (read by screen readers, never seen). */
  summary: string;
  className?: string;
  /** Chart events, e.g. `{ click: (params) => … }`. */
  onEvents?: Record<string, (params: unknown) => void>;
  /** 'canvas' for many thousands of marks (SVG would need an element each); the caller
   * registers CanvasRenderer itself. Read once, when the chart is created. */
  renderer?: 'svg' | 'canvas';
  /** Hands over the chart once created (null when gone), for callers that update part of
   * it with their own `setOption` merges instead of a whole new `option`. */
  onChart?: (chart: EChartsType | null) => void;
}

export function EChart({ option, label, summary, className, onEvents, renderer = 'svg', onChart }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const summaryId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer });
    chart.current = instance;
    onChart?.(instance);
    // Follow the container: window resizes, a panel opening, a language with wider labels.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      onChart?.(null);
      instance.dispose();
      chart.current = null;
    };
    // `renderer` and `onChart` are read once, when the chart is created (see EChartProps).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onEvents) return;
    const entries = Object.entries(onEvents);
    for (const [name, handler] of entries) instance.on(name, handler);
    return () => {
      for (const [name, handler] of entries) instance.off(name, handler);
    };
  }, [onEvents]);

  return (
    <div className={className ? `echart ${className}` : 'echart'}>
      <div ref={ref} className="echart-canvas" role="img" aria-label={label} aria-describedby={summaryId} />
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
    </div>
  );
}
